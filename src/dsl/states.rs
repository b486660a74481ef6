//! The state types a `#[derive(Workflow)]` struct's fields may have, besides the Task states
//! of [`task`](super::task): each is a marker whose type parameters carry the data types.

use std::marker::PhantomData;

use serde_json::Value;

/// A Pass state. `Pass` passes its input on; `Pass<O>` produces an `O` from `result = ..` or
/// `parameters(..)`.
pub struct Pass<O = Passthrough>(PhantomData<O>);

/// The output type of a state that passes its input on unchanged.
pub enum Passthrough {}

/// A Choice state whose rules read a `T`, which it passes on.
pub struct Choice<T>(PhantomData<T>);

/// A Wait state: `seconds = N`, `timestamp = "..."`, `seconds_path = field` or
/// `timestamp_path = field`. It passes its input on.
pub struct Wait;

/// A Succeed state: ends the workflow (or branch) with its input as output.
pub struct Succeed;

/// A Fail state: ends the workflow with `error = ".."` and `cause = ".."`.
pub struct Fail;

/// A Parallel state running the workflows of the tuple `B` as branches on the same input; its
/// result is the tuple of their outputs (a JSON array).
pub struct Parallel<B>(PhantomData<B>);

/// A Map state running workflow `W` for each item of the array named by `items = field`; its
/// result is a `Vec` of `W`'s outputs.
pub struct Map<W>(PhantomData<W>);

/// A timestamp as Step Functions compares them (RFC 3339, as in `2026-11-22T08:00:00Z`). A
/// Choice rule compares a field of this type with `Timestamp*` operators.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Timestamp(pub String);

impl Timestamp {
    /// A timestamp from its RFC 3339 text.
    pub fn new(text: impl Into<String>) -> Self {
        Timestamp(text.into())
    }
}

/// The raw JSON escape hatch: any value a typed form does not cover.
pub type Raw = Value;

/// The error output a `catch` passes on: `{"Error": .., "Cause": ..}`.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize, crate::Payload)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaughtError {
    /// The error name.
    #[serde(rename = "Error")]
    pub error: String,
    /// The cause.
    #[serde(rename = "Cause", default)]
    pub cause: String,
}
