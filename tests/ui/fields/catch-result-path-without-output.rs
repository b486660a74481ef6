//! A `catch` merges the error into a field of the input without naming the merged type.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub failure: Option<CaughtError>,
}

#[statewright::lambda(function = "Price")]
pub async fn price(order: Order) -> Result<Order, String> {
    Ok(order)
}

#[derive(Workflow)]
#[workflow(input = Order)]
pub struct Flow {
    #[state(end)]
    #[catch(errors = ["States.ALL"], next = failed, result_path = failure)]
    price: Task<Price>,
    failed: Succeed,
}

fn main() {}
