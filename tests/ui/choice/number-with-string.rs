//! A number field compared with a string literal.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Clone, Copy, Serialize, Deserialize, Payload)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Buy,
    Sell,
}

#[derive(Serialize, Deserialize, Payload)]
pub struct Trade {
    pub side: Side,
    pub urgent: bool,
    pub price: u32,
    pub limit: String,
}

#[derive(Workflow)]
pub struct Flow {
    #[choice(when(price == "100") => done, default = done)]
    check: Choice<Trade>,
    done: Succeed,
}

fn main() {}
