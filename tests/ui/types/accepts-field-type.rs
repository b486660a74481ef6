//! `#[payload(accepts(Other))]` where a field of `Other` has another type.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Serialize, Deserialize, Payload)]
pub struct Parcel {
    pub weight: String,
}

#[derive(Serialize, Deserialize, Payload)]
#[payload(accepts(Parcel))]
pub struct Label {
    pub weight: u32,
}

fn main() {}
