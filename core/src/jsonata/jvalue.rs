//! Converting values between the executor (`Value`) and the JSONata engine (`JValue`).

use jsonata_core::value::{JArray, JValue};

use super::eval::EvalError;
use crate::value::{Map, Number, Value};

/// Converts a JSON value for the evaluator, read in place (as `JValue::from` does for an
/// owned value, without copying the JSON first).
pub(crate) fn to_jvalue(value: &Value) -> JValue {
    match value {
        Value::Null => JValue::Null,
        Value::Bool(b) => JValue::Bool(*b),
        Value::Number(n) => JValue::Number(n.as_f64().unwrap_or(0.0)),
        Value::String(s) => JValue::String(s.as_str().into()),
        Value::Array(items) => {
            let mut flat = true;
            let items = items
                .iter()
                .map(|item| {
                    flat &= !item.is_array();
                    to_jvalue(item)
                })
                .collect();
            JValue::Array(JArray::new_flat(items, flat))
        }
        Value::Object(members) => JValue::object(
            members
                .iter()
                .map(|(key, member)| (key.to_string(), to_jvalue(member)))
                .collect(),
        ),
    }
}

/// Converts a result back: whole numbers become integers, as AWS prints them.
pub(crate) fn from_jvalue(value: &JValue) -> Result<Value, EvalError> {
    Ok(match value {
        JValue::Undefined => return Err(EvalError::Undefined),
        JValue::Null => Value::Null,
        JValue::Bool(b) => Value::Bool(*b),
        JValue::Number(n) => number(*n).ok_or(EvalError::Unsupported)?,
        JValue::String(s) => Value::from(s.to_string()),
        JValue::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for item in items.iter() {
                match from_jvalue(item) {
                    Err(EvalError::Undefined) => {}
                    other => out.push(other?),
                }
            }
            Value::from(out)
        }
        JValue::Object(members) => {
            let mut out = Map::new();
            for (key, member) in members.iter() {
                match from_jvalue(member) {
                    Err(EvalError::Undefined) => {}
                    other => {
                        out.insert(key.clone(), other?);
                    }
                }
            }
            Value::Object(out)
        }
        _ => return Err(EvalError::Unsupported),
    })
}

/// A finite number, as an integer when it is whole and fits.
pub(crate) fn number(n: f64) -> Option<Value> {
    if !n.is_finite() {
        return None;
    }
    if n.fract() == 0.0 && n.abs() < 9.007_199_254_740_992e15 {
        return Some(Value::Number(Number::from(n as i64)));
    }
    Number::from_f64(n).map(Value::Number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::json;

    #[test]
    fn values_convert_in_place_as_owned_ones_do() {
        let value = json!({"a": [1, [2, 3], "x"], "b": {"c": null, "d": true}, "e": 2.5});
        assert_eq!(to_jvalue(&value), JValue::from(value.to_serde()));
    }

    #[test]
    fn results_convert_back_without_undefined_members() {
        let value = json!({"a": [1, [2, 3], "x"], "b": {"c": null, "d": true}, "e": 2.5});
        assert_eq!(from_jvalue(&to_jvalue(&value)), Ok(value));
        assert_eq!(from_jvalue(&JValue::Undefined), Err(EvalError::Undefined));
    }

    #[test]
    fn integers_stay_integers() {
        assert_eq!(number(3.0), Some(json!(3)));
        assert_eq!(number(0.5), Some(json!(0.5)));
        assert_eq!(number(f64::NAN), None);
    }
}
