//! The build script's files match the reviewed copies in `deploy/` (regenerate with
//! `UPDATE_SNAPSHOTS=1`), and the emitted definition is the workflow's.

use std::path::Path;

use statewright::dsl::Workflow;

#[allow(dead_code)]
#[path = "../src/workflow.rs"]
mod workflow;

#[test]
fn the_build_script_emitted_the_reviewed_files() {
    let out = Path::new(env!("OUT_DIR"));
    let deploy = Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy");
    for name in ["Orders.asl.json", "Orders.iam.json", "Orders.sam.json"] {
        let emitted = std::fs::read_to_string(out.join(name)).unwrap();
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(deploy.join(name), &emitted).unwrap();
            continue;
        }
        let reviewed = std::fs::read_to_string(deploy.join(name)).unwrap_or_default();
        assert_eq!(emitted, reviewed, "{name} differs from deploy/{name}");
    }
}

#[test]
fn the_emitted_definition_is_the_workflows() {
    let emitted =
        std::fs::read_to_string(Path::new(env!("OUT_DIR")).join("Orders.asl.json")).unwrap();
    let emitted: serde_json::Value = serde_json::from_str(&emitted).unwrap();
    assert_eq!(emitted, workflow::Orders::definition().to_value());
    assert_eq!(
        emitted["States"]["Save Order"]["Parameters"]["TableName"],
        "${OrdersTableName}"
    );
}
