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
    // Most strings need no escape: check that in blocks, count one by one otherwise.
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

/// Whether any byte is a control character, `"` or `\\`. Whole blocks of 64 bytes are checked
/// without an exit inside the block, which the compiler turns into vector compares: a 200 KiB
/// string is checked at every state it passes through, and a byte-wise (or eight-byte SWAR)
/// loop was three quarters of that state's time.
fn needs_escape(bytes: &[u8]) -> bool {
    let special = |b: u8| (b < 0x20) | (b == b'"') | (b == b'\\');
    let mut blocks = bytes.chunks_exact(64);
    for block in &mut blocks {
        if block.iter().fold(false, |hit, &b| hit | special(b)) {
            return true;
        }
    }
    blocks.remainder().iter().any(|&b| special(b))
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
            json!(format!("{}\u{1f}{}", "a".repeat(100), "b".repeat(70))),
            json!(format!("{}\"", "a".repeat(127))),
            json!("c".repeat(200)),
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
