//! An intrinsic called with the wrong number of arguments.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Workflow)]
pub struct Flow {
    #[state(parameters("sum" = call("States.MathAdd(1)")), end)]
    pass: Pass,
}

fn main() {}
