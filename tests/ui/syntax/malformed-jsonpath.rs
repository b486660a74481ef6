//! A raw `input_path` that is not a JSONPath.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Workflow)]
pub struct Flow {
    #[state(input_path = "$.a[", end)]
    pass: Pass,
}

fn main() {}
