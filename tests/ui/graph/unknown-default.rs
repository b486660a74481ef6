//! A Choice `default` names a state that does not exist.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[statewright::lambda(function = "Price")]
pub async fn price(order: Order) -> Result<Order, String> {
    Ok(order)
}

#[derive(Workflow)]
pub struct Flow {
    #[choice(when(total > 100) => done, default = fallback)]
    check: Choice<Order>,
    done: Succeed,
}

fn main() {}
