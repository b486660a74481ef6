//! The shape of the state machine and of the nested state machines in Parallel and Map states.

use serde_json::{Map, Value};

use super::Code;
use super::checker::{Checker, child, type_name};
use super::state::check_state;
use crate::asl::QueryLanguage;

/// Checks the top-level object and every state in it.
pub(crate) fn check_machine(cx: &mut Checker, definition: &Value) {
    let Some(machine) = definition.as_object() else {
        cx.report(
            Code::NotAnObject,
            "",
            format!(
                "a state machine definition is a JSON object with `StartAt` and `States`, not {}",
                type_name(definition)
            ),
        );
        return;
    };
    match machine.get("QueryLanguage") {
        None => {}
        Some(Value::String(s)) if s == "JSONata" => cx.machine_language = QueryLanguage::Jsonata,
        Some(Value::String(s)) if s == "JSONPath" => {}
        Some(other) => cx.report(
            Code::InvalidValue,
            "/QueryLanguage",
            format!("`QueryLanguage` is \"JSONPath\" or \"JSONata\", not {other}"),
        ),
    }
    for (key, value) in machine {
        let pointer = child("", key);
        match key.as_str() {
            "StartAt" | "States" | "QueryLanguage" => {}
            "Comment" => expect_string(cx, &pointer, key, value),
            "Version" => match value.as_str() {
                Some("1.0") => {}
                _ => cx.report(
                    Code::InvalidValue,
                    &pointer,
                    format!("`Version` is \"1.0\" when present, not {value}"),
                ),
            },
            "TimeoutSeconds" => {
                expect_integer(cx, &pointer, key, value, 1, 99_999_999);
            }
            _ => cx.report(
                Code::UnknownField,
                &pointer,
                format!(
                    "`{key}` is not a field of a state machine; the fields are `StartAt`, \
                     `States`, `Comment`, `Version`, `TimeoutSeconds` and `QueryLanguage`"
                ),
            ),
        }
    }
    check_scope(cx, "", machine, "the state machine");
}

/// Checks `StartAt` and `States` of a state machine, a branch or an item processor.
pub(crate) fn check_scope(cx: &mut Checker, pointer: &str, scope: &Map<String, Value>, what: &str) {
    match scope.get("StartAt") {
        None => cx.report(
            Code::MissingField,
            pointer,
            format!("{what} needs `StartAt`, the name of its first state"),
        ),
        Some(value) => expect_string(cx, &child(pointer, "StartAt"), "StartAt", value),
    }
    let states_pointer = child(pointer, "States");
    match scope.get("States") {
        None => cx.report(
            Code::MissingField,
            pointer,
            format!("{what} needs `States`, an object of states by name"),
        ),
        Some(Value::Object(states)) => {
            if states.is_empty() {
                cx.report(
                    Code::MissingField,
                    &states_pointer,
                    format!("`States` of {what} is empty; add at least one state"),
                );
            }
            for (name, state) in states {
                check_state(cx, &child(&states_pointer, name), name, state);
            }
        }
        Some(other) => cx.report(
            Code::WrongType,
            &states_pointer,
            format!(
                "`States` is an object of states by name, not {}",
                type_name(other)
            ),
        ),
    }
}

/// Checks a nested state machine (a Parallel branch or a Map's `Iterator`): `StartAt`,
/// `States` and `Comment`, plus the extra fields its owner allows.
pub(crate) fn check_nested_scope(
    cx: &mut Checker,
    pointer: &str,
    value: &Value,
    what: &str,
    extra: &[&str],
) -> Option<()> {
    let Some(scope) = value.as_object() else {
        cx.report(
            Code::WrongType,
            pointer,
            format!(
                "{what} is an object with `StartAt` and `States`, not {}",
                type_name(value)
            ),
        );
        return None;
    };
    for (key, field) in scope {
        let field_pointer = child(pointer, key);
        match key.as_str() {
            "StartAt" | "States" => {}
            "Comment" => expect_string(cx, &field_pointer, key, field),
            _ if extra.contains(&key.as_str()) => {}
            _ => cx.report(
                Code::UnknownField,
                &field_pointer,
                format!(
                    "`{key}` is not a field of {what}; it takes `StartAt`, `States`, `Comment`{}",
                    extra.iter().map(|e| format!(", `{e}`")).collect::<String>()
                ),
            ),
        }
    }
    check_scope(cx, pointer, scope, what);
    Some(())
}

/// Reports unless `value` is a string.
pub(crate) fn expect_string(cx: &mut Checker, pointer: &str, key: &str, value: &Value) {
    if !value.is_string() {
        cx.report(
            Code::WrongType,
            pointer,
            format!("`{key}` is a string, not {}", type_name(value)),
        );
    }
}

/// Reports unless `value` is an integer in `min..=max`; gives the integer when it is one.
pub(crate) fn expect_integer(
    cx: &mut Checker,
    pointer: &str,
    key: &str,
    value: &Value,
    min: i64,
    max: i64,
) -> Option<i64> {
    let integer = value
        .as_i64()
        .or_else(|| value.as_u64().map(|u| i64::try_from(u).unwrap_or(i64::MAX)));
    let Some(integer) = integer else {
        cx.report(
            Code::WrongType,
            pointer,
            format!("`{key}` is an integer, not {value}"),
        );
        return None;
    };
    if integer < min || integer > max {
        cx.report(
            Code::OutOfRange,
            pointer,
            format!("`{key}` is {integer}; it must be between {min} and {max}"),
        );
        return None;
    }
    Some(integer)
}
