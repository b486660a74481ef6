//! Fuzz target: the expression parsers (JSONPath, reference paths, intrinsic calls, JSONata)
//! and JSONata evaluation on arbitrary text.
#![no_main]

use std::collections::HashMap;

use libfuzzer_sys::fuzz_target;
use serde_json::json;
use statewright_core::intrinsics::{SplitMix64, check_intrinsic};
use statewright_core::jsonata::{Engine, JsonataCore, Limits, Request, parse_expression};
use statewright_core::path::{parse_path, parse_reference_path};

/// Panics that statewright catches (inside `jsonata-core`) must not abort the run; any other
/// panic still reaches libFuzzer, which aborts on it.
fn quiet_caught_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(|_| {})));
}

fuzz_target!(|data: &[u8]| {
    quiet_caught_panics();
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(path) = parse_path(text) {
        // A parsed path prints as text that parses to the same path.
        let printed = path.to_string();
        assert_eq!(parse_path(&printed).ok(), Some(path), "{printed}");
    }
    let _ = parse_reference_path(text);
    let _ = check_intrinsic(text);
    if parse_expression(text).is_ok() {
        let bindings = HashMap::from([("x".to_string(), json!([1, 2, 3]))]);
        let mut random = SplitMix64::new(1);
        let _ = JsonataCore.evaluate(Request {
            expression: text,
            input: Some(&json!({"a": {"b": [1, "two", null]}})),
            bindings: &bindings,
            random: Some(&mut random),
            limits: Limits {
                time_ms: Some(200),
                depth: Some(200),
            },
        });
    }
});
