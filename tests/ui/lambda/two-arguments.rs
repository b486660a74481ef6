//! A handler with two arguments.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[statewright::lambda(function = "Price")]
pub async fn price(order: Order, extra: u32) -> Result<Order, String> {
    let _ = extra;
    Ok(order)
}

fn main() {}
