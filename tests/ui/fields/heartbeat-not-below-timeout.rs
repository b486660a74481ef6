//! `heartbeat_seconds` not smaller than `timeout_seconds`.

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
    #[state(timeout_seconds = 30, heartbeat_seconds = 30, end)]
    price: Task<Price>,
}

fn main() {}
