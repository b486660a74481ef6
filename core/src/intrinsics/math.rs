//! The math intrinsics: `States.MathAdd` and `States.MathRandom`.

use crate::value::Value;

use super::eval::{arg, integer_arg};
use super::random::{JavaRandom, RandomSource, below};

/// `States.MathAdd` takes integers in Java's `int` range.
const INT_RANGE: std::ops::RangeInclusive<i64> = (i32::MIN as i64)..=(i32::MAX as i64);

/// `States.MathAdd(a, b)`: the sum of the two numbers, each first rounded to the nearest
/// integer, halves upwards. Recorded: `1.5 + 1.51` is 4, `-1.5 + -1.51` is -3, `-0.5 + 0.5`
/// is 1, `-1.5 + 0` is -1.
pub(super) fn add(args: &[Value]) -> Result<Value, String> {
    let a = integer_arg(args, 0, "the first number")?;
    let b = integer_arg(args, 1, "the second number")?;
    for value in [a, b] {
        if !INT_RANGE.contains(&value) {
            return Err(format!(
                "{value} is outside the range of integers, -2147483648 to 2147483647"
            ));
        }
    }
    Ok(Value::from(a + b))
}

/// `States.MathRandom(start, end[, seed])`: a random integer from `start` (inclusive) to `end`
/// (exclusive), both rounded. With a seed the number is fixed by it, drawn as Java's
/// `new Random(seed).nextInt(end - start)` would (Step Functions runs on the JVM; AWS does
/// not document its generator). Without one it comes from `rng`.
pub(super) fn random(args: &[Value], rng: &mut dyn RandomSource) -> Result<Value, String> {
    let start = integer_arg(args, 0, "the start")?;
    let end = integer_arg(args, 1, "the end")?;
    if end <= start {
        return Err(format!(
            "the end ({end}) must be greater than the start ({start})"
        ));
    }
    let span = u64::try_from(i128::from(end) - i128::from(start)).unwrap_or(u64::MAX);
    let offset = if args.len() > 2 && !arg(args, 2).is_null() {
        let seed = integer_arg(args, 2, "the seed")?;
        let mut java = JavaRandom::new(seed);
        match i32::try_from(span) {
            Ok(bound) => u64::try_from(java.next_int(bound)).unwrap_or(0),
            Err(_) => below(&mut java, span),
        }
    } else {
        below(rng, span)
    };
    let value = i128::from(start) + i128::from(offset);
    Ok(i64::try_from(value).map_or(Value::Null, Value::from))
}

#[cfg(test)]
mod tests {
    use crate::value::json;

    use super::*;
    use crate::intrinsics::SplitMix64;

    #[test]
    fn add_rounds_halves_up() {
        let sum = |a: Value, b: Value| add(&[a, b]).unwrap();
        assert_eq!(sum(json!(-9), json!(3)), json!(-6));
        assert_eq!(sum(json!(1.5), json!(1.51)), json!(4));
        assert_eq!(sum(json!(-1.5), json!(-1.51)), json!(-3));
        assert_eq!(sum(json!(-0.5), json!(0.5)), json!(1));
        assert_eq!(sum(json!(-0.5), json!(0)), json!(0));
        assert_eq!(sum(json!(-1.5), json!(0)), json!(-1));
        assert_eq!(sum(json!(1.49), json!(-1.49)), json!(0));
        assert_eq!(sum(json!(3.5), json!(0)), json!(4));
        assert_eq!(sum(json!(2147483647), json!(1)), json!(2147483648_i64));
        assert!(add(&[json!(2147483648_i64), json!(0)]).is_err());
        assert!(add(&[json!("1"), json!(0)]).is_err());
    }

    #[test]
    fn random_stays_in_its_range() {
        let mut rng = SplitMix64::new(1);
        for _ in 0..200 {
            let n = random(&[json!(12.5), json!(44.51)], &mut rng).unwrap();
            let n = n.as_i64().unwrap();
            assert!((13..45).contains(&n), "{n}");
        }
        assert_eq!(random(&[json!(5), json!(6)], &mut rng).unwrap(), json!(5));
        assert!(random(&[json!(5), json!(5)], &mut rng).is_err());
    }

    #[test]
    fn a_seed_fixes_the_number_as_java_random_would() {
        let mut rng = SplitMix64::new(1);
        // new java.util.Random(42).nextInt(100) is 30 (Java 17).
        assert_eq!(
            random(&[json!(0), json!(100), json!(42)], &mut rng).unwrap(),
            json!(30)
        );
        assert_eq!(
            random(&[json!(1000), json!(1100), json!(42)], &mut rng).unwrap(),
            json!(1030)
        );
    }
}
