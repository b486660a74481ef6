//! A JSONata Choice condition that does not parse.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Workflow)]
#[workflow(query_language = "JSONata")]
pub struct Flow {
    #[choice(when("{% $states.input.total > %}") => done, default = done)]
    check: Choice<Order>,
    done: Succeed,
}

fn main() {}
