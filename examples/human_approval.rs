//! The seeds' JSONata callback: `lambda:invoke.waitForTaskToken` with `Arguments` and
//! `$states.context.Task.Token`. A `lambda_runtime` handler receives the token and hands the
//! model to a reviewer, who answers later with `SendTaskSuccess`. Run it with
//! `cargo run --example human_approval`.

use std::sync::{Arc, OnceLock};

use serde::Deserialize;
use serde_json::{Value, json};
use statewright::exec::{Execution, Executor, lambda_fn};

const DEFINITION: &str = include_str!("asl/human-approval.asl.json");

/// What the review function receives.
#[derive(Debug, Deserialize)]
struct ReviewRequest {
    model: String,
    #[serde(rename = "TaskToken")]
    task_token: String,
}

/// Builds the executor: the review function queues the request for a reviewer (here, a task
/// that approves models whose name ends in `-v2`) and returns at once, as callback functions do.
pub fn executor() -> Executor {
    let slot: Arc<OnceLock<Executor>> = Arc::new(OnceLock::new());
    let reviewer = Arc::clone(&slot);
    let review = move |event: lambda_runtime::LambdaEvent<ReviewRequest>| {
        let reviewer = Arc::clone(&reviewer);
        async move {
            let ReviewRequest { model, task_token } = event.payload;
            std::thread::spawn(move || {
                let executor = reviewer.get().expect("the executor is built");
                let answer = json!({"model": model, "approved": model.ends_with("-v2")});
                executor
                    .send_task_success(&task_token, answer)
                    .expect("the token is waiting");
            });
            Ok::<Value, lambda_runtime::Error>(json!({"queued": true}))
        }
    };
    let executor = Executor::from_json(DEFINITION)
        .expect("the definition is valid")
        .name("HumanApproval")
        .lambda("get-model-review-decision:prod-v1", lambda_fn(review))
        .build();
    let _ = slot.set(executor.clone());
    executor
}

/// Runs one review.
pub fn run(executor: &Executor, model: &str) -> Execution {
    executor.run_blocking(json!({"my-model": model}))
}

fn main() {
    let executor = executor();
    for model in ["fraud-detector-v1", "fraud-detector-v2"] {
        let execution = run(&executor, model);
        println!(
            "{model}: {} {}",
            execution.status.as_str(),
            execution.output.unwrap_or_default()
        );
    }
}
