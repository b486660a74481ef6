//! An intrinsic that Step Functions does not have.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Workflow)]
pub struct Flow {
    #[state(parameters("upper" = call("States.Uppercase($.id)")), end)]
    pass: Pass,
}

fn main() {}
