//! `States.ALL` listed with other errors in a retry.

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
    #[state(end)]
    #[retry(errors = ["States.Timeout", "States.ALL"], max_attempts = 2)]
    price: Task<Price>,
}

fn main() {}
