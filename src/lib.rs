//! statewright: typed AWS Step Functions workflows in Rust.
//!
//! Declare a workflow as a Rust type ([`dsl`], with `#[derive(Workflow)]`), emit the Amazon
//! States Language (ASL) that AWS runs, and run it locally. The facade re-exports the ASL
//! model ([`asl`]), its validator ([`validate`]) and the local executor ([`exec`]).

// The derives name `::statewright`, inside this crate too.
extern crate self as statewright;

pub mod dsl;
#[doc(hidden)]
pub mod private;

#[cfg(feature = "schema")]
pub use schemars;
pub use statewright_codegen as codegen;
pub use statewright_core::{asl, exec, json, jsonata, path, validate, value};
pub use statewright_macros::{Payload, Workflow, lambda};

/// The generated code's way in; not a public API.
#[doc(hidden)]
pub use private as __private;

/// What a workflow file needs: the derives, the state and service types, and serde.
pub mod prelude {
    #[cfg(feature = "schema")]
    pub use crate::dsl::WorkflowSchema;
    pub use crate::dsl::{
        Accepts, AwsSdk, Callback, CaughtError, Choice, DynamoGetItem, DynamoPutItem,
        ExecutionResult, Fail, Field, Local, Map, Parallel, Pass, Payload, PublishResult, Raw, Run,
        RunError, SdkCall, SendMessageResult, SnsPublish, SqsSendMessage, StartExecution, Succeed,
        Task, TaskToken, Timestamp, Wait, Workflow,
    };
    pub use crate::{Payload, Workflow, lambda};
    #[cfg(feature = "schema")]
    pub use schemars::JsonSchema;
    pub use serde::{Deserialize, Serialize};
}
