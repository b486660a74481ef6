//! A nested path `customer.nope` through a payload field.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Serialize, Deserialize, Payload)]
pub struct Customer {
    pub name: String,
}

#[derive(Serialize, Deserialize, Payload)]
pub struct Account {
    pub customer: Customer,
}

#[derive(Workflow)]
#[workflow(input = Account)]
pub struct Flow {
    #[choice(when(customer.nope == "x") => done, default = done)]
    check: Choice<Account>,
    done: Succeed,
}

fn main() {}
