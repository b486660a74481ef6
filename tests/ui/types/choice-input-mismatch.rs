//! A Choice reads a type the previous state does not give.

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
    #[choice(when(weight > 100) => done, default = done)]
    check: Choice<Parcel>,
    done: Succeed,
}

fn main() {}
