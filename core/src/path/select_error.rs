//! Why a definite path found nothing, in the words of Jayway JsonPath, which AWS echoes in its
//! causes: `Invalid path '$.x' : No results for path: $['x']`.
//!
//! Jayway names a path in bracket notation (`$['a'][0]`), so [`Path::to_bracket_notation`]
//! lives here too.

use crate::value::Value;

use super::ast::{Path, Segment, Selector};

/// The provider Jayway names when a value is not an object; AWS reads JSON with Jackson.
const JSON_PROVIDER: &str = "com.jayway.jsonpath.spi.json.JacksonJsonProvider";

/// A definite path that selects nothing. Its `Display` is Jayway's message, the text AWS puts
/// after `Invalid path '...' : ` in a cause.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SelectError {
    /// The last step names a field or index that is not there.
    #[error("No results for path: {path}")]
    NoResults {
        /// The whole path, in bracket notation.
        path: String,
    },
    /// A step before the last names a field that is not there.
    #[error("Missing property in path {path}")]
    MissingProperty {
        /// The path up to and including the missing field, in bracket notation.
        path: String,
    },
    /// A field is read from a value that is not an object.
    #[error(
        "Expected to find an object with property {property} in path {path} but found \
         '{found}'. This is not a json object according to the JsonProvider: '{provider}'."
    )]
    NotAnObject {
        /// The field, as `['name']`.
        property: String,
        /// The path to the value that is not an object, in bracket notation.
        path: String,
        /// The Java class of that value (`java.lang.String`), or `null`.
        found: String,
        /// The JSON provider Jayway names.
        provider: String,
    },
    /// An index is applied to `null`.
    #[error("The path {path} is null")]
    NullArray {
        /// The path to the `null`, in bracket notation.
        path: String,
    },
    /// An index is applied to a value that is neither an array nor `null`.
    #[error("Filter: {tokens} can only be applied to arrays. Current context is: {context}")]
    NotAnArray {
        /// The index and every step after it, in bracket notation (`[0]['b']`).
        tokens: String,
        /// The value, as Java's `toString` shows it.
        context: String,
    },
    /// The path starts at a variable that no state has assigned.
    #[error("The variable '${name}' is not defined")]
    UndefinedVariable {
        /// The variable name, without `$`.
        name: String,
    },
}

impl SelectError {
    pub(crate) fn not_an_object(property: String, path: String, found: &Value) -> Self {
        SelectError::NotAnObject {
            property,
            path,
            found: super::java_text::java_class(found).to_owned(),
            provider: JSON_PROVIDER.to_owned(),
        }
    }

    /// The cause AWS reports when `InputPath`, `OutputPath` or another path field selects
    /// nothing: `Invalid path '$.x' : No results for path: $['x']`. `written` is the path as
    /// the definition writes it. The executor prefixes the state: "An error occurred while
    /// executing the state 'X' (entered at the event id #N). ".
    pub fn invalid_path_cause(&self, written: &str) -> String {
        format!("Invalid path '{written}' : {self}")
    }
}

impl Path {
    /// The path as Jayway writes it in messages: `$['a']['b'][0]`. Every root is written `$`,
    /// since the context object and variables are documents of their own to Jayway.
    pub fn to_bracket_notation(&self) -> String {
        let mut out = String::from("$");
        for segment in &self.segments {
            out.push_str(&segment_fragment(segment));
        }
        out
    }
}

/// One segment in bracket notation.
pub(crate) fn segment_fragment(segment: &Segment) -> String {
    match segment {
        Segment::Child(selector) => selector_fragment(selector),
        Segment::Descendant(selector) => format!("..{}", selector_fragment(selector)),
    }
}

/// One selector in bracket notation, as Jayway's path tokens write themselves.
pub(crate) fn selector_fragment(selector: &Selector) -> String {
    match selector {
        Selector::Name(name) => format!("['{name}']"),
        Selector::Index(index) => format!("[{index}]"),
        Selector::Slice { start, end, step } => {
            let bound = |b: &Option<i64>| b.map(|v| v.to_string()).unwrap_or_default();
            match step {
                Some(step) => format!("[{}:{}:{step}]", bound(start), bound(end)),
                None => format!("[{}:{}]", bound(start), bound(end)),
            }
        }
        Selector::Wildcard => "[*]".to_owned(),
        Selector::Union(members) => {
            let inner: Vec<String> = members
                .iter()
                .map(|member| match member {
                    Selector::Name(name) => format!("'{name}'"),
                    Selector::Index(index) => index.to_string(),
                    other => selector_fragment(other),
                })
                .collect();
            format!("[{}]", inner.join(","))
        }
        Selector::Filter(_) => "[?]".to_owned(),
    }
}
