//! A JSONPath Map state that does not say what to iterate.

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
pub struct Item {
    #[state(end)]
    price: Task<Price>,
}

#[derive(Workflow)]
pub struct Flow {
    #[state(end)]
    each: Map<Item>,
}

fn main() {}
