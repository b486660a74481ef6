//! Local runs of a typed workflow: its definition with local ARNs, every handler wired, typed
//! input and output, and the execution history for assertions.

use std::fmt;
use std::marker::PhantomData;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::asl::StateMachine;
use crate::exec::{Execution, Executor, ExecutorBuilder, Status};

use super::task::LocalNaming;
use super::workflow::Workflow;

/// A workflow ready to run in-process. Build one with [`Workflow::local`].
pub struct Local<W: Workflow> {
    configure: Vec<Box<dyn FnOnce(ExecutorBuilder) -> ExecutorBuilder>>,
    _workflow: PhantomData<W>,
}

/// A finished local run: the typed output and the execution (status, history, dates).
#[derive(Debug)]
pub struct Run<O> {
    /// The execution's output, deserialized.
    pub output: O,
    /// The whole execution, with its AWS-shaped history.
    pub execution: Execution,
}

/// Why a local run did not give a typed output.
#[derive(Debug)]
pub enum RunError {
    /// The input did not serialize to JSON.
    Input(serde_json::Error),
    /// The execution failed, timed out or was aborted: its error and cause, and the execution.
    Failed(Box<Execution>),
    /// The execution succeeded but its output does not deserialize into the output type.
    Output {
        /// serde's message.
        error: serde_json::Error,
        /// The execution, whose `output` holds the JSON.
        execution: Box<Execution>,
    },
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::Input(error) => write!(f, "the input does not serialize to JSON: {error}"),
            RunError::Failed(execution) => write!(
                f,
                "the execution ended {}: {}: {}",
                execution.status.as_str(),
                execution.error.as_deref().unwrap_or(""),
                execution.cause.as_deref().unwrap_or("")
            ),
            RunError::Output { error, execution } => write!(
                f,
                "the output {} does not fit the workflow's output type: {error}",
                execution.output.clone().unwrap_or_default()
            ),
        }
    }
}

impl std::error::Error for RunError {}

impl<W: Workflow> Default for Local<W> {
    fn default() -> Self {
        Self::new()
    }
}

impl<W: Workflow> Local<W> {
    /// A local run with default executor options.
    pub fn new() -> Self {
        Local {
            configure: Vec::new(),
            _workflow: PhantomData,
        }
    }

    /// Adjusts the executor before it is built: mocks, time mode, history, seed.
    pub fn configure(
        mut self,
        configure: impl FnOnce(ExecutorBuilder) -> ExecutorBuilder + 'static,
    ) -> Self {
        self.configure.push(Box::new(configure));
        self
    }

    /// The definition a local run executes: placeholders resolved to local ARNs.
    pub fn definition() -> StateMachine {
        resolve_local(W::definition())
    }

    /// Builds the executor, for callbacks (`send_task_success`), SQS subscriptions and
    /// concurrent executions.
    pub fn executor(self) -> Executor {
        let naming = LocalNaming::default();
        let name = std::any::type_name::<W>()
            .rsplit("::")
            .next()
            .unwrap_or("Workflow");
        let mut builder = W::register(Executor::builder(Self::definition()), &naming).name(name);
        for configure in self.configure {
            builder = configure(builder);
        }
        builder.build()
    }

    /// Runs the workflow on `input` and returns its typed output.
    pub async fn run(self, input: W::Input) -> Result<Run<W::Output>, RunError>
    where
        W::Input: Serialize,
        W::Output: DeserializeOwned,
    {
        let input = serde_json::to_value(input).map_err(RunError::Input)?;
        let execution = self.executor().run(input).await;
        typed_output(execution)
    }

    /// Runs the workflow on the calling thread and returns its typed output.
    pub fn run_blocking(self, input: W::Input) -> Result<Run<W::Output>, RunError>
    where
        W::Input: Serialize,
        W::Output: DeserializeOwned,
    {
        let input = serde_json::to_value(input).map_err(RunError::Input)?;
        let execution = self.executor().run_blocking(input);
        typed_output(execution)
    }
}

/// The typed output of a finished execution.
pub fn typed_output<O: DeserializeOwned>(execution: Execution) -> Result<Run<O>, RunError> {
    if execution.status != Status::Succeeded {
        return Err(RunError::Failed(Box::new(execution)));
    }
    let output = execution.output.as_ref().map(|o| o.to_serde());
    match serde_json::from_value(output.unwrap_or(Value::Null)) {
        Ok(output) => Ok(Run { output, execution }),
        Err(error) => Err(RunError::Output {
            error,
            execution: Box::new(execution),
        }),
    }
}

/// Replaces the `${Name...}` placeholders of an emitted definition with local ARNs.
fn resolve_local(machine: StateMachine) -> StateMachine {
    // The DSL writes only placeholders whose suffix the naming rules know.
    LocalNaming::default()
        .naming
        .resolve(&machine)
        .unwrap_or(machine)
}
