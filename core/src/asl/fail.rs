//! The Fail state (spec "Fail State").

use serde::{Deserialize, Serialize};

use super::QueryLanguage;

/// A Fail state: ends the execution or branch with an error and a cause.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FailState {
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
    /// The error name (JSONata: or an expression).
    #[serde(rename = "Error", default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The error's human-readable cause (JSONata: or an expression).
    #[serde(rename = "Cause", default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<String>,
    /// JSONPath: a path or intrinsic function giving the error name.
    #[serde(rename = "ErrorPath", default, skip_serializing_if = "Option::is_none")]
    pub error_path: Option<String>,
    /// JSONPath: a path or intrinsic function giving the cause.
    #[serde(rename = "CausePath", default, skip_serializing_if = "Option::is_none")]
    pub cause_path: Option<String>,
}
