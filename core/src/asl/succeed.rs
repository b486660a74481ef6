//! The Succeed state (spec "Succeed State").

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::QueryLanguage;
use super::field::present;

/// A Succeed state: ends the execution or branch successfully.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SucceedState {
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
    /// JSONPath: selects the part of the input that is the output.
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
}
