//! A `Pass<O>` whose `result` is not an `O`.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Workflow)]
pub struct Flow {
    #[state(result = 42, end)]
    fixed: Pass<Order>,
}

fn main() {}
