//! A negative `max_concurrency`.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Serialize, Deserialize, Payload)]
pub struct Batch {
    pub totals: Vec<u32>,
}

#[derive(Workflow)]
pub struct Item {
    #[state(end)]
    pass: Pass,
}

#[derive(Workflow)]
#[workflow(input = Batch)]
pub struct Flow {
    #[state(items = totals, max_concurrency = -1, end)]
    each: Map<Item>,
}

fn main() {}
