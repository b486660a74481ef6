//! The validator against the validation corpus and the conformance definitions.
//!
//! Every `valid` definition is accepted, every `invalid` one rejected, statelint's problem
//! counts are matched, AWS's recorded locations are matched, and every conformance definition
//! (all recorded as accepted by AWS) passes. Skips are listed in `tests/corpus-skips.txt`.

mod support;

use serde_json::Value;
use statewright::validate::{Finding, MachineType, Options, Report, validate_text, validate_value};

fn findings_of(text: &str, options: &Options) -> Vec<Finding> {
    match validate_text(text, options) {
        Report::Checked(findings) => findings,
        Report::Unreadable(error) => panic!("corpus file is not JSON: {error}"),
    }
}

fn listing(findings: &[Finding]) -> String {
    findings.iter().map(|f| format!("\n    {f}")).collect()
}

#[test]
fn asl_validator_verdicts_hold() {
    let dir = support::shared().join("validation/asl-validator");
    let skips = support::skips();
    let mut failures = Vec::new();
    let (mut valid, mut invalid, mut skipped) = (0, 0, 0);
    for (name, text) in support::json_files(&dir, "") {
        if skips.iter().any(|(skip, _)| *skip == name) {
            skipped += 1;
            continue;
        }
        let findings = findings_of(&text, &Options::default());
        if name.starts_with("valid-") {
            valid += 1;
            if !findings.is_empty() {
                failures.push(format!("{name}: rejected:{}", listing(&findings)));
            }
        } else {
            invalid += 1;
            if findings.is_empty() {
                failures.push(format!("{name}: accepted"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!((valid, invalid, skipped), (59, 48, 5));
}

#[test]
fn statelint_problem_counts_match() {
    let dir = support::shared().join("validation/statelint");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, text) in support::json_files(&dir, "") {
        let Some(count) = expected[&name].as_u64() else {
            continue;
        };
        if support::skips().iter().any(|(skip, _)| *skip == name) {
            continue;
        }
        checked += 1;
        let findings = findings_of(&text, &Options::default());
        if findings.len() as u64 != count {
            failures.push(format!(
                "{name}: {} findings, statelint expects {count}:{}",
                findings.len(),
                listing(&findings)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(checked, 71, "72 statelint files, one skipped");
}

#[test]
fn aws_recorded_verdicts_and_locations_hold() {
    let cases = support::jsonl_cases(&support::shared().join("validation/localstack"));
    assert_eq!(cases.len(), 26);
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let options = Options {
            machine_type: if case["type"] == "EXPRESS" {
                MachineType::Express
            } else {
                MachineType::Standard
            },
        };
        let text = match case.get("definition_text") {
            Some(Value::String(text)) => text.clone(),
            _ => case["definition"].to_string(),
        };
        let expected = &case["expected"];
        let report = validate_text(&text, &options);
        let accepted = matches!(&report, Report::Checked(f) if f.is_empty());
        if accepted != (expected["valid"] == true) {
            failures.push(format!("{name}: accepted = {accepted}, AWS: {expected}"));
            continue;
        }
        // AWS names the location of a schema failure: in a diagnostic's `location`, or at the
        // end of an InvalidDefinition message (`... at /States/X/Field'`). A finding at that
        // location or inside it (the offending member of a payload template) matches.
        let location = expected["diagnostics"][0]["location"]
            .as_str()
            .map(str::to_string)
            .or_else(|| {
                let message = expected["error"]["Message"].as_str()?;
                let at = message.rfind(" at /")?;
                Some(message[at + 4..].trim_end_matches('\'').to_string())
            });
        if let (Some(location), Report::Checked(findings)) = (location, &report)
            && location.starts_with('/')
        {
            let pointers: Vec<&str> = findings
                .iter()
                .map(|f| {
                    if f.pointer.is_empty() {
                        "/"
                    } else {
                        f.pointer.as_str()
                    }
                })
                .collect();
            let inside = |p: &&str| *p == location || p.starts_with(&format!("{location}/"));
            if !pointers.iter().any(inside) {
                failures.push(format!(
                    "{name}: AWS reports {location}, statewright:{}",
                    listing(findings)
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_conformance_definition_is_accepted() {
    let cases = support::jsonl_cases(&support::shared().join("conformance"));
    let mut failures = Vec::new();
    for case in &cases {
        let options = Options {
            machine_type: if case["state_machine_type"] == "EXPRESS" {
                MachineType::Express
            } else {
                MachineType::Standard
            },
        };
        let findings = validate_value(&case["definition"], &options);
        if !findings.is_empty() {
            failures.push(format!("{}:{}", case["name"], listing(&findings)));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rejected:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
