//! The seeds' JSONata callback as a typed workflow (examples/human_approval.rs): the token
//! reaches the handler through `$states.context.Task.Token`, and the reviewer's answer is the
//! output.

#[allow(dead_code)] // the example's `main` is not called here
#[path = "../examples/human_approval.rs"]
mod example;

use serde_json::json;
use statewright::exec::Status;

#[test]
fn the_reviewer_answers_through_the_task_token() {
    let executor = example::executor();
    let execution = example::run(&executor, "fraud-detector-v2");
    assert_eq!(execution.status, Status::Succeeded, "{execution:?}");
    assert_eq!(
        execution.output_json(),
        Some(json!({"model": "fraud-detector-v2", "approved": true}))
    );
    let scheduled = execution
        .history
        .iter()
        .find(|e| e.event_type == "TaskScheduled")
        .unwrap();
    let parameters = &scheduled.details.as_ref().unwrap()["parameters"];
    assert_eq!(
        parameters["FunctionName"],
        "arn:aws:lambda:us-east-1:123456789012:function:GetModelReviewDecision"
    );
    assert_eq!(parameters["Payload"]["model"], "fraud-detector-v2");
    assert!(
        parameters["Payload"]["TaskToken"]
            .as_str()
            .is_some_and(|t| t.len() == 36)
    );
    let types: Vec<&str> = execution.history.iter().map(|e| e.event_type).collect();
    assert_eq!(
        types,
        [
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSubmitted",
            "TaskSucceeded",
            "TaskStateExited",
            "ExecutionSucceeded"
        ]
    );
}
