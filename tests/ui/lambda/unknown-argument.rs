//! A misspelt attribute argument.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[statewright::lambda(functon = "Price")]
pub async fn price(order: Order) -> Result<Order, String> {
    Ok(order)
}

fn main() {}
