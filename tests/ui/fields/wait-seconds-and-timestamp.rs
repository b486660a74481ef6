//! A Wait state with both `seconds` and `timestamp`.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Workflow)]
pub struct Flow {
    #[state(seconds = 10, timestamp = "2026-01-01T00:00:00Z", next = done)]
    wait: Wait,
    done: Succeed,
}

fn main() {}
