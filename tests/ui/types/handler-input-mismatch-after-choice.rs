//! A Choice passes its input on: the state it goes to must accept it.

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
    #[state(next = check)]
    price: Task<Price>,
    #[choice(when(total > 100) => ship, default = done)]
    check: Choice<Order>,
    #[state(end)]
    ship: Task<Ship>,
    done: Succeed,
}

fn main() {}
