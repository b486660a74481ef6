//! The Task state (spec "Task State") and its `Credentials`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::field::present;
use super::{Catcher, IntegerOrExpression, QueryLanguage, Retrier};

/// A Task state: calls the resource named by `Resource`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskState {
    /// A human-readable description of the state.
    #[serde(rename = "Comment", default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The state's query language, overriding the state machine's.
    #[serde(
        rename = "QueryLanguage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_language: Option<QueryLanguage>,
    /// The ARN of the Lambda function, activity or service integration to call.
    #[serde(rename = "Resource")]
    pub resource: String,
    /// JSONPath: selects the part of the input the state works on (`null`: `{}`).
    #[serde(
        rename = "InputPath",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub input_path: Option<Option<String>>,
    /// JSONPath: the payload template sent to the resource.
    #[serde(
        rename = "Parameters",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub parameters: Option<Value>,
    /// JSONPath: the payload template applied to the resource's result.
    #[serde(
        rename = "ResultSelector",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub result_selector: Option<Value>,
    /// JSONPath: where the result goes in the input (`null`: discard the result).
    #[serde(
        rename = "ResultPath",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub result_path: Option<Option<String>>,
    /// JSONPath: selects the part of the result passed on (`null`: `{}`).
    #[serde(
        rename = "OutputPath",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub output_path: Option<Option<String>>,
    /// JSONata: the arguments sent to the resource.
    #[serde(
        rename = "Arguments",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub arguments: Option<Value>,
    /// JSONata: the state's output.
    #[serde(
        rename = "Output",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub output: Option<Value>,
    /// Variables assigned when the state completes.
    #[serde(rename = "Assign", default, skip_serializing_if = "Option::is_none")]
    pub assign: Option<Map<String, Value>>,
    /// The task's time limit, in seconds (JSONata: or an expression).
    #[serde(
        rename = "TimeoutSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub timeout_seconds: Option<IntegerOrExpression>,
    /// JSONPath: a reference path to the time limit in the input.
    #[serde(
        rename = "TimeoutSecondsPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub timeout_seconds_path: Option<String>,
    /// The longest time between heartbeats, in seconds (JSONata: or an expression).
    #[serde(
        rename = "HeartbeatSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub heartbeat_seconds: Option<IntegerOrExpression>,
    /// JSONPath: a reference path to the heartbeat interval in the input.
    #[serde(
        rename = "HeartbeatSecondsPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub heartbeat_seconds_path: Option<String>,
    /// The IAM role the task assumes.
    #[serde(
        rename = "Credentials",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub credentials: Option<Credentials>,
    /// How errors are retried, in order.
    #[serde(rename = "Retry", default, skip_serializing_if = "Option::is_none")]
    pub retry: Option<Vec<Retrier>>,
    /// Where errors go when retries are spent, in order.
    #[serde(rename = "Catch", default, skip_serializing_if = "Option::is_none")]
    pub catch: Option<Vec<Catcher>>,
    /// The state that follows.
    #[serde(rename = "Next", default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// `true` when the state ends the execution.
    #[serde(rename = "End", default, skip_serializing_if = "Option::is_none")]
    pub end: Option<bool>,
}

/// The role a Task assumes (cross-account tasks).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credentials {
    /// The role ARN, or in JSONata a `{% %}` expression.
    #[serde(rename = "RoleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    /// JSONPath: a path or intrinsic function that gives the role ARN.
    #[serde(rename = "RoleArn.$", default, skip_serializing_if = "Option::is_none")]
    pub role_arn_path: Option<String>,
}
