//! `next` names a state that is not a field of the workflow.

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
    #[state(next = shipp)]
    price: Task<Price>,
    ship: Succeed,
}

fn main() {}
