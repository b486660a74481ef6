//! A Task whose handler takes a type the previous state does not return.

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
pub struct Flow {
    #[state(next = ship)]
    price: Task<Price>,
    #[state(end)]
    ship: Task<Ship>,
}

fn main() {}
