//! A typed template key that the payload type does not have.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Serialize, Deserialize, Payload)]
pub struct Notice {
    pub text: String,
}

#[derive(Workflow)]
#[workflow(input = Order)]
pub struct Flow {
    #[state(topic = "Orders", message(body = input.id), end)]
    notify: Task<SnsPublish<Notice>>,
}

fn main() {}
