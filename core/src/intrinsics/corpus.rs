//! Every path and intrinsic call in the definitions AWS accepted (../shared) must parse.
//!
//! Sources: the statelint and asl-validator definitions expected to be valid, and every
//! conformance case (each was created on AWS and run). The test reports every failure by file,
//! JSON location and text; it fails, never skips, where ../shared is not present.

use std::fs;
use std::path::{Path as FsPath, PathBuf};

use crate::value::Value;

use super::{check_intrinsic, looks_like_intrinsic};
use crate::path::{parse_path, parse_reference_path};

/// Fields that hold a payload template: only their `.$` keys are paths or calls.
const PAYLOAD_FIELDS: [&str; 5] = [
    "Parameters",
    "ResultSelector",
    "ItemSelector",
    "Assign",
    "Credentials",
];

/// Path fields that take any path; the other `...Path` fields take reference paths.
const FULL_PATH_FIELDS: [&str; 4] = ["InputPath", "OutputPath", "ItemsPath", "Variable"];

/// `...Path` fields that may hold an intrinsic call instead of a path.
const INTRINSIC_PATH_FIELDS: [&str; 2] = ["ErrorPath", "CausePath"];

fn shared_dir() -> PathBuf {
    FsPath::new(env!("CARGO_MANIFEST_DIR")).join("../../shared")
}

#[derive(Default)]
struct Scan {
    checked: usize,
    intrinsics: usize,
    failures: Vec<String>,
}

impl Scan {
    fn definition(&mut self, source: &str, definition: &Value) {
        self.walk(source, "", definition, false, false);
    }

    fn walk(&mut self, source: &str, at: &str, value: &Value, jsonata: bool, in_payload: bool) {
        match value {
            Value::Object(members) => {
                let jsonata = match members.get("QueryLanguage").and_then(Value::as_str) {
                    Some(language) => language == "JSONata",
                    None => jsonata,
                };
                for (key, member) in members {
                    // `Result` is data that is never evaluated.
                    if key == "Result" || key == "Comment" {
                        continue;
                    }
                    let here = format!("{at}/{key}");
                    if let Some(text) = member.as_str().filter(|_| !jsonata) {
                        self.field(source, &here, key, text, in_payload);
                    }
                    let payload = in_payload || PAYLOAD_FIELDS.contains(&key.as_str());
                    self.walk(source, &here, member, jsonata, payload);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.walk(source, &format!("{at}/{i}"), item, jsonata, in_payload);
                }
            }
            _ => {}
        }
    }

    fn field(&mut self, source: &str, at: &str, key: &str, text: &str, in_payload: bool) {
        let result = if key.ends_with(".$") {
            if looks_like_intrinsic(text) {
                self.intrinsics += 1;
                check_intrinsic(text).map(drop).map_err(|e| e.to_string())
            } else {
                parse_path(text).map(drop).map_err(|e| e.to_string())
            }
        } else if in_payload || !(key.ends_with("Path") || key == "Variable") {
            return;
        } else if INTRINSIC_PATH_FIELDS.contains(&key) && looks_like_intrinsic(text) {
            self.intrinsics += 1;
            check_intrinsic(text).map(drop).map_err(|e| e.to_string())
        } else if FULL_PATH_FIELDS.contains(&key) {
            parse_path(text).map(drop).map_err(|e| e.to_string())
        } else {
            parse_reference_path(text)
                .map(drop)
                .map_err(|e| e.to_string())
        };
        self.checked += 1;
        if let Err(error) = result {
            self.failures
                .push(format!("{source} {at}: `{text}`: {error}"));
        }
    }
}

fn read_json(path: &FsPath) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The files of a validation suite whose expectation satisfies `valid`.
fn valid_files(dir: &FsPath, valid: impl Fn(&Value) -> bool) -> Vec<PathBuf> {
    let expected = read_json(&dir.join("expected.json"));
    let mut files: Vec<PathBuf> = expected
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(_, expectation)| valid(expectation))
        .map(|(file, _)| dir.join(file.as_str()))
        .collect();
    files.sort();
    files
}

#[test]
fn every_path_and_call_in_accepted_definitions_parses() {
    let shared = shared_dir();
    assert!(
        shared.is_dir(),
        "the corpus {} is missing",
        shared.display()
    );
    let mut scan = Scan::default();
    let validation = shared.join("validation");
    let statelint = valid_files(&validation.join("statelint"), |v| v.as_u64() == Some(0));
    let asl_validator = valid_files(&validation.join("asl-validator"), |v| v == "valid");
    assert!(
        statelint.len() > 30 && asl_validator.len() > 50,
        "suites went missing"
    );
    for file in statelint.iter().chain(&asl_validator) {
        let name = file
            .strip_prefix(&validation)
            .unwrap_or(file)
            .display()
            .to_string();
        scan.definition(&name, &read_json(file));
    }
    let mut conformance: Vec<PathBuf> = fs::read_dir(shared.join("conformance"))
        .expect("conformance directory")
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "jsonl"))
        .collect();
    conformance.sort();
    for file in &conformance {
        let text = fs::read_to_string(file).expect("conformance file");
        for line in text.lines().filter(|line| !line.trim().is_empty()) {
            let case: Value = serde_json::from_str(line).expect("conformance case");
            let name = case["name"].as_str().unwrap_or("?").to_owned();
            scan.definition(&name, &case["definition"]);
        }
    }
    assert!(
        scan.failures.is_empty(),
        "{} of {} paths and calls failed:\n{}",
        scan.failures.len(),
        scan.checked,
        scan.failures.join("\n")
    );
    eprintln!(
        "{} values checked, {} of them calls",
        scan.checked, scan.intrinsics
    );
    // The corpus holds hundreds of paths and about a hundred calls; far fewer means the walk
    // missed them.
    assert!(scan.checked > 500, "only {} values checked", scan.checked);
    assert!(
        scan.intrinsics > 80,
        "only {} calls checked",
        scan.intrinsics
    );
}

#[test]
fn invalid_paths_and_calls_of_the_suites_are_rejected() {
    let validation = shared_dir().join("validation");
    assert!(
        validation.is_dir(),
        "the corpus {} is missing",
        validation.display()
    );
    let get = |file: &str, pointer: &str| -> String {
        let definition = read_json(&validation.join(file));
        definition
            .pointer(pointer)
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("{file} has no string at {pointer}"))
            .to_owned()
    };
    // statelint: "not a JSONPath or intrinsic function expression"
    let unknown = get(
        "statelint/invalid-function-invocation.json",
        "/States/p/ResultSelector/abc.$",
    );
    assert!(check_intrinsic(&unknown).is_err());
    let padded = get(
        "statelint/states-array-invocation-leftpad.json",
        "/States/p/ResultSelector/abc.$",
    );
    assert!(!looks_like_intrinsic(&padded));
    assert!(parse_path(&padded).is_err());
    for key in ["bad2.$", "bad5.$"] {
        let text = get(
            "statelint/parameter-path-problems.json",
            &format!("/States/FNORD/Parameters/{key}"),
        );
        assert!(parse_path(&text).is_err(), "{key}: `{text}`");
    }
    // asl-validator
    let math_add = get(
        "asl-validator/invalid-math-add.json",
        "/States/validate input/Parameters/foo.$",
    );
    assert!(check_intrinsic(&math_add).is_err());
    for text in [".guid", "..guid", "()", "$..."] {
        assert!(parse_reference_path(text).is_err(), "`{text}`");
    }
    let lorem = get(
        "asl-validator/invalid-payload-template.asl.json",
        "/States/Hello, World/Parameters/lorem.$",
    );
    assert!(parse_path(&lorem).is_err());
}
