//! Evaluating an intrinsic call: its arguments in order (paths through `select`, nested calls
//! first), then the function, whose family file holds the rules AWS applies.

use std::fmt::Display;

use crate::value::Value;

use super::ast::{ArgValue, Call};
use super::random::RandomSource;
use super::signature::Function;
use super::{array, encoding, hash, json, math, string, uuid};
use crate::path::{Scope, SelectError, java_json};

/// Calls nested deeper than this fail rather than recurse further. AWS allows 10.
const MAX_NESTING: usize = 64;

/// An intrinsic call that failed at run time: an ASL error and its cause.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}: {}", self.error(), self.cause())]
pub struct IntrinsicFailure {
    kind: FailureKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum FailureKind {
    /// A path argument found nothing.
    MissingPath { path: String, error: SelectError },
    /// The arguments do not suit the function.
    Invalid { cause: String },
}

impl IntrinsicFailure {
    /// A function that cannot work with the arguments it was given.
    pub(crate) fn invalid(function: Function, detail: impl Display) -> Self {
        IntrinsicFailure {
            kind: FailureKind::Invalid {
                cause: format!("Invalid arguments in States.{}: {detail}", function.name()),
            },
        }
    }

    fn missing(path: String, error: SelectError) -> Self {
        IntrinsicFailure {
            kind: FailureKind::MissingPath { path, error },
        }
    }

    /// The ASL error name: `States.Runtime` when a path argument finds nothing (as for any
    /// path of a payload template), `States.IntrinsicFailure` when the function fails.
    pub fn error(&self) -> &'static str {
        match self.kind {
            FailureKind::MissingPath { .. } => "States.Runtime",
            FailureKind::Invalid { .. } => "States.IntrinsicFailure",
        }
    }

    /// The cause, without the "An error occurred while executing the state..." prefix.
    pub fn cause(&self) -> String {
        match &self.kind {
            FailureKind::MissingPath { path, error } => error.invalid_path_cause(path),
            FailureKind::Invalid { cause } => cause.clone(),
        }
    }

    /// The path argument that found nothing, when that is the failure. A payload template
    /// reports it as it reports its own paths.
    pub fn missing_path(&self) -> Option<&str> {
        match &self.kind {
            FailureKind::MissingPath { path, .. } => Some(path),
            FailureKind::Invalid { .. } => None,
        }
    }
}

/// Evaluates an intrinsic call: its path arguments read from `scope`, `States.UUID` and
/// `States.MathRandom` draw from `rng`.
pub fn evaluate(
    call: &Call,
    scope: &Scope<'_>,
    rng: &mut dyn RandomSource,
) -> Result<Value, IntrinsicFailure> {
    evaluate_nested(call, scope, rng, 0)
}

fn evaluate_nested(
    call: &Call,
    scope: &Scope<'_>,
    rng: &mut dyn RandomSource,
    depth: usize,
) -> Result<Value, IntrinsicFailure> {
    let Some(function) = Function::from_name(&call.name) else {
        return Err(IntrinsicFailure {
            kind: FailureKind::Invalid {
                cause: format!("Unknown intrinsic function States.{}", call.name),
            },
        });
    };
    if depth > MAX_NESTING {
        return Err(IntrinsicFailure::invalid(
            function,
            format!("calls are nested more than {MAX_NESTING} deep"),
        ));
    }
    let count = call.args.len();
    if count < function.min_args() || function.max_args().is_some_and(|max| count > max) {
        return Err(IntrinsicFailure::invalid(
            function,
            format!("{count} arguments were given"),
        ));
    }
    let mut args = Vec::with_capacity(count);
    for arg in &call.args {
        args.push(match &arg.value {
            ArgValue::String(literal) => Value::from(literal.value.clone()),
            ArgValue::Number(number) => Value::Number(number.clone()),
            ArgValue::Bool(value) => Value::Bool(*value),
            ArgValue::Null => Value::Null,
            ArgValue::Path(path) => path
                .select(scope)
                .map_err(|error| IntrinsicFailure::missing(path.to_string(), error))?,
            ArgValue::Call(nested) => evaluate_nested(nested, scope, rng, depth + 1)?,
        });
    }
    let result = match function {
        Function::Format => {
            let literal = match call.args.first().map(|arg| &arg.value) {
                Some(ArgValue::String(literal)) => Some(literal),
                _ => None,
            };
            string::format(literal, &args)
        }
        Function::StringToJson => json::string_to_json(&args),
        Function::JsonToString => Ok(json::json_to_string(&args)),
        Function::Array => Ok(Value::from(args)),
        Function::ArrayPartition => array::partition(&args),
        Function::ArrayContains => array::contains(&args),
        Function::ArrayRange => array::range(&args),
        Function::ArrayGetItem => array::get_item(&args),
        Function::ArrayLength => array::length(&args),
        Function::ArrayUnique => array::unique(&args),
        Function::Base64Encode => encoding::encode(&args),
        Function::Base64Decode => encoding::decode(&args),
        Function::Hash => hash::hash(&args),
        Function::JsonMerge => json::merge(&args),
        Function::MathRandom => math::random(&args, rng),
        Function::MathAdd => math::add(&args),
        Function::StringSplit => string::split(&args),
        Function::Uuid => Ok(uuid::uuid(rng)),
    };
    result.map_err(|detail| IntrinsicFailure::invalid(function, detail))
}

static NULL: Value = Value::Null;

/// The argument at `index`; `null` past the end (arity is checked before).
pub(super) fn arg(args: &[Value], index: usize) -> &Value {
    args.get(index).unwrap_or(&NULL)
}

/// A short JSON rendering of an argument for a cause.
pub(super) fn shown(value: &Value) -> String {
    const MAX: usize = 100;
    let text = java_json(value);
    if text.chars().count() <= MAX {
        text
    } else {
        let cut: String = text.chars().take(MAX).collect();
        format!("{cut}...")
    }
}

/// A text argument, or why it is not one.
pub(super) fn text_arg<'v>(args: &'v [Value], index: usize, what: &str) -> Result<&'v str, String> {
    match arg(args, index) {
        Value::String(text) => Ok(text),
        other => Err(format!(
            "{what} must be a string, but it is {}",
            shown(other)
        )),
    }
}

/// An array argument, or why it is not one.
pub(super) fn array_arg<'v>(
    args: &'v [Value],
    index: usize,
    what: &str,
) -> Result<&'v [Value], String> {
    match arg(args, index) {
        Value::Array(items) => Ok(items),
        other => Err(format!(
            "{what} must be an array, but it is {}",
            shown(other)
        )),
    }
}

/// An integer argument: a number, rounded to the nearest integer as AWS rounds it (half up,
/// Java's `Math.round`: 1.5 is 2, -1.5 is -1, -0.5 is 0).
pub(super) fn integer_arg(args: &[Value], index: usize, what: &str) -> Result<i64, String> {
    match arg(args, index) {
        Value::Number(number) => {
            if let Some(int) = number.as_i64() {
                Ok(int)
            } else if number.is_u64() {
                Err(format!("{what} is too large: {number}"))
            } else {
                Ok(round_half_up(number.as_f64().unwrap_or(0.0)))
            }
        }
        other => Err(format!(
            "{what} must be a number, but it is {}",
            shown(other)
        )),
    }
}

/// Java's `Math.round`: the nearest integer, halves towards positive infinity; saturating.
pub(super) fn round_half_up(value: f64) -> i64 {
    let floor = value.floor();
    let rounded = if value - floor >= 0.5 {
        floor + 1.0
    } else {
        floor
    };
    // `as` saturates, as Java does, and maps NaN to 0 (JSON has no NaN).
    rounded as i64
}

/// The length of a string as Java counts it (UTF-16 code units), for AWS's input limits.
pub(super) fn java_length(text: &str) -> usize {
    text.encode_utf16().count()
}

#[cfg(test)]
mod tests {
    use crate::value::{Map, json};

    use super::*;
    use crate::intrinsics::{SplitMix64, check_intrinsic, parse_intrinsic};

    fn run(text: &str, input: Value) -> Result<Value, IntrinsicFailure> {
        let call = parse_intrinsic(text).expect("the call parses");
        let context = json!({"StateMachine": {"Name": "alpha-beta-gamma"}});
        let variables = Map::new();
        let scope = Scope::new(&input, &context, &variables);
        evaluate(&call, &scope, &mut SplitMix64::new(5))
    }

    #[test]
    fn nested_calls_evaluate_inside_out() {
        // Recorded shape: the last part of the state machine name.
        let text = "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), \
                    States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, \
                    '-')), -1))";
        assert!(check_intrinsic(text).is_ok());
        assert_eq!(run(text, json!({})), Ok(json!("gamma")));
    }

    #[test]
    fn every_function_answers() {
        let input = json!({"arr": [3, 1, 3], "s": "a,b", "o": {"k": 1}, "n": 1e7});
        let cases = [
            ("States.Format('{}-{}', $.s, $.n)", json!("a,b-1.0E7")),
            ("States.StringToJson('[1]')", json!([1])),
            ("States.JsonToString($.o)", json!("{\"k\":1}")),
            (
                "States.Array(1, 'x', null, true)",
                json!([1, "x", null, true]),
            ),
            ("States.ArrayPartition($.arr, 2)", json!([[3, 1], [3]])),
            ("States.ArrayContains($.arr, 1)", json!(true)),
            ("States.ArrayRange(1, 9, 2)", json!([1, 3, 5, 7, 9])),
            ("States.ArrayGetItem($.arr, 1)", json!(1)),
            ("States.ArrayLength($.arr)", json!(3)),
            ("States.ArrayUnique($.arr)", json!([3, 1])),
            ("States.Base64Encode('hi')", json!("aGk=")),
            ("States.Base64Decode('aGk=')", json!("hi")),
            (
                "States.Hash('', 'MD5')",
                json!("d41d8cd98f00b204e9800998ecf8427e"),
            ),
            ("States.JsonMerge($.o, $.o, false)", json!({"k": 1})),
            ("States.MathRandom(7, 8)", json!(7)),
            ("States.MathAdd(1, 2)", json!(3)),
            ("States.StringSplit($.s, ',')", json!(["a", "b"])),
        ];
        for (text, expected) in cases {
            assert_eq!(run(text, input.clone()), Ok(expected), "{text}");
        }
        let uuid = run("States.UUID()", json!({})).unwrap();
        assert_eq!(uuid.as_str().map(str::len), Some(36));
    }

    #[test]
    fn failures_name_their_error() {
        let failure = run("States.StringToJson($.s)", json!({"s": "{bad"})).unwrap_err();
        assert_eq!(failure.error(), "States.IntrinsicFailure");
        assert!(
            failure.cause().starts_with(
                "Invalid arguments in States.StringToJson: the string is not valid JSON"
            )
        );
        let missing = run("States.ArrayLength($.gone)", json!({})).unwrap_err();
        assert_eq!(missing.error(), "States.Runtime");
        assert_eq!(missing.missing_path(), Some("$.gone"));
        assert_eq!(
            missing.cause(),
            "Invalid path '$.gone' : No results for path: $['gone']"
        );
        let unknown = run("States.Nope()", json!({})).unwrap_err();
        assert_eq!(unknown.error(), "States.IntrinsicFailure");
        let arity = run("States.MathAdd(1)", json!({})).unwrap_err();
        assert_eq!(
            arity.cause(),
            "Invalid arguments in States.MathAdd: 1 arguments were given"
        );
    }

    #[test]
    fn rounding_follows_java_math_round() {
        assert_eq!(round_half_up(1.5), 2);
        assert_eq!(round_half_up(-1.5), -1);
        assert_eq!(round_half_up(-0.5), 0);
        assert_eq!(round_half_up(0.49999999999999994), 0);
        assert_eq!(round_half_up(2.5), 3);
        assert_eq!(round_half_up(-1.51), -2);
        assert_eq!(round_half_up(1e300), i64::MAX);
    }
}
