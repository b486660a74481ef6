//! `input_path` to a field the input does not have.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Workflow)]
#[workflow(input = Order)]
pub struct Flow {
    #[state(input_path = customer, end)]
    pass: Pass,
}

fn main() {}
