//! `statewright run` as a user runs it: JSON output, mock configurations and exit codes.

use assert_cmd::Command;
use serde_json::{Value, json};

fn run(args: &[&str], stdin: Option<&str>) -> (Option<i32>, String, String) {
    let mut command = Command::cargo_bin("statewright").unwrap();
    command.arg("run").args(args);
    if let Some(input) = stdin {
        command.write_stdin(input);
    }
    let output = command.output().unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

const ORDERS: &str = "tests/fixtures/orders.asl.json";
const MOCKS: &str = "tests/fixtures/orders.mock.json";

#[test]
fn a_mocked_test_case_retries_then_succeeds() {
    let (code, stdout, _) = run(
        &[
            ORDERS,
            "--input",
            r#"{"order": 1}"#,
            "--mock-config",
            MOCKS,
            "--test-case",
            "BusyThenPaid",
            "--json",
        ],
        None,
    );
    assert_eq!(code, Some(0));
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        report,
        json!({"status": "SUCCEEDED", "output": {"paid": true}, "error": null, "cause": null})
    );
}

#[test]
fn a_failed_execution_exits_one_with_its_error() {
    let (code, stdout, _) = run(
        &[
            ORDERS,
            "--mock-config",
            MOCKS,
            "--test-case",
            "CardRejected",
            "--json",
        ],
        None,
    );
    assert_eq!(code, Some(1));
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["error"], "Declined");
    assert_eq!(report["cause"], "card expired");
}

#[test]
fn an_unknown_test_case_cannot_start() {
    let (code, _, stderr) = run(
        &[ORDERS, "--mock-config", MOCKS, "--test-case", "Nope"],
        None,
    );
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("it has: orders/BusyThenPaid, orders/CardRejected"),
        "{stderr}"
    );
}

#[test]
fn an_invalid_definition_cannot_start_and_says_why() {
    let (code, stdout, stderr) = run(&["-"], Some(r#"{"StartAt": 3}"#));
    assert_eq!(code, Some(2));
    assert_eq!(stdout, "");
    assert!(stderr.starts_with("-:/StartAt: WRONG_TYPE: "), "{stderr}");
}

#[test]
fn the_history_is_printed_on_request() {
    let definition = r#"{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}"#;
    let (code, stdout, _) = run(
        &["-", "--input", "[1, 2]", "--json", "--history"],
        Some(definition),
    );
    assert_eq!(code, Some(0));
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let types: Vec<&str> = report["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "ExecutionStarted",
            "PassStateEntered",
            "PassStateExited",
            "ExecutionSucceeded"
        ]
    );
    assert_eq!(report["output"], json!([1, 2]));
}
