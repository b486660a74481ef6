//! AWS's "Lambda orchestration" sample project, run locally from its ASL definition.
//!
//! Four Rust Lambda handlers check a stock price, recommend buying or selling, and trade;
//! the human approval goes through an in-memory SQS queue whose consumer (a Rust handler, as
//! a Lambda trigger would be) approves it with `SendTaskSuccess`; the report is published to
//! an in-memory SNS topic. Run it with `cargo run --example lambda_orchestration`.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use statewright::exec::{Execution, Executor, InvokeContext, LambdaError, typed};

const DEFINITION: &str = include_str!("asl/lambda-orchestration.asl.json");
const FUNCTIONS: &str = "arn:aws:lambda:us-west-1:111122223333:function:StepFunctionsSample-";
const QUEUE: &str = "https://sqs.us-west-1.amazonaws.com/111122223333/StepFunctionsSample-HelloLambda4444-5555-6666-RequestHumanApprovalSqs-111122223333";
const TOPIC: &str = "arn:aws:sns:us-west-1:111122223333:StepFunctionsSample-HelloLambda1111-2222-3333-ReportResultSnsTopic-222222222222";

/// What "Check Stock Price" returns.
#[derive(Debug, Serialize, Deserialize)]
struct Quote {
    stock_price: u32,
}

/// The trade "Buy Stock" and "Sell Stock" return.
#[derive(Debug, Serialize, Deserialize)]
struct Trade {
    id: String,
    price: u32,
    #[serde(rename = "type")]
    kind: String,
    qty: u32,
    timestamp: String,
}

async fn check_stock_price(_: Value, _: InvokeContext) -> Result<Quote, LambdaError> {
    Ok(Quote { stock_price: 42 })
}

async fn generate_recommendation(quote: Quote, _: InvokeContext) -> Result<String, LambdaError> {
    Ok(if quote.stock_price < 50 {
        "buy"
    } else {
        "sell"
    }
    .to_string())
}

fn trade(
    kind: &'static str,
) -> impl Fn(Value, InvokeContext) -> std::future::Ready<Result<Trade, LambdaError>> {
    move |input: Value, _| {
        let price = input["stock_price"].as_u64().unwrap_or_default() as u32;
        std::future::ready(Ok(Trade {
            id: "trade-0001".into(),
            price,
            kind: kind.into(),
            qty: 10,
            timestamp: "2026-11-22T00:00:00Z".into(),
        }))
    }
}

/// Builds the executor with every handler and the approval queue's consumer.
pub fn executor() -> Executor {
    let executor = Executor::from_json(DEFINITION)
        .expect("the sample definition is valid")
        .name("LambdaOrchestration")
        .lambda(
            &format!("{FUNCTIONS}HelloLam-CheckStockPriceLambda-444455556666"),
            typed(check_stock_price),
        )
        .lambda(
            &format!("{FUNCTIONS}Hello-GenerateBuySellRecommend-123456789012"),
            typed(generate_recommendation),
        )
        .lambda(
            &format!("{FUNCTIONS}HelloLambda-BuyStockLambda-000000000000"),
            typed(trade("buy")),
        )
        .lambda(
            &format!("{FUNCTIONS}HelloLambda-SellStockLambda-111111111111"),
            typed(trade("sell")),
        )
        .build();
    // The approver: reads the request from the queue and approves it with its task token.
    let approver = executor.clone();
    executor
        .services()
        .subscribe(QUEUE, move |event: Value, _: InvokeContext| {
            let approver = approver.clone();
            async move {
                let token = event["Records"][0]["body"]["TaskToken"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string();
                approver
                    .send_task_success(&token, json!({"approved": true}))
                    .map_err(|e| LambdaError::new("TaskTokenError", e.to_string()))?;
                Ok(Value::Null)
            }
        });
    executor
}

/// Runs the workflow for one input.
pub fn run(executor: &Executor) -> Execution {
    executor.run_blocking(json!({}))
}

fn main() {
    let executor = executor();
    let execution = run(&executor);
    println!("status: {}", execution.status.as_str());
    println!(
        "output: {}",
        serde_json::to_string_pretty(&execution.output).unwrap_or_default()
    );
    println!("events:");
    for event in &execution.history {
        println!("  {:>2} {}", event.id, event.event_type);
    }
    for message in executor.services().messages(TOPIC) {
        println!("report published to SNS: {}", message.body);
    }
}
