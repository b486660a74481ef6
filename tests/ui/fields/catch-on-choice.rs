//! A `catch` on a Choice state, which cannot fail over.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Workflow)]
pub struct Flow {
    #[choice(when(total > 100) => done, default = done)]
    #[catch(errors = ["States.ALL"], next = done)]
    check: Choice<Order>,
    done: Succeed,
}

fn main() {}
