//! `#[workflow(start = ..)]` names a state that does not exist.

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
#[workflow(start = begin)]
pub struct Flow {
    #[state(end)]
    price: Task<Price>,
}

fn main() {}
