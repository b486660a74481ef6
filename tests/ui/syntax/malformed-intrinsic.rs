//! An intrinsic call that does not parse.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Workflow)]
pub struct Flow {
    #[state(parameters("greeting" = call("States.Format(")), end)]
    pass: Pass,
}

fn main() {}
