//! Runs every case of `../shared/conformance` on the executor and compares the result and the
//! history with what AWS recorded, by the rules of that folder's README.
//!
//! Prints the pass count per family. Fails when a case fails that is not listed in
//! `tests/conformance-known-failures.txt`, or when a listed case now passes. Run one case with
//! `CONFORMANCE_CASE=<name substring> cargo test --test conformance -- --nocapture`.

mod support;

#[path = "conformance/compare.rs"]
mod compare;
#[path = "conformance/lambdas.rs"]
mod lambdas;

use std::collections::{BTreeMap, HashSet};

use serde_json::Value;
use statewright::asl::StateMachine;
use statewright::exec::{Execution, Executor, ExecutorOptions, Status};

/// What a case is about: JSONPath only, or JSONata somewhere.
fn uses_jsonata(value: &Value) -> bool {
    match value {
        Value::Object(members) => members.iter().any(|(key, member)| {
            (key == "QueryLanguage" && member == "JSONata") || uses_jsonata(member)
        }),
        Value::Array(items) => items.iter().any(uses_jsonata),
        _ => false,
    }
}

/// Runs one case; `Err` says what differs.
fn run_case(case: &Value) -> (Result<(), String>, Result<(), String>) {
    let literals: Vec<String> = case["placeholders"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    let machine = match StateMachine::from_value(case["definition"].clone()) {
        Ok(machine) => machine,
        Err(e) => {
            return (
                Err(format!("definition does not load: {e}")),
                Err(String::new()),
            );
        }
    };
    let options = ExecutorOptions {
        start_time: Some("2026-01-01T00:00:00Z".parse().unwrap()),
        ..ExecutorOptions::default()
    };
    let builder = Executor::builder(machine).options(options);
    let executor = lambdas::register(builder, case.get("lambdas")).build();
    let execution = executor.run_blocking(case["input"].clone());
    (
        compare_result(case, &execution, &literals),
        compare_history(case, &execution, &literals),
    )
}

fn compare_result(case: &Value, execution: &Execution, literals: &[String]) -> Result<(), String> {
    let expected = &case["expected"];
    let status = execution.status.as_str();
    if expected["status"] != status {
        return Err(format!(
            "status {status}, expected {}; error {:?}, cause {:?}, output {:?}",
            expected["status"], execution.error, execution.cause, execution.output
        ));
    }
    if execution.status == Status::Succeeded {
        let output = execution.output_json().unwrap_or(Value::Null);
        if !compare::matches(&expected["output"], &output, literals) {
            return Err(format!(
                "output {output}\n      expected {}",
                expected["output"]
            ));
        }
        return Ok(());
    }
    if case["name"]
        .as_str()
        .is_some_and(|n| n.contains("test_global_timeout"))
    {
        return Ok(());
    }
    let text = |v: &Option<String>| v.clone().map(Value::String).unwrap_or(Value::Null);
    let error_ok = match expected.get("error") {
        None => execution.error.as_deref().is_none_or(str::is_empty),
        Some(e) => compare::matches(e, &text(&execution.error), literals),
    };
    let cause_ok = match expected.get("cause") {
        None => execution.cause.as_deref().is_none_or(str::is_empty),
        Some(Value::String(e)) if expected["cause_is_json"] == true => {
            let actual: Value = execution
                .cause
                .as_deref()
                .and_then(|c| serde_json::from_str(c).ok())
                .unwrap_or(Value::Null);
            let expected: Value = serde_json::from_str(e).unwrap_or(Value::Null);
            compare::matches(&expected, &actual, literals)
        }
        Some(e) => compare::matches(e, &text(&execution.cause), literals),
    };
    if error_ok && cause_ok {
        Ok(())
    } else {
        Err(format!(
            "error {:?} cause {:?}\n      expected error {} cause {}",
            execution.error, execution.cause, expected["error"], expected["cause"]
        ))
    }
}

/// Rule 5: the same events in order, type and details matching; `"id": [0]` runs as sets.
fn compare_history(case: &Value, execution: &Execution, literals: &[String]) -> Result<(), String> {
    let Some(expected) = case["history"].as_array() else {
        return Ok(());
    };
    let actual: Vec<Value> = execution
        .history
        .iter()
        .map(|e| serde_json::to_value(e).unwrap())
        .collect();
    let strip = |event: &Value| -> Value {
        let mut event = event.clone();
        if let Value::Object(members) = &mut event {
            members.remove("id");
            members.remove("previousEventId");
            // The recordings parsed causes that were JSON text (Lambda errors).
            for details in members.values_mut() {
                if let Some(Value::String(cause)) = details.get("cause")
                    && cause.starts_with('{')
                    && let Ok(parsed) = serde_json::from_str::<Value>(cause)
                {
                    details["cause"] = parsed;
                }
            }
        }
        event
    };
    if expected.len() != actual.len() {
        let types = |events: &[Value]| {
            events
                .iter()
                .map(|e| e["type"].as_str().unwrap_or("?").to_string())
                .collect::<Vec<_>>()
                .join(",")
        };
        return Err(format!(
            "{} events, expected {}\n      actual:   {}\n      expected: {}",
            actual.len(),
            expected.len(),
            types(&actual),
            types(expected)
        ));
    }
    let mut index = 0;
    while index < expected.len() {
        if expected[index]["id"].is_array() {
            let end = (index..expected.len())
                .find(|&i| !expected[i]["id"].is_array())
                .unwrap_or(expected.len());
            let mut unmatched: Vec<Value> = actual[index..end].iter().map(strip).collect();
            for event in &expected[index..end] {
                let wanted = strip(event);
                match unmatched
                    .iter()
                    .position(|a| compare::matches(&wanted, a, literals))
                {
                    Some(at) => {
                        unmatched.remove(at);
                    }
                    None => return Err(format!("no event matches {wanted}")),
                }
            }
            index = end;
            continue;
        }
        let (wanted, got) = (strip(&expected[index]), strip(&actual[index]));
        if !compare::matches(&wanted, &got, literals) {
            return Err(format!(
                "event {}: {got}\n      expected {wanted}",
                index + 1
            ));
        }
        index += 1;
    }
    Ok(())
}

fn known_failures() -> BTreeMap<String, String> {
    include_str!("conformance-known-failures.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (name, reason) = l.split_once('\t').unwrap_or((l, ""));
            (name.trim().to_string(), reason.trim().to_string())
        })
        .collect()
}

#[test]
fn conformance_cases_reproduce_aws() {
    let cases = support::jsonl_cases(&support::shared().join("conformance"));
    let only = std::env::var("CONFORMANCE_CASE").ok();
    let known = known_failures();
    let mut table: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    let mut unexpected = Vec::new();
    let mut fixed = Vec::new();
    let mut seen = HashSet::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap().to_string();
        if only.as_ref().is_some_and(|o| !name.contains(o.as_str())) {
            continue;
        }
        let family = if uses_jsonata(&case["definition"]) {
            format!("{} (JSONata)", case["family"].as_str().unwrap())
        } else {
            case["family"].as_str().unwrap().to_string()
        };
        let (result, history) = run_case(case);
        let row = table.entry(family).or_default();
        row[0] += 1;
        row[1] += usize::from(result.is_ok());
        row[2] += usize::from(case.get("history").is_some());
        row[3] += usize::from(case.get("history").is_some() && history.is_ok());
        seen.insert(name.clone());
        let failure = match (&result, &history) {
            (Err(e), _) => Some(format!("result: {e}")),
            (Ok(()), Err(e)) => Some(format!("history: {e}")),
            _ => None,
        };
        match (failure, known.contains_key(&name)) {
            (Some(why), false) => unexpected.push(format!("{name}\n    {why}")),
            (None, true) => fixed.push(name),
            _ => {}
        }
    }
    println!(
        "{:<34} {:>6} {:>8} {:>9} {:>9}",
        "family", "cases", "results", "histories", "matched"
    );
    let mut totals = [0usize; 4];
    for (family, row) in &table {
        println!(
            "{family:<34} {:>6} {:>8} {:>9} {:>9}",
            row[0], row[1], row[2], row[3]
        );
        for (total, value) in totals.iter_mut().zip(row) {
            *total += value;
        }
    }
    println!(
        "{:<34} {:>6} {:>8} {:>9} {:>9}",
        "total", totals[0], totals[1], totals[2], totals[3]
    );
    if only.is_some() {
        for failure in &unexpected {
            println!("FAILED {failure}");
        }
        return;
    }
    assert!(
        unexpected.is_empty(),
        "{} cases fail that tests/conformance-known-failures.txt does not list:\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
    assert!(
        fixed.is_empty(),
        "these cases pass now; remove them from tests/conformance-known-failures.txt:\n{}",
        fixed.join("\n")
    );
}
