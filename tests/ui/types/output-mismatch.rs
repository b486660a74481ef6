//! A Task's `output = T` that its result does not fit.

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
pub struct Parcel {
    pub weight: u32,
}

#[derive(Workflow)]
pub struct Flow {
    #[state(output = Parcel, end)]
    price: Task<Price>,
}

fn main() {}
