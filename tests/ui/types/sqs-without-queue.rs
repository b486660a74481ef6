//! An SQS task that does not name its queue.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Workflow)]
#[workflow(input = Order)]
pub struct Flow {
    #[state(end)]
    send: Task<SqsSendMessage<Order>>,
}

fn main() {}
