//! Emits the order workflow's ASL, IAM policy and SAM template into `OUT_DIR` at build time:
//! a definition that breaks AWS's rules fails the build.

#[allow(dead_code)] // the handlers run in the binary, not here
#[path = "src/workflow.rs"]
mod workflow;

use statewright::codegen::Emitter;
use statewright::dsl::Workflow;

fn main() {
    println!("cargo:rerun-if-changed=src/workflow.rs");
    let emitter = match Emitter::from_env() {
        Ok(emitter) => emitter,
        Err(error) => panic!("{error}"),
    };
    if let Err(error) = emitter.emit("Orders", &workflow::Orders::definition()) {
        panic!("cannot emit the Orders workflow: {error}");
    }
}
