//! The array intrinsics: `States.ArrayPartition`, `ArrayContains`, `ArrayRange`,
//! `ArrayGetItem`, `ArrayLength` and `ArrayUnique` (`States.Array` only collects its arguments).

use std::collections::HashSet;

use crate::value::Value;

use super::eval::{arg, array_arg, integer_arg, shown};
use crate::path::java_json;

/// The most elements `States.ArrayRange` may produce.
const MAX_RANGE: i128 = 1000;

/// How deep `States.ArrayUnique` looks into elements to compare them.
const MAX_DEPTH: usize = 256;

/// `States.ArrayPartition(array, size)`: consecutive chunks of `size` elements, the last one
/// shorter when the length is not a multiple. The size is rounded and must be positive.
pub(super) fn partition(args: &[Value]) -> Result<Value, String> {
    let items = array_arg(args, 0, "the first argument")?;
    let size = integer_arg(args, 1, "the chunk size")?;
    let size = usize::try_from(size)
        .ok()
        .filter(|&size| size > 0)
        .ok_or_else(|| format!("the chunk size must be a positive integer, but it is {size}"))?;
    Ok(Value::Array(
        items
            .chunks(size)
            .map(|chunk| Value::from(chunk.to_vec()))
            .collect(),
    ))
}

/// `States.ArrayContains(array, value)`: whether an element equals the value (`1` and `1.0`
/// differ, as Jackson's nodes do).
pub(super) fn contains(args: &[Value]) -> Result<Value, String> {
    let items = array_arg(args, 0, "the first argument")?;
    let wanted = arg(args, 1);
    Ok(Value::Bool(items.iter().any(|item| item == wanted)))
}

/// `States.ArrayRange(first, last, step)`: from `first` to `last` inclusive by `step`, each
/// rounded; the step must not be 0 and the result holds at most 1000 elements.
pub(super) fn range(args: &[Value]) -> Result<Value, String> {
    let first = i128::from(integer_arg(args, 0, "the first element")?);
    let last = i128::from(integer_arg(args, 1, "the last element")?);
    let step = i128::from(integer_arg(args, 2, "the step")?);
    if step == 0 {
        return Err("the step must not be 0".to_owned());
    }
    let count = if (step > 0 && first > last) || (step < 0 && first < last) {
        0
    } else {
        (last - first) / step + 1
    };
    if count > MAX_RANGE {
        return Err(format!(
            "the range would hold {count} elements; at most {MAX_RANGE} are allowed"
        ));
    }
    let values = (0..count)
        .map(|i| first + i * step)
        .filter_map(|value| i64::try_from(value).ok())
        .map(Value::from)
        .collect();
    Ok(Value::Array(values))
}

/// `States.ArrayGetItem(array, index)`: the element at a zero-based index.
pub(super) fn get_item(args: &[Value]) -> Result<Value, String> {
    let items = array_arg(args, 0, "the first argument")?;
    let index = match arg(args, 1) {
        Value::Number(number) => number
            .as_i64()
            .or_else(|| {
                number
                    .as_f64()
                    .filter(|f| f.fract() == 0.0)
                    .map(|f| f as i64)
            })
            .ok_or_else(|| format!("the index must be an integer, but it is {number}"))?,
        other => {
            return Err(format!(
                "the index must be an integer, but it is {}",
                shown(other)
            ));
        }
    };
    usize::try_from(index)
        .ok()
        .and_then(|i| items.get(i))
        .cloned()
        .ok_or_else(|| {
            format!(
                "the index {index} is out of bounds for an array of {} elements",
                items.len()
            )
        })
}

/// `States.ArrayLength(array)`.
pub(super) fn length(args: &[Value]) -> Result<Value, String> {
    let items = array_arg(args, 0, "the argument")?;
    Ok(Value::from(items.len()))
}

/// `States.ArrayUnique(array)`: the elements without repeats, each kept where it first occurs.
pub(super) fn unique(args: &[Value]) -> Result<Value, String> {
    let items = array_arg(args, 0, "the argument")?;
    let mut seen = HashSet::with_capacity(items.len());
    Ok(Value::Array(
        items
            .iter()
            .filter(|item| seen.insert(canonical(item, 0)))
            .cloned()
            .collect(),
    ))
}

/// A text that two values share exactly when they are equal: JSON with object keys sorted
/// (key order does not make two objects differ).
fn canonical(value: &Value, depth: usize) -> String {
    if depth > MAX_DEPTH {
        // Past any depth JSON text can reach; such values compare by their plain JSON.
        return java_json(value);
    }
    match value {
        Value::Object(members) if !members.is_empty() => {
            let mut keys: Vec<&crate::value::Str> = members.keys().collect();
            keys.sort();
            let mut out = String::from("{");
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&java_json(&Value::from(key.clone())));
                out.push(':');
                if let Some(member) = members.get(key) {
                    out.push_str(&canonical(member, depth + 1));
                }
            }
            out.push('}');
            out
        }
        Value::Array(items) if !items.is_empty() => {
            let parts: Vec<String> = items
                .iter()
                .map(|item| canonical(item, depth + 1))
                .collect();
            format!("[{}]", parts.join(","))
        }
        other => java_json(other),
    }
}

#[cfg(test)]
mod tests {
    use crate::value::json;

    use super::*;

    fn args(value: Value) -> Vec<Value> {
        match value {
            Value::Array(items) => items.into_vec(),
            other => vec![other],
        }
    }

    #[test]
    fn partition_chunks_with_a_short_last_chunk() {
        let out = partition(&args(json!([[1, 2, 3, 4, 5], 2]))).unwrap();
        assert_eq!(out, json!([[1, 2], [3, 4], [5]]));
        assert_eq!(partition(&args(json!([[], 3]))).unwrap(), json!([]));
        // 1.5 rounds to 2.
        assert_eq!(
            partition(&args(json!([[1, 2, 3], 1.5]))).unwrap(),
            json!([[1, 2], [3]])
        );
        assert!(partition(&args(json!([[1], 0]))).is_err());
        assert!(partition(&args(json!([[1], 0.4]))).is_err());
        assert!(partition(&args(json!(["no", 1]))).is_err());
    }

    #[test]
    fn contains_compares_whole_values() {
        assert_eq!(
            contains(&args(json!([[{"1": 2, "2": []}], {"1": 2, "2": []}]))).unwrap(),
            json!(true)
        );
        assert_eq!(
            contains(&args(json!([[[1, 2, 3], 2], null]))).unwrap(),
            json!(false)
        );
        assert_eq!(contains(&args(json!([[], []]))).unwrap(), json!(false));
        assert_eq!(contains(&args(json!([[1], 1.0]))).unwrap(), json!(false));
    }

    #[test]
    fn range_includes_the_last_element_it_reaches() {
        assert_eq!(range(&args(json!([0, 9, 3]))).unwrap(), json!([0, 3, 6, 9]));
        assert_eq!(
            range(&args(json!([0, 10, 3]))).unwrap(),
            json!([0, 3, 6, 9])
        );
        assert_eq!(range(&args(json!([1, 9, 9]))).unwrap(), json!([1]));
        assert_eq!(range(&args(json!([9, 1, -4]))).unwrap(), json!([9, 5, 1]));
        assert_eq!(range(&args(json!([5, 1, 1]))).unwrap(), json!([]));
        assert_eq!(range(&args(json!([0.5, 2.4, 1]))).unwrap(), json!([1, 2]));
        assert_eq!(
            range(&args(json!([1, 1000, 1])))
                .unwrap()
                .as_array()
                .map(Vec::len),
            Some(1000)
        );
        assert!(range(&args(json!([0, 1000, 1]))).is_err());
        assert!(range(&args(json!([0, 5, 0]))).is_err());
        assert!(range(&args(json!([i64::MIN, i64::MAX, 1]))).is_err());
    }

    #[test]
    fn get_item_reads_a_zero_based_index() {
        assert_eq!(
            get_item(&args(json!([[1, 2, 3, 4, 5, 6, 7, 8, 9], 5]))).unwrap(),
            json!(6)
        );
        assert_eq!(get_item(&args(json!([["a"], 0.0]))).unwrap(), json!("a"));
        assert!(get_item(&args(json!([[1, 2], 2]))).is_err());
        assert!(get_item(&args(json!([[1, 2], -1]))).is_err());
        assert!(get_item(&args(json!([[1, 2], 0.5]))).is_err());
        assert!(get_item(&args(json!([[1, 2], "0"]))).is_err());
    }

    #[test]
    fn length_and_unique() {
        assert_eq!(length(&args(json!([[1, 2, 3]]))).unwrap(), json!(3));
        assert!(length(&args(json!({"a": 1}))).is_err());
        assert_eq!(
            unique(&args(json!([[1, 2, 2, 3, 3, 4]]))).unwrap(),
            json!([1, 2, 3, 4])
        );
        assert_eq!(
            unique(&args(
                json!([[{"a": 1, "b": 2}, {"b": 2, "a": 1}, 1, 1.0, "1"]])
            ))
            .unwrap(),
            json!([{"a": 1, "b": 2}, 1, 1.0, "1"])
        );
    }
}
