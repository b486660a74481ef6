//! The local executor: runs any ASL state machine in-process, as AWS Step Functions would.
//!
//! [`Executor`] holds a state machine, the Lambda handlers and mocks its tasks call, and the
//! in-memory SQS queues and SNS topics they send to. Each execution runs on its own
//! single-threaded runtime, in virtual time by default, and yields an [`Execution`]: status,
//! output or error and cause, and the history in the shape of `GetExecutionHistory`.
//!
//! ```
//! use serde_json::json;
//! use statewright_core::exec::{Executor, Status};
//! use statewright_core::validate::{load, Options};
//!
//! let machine = load(r#"{"StartAt": "Hello", "States": {"Hello": {
//!     "Type": "Pass", "Parameters": {"greeting.$": "States.Format('Hello, {}!', $.name)"},
//!     "End": true}}}"#, &Options::default()).unwrap();
//! let execution = Executor::builder(machine).build().run_blocking(json!({"name": "Ada"}));
//! assert_eq!(execution.status, Status::Succeeded);
//! assert_eq!(execution.output_json(), Some(json!({"greeting": "Hello, Ada!"})));
//! ```

mod arn;
mod batch;
mod callback;
mod choice;
mod clock;
mod context;
mod events;
mod executor;
mod failure;
mod field;
mod history;
mod ids;
mod invoke;
mod io;
mod item_reader;
mod jsonata;
mod lambda;
#[cfg(feature = "lambda")]
mod lambda_runtime;
mod literals;
mod map;
mod mock;
mod mock_config;
mod nested;
mod parallel;
mod paths;
mod plans;
mod recovery;
mod resources;
mod result_writer;
mod run;
mod scopes;
mod service;
mod services;
mod state;
mod state_name;
mod task;
mod templates;
mod tokens;
mod variables;
mod wait;
mod workers;

pub use clock::TimeMode;
pub use events::Events;
pub use executor::{
    Execution, Executor, ExecutorBuilder, ExecutorOptions, PAYLOAD_LIMIT, RunningExecution, Status,
    TokenError,
};
pub use failure::Failure;
pub use history::{Details, HistoryEvent};
pub use lambda::{Handler, HandlerFuture, InvokeContext, LambdaError, typed};
#[cfg(feature = "lambda")]
pub use lambda_runtime::lambda_fn;
pub use mock::{Mock, MockFuture};
pub use mock_config::{MockConfigError, MockOutcome, MockedResponse, load_mock_config};
pub use services::{Message, Services};
