//! Typed service integrations for Task states: SQS `sendMessage`, SNS `publish`, DynamoDB
//! items, nested `states:startExecution`, and any AWS SDK call.

use std::marker::PhantomData;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::task::{TaskOptions, TaskResource, TaskSpec, placeholder};
use super::workflow::Workflow;

/// The `Parameters` (or `Arguments`) object of a service task: the resource's own fields, then
/// the typed payload under `payload_key` (a `.$` path for a whole-input JSONPath payload).
fn service_task(
    resource: &str,
    options: &TaskOptions,
    fixed: &[(&str, Value)],
    payload_key: &str,
    default_payload: Option<Value>,
) -> TaskSpec {
    let suffix = if options.callback {
        ".waitForTaskToken"
    } else {
        ""
    };
    let mut parameters = Map::new();
    for (key, value) in fixed {
        parameters.insert((*key).into(), value.clone());
    }
    match options.payload.clone().or(default_payload) {
        Some(Value::String(path)) if !options.jsonata => {
            parameters.insert(format!("{payload_key}.$"), Value::String(path));
        }
        Some(payload) => {
            parameters.insert(payload_key.into(), payload);
        }
        None => {}
    }
    TaskSpec {
        resource: format!("arn:aws:states:::{resource}{suffix}"),
        parameters: Some(Value::Object(parameters)),
    }
}

/// The whole state input as a payload: `$` in JSONPath, `{% $states.input %}` in JSONata.
fn whole_input(options: &TaskOptions) -> Value {
    Value::String(if options.jsonata {
        "{% $states.input %}".into()
    } else {
        "$".into()
    })
}

/// The logical name of the task's target; the macro refuses a task without one at compile time.
fn target(options: &TaskOptions) -> &str {
    options.target.as_deref().unwrap_or_default()
}

/// What `sqs:sendMessage` returns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, crate::Payload)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SendMessageResult {
    /// The message's id.
    #[serde(rename = "MessageId")]
    pub message_id: String,
    /// The MD5 digest of the message body.
    #[serde(rename = "MD5OfMessageBody")]
    pub md5_of_message_body: String,
}

/// Sends a message whose body is an `M` to the SQS queue named by `queue = "Name"` (its URL is
/// `${NameQueueUrl}`). As a `Callback`, the body carries the task token.
pub struct SqsSendMessage<M>(PhantomData<M>);

impl<M: 'static> TaskResource for SqsSendMessage<M> {
    type Payload = M;
    type Output = SendMessageResult;
    const CALLBACK: bool = true;
    const TARGET: Option<&'static str> = Some("queue");

    fn task(options: &TaskOptions) -> TaskSpec {
        let queue = placeholder(target(options), "QueueUrl");
        service_task(
            "sqs:sendMessage",
            options,
            &[("QueueUrl", Value::String(queue))],
            "MessageBody",
            Some(whole_input(options)),
        )
    }
}

/// What `sns:publish` returns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, crate::Payload)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PublishResult {
    /// The message's id.
    #[serde(rename = "MessageId")]
    pub message_id: String,
}

/// Publishes an `M` to the SNS topic named by `topic = "Name"` (its ARN is `${NameTopicArn}`).
pub struct SnsPublish<M>(PhantomData<M>);

impl<M: 'static> TaskResource for SnsPublish<M> {
    type Payload = M;
    type Output = PublishResult;
    const CALLBACK: bool = true;
    const TARGET: Option<&'static str> = Some("topic");

    fn task(options: &TaskOptions) -> TaskSpec {
        let topic = placeholder(target(options), "TopicArn");
        service_task(
            "sns:publish",
            options,
            &[("TopicArn", Value::String(topic))],
            "Message",
            Some(whole_input(options)),
        )
    }
}

/// Reads an item from the DynamoDB table named by `table = "Name"`; the payload (typically
/// `parameters(Key = ..)`) holds the `Key`, and the result is DynamoDB's `{ "Item": .. }`.
pub struct DynamoGetItem<O = Value>(PhantomData<O>);

impl<O: 'static> TaskResource for DynamoGetItem<O> {
    type Payload = Value;
    type Output = O;
    const TARGET: Option<&'static str> = Some("table");

    fn task(options: &TaskOptions) -> TaskSpec {
        dynamo_task("dynamodb:getItem", options)
    }
}

/// Writes an item to the DynamoDB table named by `table = "Name"`; the payload holds the `Item`.
pub struct DynamoPutItem<O = Value>(PhantomData<O>);

impl<O: 'static> TaskResource for DynamoPutItem<O> {
    type Payload = Value;
    type Output = O;
    const TARGET: Option<&'static str> = Some("table");

    fn task(options: &TaskOptions) -> TaskSpec {
        dynamo_task("dynamodb:putItem", options)
    }
}

fn dynamo_task(resource: &str, options: &TaskOptions) -> TaskSpec {
    let table = placeholder(target(options), "TableName");
    let mut spec = service_task(resource, options, &[], "", None);
    let mut parameters = Map::new();
    parameters.insert("TableName".into(), Value::String(table));
    // The macro renders every `parameters(..)` as an object of request fields (`Key`, `Item`).
    if let Some(Value::Object(fields)) = options.payload.clone() {
        parameters.extend(fields);
    }
    spec.parameters = Some(Value::Object(parameters));
    spec
}

/// Starts an execution of the workflow `W`, named by `state_machine = "Name"` (its ARN is
/// `${NameStateMachineArn}`), and waits for it to finish (`.sync:2`): the result is the child
/// execution's output.
pub struct StartExecution<W>(PhantomData<W>);

impl<W: Workflow> TaskResource for StartExecution<W> {
    type Payload = W::Input;
    type Output = ExecutionResult<W::Output>;
    const CALLBACK: bool = true;
    const TARGET: Option<&'static str> = Some("state_machine");

    fn task(options: &TaskOptions) -> TaskSpec {
        let machine = placeholder(target(options), "StateMachineArn");
        let mut spec = service_task(
            "states:startExecution.sync:2",
            options,
            &[("StateMachineArn", Value::String(machine))],
            "Input",
            Some(whole_input(options)),
        );
        if options.callback {
            spec.resource = "arn:aws:states:::states:startExecution.waitForTaskToken".into();
        }
        spec
    }

    fn register(
        builder: crate::exec::ExecutorBuilder,
        naming: &super::task::LocalNaming,
        options: &TaskOptions,
    ) -> crate::exec::ExecutorBuilder {
        let arn = naming.state_machine_arn(target(options));
        W::register(builder, naming).state_machine(&arn, super::local::Local::<W>::definition())
    }
}

/// What `states:startExecution.sync:2` returns: the child's output, parsed, and its status.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, crate::Payload)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ExecutionResult<O> {
    /// The child execution's output.
    #[serde(rename = "Output")]
    pub output: O,
    /// The child execution's status, `SUCCEEDED`.
    #[serde(rename = "Status")]
    pub status: String,
    /// The child execution's ARN.
    #[serde(rename = "ExecutionArn")]
    pub execution_arn: String,
}

/// One AWS SDK action for [`AwsSdk`]: implement it on a marker type.
pub trait SdkCall: 'static {
    /// The service's name as Step Functions writes it (`s3`, `ec2`, `dynamodb`).
    const SERVICE: &'static str;
    /// The action in camel case (`getObject`).
    const ACTION: &'static str;
    /// The request's fields.
    type Request;
    /// The response.
    type Response;
}

/// Calls any AWS SDK action through `arn:aws:states:::aws-sdk:SERVICE:ACTION`.
pub struct AwsSdk<C: SdkCall>(PhantomData<C>);

impl<C: SdkCall> TaskResource for AwsSdk<C> {
    type Payload = C::Request;
    type Output = C::Response;

    fn task(options: &TaskOptions) -> TaskSpec {
        let resource = format!("aws-sdk:{}:{}", C::SERVICE, C::ACTION);
        let mut spec = service_task(&resource, options, &[], "", None);
        spec.parameters = options.payload.clone();
        spec
    }
}
