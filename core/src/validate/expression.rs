//! Checks of the strings that hold expressions: JSONPaths, reference paths, payload
//! templates, intrinsic calls, JSONata templates, timestamps and variable names.

use serde_json::Value;

use super::Code;
use super::checker::{Checker, child, element, type_name};
use crate::asl::QueryLanguage;
use crate::intrinsics;
use crate::jsonata::{self, Template};
use crate::path::{self, Root};

/// A JSONPath (`InputPath`, `OutputPath`, a Choice `Variable`).
pub(crate) fn check_path(cx: &mut Checker, pointer: &str, key: &str, text: &str) {
    if let Err(error) = path::parse_path(text) {
        cx.report(
            Code::InvalidJsonPath,
            pointer,
            format!("`{key}` is not a valid JSONPath ({text:?}): {error}"),
        );
    }
}

/// A reference path: one definite value (`...Path` fields, `ItemsPath`).
pub(crate) fn check_reference_path(cx: &mut Checker, pointer: &str, key: &str, text: &str) {
    if let Err(error) = path::parse_reference_path(text) {
        cx.report(
            Code::InvalidReferencePath,
            pointer,
            format!("`{key}` is not a valid reference path ({text:?}): {error}"),
        );
    }
}

/// `ResultPath`: a reference path into the state's input, so it starts at `$`.
pub(crate) fn check_result_path(cx: &mut Checker, pointer: &str, text: &str) {
    match path::parse_reference_path(text) {
        Err(error) => cx.report(
            Code::InvalidReferencePath,
            pointer,
            format!("`ResultPath` is not a valid reference path ({text:?}): {error}"),
        ),
        Ok(parsed) if parsed.root != Root::Input => cx.report(
            Code::InvalidReferencePath,
            pointer,
            format!(
                "`ResultPath` places the result in the state's input, so it starts with `$.` \
                 (found {text:?}); to keep a value in a variable use `Assign`"
            ),
        ),
        Ok(_) => {}
    }
}

/// A field that takes a JSONPath or an intrinsic function call (`ErrorPath`, a `.$` value).
pub(crate) fn check_path_or_intrinsic(cx: &mut Checker, pointer: &str, key: &str, text: &str) {
    if intrinsics::looks_like_intrinsic(text) {
        if let Err(error) = intrinsics::check_intrinsic(text) {
            cx.report(
                Code::InvalidIntrinsic,
                pointer,
                format!("`{key}` holds an invalid intrinsic function call ({text:?}): {error}"),
            );
        }
    } else if text.starts_with('$') {
        check_path(cx, pointer, key, text);
    } else {
        cx.report(
            Code::InvalidPayloadTemplate,
            pointer,
            format!(
                "`{key}` must be a JSONPath (starting with `$`) or an intrinsic function call \
                 (`States.Format(...)`), not {text:?}; to pass the text as it is, drop the `.$`"
            ),
        );
    }
}

/// A payload template (`Parameters`, `ResultSelector`, `ItemSelector`, JSONPath `Assign`).
pub(crate) fn check_template(cx: &mut Checker, pointer: &str, value: &Value) {
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                let member_pointer = child(pointer, key);
                if let Some(name) = key.strip_suffix(".$") {
                    if members.contains_key(name) {
                        cx.report(
                            Code::InvalidPayloadTemplate,
                            &member_pointer,
                            format!(
                                "`{key}` and `{name}` both give the field `{name}`; keep one of them"
                            ),
                        );
                    }
                    match member {
                        Value::String(text) => {
                            check_path_or_intrinsic(cx, &member_pointer, key, text)
                        }
                        other => cx.report(
                            Code::InvalidPayloadTemplate,
                            &member_pointer,
                            format!(
                                "`{key}` ends in `.$`, so its value must be a JSONPath or an \
                                 intrinsic call string, not {}; drop the `.$` for a literal",
                                type_name(other)
                            ),
                        ),
                    }
                } else {
                    check_template(cx, &member_pointer, member);
                }
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                check_template(cx, &element(pointer, index), item);
            }
        }
        _ => {}
    }
}

/// A JSONata value (`Arguments`, `Output`, JSONata `Assign`): every string in it is checked as
/// a `{% %}` template.
pub(crate) fn check_jsonata_value(cx: &mut Checker, pointer: &str, value: &Value) {
    match value {
        Value::String(text) => {
            check_jsonata_string(cx, pointer, text);
        }
        Value::Object(members) => {
            for (key, member) in members {
                check_jsonata_value(cx, &child(pointer, key), member);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                check_jsonata_value(cx, &element(pointer, index), item);
            }
        }
        _ => {}
    }
}

/// A string of a JSONata state: a literal, or a well-formed `{% %}` expression.
/// Returns true when the string is an expression.
pub(crate) fn check_jsonata_string(cx: &mut Checker, pointer: &str, text: &str) -> bool {
    match jsonata::classify(text) {
        Template::Literal => false,
        Template::Expression(expression) => {
            if let Err(error) = jsonata::parse_expression(expression) {
                cx.report(
                    Code::InvalidJsonata,
                    pointer,
                    format!("the JSONata expression {text:?} does not parse: {error}"),
                );
            } else {
                check_states_fields(cx, pointer, expression);
            }
            true
        }
        Template::Unclosed => {
            cx.report(
                Code::InvalidJsonata,
                pointer,
                format!(
                    "{text:?} opens a JSONata expression with `{{%` but does not end with `%}}`; \
                     close it, with nothing after `%}}`"
                ),
            );
            true
        }
        Template::Unopened => {
            cx.report(
                Code::InvalidJsonata,
                pointer,
                format!(
                    "{text:?} ends with `%}}` but does not start with `{{%`; a JSONata \
                     expression is the whole string: \"{{% expression %}}\""
                ),
            );
            true
        }
    }
}

/// `$states.<field>` in an expression: one of `input`, `context`, `result`, `errorOutput`, the
/// last two only where AWS provides them.
fn check_states_fields(cx: &mut Checker, pointer: &str, expression: &str) {
    const PREFIX: &str = "$states.";
    let mut rest = expression;
    while let Some(at) = rest.find(PREFIX) {
        rest = &rest[at + PREFIX.len()..];
        let field: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let problem = match field.as_str() {
            "input" | "context" => None,
            "result" if cx.result_allowed => None,
            "result" => Some(
                "`$states.result` exists only in the `Output` and `Assign` of Task, Map and \
                 Parallel states"
                    .to_string(),
            ),
            "errorOutput" if cx.error_output_allowed => None,
            "errorOutput" => Some(
                "`$states.errorOutput` exists only in a catcher's `Output` and `Assign`"
                    .to_string(),
            ),
            other => Some(format!(
                "`$states.{other}` is not a field of `$states`; use `input`, `context`, `result` \
                 or `errorOutput`"
            )),
        };
        if let Some(problem) = problem {
            cx.report(Code::InvalidJsonata, pointer, problem);
        }
    }
}

/// A literal timestamp: RFC 3339 with a time zone, as AWS requires.
pub(crate) fn check_timestamp(cx: &mut Checker, pointer: &str, key: &str, text: &str) {
    if !is_rfc3339(text) {
        cx.report(
            Code::InvalidTimestamp,
            pointer,
            format!(
                "`{key}` is not an RFC 3339 timestamp ({text:?}); write it like \
                 \"2026-03-14T01:59:00Z\" (date, `T`, time, and `Z` or an offset)"
            ),
        );
    }
}

/// Whether `text` is an RFC 3339 date-time, with the `T` separator AWS insists on.
pub(crate) fn is_rfc3339(text: &str) -> bool {
    text.as_bytes().get(10) == Some(&b'T') && chrono::DateTime::parse_from_rfc3339(text).is_ok()
}

/// An `Assign` object: valid variable names; values as templates of the query language.
pub(crate) fn check_assign(
    cx: &mut Checker,
    pointer: &str,
    value: &Value,
    language: QueryLanguage,
) {
    let Some(members) = value.as_object() else {
        cx.report(
            Code::WrongType,
            pointer,
            format!(
                "`Assign` is an object of variable names and values, not {}",
                type_name(value)
            ),
        );
        return;
    };
    for (key, member) in members {
        let member_pointer = child(pointer, key);
        let name = match language {
            QueryLanguage::JsonPath => key.strip_suffix(".$").unwrap_or(key),
            QueryLanguage::Jsonata => key.as_str(),
        };
        if !is_variable_name(name) {
            cx.report(
                Code::InvalidVariableName,
                &member_pointer,
                format!(
                    "`{key}` is not a valid variable name: use letters, digits, `_` and `-`, \
                     starting with a letter or `_` (and not the reserved name `states`)"
                ),
            );
        }
        match language {
            QueryLanguage::JsonPath => {
                if key.ends_with(".$") {
                    match member {
                        Value::String(text) => {
                            check_path_or_intrinsic(cx, &member_pointer, key, text)
                        }
                        other => cx.report(
                            Code::InvalidPayloadTemplate,
                            &member_pointer,
                            format!(
                                "`{key}` ends in `.$`, so its value is a JSONPath or intrinsic \
                                 call string, not {}",
                                type_name(other)
                            ),
                        ),
                    }
                } else {
                    check_template(cx, &member_pointer, member);
                }
            }
            QueryLanguage::Jsonata => check_jsonata_value(cx, &member_pointer, member),
        }
    }
}

/// A variable name: a letter or `_`, then letters, digits, `_` or `-`; `states` is reserved.
///
/// `-` is accepted because AWS's own examples of nested `Assign` use such keys; a JSONata
/// expression can still only read a variable whose name has no `-`.
pub(crate) fn is_variable_name(name: &str) -> bool {
    let mut chars = name.chars();
    let starts_well = chars.next().is_some_and(|c| c.is_alphabetic() || c == '_');
    starts_well && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '-') && name != "states"
}
