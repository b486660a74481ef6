//! A Wait state that does not say how long.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Workflow)]
pub struct Flow {
    #[state(next = done)]
    wait: Wait,
    done: Succeed,
}

fn main() {}
