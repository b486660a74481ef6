//! Handlers with `lambda_runtime`'s signature (`LambdaEvent<T> -> Result<O, E>`): the same
//! function deploys with `lambda_runtime::run(service_fn(handler))` and runs here.

use std::future::Future;
use std::sync::Arc;

use lambda_runtime::{Context, Diagnostic, LambdaEvent};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::lambda::{Handler, InvokeContext, LambdaError};

/// Wraps a `lambda_runtime` handler: the payload is deserialized into `T`, the context carries
/// the request id and function ARN, and an error is reported as the runtime reports it
/// (its `Diagnostic` type and message).
pub fn lambda_fn<T, O, E, F, Fut>(handler: F) -> impl Handler
where
    T: DeserializeOwned + Send + 'static,
    O: Serialize + Send + 'static,
    E: Into<Diagnostic> + Send + 'static,
    F: Fn(LambdaEvent<T>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<O, E>> + Send + 'static,
{
    let handler = Arc::new(handler);
    move |payload: Value, invoke: InvokeContext| {
        let handler = Arc::clone(&handler);
        async move {
            let payload: T = serde_json::from_value(payload).map_err(|e| {
                LambdaError::new(
                    "Runtime.UnmarshalError",
                    format!("failed to deserialize the payload: {e}"),
                )
            })?;
            let mut context = Context::default();
            context.request_id = invoke.request_id;
            context.invoked_function_arn = invoke.invoked_function_arn;
            let output = handler(LambdaEvent::new(payload, context))
                .await
                .map_err(|e| {
                    let diagnostic: Diagnostic = e.into();
                    LambdaError::new(diagnostic.error_type, diagnostic.error_message)
                })?;
            serde_json::to_value(output).map_err(|e| {
                LambdaError::new(
                    "Runtime.MarshalError",
                    format!("failed to serialize the response: {e}"),
                )
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exec::Executor;
    use crate::validate::{Options, load};
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Deserialize)]
    struct Order {
        quantity: u32,
    }

    #[derive(Serialize)]
    struct Priced {
        total: u32,
    }

    async fn price(event: LambdaEvent<Order>) -> Result<Priced, lambda_runtime::Error> {
        if event.payload.quantity == 0 {
            return Err("quantity must be positive".into());
        }
        Ok(Priced {
            total: event.payload.quantity * 3,
        })
    }

    #[test]
    fn a_lambda_runtime_handler_runs_and_reports_its_errors() {
        let machine = load(
            r#"{"StartAt": "Price", "States": {"Price": {"Type": "Task",
                "Resource": "arn:aws:lambda:us-east-1:111111111111:function:price", "End": true}}}"#,
            &Options::default(),
        )
        .unwrap();
        let executor = Executor::builder(machine)
            .lambda("price", lambda_fn(price))
            .build();
        let execution = executor.run_blocking(json!({"quantity": 4}));
        assert_eq!(execution.output_json(), Some(json!({"total": 12})));
        let execution = executor.run_blocking(json!({"quantity": 0}));
        // lambda_runtime names a boxed error by its type, as the deployed function would.
        let error_type =
            "&alloc::boxed::Box<dyn core::error::Error + core::marker::Send + core::marker::Sync>";
        assert_eq!(execution.error.as_deref(), Some(error_type));
        let cause: Value = serde_json::from_str(execution.cause.as_deref().unwrap()).unwrap();
        assert_eq!(
            cause,
            json!({"errorMessage": "quantity must be positive", "errorType": error_type})
        );
    }
}
