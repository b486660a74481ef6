//! The fields of each state type, in each query language, and their values.

use serde_json::{Map, Value};

use super::Code;
use super::checker::{Checker, child, element, type_name};
use super::choice::check_choices;
use super::expression::{
    check_assign, check_jsonata_string, check_jsonata_value, check_path, check_path_or_intrinsic,
    check_reference_path, check_result_path, check_template, check_timestamp,
};
use super::integration::check_resource;
use super::retry_catch::{check_catchers, check_retriers};
use super::structure::{check_nested_scope, expect_integer};
use crate::asl::{QueryLanguage, StateType};

/// Which query language a field belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Language {
    Both,
    JsonPath,
    Jsonata,
}

/// What a field's value must be.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    QueryLanguage,
    NullablePath,
    ResultPath,
    ReferencePath,
    PathOrIntrinsic,
    Template,
    AnyJson,
    JsonataValue,
    Assign,
    StateName,
    End,
    Resource,
    Integer { min: i64, max: i64 },
    Percentage,
    Timestamp,
    Label,
    Credentials,
    Retry,
    Catch,
    Choices,
    Branches,
    ItemProcessor,
    Iterator,
    Items,
    ItemSelector,
    ItemReader,
    ItemBatcher,
    ResultWriter,
}

use StateType::{Choice, Fail, Map as MapState, Parallel, Pass, Succeed, Task, Wait};

const ALL: &[StateType] = &[Task, Pass, Choice, Wait, Succeed, Fail, Parallel, MapState];
const ALL_BUT_FAIL: &[StateType] = &[Task, Pass, Choice, Wait, Succeed, Parallel, MapState];
const TRANSITIONS: &[StateType] = &[Task, Pass, Wait, Parallel, MapState];
const RESULTS: &[StateType] = &[Task, Parallel, MapState];
const ASSIGNS: &[StateType] = &[Task, Pass, Choice, Wait, Parallel, MapState];
const MAX_SECONDS: i64 = 99_999_999;

struct Field {
    name: &'static str,
    states: &'static [StateType],
    language: Language,
    kind: Kind,
}

const fn field(
    name: &'static str,
    states: &'static [StateType],
    language: Language,
    kind: Kind,
) -> Field {
    Field {
        name,
        states,
        language,
        kind,
    }
}

/// Every state field of the language: where it may appear and what it holds.
const FIELDS: &[Field] = &[
    field("Comment", ALL, Language::Both, Kind::Text),
    field("QueryLanguage", ALL, Language::Both, Kind::QueryLanguage),
    field(
        "InputPath",
        ALL_BUT_FAIL,
        Language::JsonPath,
        Kind::NullablePath,
    ),
    field(
        "OutputPath",
        ALL_BUT_FAIL,
        Language::JsonPath,
        Kind::NullablePath,
    ),
    field(
        "Parameters",
        &[Task, Pass, Parallel, MapState],
        Language::JsonPath,
        Kind::Template,
    ),
    field(
        "ResultSelector",
        RESULTS,
        Language::JsonPath,
        Kind::Template,
    ),
    field(
        "ResultPath",
        &[Task, Pass, Parallel, MapState],
        Language::JsonPath,
        Kind::ResultPath,
    ),
    field("Result", &[Pass], Language::JsonPath, Kind::AnyJson),
    field(
        "Arguments",
        &[Task, Parallel],
        Language::Jsonata,
        Kind::JsonataValue,
    ),
    field(
        "Output",
        ALL_BUT_FAIL,
        Language::Jsonata,
        Kind::JsonataValue,
    ),
    field("Assign", ASSIGNS, Language::Both, Kind::Assign),
    field("Next", TRANSITIONS, Language::Both, Kind::StateName),
    field("End", TRANSITIONS, Language::Both, Kind::End),
    field("Retry", RESULTS, Language::Both, Kind::Retry),
    field("Catch", RESULTS, Language::Both, Kind::Catch),
    field("Resource", &[Task], Language::Both, Kind::Resource),
    field(
        "TimeoutSeconds",
        &[Task],
        Language::Both,
        Kind::Integer {
            min: 1,
            max: MAX_SECONDS,
        },
    ),
    field(
        "TimeoutSecondsPath",
        &[Task],
        Language::JsonPath,
        Kind::ReferencePath,
    ),
    field(
        "HeartbeatSeconds",
        &[Task],
        Language::Both,
        Kind::Integer {
            min: 1,
            max: MAX_SECONDS,
        },
    ),
    field(
        "HeartbeatSecondsPath",
        &[Task],
        Language::JsonPath,
        Kind::ReferencePath,
    ),
    field("Credentials", &[Task], Language::Both, Kind::Credentials),
    field("Choices", &[Choice], Language::Both, Kind::Choices),
    field("Default", &[Choice], Language::Both, Kind::StateName),
    field(
        "Seconds",
        &[Wait],
        Language::Both,
        Kind::Integer {
            min: 0,
            max: MAX_SECONDS,
        },
    ),
    field("Timestamp", &[Wait], Language::Both, Kind::Timestamp),
    field(
        "SecondsPath",
        &[Wait],
        Language::JsonPath,
        Kind::ReferencePath,
    ),
    field(
        "TimestampPath",
        &[Wait],
        Language::JsonPath,
        Kind::ReferencePath,
    ),
    field("Error", &[Fail], Language::Both, Kind::Text),
    field("Cause", &[Fail], Language::Both, Kind::Text),
    field(
        "ErrorPath",
        &[Fail],
        Language::JsonPath,
        Kind::PathOrIntrinsic,
    ),
    field(
        "CausePath",
        &[Fail],
        Language::JsonPath,
        Kind::PathOrIntrinsic,
    ),
    field("Branches", &[Parallel], Language::Both, Kind::Branches),
    field(
        "ItemProcessor",
        &[MapState],
        Language::Both,
        Kind::ItemProcessor,
    ),
    field("Iterator", &[MapState], Language::Both, Kind::Iterator),
    field(
        "ItemsPath",
        &[MapState],
        Language::JsonPath,
        Kind::ReferencePath,
    ),
    field("Items", &[MapState], Language::Jsonata, Kind::Items),
    field(
        "ItemSelector",
        &[MapState],
        Language::Both,
        Kind::ItemSelector,
    ),
    field("ItemReader", &[MapState], Language::Both, Kind::ItemReader),
    field(
        "ItemBatcher",
        &[MapState],
        Language::Both,
        Kind::ItemBatcher,
    ),
    field(
        "ResultWriter",
        &[MapState],
        Language::Both,
        Kind::ResultWriter,
    ),
    field(
        "MaxConcurrency",
        &[MapState],
        Language::Both,
        Kind::Integer {
            min: 0,
            max: i64::MAX,
        },
    ),
    field(
        "MaxConcurrencyPath",
        &[MapState],
        Language::JsonPath,
        Kind::ReferencePath,
    ),
    field(
        "ToleratedFailureCount",
        &[MapState],
        Language::Both,
        Kind::Integer {
            min: 0,
            max: i64::MAX,
        },
    ),
    field(
        "ToleratedFailureCountPath",
        &[MapState],
        Language::JsonPath,
        Kind::ReferencePath,
    ),
    field(
        "ToleratedFailurePercentage",
        &[MapState],
        Language::Both,
        Kind::Percentage,
    ),
    field(
        "ToleratedFailurePercentagePath",
        &[MapState],
        Language::JsonPath,
        Kind::ReferencePath,
    ),
    field("Label", &[MapState], Language::Both, Kind::Label),
];

/// Pairs of fields of which a state may have only one.
const EXCLUSIVE: &[(&str, &str)] = &[
    ("Next", "End"),
    ("TimeoutSeconds", "TimeoutSecondsPath"),
    ("HeartbeatSeconds", "HeartbeatSecondsPath"),
    ("Error", "ErrorPath"),
    ("Cause", "CausePath"),
    ("ItemProcessor", "Iterator"),
    ("ItemSelector", "Parameters"),
    ("MaxConcurrency", "MaxConcurrencyPath"),
    ("ToleratedFailureCount", "ToleratedFailureCountPath"),
    (
        "ToleratedFailurePercentage",
        "ToleratedFailurePercentagePath",
    ),
];

const WAIT_DURATIONS: &[&str] = &["Seconds", "Timestamp", "SecondsPath", "TimestampPath"];

/// Where a field that belongs to the other query language has its counterpart.
fn counterpart(name: &str) -> &'static str {
    match name {
        "InputPath" | "Parameters" => "`Arguments`",
        "ResultSelector" | "ResultPath" | "OutputPath" | "Result" => "`Output`",
        "ItemsPath" => "`Items`",
        "TimeoutSecondsPath" => "`TimeoutSeconds` with a `{% %}` expression",
        "HeartbeatSecondsPath" => "`HeartbeatSeconds` with a `{% %}` expression",
        "SecondsPath" => "`Seconds` with a `{% %}` expression",
        "TimestampPath" => "`Timestamp` with a `{% %}` expression",
        "ErrorPath" => "`Error` with a `{% %}` expression",
        "CausePath" => "`Cause` with a `{% %}` expression",
        "MaxConcurrencyPath" => "`MaxConcurrency` with a `{% %}` expression",
        "ToleratedFailureCountPath" => "`ToleratedFailureCount` with a `{% %}` expression",
        "ToleratedFailurePercentagePath" => {
            "`ToleratedFailurePercentage` with a `{% %}` expression"
        }
        "Arguments" => "`Parameters`",
        "Output" => "`OutputPath` or `ResultSelector`",
        "Items" => "`ItemsPath`",
        _ => "the field of that language",
    }
}

/// Checks one state: its type, its fields and their values.
pub(crate) fn check_state(cx: &mut Checker, pointer: &str, name: &str, value: &Value) {
    let Some(state) = value.as_object() else {
        cx.report(
            Code::NotAnObject,
            pointer,
            format!(
                "the state `{name}` is an object with a `Type`, not {}",
                type_name(value)
            ),
        );
        return;
    };
    let state_type = match state.get("Type") {
        None => {
            cx.report(
                Code::MissingField,
                pointer,
                format!(
                    "the state `{name}` needs `Type`: one of Task, Pass, Choice, Wait, \
                     Succeed, Fail, Parallel, Map"
                ),
            );
            return;
        }
        Some(Value::String(t)) => match StateType::from_name(t) {
            Some(state_type) => state_type,
            None => {
                cx.report(
                    Code::InvalidValue,
                    &child(pointer, "Type"),
                    format!(
                        "\"{t}\" is not a state type; use one of Task, Pass, Choice, Wait, \
                         Succeed, Fail, Parallel, Map"
                    ),
                );
                return;
            }
        },
        Some(other) => {
            cx.report(
                Code::WrongType,
                &child(pointer, "Type"),
                format!(
                    "`Type` is a string such as \"Pass\", not {}",
                    type_name(other)
                ),
            );
            return;
        }
    };
    let language = state_language(cx, pointer, state);
    let type_name = state_type.as_str();
    for (key, field_value) in state {
        if key == "Type" {
            continue;
        }
        let field_pointer = child(pointer, key);
        let Some(field) = FIELDS.iter().find(|f| f.name == key) else {
            cx.report(
                Code::UnknownField,
                &field_pointer,
                format!("`{key}` is not a field of a {type_name} state; remove it or fix its name"),
            );
            continue;
        };
        if !field.states.contains(&state_type) {
            cx.report(
                Code::FieldNotAllowed,
                &field_pointer,
                format!("a {type_name} state does not take `{key}`; remove it"),
            );
            continue;
        }
        match (field.language, language) {
            (Language::JsonPath, QueryLanguage::Jsonata) => {
                cx.report(
                    Code::WrongQueryLanguage,
                    &field_pointer,
                    format!(
                        "`{key}` is a JSONPath field and this state uses JSONata; use {} \
                         instead, or set \"QueryLanguage\": \"JSONPath\" on the state",
                        counterpart(key)
                    ),
                );
                continue;
            }
            (Language::Jsonata, QueryLanguage::JsonPath) => {
                cx.report(
                    Code::WrongQueryLanguage,
                    &field_pointer,
                    format!(
                        "`{key}` is a JSONata field and this state uses JSONPath; use {} \
                         instead, or set \"QueryLanguage\": \"JSONata\"",
                        counterpart(key)
                    ),
                );
                continue;
            }
            _ => {}
        }
        cx.result_allowed = matches!(key.as_str(), "Output" | "Assign")
            && matches!(state_type, Task | MapState | Parallel);
        check_field(cx, &field_pointer, key, field.kind, field_value, language);
        cx.result_allowed = false;
    }
    check_combinations(cx, pointer, name, state_type, state);
}

/// The state's query language; reports a JSONPath state in a JSONata state machine.
fn state_language(cx: &mut Checker, pointer: &str, state: &Map<String, Value>) -> QueryLanguage {
    let own = match state.get("QueryLanguage").and_then(Value::as_str) {
        Some("JSONata") => Some(QueryLanguage::Jsonata),
        Some("JSONPath") => Some(QueryLanguage::JsonPath),
        _ => None,
    };
    if own == Some(QueryLanguage::JsonPath) && cx.machine_language == QueryLanguage::Jsonata {
        cx.report(
            Code::QueryLanguageDowngrade,
            pointer,
            "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine; \
             remove the state's `QueryLanguage` or set the state machine's to JSONPath",
        );
    }
    own.unwrap_or(cx.machine_language)
}

fn check_field(
    cx: &mut Checker,
    pointer: &str,
    key: &str,
    kind: Kind,
    value: &Value,
    language: QueryLanguage,
) {
    match kind {
        Kind::Text | Kind::StateName => match value {
            Value::String(text) if language == QueryLanguage::Jsonata && key != "Comment" => {
                if !matches!(kind, Kind::StateName) {
                    check_jsonata_string(cx, pointer, text);
                }
            }
            Value::String(_) => {}
            other => cx.report(
                Code::WrongType,
                pointer,
                format!("`{key}` is a string, not {}", type_name(other)),
            ),
        },
        Kind::QueryLanguage => {
            if !matches!(value.as_str(), Some("JSONPath" | "JSONata")) {
                cx.report(
                    Code::InvalidValue,
                    pointer,
                    format!("`QueryLanguage` is \"JSONPath\" or \"JSONata\", not {value}"),
                );
            }
        }
        Kind::NullablePath => match value {
            Value::Null => {}
            Value::String(text) => check_path(cx, pointer, key, text),
            other => report_path_type(cx, pointer, key, other, true),
        },
        Kind::ResultPath => match value {
            Value::Null => {}
            Value::String(text) => check_result_path(cx, pointer, text),
            other => report_path_type(cx, pointer, key, other, true),
        },
        Kind::ReferencePath => match value {
            Value::String(text) => check_reference_path(cx, pointer, key, text),
            other => report_path_type(cx, pointer, key, other, false),
        },
        Kind::PathOrIntrinsic => match value {
            Value::String(text) => check_path_or_intrinsic(cx, pointer, key, text),
            other => report_path_type(cx, pointer, key, other, false),
        },
        Kind::Template => check_template(cx, pointer, value),
        Kind::AnyJson => {}
        Kind::JsonataValue => check_jsonata_value(cx, pointer, value),
        Kind::Assign => check_assign(cx, pointer, value, language),
        Kind::End => {
            if !value.is_boolean() {
                cx.report(
                    Code::WrongType,
                    pointer,
                    format!("`End` is `true`, not {}", type_name(value)),
                );
            }
        }
        Kind::Resource => match value {
            Value::String(text) => check_resource(cx, pointer, text),
            other => cx.report(
                Code::WrongType,
                pointer,
                format!("`Resource` is an ARN string, not {}", type_name(other)),
            ),
        },
        Kind::Integer { min, max } => {
            check_number_or_expression(cx, pointer, key, value, language, |cx| {
                expect_integer(cx, pointer, key, value, min, max);
            })
        }
        Kind::Percentage => check_number_or_expression(cx, pointer, key, value, language, |cx| {
            match value.as_f64() {
                None => cx.report(
                    Code::WrongType,
                    pointer,
                    format!("`{key}` is a number from 0 to 100, not {value}"),
                ),
                Some(p) if !(0.0..=100.0).contains(&p) => cx.report(
                    Code::OutOfRange,
                    pointer,
                    format!("`{key}` is {value}; it must be between 0 and 100"),
                ),
                Some(_) => {}
            }
        }),
        Kind::Timestamp => match value {
            Value::String(text) => {
                let expression =
                    language == QueryLanguage::Jsonata && check_jsonata_string(cx, pointer, text);
                if !expression {
                    check_timestamp(cx, pointer, key, text);
                }
            }
            other => cx.report(
                Code::WrongType,
                pointer,
                format!(
                    "`{key}` is an RFC 3339 timestamp string, not {}",
                    type_name(other)
                ),
            ),
        },
        Kind::Label => check_label(cx, pointer, value),
        Kind::Credentials => check_credentials(cx, pointer, value, language),
        Kind::Retry => check_retriers(cx, pointer, value),
        Kind::Catch => check_catchers(cx, pointer, value, language),
        Kind::Choices => check_choices(cx, pointer, value, language),
        Kind::Branches => check_branches(cx, pointer, value),
        Kind::ItemProcessor => {
            check_item_processor(cx, pointer, value, "a Map state's `ItemProcessor`")
        }
        Kind::Iterator => check_item_processor(cx, pointer, value, "a Map state's `Iterator`"),
        Kind::Items => match value {
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    check_jsonata_value(cx, &element(pointer, index), item);
                }
            }
            Value::String(text) if check_jsonata_string(cx, pointer, text) => {}
            other => cx.report(
                Code::WrongType,
                pointer,
                format!(
                    "`Items` is an array or a \"{{% %}}\" expression that gives one, not {other}"
                ),
            ),
        },
        Kind::ItemSelector => match language {
            QueryLanguage::JsonPath => check_template(cx, pointer, value),
            QueryLanguage::Jsonata => check_jsonata_value(cx, pointer, value),
        },
        Kind::ItemReader => check_item_reader(cx, pointer, value, language),
        Kind::ItemBatcher => check_item_batcher(cx, pointer, value, language),
        Kind::ResultWriter => check_result_writer(cx, pointer, value, language),
    }
}

/// A number field: in JSONata it may be a `{% %}` expression instead.
fn check_number_or_expression(
    cx: &mut Checker,
    pointer: &str,
    key: &str,
    value: &Value,
    language: QueryLanguage,
    check_number: impl FnOnce(&mut Checker),
) {
    match value {
        Value::String(text) if language == QueryLanguage::Jsonata => {
            if !check_jsonata_string(cx, pointer, text) {
                cx.report(
                    Code::WrongType,
                    pointer,
                    format!("`{key}` is a number or a \"{{% %}}\" expression, not {value}"),
                );
            }
        }
        _ => check_number(cx),
    }
}

fn report_path_type(cx: &mut Checker, pointer: &str, key: &str, value: &Value, nullable: bool) {
    let or_null = if nullable { " or null" } else { "" };
    cx.report(
        Code::WrongType,
        pointer,
        format!(
            "`{key}` is a path string{or_null}, not {}",
            type_name(value)
        ),
    );
}

/// Rules that span fields: required fields, exclusive pairs, transitions, modes.
fn check_combinations(
    cx: &mut Checker,
    pointer: &str,
    name: &str,
    state_type: StateType,
    state: &Map<String, Value>,
) {
    let type_name = state_type.as_str();
    let required: &[&str] = match state_type {
        Task => &["Resource"],
        Choice => &["Choices"],
        Parallel => &["Branches"],
        _ => &[],
    };
    for field in required {
        if !state.contains_key(*field) {
            cx.report(
                Code::MissingField,
                pointer,
                format!("the {type_name} state `{name}` needs `{field}`"),
            );
        }
    }
    for (a, b) in EXCLUSIVE {
        if state.contains_key(*a) && state.contains_key(*b) {
            cx.report(
                Code::ExclusiveFields,
                &child(pointer, b),
                format!("a state may have only one of [\"{a}\", \"{b}\"]; remove one"),
            );
        }
    }
    if TRANSITIONS.contains(&state_type)
        && !state.contains_key("Next")
        && state.get("End") != Some(&Value::Bool(true))
    {
        cx.report(
            Code::MissingTransition,
            pointer,
            format!(
                "the {type_name} state `{name}` needs `Next` (the state that follows) or \
                 `\"End\": true`"
            ),
        );
    }
    match state_type {
        Wait => {
            let given: Vec<&str> = WAIT_DURATIONS
                .iter()
                .copied()
                .filter(|f| state.contains_key(*f))
                .collect();
            if given.is_empty() {
                cx.report(
                    Code::MissingField,
                    pointer,
                    format!(
                        "the Wait state `{name}` needs one of `Seconds`, `Timestamp`, \
                         `SecondsPath` or `TimestampPath`"
                    ),
                );
            } else if given.len() > 1 {
                cx.report(
                    Code::ExclusiveFields,
                    &child(pointer, given[1]),
                    format!(
                        "a Wait state has exactly one of `Seconds`, `Timestamp`, `SecondsPath`, \
                         `TimestampPath`; found {}",
                        given.join(" and ")
                    ),
                );
            }
        }
        Task => {
            let timeout = state.get("TimeoutSeconds").and_then(Value::as_u64);
            let heartbeat = state.get("HeartbeatSeconds").and_then(Value::as_u64);
            if let (Some(timeout), Some(heartbeat)) = (timeout, heartbeat)
                && heartbeat >= timeout
            {
                cx.report(
                    Code::OutOfRange,
                    &child(pointer, "HeartbeatSeconds"),
                    format!(
                        "`HeartbeatSeconds` ({heartbeat}) must be smaller than \
                         `TimeoutSeconds` ({timeout})"
                    ),
                );
            }
        }
        MapState => check_map_combinations(cx, pointer, name, state),
        _ => {}
    }
}

fn check_map_combinations(cx: &mut Checker, pointer: &str, name: &str, state: &Map<String, Value>) {
    if !state.contains_key("ItemProcessor") && !state.contains_key("Iterator") {
        cx.report(
            Code::MissingField,
            pointer,
            format!(
                "the Map state `{name}` needs `ItemProcessor`: the states to run for each item"
            ),
        );
    }
}

fn check_label(cx: &mut Checker, pointer: &str, value: &Value) {
    let Some(label) = value.as_str() else {
        cx.report(
            Code::WrongType,
            pointer,
            format!("`Label` is a string, not {}", type_name(value)),
        );
        return;
    };
    let bad =
        |c: char| c.is_whitespace() || c.is_control() || "<>{}[]?*\"#%\\^|~`$&,;:/".contains(c);
    if label.chars().count() > 40 || label.chars().any(bad) {
        cx.report(
            Code::InvalidValue,
            pointer,
            format!(
                "`Label` {label:?} must be at most 40 characters, without whitespace or any of \
                 < > {{ }} [ ] ? * \" # % \\ ^ | ~ ` $ & , ; : /"
            ),
        );
    }
}

fn check_credentials(cx: &mut Checker, pointer: &str, value: &Value, language: QueryLanguage) {
    let Some(credentials) = value.as_object() else {
        cx.report(
            Code::WrongType,
            pointer,
            format!(
                "`Credentials` is an object with `RoleArn` (or `RoleArn.$`), not {}",
                type_name(value)
            ),
        );
        return;
    };
    for (key, member) in credentials {
        let member_pointer = child(pointer, key);
        match (key.as_str(), member) {
            ("RoleArn", Value::String(text)) => {
                if language == QueryLanguage::Jsonata {
                    check_jsonata_string(cx, &member_pointer, text);
                }
            }
            ("RoleArn.$", Value::String(text)) if language == QueryLanguage::JsonPath => {
                check_path_or_intrinsic(cx, &member_pointer, key, text)
            }
            ("RoleArn" | "RoleArn.$", other) if !other.is_string() => cx.report(
                Code::WrongType,
                &member_pointer,
                format!("`{key}` is a string, not {}", type_name(other)),
            ),
            _ => cx.report(
                Code::UnknownField,
                &member_pointer,
                format!("`{key}` is not a field of `Credentials`; it takes `RoleArn` only"),
            ),
        }
    }
    if !credentials.contains_key("RoleArn") && !credentials.contains_key("RoleArn.$") {
        cx.report(
            Code::MissingField,
            pointer,
            "The field 'RoleArn' is required but was missing; give the role to assume",
        );
    }
}

fn check_branches(cx: &mut Checker, pointer: &str, value: &Value) {
    let Some(branches) = value.as_array() else {
        cx.report(
            Code::WrongType,
            pointer,
            format!(
                "`Branches` is an array of state machines, not {}",
                type_name(value)
            ),
        );
        return;
    };
    if branches.is_empty() {
        cx.report(
            Code::MissingField,
            pointer,
            "`Branches` is empty; a Parallel state needs at least one branch",
        );
    }
    for (index, branch) in branches.iter().enumerate() {
        check_nested_scope(
            cx,
            &element(pointer, index),
            branch,
            "a Parallel branch",
            &[],
        );
    }
}

/// `ItemProcessor`, or the legacy `Iterator` (which AWS also accepts with a `ProcessorConfig`).
fn check_item_processor(cx: &mut Checker, pointer: &str, value: &Value, what: &str) {
    if check_nested_scope(cx, pointer, value, what, &["ProcessorConfig"]).is_none() {
        return;
    }
    let Some(config) = value.get("ProcessorConfig") else {
        return;
    };
    let config_pointer = child(pointer, "ProcessorConfig");
    let Some(config) = config.as_object() else {
        cx.report(
            Code::WrongType,
            &config_pointer,
            format!("`ProcessorConfig` is an object, not {}", type_name(config)),
        );
        return;
    };
    for (key, member) in config {
        let member_pointer = child(&config_pointer, key);
        match key.as_str() {
            "Mode" => expect_one_of(cx, &member_pointer, key, member, &["INLINE", "DISTRIBUTED"]),
            "ExecutionType" => {
                expect_one_of(cx, &member_pointer, key, member, &["STANDARD", "EXPRESS"])
            }
            _ => cx.report(
                Code::UnknownField,
                &member_pointer,
                format!(
                    "`{key}` is not a field of `ProcessorConfig`; it takes `Mode` and \
                     `ExecutionType`"
                ),
            ),
        }
    }
    let mode = config.get("Mode").and_then(Value::as_str);
    if mode == Some("DISTRIBUTED") && !config.contains_key("ExecutionType") {
        cx.report(
            Code::MissingField,
            &config_pointer,
            "a DISTRIBUTED processor needs `ExecutionType`: \"STANDARD\" or \"EXPRESS\"",
        );
    }
    if mode != Some("DISTRIBUTED") && config.contains_key("ExecutionType") {
        cx.report(
            Code::FieldNotAllowed,
            &child(&config_pointer, "ExecutionType"),
            "`ExecutionType` is for DISTRIBUTED processors; set \"Mode\": \"DISTRIBUTED\" or \
             remove it",
        );
    }
}

/// Reports unless `value` is one of the strings `allowed`.
pub(crate) fn expect_one_of(
    cx: &mut Checker,
    pointer: &str,
    key: &str,
    value: &Value,
    allowed: &[&str],
) {
    if !value.as_str().is_some_and(|s| allowed.contains(&s)) {
        let list = allowed
            .iter()
            .map(|a| format!("\"{a}\""))
            .collect::<Vec<_>>()
            .join(", ");
        cx.report(
            Code::InvalidValue,
            pointer,
            format!("`{key}` is {value}, not one of the allowed values [{list}]"),
        );
    }
}

/// Checks the members of a nested configuration object against its own small table.
fn check_members(
    cx: &mut Checker,
    pointer: &str,
    owner: &str,
    value: &Value,
    language: QueryLanguage,
    members: &[(&str, Language, Kind)],
) -> Option<Map<String, Value>> {
    let Some(object) = value.as_object() else {
        cx.report(
            Code::WrongType,
            pointer,
            format!("`{owner}` is an object, not {}", type_name(value)),
        );
        return None;
    };
    for (key, member) in object {
        let member_pointer = child(pointer, key);
        let Some((_, member_language, kind)) = members.iter().find(|(name, _, _)| name == key)
        else {
            let names = members
                .iter()
                .map(|(name, _, _)| format!("`{name}`"))
                .collect::<Vec<_>>()
                .join(", ");
            cx.report(
                Code::UnknownField,
                &member_pointer,
                format!("`{key}` is not a field of `{owner}`; it takes {names}"),
            );
            continue;
        };
        let wrong_language = match member_language {
            Language::Both => false,
            Language::JsonPath => language == QueryLanguage::Jsonata,
            Language::Jsonata => language == QueryLanguage::JsonPath,
        };
        if wrong_language {
            cx.report(
                Code::WrongQueryLanguage,
                &member_pointer,
                format!(
                    "`{key}` of `{owner}` is a {} field and this state uses {}",
                    if language == QueryLanguage::Jsonata {
                        "JSONPath"
                    } else {
                        "JSONata"
                    },
                    language.as_str()
                ),
            );
            continue;
        }
        check_field(cx, &member_pointer, key, *kind, member, language);
    }
    Some(object.clone())
}

fn check_exclusive_members(
    cx: &mut Checker,
    pointer: &str,
    object: &Map<String, Value>,
    pairs: &[(&str, &str)],
) {
    for (a, b) in pairs {
        if object.contains_key(*a) && object.contains_key(*b) {
            cx.report(
                Code::ExclusiveFields,
                &child(pointer, b),
                format!("only one of [\"{a}\", \"{b}\"] may be given; remove one"),
            );
        }
    }
}

fn check_item_reader(cx: &mut Checker, pointer: &str, value: &Value, language: QueryLanguage) {
    let members: &[(&str, Language, Kind)] = &[
        ("Resource", Language::Both, Kind::Text),
        ("Parameters", Language::JsonPath, Kind::Template),
        ("Arguments", Language::Jsonata, Kind::JsonataValue),
        ("ReaderConfig", Language::Both, Kind::AnyJson),
    ];
    let Some(reader) = check_members(cx, pointer, "ItemReader", value, language, members) else {
        return;
    };
    if !reader.contains_key("Resource") {
        cx.report(
            Code::MissingField,
            pointer,
            "`ItemReader` needs `Resource`, e.g. \"arn:aws:states:::s3:getObject\"",
        );
    }
    if let Some(config) = reader.get("ReaderConfig") {
        let config_pointer = child(pointer, "ReaderConfig");
        let members: &[(&str, Language, Kind)] = &[
            ("InputType", Language::Both, Kind::Text),
            ("CSVHeaderLocation", Language::Both, Kind::Text),
            ("CSVHeaders", Language::Both, Kind::AnyJson),
            ("CSVDelimiter", Language::Both, Kind::Text),
            (
                "MaxItems",
                Language::Both,
                Kind::Integer {
                    min: 0,
                    max: 100_000_000,
                },
            ),
            ("MaxItemsPath", Language::JsonPath, Kind::ReferencePath),
            ("ManifestType", Language::Both, Kind::Text),
        ];
        if let Some(config) = check_members(
            cx,
            &config_pointer,
            "ReaderConfig",
            config,
            language,
            members,
        ) {
            check_exclusive_members(
                cx,
                &config_pointer,
                &config,
                &[("MaxItems", "MaxItemsPath")],
            );
            let enums: &[(&str, &[&str])] = &[
                (
                    "InputType",
                    &["CSV", "JSON", "JSONL", "MANIFEST", "PARQUET"],
                ),
                ("CSVHeaderLocation", &["FIRST_ROW", "GIVEN"]),
                (
                    "CSVDelimiter",
                    &["COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"],
                ),
                ("ManifestType", &["ATHENA_DATA", "S3_INVENTORY"]),
            ];
            for (key, allowed) in enums {
                if let Some(member) = config.get(*key) {
                    expect_one_of(cx, &child(&config_pointer, key), key, member, allowed);
                }
            }
        }
    }
}

fn check_item_batcher(cx: &mut Checker, pointer: &str, value: &Value, language: QueryLanguage) {
    let members: &[(&str, Language, Kind)] = &[
        (
            "MaxItemsPerBatch",
            Language::Both,
            Kind::Integer {
                min: 1,
                max: i64::MAX,
            },
        ),
        (
            "MaxItemsPerBatchPath",
            Language::JsonPath,
            Kind::ReferencePath,
        ),
        (
            "MaxInputBytesPerBatch",
            Language::Both,
            Kind::Integer {
                min: 1,
                max: 262_144,
            },
        ),
        (
            "MaxInputBytesPerBatchPath",
            Language::JsonPath,
            Kind::ReferencePath,
        ),
        ("BatchInput", Language::Both, Kind::AnyJson),
    ];
    if let Some(batcher) = check_members(cx, pointer, "ItemBatcher", value, language, members) {
        check_exclusive_members(
            cx,
            pointer,
            &batcher,
            &[
                ("MaxItemsPerBatch", "MaxItemsPerBatchPath"),
                ("MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"),
            ],
        );
    }
}

fn check_result_writer(cx: &mut Checker, pointer: &str, value: &Value, language: QueryLanguage) {
    let members: &[(&str, Language, Kind)] = &[
        ("Resource", Language::Both, Kind::Text),
        ("Parameters", Language::JsonPath, Kind::Template),
        ("Arguments", Language::Jsonata, Kind::JsonataValue),
        ("WriterConfig", Language::Both, Kind::AnyJson),
    ];
    if let Some(writer) = check_members(cx, pointer, "ResultWriter", value, language, members)
        && let Some(config) = writer.get("WriterConfig")
    {
        let config_pointer = child(pointer, "WriterConfig");
        let members: &[(&str, Language, Kind)] = &[
            ("OutputType", Language::Both, Kind::Text),
            ("Transformation", Language::Both, Kind::Text),
        ];
        if let Some(config) = check_members(
            cx,
            &config_pointer,
            "WriterConfig",
            config,
            language,
            members,
        ) {
            let enums: &[(&str, &[&str])] = &[
                ("OutputType", &["JSON", "JSONL"]),
                ("Transformation", &["NONE", "COMPACT", "FLATTEN"]),
            ];
            for (key, allowed) in enums {
                if let Some(member) = config.get(*key) {
                    expect_one_of(cx, &child(&config_pointer, key), key, member, allowed);
                }
            }
        }
    }
}
