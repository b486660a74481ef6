//! `Callback<..>` on a resource that cannot wait for a task token.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Workflow)]
pub struct Flow {
    #[state(table = "Orders", end)]
    read: Callback<DynamoGetItem>,
}

fn main() {}
