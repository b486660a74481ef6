//! The executor's behaviour beyond the recorded corpus: bad inputs, callbacks, time, limits.

use std::time::Duration;

use serde_json::{Value, json};
use statewright_core::exec::{
    Executor, ExecutorBuilder, InvokeContext, LambdaError, Status, TokenError,
};
use statewright_core::validate::{Options, load};

fn builder(definition: Value) -> ExecutorBuilder {
    Executor::builder(load(&definition.to_string(), &Options::default()).expect("valid definition"))
}

fn task(resource: &str) -> Value {
    json!({"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": resource, "End": true}}})
}

const FUNCTION: &str = "arn:aws:lambda:us-east-1:111111111111:function:f";

#[test]
fn a_handler_panic_is_a_task_failure() {
    let execution = builder(task(FUNCTION))
        .lambda("f", |_: Value, _: InvokeContext| async move {
            if true {
                panic!("boom");
            }
            Ok(Value::Null)
        })
        .build()
        .run_blocking(json!({}));
    assert_eq!(execution.status, Status::Failed);
    assert_eq!(execution.error.as_deref(), Some("Panic"));
    assert_eq!(
        execution.cause.as_deref(),
        Some(r#"{"errorMessage":"boom","errorType":"Panic"}"#)
    );
}

#[test]
fn a_handler_error_carries_its_type_and_message() {
    let definition = json!({"StartAt": "T", "States": {
        "T": {"Type": "Task", "Resource": FUNCTION, "End": true,
              "Catch": [{"ErrorEquals": ["ValidationError"], "ResultPath": "$.error", "Next": "Done"}]},
        "Done": {"Type": "Succeed"}}});
    let execution = builder(definition)
        .lambda("f", |_: Value, _: InvokeContext| async move {
            Err(LambdaError::new("ValidationError", "symbol is empty"))
        })
        .build()
        .run_blocking(json!({"symbol": ""}));
    assert_eq!(execution.status, Status::Succeeded);
    assert_eq!(
        execution.output_json(),
        Some(json!({"symbol": "", "error": {"Error": "ValidationError",
            "Cause": "{\"errorMessage\":\"symbol is empty\",\"errorType\":\"ValidationError\"}"}}))
    );
}

#[test]
fn a_result_over_256_kib_exceeds_the_data_limit() {
    let execution = builder(task(FUNCTION))
        .lambda("f", |_: Value, _: InvokeContext| async move {
            Ok(json!("x".repeat(300 * 1024)))
        })
        .build()
        .run_blocking(json!({}));
    assert_eq!(execution.error.as_deref(), Some("States.DataLimitExceeded"));
    assert_eq!(
        execution.cause.as_deref(),
        Some(
            "The state/task 'arn:aws:lambda:us-east-1:111111111111:function:f' returned a result \
             with a size exceeding the maximum number of bytes service limit."
        )
    );
}

#[test]
fn a_missing_path_at_run_time_fails_with_states_runtime() {
    let definition = json!({"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "$.order.id", "End": true}}});
    let execution = builder(definition)
        .build()
        .run_blocking(json!({"order": {}}));
    assert_eq!(execution.error.as_deref(), Some("States.Runtime"));
    assert_eq!(
        execution.cause.as_deref(),
        Some(
            "An error occurred while executing the state 'P' (entered at the event id #2). \
             Invalid path '$.order.id' : No results for path: $['order']['id']"
        )
    );
}

#[test]
fn an_endless_loop_stops_at_the_history_limit() {
    let definition = json!({"StartAt": "A", "States": {
        "A": {"Type": "Pass", "Next": "B"},
        "B": {"Type": "Choice", "Choices": [{"Variable": "$.stop", "IsPresent": true, "Next": "End"}], "Default": "A"},
        "End": {"Type": "Succeed"}}});
    let execution = builder(definition).build().run_blocking(json!({}));
    assert_eq!(execution.status, Status::Failed);
    assert_eq!(execution.error.as_deref(), Some("States.Runtime"));
    let events = execution.history.len();
    assert!((25_000..=25_002).contains(&events), "{events} events");
    assert_eq!(
        execution.history.last().unwrap().event_type,
        "ExecutionFailed"
    );
}

#[test]
fn an_inline_map_over_100_000_items_meets_the_history_limit_as_on_aws() {
    let definition = json!({"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
        "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}});
    // 100,000 zeros stay under the 256 KiB payload limit; 400,000 events do not fit AWS's
    // history limit of 25,000, so this fails as it would on AWS...
    let items = vec![0; 100_000];
    let execution = builder(definition.clone())
        .build()
        .run_blocking(json!(items));
    assert_eq!(execution.status, Status::Failed);
    assert_eq!(execution.error.as_deref(), Some("States.Runtime"));
    // ...and runs locally once the limit is lifted.
    let execution = builder(definition)
        .history_limit(None)
        .record_history(false)
        .build()
        .run_blocking(json!(items));
    assert_eq!(execution.status, Status::Succeeded);
    assert_eq!(execution.output_json(), Some(json!(items)));
}

#[test]
fn a_distributed_map_over_100_000_items_runs() {
    let definition = json!({"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                          "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}});
    let items = vec![0; 100_000];
    let execution = builder(definition).build().run_blocking(json!(items));
    assert_eq!(execution.status, Status::Succeeded);
    assert_eq!(execution.output_json(), Some(json!(items)));
}

#[test]
fn callbacks_complete_with_the_token_and_refuse_it_after() {
    let definition = json!({"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
        "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token"}}, "End": true}}});
    let executor = builder(definition).build();
    let running = executor.start(json!({}));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let token = runtime.block_on(running.next_token()).unwrap();
    assert_eq!(
        executor.services().messages("q")[0].body,
        json!({"token": token})
    );
    assert_eq!(
        executor.send_task_success("not-a-token", json!(1)),
        Err(TokenError::TaskDoesNotExist("not-a-token".into()))
    );
    executor.send_task_heartbeat(&token).unwrap();
    executor
        .send_task_success(&token, json!({"approved": true}))
        .unwrap();
    let execution = running.finish_blocking();
    assert_eq!(execution.output_json(), Some(json!({"approved": true})));
    assert_eq!(
        executor.send_task_success(&token, json!(2)),
        Err(TokenError::TaskTimedOut(token.clone()))
    );
}

#[test]
fn a_heartbeat_timeout_fires_when_virtual_time_passes_it() {
    let definition = json!({"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
        "Resource": "arn:aws:states:::sns:publish.waitForTaskToken", "HeartbeatSeconds": 60,
        "Parameters": {"TopicArn": "t", "Message.$": "$$.Task.Token"}, "End": true}}});
    let executor = builder(definition).build();
    let running = executor.start(json!({}));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let token = runtime.block_on(running.next_token()).unwrap();
    executor.advance_time(Duration::from_secs(30));
    executor.send_task_heartbeat(&token).unwrap();
    executor.advance_time(Duration::from_secs(45));
    executor.advance_time(Duration::from_secs(20));
    let execution = running.finish_blocking();
    assert_eq!(execution.error.as_deref(), Some("States.HeartbeatTimeout"));
}

#[test]
fn a_failed_callback_fails_the_task() {
    let definition = json!({"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
        "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
        "Parameters": {"FunctionName": "f", "Payload": {"token.$": "$$.Task.Token"}}, "End": true}}});
    let executor = builder(definition)
        .lambda(
            "f",
            |_: Value, _: InvokeContext| async move { Ok(Value::Null) },
        )
        .build();
    let running = executor.start(json!({}));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let token = runtime.block_on(running.next_token()).unwrap();
    executor
        .send_task_failure(&token, "Rejected", "a human said no")
        .unwrap();
    let execution = running.finish_blocking();
    assert_eq!(execution.error.as_deref(), Some("Rejected"));
    assert_eq!(execution.cause.as_deref(), Some("a human said no"));
}

#[test]
fn an_event_invocation_returns_202_without_waiting() {
    let definition = json!({"StartAt": "T", "States": {"T": {"Type": "Task",
        "Resource": "arn:aws:states:::lambda:invoke",
        "Parameters": {"FunctionName": "f", "InvocationType": "Event"}, "End": true}}});
    let execution = builder(definition)
        .lambda("f", |_: Value, _: InvokeContext| async move {
            Ok(json!("ignored"))
        })
        .build()
        .run_blocking(json!({}));
    let output = execution.output.unwrap();
    assert_eq!(output["StatusCode"], 202);
    assert_eq!(output["Payload"], "");
}

#[test]
fn retries_back_off_in_virtual_time() {
    let definition = json!({"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": FUNCTION,
        "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 3600, "MaxAttempts": 2, "BackoffRate": 2}],
        "End": true}}});
    let execution = builder(definition)
        .lambda("f", |_: Value, _: InvokeContext| async move {
            Err(LambdaError::new("Flaky", "no"))
        })
        .build()
        .run_blocking(json!({}));
    let attempts = execution
        .history
        .iter()
        .filter(|e| e.event_type == "LambdaFunctionScheduled")
        .count();
    assert_eq!(attempts, 3);
    assert_eq!(execution.error.as_deref(), Some("Flaky"));
}

#[test]
fn a_wait_of_a_day_and_the_machine_timeout_use_virtual_time() {
    let definition = json!({"TimeoutSeconds": 3600, "StartAt": "W", "States": {
        "W": {"Type": "Wait", "Seconds": 86400, "End": true}}});
    let execution = builder(definition).build().run_blocking(json!({}));
    assert_eq!(execution.status, Status::TimedOut);
    let definition =
        json!({"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 86400, "End": true}}});
    let execution = builder(definition).build().run_blocking(json!({"x": 1}));
    assert_eq!(execution.output_json(), Some(json!({"x": 1})));
}

#[test]
fn a_nested_sync_execution_returns_its_output() {
    let child = load(
        &json!({"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": {"child": true}, "End": true}}}).to_string(),
        &Options::default(),
    )
    .unwrap();
    let definition = json!({"StartAt": "Start", "States": {"Start": {"Type": "Task",
        "Resource": "arn:aws:states:::states:startExecution.sync:2",
        "Parameters": {"StateMachineArn": "arn:aws:states:us-east-1:111111111111:stateMachine:Child",
                       "Input": {"x": 1}},
        "OutputPath": "$.Output", "End": true}}});
    let execution = builder(definition)
        .state_machine("Child", child)
        .build()
        .run_blocking(json!({}));
    assert_eq!(execution.output_json(), Some(json!({"child": true})));
}

#[test]
fn an_unmocked_resource_fails_with_a_message_naming_it() {
    let execution = builder(task("arn:aws:states:::dynamodb:putItem"))
        .build()
        .run_blocking(json!({}));
    assert_eq!(execution.error.as_deref(), Some("States.Runtime"));
    assert!(
        execution
            .cause
            .as_deref()
            .unwrap()
            .contains("'dynamodb:putItem'"),
        "{:?}",
        execution.cause
    );
}

#[test]
fn parallel_branches_run_concurrently_and_a_failure_cancels_the_rest() {
    let definition = json!({"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
        {"StartAt": "Slow", "States": {"Slow": {"Type": "Wait", "Seconds": 3600, "Next": "Never"},
                                        "Never": {"Type": "Pass", "End": true}}},
        {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "Boom"}}}]}}});
    let execution = builder(definition).build().run_blocking(json!({}));
    assert_eq!(execution.error.as_deref(), Some("Boom"));
    assert!(
        execution
            .history
            .iter()
            .all(|e| e.details.as_ref().is_none_or(|d| d["name"] != "Never")),
        "the slow branch must not go on after the failure"
    );
}

#[test]
fn a_distributed_map_reads_csv_items_from_a_mounted_folder_and_writes_results() {
    let folder = std::env::temp_dir().join(format!("statewright-csv-{}", std::process::id()));
    std::fs::create_dir_all(folder.join("in")).unwrap();
    std::fs::write(
        folder.join("in/orders.csv"),
        "id,total\n1,9.50\n2,\"1,200\"\n",
    )
    .unwrap();
    let definition = json!({"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
        "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
                       "Parameters": {"Bucket": "orders", "Key.$": "$.key"},
                       "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"}},
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                          "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}});
    let executor = builder(definition).build();
    executor.services().mount_bucket("orders", &folder);
    let execution = executor.run_blocking(json!({"key": "in/orders.csv"}));
    assert_eq!(
        execution.output_json(),
        Some(json!([{"id": "1", "total": "9.50"}, {"id": "2", "total": "1,200"}]))
    );
    let definition = json!({"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
        "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
                       "Parameters": {"Bucket": "b", "Key": "items.json"}},
        "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject",
                         "Parameters": {"Bucket": "b", "Prefix": "out"}},
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                          "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}});
    let executor = builder(definition).build();
    executor
        .services()
        .put_object("b", "items.json", "[1, 2, 3]");
    let execution = executor.run_blocking(json!({}));
    let output = execution.output.unwrap();
    let manifest_key = output["ResultWriterDetails"]["Key"].as_str().unwrap();
    assert!(manifest_key.starts_with("out/") && manifest_key.ends_with("/manifest.json"));
    let manifest: Value =
        serde_json::from_str(&executor.services().object("b", manifest_key).unwrap()).unwrap();
    let results_key = manifest["ResultFiles"]["SUCCEEDED"][0]["Key"]
        .as_str()
        .unwrap();
    let results: Value =
        serde_json::from_str(&executor.services().object("b", results_key).unwrap()).unwrap();
    let outputs: Vec<&str> = results
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["Output"].as_str().unwrap())
        .collect();
    assert_eq!(outputs, ["1", "2", "3"]);
    std::fs::remove_dir_all(&folder).unwrap();
}

#[test]
fn a_missing_item_source_fails_with_item_reader_failed() {
    let definition = json!({"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
        "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
                       "Parameters": {"Bucket": "b", "Key": "../../etc/passwd"}},
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                          "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}});
    let executor = builder(definition).build();
    executor.services().mount_bucket("b", std::env::temp_dir());
    let execution = executor.run_blocking(json!({}));
    assert_eq!(execution.error.as_deref(), Some("States.ItemReaderFailed"));
}

#[test]
fn variables_are_limited_to_256_kib_each_and_per_assign() {
    let definition = json!({"StartAt": "A", "States": {"A": {"Type": "Pass",
        "Assign": {"big.$": "$.text"}, "End": true}}});
    let execution = builder(definition)
        .build()
        .run_blocking(json!({"text": "x".repeat(200 * 1024)}));
    assert_eq!(execution.status, Status::Succeeded);
    let definition = json!({"StartAt": "A", "States": {"A": {"Type": "Pass",
        "Assign": {"one.$": "$.text", "two.$": "$.text"}, "End": true}}});
    let execution = builder(definition)
        .build()
        .run_blocking(json!({"text": "x".repeat(200 * 1024)}));
    assert_eq!(execution.error.as_deref(), Some("States.Runtime"));
    assert!(
        execution
            .cause
            .unwrap()
            .contains("one Assign holds at most 262144 bytes")
    );
}

#[test]
fn assignments_see_the_values_from_before_the_state_and_stay_in_their_branch() {
    let definition = json!({"StartAt": "Set", "States": {
        "Set": {"Type": "Pass", "Assign": {"a": 1, "b": 2}, "Next": "Swap"},
        "Swap": {"Type": "Pass", "Assign": {"a.$": "$b", "b.$": "$a"}, "Next": "Branches"},
        "Branches": {"Type": "Parallel", "Next": "Read", "ResultPath": null, "Branches": [
            {"StartAt": "Inner", "States": {"Inner": {"Type": "Pass", "Assign": {"a": 99},
              "Parameters": {"outer_b.$": "$b"}, "End": true}}}]},
        "Read": {"Type": "Pass", "Parameters": {"a.$": "$a", "b.$": "$b"}, "End": true}}});
    let execution = builder(definition).build().run_blocking(json!({}));
    assert_eq!(execution.output_json(), Some(json!({"a": 2, "b": 1})));
}

/// The `location` of the execution's `EvaluationFailed` event.
fn evaluation_failed_location(definition: Value) -> Option<String> {
    let execution = builder(definition).build().run_blocking(json!({"n": 1}));
    assert_eq!(execution.status, Status::Failed);
    assert_eq!(
        execution.error.as_deref(),
        Some("States.QueryEvaluationError")
    );
    let event = execution
        .history
        .iter()
        .find(|event| event.event_type == "EvaluationFailed")?;
    let details = event.details.as_ref()?.json();
    details["location"].as_str().map(String::from)
}

#[test]
fn a_jsonata_failure_is_located_at_the_member_that_failed() {
    let pass = json!({"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {
        "Type": "Pass", "End": true,
        "Output": {"a": {"b": [0, "{% $states.input.n + 'x' %}"]}}}}});
    assert_eq!(
        evaluation_failed_location(pass).as_deref(),
        Some("Output/a/b/1")
    );
    let assign = json!({"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {
        "Type": "Pass", "End": true, "Assign": {"v": {"w": "{% $states.input.n + 'x' %}"}}}}});
    assert_eq!(
        evaluation_failed_location(assign).as_deref(),
        Some("Assign/v/w")
    );
    let choice = json!({"QueryLanguage": "JSONata", "StartAt": "C", "States": {
        "C": {"Type": "Choice", "Default": "D", "Choices": [
            {"Condition": "{% $states.input.n = 2 %}", "Next": "D"},
            {"Condition": "{% $states.input.n + 'x' %}", "Next": "D"}]},
        "D": {"Type": "Succeed"}}});
    assert_eq!(
        evaluation_failed_location(choice).as_deref(),
        Some("Choices/1/Condition")
    );
}

#[test]
fn jsonata_expressions_that_read_the_context_object_see_it() {
    let definition = json!({"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {
        "Type": "Pass", "End": true, "Output": {
            "n": "{% $states.input.n %}",
            "state": "{% $states.context.State.Name %}",
            "input": "{% $states.context.Execution.Input %}",
            "members": "{% $keys($states) %}",
            "same": "{% $states.input = $ %}"}}}});
    let execution = builder(definition).build().run_blocking(json!({"n": 1}));
    assert_eq!(
        execution.output_json(),
        Some(json!({"n": 1, "state": "P", "input": {"n": 1},
            "members": ["input", "context"], "same": true}))
    );
}

#[test]
fn an_inline_map_in_a_distributed_map_child_records_nothing_in_the_parent_history() {
    let definition = json!({"StartAt": "D", "States": {
        "D": {"Type": "Map", "ItemsPath": "$.items", "Next": "After",
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                  "StartAt": "I", "States": {"I": {"Type": "Map", "ItemsPath": "$.xs", "End": true,
                      "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}},
        "After": {"Type": "Pass", "End": true}}});
    let execution = builder(definition)
        .build()
        .run_blocking(json!({"items": [{"xs": [1, 2]}]}));
    assert_eq!(execution.status, Status::Succeeded);
    let types: Vec<&str> = execution.history.iter().map(|e| e.event_type).collect();
    // The child execution's states and iterations are its own history's, not the parent's.
    assert!(
        !types.iter().any(|t| t.starts_with("MapIteration")),
        "{types:?}"
    );
    assert_eq!(
        types.iter().filter(|t| t.starts_with("Pass")).count(),
        2,
        "only the parent's own Pass state: {types:?}"
    );
    let ids: Vec<u64> = execution.history.iter().map(|e| e.id).collect();
    assert_eq!(ids, (1..=ids.len() as u64).collect::<Vec<_>>());
}
