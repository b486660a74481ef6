//! Where `States.UUID` and `States.MathRandom` get their randomness: a source the executor
//! seeds, and Java's `java.util.Random` for the seed argument of `States.MathRandom`.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::time::SystemTime;

/// A stream of random 64-bit numbers. The executor seeds one so that runs are reproducible.
pub trait RandomSource {
    /// The next number of the stream.
    fn next_u64(&mut self) -> u64;
}

/// SplitMix64: a small, fast generator, good enough for identifiers and test data (not for
/// secrets). The same seed gives the same stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator whose stream is fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    /// A generator seeded from the operating system's randomness and the clock.
    pub fn from_entropy() -> Self {
        let seed = RandomState::new().hash_one(SystemTime::now());
        SplitMix64::new(seed)
    }
}

impl RandomSource for SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// A number in `0..span`, drawn from the source (multiply-shift, no modulo bias to speak of).
pub(crate) fn below(rng: &mut dyn RandomSource, span: u64) -> u64 {
    let wide = u128::from(rng.next_u64()) * u128::from(span);
    u64::try_from(wide >> 64).unwrap_or(0)
}

/// `java.util.Random`: the generator a seeded `States.MathRandom` is assumed to use, since
/// Step Functions runs on the JVM. The algorithm is Java's, to the bit.
pub(crate) struct JavaRandom {
    seed: u64,
}

const MULTIPLIER: u64 = 0x5_DEEC_E66D;
const ADDEND: u64 = 0xB;
const MASK: u64 = (1 << 48) - 1;

impl JavaRandom {
    pub(crate) fn new(seed: i64) -> Self {
        JavaRandom {
            seed: (seed.cast_unsigned() ^ MULTIPLIER) & MASK,
        }
    }

    fn next(&mut self, bits: u32) -> i32 {
        self.seed = self.seed.wrapping_mul(MULTIPLIER).wrapping_add(ADDEND) & MASK;
        // Java keeps the low 32 bits of the shifted seed, as a signed int.
        (self.seed >> (48 - bits)) as u32 as i32
    }

    /// `nextInt(bound)` for a positive bound.
    pub(crate) fn next_int(&mut self, bound: i32) -> i32 {
        if bound <= 0 {
            return 0;
        }
        if bound & bound.wrapping_neg() == bound {
            return ((i64::from(bound) * i64::from(self.next(31))) >> 31) as i32;
        }
        loop {
            let bits = self.next(31);
            let value = bits % bound;
            if bits.wrapping_sub(value).wrapping_add(bound - 1) >= 0 {
                return value;
            }
        }
    }
}

impl RandomSource for JavaRandom {
    /// `nextLong()`.
    fn next_u64(&mut self) -> u64 {
        let high = i64::from(self.next(32)) << 32;
        high.wrapping_add(i64::from(self.next(32))).cast_unsigned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_random_reproduces_java() {
        // Values printed by Java 17: new java.util.Random(42).nextInt(100) is 30, then 63;
        // new Random(0).nextInt(10) is 0.
        let mut random = JavaRandom::new(42);
        assert_eq!(random.next_int(100), 30);
        assert_eq!(random.next_int(100), 63);
        assert_eq!(JavaRandom::new(0).next_int(10), 0);
        // new Random(42).nextLong() == -5025562857975149833
        assert_eq!(
            JavaRandom::new(42).next_u64() as i64,
            -5_025_562_857_975_149_833
        );
        // A power-of-two bound takes the high bits: new Random(1).nextInt(16) is 11.
        assert_eq!(JavaRandom::new(1).next_int(16), 11);
    }

    #[test]
    fn split_mix_is_reproducible() {
        let mut a = SplitMix64::new(7);
        let mut b = SplitMix64::new(7);
        assert_eq!(a.next_u64(), b.next_u64());
        // The reference output of SplitMix64 seeded with 0.
        assert_eq!(SplitMix64::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
    }

    #[test]
    fn below_stays_in_range() {
        let mut rng = SplitMix64::new(3);
        for _ in 0..1000 {
            assert!(below(&mut rng, 7) < 7);
        }
        assert_eq!(below(&mut rng, 0), 0);
    }
}
