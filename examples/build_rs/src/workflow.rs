//! The order workflow: validate with a Rust handler, save to DynamoDB, announce on SNS. Shared
//! by the binary and the build script (which emits it).

use lambda_runtime::{Error, LambdaEvent};
use statewright::prelude::*;

/// An order as the workflow receives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Payload)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    /// The order's id.
    pub order_id: String,
    /// The customer's email.
    pub customer_email: String,
    /// The amount, in cents.
    pub amount_cents: u64,
}

/// Rejects empty orders.
#[statewright::lambda(function = "ValidateOrder")]
pub async fn validate_order(event: LambdaEvent<Order>) -> Result<Order, Error> {
    let order = event.payload;
    if order.amount_cents == 0 {
        return Err("an order needs an amount".into());
    }
    Ok(order)
}

/// Validate an order, save it and announce it.
#[derive(Workflow)]
#[workflow(input = Order, output = PublishResult)]
pub struct Orders {
    #[state(name = "Validate Order", next = save)]
    #[retry(errors = ["Lambda.ServiceException", "Lambda.TooManyRequestsException"], interval_seconds = 1, max_attempts = 3, backoff_rate = 2.0)]
    validate: Task<ValidateOrder>,
    #[state(name = "Save Order", table = "Orders", result_path = discard, next = announce,
            parameters("Item" = nested(
                "orderId" = nested("S" = input.order_id),
                "amountCents" = nested("N" = call("States.Format('{}', $.amountCents)")),
            )))]
    save: Task<DynamoPutItem>,
    #[state(name = "Announce Order", topic = "OrderEvents", message(input = input), end)]
    announce: Task<SnsPublish<Announcement>>,
}

/// The SNS message.
#[derive(Debug, Serialize, Deserialize, Payload)]
pub struct Announcement {
    /// The order.
    pub input: Order,
}
