//! Lambda: the function-ARN resource and `arn:aws:states:::lambda:invoke`, with AWS's events,
//! response wrapper and error causes.

use std::panic::AssertUnwindSafe;

use crate::value::{Value, json};
use futures_util::FutureExt;

use super::Failure;
use super::history::{self, Member, Thread};
use super::lambda::{FunctionRef, Handler, InvokeContext, LambdaError};
use super::resources::Function;
use super::run::Run;
use super::state::StateCx;
use super::task::{Limits, check_size};

/// A `Resource` that is a function ARN: the payload is the effective input, the result the
/// function's output. `function` is the resource as read (`None` when it names no function).
pub(crate) async fn lambda_arn(
    run: &Run,
    _cx: &StateCx<'_>,
    arn: &str,
    function: Option<&Function>,
    payload: Value,
    limits: Limits,
    thread: &mut Thread,
) -> Result<Value, Failure> {
    run.history.record(thread, "LambdaFunctionScheduled", || {
        let mut members = vec![
            ("input", Member::from(payload.clone())),
            ("inputDetails", Member::NotTruncated),
            ("resource", arn.into()),
        ];
        if let Some(timeout) = limits.timeout {
            members.push(("timeoutInSeconds", timeout.into()));
        }
        history::members(members)
    });
    run.history.push(thread, "LambdaFunctionStarted", None);
    let function = function.ok_or_else(|| not_found(run, arn))?;
    let outcome = match &function.handler {
        None => Err(not_found(run, &function.reference.name)),
        Some(handler) => {
            let call = call_handler(run, &**handler, payload, function.invoked_arn.clone());
            match limits.timeout {
                Some(timeout) => {
                    match tokio::time::timeout(std::time::Duration::from_secs(timeout), call).await
                    {
                        Ok(result) => {
                            result.map_err(|e| Failure::new(e.error_type.clone(), e.cause_text()))
                        }
                        Err(_) => Err(Failure::new("States.Timeout", "")),
                    }
                }
                None => call
                    .await
                    .map_err(|e| Failure::new(e.error_type.clone(), e.cause_text())),
            }
        }
    };
    let outcome = outcome.and_then(|value| check_size(value, arn));
    match &outcome {
        Ok(output) => run.history.record(thread, "LambdaFunctionSucceeded", || {
            history::members(vec![
                ("output", output.clone().into()),
                ("outputDetails", Member::NotTruncated),
            ])
        }),
        Err(failure) if failure.error == "States.Timeout" => {
            run.history.record(thread, "LambdaFunctionTimedOut", || {
                super::history::failed(failure)
            })
        }
        Err(failure) => run.history.record(thread, "LambdaFunctionFailed", || {
            super::history::failed(failure)
        }),
    };
    outcome
}

/// `lambda:invoke`: `FunctionName`, `Payload`, `Qualifier`, `InvocationType`, `LogType`,
/// `ClientContext`; the result is Lambda's `Invoke` response.
pub(crate) async fn lambda_invoke(run: &Run, parameters: Value) -> Result<Value, Failure> {
    let name = parameters
        .get("FunctionName")
        .and_then(Value::as_str)
        .ok_or_else(|| {
            Failure::new(
                "States.Runtime",
                "The lambda:invoke task needs the parameter FunctionName (a name or an ARN).",
            )
        })?;
    let mut function = FunctionRef::parse(name).ok_or_else(|| not_found(run, name))?;
    if let Some(qualifier) = parameters.get("Qualifier").and_then(Value::as_str) {
        function.qualifier = Some(qualifier.to_string());
    }
    let handler = run
        .shared
        .functions
        .find(&function)
        .ok_or_else(|| not_found(run, &function.name))?;
    let payload = match parameters.get("Payload") {
        None | Some(Value::Null) => json!({}),
        // A string payload is the raw request body: the runtime reads it as JSON.
        Some(Value::String(text)) => {
            serde_json::from_str(text).unwrap_or(Value::String(text.clone()))
        }
        Some(other) => other.clone(),
    };
    let version = function.executed_version();
    let invoked_arn = function.arn(&run.shared.options.region, &run.shared.options.account);
    let request_id = run.uuid();
    match parameters.get("InvocationType").and_then(Value::as_str) {
        Some("Event") => {
            let context = InvokeContext {
                request_id: request_id.clone(),
                invoked_function_arn: invoked_arn,
                client_context: None,
            };
            tokio::spawn(async move {
                let _ = AssertUnwindSafe(handler.call(payload.to_serde(), context))
                    .catch_unwind()
                    .await;
            });
            return Ok(response(
                run,
                Value::from(String::new()),
                &version,
                &request_id,
                202,
                0,
            ));
        }
        Some("DryRun") => {
            return Ok(response(
                run,
                Value::from(String::new()),
                &version,
                &request_id,
                204,
                0,
            ));
        }
        _ => {}
    }
    let output = call_handler(run, &*handler, payload, invoked_arn)
        .await
        .map_err(|e| {
            let compact = serde_json::from_str::<Value>(&e.cause_text())
                .map(|v| v.to_string())
                .unwrap_or_else(|_| e.cause_text());
            Failure::new(e.error_type.clone(), compact)
        })?;
    let output = check_size(output, "lambda")?;
    let length = handler.response_body(&output.to_serde()).len();
    let mut wrapped = response(run, output, &version, &request_id, 200, length);
    if parameters.get("LogType").and_then(Value::as_str) == Some("Tail") {
        wrapped["LogResult"] = Value::from(String::new());
    }
    Ok(wrapped)
}

/// Calls a handler under a fresh request id, turning a panic into the function error a
/// runtime would report.
async fn call_handler(
    run: &Run,
    handler: &dyn Handler,
    payload: Value,
    invoked_function_arn: String,
) -> Result<Value, LambdaError> {
    let context = InvokeContext {
        request_id: run.uuid(),
        invoked_function_arn,
        client_context: None,
    };
    match AssertUnwindSafe(handler.call(payload.to_serde(), context))
        .catch_unwind()
        .await
    {
        Ok(result) => result.map(Value::from),
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "the handler panicked".to_string());
            Err(LambdaError::new("Panic", message))
        }
    }
}

/// Lambda's `Invoke` response as Step Functions passes it on.
fn response(
    run: &Run,
    payload: Value,
    version: &str,
    request_id: &str,
    status: u16,
    length: usize,
) -> Value {
    let length = length.to_string();
    let date = run
        .clock
        .now()
        .format("%a, %d %b %Y %H:%M:%S GMT")
        .to_string();
    let trace = format!("root=1-{}", request_id.replace('-', ""));
    json!({
        "ExecutedVersion": version,
        "Payload": payload,
        "SdkHttpMetadata": {
            "AllHttpHeaders": {
                "X-Amz-Executed-Version": [version],
                "x-amzn-Remapped-Content-Length": ["0"],
                "Connection": ["keep-alive"],
                "x-amzn-RequestId": [request_id],
                "Content-Length": [length],
                "Date": [date],
                "X-Amzn-Trace-Id": [trace],
                "Content-Type": ["application/json"],
            },
            "HttpHeaders": {
                "Connection": "keep-alive",
                "Content-Length": length,
                "Content-Type": "application/json",
                "Date": date,
                "X-Amz-Executed-Version": version,
                "x-amzn-Remapped-Content-Length": "0",
                "x-amzn-RequestId": request_id,
                "X-Amzn-Trace-Id": trace,
            },
            "HttpStatusCode": status,
        },
        "SdkResponseMetadata": {"RequestId": request_id},
        "StatusCode": status,
    })
}

/// `Lambda.ResourceNotFoundException`, worded as AWS words it.
fn not_found(run: &Run, name: &str) -> Failure {
    let options = &run.shared.options;
    Failure::new(
        "Lambda.ResourceNotFoundException",
        format!(
            "Function not found: arn:aws:lambda:{}:{}:function:{name}:$LATEST (Service: \
             AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: \
             {}; Proxy: null)",
            options.region,
            options.account,
            run.uuid()
        ),
    )
}
