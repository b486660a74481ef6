//! A workflow whose states loop forever: none ends it.

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
    #[state(next = again)]
    price: Task<Price>,
    #[state(next = price)]
    again: Task<Price>,
}

fn main() {}
