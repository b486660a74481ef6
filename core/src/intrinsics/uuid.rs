//! The identifier intrinsic: `States.UUID()`, a version 4 UUID.

use crate::value::Value;

use super::random::RandomSource;

/// `States.UUID()`: 122 random bits in the version 4 layout, lowercase and hyphenated.
pub(super) fn uuid(rng: &mut dyn RandomSource) -> Value {
    Value::from(uuid_v4(rng))
}

/// The two lowercase hex digits of every byte.
const HEX_PAIRS: [[u8; 2]; 256] = {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut pairs = [[0; 2]; 256];
    let mut byte = 0;
    while byte < 256 {
        pairs[byte] = [HEX[byte >> 4], HEX[byte & 0xF]];
        byte += 1;
    }
    pairs
};

/// Where each of the 16 bytes' two digits go in the hyphenated text.
const PAIR_AT: [usize; 16] = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];

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
    // Written a byte at a time from the table: the executor makes one per Lambda call.
    let mut text = [b'-'; 36];
    for (byte, at) in bits.to_be_bytes().into_iter().zip(PAIR_AT) {
        text[at..at + 2].copy_from_slice(&HEX_PAIRS[usize::from(byte)]);
    }
    // Hex digits and hyphens only: always UTF-8.
    String::from_utf8(text.to_vec()).unwrap_or_default()
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

    #[test]
    fn every_byte_is_written_as_its_two_hex_digits() {
        for (byte, pair) in HEX_PAIRS.iter().enumerate() {
            assert_eq!(pair, format!("{byte:02x}").as_bytes());
        }
        // Seeded draws give the same ids as the digit-by-digit writer did.
        assert_eq!(
            uuid_v4(&mut SplitMix64::new(0)),
            "e220a839-7b1d-4daf-ae78-9e6aa1b965f4"
        );
    }
}
