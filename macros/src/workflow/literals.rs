//! Values written as literals in attributes, checked against the ranges ASL allows
//! (`BackoffRate` >= 1, `MaxAttempts` >= 0, timestamps, `States.*` error names...), so that a
//! definition AWS would reject does not compile. Values computed by expressions are left to
//! the validator.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Expr, Lit, LitStr, UnOp};

use super::ast::*;
use crate::errors::Errors;

/// The error names Step Functions itself raises; any other `States.` name is a typo.
const STATES_ERRORS: &[&str] = &[
    "States.ALL",
    "States.DataLimitExceeded",
    "States.ExceedToleratedFailureThreshold",
    "States.HeartbeatTimeout",
    "States.Http.Socket",
    "States.IntrinsicFailure",
    "States.ItemReaderFailed",
    "States.NoChoiceMatched",
    "States.ParameterPathFailure",
    "States.Permissions",
    "States.QueryEvaluationError",
    "States.ResultPathMatchFailure",
    "States.ResultWriterFailed",
    "States.Runtime",
    "States.TaskFailed",
    "States.Timeout",
    "States.BranchFailed",
];

/// Checks the literal values of a state's attributes, retriers and catchers.
pub fn check(state: &State, errors: &mut Errors) {
    let attrs = &state.attrs;
    for (what, value, min) in [
        ("timeout_seconds", &attrs.timeout_seconds, 1),
        ("heartbeat_seconds", &attrs.heartbeat_seconds, 1),
        ("seconds", &attrs.seconds, 0),
        ("max_concurrency", &attrs.max_concurrency, 0),
    ] {
        if let Some((expr, _)) = value {
            at_least(expr, what, min, errors);
        }
    }
    if let Some((text, _)) = &attrs.timestamp
        && !is_timestamp(&text.value())
    {
        errors.at(
            text.span(),
            format!(
                "`{}` is not a timestamp: write an RFC 3339 date-time with `T` and an offset, as in \"2026-11-22T08:00:00Z\"",
                text.value()
            ),
        );
    }
    for retry in &state.retries {
        for (what, value, min) in [
            ("interval_seconds", &retry.interval_seconds, 1),
            ("max_attempts", &retry.max_attempts, 0),
            ("max_delay_seconds", &retry.max_delay_seconds, 1),
        ] {
            if let Some(expr) = value {
                at_least(expr, what, min, errors);
            }
        }
        if let Some(expr) = &retry.backoff_rate
            && let Some(rate) = number(expr)
            && rate < 1.0
        {
            errors.at(
                expr.span(),
                "`backoff_rate` is at least 1.0 (1.0 keeps the interval constant)",
            );
        }
        if let Some(jitter) = &retry.jitter
            && !matches!(jitter.value().as_str(), "FULL" | "NONE")
        {
            errors.at(jitter.span(), "`jitter` is \"FULL\" or \"NONE\"");
        }
        error_names(&retry.errors, errors);
    }
    for catch in &state.catches {
        error_names(&catch.errors, errors);
    }
}

/// A `States.` name that Step Functions does not raise is a typo, which would never match.
fn error_names(names: &[LitStr], errors: &mut Errors) {
    for name in names {
        let value = name.value();
        if value.starts_with("States.") && !STATES_ERRORS.contains(&value.as_str()) {
            let closest = STATES_ERRORS
                .iter()
                .min_by_key(|known| super::check::distance(&value, known))
                .copied()
                .unwrap_or("States.ALL");
            errors.at(
                name.span(),
                format!(
                    "Step Functions raises no error `{value}`, so this would never match; did you mean `{closest}`? (a name of your own does not start with `States.`)"
                ),
            );
        }
    }
}

/// A whole number of at least `min`, when written as a literal.
fn at_least(expr: &Expr, what: &str, min: i64, errors: &mut Errors) {
    if let Expr::Lit(lit) = expr {
        match &lit.lit {
            Lit::Str(_) => {
                errors.at(
                    expr.span(),
                    format!("`{what}` is a number: write it without quotes"),
                );
                return;
            }
            Lit::Float(_) => {
                errors.at(
                    expr.span(),
                    format!("`{what}` is a whole number of seconds or items"),
                );
                return;
            }
            _ => {}
        }
    }
    if let Some(value) = number(expr)
        && value < min as f64
    {
        errors.at(expr.span(), format!("`{what}` is at least {min}"));
    }
}

/// The workflow's own literals: `timeout_seconds`.
pub fn check_workflow(workflow: &Workflow, errors: &mut Errors) {
    if let Some(expr) = &workflow.timeout_seconds {
        at_least(expr, "timeout_seconds", 1, errors);
    }
}

/// The value of a numeric literal, negated or not.
fn number(expr: &Expr) -> Option<f64> {
    match expr {
        Expr::Lit(lit) => match &lit.lit {
            Lit::Int(int) => int.base10_parse::<f64>().ok(),
            Lit::Float(float) => float.base10_parse::<f64>().ok(),
            _ => None,
        },
        Expr::Unary(unary) if matches!(unary.op, UnOp::Neg(_)) => number(&unary.expr).map(|n| -n),
        Expr::Paren(paren) => number(&paren.expr),
        _ => None,
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)`, as the Wait state reads it.
fn is_timestamp(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        range
            .clone()
            .all(|i| b.get(i).is_some_and(u8::is_ascii_digit))
    };
    let shape = b.len() >= 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19);
    if !shape {
        return false;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let end = fraction
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(fraction.len());
        if end == 0 {
            return false;
        }
        rest = &fraction[end..];
    }
    let in_range =
        |from: usize, max: u32| text[from..from + 2].parse::<u32>().is_ok_and(|n| n <= max);
    let offset_ok = match rest.as_bytes() {
        [b'Z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => [h1, h2, m1, m2].iter().all(|c| c.is_ascii_digit()),
        _ => false,
    };
    offset_ok
        && in_range(5, 12)
        && in_range(8, 31)
        && in_range(11, 23)
        && in_range(14, 59)
        && in_range(17, 60)
}

/// Retry and Catch belong to Task, Parallel and Map states.
pub fn retry_catch_placement(state: &State, errors: &mut Errors) {
    if matches!(
        state.kind,
        Kind::Task { .. } | Kind::Parallel { .. } | Kind::Map { .. }
    ) {
        return;
    }
    let kind = state.kind.name();
    let spans: Vec<(Span, &str)> = state
        .retries
        .iter()
        .map(|r| (r.span, "retry"))
        .chain(state.catches.iter().map(|c| (c.span, "catch")))
        .collect();
    for (span, what) in spans {
        errors.at(
            span,
            format!("a {kind} state cannot `{what}`: only Task, Parallel and Map states fail and recover"),
        );
    }
}
