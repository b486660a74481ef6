//! The size of a JSON value as text, counted without writing it: the 256 KiB payload limit.

use serde_json::Value;

/// The number of bytes of `value` serialized as compact JSON.
pub(crate) fn json_len(value: &Value) -> usize {
    match value {
        Value::Null => 4,
        Value::Bool(true) => 4,
        Value::Bool(false) => 5,
        Value::Number(n) => number_len(n),
        Value::String(s) => string_len(s),
        Value::Array(items) => {
            2 + items.iter().map(json_len).sum::<usize>() + items.len().saturating_sub(1)
        }
        Value::Object(members) => {
            2 + members
                .iter()
                .map(|(k, v)| string_len(k) + 1 + json_len(v))
                .sum::<usize>()
                + members.len().saturating_sub(1)
        }
    }
}

/// The length of a number as serde_json writes it, counted without allocating.
fn number_len(n: &serde_json::Number) -> usize {
    // Integers (the common case) by their digits; floats as written.
    if let Some(u) = n.as_u64() {
        return digits(u);
    }
    if let Some(i) = n.as_i64() {
        return 1 + digits(i.unsigned_abs());
    }
    struct Count(usize);
    impl std::fmt::Write for Count {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0 += s.len();
            Ok(())
        }
    }
    let mut count = Count(0);
    let _ = std::fmt::Write::write_fmt(&mut count, format_args!("{n}"));
    count.0
}

/// The number of decimal digits of `n`.
fn digits(n: u64) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

fn string_len(s: &str) -> usize {
    // Most strings need no escape: check eight bytes at a time, count one by one otherwise.
    if !needs_escape(s.as_bytes()) {
        return s.len() + 2;
    }
    2 + s
        .bytes()
        .map(|b| match b {
            b'"' | b'\\' | b'\n' | b'\r' | b'\t' | 0x08 | 0x0c => 2,
            0..=0x1f => 6,
            _ => 1,
        })
        .sum::<usize>()
}

/// Whether any byte is a control character, `"` or `\\` (SWAR: eight bytes per step).
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS != 0;
    let has_less = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGHS != 0;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        if has_less(x, 0x20)
            || has_zero(x ^ (ONES * u64::from(b'"')))
            || has_zero(x ^ (ONES * u64::from(b'\\')))
        {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lengths_match_serde_json() {
        for value in [
            json!(null),
            json!({"a": [1, 2.5, "x\"y\n\u{1}"], "é": true, "b": {}}),
            json!([]),
            json!("plain"),
            json!("a long string of plain text with \"one quote\" in the middle"),
            json!("sixteen bytes ok\u{7}and a bell"),
            json!("ends with a backslash \\"),
            json!([
                0,
                9,
                10,
                99,
                100,
                -1,
                -10,
                i64::MIN,
                u64::MAX,
                1.5e300,
                -0.25
            ]),
        ] {
            assert_eq!(json_len(&value), value.to_string().len(), "{value}");
        }
    }
}
