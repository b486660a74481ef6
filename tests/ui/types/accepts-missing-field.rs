//! `#[payload(accepts(Other))]` where `Other` lacks one of the fields.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Serialize, Deserialize, Payload)]
pub struct Parcel {
    pub weight: u32,
}

#[derive(Serialize, Deserialize, Payload)]
#[payload(accepts(Parcel))]
pub struct Label {
    pub weight: u32,
    pub address: String,
}

fn main() {}
