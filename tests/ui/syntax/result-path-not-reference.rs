//! A `result_path` with a wildcard: it must name one value.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Workflow)]
pub struct Flow {
    #[state(result_path = "$.a[*]", output = Order, end)]
    pass: Pass,
}

fn main() {}
