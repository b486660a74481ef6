//! The Pass state (spec "Pass State").

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::QueryLanguage;
use super::field::present;

/// A Pass state: passes its input on, or a fixed `Result`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PassState {
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
    /// JSONPath: selects the part of the input the state works on.
    #[serde(
        rename = "InputPath",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub input_path: Option<Option<String>>,
    /// JSONPath: a payload template that builds the result from the input.
    #[serde(
        rename = "Parameters",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub parameters: Option<Value>,
    /// JSONPath: a fixed result.
    #[serde(
        rename = "Result",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub result: Option<Value>,
    /// JSONPath: where the result goes in the input.
    #[serde(
        rename = "ResultPath",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub result_path: Option<Option<String>>,
    /// JSONPath: selects the part of the result passed on.
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
