//! Strings in attributes checked at compile time with the validator's own parsers: JSONPath,
//! reference paths, intrinsic calls and JSONata expressions.

use statewright_core::intrinsics::check_intrinsic;
use statewright_core::jsonata::{Template, classify, parse_expression};
use statewright_core::path::{parse_path, parse_reference_path};
use syn::LitStr;

use crate::errors::Errors;

/// Checks a JSONPath (`$.a[0]`, `$$.Execution.Id`, `$var`).
pub fn path(text: &LitStr, errors: &mut Errors) {
    if let Err(error) = parse_path(&text.value()) {
        errors.at(
            text.span(),
            format!("malformed JSONPath `{}`: {}", text.value(), error.message),
        );
    }
}

/// Checks a reference path (one value: no wildcards, filters or slices).
pub fn reference_path(text: &LitStr, errors: &mut Errors) {
    if let Err(error) = parse_reference_path(&text.value()) {
        errors.at(
            text.span(),
            format!(
                "malformed reference path `{}`: {}",
                text.value(),
                error.message
            ),
        );
    }
}

/// Checks an intrinsic function call against the 18 functions' signatures.
pub fn intrinsic(text: &LitStr, errors: &mut Errors) {
    let value = text.value();
    if !value.starts_with("States.") {
        errors.at(
            text.span(),
            "an intrinsic call starts with `States.`, as in `States.Format('{}', $.name)`",
        );
        return;
    }
    if let Err(error) = check_intrinsic(&value) {
        errors.at(
            text.span(),
            format!(
                "malformed intrinsic call `{value}`: {} (at character {})",
                error.message, error.position
            ),
        );
    }
}

/// Checks a JSONata template `{% expression %}`.
pub fn jsonata(text: &LitStr, errors: &mut Errors) {
    let value = text.value();
    match classify(&value) {
        Template::Expression(expression) => {
            if let Err(error) = parse_expression(expression) {
                errors.at(
                    text.span(),
                    format!(
                        "malformed JSONata expression `{}`: {}",
                        expression.trim(),
                        error.message
                    ),
                );
            }
        }
        Template::Unclosed => errors.at(text.span(), "a JSONata expression ends with `%}`"),
        Template::Unopened => errors.at(text.span(), "a JSONata expression starts with `{%`"),
        Template::Literal => errors.at(
            text.span(),
            "a JSONata expression is written `{% expression %}`",
        ),
    }
}
