//! Choice rules (JSONPath): comparisons, `And`/`Or`/`Not`, and the choice of the next state.

use std::cmp::Ordering;

use crate::value::Value;

use super::Failure;
use super::state::{SharedOutput, StateCx};
use super::wait::parse_timestamp;
use crate::asl::{ChoiceRule, ChoiceState, ComparisonOperator as Op};

/// Runs a JSONPath Choice state: (output, assignments, next state).
pub(crate) fn choice_state<'s>(
    cx: &StateCx,
    choice: &'s ChoiceState,
    input: Value,
) -> Result<(SharedOutput, &'s str), Failure> {
    // The input goes on shared (a Choice state changes no payload).
    let effective = cx.select_path("InputPath", &choice.input_path, &input)?;
    let mut chosen = None;
    for rule in &choice.choices {
        if matches(cx, rule, &effective)? {
            chosen = Some(rule);
            break;
        }
    }
    let (next, assign) = match chosen {
        Some(rule) => (
            rule.next.as_deref().unwrap_or_default(),
            rule.assign.as_ref().or(choice.assign.as_ref()),
        ),
        None => match &choice.default {
            Some(default) => (default.as_str(), choice.assign.as_ref()),
            None => {
                return Err(Failure::new("States.NoChoiceMatched", "No Matches!"));
            }
        },
    };
    let assigned = match assign {
        Some(assign) => Some(cx.assign_jsonpath(assign, &effective)?),
        None => None,
    };
    let output = cx.select_path("OutputPath", &choice.output_path, &effective)?;
    Ok(((output, assigned), next))
}

/// Whether a rule matches the input.
fn matches(cx: &StateCx, rule: &ChoiceRule, input: &Value) -> Result<bool, Failure> {
    if let Some(all) = &rule.and {
        for nested in all {
            if !matches(cx, nested, input)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    if let Some(any) = &rule.or {
        for nested in any {
            if matches(cx, nested, input)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(not) = &rule.not {
        return Ok(!matches(cx, not, input)?);
    }
    let (Some(variable), Some(comparison)) = (&rule.variable, &rule.comparison) else {
        return Ok(false);
    };
    let operand = &comparison.operand;
    let value = match comparison.operator {
        Op::IsPresent => {
            let present = cx.select("Variable", variable, input).is_ok();
            return Ok(operand.as_bool() == Some(present));
        }
        _ => cx.select("Variable", variable, input)?,
    };
    let operand = match comparison.operator.operand_kind() {
        crate::asl::OperandKind::Path => {
            let path = operand.as_str().unwrap_or_default();
            std::borrow::Cow::Owned(cx.select(comparison.operator.as_str(), path, input)?)
        }
        _ => cx.run.shared.literals.value(operand),
    };
    Ok(compare(comparison.operator, &value, &operand))
}

/// Applies an operator to the variable's value and the (resolved) operand.
fn compare(op: Op, value: &Value, operand: &Value) -> bool {
    use Ordering::{Equal, Greater, Less};
    let expected = operand.as_bool();
    let order = |wanted: &[Ordering]| -> bool {
        let ordering = match op.as_str() {
            name if name.starts_with("String") => match (value, operand) {
                (Value::String(a), Value::String(b)) => Some(a.cmp(b)),
                _ => None,
            },
            name if name.starts_with("Numeric") => match (value.as_f64(), operand.as_f64()) {
                (Some(a), Some(b)) if value.is_number() && operand.is_number() => a.partial_cmp(&b),
                _ => None,
            },
            name if name.starts_with("Timestamp") => {
                match (
                    value.as_str().and_then(parse_timestamp),
                    operand.as_str().and_then(parse_timestamp),
                ) {
                    (Some(a), Some(b)) => Some(a.cmp(&b)),
                    _ => None,
                }
            }
            name if name.starts_with("Boolean") => match (value, operand) {
                (Value::Bool(a), Value::Bool(b)) => Some(a.cmp(b)),
                _ => None,
            },
            _ => None,
        };
        ordering.is_some_and(|o| wanted.contains(&o))
    };
    match op {
        Op::StringEquals
        | Op::StringEqualsPath
        | Op::NumericEquals
        | Op::NumericEqualsPath
        | Op::BooleanEquals
        | Op::BooleanEqualsPath
        | Op::TimestampEquals
        | Op::TimestampEqualsPath => order(&[Equal]),
        Op::StringLessThan
        | Op::StringLessThanPath
        | Op::NumericLessThan
        | Op::NumericLessThanPath
        | Op::TimestampLessThan
        | Op::TimestampLessThanPath => order(&[Less]),
        Op::StringGreaterThan
        | Op::StringGreaterThanPath
        | Op::NumericGreaterThan
        | Op::NumericGreaterThanPath
        | Op::TimestampGreaterThan
        | Op::TimestampGreaterThanPath => order(&[Greater]),
        Op::StringLessThanEquals
        | Op::StringLessThanEqualsPath
        | Op::NumericLessThanEquals
        | Op::NumericLessThanEqualsPath
        | Op::TimestampLessThanEquals
        | Op::TimestampLessThanEqualsPath => order(&[Less, Equal]),
        Op::StringGreaterThanEquals
        | Op::StringGreaterThanEqualsPath
        | Op::NumericGreaterThanEquals
        | Op::NumericGreaterThanEqualsPath
        | Op::TimestampGreaterThanEquals
        | Op::TimestampGreaterThanEqualsPath => order(&[Greater, Equal]),
        Op::StringMatches => match (value, operand) {
            (Value::String(text), Value::String(pattern)) => wildcard_match(pattern, text),
            _ => false,
        },
        Op::IsNull => expected == Some(value.is_null()),
        Op::IsPresent => expected == Some(true),
        Op::IsNumeric => expected == Some(value.is_number()),
        Op::IsString => expected == Some(value.is_string()),
        Op::IsBoolean => expected == Some(value.is_boolean()),
        Op::IsTimestamp => expected == Some(value.as_str().and_then(parse_timestamp).is_some()),
    }
}

/// `StringMatches`: `*` matches any text; `\*` and `\\` are a literal `*` and `\`.
fn wildcard_match(pattern: &str, text: &str) -> bool {
    enum Token {
        Any,
        Char(char),
    }
    let mut tokens = Vec::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => tokens.push(Token::Char(chars.next().unwrap_or('\\'))),
            '*' => tokens.push(Token::Any),
            c => tokens.push(Token::Char(c)),
        }
    }
    let text: Vec<char> = text.chars().collect();
    // Classic wildcard matching with backtracking to the last `*`.
    let (mut t, mut p) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match tokens.get(p) {
            Some(Token::Char(c)) if *c == text[t] => {
                t += 1;
                p += 1;
            }
            Some(Token::Any) => {
                star = Some((p, t));
                p += 1;
            }
            _ => match star {
                Some((star_p, star_t)) => {
                    p = star_p + 1;
                    t = star_t + 1;
                    star = Some((star_p, star_t + 1));
                }
                None => return false,
            },
        }
    }
    tokens[p..].iter().all(|token| matches!(token, Token::Any))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::json;

    #[test]
    fn wildcards_match_any_text() {
        assert!(wildcard_match("log-*.txt", "log-2026.txt"));
        assert!(wildcard_match("*", ""));
        assert!(!wildcard_match("log-*.txt", "log-2026.csv"));
        assert!(wildcard_match("a\\*b", "a*b"));
        assert!(!wildcard_match("a\\*b", "axb"));
    }

    #[test]
    fn comparisons_need_matching_types() {
        assert!(compare(Op::NumericEquals, &json!(1), &json!(1.0)));
        assert!(!compare(Op::NumericEquals, &json!("1"), &json!(1)));
        assert!(compare(Op::StringLessThan, &json!("a"), &json!("b")));
        assert!(compare(
            Op::TimestampGreaterThan,
            &json!("2026-01-02T00:00:00Z"),
            &json!("2026-01-01T23:59:59+00:00")
        ));
        assert!(compare(Op::IsNull, &json!(null), &json!(true)));
        assert!(compare(Op::IsNumeric, &json!("1"), &json!(false)));
    }
}
