//! A `query_language` that is neither JSONPath nor JSONata.

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
#[workflow(query_language = "XPath")]
pub struct Flow {
    #[state(end)]
    price: Task<Price>,
}

fn main() {}
