//! The error of a path that does not parse: where, and what to write instead.

/// A JSONPath that Step Functions would not accept.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message} (at character {position})")]
pub struct PathError {
    /// The offset of the problem in the text, in characters (not bytes) from 0.
    pub position: usize,
    /// What is wrong and how to fix it, in lowercase.
    pub message: String,
}

impl PathError {
    pub(crate) fn new(position: usize, message: impl Into<String>) -> Self {
        PathError {
            position,
            message: message.into(),
        }
    }
}
