//! A Wait `timestamp` that is not an RFC 3339 date-time.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Workflow)]
pub struct Flow {
    #[state(timestamp = "2026-11-22 08:00", next = done)]
    wait: Wait,
    done: Succeed,
}

fn main() {}
