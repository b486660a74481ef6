//! A `Pass<O>` with a typed `result`, typed `parameters(..)` into a handler's input, a typed
//! Choice, and an SNS message built from a typed template.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Serialize, Deserialize, Payload)]
pub struct Notice {
    #[serde(rename = "OrderId")]
    pub order_id: String,
    pub amount: u32,
}

#[statewright::lambda(function = "Price")]
pub async fn price(order: Order) -> Result<Order, String> {
    Ok(order)
}

#[derive(Workflow)]
#[workflow(output = PublishResult)]
pub struct Flow {
    #[state(result = Order { id: "o-1".into(), total: 120 }, next = price)]
    seed: Pass<Order>,
    #[state(parameters(id = input.id, total = input.total), next = check)]
    price: Task<Price>,
    #[choice(when(total >= 100 && id != "test") => notify, default = done)]
    check: Choice<Order>,
    #[state(topic = "Orders", message(order_id = input.id, amount = input.total), end)]
    notify: Task<SnsPublish<Notice>>,
    done: Fail,
}

fn main() {
    let asl = Flow::definition().to_value();
    assert_eq!(asl["States"]["seed"]["Result"]["total"], 120);
    assert_eq!(asl["States"]["price"]["Parameters"]["id.$"], "$.id");
    let message = &asl["States"]["notify"]["Parameters"]["Message"];
    assert_eq!(message["OrderId.$"], "$.id");
    assert_eq!(message["amount.$"], "$.total");
}
