//! The functions Step Functions adds to JSONata (`$uuid`, `$random`, `$partition`, `$range`,
//! `$hash`, `$parse`), registered for an evaluation only when its expression can call them.

use jsonata_core::evaluator::{Evaluator, EvaluatorError};
use jsonata_core::value::JValue;

use super::eval::EvalError;
use crate::intrinsics::{RandomSource, SplitMix64, uuid_v4_from};

/// One of the functions Step Functions adds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StepFunction {
    Uuid,
    Random,
    Partition,
    Range,
    Hash,
    Parse,
}

impl StepFunction {
    /// Every one, in the order they are registered.
    const ALL: [StepFunction; 6] = [
        StepFunction::Uuid,
        StepFunction::Random,
        StepFunction::Partition,
        StepFunction::Range,
        StepFunction::Hash,
        StepFunction::Parse,
    ];

    /// The function a JSONata name (without `$`) stands for, if it is one of them.
    pub(crate) fn named(name: &str) -> Option<StepFunction> {
        StepFunction::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Its JSONata name, without `$`.
    fn name(self) -> &'static str {
        match self {
            StepFunction::Uuid => "uuid",
            StepFunction::Random => "random",
            StepFunction::Partition => "partition",
            StepFunction::Range => "range",
            StepFunction::Hash => "hash",
            StepFunction::Parse => "parse",
        }
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// A set of [`StepFunction`]s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct StepFunctions(u8);

impl StepFunctions {
    /// All of them.
    pub(crate) fn all() -> Self {
        StepFunctions(StepFunction::ALL.iter().fold(0, |bits, f| bits | f.bit()))
    }

    pub(crate) fn insert(&mut self, function: StepFunction) {
        self.0 |= function.bit();
    }

    pub(crate) fn contains(self, function: StepFunction) -> bool {
        self.0 & function.bit() != 0
    }
}

/// The random numbers one evaluation draws, whichever functions it calls: the same count in
/// the same order at every evaluation, so a seeded execution draws the same sequence whatever
/// its expressions call (and as it did when every evaluation registered every function).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Draws {
    /// The two halves of `$uuid()`'s bits, the high one drawn first.
    uuid: (u64, u64),
    /// `$random()`'s number.
    random: u64,
}

impl Draws {
    /// Three numbers: `$uuid()`'s two, then `$random()`'s.
    pub(crate) fn from(source: &mut dyn RandomSource) -> Self {
        let high = source.next_u64();
        let low = source.next_u64();
        Draws {
            uuid: (high, low),
            random: source.next_u64(),
        }
    }
}

/// A number in `[0, 1)` from 53 random bits.
fn unit_interval(random: u64) -> f64 {
    (random >> 11) as f64 / (1u64 << 53) as f64
}

fn type_error(message: &str) -> EvaluatorError {
    EvaluatorError::TypeError(message.to_string())
}

/// Registers the functions in `called` (none of the others: registering costs, and a name the
/// expression does not mention cannot reach them).
pub(crate) fn register(
    evaluator: &mut Evaluator,
    called: StepFunctions,
    draws: Draws,
) -> Result<(), EvalError> {
    for function in StepFunction::ALL {
        if called.contains(function) {
            register_one(evaluator, function, draws)
                .map_err(|e| EvalError::Failed(e.to_string()))?;
        }
    }
    Ok(())
}

fn register_one(
    evaluator: &mut Evaluator,
    function: StepFunction,
    draws: Draws,
) -> Result<(), EvaluatorError> {
    let name = function.name();
    match function {
        StepFunction::Uuid => {
            // Formatted here, only for an expression that can call it.
            let uuid: JValue = uuid_v4_from(draws.uuid.0, draws.uuid.1).into();
            evaluator.register_fn_override(name, move |_: &[JValue]| Ok(uuid.clone()))
        }
        StepFunction::Random => {
            let unit = unit_interval(draws.random);
            evaluator.register_fn_override(name, move |args: &[JValue]| match args.first() {
                None => Ok(JValue::from(unit)),
                Some(JValue::Number(seed)) => Ok(JValue::from(unit_interval(
                    SplitMix64::new(seed.to_bits()).next_u64(),
                ))),
                Some(_) => Err(type_error("$random: the seed must be a number")),
            })
        }
        StepFunction::Partition => evaluator.register_fn_override(name, partition),
        StepFunction::Range => evaluator.register_fn_override(name, range),
        StepFunction::Hash => evaluator.register_fn_override(name, hash),
        StepFunction::Parse => evaluator.register_fn_override(name, parse),
    }
}

/// `$partition(array, size)`: the array in chunks of `size`.
fn partition(args: &[JValue]) -> Result<JValue, EvaluatorError> {
    let (Some(JValue::Array(items)), Some(JValue::Number(size))) = (args.first(), args.get(1))
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
}

/// `$range(start, end, step)`: at most 1000 numbers.
fn range(args: &[JValue]) -> Result<JValue, EvaluatorError> {
    let (Some(JValue::Number(start)), Some(JValue::Number(end)), Some(JValue::Number(step))) =
        (args.first(), args.get(1), args.get(2))
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
}

/// `$hash(data, algorithm)`: the digest in hexadecimal.
fn hash(args: &[JValue]) -> Result<JValue, EvaluatorError> {
    let (Some(JValue::String(data)), Some(JValue::String(algorithm))) = (args.first(), args.get(1))
    else {
        return Err(type_error("$hash(data, algorithm): give two strings"));
    };
    crate::intrinsics::hash_hex(data, algorithm)
        .map(JValue::from)
        .ok_or_else(|| {
            type_error("$hash: the algorithm is one of MD5, SHA-1, SHA-256, SHA-384, SHA-512")
        })
}

/// `$parse(text)`: the JSON value the text holds.
fn parse(args: &[JValue]) -> Result<JValue, EvaluatorError> {
    let Some(JValue::String(text)) = args.first() else {
        return Err(type_error("$parse(text): give a JSON string"));
    };
    JValue::from_json_str(text).map_err(|e| type_error(&format!("$parse: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intrinsics::uuid_v4;

    #[test]
    fn names_are_recognized() {
        assert_eq!(StepFunction::named("uuid"), Some(StepFunction::Uuid));
        assert_eq!(StepFunction::named("parse"), Some(StepFunction::Parse));
        assert_eq!(StepFunction::named("sum"), None);
        let mut set = StepFunctions::default();
        set.insert(StepFunction::Hash);
        assert!(set.contains(StepFunction::Hash) && !set.contains(StepFunction::Range));
        assert!(
            StepFunction::ALL
                .iter()
                .all(|f| StepFunctions::all().contains(*f))
        );
    }

    #[test]
    fn draws_are_the_uuid_then_the_random_number() {
        let mut source = SplitMix64::new(11);
        let draws = Draws::from(&mut source);
        let mut again = SplitMix64::new(11);
        assert_eq!(
            uuid_v4_from(draws.uuid.0, draws.uuid.1),
            uuid_v4(&mut again)
        );
        assert_eq!(draws.random, again.next_u64());
        assert_eq!(source.next_u64(), again.next_u64());
    }
}
