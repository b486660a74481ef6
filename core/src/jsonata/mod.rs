//! The JSONata query language as Step Functions embeds it: `{% %}` templates and expressions.
//!
//! Parsing goes through [`parse_expression`], a thin seam over the `jsonata-core` crate so
//! the engine behind it can change without touching the validator or the executor.

mod eval;
mod functions;
mod jvalue;
mod needs;
mod parsed;
mod states;
mod template;

pub use eval::{Bindings, Engine, EngineError, EvalError, JsonataCore, Limits, Request, evaluate};
pub use states::{ContextObject, States};
pub use template::{Template, classify};

/// A JSONata expression that does not parse.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct JsonataError {
    /// The parser's explanation, with its JSONata error code where it gives one.
    pub message: String,
}

/// Parses a JSONata expression (the text between `{%` and `%}`), reporting syntax errors.
pub fn parse_expression(expression: &str) -> Result<(), JsonataError> {
    if expression.trim().is_empty() {
        return Err(JsonataError {
            message: "the expression is empty".to_string(),
        });
    }
    let parsed = std::panic::catch_unwind(|| jsonata_core::parser::parse(expression).map(drop));
    match parsed {
        Ok(result) => result.map_err(|error| JsonataError {
            message: error.to_string(),
        }),
        Err(_) => Err(JsonataError {
            message: "the JSONata parser failed on this expression (an internal error of \
                      jsonata-core)"
                .to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_expressions_parse() {
        for expression in [
            "$states.input.a + 1",
            "$sum($states.input.items.numbers)",
            "$not(null in $each($x, function($v) { $length($trim($v)) > 0 ? $v : null }))",
            "{'a': [1, 2, 3]}",
        ] {
            assert_eq!(parse_expression(expression), Ok(()), "{expression}");
        }
    }

    #[test]
    fn syntax_errors_are_reported() {
        for expression in [
            "10 + * 2",
            "$sum($states.input.items.numbers",
            "$.store.book[?(@.price < 10)].title",
            "420.",
            "  ",
        ] {
            assert!(parse_expression(expression).is_err(), "{expression}");
        }
    }
}
