//! The Amazon States Language model (<https://states-language.net/spec.html>), serde in and out.
//!
//! One file per spec object. Every struct rejects unknown fields, and serializing a parsed
//! definition gives back an equal JSON value: fields that may be `null` with a meaning of their
//! own (`ResultPath: null`, `Parameters: null`) keep the difference between absent and `null`.

mod catch;
mod choice;
mod fail;
mod field;
mod map;
mod parallel;
mod pass;
mod query_language;
mod retry;
mod state;
mod state_machine;
mod succeed;
mod task;
mod wait;

pub use catch::Catcher;
pub use choice::{ChoiceRule, ChoiceState, Comparison, ComparisonOperator, OperandKind};
pub use fail::FailState;
pub use field::{IntegerOrExpression, NumberOrExpression};
pub use map::{
    ExecutionType, ItemBatcher, ItemProcessor, ItemReader, MapState, ProcessorConfig,
    ProcessorMode, ReaderConfig, ResultWriter, WriterConfig,
};
pub use parallel::{Branch, ParallelState};
pub use pass::PassState;
pub use query_language::QueryLanguage;
pub use retry::{JitterStrategy, Retrier};
pub use state::{State, StateType};
pub use state_machine::StateMachine;
pub use succeed::SucceedState;
pub use task::{Credentials, TaskState};
pub use wait::WaitState;
