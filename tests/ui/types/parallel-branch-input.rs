//! A Parallel branch whose input type differs from the state's input.

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

#[statewright::lambda(function = "Ship")]
pub async fn ship(parcel: Parcel) -> Result<Parcel, String> {
    Ok(parcel)
}

#[derive(Workflow)]
#[workflow(input = Order)]
pub struct Pricing {
    #[state(end)]
    price: Task<Price>,
}

#[derive(Workflow)]
#[workflow(input = Parcel)]
pub struct Shipping {
    #[state(end)]
    ship: Task<Ship>,
}

#[derive(Workflow)]
#[workflow(input = Order)]
pub struct Flow {
    #[state(end)]
    both: Parallel<(Pricing, Shipping)>,
}

fn main() {}
