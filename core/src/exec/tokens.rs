//! Task tokens: tasks that wait for a callback (`.waitForTaskToken`), and the calls that
//! complete them (`SendTaskSuccess`, `SendTaskFailure`, `SendTaskHeartbeat`).

use std::collections::HashSet;
use std::sync::Mutex;
use std::time::Duration;

use crate::value::Value;
use tokio::sync::{Notify, mpsc};

use super::Failure;

/// Why a callback was refused, with AWS's error names.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// No task was ever given this token.
    #[error("TaskDoesNotExist: no task is waiting for the token {0:?}")]
    TaskDoesNotExist(String),
    /// The task already completed, failed or timed out.
    #[error(
        "TaskTimedOut: the task token has either expired or the task associated with the \
         token has already been closed: {0:?}"
    )]
    TaskTimedOut(String),
}

/// A message to a waiting task.
pub(crate) enum Signal {
    Done(Result<Value, Failure>),
    Heartbeat,
    /// Virtual time: this much time passes while the task waits.
    Advance(Duration),
}

#[derive(Default)]
struct State {
    waiting: Vec<(String, mpsc::UnboundedSender<Signal>)>,
    /// Tokens whose request went out: the ones `waiting()` lists.
    submitted: HashSet<String>,
    closed: HashSet<String>,
}

/// The tokens of one executor's tasks.
#[derive(Default)]
pub(crate) struct Tokens {
    state: Mutex<State>,
    changed: Notify,
}

impl Tokens {
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Registers a waiting task; its signals arrive on the receiver.
    pub(crate) fn register(&self, token: &str) -> mpsc::UnboundedReceiver<Signal> {
        let (sender, receiver) = mpsc::unbounded_channel();
        self.lock().waiting.push((token.to_string(), sender));
        receiver
    }

    /// Marks a token's request as sent: from now on `waiting()` lists it.
    pub(crate) fn submitted(&self, token: &str) {
        self.lock().submitted.insert(token.to_string());
        self.changed.notify_waiters();
    }

    /// Closes a token: later callbacks get `TaskTimedOut`.
    pub(crate) fn close(&self, token: &str) {
        let mut state = self.lock();
        state.waiting.retain(|(t, _)| t != token);
        state.submitted.remove(token);
        state.closed.insert(token.to_string());
    }

    /// The tokens waiting now, oldest first.
    pub(crate) fn waiting(&self) -> Vec<String> {
        let state = self.lock();
        state
            .waiting
            .iter()
            .filter(|(t, _)| state.submitted.contains(t))
            .map(|(t, _)| t.clone())
            .collect()
    }

    /// Waits until a token is waiting, and gives the oldest.
    pub(crate) async fn next_waiting(&self) -> Option<String> {
        loop {
            let notified = self.changed.notified();
            if let Some(token) = self.waiting().into_iter().next() {
                return Some(token);
            }
            // Executions end without notice here; poll now and then as a safety net.
            let _ = tokio::time::timeout(Duration::from_millis(50), notified).await;
        }
    }

    /// Delivers a result to the task waiting for `token`.
    pub(crate) fn complete(
        &self,
        token: &str,
        result: Result<Value, Failure>,
    ) -> Result<(), TokenError> {
        let mut state = self.lock();
        match state.waiting.iter().position(|(t, _)| t == token) {
            Some(index) => {
                let (token, sender) = state.waiting.remove(index);
                state.submitted.remove(&token);
                state.closed.insert(token);
                let _ = sender.send(Signal::Done(result));
                Ok(())
            }
            None if state.closed.contains(token) => Err(TokenError::TaskTimedOut(token.into())),
            None => Err(TokenError::TaskDoesNotExist(token.into())),
        }
    }

    /// Lets `step` of virtual time pass for every waiting task.
    pub(crate) fn advance(&self, step: Duration) {
        for (_, sender) in &self.lock().waiting {
            let _ = sender.send(Signal::Advance(step));
        }
    }

    /// Tells the task waiting for `token` that it is alive.
    pub(crate) fn heartbeat(&self, token: &str) -> Result<(), TokenError> {
        let state = self.lock();
        match state.waiting.iter().find(|(t, _)| t == token) {
            Some((_, sender)) => {
                let _ = sender.send(Signal::Heartbeat);
                Ok(())
            }
            None if state.closed.contains(token) => Err(TokenError::TaskTimedOut(token.into())),
            None => Err(TokenError::TaskDoesNotExist(token.into())),
        }
    }
}
