//! A workflow `timeout_seconds` of 0.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[statewright::lambda(function = "Price")]
pub async fn price(order: Order) -> Result<Order, String> {
    Ok(order)
}

#[derive(Workflow)]
#[workflow(timeout_seconds = 0)]
pub struct Flow {
    #[state(end)]
    price: Task<Price>,
}

fn main() {}
