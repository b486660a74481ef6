//! The Lambda functions of the conformance corpus, as Rust handlers that behave like
//! LocalStack's Python functions did when AWS recorded the cases.

use serde_json::{Value, json};
use statewright::exec::{ExecutorBuilder, InvokeContext, LambdaError};

/// Registers each function of a case under its name.
pub fn register(mut builder: ExecutorBuilder, lambdas: Option<&Value>) -> ExecutorBuilder {
    let Some(Value::Object(lambdas)) = lambdas else {
        return builder;
    };
    for (name, behaviour) in lambdas {
        builder = match behaviour.as_str().unwrap_or_default() {
            "id" => builder.lambda(name, |event: Value, _: InvokeContext| async move { Ok(event) }),
            "echo" => builder.lambda(name, |_: Value, _: InvokeContext| async move {
                Ok(json!({"Return": "HelloWorld"}))
            }),
            "raise_exception" => builder.lambda(name, |_: Value, context: InvokeContext| async move {
                Err(python_error(
                    "Exception",
                    "Some exception was raised.",
                    "  File \"/var/task/handler.py\", line 2, in handler\n    raise Exception(\"Some exception was raised.\")\n",
                    &context.request_id,
                ))
            }),
            "raise_custom_exception" => builder.lambda(name, |_: Value, context: InvokeContext| async move {
                Err(python_error(
                    "CustomException",
                    "",
                    "  File \"/var/task/handler.py\", line 9, in handler\n    raise CustomException()\n",
                    &context.request_id,
                ))
            }),
            "return_bytes_str" => builder.lambda(name, |_: Value, _: InvokeContext| async move {
                Ok(json!("HelloWorld!"))
            }),
            "return_decorated_input" => builder.lambda(name, |event: Value, _: InvokeContext| async move {
                Ok(Value::String(format!("input-event-{}", python_str(&event))))
            }),
            "large_output_string" => builder.lambda(name, |_: Value, _: InvokeContext| async move {
                Ok(Value::String("a".repeat(257 * 1024)))
            }),
            "wait_60_seconds" => builder.lambda(name, |event: Value, _: InvokeContext| async move {
                tokio::time::sleep(std::time::Duration::from_secs(60)).await;
                Ok(event)
            }),
            other => panic!("unknown behaviour {other} for {name}"),
        };
    }
    builder
}

/// The error a Python 3.12 Lambda runtime reports, with `json.dumps` spacing.
fn python_error(error_type: &str, message: &str, stack: &str, request_id: &str) -> LambdaError {
    let raw = format!(
        "{{\"errorMessage\": {}, \"errorType\": {}, \"requestId\": {}, \"stackTrace\": [{}]}}",
        json!(message),
        json!(error_type),
        json!(request_id),
        json!(stack)
    );
    LambdaError {
        error_type: error_type.to_string(),
        error_message: message.to_string(),
        raw_cause: Some(raw),
    }
}

/// Python's `str()` of a JSON value loaded by `json.loads`.
fn python_str(value: &Value) -> String {
    fn repr(value: &Value) -> String {
        match value {
            Value::Null => "None".into(),
            Value::Bool(true) => "True".into(),
            Value::Bool(false) => "False".into(),
            Value::Number(n) => n.to_string(),
            Value::String(s) => {
                if s.contains('\'') && !s.contains('"') {
                    format!("\"{s}\"")
                } else {
                    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
                }
            }
            Value::Array(items) => {
                format!("[{}]", items.iter().map(repr).collect::<Vec<_>>().join(", "))
            }
            Value::Object(members) => format!(
                "{{{}}}",
                members
                    .iter()
                    .map(|(k, v)| format!("{}: {}", repr(&Value::String(k.clone())), repr(v)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
    match value {
        Value::String(s) => s.clone(),
        other => repr(other),
    }
}
