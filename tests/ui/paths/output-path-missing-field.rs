//! `output_path` to a field the result does not have.

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
    #[state(output_path = totl, end)]
    price: Task<Price>,
}

fn main() {}
