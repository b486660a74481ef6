//! A method as a handler.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

pub struct Service;

impl Service {
    #[statewright::lambda(function = "Price")]
    pub async fn price(&self) -> Result<Order, String> {
        Err("no".into())
    }
}

fn main() {}
