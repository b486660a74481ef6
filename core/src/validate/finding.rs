//! A finding of the validator: a stable code, a message that says the fix, and where it is.

use std::fmt;

use serde::Serialize;

macro_rules! codes {
    ($($variant:ident => $name:literal: $doc:literal,)*) => {
        /// The stable code of each kind of finding.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
        pub enum Code {
            $(
                #[doc = $doc]
                #[serde(rename = $name)]
                $variant,
            )*
        }

        impl Code {
            /// Every code, in the order of this list.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as printed, e.g. `UNKNOWN_FIELD`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }
        }
    };
}

codes! {
    DuplicateKey => "DUPLICATE_KEY": "An object of the JSON text holds the same key twice.",
    NotAnObject => "NOT_AN_OBJECT": "The definition, a state, or a nested object is not a JSON object.",
    MissingField => "MISSING_FIELD": "A required field is absent.",
    UnknownField => "UNKNOWN_FIELD": "A field that the States Language does not define here.",
    FieldNotAllowed => "FIELD_NOT_ALLOWED": "A field of the language that this state type does not take.",
    WrongQueryLanguage => "WRONG_QUERY_LANGUAGE": "A JSONPath-only field in a JSONata state, or the reverse.",
    QueryLanguageDowngrade => "QUERY_LANGUAGE_DOWNGRADE": "A JSONPath state inside a JSONata state machine.",
    WrongType => "WRONG_TYPE": "A field's value has the wrong JSON type.",
    OutOfRange => "OUT_OF_RANGE": "A number outside the range the field allows.",
    InvalidValue => "INVALID_VALUE": "A value that is not one of those the field allows.",
    ExclusiveFields => "EXCLUSIVE_FIELDS": "Two fields that cannot be used together.",
    MissingTransition => "MISSING_TRANSITION": "A state that has neither `Next` nor `End`.",
    UnknownState => "UNKNOWN_STATE": "`StartAt`, `Next`, `Default` or a Catch names a state that does not exist.",
    TransitionLeavesScope => "TRANSITION_LEAVES_SCOPE": "A transition to a state outside the branch or processor.",
    UnreachableState => "UNREACHABLE_STATE": "No path from `StartAt` leads to the state.",
    NoTerminalState => "NO_TERMINAL_STATE": "No path from `StartAt` ends the execution or branch.",
    DuplicateStateName => "DUPLICATE_STATE_NAME": "Two states share a name somewhere in the state machine.",
    StateNameTooLong => "STATE_NAME_TOO_LONG": "A state name longer than 80 characters.",
    EmptyErrorEquals => "EMPTY_ERROR_EQUALS": "A retrier or catcher that matches no error.",
    StatesAllNotAlone => "STATES_ALL_NOT_ALONE": "`States.ALL` with other error names in one `ErrorEquals`.",
    StatesAllNotLast => "STATES_ALL_NOT_LAST": "A retrier or catcher with `States.ALL` that is not the last one.",
    InvalidJsonPath => "INVALID_JSONPATH": "A JSONPath that does not parse.",
    InvalidReferencePath => "INVALID_REFERENCE_PATH": "A reference path that is not a plain path to one value.",
    InvalidPayloadTemplate => "INVALID_PAYLOAD_TEMPLATE": "A payload template whose `.$` field is not a path or an intrinsic call, or whose keys clash.",
    InvalidIntrinsic => "INVALID_INTRINSIC": "An intrinsic function call with a bad name, syntax or arguments.",
    InvalidJsonata => "INVALID_JSONATA": "A `{% %}` JSONata expression that does not parse or is not closed.",
    InvalidVariableName => "INVALID_VARIABLE_NAME": "An `Assign` key that is not a valid variable name.",
    InvalidTimestamp => "INVALID_TIMESTAMP": "A timestamp that is not RFC 3339.",
    InvalidResource => "INVALID_RESOURCE": "A Task `Resource` that is not a valid ARN or URI, or names an unknown integration.",
    UnsupportedInExpress => "UNSUPPORTED_IN_EXPRESS": "A `.sync` or `.waitForTaskToken` integration in an EXPRESS state machine.",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem in a definition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// What kind of problem it is.
    pub code: Code,
    /// The JSON Pointer (RFC 6901) of the offending field; `""` is the whole definition.
    pub pointer: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pointer = if self.pointer.is_empty() {
            "/"
        } else {
            &self.pointer
        };
        write!(f, "{pointer}: {}: {}", self.code, self.message)
    }
}
