//! A Fail state ends the workflow: it takes no `next`.

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
    #[state(error = "Broken", next = done)]
    fail: Fail,
    done: Succeed,
}

fn main() {}
