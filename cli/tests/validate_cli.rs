//! `statewright validate` as a user runs it: output lines, JSON, stdin and exit codes.

use assert_cmd::Command;

fn statewright() -> Command {
    Command::cargo_bin("statewright").unwrap()
}

const FIXTURE: &str = "tests/fixtures/five-mistakes.asl.json";

#[test]
fn five_mistakes_are_all_reported_with_their_pointers() {
    let output = statewright().args(["validate", FIXTURE]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let located: Vec<String> = stdout
        .lines()
        .map(|line| {
            let rest = line.strip_prefix(&format!("{FIXTURE}:")).unwrap();
            let mut parts = rest.splitn(3, ": ");
            format!("{} {}", parts.next().unwrap(), parts.next().unwrap())
        })
        .collect();
    assert_eq!(
        located,
        [
            "/States/Check Stock Price/TimeoutSeconds OUT_OF_RANGE",
            "/States/Generate Recommendation/ResultPth UNKNOWN_FIELD",
            "/States/Generate Recommendation/Retry/0 STATES_ALL_NOT_LAST",
            "/States/Generate Recommendation/Retry/1/BackoffRate OUT_OF_RANGE",
            "/States/Buy or Sell?/Choices/0/Next UNKNOWN_STATE",
        ],
        "{stdout}"
    );
}

#[test]
fn a_valid_file_exits_zero() {
    let output = statewright()
        .args(["validate", "../examples/asl/lambda-orchestration.asl.json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "../examples/asl/lambda-orchestration.asl.json: valid\n"
    );
}

#[test]
fn json_output_lists_findings_per_file() {
    let output = statewright()
        .args(["validate", "--json", FIXTURE])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let file = &report["files"][0];
    assert_eq!(file["file"], FIXTURE);
    assert_eq!(file["valid"], false);
    assert_eq!(file["findings"].as_array().unwrap().len(), 5);
    assert_eq!(file["findings"][0]["code"], "OUT_OF_RANGE");
    assert_eq!(
        file["findings"][0]["pointer"],
        "/States/Check Stock Price/TimeoutSeconds"
    );
}

#[test]
fn not_json_exits_two_with_line_and_column() {
    let output = statewright()
        .args(["validate", "-"])
        .write_stdin("{\n  \"StartAt\": \"A\",\n  \"States\": {\n}")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "-: error: not JSON: EOF while parsing an object (line 4, column 1)\n"
    );
}

#[test]
fn a_missing_file_exits_two() {
    let output = statewright()
        .args(["validate", "no/such/file.json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("no/such/file.json: error: cannot read the file: "),
        "{stderr}"
    );
}

#[test]
fn stdin_is_read_for_dash() {
    let output = statewright()
        .args(["validate", "-"])
        .write_stdin(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "-: valid\n");
}

#[test]
fn express_rules_apply_with_type_express() {
    let definition = r#"{"StartAt": "A", "States": {"A": {"Type": "Task",
        "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true}}}"#;
    let output = statewright()
        .args(["validate", "--type", "express", "-"])
        .write_stdin(definition)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with("-:/States/A/Resource: UNSUPPORTED_IN_EXPRESS: "),
        "{stdout}"
    );
}
