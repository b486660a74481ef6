//! A Wait `seconds` written as a string.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Workflow)]
pub struct Flow {
    #[state(seconds = "10", next = done)]
    wait: Wait,
    done: Succeed,
}

fn main() {}
