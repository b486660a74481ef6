//! The identifier intrinsic: `States.UUID()`, a version 4 UUID.

use serde_json::Value;

use super::random::RandomSource;

/// `States.UUID()`: 122 random bits in the version 4 layout, lowercase and hyphenated.
pub(super) fn uuid(rng: &mut dyn RandomSource) -> Value {
    Value::String(uuid_v4(rng))
}

/// A version 4 UUID from a random source (also the executor's names, tokens and ids).
pub fn uuid_v4(rng: &mut dyn RandomSource) -> String {
    let random = (u128::from(rng.next_u64()) << 64) | u128::from(rng.next_u64());
    // Version 4 in bits 76..80, the RFC 4122 variant (binary 10) in bits 62..64.
    let versioned = (random & !(0xF << 76)) | (0x4 << 76);
    let bits = (versioned & !(0x3 << 62)) | (0x2 << 62);
    let hex = format!("{bits:032x}");
    let part = |range: std::ops::Range<usize>| hex.get(range).unwrap_or_default();
    format!(
        "{}-{}-{}-{}-{}",
        part(0..8),
        part(8..12),
        part(12..16),
        part(16..20),
        part(20..32)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intrinsics::SplitMix64;

    #[test]
    fn uuids_have_the_version_4_layout() {
        let mut rng = SplitMix64::new(9);
        let Value::String(first) = uuid(&mut rng) else {
            panic!("not a string");
        };
        let re = regex::Regex::new(
            "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$",
        )
        .unwrap();
        assert!(re.is_match(&first), "{first}");
        assert_ne!(uuid(&mut rng), Value::String(first.clone()));
        assert_eq!(uuid(&mut SplitMix64::new(9)), Value::String(first));
    }
}
