//! A template reads `input.nope`.

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
    #[state(topic = "Orders", message(text = input.nope), end)]
    notify: Task<SnsPublish<Notice>>,
}

fn main() {}
