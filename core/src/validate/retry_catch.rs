//! `Retry` and `Catch`: error names, `States.ALL` placement, and backoff ranges.

use serde_json::Value;

use super::Code;
use super::checker::{Checker, child, element, type_name};
use super::expression::{check_assign, check_jsonata_value, check_result_path};
use super::state::expect_one_of;
use super::structure::{expect_integer, expect_string};
use crate::asl::QueryLanguage;

const STATES_ALL: &str = "States.ALL";

/// Checks a `Retry` array.
pub(crate) fn check_retriers(cx: &mut Checker, pointer: &str, value: &Value) {
    let Some(retriers) = as_array(cx, pointer, "Retry", value) else {
        return;
    };
    for (index, retrier) in retriers.iter().enumerate() {
        let retrier_pointer = element(pointer, index);
        let Some(fields) = as_object(cx, &retrier_pointer, "a retrier", retrier) else {
            continue;
        };
        for (key, member) in fields {
            let member_pointer = child(&retrier_pointer, key);
            match key.as_str() {
                "ErrorEquals" => {}
                "IntervalSeconds" => {
                    expect_integer(cx, &member_pointer, key, member, 1, 99_999_999);
                }
                "MaxAttempts" => {
                    expect_integer(cx, &member_pointer, key, member, 0, 99_999_999);
                }
                "MaxDelaySeconds" => {
                    expect_integer(cx, &member_pointer, key, member, 1, 31_622_400);
                }
                "BackoffRate" => match member.as_f64() {
                    None => cx.report(
                        Code::WrongType,
                        &member_pointer,
                        format!("`BackoffRate` is a number, not {}", type_name(member)),
                    ),
                    Some(rate) if rate < 1.0 => cx.report(
                        Code::OutOfRange,
                        &member_pointer,
                        format!(
                            "`BackoffRate` is {member}; the allowed minimum is 1 (1.0 keeps \
                             the interval constant)"
                        ),
                    ),
                    Some(_) => {}
                },
                "JitterStrategy" => {
                    expect_one_of(cx, &member_pointer, key, member, &["FULL", "NONE"])
                }
                "Comment" => expect_string(cx, &member_pointer, key, member),
                _ => cx.report(
                    Code::UnknownField,
                    &member_pointer,
                    format!(
                        "`{key}` is not a field of a retrier; it takes `ErrorEquals`, \
                         `IntervalSeconds`, `MaxAttempts`, `BackoffRate`, `MaxDelaySeconds`, \
                         `JitterStrategy` and `Comment`"
                    ),
                ),
            }
        }
        check_error_equals(
            cx,
            &retrier_pointer,
            "retrier",
            retrier,
            index,
            retriers.len(),
        );
    }
}

/// Checks a `Catch` array.
pub(crate) fn check_catchers(
    cx: &mut Checker,
    pointer: &str,
    value: &Value,
    language: QueryLanguage,
) {
    let Some(catchers) = as_array(cx, pointer, "Catch", value) else {
        return;
    };
    for (index, catcher) in catchers.iter().enumerate() {
        let catcher_pointer = element(pointer, index);
        let Some(fields) = as_object(cx, &catcher_pointer, "a catcher", catcher) else {
            continue;
        };
        for (key, member) in fields {
            let member_pointer = child(&catcher_pointer, key);
            match (key.as_str(), language) {
                ("ErrorEquals", _) => {}
                ("Next" | "Comment", _) => expect_string(cx, &member_pointer, key, member),
                ("ResultPath", QueryLanguage::JsonPath) => match member {
                    Value::Null => {}
                    Value::String(text) => check_result_path(cx, &member_pointer, text),
                    other => cx.report(
                        Code::WrongType,
                        &member_pointer,
                        format!(
                            "`ResultPath` is a path string or null, not {}",
                            type_name(other)
                        ),
                    ),
                },
                ("Output", QueryLanguage::Jsonata) => {
                    cx.error_output_allowed = true;
                    check_jsonata_value(cx, &member_pointer, member);
                    cx.error_output_allowed = false;
                }
                ("Assign", _) => {
                    cx.error_output_allowed = true;
                    check_assign(cx, &member_pointer, member, language);
                    cx.error_output_allowed = false;
                }
                ("ResultPath", QueryLanguage::Jsonata) => cx.report(
                    Code::WrongQueryLanguage,
                    &member_pointer,
                    "`ResultPath` is a JSONPath field and this state uses JSONata; use `Output` \
                     with `$states.errorOutput`",
                ),
                ("Output", QueryLanguage::JsonPath) => cx.report(
                    Code::WrongQueryLanguage,
                    &member_pointer,
                    "`Output` is a JSONata field and this state uses JSONPath; use `ResultPath`",
                ),
                _ => cx.report(
                    Code::UnknownField,
                    &member_pointer,
                    format!(
                        "`{key}` is not a field of a catcher; it takes `ErrorEquals`, `Next`, \
                         `ResultPath` (JSONPath) or `Output` (JSONata), `Assign` and `Comment`"
                    ),
                ),
            }
        }
        if !fields.contains_key("Next") {
            cx.report(
                Code::MissingField,
                &catcher_pointer,
                "a catcher needs `Next`: the state to go to when it catches an error",
            );
        }
        check_error_equals(
            cx,
            &catcher_pointer,
            "catcher",
            catcher,
            index,
            catchers.len(),
        );
    }
}

/// `ErrorEquals`: a non-empty array of strings; `States.ALL` alone and in the last element.
fn check_error_equals(
    cx: &mut Checker,
    pointer: &str,
    what: &str,
    owner: &Value,
    index: usize,
    count: usize,
) {
    let field_pointer = child(pointer, "ErrorEquals");
    let names = match owner.get("ErrorEquals") {
        None => {
            cx.report(
                Code::MissingField,
                pointer,
                format!("a {what} needs `ErrorEquals`: the error names it matches"),
            );
            return;
        }
        Some(Value::Array(names)) => names,
        Some(other) => {
            cx.report(
                Code::WrongType,
                &field_pointer,
                format!(
                    "`ErrorEquals` is an array of error names, not {}",
                    type_name(other)
                ),
            );
            return;
        }
    };
    if names.is_empty() {
        cx.report(
            Code::EmptyErrorEquals,
            &field_pointer,
            "`ErrorEquals` is empty (non-empty required); name at least one error, or \
             \"States.ALL\" for any",
        );
    }
    let mut has_all = false;
    for (position, name) in names.iter().enumerate() {
        match name {
            Value::String(name) if name == STATES_ALL => has_all = true,
            Value::String(_) => {}
            other => cx.report(
                Code::WrongType,
                &element(&field_pointer, position),
                format!("an error name is a string, not {}", type_name(other)),
            ),
        }
    }
    if has_all && names.len() > 1 {
        cx.report(
            Code::StatesAllNotAlone,
            &field_pointer,
            "\"States.ALL\" must be the only error name in its `ErrorEquals`; move the other \
             names to an earlier element",
        );
    }
    if has_all && index + 1 != count {
        cx.report(
            Code::StatesAllNotLast,
            pointer,
            format!(
                "the {what} with \"States.ALL\" must be the last one, or the ones after it \
                 never apply; move it to the end"
            ),
        );
    }
}

fn as_array<'v>(
    cx: &mut Checker,
    pointer: &str,
    key: &str,
    value: &'v Value,
) -> Option<&'v Vec<Value>> {
    let array = value.as_array();
    if array.is_none() {
        cx.report(
            Code::WrongType,
            pointer,
            format!("`{key}` is an array, not {}", type_name(value)),
        );
    }
    array
}

fn as_object<'v>(
    cx: &mut Checker,
    pointer: &str,
    what: &str,
    value: &'v Value,
) -> Option<&'v serde_json::Map<String, Value>> {
    let object = value.as_object();
    if object.is_none() {
        cx.report(
            Code::WrongType,
            pointer,
            format!("{what} is an object, not {}", type_name(value)),
        );
    }
    object
}
