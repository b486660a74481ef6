//! How the Java engine behind Step Functions writes values into text: Jackson's JSON and Java's
//! `toString` of the maps and lists Jackson reads JSON into.
//!
//! Both show up in what AWS records: `States.Format` renders `{"Arg1": 1, "Arg2": []}` as
//! `{Arg1=1, Arg2=[]}` (a recorded case), `States.JsonToString` and the input echoed in error
//! causes are compact JSON, and JSONPath errors name Java classes. Doubles are written as Java's
//! `Double.toString` writes them (`1.0E7`, `1.0E-4`), integers as they are.

use std::fmt::Write as _;

use crate::value::{Number, Value};

/// Values nested deeper than this are cut short (`...`) rather than walked: a document read
/// from JSON text is at most 128 deep, so this only guards hand-built values.
const MAX_DEPTH: usize = 256;

/// Compact JSON text as Jackson writes it: no spaces, doubles in Java's form.
pub(crate) fn java_json(value: &Value) -> String {
    let mut out = String::new();
    write_json(&mut out, value, 0);
    out
}

fn write_json(out: &mut String, value: &Value, depth: usize) {
    if depth > MAX_DEPTH {
        out.push_str("...");
        return;
    }
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&java_number(n)),
        Value::String(s) => write_json_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(out, item, depth + 1);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, (key, member)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json_string(out, key);
                out.push(':');
                write_json(out, member, depth + 1);
            }
            out.push('}');
        }
    }
}

fn write_json_string(out: &mut String, text: &str) {
    // serde_json escapes exactly what Jackson escapes: quote, backslash and control characters.
    match serde_json::to_string(text) {
        Ok(quoted) => out.push_str(&quoted),
        Err(_) => out.push_str("\"\""),
    }
}

/// What Java's `toString` shows for the value: strings bare, maps as `{k=v, k=v}`, lists as
/// `[a, b]`.
pub(crate) fn java_string(value: &Value) -> String {
    let mut out = String::new();
    write_java(&mut out, value, 0);
    out
}

fn write_java(out: &mut String, value: &Value, depth: usize) {
    if depth > MAX_DEPTH {
        out.push_str("...");
        return;
    }
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&java_number(n)),
        Value::String(s) => out.push_str(s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_java(out, item, depth + 1);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, (key, member)) in members.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(key);
                out.push('=');
                write_java(out, member, depth + 1);
            }
            out.push('}');
        }
    }
}

/// The Java class Jackson reads the value into, as JSONPath errors name it.
pub(crate) fn java_class(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "java.lang.Boolean",
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) if i32::try_from(i).is_ok() => "java.lang.Integer",
            (Some(_), _) => "java.lang.Long",
            (None, Some(_)) => "java.math.BigInteger",
            (None, None) => "java.lang.Double",
        },
        Value::String(_) => "java.lang.String",
        Value::Array(_) => "java.util.ArrayList",
        Value::Object(_) => "java.util.LinkedHashMap",
    }
}

/// A number as Java writes it: integers plainly, doubles as `Double.toString` does.
pub(crate) fn java_number(number: &Number) -> String {
    if number.is_f64() {
        number
            .as_f64()
            .map_or_else(|| number.to_string(), java_double)
    } else {
        number.to_string()
    }
}

/// Java's `Double.toString`: the shortest digits that read back to the same double, in plain
/// notation from 10^-3 up to (not including) 10^7 and in `d.dddE±n` notation outside.
pub(crate) fn java_double(value: f64) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    let sign = if value.is_sign_negative() { "-" } else { "" };
    if value == 0.0 {
        return format!("{sign}0.0");
    }
    // `{:e}` gives the shortest round-trip digits, as `d.ddde±n`.
    let scientific = format!("{:e}", value.abs());
    let (mantissa, exponent) = scientific
        .split_once('e')
        .unwrap_or((scientific.as_str(), "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let abs = value.abs();
    let mut out = String::from(sign);
    if (1e-3..1e7).contains(&abs) {
        if exponent >= 0 {
            let int_len = usize::try_from(exponent).unwrap_or(0) + 1;
            let int_part: String = digits.chars().take(int_len).collect();
            out.push_str(&int_part);
            for _ in int_part.len()..int_len {
                out.push('0');
            }
            out.push('.');
            let fraction: String = digits.chars().skip(int_len).collect();
            out.push_str(if fraction.is_empty() { "0" } else { &fraction });
        } else {
            out.push_str("0.");
            for _ in 1..exponent.unsigned_abs() {
                out.push('0');
            }
            out.push_str(&digits);
        }
    } else {
        let mut chars = digits.chars();
        out.push(chars.next().unwrap_or('0'));
        out.push('.');
        let rest: String = chars.collect();
        out.push_str(if rest.is_empty() { "0" } else { &rest });
        let _ = write!(out, "E{exponent}");
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::value::json;

    use super::*;

    #[test]
    fn doubles_are_written_as_java_writes_them() {
        assert_eq!(java_double(1.1), "1.1");
        assert_eq!(java_double(1.0), "1.0");
        assert_eq!(java_double(-0.5), "-0.5");
        assert_eq!(java_double(100.0), "100.0");
        assert_eq!(java_double(1234567.5), "1234567.5");
        assert_eq!(java_double(1e7), "1.0E7");
        assert_eq!(java_double(1.5e20), "1.5E20");
        assert_eq!(java_double(0.001), "0.001");
        assert_eq!(java_double(0.0001), "1.0E-4");
        assert_eq!(java_double(0.0123), "0.0123");
        assert_eq!(java_double(0.0), "0.0");
        assert_eq!(java_double(-0.0), "-0.0");
    }

    #[test]
    fn maps_and_lists_are_written_as_java_to_string() {
        let value = json!({"Arg1": 1, "Arg2": [], "s": "x y", "n": null, "l": [1.5, true]});
        assert_eq!(
            java_string(&value),
            "{Arg1=1, Arg2=[], s=x y, n=null, l=[1.5, true]}"
        );
    }

    #[test]
    fn json_is_compact_with_java_doubles() {
        let value = json!({"a": [1, 2.0, "q\"\n"], "b": {"c": 1e7}});
        assert_eq!(
            java_json(&value),
            r#"{"a":[1,2.0,"q\"\n"],"b":{"c":1.0E7}}"#
        );
    }

    #[test]
    fn java_classes_follow_jackson() {
        assert_eq!(java_class(&json!("s")), "java.lang.String");
        assert_eq!(java_class(&json!(1)), "java.lang.Integer");
        assert_eq!(java_class(&json!(5_000_000_000_i64)), "java.lang.Long");
        assert_eq!(java_class(&json!(1.5)), "java.lang.Double");
        assert_eq!(java_class(&json!([])), "java.util.ArrayList");
        assert_eq!(java_class(&Value::Null), "null");
    }
}
