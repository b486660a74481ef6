//! `#[choice(..)]` on a state that is not a Choice.

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
    #[state(next = done)]
    #[choice(when(total > 100) => done)]
    price: Task<Price>,
    done: Succeed,
}

fn main() {}
