//! A function name with characters Lambda does not allow.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[statewright::lambda(function = "Check Price!")]
pub async fn price(order: Order) -> Result<Order, String> {
    Ok(order)
}

fn main() {}
