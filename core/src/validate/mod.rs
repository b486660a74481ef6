//! The definition validator: the States Language rules and AWS's creation-time checks.
//!
//! [`validate_text`] reads JSON text (duplicate keys included) and checks it; [`validate_value`]
//! checks a JSON value. Every finding has a stable [`Code`], a message that says the fix, and
//! the JSON Pointer of the offending field. The checks run on the JSON value rather than the
//! typed model so that one run reports every problem, even in definitions the model cannot hold.

mod checker;
mod choice;
mod expression;
mod finding;
mod graph;
mod integration;
mod retry_catch;
mod state;
mod structure;

use serde_json::Value;

pub use finding::{Code, Finding};

use crate::asl::StateMachine;
use crate::json::{self, SyntaxError};

/// The kind of state machine the definition is for: some integrations need STANDARD.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MachineType {
    /// Standard workflows (the default).
    #[default]
    Standard,
    /// Express workflows: no `.sync` and no `.waitForTaskToken` integrations.
    Express,
}

/// What the validator is told about the definition.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// STANDARD or EXPRESS.
    pub machine_type: MachineType,
}

/// The result of validating JSON text.
#[derive(Clone, Debug, PartialEq)]
pub enum Report {
    /// The text is not JSON.
    Unreadable(SyntaxError),
    /// The text is JSON; these are its findings (none when the definition is valid).
    Checked(Vec<Finding>),
}

/// Reads and validates a definition given as JSON text.
pub fn validate_text(text: &str, options: &Options) -> Report {
    match json::read(text) {
        Err(error) => Report::Unreadable(error),
        Ok(document) => {
            let mut findings: Vec<Finding> = document
                .duplicate_keys
                .iter()
                .map(|dup| Finding {
                    code: Code::DuplicateKey,
                    pointer: dup.pointer(),
                    message: format!(
                        "the key `{}` occurs more than once in this object; keep one",
                        dup.key
                    ),
                })
                .collect();
            findings.extend(validate_value(&document.value, options));
            Report::Checked(findings)
        }
    }
}

/// Validates a definition given as a JSON value.
pub fn validate_value(definition: &Value, options: &Options) -> Vec<Finding> {
    let mut checker = checker::Checker::new(*options);
    structure::check_machine(&mut checker, definition);
    graph::check_graph(&mut checker, definition);
    checker.into_findings()
}

/// A definition that could not be loaded: unreadable text or findings.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// The text is not JSON.
    #[error("the definition is not JSON: {0}")]
    Syntax(#[from] SyntaxError),
    /// The definition breaks the rules; every finding is listed.
    #[error("the definition is invalid: {}", summarize(.0))]
    Invalid(Vec<Finding>),
}

fn summarize(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(Finding::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Reads, validates and models a definition: the way into the executor and the emitters.
pub fn load(text: &str, options: &Options) -> Result<StateMachine, LoadError> {
    match validate_text(text, options) {
        Report::Unreadable(error) => Err(LoadError::Syntax(error)),
        Report::Checked(findings) if !findings.is_empty() => Err(LoadError::Invalid(findings)),
        Report::Checked(_) => {
            let document = json::read(text)?;
            StateMachine::from_value(document.value).map_err(|error| {
                // The validator accepts only what the model holds; reaching this is our bug,
                // still reported as a finding rather than a panic.
                LoadError::Invalid(vec![Finding {
                    code: Code::WrongType,
                    pointer: String::new(),
                    message: format!("the definition does not fit the ASL model: {error}"),
                }])
            })
        }
    }
}
