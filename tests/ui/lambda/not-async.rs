//! A handler that is not an `async fn`.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[statewright::lambda(function = "Price")]
pub fn price(order: Order) -> Result<Order, String> {
    Ok(order)
}

fn main() {}
