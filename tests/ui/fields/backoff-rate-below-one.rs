//! A `backoff_rate` below 1.

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
pub struct Flow {
    #[state(end)]
    #[retry(errors = ["States.Timeout"], backoff_rate = 0.5)]
    price: Task<Price>,
}

fn main() {}
