//! An intrinsic call without the `States.` prefix.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Workflow)]
pub struct Flow {
    #[state(parameters("id" = call("Format('{}', $.id)")), end)]
    pass: Pass,
}

fn main() {}
