//! Prints the files the build script emitted, then runs the workflow locally on one order.
//! Run it with `cargo run -p statewright-example-build-rs`.

mod workflow;

use statewright::dsl::Workflow;
use workflow::{Order, Orders};

/// The files the build script wrote into `OUT_DIR`.
pub const ASL: &str = include_str!(concat!(env!("OUT_DIR"), "/Orders.asl.json"));
/// The least-privilege IAM policy of the state machine's role.
pub const IAM: &str = include_str!(concat!(env!("OUT_DIR"), "/Orders.iam.json"));

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("Orders.asl.json:\n{ASL}");
    println!("Orders.iam.json:\n{IAM}");
    let order = Order {
        order_id: "o-100".into(),
        customer_email: "ann@example.com".into(),
        amount_cents: 1999,
    };
    let run = Orders::local()
        // No DynamoDB runs in-process: the put is mocked, and its parameters checked.
        .configure(|builder| {
            builder.mock(
                "arn:aws:states:::dynamodb:putItem",
                |_: String, parameters: serde_json::Value| async move {
                    assert_eq!(parameters["Item"]["orderId"]["S"], "o-100");
                    Ok(serde_json::json!({}))
                },
            )
        })
        .run_blocking(order)?;
    println!("announced as message {}", run.output.message_id);
    Ok(())
}
