//! Evaluating a JSONata expression with Step Functions' bindings (`$states`, variables) and
//! its extra functions (`$partition`, `$range`, `$hash`, `$random`, `$uuid`, `$parse`).
//!
//! `jsonata-core` values are reference-counted and not `Send`, so each evaluation builds its
//! own evaluator from the parsed expression; nothing of it outlives the call.

use std::collections::HashMap;

use crate::value::Value;
use jsonata_core::evaluator::{Context, Evaluator, EvaluatorOptions};
use jsonata_core::value::JValue;

use super::functions::{self, Draws};
use super::jvalue::{from_jvalue, to_jvalue};
use super::states::States;
use crate::intrinsics::RandomSource;

/// Why an expression gave no usable value.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EvalError {
    /// The expression does not parse.
    #[error("{0}")]
    Syntax(String),
    /// The expression gave nothing (`undefined`).
    #[error("returned nothing (undefined)")]
    Undefined,
    /// The expression gave a function or another value JSON cannot hold.
    #[error("returned an unsupported result type")]
    Unsupported,
    /// Evaluation failed.
    #[error("{0}")]
    Failed(String),
}

/// What an expression can see: `$states` and the workflow variables.
pub struct Bindings<'a> {
    /// `$states`: `input`, `context`, and `result` / `errorOutput` where they apply.
    pub states: &'a States<'a>,
    /// The variables, by name (without `$`).
    pub variables: &'a HashMap<String, Value>,
    /// Random numbers for `$random()` and `$uuid()`.
    pub random: &'a mut dyn RandomSource,
}

/// Evaluates `expression` (the text between `{%` and `%}`) as Step Functions does: `$states`,
/// the variables, and the functions AWS adds, with the state input as the context value.
pub fn evaluate(expression: &str, bindings: Bindings<'_>) -> Result<Value, EvalError> {
    // `$states` is bound straight from its members: neither it nor the variables are copied
    // into a map of their own first.
    let states = bindings.states;
    let request = Request {
        expression,
        input: Some(states.input),
        bindings: bindings.variables,
        random: Some(bindings.random),
        limits: Limits::default(),
    };
    let result = guarded(expression, || evaluate_core(request, Some(states)));
    match result {
        Ok(Some(value)) => Ok(value),
        Ok(None) => Err(EvalError::Undefined),
        Err(EngineError { code, message }) if code.as_deref() == Some(UNSUPPORTED) => {
            let _ = message;
            Err(EvalError::Unsupported)
        }
        Err(EngineError { message, .. }) if message.starts_with("S0") => {
            Err(EvalError::Syntax(message))
        }
        Err(EngineError { message, .. }) => Err(EvalError::Failed(message)),
    }
}

/// The code of a result JSON cannot hold (a function, `Infinity`).
const UNSUPPORTED: &str = "SW001";

/// One evaluation for an [`Engine`].
pub struct Request<'a> {
    /// The expression.
    pub expression: &'a str,
    /// The context value `$`; `None` is JSONata's *undefined* input.
    pub input: Option<&'a Value>,
    /// Variables, by name without `$`.
    pub bindings: &'a HashMap<String, Value>,
    /// With a random source, Step Functions' functions (`$partition`, `$range`, `$hash`,
    /// `$random`, `$uuid`, `$parse`) are available.
    pub random: Option<&'a mut dyn RandomSource>,
    /// Limits against runaway expressions.
    pub limits: Limits,
}

/// Limits against runaway expressions.
#[derive(Clone, Copy, Debug, Default)]
pub struct Limits {
    /// Wall-clock time, in milliseconds.
    pub time_ms: Option<u64>,
    /// Evaluation depth.
    pub depth: Option<usize>,
}

/// An evaluation error, with JSONata's error code when it has one (`T2001`, `D3030`...).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct EngineError {
    /// The JSONata error code.
    pub code: Option<String>,
    /// The message (which starts with the code when there is one).
    pub message: String,
}

/// A JSONata engine: the seam between statewright and the crate that evaluates JSONata.
pub trait Engine {
    /// Evaluates; `Ok(None)` is *undefined*.
    fn evaluate(&self, request: Request<'_>) -> Result<Option<Value>, EngineError>;
}

/// The engine behind statewright's JSONata: the `jsonata-core` crate (it passes the whole
/// reference suite; see `core/tests/jsonata_suite.rs`).
#[derive(Clone, Copy, Debug, Default)]
pub struct JsonataCore;

impl Engine for JsonataCore {
    fn evaluate(&self, request: Request<'_>) -> Result<Option<Value>, EngineError> {
        let expression = request.expression;
        guarded(expression, || evaluate_core(request, None))
    }
}

/// Runs an evaluation, turning a panic of jsonata-core into an error: it panics on some inputs
/// (a multi-byte character in a date picture, found by our fuzzer); a user's expression must
/// fail the state, never the executor.
fn guarded(
    expression: &str,
    evaluation: impl FnOnce() -> Result<Option<Value>, EngineError>,
) -> Result<Option<Value>, EngineError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(evaluation)).unwrap_or_else(|_| {
        Err(EngineError {
            code: None,
            message: format!(
                "the JSONata engine failed on the expression {expression:?} (an internal error \
                 of jsonata-core)"
            ),
        })
    })
}

/// One evaluation with `jsonata-core`; `states` is bound as `$states` over the bindings.
fn evaluate_core(
    request: Request<'_>,
    states: Option<&States<'_>>,
) -> Result<Option<Value>, EngineError> {
    let parsed = super::parsed::parse_cached(request.expression).map_err(|e| {
        let message = e.to_string();
        let code = match e {
            jsonata_core::parser::ParserError::UnclosedComment => Some("S0106".to_string()),
            _ => error_code(&message),
        };
        EngineError { code, message }
    })?;
    let needs = parsed.needs;
    let mut context = Context::new();
    for (name, value) in request.bindings {
        context.bind(name.clone(), to_jvalue(value));
    }
    // Converted once: it is both `$` and `$states.input`.
    let input = request.input.map(to_jvalue).unwrap_or(JValue::Undefined);
    if let Some(states) = states {
        context.bind(
            "states".to_string(),
            states.to_jvalue(&input, needs.context),
        );
    }
    let options = EvaluatorOptions {
        timeout_ms: request.limits.time_ms,
        max_stack_depth: request.limits.depth,
        ..EvaluatorOptions::default()
    };
    let mut evaluator = Evaluator::with_options(context, options);
    if let Some(random) = request.random {
        // Drawn at every evaluation, whether or not the expression calls `$uuid` or `$random`:
        // a seeded execution's later draws do not depend on what its expressions call.
        let draws = Draws::from(random);
        functions::register(&mut evaluator, needs.functions, draws).map_err(|e| EngineError {
            code: None,
            message: e.to_string(),
        })?;
    }
    let result = evaluator
        .evaluate(&parsed.ast, &input)
        .map_err(|e| EngineError {
            code: error_code(e.message()),
            message: e.message().to_string(),
        })?;
    match from_jvalue(&result) {
        Ok(value) => Ok(Some(value)),
        Err(EvalError::Undefined) => Ok(None),
        Err(_) => Err(EngineError {
            code: Some(UNSUPPORTED.to_string()),
            message: "the result is not JSON (a function or a non-finite number)".into(),
        }),
    }
}

/// The JSONata error code in a message (`T2001` in "Invalid syntax: T2001: ..."), with the
/// engine's own codes for runaway evaluation (`D1011` depth, `D1012` time) reported as the
/// reference implementation's `U1001`, which is what AWS reports.
fn error_code(message: &str) -> Option<String> {
    let bytes = message.as_bytes();
    let code = (0..bytes.len().saturating_sub(5)).find_map(|at| {
        let window = bytes.get(at..at + 6)?;
        let starts_word = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        (starts_word
            && window[0].is_ascii_uppercase()
            && window[1..5].iter().all(u8::is_ascii_digit)
            && window[5] == b':')
            .then(|| message[at..at + 5].to_string())
    })?;
    Some(match code.as_str() {
        "D1011" | "D1012" => "U1001".to_string(),
        _ => code,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intrinsics::SplitMix64;
    use crate::value::json;

    fn eval(expression: &str, states: Value) -> Result<Value, EvalError> {
        let variables = HashMap::from([("x".to_string(), json!(42))]);
        let mut random = SplitMix64::new(7);
        let context = || json!({"State": {"Name": "S"}});
        let states = States {
            input: &states["input"],
            result: states.get("result"),
            error_output: states.get("errorOutput"),
            context: &context,
        };
        evaluate(
            expression,
            Bindings {
                states: &states,
                variables: &variables,
                random: &mut random,
            },
        )
    }

    #[test]
    fn states_and_variables_are_bound() {
        let states = json!({"input": {"a": [1, 2, 3]}});
        assert_eq!(
            eval("$sum($states.input.a) + $x", states.clone()),
            Ok(json!(48))
        );
        assert_eq!(
            eval("$states.input.missing", states),
            Err(EvalError::Undefined)
        );
    }

    #[test]
    fn step_functions_functions_work() {
        let states = json!({"input": {}});
        assert_eq!(
            eval("$partition([1,2,3,4,5], 2)", states.clone()),
            Ok(json!([[1, 2], [3, 4], [5]]))
        );
        assert_eq!(
            eval("$range(0, 10, 5)", states.clone()),
            Ok(json!([0, 5, 10]))
        );
        assert_eq!(
            eval("$parse('{\"a\": 1}')", states.clone()),
            Ok(json!({"a": 1}))
        );
        assert_eq!(
            eval("$hash('input data', 'SHA-1')", states.clone()),
            Ok(json!("aaff4a450a104cd177d28d18d74485e8cae074b7"))
        );
        assert_eq!(eval("$length($uuid())", states), Ok(json!(36)));
    }

    #[test]
    fn the_context_is_there_for_the_expressions_that_read_it() {
        let states = json!({"input": {"n": 1}, "result": [2]});
        assert_eq!(
            eval("$states.context.State.Name", states.clone()),
            Ok(json!("S"))
        );
        assert_eq!(
            eval("$keys($states)", states.clone()),
            Ok(json!(["input", "context", "result"]))
        );
        assert_eq!(eval("$states.input.n + $.n", states), Ok(json!(2)));
    }

    #[test]
    fn every_evaluation_draws_the_same_random_numbers() {
        let variables = HashMap::new();
        let input = json!({});
        let context = || Value::Null;
        let states = States {
            input: &input,
            result: None,
            error_output: None,
            context: &context,
        };
        let draw = |expression: &str, random: &mut SplitMix64| {
            evaluate(
                expression,
                Bindings {
                    states: &states,
                    variables: &variables,
                    random,
                },
            )
            .unwrap()
        };
        // `$uuid()` is made of the first two numbers, `$random()` of the third, as before
        // the functions were registered only for the expressions that call them.
        let mut expected = SplitMix64::new(5);
        let uuid = crate::intrinsics::uuid_v4(&mut expected);
        let unit = (expected.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        let after = expected.next_u64();
        for expression in ["$uuid()", "$random()", "1 + 1", "$states.input"] {
            let mut random = SplitMix64::new(5);
            let value = draw(expression, &mut random);
            match expression {
                "$uuid()" => assert_eq!(value, json!(uuid)),
                "$random()" => assert_eq!(value, json!(unit)),
                _ => {}
            }
            assert_eq!(random.next_u64(), after, "{expression}");
        }
    }

    #[test]
    fn an_engine_panic_is_an_evaluation_error() {
        // jsonata-core 2.2.13 slices inside the multi-byte `λ` of this date picture.
        let expression = "$toMillis('4/4/2018 12:06 pm', '[λ($arg]/[Y0ccc001] [h]:[m] [P]')";
        let error = eval(expression, json!({"input": {}})).unwrap_err();
        assert!(
            matches!(&error, EvalError::Failed(m) if m.contains("internal error of jsonata-core")),
            "{error:?}"
        );
    }
}
