//! statewright-codegen: deployment files for state machines (ASL, IAM, CloudFormation/SAM).
//!
//! The emitters land with the typed DSL; today this crate exposes the ASL rendering that every
//! emitter builds on.

use statewright_core::asl::StateMachine;

/// Renders a state machine as the pretty-printed ASL JSON text AWS accepts, ending in a newline.
pub fn render_asl(machine: &StateMachine) -> String {
    let mut text = machine.to_json_pretty();
    text.push('\n');
    text
}
