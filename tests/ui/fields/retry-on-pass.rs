//! A `retry` on a Pass state.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Workflow)]
pub struct Flow {
    #[state(end)]
    #[retry(errors = ["States.ALL"], max_attempts = 2)]
    pass: Pass,
}

fn main() {}
