//! `Emitter`: the three files, rewritten only when they change; invalid machines refused.

mod common;

use std::path::PathBuf;

use common::{load_fixture, machine, naming};
use serde_json::{Value, json};
use statewright_codegen::{EmitError, Emitter, render_asl};

fn fresh_dir(test: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("emitter-{test}"));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn read_json(path: &std::path::Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn emit_writes_asl_iam_and_sam_files() {
    let dir = fresh_dir("writes");
    let machine = load_fixture("lambda-orchestration");
    let emitted = Emitter::new(&dir)
        .emit("lambda-orchestration", &machine)
        .unwrap();
    assert_eq!(emitted.asl, dir.join("lambda-orchestration.asl.json"));
    assert_eq!(emitted.iam, dir.join("lambda-orchestration.iam.json"));
    assert_eq!(emitted.sam, dir.join("lambda-orchestration.sam.json"));
    assert_eq!(
        emitted.written,
        [
            emitted.asl.clone(),
            emitted.iam.clone(),
            emitted.sam.clone()
        ]
    );
    assert_eq!(
        std::fs::read_to_string(&emitted.asl).unwrap(),
        render_asl(&machine)
    );
    assert_eq!(
        read_json(&emitted.iam),
        statewright_codegen::iam_policy(&machine)
    );
    let sam = read_json(&emitted.sam);
    assert_eq!(sam["Transform"], "AWS::Serverless-2016-10-31");
    assert_eq!(
        sam["Resources"]["LambdaOrchestrationStateMachine"]["Properties"]["DefinitionUri"],
        "lambda-orchestration.asl.json"
    );
}

#[test]
fn emitting_the_same_machine_again_writes_nothing() {
    let dir = fresh_dir("unchanged");
    let machine = load_fixture("nested");
    let emitter = Emitter::new(&dir);
    let first = emitter.emit("nested", &machine).unwrap();
    let modified = |p: &PathBuf| std::fs::metadata(p).unwrap().modified().unwrap();
    let before = [
        modified(&first.asl),
        modified(&first.iam),
        modified(&first.sam),
    ];
    std::thread::sleep(std::time::Duration::from_millis(20));
    let second = emitter.emit("nested", &machine).unwrap();
    assert_eq!(second.written, Vec::<PathBuf>::new());
    assert_eq!(
        before,
        [
            modified(&first.asl),
            modified(&first.iam),
            modified(&first.sam)
        ]
    );

    // A new comment changes the ASL and the SAM description, not the policy.
    let mut changed = machine.clone();
    changed.comment = Some("another comment".into());
    let third = emitter.emit("nested", &changed).unwrap();
    assert_eq!(third.written, [third.asl.clone(), third.sam.clone()]);
}

#[test]
fn an_invalid_machine_is_refused_with_its_findings_and_nothing_is_written() {
    let dir = fresh_dir("invalid");
    let broken = statewright_core::asl::StateMachine::from_value(json!({
        "StartAt": "Nowhere",
        "States": {"A": {"Type": "Task", "Resource": "lambda", "End": true}}
    }))
    .unwrap();
    let error = Emitter::new(&dir).emit("broken", &broken).unwrap_err();
    let EmitError::Invalid { name, findings } = &error else {
        panic!("{error}")
    };
    assert_eq!(name, "broken");
    let located: Vec<String> = findings
        .iter()
        .map(|f| format!("{} {}", f.pointer, f.code))
        .collect();
    assert_eq!(
        located,
        [
            "/States/A/Resource INVALID_RESOURCE",
            "/StartAt UNKNOWN_STATE"
        ]
    );
    assert!(
        error.to_string().starts_with(
            "state machine `broken` is invalid: /States/A/Resource: INVALID_RESOURCE: "
        ),
        "{error}"
    );
    assert!(!dir.exists());
}

#[test]
fn a_name_that_is_not_a_file_stem_is_refused() {
    let machine = load_fixture("nested");
    for name in ["", "../up", "a/b", ".hidden", "---"] {
        let error = Emitter::new(fresh_dir("names"))
            .emit(name, &machine)
            .unwrap_err();
        assert!(
            matches!(error, EmitError::InvalidName(ref n) if n == name),
            "{name}: {error}"
        );
    }
}

#[test]
fn with_a_naming_the_files_hold_no_placeholders() {
    let dir = fresh_dir("naming");
    let emitted = Emitter::new(&dir)
        .naming(naming())
        .emit("orders", &load_fixture("placeholders"))
        .unwrap();
    for path in [&emitted.asl, &emitted.iam, &emitted.sam] {
        let text = std::fs::read_to_string(path).unwrap();
        // The template's policy names the stack's region and account as CloudFormation does.
        let text = text
            .replace("${AWS::Region}", "")
            .replace("${AWS::AccountId}", "");
        assert!(!text.contains("${"), "{}:\n{text}", path.display());
    }
    let iam = read_json(&emitted.iam);
    let rule = "arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule";
    assert!(iam.to_string().contains(rule), "{iam:#}");
    let sam = read_json(&emitted.sam);
    assert_eq!(
        sam["Resources"]["OrdersStateMachine"]["Properties"].get("DefinitionSubstitutions"),
        None
    );
}

#[test]
fn an_unknown_placeholder_with_a_naming_is_an_error() {
    let definition = machine(json!({"StartAt": "A", "States": {"A": {
        "Type": "Task", "Resource": "${Worker}", "End": true}}}));
    let error = Emitter::new(fresh_dir("unknown"))
        .naming(naming())
        .emit("worker", &definition)
        .unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("state machine `worker`: /States/A/Resource: the placeholder `${Worker}`"),
        "{error}"
    );
}

#[test]
fn from_env_needs_out_dir() {
    // Integration tests run without OUT_DIR; build scripts have it.
    if std::env::var_os("OUT_DIR").is_none() {
        assert!(matches!(Emitter::from_env(), Err(EmitError::NoOutDir)));
    }
}
