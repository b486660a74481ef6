//! The typed DSL: workflows as Rust types (`#[derive(Workflow)]`), payload types with typed
//! field paths (`#[derive(Payload)]`), Lambda handlers as typed tasks
//! (`#[statewright::lambda]`), and the state and service types a workflow's fields use.

mod local;
mod payload;
mod relations;
mod services;
mod states;
mod task;
mod workflow;

pub use local::{Local, Run, RunError, typed_output};
pub use payload::{Field, Payload, render_path};
pub use relations::{
    Accepts, Comparable, ComparableField, DeclaredOutput, FieldAccepts, Fits, Holds, ItemInput,
    Items, Matchable, Ordered, TaskToken, Unmatched, WorkflowOutput,
};
pub use services::{
    AwsSdk, DynamoGetItem, DynamoPutItem, ExecutionResult, PublishResult, SdkCall,
    SendMessageResult, SnsPublish, SqsSendMessage, StartExecution,
};
pub use states::{Choice, Fail, Map, Parallel, Pass, Passthrough, Raw, Succeed, Timestamp, Wait};
pub use task::{
    Callback, LambdaFunction, LocalNaming, Task, TaskOptions, TaskResource, TaskSpec,
    assert_callback, assert_target, lambda_task, placeholder,
};
pub use workflow::{Branches, BranchesAccept, Workflow};
