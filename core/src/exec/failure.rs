//! ASL failures: an error name and a cause, the data that Retry and Catch see.

use std::fmt;

/// A failure in the sense of the States Language: `States.Timeout`, a handler's error type...
///
/// Failures are data, not Rust errors: they flow through Retry and Catch and, if nothing
/// handles them, end the execution as FAILED with this error and cause.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The error name, e.g. `States.TaskFailed` or `Lambda.ResourceNotFoundException`.
    pub error: String,
    /// The human-readable (or JSON) cause, when there is one.
    pub cause: Option<String>,
    /// For `States.QueryEvaluationError`: the field whose JSONata evaluation failed (the
    /// `location` of the `EvaluationFailed` event), when it names one.
    pub location: Option<String>,
}

impl Failure {
    /// A failure with an error name and a cause.
    pub fn new(error: impl Into<String>, cause: impl Into<String>) -> Self {
        Failure {
            error: error.into(),
            cause: Some(cause.into()),
            location: None,
        }
    }

    /// A failure with an error name and no cause.
    pub fn bare(error: impl Into<String>) -> Self {
        Failure {
            error: error.into(),
            cause: None,
            location: None,
        }
    }

    /// `States.Runtime` as AWS words it: which state, the event it entered at, and why.
    pub fn runtime(state: &str, entered_event: u64, why: impl fmt::Display) -> Self {
        Failure::in_state("States.Runtime", state, entered_event, why)
    }

    /// An error raised by the state itself, with AWS's "An error occurred..." prefix.
    pub fn in_state(error: &str, state: &str, entered_event: u64, why: impl fmt::Display) -> Self {
        Failure::new(
            error,
            format!(
                "An error occurred while executing the state '{state}' (entered at the event id \
                 #{entered_event}). {why}"
            ),
        )
    }

    /// The same failure, located at a field (see [`Failure::location`]).
    pub fn at(mut self, field: &str) -> Self {
        self.location = Some(field.to_string());
        self
    }

    /// Whether a retrier's or catcher's `ErrorEquals` list matches this failure.
    ///
    /// `States.Runtime` is never retried or caught, not even by name (as AWS records show):
    /// it always fails the execution. `States.ALL` matches every other error.
    pub fn matches(&self, error_equals: &[String]) -> bool {
        if self.error == "States.Runtime" {
            return false;
        }
        error_equals.iter().any(|name| {
            name == &self.error
                || name == "States.ALL"
                || (name == "States.TaskFailed" && self.is_task_failure())
        })
    }

    /// `States.TaskFailed` matches any failure of a Task except a timeout (AWS's rule).
    fn is_task_failure(&self) -> bool {
        !self.error.starts_with("States.") || self.error == "States.TaskFailed"
    }

    /// The error output a catcher passes on: `{"Error": ..., "Cause": ...}`.
    pub fn error_output(&self) -> crate::value::Value {
        let mut output = crate::value::Map::with_capacity(2);
        output.insert("Error", self.error.as_str().into());
        if let Some(cause) = &self.cause {
            output.insert("Cause", cause.as_str().into());
        }
        crate::value::Value::Object(output)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.cause {
            Some(cause) => write!(f, "{}: {cause}", self.error),
            None => f.write_str(&self.error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runtime_errors_are_never_caught() {
        let all = vec!["States.ALL".to_string()];
        assert!(Failure::bare("Custom").matches(&all));
        assert!(Failure::bare("States.Timeout").matches(&all));
        assert!(Failure::bare("States.DataLimitExceeded").matches(&all));
        assert!(!Failure::bare("States.Runtime").matches(&all));
        assert!(!Failure::bare("States.Runtime").matches(&["States.Runtime".to_string()]));
    }

    #[test]
    fn task_failed_matches_handler_errors_but_not_timeouts() {
        let task_failed = vec!["States.TaskFailed".to_string()];
        assert!(Failure::bare("Lambda.Unknown").matches(&task_failed));
        assert!(!Failure::bare("States.Timeout").matches(&task_failed));
    }

    #[test]
    fn error_output_omits_a_missing_cause() {
        assert_eq!(
            Failure::bare("E").error_output(),
            serde_json::json!({"Error": "E"})
        );
    }
}
