//! A typed template puts a number into a `String` field of the payload.

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
    #[state(topic = "Orders", message(text = input.total), end)]
    notify: Task<SnsPublish<Notice>>,
}

fn main() {}
