//! A Pass state with both `result` and `parameters(..)`.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Workflow)]
pub struct Flow {
    #[state(parameters("id" = input.id), result = 1, end)]
    pass: Pass,
}

fn main() {}
