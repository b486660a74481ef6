//! `timeout_seconds` with `timeout_seconds_path`.

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
    #[state(timeout_seconds = 30, timeout_seconds_path = total, end)]
    price: Task<Price>,
}

fn main() {}
