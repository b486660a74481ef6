//! `States.ALL` listed with other errors in a catch.

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
    #[catch(errors = ["States.ALL", "States.Timeout"], next = failed)]
    price: Task<Price>,
    failed: Fail,
}

fn main() {}
