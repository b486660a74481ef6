//! Service integrations (`arn:aws:states:::SERVICE:ACTION`): Lambda, SQS, SNS and nested
//! executions, in the request-response, `.sync` and `.waitForTaskToken` patterns.

use crate::value::{Value, json};

use super::Failure;
use super::callback::wait_for_token;
use super::history::Thread;
use super::run::Run;
use super::services::{Message, notify};
use super::state::StateCx;
use super::task::{Limits, Pattern};

/// Calls a service integration.
#[allow(clippy::too_many_arguments)] // one call's coordinates, passed through as they are
pub(crate) async fn call(
    run: &Run,
    cx: &StateCx<'_>,
    service: &str,
    action: &str,
    pattern: Pattern,
    parameters: Value,
    limits: Limits,
    thread: &mut Thread,
) -> Result<Value, Failure> {
    let token = cx.task_token.map(str::to_string);
    // Register the token before the request goes out: its receiver may answer at once.
    let waiting = token.as_ref().map(|t| run.shared.tokens.register(t));
    let submitted = match (service, action) {
        ("lambda", "invoke") => super::invoke::lambda_invoke(run, parameters).await,
        ("sqs", "sendMessage") => Ok(send(
            run,
            "QueueUrl",
            "MessageBody",
            parameters,
            |body| json!({"Records": [{"messageId": "", "body": body, "eventSource": "aws:sqs"}]}),
        )?),
        ("sns", "publish") => Ok(send(
            run,
            "TopicArn",
            "Message",
            parameters,
            |body| json!({"Records": [{"EventSource": "aws:sns", "Sns": {"Message": body}}]}),
        )?),
        ("states", "startExecution") => {
            super::nested::start_execution(run, cx, pattern, parameters).await
        }
        _ => Err(cx.runtime(format!(
            "statewright has no local integration for '{service}:{action}'; answer it with \
             ExecutorBuilder::mock(\"arn:aws:states:::{service}:{action}\", ...)"
        ))),
    };
    let (Some(token), Some(receiver)) = (token, waiting) else {
        return submitted;
    };
    let submitted = match submitted {
        Ok(value) => value,
        Err(failure) => {
            run.shared.tokens.close(&token);
            return Err(failure);
        }
    };
    run.shared.tokens.submitted(&token);
    let resource_type = service.to_string();
    run.history.record(thread, "TaskSubmitted", || {
        json!({"output": submitted, "outputDetails": {"truncated": false},
                   "resource": format!("{action}.waitForTaskToken"), "resourceType": resource_type})
    });
    wait_for_token(run, &token, receiver, limits).await
}

/// Sends a message to an in-memory queue or topic and calls its subscribers.
fn send(
    run: &Run,
    destination_key: &str,
    body_key: &str,
    parameters: Value,
    event: impl Fn(&Value) -> Value,
) -> Result<Value, Failure> {
    let destination = parameters
        .get(destination_key)
        .and_then(Value::as_str)
        .ok_or_else(|| {
            Failure::new(
                "States.Runtime",
                format!("The task needs the parameter {destination_key}."),
            )
        })?
        .to_string();
    let body = parameters.get(body_key).cloned().unwrap_or(Value::Null);
    let message_id = run.uuid();
    let request_id = run.uuid();
    let subscribers = run.shared.services.deliver(
        &destination,
        Message {
            message_id: message_id.clone(),
            body: body.to_serde(),
            request: parameters.to_serde(),
        },
    );
    notify(subscribers, event(&body).to_serde());
    let text = match &body {
        Value::String(s) => s.to_string(),
        other => other.to_string(),
    };
    let mut response = json!({
        "MessageId": message_id,
        "SdkHttpMetadata": {"HttpStatusCode": 200},
        "SdkResponseMetadata": {"RequestId": request_id},
    });
    if body_key == "MessageBody" {
        response["MD5OfMessageBody"] = crate::intrinsics::hash_hex(&text, "MD5").into();
    }
    Ok(response)
}
