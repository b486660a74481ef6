//! A Choice rule reads a field its input type does not have.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Workflow)]
pub struct Flow {
    #[choice(when(amount > 100) => done, default = done)]
    check: Choice<Order>,
    done: Succeed,
}

fn main() {}
