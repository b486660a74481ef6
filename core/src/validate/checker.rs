//! The validator's working state: the options and the findings gathered so far.

use serde_json::Value;

use super::{Code, Finding, Options};
use crate::asl::QueryLanguage;
use crate::json::escape_pointer_token;

/// Collects findings while the rules walk the definition.
pub(crate) struct Checker {
    pub(crate) options: Options,
    /// The query language of the whole state machine.
    pub(crate) machine_language: QueryLanguage,
    /// Whether the field being checked may read `$states.result` (Output and Assign of
    /// Task, Map and Parallel states).
    pub(crate) result_allowed: bool,
    /// Whether the field being checked may read `$states.errorOutput` (a catcher's Output and
    /// Assign).
    pub(crate) error_output_allowed: bool,
    findings: Vec<Finding>,
}

impl Checker {
    pub(crate) fn new(options: Options) -> Self {
        Checker {
            options,
            machine_language: QueryLanguage::JsonPath,
            result_allowed: false,
            error_output_allowed: false,
            findings: Vec::new(),
        }
    }

    /// Records a finding at `pointer`.
    pub(crate) fn report(&mut self, code: Code, pointer: &str, message: impl Into<String>) {
        self.findings.push(Finding {
            code,
            pointer: pointer.to_string(),
            message: message.into(),
        });
    }

    pub(crate) fn into_findings(self) -> Vec<Finding> {
        self.findings
    }
}

/// The pointer of member `key` of the object at `pointer`.
pub(crate) fn child(pointer: &str, key: &str) -> String {
    format!("{pointer}/{}", escape_pointer_token(key))
}

/// The pointer of element `index` of the array at `pointer`.
pub(crate) fn element(pointer: &str, index: usize) -> String {
    format!("{pointer}/{index}")
}

/// How a JSON value's type is named in messages.
pub(crate) fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
