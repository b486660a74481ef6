//! Task states: what a task calls (a Lambda function, an AWS service), what it sends and what
//! it returns, and how a callback (`.waitForTaskToken`) changes that.

use std::marker::PhantomData;

use serde_json::{Map, Value, json};

use statewright_codegen::Naming;

use crate::exec::ExecutorBuilder;

/// How a Task state names its resource, as written in its `#[state(..)]` attribute.
#[derive(Clone, Debug, Default)]
pub struct TaskOptions {
    /// The logical name of the queue, topic, table or state machine (`queue = "Approvals"`).
    pub target: Option<String>,
    /// The payload template (`parameters(..)`, `message(..)`) or JSONata `Arguments`, rendered.
    pub payload: Option<Value>,
    /// Whether the task waits for a task token (`Callback<..>`).
    pub callback: bool,
    /// Whether the state is written in JSONata.
    pub jsonata: bool,
}

/// The `Resource` and `Parameters` (or `Arguments`) of a Task state.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskSpec {
    /// The `Resource` ARN.
    pub resource: String,
    /// The `Parameters` (JSONPath) or `Arguments` (JSONata) object, if any.
    pub parameters: Option<Value>,
}

/// What a Task state can call. Implemented by `#[statewright::lambda]` handlers and by the
/// service integrations of this module.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not something a Task state can call",
    note = "use a handler marked `#[statewright::lambda(function = \"Name\")]` or a service integration such as `SqsSendMessage<M>` or `SnsPublish<M>`"
)]
pub trait TaskResource: 'static {
    /// What the task sends: the Lambda function's input, the message body...
    type Payload;
    /// What the task returns, before `result_selector` and `result_path`.
    type Output;
    /// Whether the resource can wait for a task token (a `Callback<..>` task).
    const CALLBACK: bool = false;
    /// The attribute that names the resource's target, if it needs one (`"queue"`).
    const TARGET: Option<&'static str> = None;
    /// The resource and parameters of the state.
    fn task(options: &TaskOptions) -> TaskSpec;
    /// Registers what a local run needs (a Lambda handler), at the ARN `naming` gives.
    fn register(
        builder: ExecutorBuilder,
        naming: &LocalNaming,
        options: &TaskOptions,
    ) -> ExecutorBuilder {
        let _ = (naming, options);
        builder
    }
}

/// A typed Lambda handler: the input and output types and the function's logical name.
///
/// `#[statewright::lambda(function = "Name")]` on an ordinary `lambda_runtime` handler
/// implements it on a marker type of that name.
pub trait LambdaFunction: 'static {
    /// The event the function takes.
    type Input;
    /// What the function returns on success.
    type Output;
    /// The function's logical name; its ARN is `${NameFunctionArn}` in emitted definitions.
    const FUNCTION: &'static str;
    /// Registers the handler on an executor under `arn`.
    fn register(builder: ExecutorBuilder, arn: &str) -> ExecutorBuilder;
}

/// The ARNs a local run gives to logical names: `codegen::Naming` in region `us-east-1` and
/// account `123456789012`, the same rules a deployment's naming config follows.
#[derive(Clone, Debug)]
pub struct LocalNaming {
    /// The naming config placeholders resolve with.
    pub naming: Naming,
}

impl Default for LocalNaming {
    fn default() -> Self {
        LocalNaming {
            naming: Naming::new("us-east-1", "123456789012"),
        }
    }
}

impl LocalNaming {
    /// The ARN of the Lambda function named `name`.
    pub fn function_arn(&self, name: &str) -> String {
        self.value(name, "FunctionArn")
    }

    /// The ARN of the state machine named `name`.
    pub fn state_machine_arn(&self, name: &str) -> String {
        self.value(name, "StateMachineArn")
    }

    /// The URL of the SQS queue named `name`.
    pub fn queue_url(&self, name: &str) -> String {
        self.value(name, "QueueUrl")
    }

    /// The ARN of the SNS topic named `name`.
    pub fn topic_arn(&self, name: &str) -> String {
        self.value(name, "TopicArn")
    }

    fn value(&self, name: &str, suffix: &str) -> String {
        self.naming
            .value_of(&format!("{name}{suffix}"))
            .unwrap_or_else(|| name.to_string())
    }
}

/// The placeholder of a logical name in an emitted definition, as CloudFormation's
/// `DefinitionSubstitutions` fill it: `${CheckStockPriceFunctionArn}`.
pub fn placeholder(name: &str, suffix: &str) -> String {
    format!("${{{name}{suffix}}}")
}

/// The spec of a task that calls Lambda function `F`: its ARN as `Resource` (as AWS's sample
/// projects write it), or `lambda:invoke.waitForTaskToken` for a callback.
pub fn lambda_task<F: LambdaFunction>(options: &TaskOptions) -> TaskSpec {
    let function = placeholder(F::FUNCTION, "FunctionArn");
    if options.callback {
        let mut parameters = Map::new();
        parameters.insert("FunctionName".into(), Value::String(function));
        let payload = match (&options.payload, options.jsonata) {
            (Some(payload), _) => payload.clone(),
            (None, true) => json!("{% $states.input %}"),
            (None, false) => json!({"Input.$": "$", "TaskToken.$": "$$.Task.Token"}),
        };
        parameters.insert("Payload".into(), payload);
        return TaskSpec {
            resource: "arn:aws:states:::lambda:invoke.waitForTaskToken".into(),
            parameters: Some(Value::Object(parameters)),
        };
    }
    TaskSpec {
        resource: function,
        parameters: options.payload.clone(),
    }
}

/// A Task state that calls `R` and goes on with its result.
pub struct Task<R: TaskResource>(PhantomData<R>);

/// A Task state that calls `R` with a task token (`.waitForTaskToken`) and waits until
/// `SendTaskSuccess` hands back an `O` (or `SendTaskFailure` fails it).
pub struct Callback<R: TaskResource, O = Value>(PhantomData<(R, O)>);

/// Checks at compile time that `R` can wait for a task token.
pub const fn assert_callback<R: TaskResource>() {
    assert!(
        R::CALLBACK,
        "this resource cannot wait for a task token; use `Task<..>` instead of `Callback<..>`"
    );
}

/// Checks at compile time that a task whose resource needs a target names one.
pub const fn assert_target<R: TaskResource>(given: bool) {
    if R::TARGET.is_some() && !given {
        panic!(
            "this task needs the logical name of what it calls: add `queue = \"Name\"`, `topic = \"Name\"`, `table = \"Name\"` or `state_machine = \"Name\"` to its `#[state(..)]`"
        );
    }
}
