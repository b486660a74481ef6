//! The Map's items are not what the item workflow takes.

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

#[derive(Serialize, Deserialize, Payload)]
pub struct Batch {
    pub ids: Vec<String>,
}

#[derive(Workflow)]
#[workflow(input = Order)]
pub struct Item {
    #[state(end)]
    price: Task<Price>,
}

#[derive(Workflow)]
#[workflow(input = Batch)]
pub struct Flow {
    #[state(items = ids, end)]
    each: Map<Item>,
}

fn main() {}
