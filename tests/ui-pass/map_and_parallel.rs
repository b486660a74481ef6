//! A Map over a typed array, a Map of numbers into an untyped workflow, and a Parallel of two
//! branch workflows, each branch taking the state's input.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Batch {
    pub orders: Vec<Order>,
}

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[statewright::lambda(function = "Price")]
pub async fn price(order: Order) -> Result<Order, String> {
    Ok(order)
}

#[statewright::lambda(function = "Audit")]
pub async fn audit(batch: Batch) -> Result<u32, String> {
    Ok(batch.orders.len() as u32)
}

/// One order.
#[derive(Workflow)]
#[workflow(input = Order, output = Order)]
pub struct PriceOne {
    #[state(end)]
    price: Task<Price>,
}

/// The audit branch.
#[derive(Workflow)]
#[workflow(input = Batch, output = u32)]
pub struct AuditBatch {
    #[state(end)]
    audit: Task<Audit>,
}

/// The pricing branch: a Map over the batch.
#[derive(Workflow)]
#[workflow(input = Batch, output = Vec<Order>)]
pub struct PriceAll {
    #[state(items = orders, max_concurrency = 4, end)]
    each: Map<PriceOne>,
}

#[derive(Workflow)]
#[workflow(input = Batch)]
pub struct Flow {
    #[state(end)]
    both: Parallel<(PriceAll, AuditBatch)>,
}

#[derive(Serialize, Deserialize, Payload)]
pub struct Totals {
    pub totals: Vec<u32>,
}

/// An untyped item workflow: its input is any JSON, numbers included.
#[derive(Workflow)]
pub struct Echo {
    #[state(end)]
    pass: Pass,
}

#[derive(Workflow)]
#[workflow(input = Totals)]
pub struct EchoAll {
    #[state(items = totals, end)]
    each: Map<Echo>,
}

fn main() {
    assert_eq!(EchoAll::definition().to_value()["States"]["each"]["ItemsPath"], "$.totals");
    let asl = Flow::definition().to_value();
    let branches = &asl["States"]["both"]["Branches"];
    assert_eq!(branches[0]["States"]["each"]["ItemsPath"], "$.orders");
    assert_eq!(branches[0]["States"]["each"]["MaxConcurrency"], 4);
    assert_eq!(branches[1]["StartAt"], "audit");
}
