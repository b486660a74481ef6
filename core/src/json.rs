//! Reading JSON text strictly: duplicate keys are reported, syntax errors carry line and column.
//!
//! `serde_json::from_str` keeps the last of two equal keys silently. AWS rejects a definition
//! with duplicate keys, so the reader walks the text with a visitor that remembers the JSON
//! Pointer of each object and notes every key it has already seen there.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// A key that occurs twice in the same object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateKey {
    /// The JSON Pointer of the object that holds the key twice.
    pub object: String,
    /// The key.
    pub key: String,
}

impl DuplicateKey {
    /// The JSON Pointer of the duplicated member.
    pub fn pointer(&self) -> String {
        format!("{}/{}", self.object, escape_pointer_token(&self.key))
    }
}

/// JSON text that could not be read, with the position of the problem (1-based).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message} at line {line}, column {column}")]
pub struct SyntaxError {
    /// What is wrong, in serde_json's words.
    pub message: String,
    /// The line of the problem, from 1.
    pub line: usize,
    /// The column of the problem, from 1.
    pub column: usize,
}

/// A JSON document read from text, with the duplicate keys it held.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The value, with the last of any duplicate keys kept (as `serde_json` does).
    pub value: Value,
    /// Every key that occurs more than once in its object, in text order.
    pub duplicate_keys: Vec<DuplicateKey>,
}

/// Reads JSON text into a value, noting duplicate keys.
pub fn read(text: &str) -> Result<Document, SyntaxError> {
    let mut duplicate_keys = Vec::new();
    let mut deserializer = serde_json::Deserializer::from_str(text);
    // The definitions AWS accepts are at most 1 MB; deep nesting is refused by serde_json's
    // recursion limit (128), which keeps adversarial input from overflowing the stack.
    let seed = ValueSeed {
        pointer: String::new(),
        duplicates: &mut duplicate_keys,
    };
    let value = seed
        .deserialize(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value))
        .map_err(|e| SyntaxError {
            message: strip_position(&e.to_string()),
            line: e.line(),
            column: e.column(),
        })?;
    Ok(Document {
        value,
        duplicate_keys,
    })
}

/// Escapes a key as one JSON Pointer reference token (RFC 6901).
pub fn escape_pointer_token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

struct ValueSeed<'a> {
    pointer: String,
    duplicates: &'a mut Vec<DuplicateKey>,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            let seed = ValueSeed {
                pointer: format!("{}/{}", self.pointer, items.len()),
                duplicates: &mut *self.duplicates,
            };
            match seq.next_element_seed(seed)? {
                Some(item) => items.push(item),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            let seed = ValueSeed {
                pointer: format!("{}/{}", self.pointer, escape_pointer_token(&key)),
                duplicates: &mut *self.duplicates,
            };
            let value = access.next_value_seed(seed)?;
            if map.contains_key(&key) {
                self.duplicates.push(DuplicateKey {
                    object: self.pointer.clone(),
                    key: key.clone(),
                });
            }
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_reported_with_their_object() {
        let doc = read(r#"{"a": {"b": 1, "b": 2}, "a": 3}"#).unwrap();
        let pointers: Vec<String> = doc.duplicate_keys.iter().map(|d| d.pointer()).collect();
        assert_eq!(pointers, ["/a/b", "/a"]);
        assert_eq!(doc.value, serde_json::json!({"a": 3}));
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let err = read("{\n  \"a\": 1,\n}").unwrap_err();
        assert_eq!((err.line, err.column), (3, 1));
        assert_eq!(err.message, "trailing comma");
    }

    #[test]
    fn trailing_text_is_a_syntax_error() {
        let err = read("{} x").unwrap_err();
        assert_eq!(err.message, "trailing characters");
        assert_eq!((err.line, err.column), (1, 4));
    }

    #[test]
    fn pointer_tokens_escape_tilde_and_slash() {
        assert_eq!(escape_pointer_token("a/b~c"), "a~1b~0c");
    }
}
