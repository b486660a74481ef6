//! A Map state's `items` names a field that is not an array.

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
#[workflow(input = Order)]
pub struct Flow {
    #[state(items = total, end)]
    each: Map<Item>,
}

fn main() {}
