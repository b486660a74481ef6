//! The context object (`$$` in JSONPath, `$states.context` in JSONata).

use std::sync::Arc;

use crate::value::{Map, Str, Value, json};

/// What the context object says about the execution; fixed for its whole run.
#[derive(Clone, Debug)]
pub(crate) struct ExecutionInfo {
    /// The execution's ARN, which ends with its name.
    pub(crate) execution_arn: String,
    /// Where the name starts in the ARN.
    pub(crate) name_at: usize,
    /// The execution's input, shared with the first state (not a copy).
    pub(crate) input: Value,
    pub(crate) start_time: String,
    /// The executor's, shared by its executions (as the two below).
    pub(crate) role_arn: Arc<str>,
    pub(crate) machine_arn: Arc<str>,
    pub(crate) machine_name: Arc<str>,
}

impl ExecutionInfo {
    /// The execution's name: the end of its ARN (empty once the ARN has moved into the
    /// execution's result, when it has ended).
    pub(crate) fn execution_name(&self) -> &str {
        self.execution_arn.get(self.name_at..).unwrap_or_default()
    }
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
    state_object.insert("Name", state.name.into());
    state_object.insert("EnteredTime", state.entered_time.clone().into());
    if let Some(retries) = state.retry_count {
        state_object.insert("RetryCount", retries.into());
    }
    // Built member by member, in AWS's order: `json!` would write every value (the execution
    // input included) out through serde and read it back, for every state that reads `$$`.
    let mut execution_object = Map::with_capacity(6);
    for (key, value) in [
        ("Id", Value::from(execution.execution_arn.clone())),
        ("Input", Value::clone(&execution.input)),
        ("StartTime", Value::from(execution.start_time.clone())),
        ("Name", Value::from(execution.execution_name())),
        (
            "RoleArn",
            Value::from(Str::from(Arc::clone(&execution.role_arn))),
        ),
        ("RedriveCount", Value::from(0)),
    ] {
        execution_object.insert(key, value);
    }
    let mut machine_object = Map::with_capacity(2);
    machine_object.insert("Id", Str::from(Arc::clone(&execution.machine_arn)).into());
    machine_object.insert(
        "Name",
        Str::from(Arc::clone(&execution.machine_name)).into(),
    );
    let mut context = Map::with_capacity(5);
    context.insert("Execution", Value::Object(execution_object));
    context.insert("StateMachine", Value::Object(machine_object));
    context.insert("State", Value::Object(state_object));
    if let Some(token) = state.task_token {
        context.insert("Task", json!({"Token": token}));
    }
    if let Some((index, value)) = state.map_item {
        context.insert("Map", json!({"Item": {"Index": index, "Value": value}}));
    }
    Value::Object(context)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_context_object_has_aws_members_in_order() {
        let execution = ExecutionInfo {
            execution_arn: "arn:e".into(),
            name_at: 4,
            input: json!({"a": [1]}),
            start_time: "2026-01-01T00:00:00.000Z".into(),
            role_arn: "arn:r".into(),
            machine_arn: "arn:m".into(),
            machine_name: "m".into(),
        };
        let item = json!("x");
        let state = StateInfo {
            name: "S",
            entered_time: "2026-01-01T00:00:01.000Z".into(),
            retry_count: Some(0),
            task_token: Some("t"),
            map_item: Some((2, &item)),
        };
        assert_eq!(
            context_object(&execution, &state).to_string(),
            concat!(
                r#"{"Execution":{"Id":"arn:e","Input":{"a":[1]},"StartTime":"2026-01-01T00:00:00.000Z","#,
                r#""Name":"e","RoleArn":"arn:r","RedriveCount":0},"StateMachine":{"Id":"arn:m","Name":"m"},"#,
                r#""State":{"Name":"S","EnteredTime":"2026-01-01T00:00:01.000Z","RetryCount":0},"#,
                r#""Task":{"Token":"t"},"Map":{"Item":{"Index":2,"Value":"x"}}}"#
            )
        );
    }
}
