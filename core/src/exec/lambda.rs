//! Lambda functions: Rust handlers registered by name, and how AWS names and invokes them.

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// What a handler receives besides its payload, like `lambda_runtime::Context`.
#[derive(Clone, Debug, Default)]
pub struct InvokeContext {
    /// The request id of this invocation.
    pub request_id: String,
    /// The ARN the function was invoked by, with its qualifier when one was given.
    pub invoked_function_arn: String,
    /// `ClientContext` of a `lambda:invoke` task, decoded, when given.
    pub client_context: Option<Value>,
}

/// A failed invocation: the error type and message the function's runtime reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LambdaError {
    /// The error type; it becomes the task's error name (e.g. `ValidationError`).
    pub error_type: String,
    /// The message.
    pub error_message: String,
    /// The runtime's error document as it sent it, when it is not the default
    /// `{"errorMessage":...,"errorType":...}` (a Python runtime adds `requestId`, `stackTrace`).
    pub raw_cause: Option<String>,
}

impl LambdaError {
    /// An error of a type with a message.
    pub fn new(error_type: impl Into<String>, error_message: impl Into<String>) -> Self {
        LambdaError {
            error_type: error_type.into(),
            error_message: error_message.into(),
            raw_cause: None,
        }
    }

    /// The error JSON text the Lambda service passes to Step Functions as the cause.
    pub fn cause_text(&self) -> String {
        match &self.raw_cause {
            Some(raw) => raw.clone(),
            None => serde_json::json!({
                "errorMessage": self.error_message,
                "errorType": self.error_type,
            })
            .to_string(),
        }
    }

    /// An error named after a Rust error value's type, as `lambda_runtime` reports it.
    pub fn from_error<E: fmt::Display>(error: &E) -> Self {
        let full = std::any::type_name::<E>();
        let short = full.rsplit("::").next().unwrap_or(full);
        LambdaError::new(short, error.to_string())
    }
}

impl fmt::Display for LambdaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.error_type, self.error_message)
    }
}

/// The future a handler returns.
pub type HandlerFuture = Pin<Box<dyn Future<Output = Result<Value, LambdaError>> + Send>>;

/// A Lambda function the executor can call: JSON in, JSON out.
pub trait Handler: Send + Sync + 'static {
    /// Invokes the function.
    fn call(&self, payload: Value, context: InvokeContext) -> HandlerFuture;

    /// The response body the function's runtime writes for `output` (its length is the
    /// `Content-Length` of `lambda:invoke`). Rust's runtime writes compact JSON.
    fn response_body(&self, output: &Value) -> String {
        output.to_string()
    }
}

impl<F, Fut> Handler for F
where
    F: Fn(Value, InvokeContext) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<Value, LambdaError>> + Send + 'static,
{
    fn call(&self, payload: Value, context: InvokeContext) -> HandlerFuture {
        Box::pin(self(payload, context))
    }
}

/// Wraps a typed async function as a [`Handler`]: the payload is deserialized into `I`
/// (a mismatch fails the invocation as the runtime would) and the output serialized.
pub fn typed<I, O, E, F, Fut>(function: F) -> impl Handler
where
    I: DeserializeOwned + Send + 'static,
    O: Serialize + Send + 'static,
    E: fmt::Display + Send + 'static,
    F: Fn(I, InvokeContext) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<O, E>> + Send + 'static,
{
    let function = Arc::new(function);
    move |payload: Value, context: InvokeContext| {
        let function = Arc::clone(&function);
        async move {
            let input: I = serde_json::from_value(payload).map_err(|e| {
                LambdaError::new(
                    "Runtime.UnmarshalError",
                    format!("failed to deserialize the payload: {e}"),
                )
            })?;
            let output = function(input, context)
                .await
                .map_err(|e| LambdaError::from_error(&e))?;
            serde_json::to_value(output).map_err(|e| {
                LambdaError::new(
                    "Runtime.MarshalError",
                    format!("failed to serialize the response: {e}"),
                )
            })
        }
    }
}

/// A function name as Step Functions accepts it: a name, a partial or full ARN, with or
/// without a qualifier (version or alias).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FunctionRef {
    pub(crate) name: String,
    pub(crate) qualifier: Option<String>,
}

impl FunctionRef {
    /// Reads `name`, `name:qualifier`, `account:function:name[:q]` or a full ARN.
    pub(crate) fn parse(text: &str) -> Option<FunctionRef> {
        // No form has more than eight parts: a text with more is no function reference.
        let (parts, count) = super::arn::split_colons::<8>(text);
        if parts[7].contains(':') {
            return None;
        }
        let (name, qualifier) = match &parts[..count] {
            [name] => (*name, None),
            [name, qualifier] => (*name, Some(*qualifier)),
            [_, "function", name] => (*name, None),
            [_, "function", name, qualifier] => (*name, Some(*qualifier)),
            ["arn", _, "lambda", _, _, "function", name] => (*name, None),
            ["arn", _, "lambda", _, _, "function", name, qualifier] => (*name, Some(*qualifier)),
            _ => return None,
        };
        if name.is_empty() {
            return None;
        }
        Some(FunctionRef {
            name: name.to_string(),
            qualifier: qualifier.map(str::to_string),
        })
    }

    /// The full ARN, as AWS names the function in events and errors.
    pub(crate) fn arn(&self, region: &str, account: &str) -> String {
        let mut arn = String::with_capacity(40 + region.len() + account.len() + self.name.len());
        for part in [
            "arn:aws:lambda:",
            region,
            ":",
            account,
            ":function:",
            &self.name,
        ] {
            arn.push_str(part);
        }
        if let Some(qualifier) = &self.qualifier {
            arn.push(':');
            arn.push_str(qualifier);
        }
        arn
    }

    /// The version that runs: the qualifier when it is a version number, else `$LATEST`.
    pub(crate) fn executed_version(&self) -> String {
        match &self.qualifier {
            Some(q) if q.chars().all(|c| c.is_ascii_digit()) => q.clone(),
            _ => "$LATEST".to_string(),
        }
    }
}

/// The registered functions, by name and optionally qualifier.
#[derive(Clone, Default)]
pub(crate) struct Functions {
    by_name: HashMap<String, Arc<dyn Handler>>,
}

impl Functions {
    /// Registers `handler` under a name (`MyFunction`), a qualified name (`MyFunction:prod`),
    /// or an ARN; a plain name answers every qualifier.
    pub(crate) fn insert(&mut self, name: &str, handler: Arc<dyn Handler>) {
        let key = match FunctionRef::parse(name) {
            Some(FunctionRef {
                name,
                qualifier: Some(q),
            }) => format!("{name}:{q}"),
            Some(FunctionRef { name, .. }) => name,
            None => name.to_string(),
        };
        self.by_name.insert(key, handler);
    }

    /// The handler for a function reference: the qualified registration, else the plain one.
    pub(crate) fn find(&self, function: &FunctionRef) -> Option<Arc<dyn Handler>> {
        function
            .qualifier
            .as_ref()
            .and_then(|q| self.by_name.get(&format!("{}:{q}", function.name)))
            .or_else(|| self.by_name.get(&function.name))
            .cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_references_in_every_form() {
        let r = |t: &str| FunctionRef::parse(t).map(|f| (f.name, f.qualifier));
        assert_eq!(r("f"), Some(("f".into(), None)));
        assert_eq!(r("f:prod"), Some(("f".into(), Some("prod".into()))));
        assert_eq!(r("123456789012:function:f"), Some(("f".into(), None)));
        assert_eq!(
            r("arn:aws:lambda:us-east-1:123456789012:function:f:7"),
            Some(("f".into(), Some("7".into())))
        );
        assert_eq!(r("arn:aws:sqs:x"), None);
        assert_eq!(r("a:b:c:d:e:f:g:h:i"), None);
        assert_eq!(r("arn:aws:lambda:r:1:function:f:q:extra"), None);
        assert_eq!(
            FunctionRef::parse("f:3").unwrap().arn("eu-west-1", "1"),
            "arn:aws:lambda:eu-west-1:1:function:f:3"
        );
    }

    #[test]
    fn executed_version_is_latest_for_aliases() {
        let f = FunctionRef::parse("f:prod").unwrap();
        assert_eq!(f.executed_version(), "$LATEST");
        let f = FunctionRef::parse("f:3").unwrap();
        assert_eq!(f.executed_version(), "3");
    }
}
