//! `parameters(..)` in a JSONata workflow.

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
#[workflow(query_language = "JSONata")]
pub struct Flow {
    #[state(parameters(id = input.id, total = input.total), end)]
    price: Task<Price>,
}

fn main() {}
