//! A state of any of the eight types, told apart by its `Type` field (spec "States").

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{
    Catcher, ChoiceState, FailState, MapState, ParallelState, PassState, QueryLanguage, Retrier,
    SucceedState, TaskState, WaitState,
};

/// One state of a state machine.
// The variants differ in size (a Map state holds far more fields than a Succeed state); states
// are built once per definition and read many times, so a box would only add an indirection.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "Type")]
pub enum State {
    /// Does work: calls a Lambda function, an AWS service or an activity.
    Task(TaskState),
    /// Passes its input on, optionally transformed or replaced by a fixed `Result`.
    Pass(PassState),
    /// Branches on the first rule that matches.
    Choice(ChoiceState),
    /// Pauses for a duration or until a time.
    Wait(WaitState),
    /// Ends the execution (or branch) successfully.
    Succeed(SucceedState),
    /// Ends the execution (or branch) with an error.
    Fail(FailState),
    /// Runs branches concurrently on the same input.
    Parallel(ParallelState),
    /// Runs an item processor for each item of an array or a data source.
    Map(MapState),
}

/// The eight state types, by their ASL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StateType {
    /// `Task`
    Task,
    /// `Pass`
    Pass,
    /// `Choice`
    Choice,
    /// `Wait`
    Wait,
    /// `Succeed`
    Succeed,
    /// `Fail`
    Fail,
    /// `Parallel`
    Parallel,
    /// `Map`
    Map,
}

impl StateType {
    /// Every state type, in the order of the spec.
    pub const ALL: [StateType; 8] = [
        StateType::Task,
        StateType::Pass,
        StateType::Choice,
        StateType::Wait,
        StateType::Succeed,
        StateType::Fail,
        StateType::Parallel,
        StateType::Map,
    ];

    /// The `Type` value that names this state type.
    pub fn as_str(self) -> &'static str {
        match self {
            StateType::Task => "Task",
            StateType::Pass => "Pass",
            StateType::Choice => "Choice",
            StateType::Wait => "Wait",
            StateType::Succeed => "Succeed",
            StateType::Fail => "Fail",
            StateType::Parallel => "Parallel",
            StateType::Map => "Map",
        }
    }

    /// The state type a `Type` value names, if any.
    pub fn from_name(name: &str) -> Option<StateType> {
        StateType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

impl State {
    /// The type of this state.
    pub fn state_type(&self) -> StateType {
        match self {
            State::Task(_) => StateType::Task,
            State::Pass(_) => StateType::Pass,
            State::Choice(_) => StateType::Choice,
            State::Wait(_) => StateType::Wait,
            State::Succeed(_) => StateType::Succeed,
            State::Fail(_) => StateType::Fail,
            State::Parallel(_) => StateType::Parallel,
            State::Map(_) => StateType::Map,
        }
    }

    /// The state's own `QueryLanguage`, when it names one.
    pub fn query_language(&self) -> Option<QueryLanguage> {
        match self {
            State::Task(s) => s.query_language,
            State::Pass(s) => s.query_language,
            State::Choice(s) => s.query_language,
            State::Wait(s) => s.query_language,
            State::Succeed(s) => s.query_language,
            State::Fail(s) => s.query_language,
            State::Parallel(s) => s.query_language,
            State::Map(s) => s.query_language,
        }
    }

    /// The state's `Comment`.
    pub fn comment(&self) -> Option<&str> {
        match self {
            State::Task(s) => s.comment.as_deref(),
            State::Pass(s) => s.comment.as_deref(),
            State::Choice(s) => s.comment.as_deref(),
            State::Wait(s) => s.comment.as_deref(),
            State::Succeed(s) => s.comment.as_deref(),
            State::Fail(s) => s.comment.as_deref(),
            State::Parallel(s) => s.comment.as_deref(),
            State::Map(s) => s.comment.as_deref(),
        }
    }

    /// The state that follows this one by `Next`, for the states that have one.
    pub fn next(&self) -> Option<&str> {
        match self {
            State::Task(s) => s.next.as_deref(),
            State::Pass(s) => s.next.as_deref(),
            State::Wait(s) => s.next.as_deref(),
            State::Parallel(s) => s.next.as_deref(),
            State::Map(s) => s.next.as_deref(),
            State::Choice(_) | State::Succeed(_) | State::Fail(_) => None,
        }
    }

    /// Whether the state ends the execution (or its branch) when it completes.
    pub fn is_end(&self) -> bool {
        match self {
            State::Task(s) => s.end == Some(true),
            State::Pass(s) => s.end == Some(true),
            State::Wait(s) => s.end == Some(true),
            State::Parallel(s) => s.end == Some(true),
            State::Map(s) => s.end == Some(true),
            State::Succeed(_) | State::Fail(_) => true,
            State::Choice(_) => false,
        }
    }

    /// The state's retriers, in order.
    pub fn retry(&self) -> &[Retrier] {
        match self {
            State::Task(s) => s.retry.as_deref().unwrap_or_default(),
            State::Parallel(s) => s.retry.as_deref().unwrap_or_default(),
            State::Map(s) => s.retry.as_deref().unwrap_or_default(),
            _ => &[],
        }
    }

    /// The state's catchers, in order.
    pub fn catch(&self) -> &[Catcher] {
        match self {
            State::Task(s) => s.catch.as_deref().unwrap_or_default(),
            State::Parallel(s) => s.catch.as_deref().unwrap_or_default(),
            State::Map(s) => s.catch.as_deref().unwrap_or_default(),
            _ => &[],
        }
    }

    /// The state's `Assign` object, for the states that have one.
    pub fn assign(&self) -> Option<&Map<String, Value>> {
        match self {
            State::Task(s) => s.assign.as_ref(),
            State::Pass(s) => s.assign.as_ref(),
            State::Choice(s) => s.assign.as_ref(),
            State::Wait(s) => s.assign.as_ref(),
            State::Parallel(s) => s.assign.as_ref(),
            State::Map(s) => s.assign.as_ref(),
            State::Succeed(_) | State::Fail(_) => None,
        }
    }
}
