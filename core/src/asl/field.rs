//! Field shapes shared by several states: nullable fields and numbers that JSONata may compute.

use serde::{Deserialize, Deserializer, Serialize};

/// Deserializes a field that is present, keeping `null` as a value of its own.
///
/// Used with `#[serde(default)]` on `Option<T>`: an absent field is `None`, a present one
/// `Some(T)`, so `ResultPath: null` stays `Some(None)` and `Parameters: null` stays
/// `Some(Value::Null)`, and both serialize back as `null`.
pub(crate) fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// An integer field that a JSONata state may give as a `{% %}` expression instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum IntegerOrExpression {
    /// A literal integer.
    Integer(i64),
    /// A JSONata expression, `"{% ... %}"`, evaluated when the state runs.
    Expression(String),
}

/// A number field that a JSONata state may give as a `{% %}` expression instead.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum NumberOrExpression {
    /// A literal number, kept as written (`1` and `1.0` stay apart).
    Number(serde_json::Number),
    /// A JSONata expression, `"{% ... %}"`, evaluated when the state runs.
    Expression(String),
}
