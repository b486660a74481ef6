//! The Task state (JSONPath): input processing, retries, the call, timeouts, and the result.

use crate::value::{Map, Value, json};

use super::history::{self, Member, Thread};
use super::io::ResultFields;
use super::mock_config::MockOutcome;
use super::resources::Resource;
use super::run::Run;
use super::state::{StateCx, Step};
use super::variables::Variables;
use super::{Failure, PAYLOAD_LIMIT};
use crate::asl::{QueryLanguage, TaskState};

/// How a Task waits for the service it calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pattern {
    RequestResponse,
    Sync,
    Sync2,
    WaitForTaskToken,
}

/// What a Task `Resource` names.
#[derive(Clone, Debug)]
pub(crate) enum Target {
    /// `arn:aws:lambda:...:function:NAME`: the function's output is the result.
    LambdaArn(String),
    /// `arn:aws:states:::SERVICE:ACTION[.pattern]`.
    Service {
        service: String,
        action: String,
        pattern: Pattern,
    },
    /// Anything else (activities, other ARNs): answered by a mock only.
    Other(String),
}

impl Target {
    /// Whether a resource is a service integration with `.waitForTaskToken`; the suffix is
    /// checked first, so the other tasks are not parsed for it.
    pub(crate) fn waits_for_token(resource: &str) -> bool {
        resource.ends_with(".waitForTaskToken")
            && matches!(
                Target::parse(resource),
                Target::Service {
                    pattern: Pattern::WaitForTaskToken,
                    ..
                }
            )
    }

    pub(crate) fn parse(resource: &str) -> Target {
        let (parts, count) = super::arn::split_colons::<6>(resource);
        match &parts[..count] {
            ["arn", _, "lambda", _, _, rest] if rest.starts_with("function:") => {
                Target::LambdaArn(resource.to_string())
            }
            ["arn", _, "states", "", "", rest] => {
                let (service, action) = rest.split_once(':').unwrap_or((rest, ""));
                let (action, pattern) = match action.split_once('.') {
                    Some((action, "sync")) => (action, Pattern::Sync),
                    Some((action, "sync:2")) => (action, Pattern::Sync2),
                    Some((action, "waitForTaskToken")) => (action, Pattern::WaitForTaskToken),
                    _ => (action, Pattern::RequestResponse),
                };
                Target::Service {
                    service: service.to_string(),
                    action: action.to_string(),
                    pattern,
                }
            }
            _ => Target::Other(resource.to_string()),
        }
    }
}

/// Time limits of one task, in seconds.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Limits {
    pub(crate) timeout: Option<u64>,
    pub(crate) heartbeat: Option<u64>,
}

/// Runs a JSONPath Task state.
#[allow(clippy::too_many_arguments)] // one state's coordinates, passed through as they are
pub(crate) async fn task_state<'s>(
    run: &Run,
    name: &str,
    entered: u64,
    plan: &super::plans::StatePlan,
    task: &'s TaskState,
    input: Value,
    variables: &mut Variables,
    thread: &mut Thread,
) -> Result<Step<'s>, Failure> {
    super::recovery::with_recovery!(
        run,
        name,
        entered,
        plan,
        QueryLanguage::JsonPath,
        None::<&str>,
        task.retry,
        task.catch,
        Value::clone(&input),
        variables,
        thread,
        |retries| {
            let cx = StateCx::new(run, name, entered, variables);
            let cx = cx.with(Some(retries), None, None);
            attempt(run, &cx, plan, task, &input, thread)
                .await
                .map(|(output, assigned)| (output, assigned, task.next.as_deref()))
        }
    )
}

/// One attempt: parameters, the call, and the result's processing.
async fn attempt(
    run: &Run,
    cx: &StateCx<'_>,
    plan: &super::plans::StatePlan,
    task: &TaskState,
    input: &Value,
    thread: &mut Thread,
) -> Result<(Value, Option<Map>), Failure> {
    // A callback task's token exists before its parameters: they pass it on ($$.Task.Token).
    let token = Target::waits_for_token(&task.resource).then(|| run.uuid());
    let cx = &cx.with(cx.retry_count, token.as_deref(), None);
    // The input is copied only when it is itself the parameters.
    let effective = cx.input_path(&task.input_path, input)?;
    let parameters = match &task.parameters {
        Some(template) => cx.parameters(plan, template, &effective)?,
        None => effective.into_owned(),
    };
    let limits = Limits {
        timeout: cx.count(
            &task.timeout_seconds,
            &task.timeout_seconds_path,
            "TimeoutSecondsPath",
            input,
            1,
        )?,
        heartbeat: cx.count(
            &task.heartbeat_seconds,
            &task.heartbeat_seconds_path,
            "HeartbeatSecondsPath",
            input,
            1,
        )?,
    };
    let result = perform(run, cx, &task.resource, parameters, limits, thread).await?;
    let fields = ResultFields {
        result_selector: task.result_selector.as_ref(),
        assign: task.assign.as_ref(),
        result_path: &task.result_path,
        parsed_result_path: plan.result_path.as_deref(),
        output_path: &task.output_path,
    };
    cx.process_result(fields, input, result)
}

/// Calls the resource with the task's time limits, recording the task events.
pub(crate) async fn perform(
    run: &Run,
    cx: &StateCx<'_>,
    resource: &str,
    parameters: Value,
    limits: Limits,
    thread: &mut Thread,
) -> Result<Value, Failure> {
    // The machines' own resources were read when the executor was built.
    let read;
    let found = match run.shared.resources.get(resource) {
        Some(found) => found,
        None => {
            let options = &run.shared.options;
            read = Resource::resolve(
                resource,
                &run.shared.functions,
                &options.region,
                &options.account,
            );
            &read
        }
    };
    if let Some(responses) = run.shared.state_mocks.get(cx.name) {
        let (resource_type, short) = labels(&found.target, resource);
        scheduled(run, thread, &resource_type, &short, &parameters, limits);
        let call = run.next_mock_call(cx.name);
        let result = match responses.outcome(call) {
            Some(MockOutcome::Return(value)) => Ok(Value::from(value)),
            Some(MockOutcome::Throw(failure)) => Err(failure.clone()),
            None => Err(cx.runtime(format!(
                "the mocked responses of the state '{}' have no entry for invocation {call}",
                cx.name
            ))),
        };
        return finished(run, thread, &resource_type, &short, result, resource);
    }
    if let Some(mock) = run.shared.mocks.find(resource) {
        let (resource_type, short) = labels(&found.target, resource);
        scheduled(run, thread, &resource_type, &short, &parameters, limits);
        let result = mock
            .call(resource, parameters.to_serde())
            .await
            .map(Value::from);
        return finished(run, thread, &resource_type, &short, result, resource);
    }
    match &found.target {
        Target::LambdaArn(arn) => {
            let function = found.function.as_ref();
            super::invoke::lambda_arn(run, cx, arn, function, parameters, limits, thread).await
        }
        Target::Service {
            service,
            action,
            pattern,
        } => {
            let (resource_type, short) = service_labels(service, action, *pattern);
            scheduled(run, thread, &resource_type, &short, &parameters, limits);
            run.history.record(
                thread,
                "TaskStarted",
                || json!({"resource": short, "resourceType": resource_type}),
            );
            // Boxed: held inline, this call's future (with its timeout) would be most of the
            // size of every Task state's future, Lambda invocations included, and be copied
            // whole each time one is made.
            let call = Box::pin(super::service::call(
                run, cx, service, action, *pattern, parameters, limits, thread,
            ));
            let result = match limits.timeout {
                Some(timeout) => {
                    match tokio::time::timeout(std::time::Duration::from_secs(timeout), call).await
                    {
                        Ok(result) => result,
                        Err(_) => Err(Failure::new("States.Timeout", "")),
                    }
                }
                None => call.await,
            };
            let label = if service == "lambda" {
                "lambda".to_string()
            } else {
                resource.to_string()
            };
            finished(run, thread, &resource_type, &short, result, &label)
        }
        Target::Other(resource) => Err(cx.runtime(format!(
            "statewright has no local integration for the resource '{resource}'; answer it \
             with ExecutorBuilder::mock(\"{resource}\", ...)"
        ))),
    }
}

/// `resourceType` and `resource` of the task events (`lambda`, `invoke.waitForTaskToken`).
fn labels(target: &Target, resource: &str) -> (String, String) {
    match target {
        Target::Service {
            service,
            action,
            pattern,
        } => service_labels(service, action, *pattern),
        _ => ("resource".to_string(), resource.to_string()),
    }
}

/// `resourceType` and `resource` of a service integration's events.
fn service_labels(service: &str, action: &str, pattern: Pattern) -> (String, String) {
    let suffix = match pattern {
        Pattern::RequestResponse => "",
        Pattern::Sync => ".sync",
        Pattern::Sync2 => ".sync:2",
        Pattern::WaitForTaskToken => ".waitForTaskToken",
    };
    (service.to_string(), format!("{action}{suffix}"))
}

fn scheduled(
    run: &Run,
    thread: &mut Thread,
    resource_type: &str,
    resource: &str,
    parameters: &Value,
    limits: Limits,
) {
    run.history.record(thread, "TaskScheduled", || {
        let mut members = vec![
            ("parameters", Member::from(parameters.clone())),
            ("region", run.shared.options.region.as_str().into()),
            ("resource", resource.into()),
            ("resourceType", resource_type.into()),
        ];
        if let Some(timeout) = limits.timeout {
            members.push(("timeoutInSeconds", timeout.into()));
        }
        if let Some(heartbeat) = limits.heartbeat {
            members.push(("heartbeatInSeconds", heartbeat.into()));
        }
        history::members(members)
    });
}

/// Records how the task ended and enforces the payload limit.
fn finished(
    run: &Run,
    thread: &mut Thread,
    resource_type: &str,
    resource: &str,
    result: Result<Value, Failure>,
    limit_label: &str,
) -> Result<Value, Failure> {
    let result = result.and_then(|value| check_size(value, limit_label));
    match &result {
        Ok(output) => run.history.record(thread, "TaskSucceeded", || {
            history::members(vec![
                ("output", output.clone().into()),
                ("outputDetails", Member::NotTruncated),
                ("resource", resource.into()),
                ("resourceType", resource_type.into()),
            ])
        }),
        Err(failure) if failure.error == "States.Timeout" => {
            run.history.record(thread, "TaskTimedOut", || {
                let mut details = history::failed(failure);
                details["resource"] = resource.into();
                details["resourceType"] = resource_type.into();
                details
            })
        }
        Err(failure) => run.history.record(thread, "TaskFailed", || {
            let mut details = history::failed(failure);
            details["resource"] = resource.into();
            details["resourceType"] = resource_type.into();
            details
        }),
    };
    result
}

/// Fails with `States.DataLimitExceeded` when a result is larger than 256 KiB.
pub(crate) fn check_size(value: Value, label: &str) -> Result<Value, Failure> {
    // Counted, not written: writing the result out would copy it.
    let size = value.json_len();
    if size > PAYLOAD_LIMIT {
        return Err(Failure::new(
            "States.DataLimitExceeded",
            format!(
                "The state/task '{label}' returned a result with a size exceeding the maximum \
                 number of bytes service limit."
            ),
        ));
    }
    Ok(value)
}
