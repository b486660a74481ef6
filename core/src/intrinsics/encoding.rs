//! The encoding intrinsics: `States.Base64Encode` and `States.Base64Decode`.

use crate::value::Value;
use base64::Engine as _;
use base64::alphabet;
use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, STANDARD};

use super::eval::{java_length, text_arg};

/// The longest string either function accepts, in characters.
const MAX_INPUT: usize = 10_000;

/// Java's basic decoder: the standard alphabet, padding optional.
const DECODER: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// `States.Base64Encode(text)`: the UTF-8 bytes of the text in standard base64, padded.
pub(super) fn encode(args: &[Value]) -> Result<Value, String> {
    let text = text_arg(args, 0, "the argument")?;
    check_length(text)?;
    Ok(Value::from(STANDARD.encode(text.as_bytes())))
}

/// `States.Base64Decode(text)`: the bytes base64 text encodes, read as UTF-8 (an invalid
/// sequence becomes U+FFFD, as Java decodes it).
pub(super) fn decode(args: &[Value]) -> Result<Value, String> {
    let text = text_arg(args, 0, "the argument")?;
    check_length(text)?;
    let bytes = DECODER
        .decode(text)
        .map_err(|error| format!("the string is not valid base64: {error}"))?;
    Ok(Value::from(String::from_utf8_lossy(&bytes).into_owned()))
}

fn check_length(text: &str) -> Result<(), String> {
    let length = java_length(text);
    if length > MAX_INPUT {
        return Err(format!(
            "the string has {length} characters; at most {MAX_INPUT} are allowed"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::value::json;

    use super::*;

    #[test]
    fn encode_and_decode_round_trip() {
        assert_eq!(
            encode(&[json!("Data to encode")]).unwrap(),
            json!("RGF0YSB0byBlbmNvZGU=")
        );
        assert_eq!(encode(&[json!("")]).unwrap(), json!(""));
        assert_eq!(
            decode(&[json!("RGF0YSB0byBlbmNvZGU=")]).unwrap(),
            json!("Data to encode")
        );
        assert_eq!(
            decode(&[json!("RGF0YSB0byBlbmNvZGU")]).unwrap(),
            json!("Data to encode")
        );
        assert_eq!(encode(&[json!("é")]).unwrap(), json!("w6k="));
        assert!(decode(&[json!("not base64!")]).is_err());
        assert!(encode(&[json!(1)]).is_err());
    }

    #[test]
    fn inputs_are_limited_to_ten_thousand_characters() {
        assert!(encode(&[json!("a".repeat(10_000))]).is_ok());
        assert!(encode(&[json!("a".repeat(10_001))]).is_err());
        assert!(decode(&[json!("A".repeat(10_004))]).is_err());
    }
}
