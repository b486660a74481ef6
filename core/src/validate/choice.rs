//! Choice rules: comparisons and their operands, `And`/`Or`/`Not`, and JSONata `Condition`.

use serde_json::{Map, Value};

use super::Code;
use super::checker::{Checker, child, element, type_name};
use super::expression::{
    check_assign, check_jsonata_string, check_jsonata_value, check_path, is_rfc3339,
};
use crate::asl::{ComparisonOperator, OperandKind, QueryLanguage};

/// Checks a Choice state's `Choices` array.
pub(crate) fn check_choices(
    cx: &mut Checker,
    pointer: &str,
    value: &Value,
    language: QueryLanguage,
) {
    let Some(rules) = value.as_array() else {
        cx.report(
            Code::WrongType,
            pointer,
            format!("`Choices` is an array of rules, not {}", type_name(value)),
        );
        return;
    };
    if rules.is_empty() {
        cx.report(
            Code::MissingField,
            pointer,
            "`Choices` is empty; a Choice state needs at least one rule",
        );
    }
    for (index, rule) in rules.iter().enumerate() {
        check_rule(cx, &element(pointer, index), rule, language, true);
    }
}

fn check_rule(cx: &mut Checker, pointer: &str, value: &Value, language: QueryLanguage, top: bool) {
    let Some(rule) = value.as_object() else {
        cx.report(
            Code::WrongType,
            pointer,
            format!("a Choice rule is an object, not {}", type_name(value)),
        );
        return;
    };
    let mut operators = Vec::new();
    for (key, member) in rule {
        let member_pointer = child(pointer, key);
        if let Some(operator) = ComparisonOperator::from_name(key) {
            operators.push(key.as_str());
            if language == QueryLanguage::Jsonata {
                report_jsonpath_in_jsonata(cx, &member_pointer, key);
            } else {
                check_operand(cx, &member_pointer, operator, member);
            }
            continue;
        }
        match key.as_str() {
            "Comment" => {
                if !member.is_string() {
                    cx.report(Code::WrongType, &member_pointer, "`Comment` is a string");
                }
            }
            "Next" | "Assign" | "Output" if !top => cx.report(
                Code::FieldNotAllowed,
                &member_pointer,
                format!(
                    "`{key}` belongs on a top-level Choice rule, not on one nested in `And`, \
                     `Or` or `Not`; move it to the enclosing rule"
                ),
            ),
            "Next" => {
                if !member.is_string() {
                    cx.report(
                        Code::WrongType,
                        &member_pointer,
                        format!("`Next` is a state name string, not {}", type_name(member)),
                    );
                }
            }
            "Assign" => check_assign(cx, &member_pointer, member, language),
            "Output" if language == QueryLanguage::Jsonata => {
                check_jsonata_value(cx, &member_pointer, member)
            }
            "Output" => cx.report(
                Code::WrongQueryLanguage,
                &member_pointer,
                "`Output` is a JSONata field and this state uses JSONPath; remove it or set \
                 \"QueryLanguage\": \"JSONata\"",
            ),
            "Condition" if language == QueryLanguage::Jsonata => match member {
                Value::Bool(_) => {}
                Value::String(text) => {
                    if !check_jsonata_string(cx, &member_pointer, text) {
                        cx.report(
                            Code::InvalidJsonata,
                            &member_pointer,
                            format!(
                                "`Condition` is a \"{{% %}}\" expression or a boolean, not the \
                                 text {text:?}"
                            ),
                        );
                    }
                }
                other => cx.report(
                    Code::WrongType,
                    &member_pointer,
                    format!(
                        "`Condition` is a \"{{% %}}\" expression or a boolean, not {}",
                        type_name(other)
                    ),
                ),
            },
            "Condition" => cx.report(
                Code::WrongQueryLanguage,
                &member_pointer,
                "`Condition` is a JSONata field and this state uses JSONPath; use `Variable` \
                 with a comparison operator, or set \"QueryLanguage\": \"JSONata\"",
            ),
            "Variable" | "And" | "Or" | "Not" if language == QueryLanguage::Jsonata => {
                report_jsonpath_in_jsonata(cx, &member_pointer, key)
            }
            "Variable" => match member {
                Value::String(text) => check_path(cx, &member_pointer, key, text),
                other => cx.report(
                    Code::WrongType,
                    &member_pointer,
                    format!("`Variable` is a path string, not {}", type_name(other)),
                ),
            },
            "And" | "Or" => match member.as_array() {
                Some(rules) if !rules.is_empty() => {
                    for (index, nested) in rules.iter().enumerate() {
                        check_rule(
                            cx,
                            &element(&member_pointer, index),
                            nested,
                            language,
                            false,
                        );
                    }
                }
                Some(_) => cx.report(
                    Code::MissingField,
                    &member_pointer,
                    format!("`{key}` is empty; give it at least one rule"),
                ),
                None => cx.report(
                    Code::WrongType,
                    &member_pointer,
                    format!("`{key}` is an array of rules, not {}", type_name(member)),
                ),
            },
            "Not" => check_rule(cx, &member_pointer, member, language, false),
            _ => cx.report(
                Code::UnknownField,
                &member_pointer,
                format!("`{key}` is not a field of a Choice rule; remove it or fix its name"),
            ),
        }
    }
    if top && !rule.contains_key("Next") {
        cx.report(
            Code::MissingField,
            pointer,
            "a Choice rule needs `Next`: the state to go to when it matches",
        );
    }
    match language {
        QueryLanguage::Jsonata => {
            if !rule.contains_key("Condition") {
                cx.report(
                    Code::MissingField,
                    pointer,
                    "a JSONata Choice rule needs `Condition`: a \"{% %}\" expression",
                );
            }
        }
        QueryLanguage::JsonPath => check_rule_form(cx, pointer, rule, &operators),
    }
}

/// A JSONPath rule is exactly one of: `Variable` with one operator, `And`, `Or`, `Not`.
fn check_rule_form(cx: &mut Checker, pointer: &str, rule: &Map<String, Value>, operators: &[&str]) {
    let combinators: Vec<&str> = ["And", "Or", "Not"]
        .into_iter()
        .filter(|k| rule.contains_key(*k))
        .collect();
    let has_variable = rule.contains_key("Variable");
    if operators.len() > 1 {
        cx.report(
            Code::ExclusiveFields,
            pointer,
            format!(
                "a Choice rule has one comparison operator; found {}. Combine rules with `And` \
                 or `Or`",
                operators.join(", ")
            ),
        );
    }
    let forms = usize::from(has_variable || !operators.is_empty()) + combinators.len();
    if forms > 1 {
        cx.report(
            Code::ExclusiveFields,
            pointer,
            "a Choice rule is either a comparison (`Variable` and an operator) or one of \
             `And`, `Or`, `Not`; split it into nested rules",
        );
    } else if forms == 0 {
        cx.report(
            Code::MissingField,
            pointer,
            "a Choice rule needs a comparison (`Variable` and an operator such as \
             `StringEquals`) or one of `And`, `Or`, `Not`",
        );
    } else if has_variable && operators.is_empty() {
        cx.report(
            Code::MissingField,
            pointer,
            "the rule has `Variable` but no comparison operator; add one such as \
             `StringEquals`, `NumericGreaterThan` or `IsPresent`",
        );
    } else if !has_variable && !operators.is_empty() {
        cx.report(
            Code::MissingField,
            pointer,
            format!(
                "the rule compares with `{}` but has no `Variable`: add the path of the value \
                 to compare",
                operators[0]
            ),
        );
    }
}

fn check_operand(cx: &mut Checker, pointer: &str, operator: ComparisonOperator, operand: &Value) {
    let name = operator.as_str();
    let fits = match operator.operand_kind() {
        OperandKind::String | OperandKind::Pattern => operand.is_string(),
        OperandKind::Number => operand.is_number(),
        OperandKind::Boolean => operand.is_boolean(),
        OperandKind::Timestamp => match operand.as_str() {
            Some(text) if !is_rfc3339(text) => {
                cx.report(
                    Code::InvalidTimestamp,
                    pointer,
                    format!(
                        "`{name}` compares with an RFC 3339 timestamp, and {text:?} is not one; \
                         write it like \"2026-03-14T01:59:00Z\""
                    ),
                );
                true
            }
            Some(_) => true,
            None => false,
        },
        OperandKind::Path => match operand.as_str() {
            Some(text) => {
                check_path(cx, pointer, name, text);
                true
            }
            None => false,
        },
    };
    if !fits {
        let expected = match operator.operand_kind() {
            OperandKind::String => "a string",
            OperandKind::Pattern => "a string pattern (`*` matches any text)",
            OperandKind::Number => "a number",
            OperandKind::Boolean => "a boolean",
            OperandKind::Timestamp => "an RFC 3339 timestamp string",
            OperandKind::Path => "a path string",
        };
        cx.report(
            Code::WrongType,
            pointer,
            format!("`{name}` takes {expected}, not {}", type_name(operand)),
        );
    }
}

fn report_jsonpath_in_jsonata(cx: &mut Checker, pointer: &str, key: &str) {
    cx.report(
        Code::WrongQueryLanguage,
        pointer,
        format!(
            "`{key}` is a JSONPath Choice field and this state uses JSONata; write the test as \
             `Condition`: \"{{% ... %}}\", or set \"QueryLanguage\": \"JSONPath\""
        ),
    );
}
