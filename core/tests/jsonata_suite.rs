//! The JSONata reference suite (`../shared/jsonata-suite`, 1,686 cases) through statewright's
//! JSONata engine seam; prints the pass count. Failures must be listed, with reasons, in
//! `core/tests/jsonata-suite-known-failures.txt`.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde_json::Value;
use statewright_core::jsonata::{Engine, JsonataCore, Limits, Request};

fn suite() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/jsonata-suite");
    assert!(
        dir.is_dir(),
        "the JSONata suite {} is missing",
        dir.display()
    );
    dir
}

/// Every case as (name, case, group directory).
fn cases() -> Vec<(String, Value, PathBuf)> {
    let groups = suite().join("groups");
    let mut out = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&groups)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    for dir in dirs {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        for file in files {
            let name = format!(
                "{}/{}",
                dir.file_name().unwrap().to_string_lossy(),
                file.file_stem().unwrap().to_string_lossy()
            );
            let text = std::fs::read_to_string(&file).unwrap();
            // Two cases hold a lone UTF-16 surrogate (`\uD800`), which no Rust string can
            // hold; they stay in the count and fail with that reason.
            let value: Value = serde_json::from_str(&text)
                .unwrap_or_else(|e| serde_json::json!({"unreadable": e.to_string()}));
            match value {
                Value::Array(items) => {
                    for (index, item) in items.into_iter().enumerate() {
                        out.push((format!("{name}[{index}]"), item, dir.clone()));
                    }
                }
                other => out.push((name, other, dir.clone())),
            }
        }
    }
    out
}

fn same(expected: &Value, actual: &Value, unordered: bool) -> bool {
    match (expected, actual) {
        (Value::Number(a), Value::Number(b)) => {
            let (a, b) = (
                a.as_f64().unwrap_or(f64::NAN),
                b.as_f64().unwrap_or(f64::NAN),
            );
            a == b || ((a - b).abs() <= 1e-10 * a.abs().max(b.abs()))
        }
        (Value::Array(a), Value::Array(b)) if unordered => {
            let mut rest: Vec<&Value> = b.iter().collect();
            a.len() == b.len()
                && a.iter()
                    .all(|x| match rest.iter().position(|y| same(x, y, false)) {
                        Some(at) => {
                            rest.remove(at);
                            true
                        }
                        None => false,
                    })
        }
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y, false))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .all(|(k, v)| b.get(k).is_some_and(|w| same(v, w, false)))
        }
        _ => expected == actual,
    }
}

fn run_case(case: &Value, dir: &Path) -> Result<(), String> {
    if let Some(why) = case["unreadable"].as_str() {
        return Err(format!("the case file cannot be read: {why}"));
    }
    let expression = match (&case["expr"], &case["expr-file"]) {
        (Value::String(e), _) => e.clone(),
        (_, Value::String(file)) => std::fs::read_to_string(dir.join(file)).unwrap(),
        _ => return Err("no expression".into()),
    };
    let dataset;
    let input = match (case.get("data"), case.get("dataset")) {
        (Some(data), _) => Some(data),
        (None, Some(Value::String(name))) => {
            let path = suite().join("datasets").join(format!("{name}.json"));
            dataset =
                serde_json::from_str::<Value>(&std::fs::read_to_string(path).unwrap()).unwrap();
            Some(&dataset)
        }
        _ => None,
    };
    let input = input.map(statewright_core::value::Value::from);
    let bindings: HashMap<String, statewright_core::value::Value> = case["bindings"]
        .as_object()
        .map(|m| m.iter().map(|(k, v)| (k.clone(), v.into())).collect())
        .unwrap_or_default();
    let limits = Limits {
        time_ms: case["timelimit"].as_u64(),
        depth: case["depth"].as_u64().map(|d| d as usize),
    };
    let outcome = JsonataCore.evaluate(Request {
        expression: &expression,
        input: input.as_ref(),
        bindings: &bindings,
        random: None,
        limits,
    });
    let expected_code = case["code"]
        .as_str()
        .or_else(|| case["error"]["code"].as_str());
    match (outcome, expected_code) {
        (Err(error), Some(code)) if error.code.as_deref() == Some(code) => Ok(()),
        (Err(error), Some(code)) => Err(format!(
            "error {:?} ({}), expected code {code}",
            error.code, error.message
        )),
        (Err(error), None) => Err(format!("error {}", error.message)),
        (Ok(result), Some(code)) => Err(format!("gave {result:?}, expected error {code}")),
        (Ok(None), None) if case["undefinedResult"] == true => Ok(()),
        (Ok(Some(value)), None)
            if case
                .get("result")
                .is_some_and(|r| same(r, &value.to_serde(), case["unordered"] == true)) =>
        {
            Ok(())
        }
        (Ok(result), None) => Err(format!(
            "gave {result:?}, expected {}",
            case.get("result").unwrap_or(&Value::Null)
        )),
    }
}

#[test]
fn the_jsonata_reference_suite_passes() {
    let known: BTreeSet<String> = include_str!("jsonata-suite-known-failures.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').next().unwrap_or(l).trim().to_string())
        .collect();
    let cases = cases();
    let mut passed = 0;
    let mut unexpected = Vec::new();
    let mut fixed = Vec::new();
    for (name, case, dir) in &cases {
        match run_case(case, dir) {
            Ok(()) => {
                passed += 1;
                if known.contains(name) {
                    fixed.push(name.clone());
                }
            }
            Err(why) if !known.contains(name) => unexpected.push(format!("{name}: {why}")),
            Err(_) => {}
        }
    }
    println!(
        "JSONata reference suite: {passed} passed / {} cases",
        cases.len()
    );
    assert_eq!(cases.len(), 1686);
    assert!(
        unexpected.is_empty(),
        "{} unlisted failures:\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
    assert!(
        fixed.is_empty(),
        "these pass now; remove them from the list:\n{}",
        fixed.join("\n")
    );
}
