//! The `States.*` intrinsic functions of JSONPath states: parsing a call, checking it against
//! the signatures of the 18 functions, and evaluating it ([`evaluate`]).
//!
//! ```
//! use statewright_core::intrinsics::{check_intrinsic, looks_like_intrinsic};
//!
//! let text = "States.Format('Hello, {}!', $.name)";
//! assert!(looks_like_intrinsic(text));
//! let call = check_intrinsic(text).unwrap();
//! assert_eq!(call.name, "Format");
//! assert!(check_intrinsic("States.MathAdd(1, '2')").is_err());
//!
//! // Evaluating: paths read the scope, `States.UUID` and `States.MathRandom` the random source.
//! use statewright_core::value::{json, Map};
//! use statewright_core::intrinsics::{evaluate, SplitMix64};
//! use statewright_core::path::Scope;
//!
//! let (input, context, variables) = (json!({"name": "Ann"}), json!({}), Map::new());
//! let scope = Scope::new(&input, &context, &variables);
//! let hello = evaluate(&call, &scope, &mut SplitMix64::new(7)).unwrap();
//! assert_eq!(hello, json!("Hello, Ann!"));
//! ```

mod array;
mod ast;
mod encoding;
mod eval;
mod hash;
mod json;
mod math;
mod parse;
mod random;
mod signature;
mod string;
mod uuid;

pub use ast::{Arg, ArgValue, Call, StringLiteral};
pub use eval::{IntrinsicFailure, evaluate};
pub use hash::hash_hex;
pub use random::{RandomSource, SplitMix64};
pub use signature::{Function, HASH_ALGORITHMS};
pub use uuid::{uuid_v4, uuid_v4_from};

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
mod conformance;
#[cfg(test)]
mod corpus;
#[cfg(test)]
mod tests;
