//! The JSON intrinsics: `States.StringToJson`, `States.JsonToString` and `States.JsonMerge`.

use crate::value::Value;

use super::eval::{arg, shown, text_arg};
use crate::path::java_json;

/// `States.StringToJson(text)`: the JSON value the text holds.
pub(super) fn string_to_json(args: &[Value]) -> Result<Value, String> {
    let text = text_arg(args, 0, "the argument")?;
    serde_json::from_str(text).map_err(|error| {
        format!(
            "the string is not valid JSON ({error}): {}",
            shown(&arg(args, 0).clone())
        )
    })
}

/// `States.JsonToString(value)`: the value as compact JSON text (`{"Arg1":1,"Arg2":[]}`).
pub(super) fn json_to_string(args: &[Value]) -> Value {
    Value::from(java_json(arg(args, 0)))
}

/// `States.JsonMerge(left, right, false)`: a shallow merge, the right object's members
/// replacing the left's at the top level. AWS supports only `false` (no deep merge).
pub(super) fn merge(args: &[Value]) -> Result<Value, String> {
    let (Value::Object(left), Value::Object(right)) = (arg(args, 0), arg(args, 1)) else {
        return Err(format!(
            "both objects to merge must be JSON objects, but they are {} and {}",
            shown(arg(args, 0)),
            shown(arg(args, 1))
        ));
    };
    match arg(args, 2) {
        Value::Bool(false) => {}
        Value::Bool(true) => return Err("deep merge is not supported; pass false".to_owned()),
        other => {
            return Err(format!(
                "the third argument must be the boolean false, but it is {}",
                shown(other)
            ));
        }
    }
    let mut merged = left.clone();
    for (key, value) in right {
        merged.insert(key.clone(), value.clone());
    }
    Ok(Value::Object(merged))
}

#[cfg(test)]
mod tests {
    use crate::value::json;

    use super::*;

    #[test]
    fn string_to_json_parses_any_json_value() {
        assert_eq!(string_to_json(&[json!("null")]).unwrap(), json!(null));
        assert_eq!(string_to_json(&[json!("1.1")]).unwrap(), json!(1.1));
        assert_eq!(
            string_to_json(&[json!("\"HelloWorld\"")]).unwrap(),
            json!("HelloWorld")
        );
        assert_eq!(
            string_to_json(&[json!("[1, 2, \"HelloWorld\"]")]).unwrap(),
            json!([1, 2, "HelloWorld"])
        );
        assert!(string_to_json(&[json!("{nope")]).is_err());
        assert!(string_to_json(&[json!("")]).is_err());
        assert!(string_to_json(&[json!(1)]).is_err());
    }

    #[test]
    fn json_to_string_is_compact() {
        assert_eq!(
            json_to_string(&[json!({"Arg1": 1, "Arg2": []})]),
            json!("{\"Arg1\":1,\"Arg2\":[]}")
        );
        assert_eq!(
            json_to_string(&[json!("HelloWorld")]),
            json!("\"HelloWorld\"")
        );
        assert_eq!(json_to_string(&[json!(0)]), json!("0"));
        assert_eq!(json_to_string(&[json!(true)]), json!("true"));
    }

    #[test]
    fn merge_is_shallow() {
        let merged = merge(&[
            json!({"a": {"a1": 1, "a2": 2}, "b": 2, "d": 3}),
            json!({"a": {"a3": 1, "a4": 2}, "c": 3, "d": 4}),
            json!(false),
        ])
        .unwrap();
        assert_eq!(
            merged,
            json!({"a": {"a3": 1, "a4": 2}, "b": 2, "c": 3, "d": 4})
        );
        assert!(merge(&[json!({}), json!({}), json!(true)]).is_err());
        assert!(merge(&[json!([]), json!({}), json!(false)]).is_err());
        assert!(merge(&[json!({}), json!({}), json!("false")]).is_err());
    }
}
