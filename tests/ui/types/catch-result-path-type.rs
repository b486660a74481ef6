//! A `catch` puts the error output into a field that cannot hold it.

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
#[workflow(input = Order)]
pub struct Flow {
    #[state(end)]
    #[catch(errors = ["States.ALL"], next = failed, result_path = total, output = Order)]
    price: Task<Price>,
    failed: Succeed,
}

fn main() {}
