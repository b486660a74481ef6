//! The Parallel state and its branches (spec "Parallel State").

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::field::present;
use super::{Catcher, QueryLanguage, Retrier, State};

/// A Parallel state: runs every branch on the same input and collects their outputs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParallelState {
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
    /// The branches, each a state machine of its own.
    #[serde(rename = "Branches")]
    pub branches: Vec<Branch>,
    /// JSONPath: selects the part of the input the state works on.
    #[serde(
        rename = "InputPath",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub input_path: Option<Option<String>>,
    /// JSONPath: a payload template that builds each branch's input.
    #[serde(
        rename = "Parameters",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub parameters: Option<Value>,
    /// JSONPath: the payload template applied to the array of branch outputs.
    #[serde(
        rename = "ResultSelector",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub result_selector: Option<Value>,
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
    /// JSONata: the input given to each branch.
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

/// A branch of a Parallel state: a state machine of its own.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    /// A human-readable description of the branch.
    #[serde(rename = "Comment", default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The name of the branch's first state.
    #[serde(rename = "StartAt")]
    pub start_at: String,
    /// The branch's states, by name, in definition order.
    #[serde(rename = "States")]
    pub states: IndexMap<String, State>,
}
