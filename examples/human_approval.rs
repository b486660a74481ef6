//! The seeds' JSONata callback as a typed workflow: `lambda:invoke.waitForTaskToken` whose
//! `Arguments` carry the model and `$states.context.Task.Token`. The review function hands
//! the request to a reviewer, who answers later with `SendTaskSuccess`.
//!
//! The seed writes `$states.input.my-model`, which JSONata reads as a subtraction; here the
//! field is typed (`input.my_model`) and rendered with the backticks it needs. Run it with
//! `cargo run --example human_approval`.

use std::sync::OnceLock;

use lambda_runtime::{Error, LambdaEvent};
use serde_json::json;
use statewright::exec::{Execution, Executor};
use statewright::prelude::*;

/// The execution input.
#[derive(Debug, Serialize, Deserialize, Payload)]
pub struct ModelInput {
    /// The model to review.
    #[serde(rename = "my-model")]
    pub my_model: String,
}

/// What the review function receives.
#[derive(Debug, Serialize, Deserialize, Payload)]
pub struct ReviewRequest {
    /// The model to review.
    pub model: String,
    /// The token the reviewer answers with.
    #[serde(rename = "TaskToken")]
    pub task_token: TaskToken,
}

/// The reviewer's decision, the execution's output.
#[derive(Debug, PartialEq, Serialize, Deserialize, Payload)]
pub struct Decision {
    /// The model reviewed.
    pub model: String,
    /// Whether it may ship.
    pub approved: bool,
}

/// The executor the reviewer answers on.
static REVIEWER: OnceLock<Executor> = OnceLock::new();

/// Queues the request for a reviewer (here, a thread that approves models whose name ends in
/// `-v2`) and returns at once, as callback functions do.
#[statewright::lambda(function = "GetModelReviewDecision")]
pub async fn get_review_decision(
    event: LambdaEvent<ReviewRequest>,
) -> Result<serde_json::Value, Error> {
    let ReviewRequest { model, task_token } = event.payload;
    std::thread::spawn(move || {
        if let Some(executor) = REVIEWER.get() {
            let answer = json!({"model": model, "approved": model.ends_with("-v2")});
            // A token that is no longer waiting (the execution timed out) is the reviewer's
            // problem, as with SendTaskSuccess on AWS.
            let _ = executor.send_task_success(&task_token, answer);
        }
    });
    Ok(json!({"queued": true}))
}

/// Ask a reviewer whether a model may ship, and wait up to an hour between heartbeats.
#[derive(Workflow)]
#[workflow(input = ModelInput, output = Decision, query_language = "JSONata")]
pub struct HumanApproval {
    #[state(name = "GetManualReview", heartbeat_seconds = 3600, end,
            arguments(model = input.my_model, task_token = token))]
    review: Callback<GetModelReviewDecision, Decision>,
}

/// Builds the executor, with the reviewer answering on it.
pub fn executor() -> Executor {
    let executor = HumanApproval::local().executor();
    let _ = REVIEWER.set(executor.clone());
    REVIEWER.get().cloned().unwrap_or(executor)
}

/// Runs one review.
pub fn run(executor: &Executor, model: &str) -> Execution {
    executor.run_blocking(json!({"my-model": model}))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if statewright::dsl::emit_requested(&[("HumanApproval", HumanApproval::definition)])? {
        return Ok(());
    }
    println!("{}", HumanApproval::definition().to_json_pretty());
    let executor = executor();
    for model in ["fraud-detector-v1", "fraud-detector-v2"] {
        let execution = run(&executor, model);
        let decision: Decision = execution.output_as()?;
        println!("{model}: {} {decision:?}", execution.status.as_str());
    }
    Ok(())
}
