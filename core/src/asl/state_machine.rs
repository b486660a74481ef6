//! The top-level state machine object (spec "State Machine Structure").

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::{QueryLanguage, State};

/// A complete state machine definition, as sent to `CreateStateMachine`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateMachine {
    /// A human-readable description of the state machine.
    #[serde(rename = "Comment", default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The name of the state the execution starts at.
    #[serde(rename = "StartAt")]
    pub start_at: String,
    /// The states, by name, in definition order.
    #[serde(rename = "States")]
    pub states: IndexMap<String, State>,
    /// The ASL version, `"1.0"`.
    #[serde(rename = "Version", default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The maximum run time of an execution, in seconds.
    #[serde(
        rename = "TimeoutSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub timeout_seconds: Option<u64>,
    /// The default query language of every state.
    #[serde(
        rename = "QueryLanguage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_language: Option<QueryLanguage>,
}

impl StateMachine {
    /// Builds the model from a JSON value, or says which field does not fit the language.
    pub fn from_value(value: serde_json::Value) -> Result<Self, serde_json::Error> {
        serde_json::from_value(value)
    }

    /// The definition as a JSON value.
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).expect("the ASL model always serializes")
    }

    /// The definition as compact JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("the ASL model always serializes")
    }

    /// The definition as indented JSON text.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("the ASL model always serializes")
    }

    /// The query language states use when they do not name one.
    pub fn default_query_language(&self) -> QueryLanguage {
        self.query_language.unwrap_or_default()
    }
}
