//! `result_path` into a field whose type differs from the task's result.

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

#[derive(Serialize, Deserialize, Payload)]
pub struct Priced {
    pub id: String,
    pub total: u32,
    pub quote: String,
}

#[derive(Workflow)]
pub struct Flow {
    #[state(result_path = quote, output = Priced, end)]
    price: Task<Price>,
}

fn main() {}
