//! AWS's "Lambda orchestration" sample project as a typed workflow: five handlers' worth of
//! states (check the price, recommend, ask a human over SQS with a task token, buy or sell,
//! report over SNS), checked by rustc, emitted as the seed's ASL, and run locally.
//!
//! Run it with `cargo run --example stock_trading`; `statewright emit --example stock_trading
//! --out DIR` writes its ASL, IAM policy and SAM template instead.

use lambda_runtime::{Error, LambdaEvent};
use serde_json::json;
use statewright::dsl::LocalNaming;
use statewright::prelude::*;

/// The execution input: the sample starts from `{}`.
#[derive(Debug, Default, Serialize, Deserialize, JsonSchema, Payload)]
pub struct StockQuery {}

/// What "Check Stock Price" returns.
#[derive(Debug, Serialize, Deserialize, JsonSchema, Payload)]
#[payload(accepts(Recommended))]
pub struct Quote {
    /// The price, in dollars.
    pub stock_price: u32,
}

/// The recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema, Payload)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// Buy the stock.
    Buy,
    /// Sell the stock.
    Sell,
}

/// The quote with the recommendation merged in at `recommended_type`.
#[derive(Debug, Serialize, Deserialize, JsonSchema, Payload)]
pub struct Recommended {
    /// The price, in dollars.
    pub stock_price: u32,
    /// Buy or sell.
    pub recommended_type: Side,
}

/// The SQS message a human approver receives.
#[derive(Debug, Serialize, Deserialize, JsonSchema, Payload)]
pub struct ApprovalRequest {
    /// The state input, for the approver to read.
    #[serde(rename = "Input")]
    pub input: Recommended,
    /// The token to approve with.
    #[serde(rename = "TaskToken")]
    pub task_token: TaskToken,
}

/// A trade, as "Buy Stock" and "Sell Stock" return it.
#[derive(Debug, Serialize, Deserialize, JsonSchema, Payload)]
pub struct Trade {
    /// The trade's id.
    pub id: String,
    /// The price paid or received.
    pub price: u32,
    /// Buy or sell.
    #[serde(rename = "type")]
    pub kind: Side,
    /// The quantity.
    pub qty: u32,
    /// When the trade happened.
    pub timestamp: String,
}

/// The SNS message: the trade, under `Input`.
#[derive(Debug, Serialize, Deserialize, JsonSchema, Payload)]
pub struct TradeReport {
    /// The trade.
    #[serde(rename = "Input")]
    pub input: Trade,
}

/// Checks the stock price.
#[statewright::lambda(function = "CheckStockPrice")]
pub async fn check_stock_price(_: LambdaEvent<StockQuery>) -> Result<Quote, Error> {
    Ok(Quote { stock_price: 42 })
}

/// Recommends buying below 50 dollars and selling above.
#[statewright::lambda(function = "GenerateBuySellRecommendation")]
pub async fn generate_recommendation(event: LambdaEvent<Quote>) -> Result<Side, Error> {
    Ok(if event.payload.stock_price < 50 {
        Side::Buy
    } else {
        Side::Sell
    })
}

fn trade(kind: Side, quote: &Quote) -> Trade {
    Trade {
        id: "trade-0001".into(),
        price: quote.stock_price,
        kind,
        qty: 10,
        timestamp: "2026-11-22T00:00:00Z".into(),
    }
}

/// Buys the stock.
#[statewright::lambda(function = "BuyStock")]
pub async fn buy_stock(event: LambdaEvent<Quote>) -> Result<Trade, Error> {
    Ok(trade(Side::Buy, &event.payload))
}

/// Sells the stock.
#[statewright::lambda(function = "SellStock")]
pub async fn sell_stock(event: LambdaEvent<Quote>) -> Result<Trade, Error> {
    Ok(trade(Side::Sell, &event.payload))
}

/// Check a stock price, recommend buying or selling, ask a human, trade, and report.
#[derive(Workflow)]
#[workflow(input = StockQuery, output = PublishResult)]
pub struct StockTrading {
    #[state(name = "Check Stock Price", next = recommend)]
    check_price: Task<CheckStockPrice>,
    #[state(name = "Generate Buy/Sell recommendation", next = approval,
            result_path = recommended_type, output = Recommended)]
    recommend: Task<GenerateBuySellRecommendation>,
    #[state(name = "Request Human Approval", queue = "RequestHumanApproval",
            message(input = input, task_token = token), result_path = discard, next = buy_or_sell)]
    approval: Callback<SqsSendMessage<ApprovalRequest>>,
    #[state(name = "Buy or Sell?")]
    #[choice(when(recommended_type == Side::Buy) => buy, when(recommended_type == Side::Sell) => sell)]
    buy_or_sell: Choice<Recommended>,
    #[state(name = "Buy Stock", next = report)]
    buy: Task<BuyStock>,
    #[state(name = "Sell Stock", next = report)]
    sell: Task<SellStock>,
    #[state(name = "Report Result", topic = "ReportResult", message(input = input), end)]
    report: Task<SnsPublish<TradeReport>>,
}

/// The local executor, with the approver: a consumer of the approval queue (as a Lambda
/// trigger would be) that approves every request with its task token.
pub fn executor() -> statewright::exec::Executor {
    let executor = StockTrading::local().executor();
    let approver = executor.clone();
    let queue = LocalNaming::default().queue_url("RequestHumanApproval");
    executor.services().subscribe(
        &queue,
        move |event: serde_json::Value, _: statewright::exec::InvokeContext| {
            let approver = approver.clone();
            async move {
                let body = &event["Records"][0]["body"];
                let token = body["TaskToken"].as_str().unwrap_or_default().to_string();
                approver
                    .send_task_success(&token, json!({"approved": true}))
                    .map_err(|e| {
                        statewright::exec::LambdaError::new("TaskTokenError", e.to_string())
                    })?;
                Ok(serde_json::Value::Null)
            }
        },
    );
    executor
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if statewright::dsl::emit_requested(&[("StockTrading", StockTrading::definition)])? {
        return Ok(());
    }
    println!("{}", StockTrading::definition().to_json_pretty());
    let executor = executor();
    let execution = executor.run_blocking(serde_json::to_value(StockQuery {})?);
    println!("status: {}", execution.status.as_str());
    for event in &execution.history {
        println!("  {:>2} {}", event.id, event.event_type);
    }
    let topic = LocalNaming::default().topic_arn("ReportResult");
    for message in executor.services().messages(&topic) {
        println!("report published to SNS: {}", message.body);
    }
    let run = statewright::dsl::typed_output::<PublishResult>(execution)?;
    println!("SNS message id: {}", run.output.message_id);
    Ok(())
}
