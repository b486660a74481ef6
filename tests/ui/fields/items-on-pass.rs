//! `items` belongs to Map states, not Pass.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Workflow)]
pub struct Flow {
    #[state(items = id, end)]
    pass: Pass,
}

fn main() {}
