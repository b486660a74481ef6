//! `statewright emit` as a user runs it: the files, their content, reruns and exit codes.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::{Value, json};

const ORDERS: &str = "tests/fixtures/orders.asl.json";
const SAMPLE: &str = "../examples/asl/lambda-orchestration.asl.json";

fn statewright() -> Command {
    Command::cargo_bin("statewright").unwrap()
}

/// An empty directory of its own for each test.
fn out_dir(test: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("emit-cli-{test}"));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn read_json(path: PathBuf) -> Value {
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let output = statewright().args(args).output().unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn orders_gives_three_files_named_after_the_file() {
    let dir = out_dir("orders");
    let d = dir.display();
    let (code, stdout, stderr) = run(&["emit", ORDERS, "--out", &d.to_string()]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        stdout,
        format!(
            "{d}/orders.asl.json: written\n{d}/orders.iam.json: written\n{d}/orders.sam.json: written\n"
        )
    );
    let asl = read_json(dir.join("orders.asl.json"));
    let original: Value = serde_json::from_str(&std::fs::read_to_string(ORDERS).unwrap()).unwrap();
    assert_eq!(asl, original);
    // `ChargeCard` is a bare name: its region and account are the state machine's, unknown here.
    assert_eq!(
        read_json(dir.join("orders.iam.json")),
        json!({"Version": "2012-10-17", "Statement": [{
            "Sid": "InvokeLambdaFunctions",
            "Effect": "Allow",
            "Action": ["lambda:InvokeFunction"],
            "Resource": [
                "arn:aws:lambda:*:*:function:ChargeCard",
                "arn:aws:lambda:*:*:function:ChargeCard:*"
            ]
        }]})
    );
    let sam = read_json(dir.join("orders.sam.json"));
    let properties = &sam["Resources"]["OrdersStateMachine"]["Properties"];
    assert_eq!(properties["DefinitionUri"], "orders.asl.json");
    assert_eq!(
        properties["Policies"][0]["Statement"][0]["Resource"][0],
        json!({"Fn::Sub": "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:ChargeCard"})
    );
}

#[test]
fn a_second_run_leaves_unchanged_files_alone() {
    let dir = out_dir("rerun").display().to_string();
    let args = ["emit", SAMPLE, ORDERS, "--out", &dir];
    assert_eq!(run(&args).0, Some(0));
    let (code, stdout, _) = run(&args);
    assert_eq!(code, Some(0));
    assert_eq!(
        stdout
            .lines()
            .map(|l| l.rsplit_once(": ").unwrap())
            .collect::<Vec<_>>(),
        [
            (
                format!("{dir}/lambda-orchestration.asl.json").as_str(),
                "unchanged"
            ),
            (
                format!("{dir}/lambda-orchestration.iam.json").as_str(),
                "unchanged"
            ),
            (
                format!("{dir}/lambda-orchestration.sam.json").as_str(),
                "unchanged"
            ),
            (format!("{dir}/orders.asl.json").as_str(), "unchanged"),
            (format!("{dir}/orders.iam.json").as_str(), "unchanged"),
            (format!("{dir}/orders.sam.json").as_str(), "unchanged"),
        ]
    );
}

#[test]
fn the_sample_policy_names_its_functions_queue_and_topic() {
    let dir = out_dir("sample");
    let (code, _, stderr) = run(&["emit", SAMPLE, "--out", &dir.display().to_string()]);
    assert_eq!(code, Some(0), "{stderr}");
    let policy = read_json(dir.join("lambda-orchestration.iam.json"));
    let sids: Vec<&str> = policy["Statement"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["Sid"].as_str().unwrap())
        .collect();
    assert_eq!(
        sids,
        [
            "InvokeLambdaFunctions",
            "PublishSnsMessages",
            "SendSqsMessages"
        ]
    );
    assert_eq!(
        policy["Statement"][2]["Resource"],
        json!([
            "arn:aws:sqs:us-west-1:111122223333:StepFunctionsSample-HelloLambda4444-5555-6666-RequestHumanApprovalSqs-111122223333"
        ])
    );
    assert_eq!(
        policy["Statement"][0]["Resource"].as_array().unwrap().len(),
        8
    );
}

#[test]
fn a_naming_gives_exact_arns_and_name_renames_the_files() {
    let dir = out_dir("naming");
    std::fs::create_dir_all(&dir).unwrap();
    let naming = dir.join("naming.json");
    std::fs::write(
        &naming,
        r#"{"region": "eu-west-1", "account": "111122223333"}"#,
    )
    .unwrap();
    let (code, stdout, stderr) = run(&[
        "emit",
        ORDERS,
        "--out",
        &dir.display().to_string(),
        "--naming",
        &naming.display().to_string(),
        "--name",
        "checkout",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stdout.lines().count(), 3);
    assert_eq!(
        read_json(dir.join("checkout.iam.json"))["Statement"][0]["Resource"],
        json!([
            "arn:aws:lambda:eu-west-1:111122223333:function:ChargeCard",
            "arn:aws:lambda:eu-west-1:111122223333:function:ChargeCard:*"
        ])
    );
}

#[test]
fn an_unknown_placeholder_under_a_naming_exits_one_with_its_pointer() {
    let dir = out_dir("unknown");
    std::fs::create_dir_all(&dir).unwrap();
    let naming = dir.join("naming.json");
    std::fs::write(&naming, r#"{"region": "eu-west-1", "account": "1"}"#).unwrap();
    let output = statewright()
        .args(["emit", "-", "--name", "worker", "--out"])
        .arg(&dir)
        .arg("--naming")
        .arg(&naming)
        .write_stdin(r#"{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "${Worker}", "End": true}}}"#)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with(
            "-:/States/A/Resource: the placeholder `${Worker}` ends in no known suffix"
        ),
        "{stdout}"
    );
    assert!(!dir.join("worker.asl.json").exists());
}

#[test]
fn findings_exit_one_and_write_nothing() {
    let dir = out_dir("findings");
    let fixture = "tests/fixtures/five-mistakes.asl.json";
    let (code, stdout, _) = run(&["emit", fixture, "--out", &dir.display().to_string()]);
    assert_eq!(code, Some(1));
    assert_eq!(stdout.lines().count(), 5, "{stdout}");
    assert!(
        stdout.starts_with(&format!(
            "{fixture}:/States/Check Stock Price/TimeoutSeconds: OUT_OF_RANGE: "
        )),
        "{stdout}"
    );
    assert!(!dir.exists());
}

#[test]
fn unreadable_inputs_exit_two() {
    let dir = out_dir("unreadable").display().to_string();
    let (code, _, stderr) = run(&["emit", "no/such.asl.json", "--out", &dir]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.starts_with("no/such.asl.json: error: cannot read the file: "),
        "{stderr}"
    );

    let (code, _, stderr) = run(&["emit", ORDERS, "--out", &dir, "--naming", "no/naming.json"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.starts_with("no/naming.json: error: cannot read the file: "),
        "{stderr}"
    );

    let (code, _, stderr) = run(&["emit", ORDERS, SAMPLE, "--out", &dir, "--name", "x"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: `--name` names the files of one definition; give one FILE\n"
    );

    let output = statewright()
        .args(["emit", "-", "--out", &dir])
        .write_stdin("{}")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "-: error: no name for the emitted files; give `--name`\n"
    );
}

#[test]
fn a_naming_with_an_unknown_field_exits_two() {
    let dir = out_dir("bad-naming");
    std::fs::create_dir_all(&dir).unwrap();
    let naming = dir.join("naming.json");
    std::fs::write(&naming, r#"{"region": "r", "account": "a", "acount": "b"}"#).unwrap();
    let (code, _, stderr) = run(&[
        "emit",
        ORDERS,
        "--out",
        &dir.display().to_string(),
        "--naming",
        &naming.display().to_string(),
    ]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("error: not a naming: unknown field `acount`"),
        "{stderr}"
    );
}
