//! JSON Schemas of a workflow's input and output, from their `schemars::JsonSchema` types:
//! what a caller of `StartExecution` must send, and what it gets back.

use serde_json::Value;

use super::Workflow;

/// The input and output schemas of a workflow whose data types derive `JsonSchema`.
pub trait WorkflowSchema: Workflow {
    /// The JSON Schema of the execution input.
    fn input_schema() -> Value;
    /// The JSON Schema of the execution output.
    fn output_schema() -> Value;
}

impl<W> WorkflowSchema for W
where
    W: Workflow,
    W::Input: schemars::JsonSchema,
    W::Output: schemars::JsonSchema,
{
    fn input_schema() -> Value {
        schemars::schema_for!(W::Input).to_value()
    }

    fn output_schema() -> Value {
        schemars::schema_for!(W::Output).to_value()
    }
}
