//! The context object (`$$` in JSONPath, `$states.context` in JSONata).

use std::sync::Arc;

use serde_json::{Map, Value, json};

/// What the context object says about the execution; fixed for its whole run.
#[derive(Clone, Debug)]
pub(crate) struct ExecutionInfo {
    pub(crate) execution_arn: String,
    pub(crate) execution_name: String,
    /// The execution's input, shared with the first state (not a copy).
    pub(crate) input: Arc<Value>,
    pub(crate) start_time: String,
    pub(crate) role_arn: String,
    pub(crate) machine_arn: String,
    pub(crate) machine_name: String,
}

/// Where in the execution a state runs: its name, entry time, retries, token, Map item.
#[derive(Clone, Debug, Default)]
pub(crate) struct StateInfo<'a> {
    pub(crate) name: &'a str,
    pub(crate) entered_time: String,
    pub(crate) retry_count: Option<u64>,
    pub(crate) task_token: Option<&'a str>,
    pub(crate) map_item: Option<(usize, &'a Value)>,
}

/// Builds the context object for one state.
pub(crate) fn context_object(execution: &ExecutionInfo, state: &StateInfo) -> Value {
    let mut state_object = Map::new();
    state_object.insert("Name".into(), state.name.into());
    state_object.insert("EnteredTime".into(), state.entered_time.clone().into());
    if let Some(retries) = state.retry_count {
        state_object.insert("RetryCount".into(), retries.into());
    }
    let mut context = json!({
        "Execution": {
            "Id": execution.execution_arn,
            "Input": *execution.input,
            "StartTime": execution.start_time,
            "Name": execution.execution_name,
            "RoleArn": execution.role_arn,
            "RedriveCount": 0,
        },
        "StateMachine": {"Id": execution.machine_arn, "Name": execution.machine_name},
        "State": Value::Object(state_object),
    });
    if let Some(token) = state.task_token {
        context["Task"] = json!({"Token": token});
    }
    if let Some((index, value)) = state.map_item {
        context["Map"] = json!({"Item": {"Index": index, "Value": value}});
    }
    context
}
