//! Fuzz target: valid definitions mutated field by field, then validated and loaded.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use statewright_core::validate::{Options, load, validate_value};

/// Valid definitions to start from: the repository's examples and a few shapes of every state.
const SEEDS: &[&str] = &[
    include_str!("../../examples/asl/lambda-orchestration.asl.json"),
    include_str!("../seeds/every-state.asl.json"),
    include_str!("../seeds/jsonata.asl.json"),
];

/// Values a mutation may put in place of another.
fn replacement(byte: u8, text: &str) -> Value {
    match byte % 12 {
        0 => Value::Null,
        1 => Value::Bool(byte & 1 == 0),
        2 => Value::from(i64::from(byte) - 128),
        3 => Value::from(f64::from(byte) / 7.0),
        4 => Value::String(text.to_string()),
        5 => Value::String(format!("$.{text}")),
        6 => Value::String(format!("States.{text}($.a, 'x')")),
        7 => Value::String(format!("{{% {text} %}}")),
        8 => Value::Array(vec![Value::String(text.to_string())]),
        9 => serde_json::json!({ text: 1 }),
        10 => Value::String("$$.Execution.Input".into()),
        _ => Value::String(String::new()),
    }
}

/// Applies one mutation chosen by `ops` somewhere in `value`; returns the unused bytes.
fn mutate<'a>(value: &mut Value, ops: &'a [u8], text: &str) -> &'a [u8] {
    let Some((&op, rest)) = ops.split_first() else {
        return ops;
    };
    match value {
        Value::Object(map) if !map.is_empty() && op % 4 != 0 => {
            let index = usize::from(op) % map.len();
            let key = map.keys().nth(index).cloned().unwrap_or_default();
            match op % 4 {
                1 => match map.get_mut(&key) {
                    Some(child) => mutate(child, rest, text),
                    None => rest,
                },
                2 => {
                    map.shift_remove(&key);
                    rest
                }
                _ => {
                    let byte = rest.first().copied().unwrap_or(0);
                    map.insert(text.to_string(), replacement(byte, text));
                    rest.get(1..).unwrap_or_default()
                }
            }
        }
        Value::Array(items) if !items.is_empty() && op % 3 != 0 => {
            let index = usize::from(op) % items.len();
            if op % 3 == 1 {
                mutate(&mut items[index], rest, text)
            } else {
                items.remove(index);
                rest
            }
        }
        _ => {
            *value = replacement(op, text);
            rest
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&seed, rest)) = data.split_first() else {
        return;
    };
    let Ok(mut definition) = serde_json::from_str::<Value>(SEEDS[usize::from(seed) % SEEDS.len()])
    else {
        return;
    };
    let split = rest.len().min(16);
    let (ops, text_bytes) = rest.split_at(rest.len() - split);
    let text = String::from_utf8_lossy(text_bytes);
    let mut ops = ops;
    while !ops.is_empty() {
        ops = mutate(&mut definition, ops, &text);
    }
    let findings = validate_value(&definition, &Options::default());
    if findings.is_empty() {
        let text = definition.to_string();
        assert!(
            load(&text, &Options::default()).is_ok(),
            "a definition without findings must load into the model"
        );
    }
});
