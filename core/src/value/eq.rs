//! Equality of a [`Value`] with serde_json's value and with Rust scalars.

use super::Value;

impl PartialEq<serde_json::Value> for Value {
    fn eq(&self, other: &serde_json::Value) -> bool {
        match (self, other) {
            (Value::Null, serde_json::Value::Null) => true,
            (Value::Bool(a), serde_json::Value::Bool(b)) => a == b,
            (Value::Number(a), serde_json::Value::Number(b)) => a == b,
            (Value::String(a), serde_json::Value::String(b)) => a.as_str() == b,
            (Value::Array(a), serde_json::Value::Array(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
            }
            (Value::Object(a), serde_json::Value::Object(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .all(|(key, x)| b.get(key.as_str()).is_some_and(|y| x == y))
            }
            _ => false,
        }
    }
}

impl PartialEq<Value> for serde_json::Value {
    fn eq(&self, other: &Value) -> bool {
        other == self
    }
}

impl PartialEq<str> for Value {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == Some(other)
    }
}

impl PartialEq<&str> for Value {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

impl PartialEq<String> for Value {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == Some(other.as_str())
    }
}

/// `value == scalar`: the value is that kind of scalar and has that value.
macro_rules! scalar_eq {
    ($($scalar:ty => $read:ident as $as:ty),* $(,)?) => {$(
        impl PartialEq<$scalar> for Value {
            fn eq(&self, other: &$scalar) -> bool {
                self.$read() == Some(<$as>::from(*other))
            }
        }
    )*};
}

scalar_eq!(
    bool => as_bool as bool,
    i64 => as_i64 as i64,
    i32 => as_i64 as i64,
    u64 => as_u64 as u64,
    f64 => as_f64 as f64,
);
