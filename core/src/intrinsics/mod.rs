//! The `States.*` intrinsic functions of JSONPath states: parsing a call and checking it
//! against the signatures of the 18 functions (evaluation lives with the executor).
//!
//! ```
//! use statewright_core::intrinsics::{check_intrinsic, looks_like_intrinsic};
//!
//! let text = "States.Format('Hello, {}!', $.name)";
//! assert!(looks_like_intrinsic(text));
//! let call = check_intrinsic(text).unwrap();
//! assert_eq!(call.name, "Format");
//! assert!(check_intrinsic("States.MathAdd(1, '2')").is_err());
//! ```

mod ast;
mod parse;
mod signature;

pub use ast::{Arg, ArgValue, Call, StringLiteral};
pub use signature::{Function, HASH_ALGORITHMS};

use crate::path::PathError;

/// An intrinsic call that Step Functions would not accept.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message} (at character {position})")]
pub struct IntrinsicError {
    /// The offset of the problem in the text, in characters (not bytes) from 0.
    pub position: usize,
    /// What is wrong and how to fix it, in lowercase.
    pub message: String,
}

impl IntrinsicError {
    pub(crate) fn new(position: usize, message: impl Into<String>) -> Self {
        IntrinsicError {
            position,
            message: message.into(),
        }
    }
}

/// A path argument that does not parse; its position is already within the whole call.
impl From<PathError> for IntrinsicError {
    fn from(error: PathError) -> Self {
        IntrinsicError {
            position: error.position,
            message: error.message,
        }
    }
}

/// Whether a `.$` field value is read as an intrinsic call rather than a path: AWS decides
/// by the prefix `States.`, with no whitespace before it.
pub fn looks_like_intrinsic(text: &str) -> bool {
    text.starts_with(parse::PREFIX)
}

/// Parses an intrinsic call (syntax only: any function name is accepted).
pub fn parse_intrinsic(text: &str) -> Result<Call, IntrinsicError> {
    parse::parse(text)
}

/// Parses an intrinsic call and checks it, and every call nested in it, against the
/// signatures: known function, number of arguments, and the type of each literal argument.
pub fn check_intrinsic(text: &str) -> Result<Call, IntrinsicError> {
    let call = parse::parse(text)?;
    signature::check_call(&call)?;
    Ok(call)
}

#[cfg(test)]
mod corpus;
#[cfg(test)]
mod tests;
