//! Two states renamed to the same ASL name.

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
    #[state(name = "Step", next = second)]
    first: Task<Price>,
    #[state(name = "Step", end)]
    second: Task<Price>,
}

fn main() {}
