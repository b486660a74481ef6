//! A Wait, then a Task with retriers and a catcher that keeps the input and adds the error.

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
#[workflow(input = Order)]
pub struct Flow {
    #[state(seconds = 5, next = price)]
    pause: Wait,
    #[state(timeout_seconds = 30, heartbeat_seconds = 10, end)]
    #[retry(errors = ["States.Timeout"], interval_seconds = 2, max_attempts = 3, backoff_rate = 2.0)]
    #[retry(errors = ["States.ALL"], max_attempts = 1)]
    #[catch(errors = ["States.ALL"], next = failed, result_path = "$.error")]
    price: Task<Price>,
    #[state(error = "PricingFailed", cause = "the price could not be computed")]
    failed: Fail,
}

fn main() {
    let asl = Flow::definition().to_value();
    assert_eq!(asl["States"]["pause"]["Seconds"], 5);
    assert_eq!(asl["States"]["price"]["Retry"][1]["ErrorEquals"][0], "States.ALL");
    assert_eq!(asl["States"]["price"]["Catch"][0]["ResultPath"], "$.error");
}
