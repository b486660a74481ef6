//! `QueryLanguage`: JSONPath or JSONata, per state machine and per state (spec "Query language").

use serde::{Deserialize, Serialize};

/// The query language of a state machine or a state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QueryLanguage {
    /// JSONPath with `InputPath`, `Parameters`, `ResultSelector`, `ResultPath`, `OutputPath`.
    #[default]
    #[serde(rename = "JSONPath")]
    JsonPath,
    /// JSONata with `Arguments`, `Output` and `{% %}` expressions.
    #[serde(rename = "JSONata")]
    Jsonata,
}

impl QueryLanguage {
    /// The name as written in ASL.
    pub fn as_str(self) -> &'static str {
        match self {
            QueryLanguage::JsonPath => "JSONPath",
            QueryLanguage::Jsonata => "JSONata",
        }
    }
}
