//! `seconds_path` to a field the input does not have.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Workflow)]
#[workflow(input = Order)]
pub struct Flow {
    #[state(seconds_path = delay, next = done)]
    wait: Wait,
    done: Succeed,
}

fn main() {}
