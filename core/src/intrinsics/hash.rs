//! The hash intrinsic: `States.Hash(data, algorithm)`.

use crate::value::Value;
use md5::Md5;
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};

use super::eval::{java_length, text_arg};

/// The longest data `States.Hash` accepts, in characters.
const MAX_INPUT: usize = 10_000;

/// `States.Hash(data, algorithm)`: the lowercase hex digest of the UTF-8 bytes of the data,
/// with `MD5`, `SHA-1`, `SHA-256`, `SHA-384` or `SHA-512`.
pub(super) fn hash(args: &[Value]) -> Result<Value, String> {
    let data = text_arg(args, 0, "the data")?;
    let algorithm = text_arg(args, 1, "the algorithm")?;
    let length = java_length(data);
    if length > MAX_INPUT {
        return Err(format!(
            "the data has {length} characters; at most {MAX_INPUT} are allowed"
        ));
    }
    hash_hex(data, algorithm).map(Value::from).ok_or_else(|| {
        format!("the algorithm '{algorithm}' is not one of MD5, SHA-1, SHA-256, SHA-384, SHA-512")
    })
}

/// The lowercase hex digest of a text's UTF-8 bytes with `MD5`, `SHA-1`, `SHA-256`,
/// `SHA-384` or `SHA-512`; `None` for another algorithm. Shared by `States.Hash`, JSONata's
/// `$hash` and SQS's `MD5OfMessageBody`.
pub fn hash_hex(data: &str, algorithm: &str) -> Option<String> {
    let bytes = data.as_bytes();
    let digest: Vec<u8> = match algorithm {
        "MD5" => Md5::digest(bytes).to_vec(),
        "SHA-1" => Sha1::digest(bytes).to_vec(),
        "SHA-256" => Sha256::digest(bytes).to_vec(),
        "SHA-384" => Sha384::digest(bytes).to_vec(),
        "SHA-512" => Sha512::digest(bytes).to_vec(),
        _ => return None,
    };
    Some(digest.iter().map(|byte| format!("{byte:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use crate::value::json;

    use super::*;

    #[test]
    fn digests_match_the_recorded_ones() {
        let of = |algorithm: &str| hash(&[json!("input data"), json!(algorithm)]).unwrap();
        assert_eq!(of("MD5"), json!("812f45842bc6d66ee14572ce20db8e86"));
        assert_eq!(
            of("SHA-1"),
            json!("aaff4a450a104cd177d28d18d74485e8cae074b7")
        );
        assert_eq!(
            of("SHA-256"),
            json!("b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3")
        );
        assert_eq!(
            of("SHA-384"),
            json!(
                "d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562"
            )
        );
        assert_eq!(
            of("SHA-512"),
            json!(
                "6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4"
            )
        );
    }

    #[test]
    fn unknown_algorithms_and_long_data_fail() {
        assert!(hash(&[json!("x"), json!("sha-256")]).is_err());
        assert!(hash(&[json!("x"), json!("SHA-224")]).is_err());
        assert!(hash(&[json!("a".repeat(10_001)), json!("MD5")]).is_err());
        assert!(hash(&[json!(1), json!("MD5")]).is_err());
    }
}
