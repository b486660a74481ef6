//! Retry, Catch and timeouts in a typed workflow: a payment handler that fails twice with a
//! transient error is retried with backoff (on virtual time), a declined card is caught and
//! routed to a refund path, and a `Fail` state ends the unrecoverable case.
//!
//! Run it with `cargo run --example error_handling`.

use std::sync::atomic::{AtomicU32, Ordering};

use lambda_runtime::{Diagnostic, LambdaEvent};
use statewright::exec::TimeMode;
use statewright::prelude::*;

/// An order to charge.
#[derive(Debug, Clone, Serialize, Deserialize, Payload)]
pub struct Order {
    /// The order's id.
    pub id: String,
    /// The amount, in cents.
    pub amount: u64,
    /// The card to charge.
    pub card: String,
}

/// A successful charge.
#[derive(Debug, Clone, Serialize, Deserialize, Payload)]
pub struct Receipt {
    /// The order's id.
    pub id: String,
    /// The payment provider's reference.
    pub reference: String,
}

/// The order with the error a `catch` recorded under `failure`.
#[derive(Debug, Clone, Serialize, Deserialize, Payload)]
pub struct FailedOrder {
    /// The order's id.
    pub id: String,
    /// The amount, in cents.
    pub amount: u64,
    /// The card.
    pub card: String,
    /// What went wrong.
    pub failure: CaughtError,
}

/// The payment provider's errors, as the Lambda runtime reports them.
#[derive(Debug)]
pub enum PaymentError {
    /// Try again later.
    Unavailable,
    /// The card was declined: retrying does not help.
    Declined,
}

impl From<PaymentError> for Diagnostic {
    fn from(error: PaymentError) -> Diagnostic {
        let (error_type, message) = match error {
            PaymentError::Unavailable => ("ProviderUnavailable", "the provider is busy"),
            PaymentError::Declined => ("CardDeclined", "the card was declined"),
        };
        Diagnostic {
            error_type: error_type.into(),
            error_message: message.into(),
        }
    }
}

static ATTEMPTS: AtomicU32 = AtomicU32::new(0);

/// Charges the card: the provider is unavailable on the first two attempts, and card
/// `0000` is always declined.
#[statewright::lambda(function = "ChargeCard")]
pub async fn charge_card(event: LambdaEvent<Order>) -> Result<Receipt, PaymentError> {
    let order = event.payload;
    if order.card == "0000" {
        return Err(PaymentError::Declined);
    }
    if ATTEMPTS.fetch_add(1, Ordering::SeqCst) < 2 {
        return Err(PaymentError::Unavailable);
    }
    Ok(Receipt {
        id: order.id,
        reference: "ch_0001".into(),
    })
}

/// Records a declined order for follow-up.
#[statewright::lambda(function = "RecordDecline")]
pub async fn record_decline(
    event: LambdaEvent<FailedOrder>,
) -> Result<FailedOrder, lambda_runtime::Error> {
    Ok(event.payload)
}

/// Charge an order; retry the provider's outages, route declines to a record, fail on the rest.
#[derive(Workflow)]
#[workflow(input = Order, output = Receipt, timeout_seconds = 3600)]
pub struct Payment {
    /// Charges the card, retrying outages with exponential backoff.
    #[state(name = "Charge Card", next = paid, timeout_seconds = 30, heartbeat_seconds = 10)]
    #[retry(errors = ["ProviderUnavailable"], interval_seconds = 2, max_attempts = 3, backoff_rate = 2.0)]
    #[retry(errors = ["States.Timeout"], interval_seconds = 5, max_attempts = 1)]
    #[catch(errors = ["CardDeclined"], next = record_decline, result_path = failure, output = FailedOrder)]
    #[catch(errors = ["States.ALL"], next = give_up)]
    charge: Task<ChargeCard>,
    #[state(name = "Paid")]
    paid: Succeed,
    #[state(name = "Record Decline", next = declined, output = FailedOrder)]
    record_decline: Task<RecordDecline>,
    #[state(
        name = "Declined",
        error = "PaymentDeclined",
        cause = "the card was declined"
    )]
    declined: Fail,
    #[state(
        name = "Give Up",
        error = "PaymentFailed",
        cause = "the payment could not be completed"
    )]
    give_up: Fail,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if statewright::dsl::emit_requested(&[("Payment", Payment::definition)])? {
        return Ok(());
    }
    println!("{}", Payment::definition().to_json_pretty());
    let order = Order {
        id: "order-1".into(),
        amount: 4200,
        card: "4242".into(),
    };
    // Virtual time: the 2 s and 4 s backoffs pass instantly.
    let run = Payment::local()
        .configure(|builder| builder.time(TimeMode::Virtual))
        .run_blocking(order.clone())?;
    println!("paid: {:?}", run.output);
    let retries = run
        .execution
        .history
        .iter()
        .filter(|event| event.event_type == "LambdaFunctionFailed")
        .count();
    println!("the provider failed {retries} times before the charge went through");

    let declined = Payment::local().run_blocking(Order {
        card: "0000".into(),
        ..order
    });
    match declined {
        Err(RunError::Failed(execution)) => println!(
            "declined: {} ({})",
            execution.error.unwrap_or_default(),
            execution.cause.unwrap_or_default()
        ),
        other => println!("unexpected: {other:?}"),
    }
    Ok(())
}
