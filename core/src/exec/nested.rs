//! `states:startExecution`: a registered state machine started from a task, plain (returns
//! at once), `.sync` (waits; output as JSON text) or `.sync:2` (waits; output as JSON).

use std::sync::Arc;

use crate::value::{Value, json};

use super::Failure;
use super::executor::{Status, execute};
use super::run::Run;
use super::state::StateCx;
use super::task::Pattern;

/// Starts the execution and, for `.sync`, waits for it.
pub(crate) async fn start_execution(
    run: &Run,
    cx: &StateCx<'_>,
    pattern: Pattern,
    parameters: Value,
) -> Result<Value, Failure> {
    let arn = parameters
        .get("StateMachineArn")
        .and_then(Value::as_str)
        .ok_or_else(|| {
            cx.runtime("The startExecution task needs the parameter StateMachineArn.")
        })?;
    let machine_name = arn.rsplit(':').next().unwrap_or(arn).to_string();
    let machine = run
        .shared
        .machines
        .get(arn)
        .or_else(|| run.shared.machines.get(&machine_name))
        .cloned()
        .ok_or_else(|| {
            Failure::new(
                "StepFunctions.StateMachineDoesNotExistException",
                format!(
                    "State Machine Does Not Exist: '{arn}' (register it with \
                     ExecutorBuilder::state_machine)"
                ),
            )
        })?;
    let input = match parameters.get("Input") {
        None => json!({}),
        Some(Value::String(text)) => {
            serde_json::from_str(text).unwrap_or(Value::String(text.clone()))
        }
        Some(other) => other.clone(),
    };
    let name = parameters
        .get("Name")
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| run.uuid());
    let options = &run.shared.options;
    let execution_arn = format!(
        "arn:aws:states:{}:{}:execution:{machine_name}:{name}",
        options.region, options.account
    );
    let start_date = run.clock.timestamp();
    let child = execute(
        Arc::clone(&run.shared),
        machine,
        input.clone(),
        0,
        Some((machine_name.clone(), name.clone())),
    );
    if pattern == Pattern::RequestResponse || pattern == Pattern::WaitForTaskToken {
        tokio::spawn(child);
        return Ok(json!({"ExecutionArn": execution_arn, "StartDate": start_date}));
    }
    let finished = child.await;
    let mut described = json!({
        "ExecutionArn": execution_arn,
        "Input": input.to_string(),
        "InputDetails": {"Included": true},
        "Name": name,
        "StartDate": start_date,
        "StateMachineArn": arn,
        "Status": finished.status.as_str(),
        "StopDate": run.clock.timestamp(),
    });
    match finished.status {
        Status::Succeeded => {
            let output = finished.output.unwrap_or(Value::Null);
            described["Output"] = if pattern == Pattern::Sync2 {
                output
            } else {
                Value::from(output.to_string())
            };
            described["OutputDetails"] = json!({"Included": true});
            if pattern == Pattern::Sync2 {
                described["Input"] = input;
            }
            Ok(described)
        }
        _ => Err(Failure::new("States.TaskFailed", described.to_string())),
    }
}
