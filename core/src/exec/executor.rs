//! The executor: a state machine, its Lambda handlers and services, and how it runs.

use std::collections::HashMap;
use std::sync::Arc;

use crate::value::Value;
use chrono::{DateTime, Utc};
use tokio::sync::oneshot;

use super::Events;
use super::clock::{TimeMode, format_timestamp};
use super::context::ExecutionInfo;
use super::history::Thread;
use super::ids::MachineArns;
use super::lambda::{Functions, Handler};
use super::mock::{Mock, Mocks};
use super::mock_config::{MockConfigError, MockedResponse, load_mock_config};
use super::run::Run;
use super::scopes::FromScopes;
use super::services::Services;
use super::state::run_scope;
use super::tokens::Tokens;
use super::variables::Variables;
use super::{Failure, history};
use crate::asl::StateMachine;
use crate::validate::{LoadError, Options as ValidateOptions, load};

/// The largest input or output of a state or an execution: 256 KiB.
pub const PAYLOAD_LIMIT: usize = 256 * 1024;

/// How executions run.
#[derive(Clone, Debug)]
pub struct ExecutorOptions {
    /// Virtual (default) or real time.
    pub time: TimeMode,
    /// The seed of jitter, `States.UUID`, `States.MathRandom`, names and tokens.
    pub seed: u64,
    /// Whether events are recorded (on by default; off is faster).
    pub record_history: bool,
    /// The region in ARNs.
    pub region: String,
    /// The account in ARNs.
    pub account: String,
    /// The execution role (`$$.Execution.RoleArn`).
    pub role_arn: String,
    /// The wall-clock time executions start at; the real time when `None`.
    pub start_time: Option<DateTime<Utc>>,
    /// AWS fails an execution whose history reaches 25,000 events (so an inline Map over
    /// many items fails there); `None` lifts the limit for local load runs.
    pub history_limit: Option<u64>,
}

impl Default for ExecutorOptions {
    fn default() -> Self {
        ExecutorOptions {
            time: TimeMode::Virtual,
            seed: 0,
            record_history: true,
            region: "us-east-1".into(),
            account: "111111111111".into(),
            role_arn: "arn:aws:iam::111111111111:role/statewright-local".into(),
            start_time: None,
            history_limit: Some(super::history::MAX_EVENTS),
        }
    }
}

/// What executions of one executor share.
pub(crate) struct Shared {
    /// The machine's name and ARN, and its executions' ARN prefix.
    pub(crate) arns: MachineArns,
    /// `options.role_arn`, shared by every execution's context and history.
    pub(crate) role_arn: Arc<str>,
    pub(crate) machine: Arc<StateMachine>,
    pub(crate) functions: Functions,
    pub(crate) mocks: Mocks,
    /// Mocked responses by state name.
    pub(crate) state_mocks: HashMap<String, MockedResponse>,
    pub(crate) machines: HashMap<String, Arc<StateMachine>>,
    pub(crate) services: Arc<Services>,
    pub(crate) tokens: Arc<Tokens>,
    pub(crate) options: ExecutorOptions,
    /// The run loop's plan of every scope of `machine` and `machines`.
    pub(crate) plans: super::plans::Plans,
    /// The payload templates of `machine` and `machines`, compiled.
    pub(crate) templates: super::templates::Templates,
    /// The JSON literals of `machine` and `machines`, converted to shared values.
    pub(crate) literals: super::literals::Literals,
    /// The JSONPaths of `machine` and `machines`, parsed.
    pub(crate) paths: super::paths::Paths,
    /// The Task resources of `machine` and `machines`, read and their handlers found.
    pub(crate) resources: super::resources::Resources,
    counter: std::sync::atomic::AtomicU64,
}

/// Builds an [`Executor`].
pub struct ExecutorBuilder {
    name: String,
    machine: StateMachine,
    functions: Functions,
    mocks: Mocks,
    state_mocks: HashMap<String, MockedResponse>,
    machines: HashMap<String, Arc<StateMachine>>,
    options: ExecutorOptions,
}

impl ExecutorBuilder {
    /// Registers a Lambda function by name (`MyFunction`), qualified name (`MyFunction:prod`)
    /// or ARN; a plain name answers every version and alias.
    pub fn lambda(mut self, name: &str, handler: impl Handler) -> Self {
        self.functions.insert(name, Arc::new(handler));
        self
    }

    /// Answers a Task resource (any ARN, e.g. `arn:aws:states:::dynamodb:putItem`) with a mock.
    pub fn mock(mut self, resource: &str, mock: impl Mock) -> Self {
        self.mocks.insert(resource, Arc::new(mock));
        self
    }

    /// Answers the Task state `state` with a sequence of returns and throws (by invocation
    /// number, retries included), whatever its resource.
    pub fn mock_state(mut self, state: &str, responses: MockedResponse) -> Self {
        self.state_mocks.insert(state.to_string(), responses);
        self
    }

    /// Mocks the states of one test case of an AWS Step Functions Local `MockConfigFile`.
    pub fn mock_config(
        mut self,
        text: &str,
        machine: &str,
        test_case: &str,
    ) -> Result<Self, MockConfigError> {
        self.state_mocks
            .extend(load_mock_config(text, machine, test_case)?);
        Ok(self)
    }

    /// Registers a state machine that `states:startExecution` tasks can start, by name or ARN.
    pub fn state_machine(mut self, name: &str, machine: StateMachine) -> Self {
        self.machines.insert(name.to_string(), Arc::new(machine));
        self
    }

    /// The state machine's name (in ARNs and `$$.StateMachine.Name`).
    pub fn name(mut self, name: &str) -> Self {
        self.name = name.to_string();
        self
    }

    /// Virtual (default) or real time.
    pub fn time(mut self, time: TimeMode) -> Self {
        self.options.time = time;
        self
    }

    /// The seed of everything random in an execution.
    pub fn seed(mut self, seed: u64) -> Self {
        self.options.seed = seed;
        self
    }

    /// Turns history recording on (the default) or off.
    pub fn record_history(mut self, record: bool) -> Self {
        self.options.record_history = record;
        self
    }

    /// The history limit (AWS: 25,000 events); `None` lifts it for local load runs.
    pub fn history_limit(mut self, limit: Option<u64>) -> Self {
        self.options.history_limit = limit;
        self
    }

    /// Sets every option at once.
    pub fn options(mut self, options: ExecutorOptions) -> Self {
        self.options = options;
        self
    }

    /// The executor.
    pub fn build(self) -> Executor {
        let services = Arc::new(Services::default());
        // Compiled from the machines where they will stay (behind their `Arc`s): a template
        // is found by its address.
        let machine = Arc::new(self.machine);
        let templates = super::templates::Templates::of(
            std::iter::once(&*machine).chain(self.machines.values().map(|m| &**m)),
        );
        let literals = super::literals::Literals::of(
            std::iter::once(&*machine).chain(self.machines.values().map(|m| &**m)),
        );
        let paths = super::paths::Paths::of(
            std::iter::once(&*machine).chain(self.machines.values().map(|m| &**m)),
        );
        let plans = super::plans::Plans::new(
            std::iter::once(&*machine).chain(self.machines.values().map(|m| &**m)),
            super::plans::Compiles {
                templates: &templates,
                paths: &paths,
            },
        );
        let resources = super::resources::Resources::of(
            std::iter::once(&*machine).chain(self.machines.values().map(|m| &**m)),
            &self.functions,
            &self.options.region,
            &self.options.account,
        );
        Executor {
            shared: Arc::new(Shared {
                arns: MachineArns::new(&self.options.region, &self.options.account, &self.name),
                role_arn: Arc::from(self.options.role_arn.as_str()),
                machine,
                functions: self.functions,
                mocks: self.mocks,
                state_mocks: self.state_mocks,
                machines: self.machines,
                services,
                tokens: Arc::new(Tokens::default()),
                options: self.options,
                plans,
                templates,
                literals,
                paths,
                resources,
                counter: Default::default(),
            }),
        }
    }
}

/// Runs a state machine in-process. Cheap to clone; executions may run concurrently.
#[derive(Clone)]
pub struct Executor {
    pub(crate) shared: Arc<Shared>,
}

/// How an execution ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// It reached a Succeed state or an `End`.
    Succeeded,
    /// A failure was not caught.
    Failed,
    /// The state machine's `TimeoutSeconds` passed.
    TimedOut,
}

impl Status {
    /// The status as AWS spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Succeeded => "SUCCEEDED",
            Status::Failed => "FAILED",
            Status::TimedOut => "TIMED_OUT",
        }
    }
}

/// A finished execution: its status, output or error, and history.
#[derive(Clone, Debug)]
pub struct Execution {
    /// The execution's ARN.
    pub arn: String,
    /// How it ended.
    pub status: Status,
    /// The output, when it succeeded.
    pub output: Option<Value>,
    /// The error, when it failed (absent when the failure named none).
    pub error: Option<String>,
    /// The cause, when it failed with one.
    pub cause: Option<String>,
    /// The events, as `GetExecutionHistory` returns them (empty when recording is off).
    pub history: Events,
    /// When it started (ISO 8601, on the execution's clock).
    pub start_date: String,
    /// When it ended (ISO 8601, on the execution's clock: virtual time included).
    pub stop_date: String,
}

impl Execution {
    /// The output as serde_json's value (a copy), `None` when the execution has none.
    pub fn output_json(&self) -> Option<serde_json::Value> {
        self.output.as_ref().map(Value::to_serde)
    }

    /// The output read as a typed value (`null` when the execution has none).
    pub fn output_as<T: serde::de::DeserializeOwned>(&self) -> serde_json::Result<T> {
        serde_json::from_value(self.output_json().unwrap_or_default())
    }
}

impl Executor {
    /// An executor for a state machine.
    pub fn builder(machine: StateMachine) -> ExecutorBuilder {
        ExecutorBuilder {
            name: "StateMachine".into(),
            machine,
            functions: Functions::default(),
            mocks: Mocks::default(),
            state_mocks: HashMap::new(),
            machines: HashMap::new(),
            options: ExecutorOptions::default(),
        }
    }

    /// An executor for a definition given as JSON text, validated as AWS would.
    pub fn from_json(text: &str) -> Result<ExecutorBuilder, LoadError> {
        Ok(Executor::builder(load(text, &ValidateOptions::default())?))
    }

    /// Starts an execution in the background; the handle lists task tokens and waits.
    ///
    /// The input is a [`Value`] or a `serde_json::Value`; a [`Value`] is shared, not copied,
    /// so one input can start many executions at no cost.
    pub fn start(&self, input: impl Into<Value>) -> RunningExecution {
        let input = input.into();
        let (sender, receiver) = oneshot::channel();
        let shared = Arc::clone(&self.shared);
        let machine = Arc::clone(&shared.machine);
        let number = shared
            .counter
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let time = shared.options.time;
        let started = super::workers::run(
            time,
            Box::new(move |runtime: &tokio::runtime::Runtime| {
                let execution = super::workers::run_to_end(runtime, || {
                    execute(shared, machine, input, number, None)
                });
                let _ = sender.send(execution);
            }),
        );
        if let Err(error) = started {
            let (sender, receiver) = oneshot::channel();
            let _ = sender.send(failed_to_start(error));
            return RunningExecution {
                receiver,
                tokens: Arc::clone(&self.shared.tokens),
            };
        }
        RunningExecution {
            receiver,
            tokens: Arc::clone(&self.shared.tokens),
        }
    }

    /// Runs an execution to its end.
    pub async fn run(&self, input: impl Into<Value>) -> Execution {
        self.start(input).finish().await
    }

    /// Runs an execution to its end, blocking the calling thread (not from async code).
    ///
    /// Outside async code the execution runs on the calling thread, on a runtime kept for the
    /// thread's next executions; inside a runtime it runs on a worker thread instead.
    pub fn run_blocking(&self, input: impl Into<Value>) -> Execution {
        let input = input.into();
        if tokio::runtime::Handle::try_current().is_ok() {
            return self.start(input).finish_blocking();
        }
        let shared = Arc::clone(&self.shared);
        let machine = Arc::clone(&shared.machine);
        let number = shared
            .counter
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let time = shared.options.time;
        let ran = super::workers::on_this_thread(time, |runtime| {
            super::workers::run_to_end(runtime, || execute(shared, machine, input, number, None))
        });
        ran.unwrap_or_else(failed_to_start)
    }

    /// Completes a waiting task successfully (`SendTaskSuccess`).
    pub fn send_task_success(
        &self,
        token: &str,
        output: impl Into<Value>,
    ) -> Result<(), TokenError> {
        self.shared.tokens.complete(token, Ok(output.into()))
    }

    /// Fails a waiting task (`SendTaskFailure`).
    pub fn send_task_failure(
        &self,
        token: &str,
        error: &str,
        cause: &str,
    ) -> Result<(), TokenError> {
        self.shared
            .tokens
            .complete(token, Err(Failure::new(error, cause)))
    }

    /// Records a heartbeat of a waiting task (`SendTaskHeartbeat`).
    pub fn send_task_heartbeat(&self, token: &str) -> Result<(), TokenError> {
        self.shared.tokens.heartbeat(token)
    }

    /// Lets `step` of virtual time pass for the tasks waiting for a callback, which hold the
    /// clock while they wait; their heartbeat and time limits fire if it passes them.
    pub fn advance_time(&self, step: std::time::Duration) {
        self.shared.tokens.advance(step);
    }

    /// The in-memory SQS queues and SNS topics tasks send to.
    pub fn services(&self) -> Arc<Services> {
        Arc::clone(&self.shared.services)
    }
}

pub use super::tokens::TokenError;

/// An execution running in the background.
pub struct RunningExecution {
    receiver: oneshot::Receiver<Execution>,
    tokens: Arc<Tokens>,
}

impl RunningExecution {
    /// The tokens of tasks waiting for a callback, oldest first.
    pub fn waiting_tokens(&self) -> Vec<String> {
        self.tokens.waiting()
    }

    /// Waits until some task waits for a callback, and gives its token.
    pub async fn next_token(&self) -> Option<String> {
        self.tokens.next_waiting().await
    }

    /// Waits for the execution to end.
    pub async fn finish(self) -> Execution {
        self.receiver
            .await
            .unwrap_or_else(|_| failed_to_start("the execution thread stopped".into()))
    }

    /// Waits for the execution to end, blocking the calling thread.
    pub fn finish_blocking(self) -> Execution {
        self.receiver
            .blocking_recv()
            .unwrap_or_else(|_| failed_to_start("the execution thread stopped".into()))
    }
}

fn failed_to_start(cause: String) -> Execution {
    Execution {
        arn: String::new(),
        status: Status::Failed,
        output: None,
        error: Some("States.Runtime".into()),
        cause: Some(cause),
        history: Events::default(),
        start_date: String::new(),
        stop_date: String::new(),
    }
}

/// Runs one execution on the current runtime (also used by nested `startExecution`).
pub(crate) async fn execute(
    shared: Arc<Shared>,
    machine: Arc<StateMachine>,
    input: Value,
    number: u64,
    name: Option<(String, String)>,
) -> Execution {
    let options = &shared.options;
    // A nested execution's machine has ARNs of its own, written for it.
    let nested;
    let generated;
    let (arns, execution_name) = match &name {
        Some((machine_name, execution_name)) => {
            nested = MachineArns::new(&options.region, &options.account, machine_name);
            (&nested, execution_name.as_str())
        }
        None => {
            generated = super::ids::ExecutionName::new(options.seed, number);
            (&shared.arns, generated.as_str())
        }
    };
    let start = options.start_time.unwrap_or_else(Utc::now);
    let execution_arn = arns.execution_arn(execution_name);
    let info = ExecutionInfo {
        name_at: execution_arn.len() - execution_name.len(),
        execution_arn,
        input: input.clone(),
        start_time: format_timestamp(start),
        role_arn: Arc::clone(&shared.role_arn),
        machine_arn: Arc::clone(&arns.arn),
        machine_name: Arc::clone(&arns.name),
    };
    let mut run = Run::new(
        Arc::clone(&shared),
        Arc::clone(&machine),
        info,
        start,
        options.seed.wrapping_add(number),
    );
    let mut thread = Thread::main(&run.history);
    run.history.record(&mut thread, "ExecutionStarted", || {
        history::execution_started(&input, &run.info.role_arn)
    });
    // The first state's event follows none, as AWS records it.
    thread.last = 0;
    let size = input.json_len();
    let outcome = if size > PAYLOAD_LIMIT {
        Err(Failure::new(
            "States.DataLimitExceeded",
            format!(
                "The input of the execution has {size} bytes, more than the limit of \
                 {PAYLOAD_LIMIT} bytes."
            ),
        ))
    } else {
        let mut variables = Variables::default();
        let body = run_scope(
            &run,
            &machine.states,
            &machine.start_at,
            input,
            &mut variables,
            &mut thread,
        );
        match machine.timeout_seconds {
            Some(seconds) => {
                match tokio::time::timeout(std::time::Duration::from_secs(seconds), body).await {
                    Ok(outcome) => outcome,
                    Err(_) => {
                        run.history
                            .record(&mut thread, "ExecutionTimedOut", || serde_json::json!({}));
                        let error = Some("States.Timeout".into());
                        return finished(
                            &mut run,
                            &mut thread,
                            Status::TimedOut,
                            None,
                            error,
                            None,
                        );
                    }
                }
            }
            None => body.await,
        }
    };
    match outcome {
        Ok(output) => {
            run.history.record(&mut thread, "ExecutionSucceeded", || {
                history::execution_succeeded(&output)
            });
            finished(
                &mut run,
                &mut thread,
                Status::Succeeded,
                Some(output),
                None,
                None,
            )
        }
        Err(failure) => {
            run.history
                .record(&mut thread, "ExecutionFailed", || history::failed(&failure));
            let error = (!failure.error.is_empty()).then_some(failure.error);
            finished(
                &mut run,
                &mut thread,
                Status::Failed,
                None,
                error,
                failure.cause,
            )
        }
    }
}

/// The execution as it ended: its ARN, start time and history (the main thread's events
/// last handed over) move out of the run, which ends here.
fn finished(
    run: &mut Run,
    main: &mut Thread,
    status: Status,
    output: Option<Value>,
    error: Option<String>,
    cause: Option<String>,
) -> Execution {
    let stop_date = run.clock.timestamp_since(&run.info.start_time);
    Execution {
        arn: std::mem::take(&mut run.info.execution_arn),
        status,
        output,
        error,
        cause,
        history: run.history.take(main),
        start_date: std::mem::take(&mut run.info.start_time),
        stop_date,
    }
}
