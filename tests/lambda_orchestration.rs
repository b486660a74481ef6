//! The seed's sample project (examples/lambda_orchestration.rs) end to end: output and history.

#[allow(dead_code)] // the example's `main` is not called here
#[path = "../examples/lambda_orchestration.rs"]
mod example;

use serde_json::json;
use statewright::exec::Status;

const TOPIC: &str = "arn:aws:sns:us-west-1:111122223333:StepFunctionsSample-HelloLambda1111-2222-3333-ReportResultSnsTopic-222222222222";

#[test]
fn the_sample_project_buys_after_human_approval() {
    let executor = example::executor();
    let execution = example::run(&executor);
    assert_eq!(execution.status, Status::Succeeded, "{execution:?}");
    let output = execution.output.unwrap();
    assert_eq!(output["SdkHttpMetadata"]["HttpStatusCode"], 200);
    assert!(output["MessageId"].is_string());
    let reports = executor.services().messages(TOPIC);
    assert_eq!(reports.len(), 1);
    assert_eq!(
        reports[0].body,
        json!({"Input": {"id": "trade-0001", "price": 42, "type": "buy", "qty": 10,
                         "timestamp": "2026-11-22T00:00:00Z"}})
    );
    let types: Vec<&str> = execution.history.iter().map(|e| e.event_type).collect();
    assert_eq!(
        types,
        [
            "ExecutionStarted",
            "TaskStateEntered",
            "LambdaFunctionScheduled",
            "LambdaFunctionStarted",
            "LambdaFunctionSucceeded",
            "TaskStateExited",
            "TaskStateEntered",
            "LambdaFunctionScheduled",
            "LambdaFunctionStarted",
            "LambdaFunctionSucceeded",
            "TaskStateExited",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSubmitted",
            "TaskSucceeded",
            "TaskStateExited",
            "ChoiceStateEntered",
            "ChoiceStateExited",
            "TaskStateEntered",
            "LambdaFunctionScheduled",
            "LambdaFunctionStarted",
            "LambdaFunctionSucceeded",
            "TaskStateExited",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSucceeded",
            "TaskStateExited",
            "ExecutionSucceeded",
        ]
    );
    let names: Vec<&str> = execution
        .history
        .iter()
        .filter(|e| e.event_type.ends_with("StateEntered"))
        .map(|e| e.details.as_ref().unwrap()["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Check Stock Price",
            "Generate Buy/Sell recommendation",
            "Request Human Approval",
            "Buy or Sell?",
            "Buy Stock",
            "Report Result"
        ]
    );
    // The recommendation went into $.recommended_type; the approval result was discarded.
    let choice_input = &execution.history[17].details.as_ref().unwrap()["input"];
    assert_eq!(
        choice_input,
        &json!({"stock_price": 42, "recommended_type": "buy"})
    );
}
