//! statewright-codegen: deployment files for state machines (ASL, IAM, CloudFormation/SAM).
//!
//! [`render_asl`] gives the definition AWS accepts; [`iam_policy`] the least-privilege
//! policy of its role; [`sam_resource`] and [`sam_template`] an `AWS::Serverless::StateMachine`
//! with its `DefinitionSubstitutions` and policy; [`Naming`] fills `${Placeholder}` strings
//! for one region, account and prefix; [`Emitter`] writes all of it from build.rs or a tool.

mod arn;
mod cloudformation;
mod emitter;
mod iam;
mod naming;
mod permissions;
pub mod placeholder;
mod walk;

pub use arn::Home;
pub use cloudformation::{
    SAM_TRANSFORM, definition_substitutions, logical_id, sam_resource, sam_template,
    substitution_for,
};
pub use emitter::{EmitError, Emitted, Emitter};
pub use iam::{POLICY_VERSION, Statement, iam_policy, iam_policy_in, statements};
pub use naming::{Naming, NamingError};
pub use walk::{TaskRef, Tasks};

use statewright_core::asl::StateMachine;

/// Renders a state machine as the pretty-printed ASL JSON text AWS accepts, ending in a newline.
pub fn render_asl(machine: &StateMachine) -> String {
    let mut text = machine.to_json_pretty();
    text.push('\n');
    text
}
