//! Catchers: the elements of a `Catch` array (spec "Fallback states").

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::field::present;

/// One fallback: which errors it catches and where the execution goes then.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catcher {
    /// The error names this catcher matches (`States.ALL` matches any).
    #[serde(rename = "ErrorEquals")]
    pub error_equals: Vec<String>,
    /// The state to go to.
    #[serde(rename = "Next")]
    pub next: String,
    /// JSONPath: where the error output goes in the state's input (`null`: discard it).
    #[serde(
        rename = "ResultPath",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub result_path: Option<Option<String>>,
    /// JSONata: the output passed to the `Next` state.
    #[serde(
        rename = "Output",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub output: Option<Value>,
    /// Variables assigned when the catcher matches.
    #[serde(rename = "Assign", default, skip_serializing_if = "Option::is_none")]
    pub assign: Option<Map<String, Value>>,
    /// A human-readable description of the catcher.
    #[serde(rename = "Comment", default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}
