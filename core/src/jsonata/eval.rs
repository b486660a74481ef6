//! Evaluating a JSONata expression with Step Functions' bindings (`$states`, variables) and
//! its extra functions (`$partition`, `$range`, `$hash`, `$random`, `$uuid`, `$parse`).
//!
//! `jsonata-core` values are reference-counted and not `Send`, so each evaluation builds its
//! own evaluator from the parsed expression; nothing of it outlives the call.

use std::collections::HashMap;

use crate::value::{Map, Number, Value};
use jsonata_core::evaluator::{Context, Evaluator, EvaluatorError, EvaluatorOptions};
use jsonata_core::value::{JArray, JValue};

use crate::intrinsics::{RandomSource, SplitMix64, uuid_v4};

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
    pub states: &'a Value,
    /// The variables, by name (without `$`).
    pub variables: &'a HashMap<String, Value>,
    /// Random numbers for `$random()` and `$uuid()`.
    pub random: &'a mut dyn RandomSource,
}

/// Evaluates `expression` (the text between `{%` and `%}`) as Step Functions does: `$states`,
/// the variables, and the functions AWS adds, with the state input as the context value.
pub fn evaluate(expression: &str, bindings: Bindings<'_>) -> Result<Value, EvalError> {
    // `$states` is bound straight from the caller's value: neither it nor the variables are
    // copied into a map of their own first.
    let states = bindings.states;
    let request = Request {
        expression,
        input: states.get("input"),
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
    states: Option<&Value>,
) -> Result<Option<Value>, EngineError> {
    let ast = super::parsed::parse_cached(request.expression).map_err(|e| {
        let message = e.to_string();
        let code = match e {
            jsonata_core::parser::ParserError::UnclosedComment => Some("S0106".to_string()),
            _ => error_code(&message),
        };
        EngineError { code, message }
    })?;
    let mut context = Context::new();
    for (name, value) in request.bindings {
        context.bind(name.clone(), to_jvalue(value));
    }
    if let Some(states) = states {
        context.bind("states".to_string(), to_jvalue(states));
    }
    let options = EvaluatorOptions {
        timeout_ms: request.limits.time_ms,
        max_stack_depth: request.limits.depth,
        ..EvaluatorOptions::default()
    };
    let mut evaluator = Evaluator::with_options(context, options);
    if let Some(random) = request.random {
        register_functions(&mut evaluator, random).map_err(|e| EngineError {
            code: None,
            message: e.to_string(),
        })?;
    }
    let input = request.input.map(to_jvalue).unwrap_or(JValue::Undefined);
    let result = evaluator.evaluate(&ast, &input).map_err(|e| EngineError {
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

/// Converts a JSON value for the evaluator, read in place (as `JValue::from` does for an
/// owned value, without copying the JSON first).
fn to_jvalue(value: &Value) -> JValue {
    match value {
        Value::Null => JValue::Null,
        Value::Bool(b) => JValue::Bool(*b),
        Value::Number(n) => JValue::Number(n.as_f64().unwrap_or(0.0)),
        Value::String(s) => JValue::String(s.as_str().into()),
        Value::Array(items) => {
            let mut flat = true;
            let items = items
                .iter()
                .map(|item| {
                    flat &= !item.is_array();
                    to_jvalue(item)
                })
                .collect();
            JValue::Array(JArray::new_flat(items, flat))
        }
        Value::Object(members) => JValue::object(
            members
                .iter()
                .map(|(key, member)| (key.to_string(), to_jvalue(member)))
                .collect(),
        ),
    }
}

/// Converts a result back: whole numbers become integers, as AWS prints them.
fn from_jvalue(value: &JValue) -> Result<Value, EvalError> {
    Ok(match value {
        JValue::Undefined => return Err(EvalError::Undefined),
        JValue::Null => Value::Null,
        JValue::Bool(b) => Value::Bool(*b),
        JValue::Number(n) => number(*n).ok_or(EvalError::Unsupported)?,
        JValue::String(s) => Value::from(s.to_string()),
        JValue::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for item in items.iter() {
                match from_jvalue(item) {
                    Err(EvalError::Undefined) => {}
                    other => out.push(other?),
                }
            }
            Value::from(out)
        }
        JValue::Object(members) => {
            let mut out = Map::new();
            for (key, member) in members.iter() {
                match from_jvalue(member) {
                    Err(EvalError::Undefined) => {}
                    other => {
                        out.insert(key.clone(), other?);
                    }
                }
            }
            Value::Object(out)
        }
        _ => return Err(EvalError::Unsupported),
    })
}

/// A finite number, as an integer when it is whole and fits.
pub(crate) fn number(n: f64) -> Option<Value> {
    if !n.is_finite() {
        return None;
    }
    if n.fract() == 0.0 && n.abs() < 9.007_199_254_740_992e15 {
        return Some(Value::Number(Number::from(n as i64)));
    }
    Number::from_f64(n).map(Value::Number)
}

fn type_error(message: &str) -> EvaluatorError {
    EvaluatorError::TypeError(message.to_string())
}

/// The functions Step Functions adds to JSONata.
fn register_functions(
    evaluator: &mut Evaluator,
    random: &mut dyn RandomSource,
) -> Result<(), EvalError> {
    type HostFunction = Box<dyn Fn(&[JValue]) -> Result<JValue, EvaluatorError>>;
    let register = |evaluator: &mut Evaluator, name: &str, f: HostFunction| {
        evaluator
            .register_fn_override(name, move |args: &[JValue]| f(args))
            .map_err(|e| EvalError::Failed(e.to_string()))
    };
    // Draw the random numbers up front: host functions cannot borrow the source.
    let uuid = uuid_v4(random);
    let unit = (random.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    register(
        evaluator,
        "uuid",
        Box::new(move |_| Ok(JValue::from(uuid.clone()))),
    )?;
    register(
        evaluator,
        "random",
        Box::new(move |args| match args.first() {
            None => Ok(JValue::from(unit)),
            Some(JValue::Number(seed)) => {
                let mut seeded = SplitMix64::new(seed.to_bits());
                Ok(JValue::from(
                    (seeded.next_u64() >> 11) as f64 / (1u64 << 53) as f64,
                ))
            }
            Some(_) => Err(type_error("$random: the seed must be a number")),
        }),
    )?;
    register(
        evaluator,
        "partition",
        Box::new(|args| {
            let (Some(JValue::Array(items)), Some(JValue::Number(size))) =
                (args.first(), args.get(1))
            else {
                return Err(type_error(
                    "$partition(array, size): give an array and a size",
                ));
            };
            if *size < 1.0 || size.fract() != 0.0 {
                return Err(type_error(
                    "$partition: the size must be a positive integer",
                ));
            }
            let items: Vec<JValue> = items.iter().cloned().collect();
            let chunks: Vec<JValue> = items
                .chunks(*size as usize)
                .map(|chunk| JValue::Array(chunk.to_vec().into()))
                .collect();
            Ok(JValue::Array(chunks.into()))
        }),
    )?;
    register(
        evaluator,
        "range",
        Box::new(|args| {
            let (
                Some(JValue::Number(start)),
                Some(JValue::Number(end)),
                Some(JValue::Number(step)),
            ) = (args.first(), args.get(1), args.get(2))
            else {
                return Err(type_error("$range(start, end, step): give three numbers"));
            };
            if *step == 0.0 {
                return Err(type_error("$range: the step cannot be 0"));
            }
            let mut out = Vec::new();
            let mut at = *start;
            while (*step > 0.0 && at <= *end) || (*step < 0.0 && at >= *end) {
                if out.len() >= 1000 {
                    return Err(type_error("$range: at most 1000 items"));
                }
                out.push(JValue::from(at));
                at += step;
            }
            Ok(JValue::Array(out.into()))
        }),
    )?;
    register(
        evaluator,
        "hash",
        Box::new(|args| {
            let (Some(JValue::String(data)), Some(JValue::String(algorithm))) =
                (args.first(), args.get(1))
            else {
                return Err(type_error("$hash(data, algorithm): give two strings"));
            };
            crate::intrinsics::hash_hex(data, algorithm)
                .map(JValue::from)
                .ok_or_else(|| {
                    type_error(
                        "$hash: the algorithm is one of MD5, SHA-1, SHA-256, SHA-384, SHA-512",
                    )
                })
        }),
    )?;
    register(
        evaluator,
        "parse",
        Box::new(|args| {
            let Some(JValue::String(text)) = args.first() else {
                return Err(type_error("$parse(text): give a JSON string"));
            };
            JValue::from_json_str(text).map_err(|e| type_error(&format!("$parse: {e}")))
        }),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn values_convert_in_place_as_owned_ones_do() {
        let value = json!({"a": [1, [2, 3], "x"], "b": {"c": null, "d": true}, "e": 2.5});
        assert_eq!(to_jvalue(&value), JValue::from(value.to_serde()));
    }

    use super::*;
    use crate::value::json;

    fn eval(expression: &str, states: Value) -> Result<Value, EvalError> {
        let variables = HashMap::from([("x".to_string(), json!(42))]);
        let mut random = SplitMix64::new(7);
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
    fn an_engine_panic_is_an_evaluation_error() {
        // jsonata-core 2.2.13 slices inside the multi-byte `λ` of this date picture.
        let expression = "$toMillis('4/4/2018 12:06 pm', '[λ($arg]/[Y0ccc001] [h]:[m] [P]')";
        let error = eval(expression, json!({"input": {}})).unwrap_err();
        assert!(
            matches!(&error, EvalError::Failed(m) if m.contains("internal error of jsonata-core")),
            "{error:?}"
        );
    }

    #[test]
    fn integers_stay_integers() {
        assert_eq!(number(3.0), Some(json!(3)));
        assert_eq!(number(0.5), Some(json!(0.5)));
        assert_eq!(number(f64::NAN), None);
    }
}
