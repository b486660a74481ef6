//! The Lambda functions of the conformance corpus, as Rust handlers that behave like
//! LocalStack's Python functions did when AWS recorded the cases.

use std::future::Future;

use serde_json::{Value, json};
use statewright::exec::{ExecutorBuilder, Handler, HandlerFuture, InvokeContext, LambdaError};

/// A function on the Python 3.12 runtime: its response body is `json.dumps` output.
struct Python<F>(F);

impl<F, Fut> Handler for Python<F>
where
    F: Fn(Value, InvokeContext) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<Value, LambdaError>> + Send + 'static,
{
    fn call(&self, payload: Value, context: InvokeContext) -> HandlerFuture {
        Box::pin((self.0)(payload, context))
    }

    fn response_body(&self, output: &Value) -> String {
        python_dumps(output)
    }
}

/// Python's `json.dumps` with its default separators and `ensure_ascii`.
fn python_dumps(value: &Value) -> String {
    match value {
        Value::String(s) => {
            let mut out = String::from("\"");
            for c in s.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                        let mut units = [0u16; 2];
                        for unit in c.encode_utf16(&mut units) {
                            out.push_str(&format!("\\u{unit:04x}"));
                        }
                    }
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        }
        Value::Array(items) => format!(
            "[{}]",
            items
                .iter()
                .map(python_dumps)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Object(members) => format!(
            "{{{}}}",
            members
                .iter()
                .map(|(k, v)| format!(
                    "{}: {}",
                    python_dumps(&Value::String(k.clone())),
                    python_dumps(v)
                ))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => other.to_string(),
    }
}

/// Registers each function of a case under its name.
pub fn register(mut builder: ExecutorBuilder, lambdas: Option<&Value>) -> ExecutorBuilder {
    let Some(Value::Object(lambdas)) = lambdas else {
        return builder;
    };
    for (name, behaviour) in lambdas {
        builder = match behaviour.as_str().unwrap_or_default() {
            "id" => builder.lambda(name, Python(|event: Value, _: InvokeContext| async move { Ok(event) })),
            "echo" => builder.lambda(name, Python(|_: Value, _: InvokeContext| async move {
                Ok(json!({"Return": "HelloWorld"}))
            })),
            "raise_exception" => builder.lambda(name, Python(|_: Value, context: InvokeContext| async move {
                Err(python_error(
                    "Exception",
                    "Some exception was raised.",
                    "  File \"/var/task/handler.py\", line 2, in handler\n    raise Exception(\"Some exception was raised.\")\n",
                    &context.request_id,
                ))
            })),
            "raise_custom_exception" => builder.lambda(name, Python(|_: Value, context: InvokeContext| async move {
                Err(python_error(
                    "CustomException",
                    "",
                    "  File \"/var/task/handler.py\", line 9, in handler\n    raise CustomException()\n",
                    &context.request_id,
                ))
            })),
            "return_bytes_str" => builder.lambda(name, Python(|_: Value, _: InvokeContext| async move {
                Ok(json!("HelloWorld!"))
            })),
            "return_decorated_input" => builder.lambda(name, Python(|event: Value, _: InvokeContext| async move {
                Ok(Value::String(format!("input-event-{}", python_str(&event))))
            })),
            "large_output_string" => builder.lambda(name, Python(|_: Value, _: InvokeContext| async move {
                Ok(Value::String("a".repeat(257 * 1024)))
            })),
            "wait_60_seconds" => builder.lambda(name, Python(|event: Value, _: InvokeContext| async move {
                tokio::time::sleep(std::time::Duration::from_secs(60)).await;
                Ok(event)
            })),
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
                format!(
                    "[{}]",
                    items.iter().map(repr).collect::<Vec<_>>().join(", ")
                )
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
