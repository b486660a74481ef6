//! The Wait state (spec "Wait State").

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::field::present;
use super::{IntegerOrExpression, QueryLanguage};

/// A Wait state: pauses for `Seconds` or until `Timestamp`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaitState {
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
    /// How long to wait, in seconds (JSONata: or an expression).
    #[serde(rename = "Seconds", default, skip_serializing_if = "Option::is_none")]
    pub seconds: Option<IntegerOrExpression>,
    /// When to stop waiting: an RFC 3339 time (JSONata: or an expression).
    #[serde(rename = "Timestamp", default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    /// JSONPath: a reference path to the number of seconds in the input.
    #[serde(
        rename = "SecondsPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub seconds_path: Option<String>,
    /// JSONPath: a reference path to the time in the input.
    #[serde(
        rename = "TimestampPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub timestamp_path: Option<String>,
    /// JSONPath: selects the part of the input the state works on.
    #[serde(
        rename = "InputPath",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub input_path: Option<Option<String>>,
    /// JSONPath: selects the part of the input passed on.
    #[serde(
        rename = "OutputPath",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub output_path: Option<Option<String>>,
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
    /// The state that follows.
    #[serde(rename = "Next", default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// `true` when the state ends the execution.
    #[serde(rename = "End", default, skip_serializing_if = "Option::is_none")]
    pub end: Option<bool>,
}
