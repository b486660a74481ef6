//! A `States.ALL` retry before another retry.

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
    #[retry(errors = ["States.ALL"], max_attempts = 2)]
    #[retry(errors = ["States.Timeout"], max_attempts = 5)]
    price: Task<Price>,
}

fn main() {}
