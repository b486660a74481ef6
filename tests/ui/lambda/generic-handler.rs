//! A generic handler: a task needs one input type.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[statewright::lambda(function = "Echo")]
pub async fn echo<T: Send>(value: T) -> Result<T, String> {
    Ok(value)
}

fn main() {}
