//! The identifier intrinsic: `States.UUID()`, a version 4 UUID.

use crate::value::Value;

use super::random::RandomSource;

/// `States.UUID()`: 122 random bits in the version 4 layout, lowercase and hyphenated.
pub(super) fn uuid(rng: &mut dyn RandomSource) -> Value {
    Value::from(uuid_v4(rng))
}

/// A version 4 UUID from a random source (also the executor's names, tokens and ids).
pub fn uuid_v4(rng: &mut dyn RandomSource) -> String {
    let high = rng.next_u64();
    uuid_v4_from(high, rng.next_u64())
}

/// The version 4 UUID of two numbers already drawn (`high` first), as [`uuid_v4`] makes it.
pub fn uuid_v4_from(high: u64, low: u64) -> String {
    let random = (u128::from(high) << 64) | u128::from(low);
    // Version 4 in bits 76..80, the RFC 4122 variant (binary 10) in bits 62..64.
    let versioned = (random & !(0xF << 76)) | (0x4 << 76);
    let bits = (versioned & !(0x3 << 62)) | (0x2 << 62);
    // Written digit by digit: the executor makes one per Lambda call.
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut text = [b'-'; 36];
    let mut at = 0;
    for digit in 0..32 {
        if matches!(digit, 8 | 12 | 16 | 20) {
            at += 1;
        }
        let nibble = (bits >> (124 - 4 * digit)) & 0xF;
        text[at] = HEX[nibble as usize];
        at += 1;
    }
    String::from_utf8_lossy(&text).into_owned()
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
        // The same text as the formatted form of the same bits.
        let mut rng = SplitMix64::new(3);
        let mut again = SplitMix64::new(3);
        let random = (u128::from(again.next_u64()) << 64) | u128::from(again.next_u64());
        let bits = (random & !(0xF << 76)) | (0x4 << 76);
        let bits = (bits & !(0x3 << 62)) | (0x2 << 62);
        let hex = format!("{bits:032x}");
        let expected = format!(
            "{}-{}-{}-{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        );
        assert_eq!(uuid_v4(&mut rng), expected);
    }
}
