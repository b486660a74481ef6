//! Snapshot files of the emitted policies and SAM resources, compared exactly.

mod common;

use common::{FIXTURES, assert_snapshot, load_fixture, naming};
use statewright_codegen::{iam_policy, logical_id, sam_resource, sam_template};

#[test]
fn iam_policy_of_every_fixture_matches_its_snapshot() {
    for name in FIXTURES {
        assert_snapshot(
            &format!("{name}.iam.json"),
            &iam_policy(&load_fixture(name)),
        );
    }
}

#[test]
fn sam_resource_of_every_fixture_matches_its_snapshot() {
    for name in FIXTURES {
        let logical = logical_id(name).unwrap();
        let uri = format!("{name}.asl.json");
        let resource = sam_resource(&logical, &load_fixture(name), Some(&uri));
        assert_snapshot(&format!("{name}.sam-resource.json"), &resource);
    }
}

#[test]
fn sam_template_with_inline_definition_matches_its_snapshot() {
    let template = sam_template("OrderWorkflow", &load_fixture("placeholders"), None);
    assert_snapshot("placeholders.sam-template.json", &template);
}

#[test]
fn resolved_placeholders_match_their_snapshot() {
    let resolved = naming().resolve(&load_fixture("placeholders")).unwrap();
    assert_snapshot("placeholders.resolved.asl.json", &resolved.to_value());
}
