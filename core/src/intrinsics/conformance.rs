//! Replays recorded AWS executions that a chain of JSONPath Pass states can run, through the
//! evaluation API alone (`select`, `place`, `evaluate_template`, intrinsics).
//!
//! The corpus is `../shared/conformance/*.jsonl` (see its README): every case of
//! `intrinsic_functions.jsonl` whose definition is a chain of Pass states using only
//! `InputPath`, `Parameters`, `Result`, `Assign`, `ResultPath` and `OutputPath` must reproduce
//! AWS's output, or its error and cause. Other cases (JSONata, other state types) are counted
//! as skipped and printed. The tests fail, never skip, when the corpus is missing.

use std::fs;
use std::path::PathBuf;

use crate::value::{Map, Value, json};
use regex::Regex;

use super::SplitMix64;
use crate::path::{Scope, evaluate_template_with_rng, parse_path, parse_reference_path, place};

/// The fields the inline interpreter knows on a Pass state.
const PASS_FIELDS: [&str; 10] = [
    "Type",
    "Comment",
    "InputPath",
    "Parameters",
    "Result",
    "Assign",
    "ResultPath",
    "OutputPath",
    "Next",
    "End",
];

fn conformance_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/conformance")
}

fn load(file: &str) -> Vec<Value> {
    let path = conformance_dir().join(file);
    let text = fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the conformance corpus must be at {}: {e}", path.display()));
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).expect("each line is one JSON case"))
        .collect()
}

/// How an execution ended.
#[derive(Debug)]
enum Outcome {
    Succeeded(Value),
    Failed { error: String, cause: String },
}

/// Why a case is not run here.
fn unsupported(definition: &Value) -> Option<String> {
    if definition.get("QueryLanguage").and_then(Value::as_str) == Some("JSONata") {
        return Some("JSONata".to_owned());
    }
    let Some(top) = definition.as_object() else {
        return Some("definition is not an object".to_owned());
    };
    for key in top.keys() {
        if !["StartAt", "States", "Comment", "QueryLanguage"].contains(&key.as_str()) {
            return Some(format!("top-level field {key}"));
        }
    }
    let states = definition.get("States").and_then(Value::as_object)?;
    for state in states.values() {
        let kind = state.get("Type").and_then(Value::as_str).unwrap_or("?");
        if kind != "Pass" {
            return Some(format!("{kind} state"));
        }
        if state.get("QueryLanguage").and_then(Value::as_str) == Some("JSONata") {
            return Some("JSONata".to_owned());
        }
        for key in state.as_object().map(Map::keys).into_iter().flatten() {
            if !PASS_FIELDS.contains(&key.as_str()) && key != "QueryLanguage" {
                return Some(format!("Pass field {key}"));
            }
        }
    }
    None
}

fn context(input: &Value, state: &str) -> Value {
    json!({
        "Execution": {
            "Id": "arn:aws:states:us-east-1:111111111111:execution:machine-name:execution-name",
            "Input": input,
            "StartTime": "2024-01-01T00:00:00.000Z",
            "Name": "execution-name",
            "RoleArn": "arn:aws:iam::111111111111:role/role-name",
            "RedriveCount": 0
        },
        "StateMachine": {
            "Id": "arn:aws:states:us-east-1:111111111111:stateMachine:machine-name",
            "Name": "machine-name"
        },
        "State": {"Name": state, "EnteredTime": "2024-01-01T00:00:00.000Z"}
    })
}

/// Runs a chain of Pass states, as the executor will.
fn run(name: &str, definition: &Value, input: &Value) -> Outcome {
    let states = definition.get("States").cloned().unwrap_or(Value::Null);
    let mut current = definition
        .get("StartAt")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let mut rng = SplitMix64::new(name.len() as u64);
    let mut variables = Map::new();
    let mut data = input.clone();
    for k in 0..1000_usize {
        let Some(state) = states.get(&current) else {
            return failed("Runner", format!("no state {current}"));
        };
        let prefix = format!(
            "An error occurred while executing the state '{current}' (entered at the event id #{}). ",
            2 * k + 2
        );
        let fail = |error: &str, cause: String| Outcome::Failed {
            error: error.to_owned(),
            cause: format!("{prefix}{cause}"),
        };
        let context = context(input, &current);
        let raw = data.clone();
        let effective = match apply_path(state.get("InputPath"), &raw, &context, &variables) {
            Ok(value) => value,
            Err(cause) => return fail("States.Runtime", cause),
        };
        let mut result = effective.clone();
        if let Some(parameters) = state.get("Parameters") {
            let scope = Scope::new(&effective, &context, &variables);
            match evaluate_template_with_rng(parameters, &scope, &mut rng) {
                Ok(value) => result = value,
                Err(error) => return fail(error.error(), error.cause().to_owned()),
            }
        }
        if let Some(literal) = state.get("Result") {
            result = literal.clone();
        }
        let mut assigned = Map::new();
        if let Some(assign) = state.get("Assign") {
            let scope = Scope::new(&result, &context, &variables);
            match evaluate_template_with_rng(assign, &scope, &mut rng) {
                Ok(Value::Object(values)) => assigned = values,
                Ok(other) => return fail("States.Runtime", format!("Assign gave {other}")),
                Err(error) => return fail(error.error(), error.cause().to_owned()),
            }
        }
        let output = match state.get("ResultPath") {
            None => result,
            Some(Value::Null) => raw,
            Some(Value::String(text)) => {
                let Ok(path) = parse_reference_path(text) else {
                    return fail("States.Runtime", format!("bad ResultPath {text}"));
                };
                match place(raw, &path, result) {
                    Ok(value) => value,
                    Err(error) => return fail(error.error(), error.cause()),
                }
            }
            Some(other) => return fail("States.Runtime", format!("bad ResultPath {other}")),
        };
        data = match apply_path(state.get("OutputPath"), &output, &context, &variables) {
            Ok(value) => value,
            Err(cause) => return fail("States.Runtime", cause),
        };
        variables.extend(assigned);
        if state.get("End").and_then(Value::as_bool) == Some(true) {
            return Outcome::Succeeded(data);
        }
        match state.get("Next").and_then(Value::as_str) {
            Some(next) => current = next.to_owned(),
            None => return failed("Runner", format!("{current} has neither Next nor End")),
        }
    }
    failed("Runner", "more than 1000 transitions".to_owned())
}

fn failed(error: &str, cause: String) -> Outcome {
    Outcome::Failed {
        error: error.to_owned(),
        cause,
    }
}

/// `InputPath` / `OutputPath`: absent keeps the document, `null` gives `{}`.
fn apply_path(
    field: Option<&Value>,
    document: &Value,
    context: &Value,
    variables: &Map,
) -> Result<Value, String> {
    match field {
        None => Ok(document.clone()),
        Some(Value::Null) => Ok(json!({})),
        Some(Value::String(text)) => {
            let path = parse_path(text).map_err(|e| format!("bad path {text}: {e}"))?;
            let scope = Scope::new(document, context, variables);
            path.select(&scope)
                .map_err(|error| error.invalid_path_cause(text))
        }
        Some(other) => Err(format!("bad path field {other}")),
    }
}

// ----- comparison, as ../shared/conformance/score.py compares ------------------------------

fn bracket_token() -> Regex {
    Regex::new(r#"<(?:<[^<>\s"]*>)?[^<>\s"]*>"#).expect("valid regex")
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// The spans of the placeholder tokens in an expected string.
fn token_spans(expected: &str, literals: &[String]) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = bracket_token()
        .find_iter(expected)
        .map(|m| (m.start(), m.end()))
        .collect();
    for literal in literals.iter().filter(|l| !l.is_empty()) {
        for (start, _) in expected.match_indices(literal.as_str()) {
            let end = start + literal.len();
            let before = expected.get(..start).and_then(|s| s.chars().next_back());
            let after = expected.get(end..).and_then(|s| s.chars().next());
            if !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char) {
                spans.push((start, end));
            }
        }
    }
    spans.sort_by_key(|&(start, end)| (start, std::cmp::Reverse(end)));
    let mut kept: Vec<(usize, usize)> = Vec::new();
    for span in spans {
        if kept.last().is_none_or(|last| span.0 >= last.1) {
            kept.push(span);
        }
    }
    kept
}

fn str_matches(expected: &str, actual: &str, literals: &[String]) -> bool {
    if expected == actual {
        return true;
    }
    let spans = token_spans(expected, literals);
    if spans.is_empty() {
        return false;
    }
    let mut pattern = String::from("(?s)^");
    let mut from = 0;
    for (start, end) in spans {
        pattern.push_str(&regex::escape(
            expected.get(from..start).unwrap_or_default(),
        ));
        pattern.push_str(".*?");
        from = end;
    }
    pattern.push_str(&regex::escape(expected.get(from..).unwrap_or_default()));
    pattern.push('$');
    Regex::new(&pattern).is_ok_and(|re| re.is_match(actual))
}

fn value_matches(expected: &Value, actual: &Value, literals: &[String]) -> bool {
    match (expected, actual) {
        (Value::String(e), Value::String(a)) => str_matches(e, a, literals),
        (Value::String(e), other) => {
            !token_spans(e, literals).is_empty()
                && str_matches(
                    e,
                    &serde_json::to_string(other).unwrap_or_default(),
                    literals,
                )
        }
        (Value::Bool(e), Value::Bool(a)) => e == a,
        (Value::Number(e), Value::Number(a)) => e.as_f64() == a.as_f64(),
        (Value::Null, Value::Null) => true,
        (Value::Object(e), Value::Object(a)) => {
            if e.len() != a.len() {
                return false;
            }
            let mut used: Vec<&str> = Vec::new();
            for (ek, ev) in e {
                if let Some(av) = a.get(ek)
                    && value_matches(ev, av, literals)
                {
                    used.push(ek);
                    continue;
                }
                let found = a.iter().find(|(ak, av)| {
                    !used.contains(&ak.as_str())
                        && !e.contains_key(ak.as_str())
                        && str_matches(ek, ak, literals)
                        && value_matches(ev, av, literals)
                });
                match found {
                    Some((ak, _)) => used.push(ak),
                    None => return false,
                }
            }
            true
        }
        (Value::Array(e), Value::Array(a)) => {
            e.len() == a.len() && e.iter().zip(a).all(|(e, a)| value_matches(e, a, literals))
        }
        _ => false,
    }
}

/// Why the outcome differs from what AWS recorded, if it does.
fn mismatch(case: &Value, outcome: &Outcome) -> Option<String> {
    let expected = case.get("expected")?;
    let literals: Vec<String> = case
        .get("placeholders")
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let status = expected.get("status").and_then(Value::as_str);
    match (status, outcome) {
        (Some("SUCCEEDED"), Outcome::Succeeded(output)) => {
            let wanted = expected.get("output").unwrap_or(&Value::Null);
            (!value_matches(wanted, output, &literals))
                .then(|| format!("output {output}, expected {wanted}"))
        }
        (Some("FAILED"), Outcome::Failed { error, cause }) => {
            let wanted_error = expected.get("error").and_then(Value::as_str).unwrap_or("");
            let wanted_cause = expected.get("cause").and_then(Value::as_str).unwrap_or("");
            if !str_matches(wanted_error, error, &literals) {
                return Some(format!("error {error}, expected {wanted_error}"));
            }
            (!str_matches(wanted_cause, cause, &literals))
                .then(|| format!("cause {cause:?}, expected {wanted_cause:?}"))
        }
        (_, outcome) => Some(format!("{outcome:?}, expected status {status:?}")),
    }
}

/// Runs every supported case of the files; returns (passed, failures, skipped).
fn replay(files: &[&str]) -> (usize, Vec<String>, Vec<String>) {
    let mut passed = 0;
    let mut failures = Vec::new();
    let mut skipped = Vec::new();
    for file in files {
        for case in load(file) {
            let name = case
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or("?")
                .to_owned();
            let definition = case.get("definition").unwrap_or(&Value::Null);
            if let Some(reason) = unsupported(definition) {
                skipped.push(format!("{name}: {reason}"));
                continue;
            }
            // Payload size limits belong to the executor, not to evaluation.
            if case.pointer("/expected/error").and_then(Value::as_str)
                == Some("States.DataLimitExceeded")
            {
                skipped.push(format!("{name}: payload size limit"));
                continue;
            }
            let input = case.get("input").unwrap_or(&Value::Null);
            let outcome = run(&name, definition, input);
            match mismatch(&case, &outcome) {
                None => passed += 1,
                Some(reason) => failures.push(format!("{name}: {reason}")),
            }
        }
    }
    (passed, failures, skipped)
}

fn report(label: &str, passed: usize, failures: &[String], skipped: &[String]) {
    println!(
        "{label}: {passed} passed, {} failed, {} skipped",
        failures.len(),
        skipped.len()
    );
    for failure in failures {
        println!("FAIL {failure}");
    }
    for skip in skipped {
        println!("skip {skip}");
    }
}

#[test]
fn every_jsonpath_intrinsic_case_reproduces_aws() {
    let (passed, failures, skipped) = replay(&["intrinsic_functions.jsonl"]);
    report("intrinsic_functions", passed, &failures, &skipped);
    assert!(
        failures.is_empty(),
        "{} cases differ from AWS",
        failures.len()
    );
    // 116 cases: the 22 JSONata ones are skipped, each of the 94 JSONPath ones runs.
    assert_eq!(passed, 94);
    assert_eq!(skipped.len(), 22);
    assert!(
        skipped.iter().all(|s| s.ends_with(": JSONata")),
        "{skipped:?}"
    );
}

#[test]
fn every_pass_chain_of_the_other_families_reproduces_aws() {
    let files: Vec<String> = fs::read_dir(conformance_dir())
        .expect("the conformance corpus must be present")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".jsonl") && name != "intrinsic_functions.jsonl")
        .collect();
    let mut files: Vec<&str> = files.iter().map(String::as_str).collect();
    files.sort_unstable();
    let (passed, failures, skipped) = replay(&files);
    println!(
        "other families: {passed} passed, {} failed, {} skipped (not Pass-only JSONPath)",
        failures.len(),
        skipped.len()
    );
    for failure in &failures {
        println!("FAIL {failure}");
    }
    assert!(
        failures.is_empty(),
        "{} cases differ from AWS",
        failures.len()
    );
    assert!(passed >= 40, "only {passed} cases ran");
}

#[test]
fn placeholders_match_as_score_py_matches() {
    let literals = vec!["date".to_owned()];
    assert!(str_matches(
        "arn:<partition>:x:<uuid:1>",
        "arn:aws:x:abc",
        &literals
    ));
    assert!(!str_matches("arn:<partition>:x", "arn:aws:y", &literals));
    assert!(str_matches("at date", "at 2024-01-01", &literals));
    assert!(!str_matches("a date-time", "a x-time", &literals));
    assert!(value_matches(
        &json!("<json-input:1>"),
        &json!({"a": 1}),
        &literals
    ));
    assert!(value_matches(&json!(1), &json!(1.0), &literals));
    assert!(!value_matches(
        &json!({"a": 1}),
        &json!({"a": 1, "b": 2}),
        &literals
    ));
}
