//! Fan-out and fan-in in a typed workflow: a Map state prices every line of an order with a
//! Rust handler (ten at a time), then a Parallel state totals the priced lines and checks the
//! stock in two branches at once. Item processors and branches are workflow types themselves.
//!
//! Run it with `cargo run --example map_parallel`.

use lambda_runtime::{Error, LambdaEvent};
use statewright::prelude::*;

/// An order of several lines.
#[derive(Debug, Clone, Serialize, Deserialize, Payload)]
pub struct Order {
    /// The order's id.
    pub id: String,
    /// The lines to price.
    pub lines: Vec<Line>,
}

/// One line of an order.
#[derive(Debug, Clone, Serialize, Deserialize, Payload)]
pub struct Line {
    /// The product's SKU.
    pub sku: String,
    /// How many.
    pub quantity: u32,
}

/// A line with its price.
#[derive(Debug, Clone, Serialize, Deserialize, Payload)]
pub struct PricedLine {
    /// The product's SKU.
    pub sku: String,
    /// How many.
    pub quantity: u32,
    /// The line's price, in cents.
    pub cents: u64,
}

/// The order with its priced lines merged in at `priced`.
#[derive(Debug, Clone, Serialize, Deserialize, Payload)]
pub struct PricedOrder {
    /// The order's id.
    pub id: String,
    /// The lines as ordered.
    pub lines: Vec<Line>,
    /// The lines with their prices.
    pub priced: Vec<PricedLine>,
}

/// The order total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Payload)]
pub struct Total {
    /// The sum of the lines, in cents.
    pub cents: u64,
}

/// Whether every line is in stock.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Payload)]
pub struct Stock {
    /// Every line can be shipped.
    pub available: bool,
}

/// Prices one line at 250 cents a unit.
#[statewright::lambda(function = "PriceLine")]
pub async fn price_line(event: LambdaEvent<Line>) -> Result<PricedLine, Error> {
    let line = event.payload;
    Ok(PricedLine {
        cents: u64::from(line.quantity) * 250,
        sku: line.sku,
        quantity: line.quantity,
    })
}

/// Sums the priced lines.
#[statewright::lambda(function = "SumLines")]
pub async fn sum_lines(event: LambdaEvent<PricedOrder>) -> Result<Total, Error> {
    Ok(Total {
        cents: event.payload.priced.iter().map(|line| line.cents).sum(),
    })
}

/// Checks every line against the stock: anything under 100 units ships.
#[statewright::lambda(function = "CheckStock")]
pub async fn check_stock(event: LambdaEvent<PricedOrder>) -> Result<Stock, Error> {
    Ok(Stock {
        available: event.payload.lines.iter().all(|line| line.quantity < 100),
    })
}

/// The item processor: prices one line.
#[derive(Workflow)]
#[workflow(input = Line, output = PricedLine)]
pub struct PriceOne {
    #[state(name = "Price Line", end)]
    price: Task<PriceLine>,
}

/// One branch: the order total.
#[derive(Workflow)]
#[workflow(input = PricedOrder, output = Total)]
pub struct Totals {
    #[state(name = "Sum Lines", end)]
    sum: Task<SumLines>,
}

/// The other branch: the stock check.
#[derive(Workflow)]
#[workflow(input = PricedOrder, output = Stock)]
pub struct StockCheck {
    #[state(name = "Check Stock", end)]
    check: Task<CheckStock>,
}

/// Price every line, then total and check stock in parallel.
#[derive(Workflow)]
#[workflow(input = Order, output = (Total, Stock))]
pub struct Fulfilment {
    /// Prices the lines, ten at a time.
    #[state(name = "Price Lines", items = lines, max_concurrency = 10,
            result_path = priced, output = PricedOrder, next = summarize)]
    price_lines: Map<PriceOne>,
    /// Totals and checks stock at once.
    #[state(name = "Summarize", end)]
    summarize: Parallel<(Totals, StockCheck)>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if statewright::dsl::emit_requested(&[("Fulfilment", Fulfilment::definition)])? {
        return Ok(());
    }
    println!("{}", Fulfilment::definition().to_json_pretty());
    let order = Order {
        id: "order-7".into(),
        lines: (1..=25)
            .map(|i| Line {
                sku: format!("sku-{i}"),
                quantity: i,
            })
            .collect(),
    };
    let run = Fulfilment::local().run_blocking(order)?;
    let (total, stock) = run.output;
    println!(
        "total: {} cents, in stock: {}",
        total.cents, stock.available
    );
    let started = run
        .execution
        .history
        .iter()
        .filter(|event| event.event_type == "MapIterationStarted")
        .count();
    println!(
        "{started} Map iterations, {} events",
        run.execution.history.len()
    );
    Ok(())
}
