//! The DSL's forms beyond the examples, each checked in the emitted ASL and, where it runs
//! locally, in the execution: nested executions, AWS SDK calls, Wait, Pass results,
//! variables, intrinsics, selectors, typed input and output paths, JSONata and the raw escape
//! hatch.

use lambda_runtime::{Error, LambdaEvent};
use serde_json::json;
use statewright::dsl::{ExecutionResult, SdkCall};
use statewright::prelude::*;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Payload)]
struct Job {
    id: String,
    size: u32,
    owner: Owner,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Payload)]
struct Owner {
    name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Payload)]
struct Doubled {
    size: u32,
}

#[statewright::lambda(function = "Double")]
async fn double(event: LambdaEvent<Doubled>) -> Result<Doubled, Error> {
    Ok(Doubled {
        size: event.payload.size * 2,
    })
}

/// The child: doubles a size.
#[derive(Workflow)]
#[workflow(input = Doubled, output = Doubled)]
struct Child {
    #[state(end)]
    double: Task<Double>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Payload)]
struct Summary {
    job: String,
    doubled: u32,
}

/// The parent: picks the size, waits, runs the child, and summarizes.
#[derive(Workflow)]
#[workflow(input = Job, output = Summary)]
struct Parent {
    /// Remembers the id in a variable, then keeps only the size.
    #[state(next = pick, assign(job_id = result.id))]
    remember: Pass,
    #[state(next = wait, output = Doubled, parameters(size = input.size))]
    pick: Pass<Doubled>,
    #[state(seconds = 3600, next = child)]
    wait: Wait,
    #[state(state_machine = "Child", next = summarize,
            result_selector(doubled = result.output.size), selected = Picked)]
    child: Task<StartExecution<Child>>,
    #[state(end, parameters("job" = var(job_id), doubled = input.doubled))]
    summarize: Pass<Summary>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Payload)]
struct Picked {
    doubled: u32,
}

#[test]
fn a_nested_execution_runs_its_child_workflow() {
    let job = Job {
        id: "job-1".into(),
        size: 21,
        owner: Owner { name: "ann".into() },
    };
    let run = Parent::local().run_blocking(job).unwrap();
    assert_eq!(
        run.output,
        Summary {
            job: "job-1".into(),
            doubled: 42
        }
    );
    let definition = Parent::definition().to_value();
    let states = &definition["States"];
    assert_eq!(states["pick"]["Parameters"], json!({"size.$": "$.size"}));
    assert_eq!(states["remember"]["Assign"], json!({"job_id.$": "$.id"}));
    assert_eq!(
        states["remember"]["Comment"],
        "Remembers the id in a variable, then keeps only the size."
    );
    assert_eq!(states["wait"]["Seconds"], 3600);
    assert_eq!(
        states["child"]["Resource"],
        "arn:aws:states:::states:startExecution.sync:2"
    );
    assert_eq!(
        states["child"]["Parameters"],
        json!({"StateMachineArn": "${ChildStateMachineArn}", "Input.$": "$"})
    );
    assert_eq!(
        states["child"]["ResultSelector"],
        json!({"doubled.$": "$.Output.size"})
    );
    assert_eq!(
        states["summarize"]["Parameters"],
        json!({"job.$": "$job_id", "doubled.$": "$.doubled"})
    );
    let _: Option<ExecutionResult<Doubled>> = None;
}

struct ListBuckets;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Payload)]
struct Buckets {
    #[serde(rename = "Buckets")]
    buckets: Vec<serde_json::Value>,
}

impl SdkCall for ListBuckets {
    const SERVICE: &'static str = "s3";
    const ACTION: &'static str = "listBuckets";
    type Request = serde_json::Value;
    type Response = Buckets;
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Payload)]
struct Named {
    owner: String,
    greeting: String,
}

/// Intrinsics, typed input and output paths, an SDK call and the raw escape hatch.
#[derive(Workflow)]
#[workflow(input = Job)]
struct Misc {
    #[state(next = list, input_path = owner, output = Named,
            parameters(owner = input.name, greeting = call("States.Format('Hello, {}!', $.name)")))]
    greet: Pass<Named>,
    #[state(next = done, parameters("MaxBuckets" = 10), output_path = buckets,
            raw = json!({"Credentials": {"RoleArn": "arn:aws:iam::111122223333:role/Reader"}}))]
    list: Task<AwsSdk<ListBuckets>>,
    #[state(input_path = "$[0]")]
    done: Succeed,
}

#[test]
fn intrinsics_paths_sdk_calls_and_raw_fields_emit_as_written() {
    let states = Misc::definition().to_value()["States"].clone();
    assert_eq!(states["greet"]["InputPath"], "$.owner");
    assert_eq!(
        states["greet"]["Parameters"],
        json!({"owner.$": "$.name", "greeting.$": "States.Format('Hello, {}!', $.name)"})
    );
    assert_eq!(
        states["list"]["Resource"],
        "arn:aws:states:::aws-sdk:s3:listBuckets"
    );
    assert_eq!(states["list"]["Parameters"], json!({"MaxBuckets": 10}));
    assert_eq!(states["list"]["OutputPath"], "$.Buckets");
    assert_eq!(
        states["list"]["Credentials"]["RoleArn"],
        "arn:aws:iam::111122223333:role/Reader"
    );
    assert_eq!(states["done"]["InputPath"], "$[0]");
    let run = Misc::local()
        .configure(|builder| {
            builder.mock(
                "arn:aws:states:::aws-sdk:s3:listBuckets",
                |_: String, _: serde_json::Value| async {
                    Ok(json!({"Buckets": [{"Name": "logs"}]}))
                },
            )
        })
        .run_blocking(Job {
            id: "j".into(),
            size: 1,
            owner: Owner { name: "Ann".into() },
        })
        .unwrap();
    assert_eq!(run.output, json!({"Name": "logs"}));
}

/// A JSONata workflow: typed arguments, an output expression, a condition.
#[derive(Workflow)]
#[workflow(input = Doubled, output = Doubled, query_language = "JSONata")]
struct Jsonata {
    #[choice(when("{% $states.input.size > 10 %}") => big, default = small)]
    route: Choice<Doubled>,
    #[state(end, arguments(size = input.size), assign(seen = "{% $states.input.size %}"))]
    big: Task<Double>,
    #[state(end, output_expr = "{% {'size': $states.input.size + 1} %}", output = Doubled)]
    small: Pass,
}

#[test]
fn jsonata_workflows_run_with_typed_arguments() {
    let states = Jsonata::definition().to_value()["States"].clone();
    assert_eq!(
        states["route"]["Choices"][0]["Condition"],
        "{% $states.input.size > 10 %}"
    );
    assert_eq!(
        states["big"]["Arguments"],
        json!({"size": "{% $states.input.size %}"})
    );
    assert_eq!(
        states["big"]["Assign"],
        json!({"seen": "{% $states.input.size %}"})
    );
    let big = Jsonata::local().run_blocking(Doubled { size: 20 }).unwrap();
    assert_eq!(big.output, Doubled { size: 40 });
    let small = Jsonata::local().run_blocking(Doubled { size: 2 }).unwrap();
    assert_eq!(small.output, Doubled { size: 3 });
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Payload)]
struct Ticket {
    id: String,
    failure: Option<CaughtError>,
}

#[statewright::lambda(function = "Explode")]
async fn explode(_: LambdaEvent<Ticket>) -> Result<Ticket, Error> {
    Err("the fuse was short".into())
}

/// A catch records the error in an optional field of the same type.
#[derive(Workflow)]
#[workflow(input = Ticket, output = Ticket)]
struct Recover {
    #[state(end)]
    #[catch(errors = ["States.ALL"], next = recorded, result_path = failure, output = Ticket)]
    explode: Task<Explode>,
    recorded: Succeed,
}

#[test]
fn a_catch_fills_an_optional_field_with_the_error() {
    let run = Recover::local()
        .run_blocking(Ticket {
            id: "t".into(),
            failure: None,
        })
        .unwrap();
    let failure = run.output.failure.expect("the catch recorded the error");
    // Lambda's cause is the runtime's error JSON, as on AWS.
    let cause: serde_json::Value = serde_json::from_str(&failure.cause).unwrap();
    assert_eq!(cause["errorMessage"], "the fuse was short");
    assert_eq!(failure.error, cause["errorType"]);
    assert_eq!(
        Recover::definition().to_value()["States"]["explode"]["Catch"][0]["ResultPath"],
        "$.failure"
    );
}

/// A distributed Map over the input's items, with an S3 result writer given raw.
#[derive(Workflow)]
#[workflow(input = Vec<Doubled>, output = serde_json::Value)]
struct Distributed {
    #[state(end, items = "$", distributed = "EXPRESS", max_concurrency = 100,
            raw = json!({"ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "results", "Prefix": "run"}}}))]
    each: Map<Child>,
}

#[test]
fn a_distributed_map_names_its_processor_mode() {
    let state = Distributed::definition().to_value()["States"]["each"].clone();
    assert_eq!(
        state["ItemProcessor"]["ProcessorConfig"],
        json!({"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"})
    );
    assert_eq!(state["ItemsPath"], "$");
    assert_eq!(state["ResultWriter"]["Parameters"]["Bucket"], "results");
}
