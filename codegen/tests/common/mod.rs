//! Helpers shared by the codegen test binaries: fixtures, a naming, and snapshot files.

// Each test binary uses some of these helpers, never all of them.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::Value;
use statewright_codegen::Naming;
use statewright_core::asl::StateMachine;
use statewright_core::validate::{Options, load};

/// The fixtures every meaning test walks, by file name; the first is AWS's sample.
pub const FIXTURES: [&str; 5] = [
    "lambda-orchestration",
    "placeholders",
    "nested",
    "lambda-qualifiers",
    "start-execution",
];

/// The path of a fixture: `examples/asl/` for AWS's sample, `tests/fixtures/` for the rest.
pub fn fixture_path(name: &str) -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    if name == "lambda-orchestration" {
        manifest.join("../examples/asl/lambda-orchestration.asl.json")
    } else {
        manifest.join(format!("tests/fixtures/{name}.asl.json"))
    }
}

/// Reads and validates a fixture.
pub fn load_fixture(name: &str) -> StateMachine {
    let path = fixture_path(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    load(&text, &Options::default()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A machine from inline JSON, validated.
pub fn machine(value: Value) -> StateMachine {
    load(&value.to_string(), &Options::default()).unwrap()
}

/// The naming the tests deploy with: us-east-1, account 111122223333, prefix `prod-`.
pub fn naming() -> Naming {
    serde_json::from_value(serde_json::json!({
        "region": "us-east-1",
        "account": "111122223333",
        "prefix": "prod-"
    }))
    .unwrap()
}

/// Compares `value`, pretty-printed, with `tests/snapshots/NAME` exactly; with
/// `UPDATE_SNAPSHOTS=1` writes it instead.
pub fn assert_snapshot(name: &str, value: &Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    let mut actual = serde_json::to_string_pretty(value).unwrap();
    actual.push('\n');
    if std::env::var("UPDATE_SNAPSHOTS").as_deref() == Ok("1") {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {}; write it with UPDATE_SNAPSHOTS=1 and review it",
            path.display()
        )
    });
    assert_eq!(
        expected, actual,
        "snapshot {name} differs (UPDATE_SNAPSHOTS=1 rewrites it)"
    );
}
