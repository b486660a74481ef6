//! Every corpus definition parses into the ASL model and serializes back to an equal value.

mod support;

use serde_json::Value;
use statewright::asl::StateMachine;

fn assert_round_trips(name: &str, definition: &Value, failures: &mut Vec<String>) {
    if support::skips().iter().any(|(skip, _)| skip == name) {
        return;
    }
    match StateMachine::from_value(definition.clone()) {
        Err(error) => failures.push(format!("{name}: does not parse: {error}")),
        Ok(machine) => {
            let back = machine.to_value();
            if &back != definition {
                failures.push(format!(
                    "{name}: serializes to a different value:\n  in:  {definition}\n  out: {back}"
                ));
            }
        }
    }
}

#[test]
fn every_conformance_definition_round_trips() {
    let cases = support::jsonl_cases(&support::shared().join("conformance"));
    assert_eq!(cases.len(), 700, "the conformance corpus has 700 cases");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        assert_round_trips(name, &case["definition"], &mut failures);
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_valid_validation_definition_round_trips() {
    let shared = support::shared().join("validation");
    let mut failures = Vec::new();
    let mut count = 0;
    for (name, text) in support::json_files(&shared.join("asl-validator"), "valid-") {
        count += 1;
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_round_trips(&name, &value, &mut failures);
    }
    let statelint = shared.join("statelint");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(statelint.join("expected.json")).unwrap())
            .unwrap();
    for (name, text) in support::json_files(&statelint, "") {
        if expected[&name] == 0 {
            count += 1;
            let value: Value = serde_json::from_str(&text).unwrap();
            assert_round_trips(&name, &value, &mut failures);
        }
    }
    for case in support::jsonl_cases(&shared.join("localstack")) {
        if case["expected"]["valid"] == true {
            count += 1;
            assert_round_trips(
                case["name"].as_str().unwrap(),
                &case["definition"],
                &mut failures,
            );
        }
    }
    assert_eq!(
        count,
        62 + 38 + 4,
        "valid definitions in the validation corpus"
    );
    // Skipped by tests/corpus-skips.txt: the model cannot hold what AWS refuses.
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
