//! Waiting for a task token: success, failure, heartbeats and their timeouts.
//!
//! In virtual time a waiting task holds the clock, as AWS would wait for the callback however
//! long it takes; `Executor::advance_time` moves it, and the heartbeat and time limits fire
//! when it passes them. In real time they are plain timers.

use std::time::Duration;

use crate::value::Value;
use tokio::sync::mpsc;

use super::Failure;
use super::run::Run;
use super::task::Limits;
use super::tokens::Signal;

/// Waits until the token's task is completed, or its heartbeat or time limit passes.
pub(crate) async fn wait_for_token(
    run: &Run,
    token: &str,
    receiver: mpsc::UnboundedReceiver<Signal>,
    limits: Limits,
) -> Result<Value, Failure> {
    let _close = CloseOnDrop { run, token };
    if run.is_virtual() {
        virtual_wait(receiver, limits).await
    } else {
        real_wait(receiver, limits).await
    }
}

/// Real time: the heartbeat and time limits are timers.
async fn real_wait(
    mut receiver: mpsc::UnboundedReceiver<Signal>,
    limits: Limits,
) -> Result<Value, Failure> {
    let deadline = limits
        .timeout
        .map(|s| tokio::time::Instant::now() + Duration::from_secs(s));
    loop {
        let heartbeat = limits.heartbeat.map(Duration::from_secs);
        let next = tokio::select! {
            signal = receiver.recv() => signal,
            () = sleep_opt(heartbeat) => return Err(Failure::new("States.HeartbeatTimeout", "")),
            () = sleep_until_opt(deadline) => return Err(Failure::new("States.Timeout", "")),
        };
        match next {
            Some(Signal::Done(result)) => return result,
            Some(Signal::Heartbeat | Signal::Advance(_)) => continue,
            None => return Err(closed()),
        }
    }
}

/// Virtual time: the clock stands still while the task waits (a blocking wait keeps tokio
/// from jumping ahead); it moves only when the caller advances it, and the limits are
/// checked then.
async fn virtual_wait(
    mut receiver: mpsc::UnboundedReceiver<Signal>,
    limits: Limits,
) -> Result<Value, Failure> {
    let mut since_heartbeat = Duration::ZERO;
    let mut total = Duration::ZERO;
    loop {
        let waited = tokio::task::spawn_blocking(move || {
            let signal = receiver.blocking_recv();
            (signal, receiver)
        })
        .await;
        let Ok((signal, back)) = waited else {
            return Err(closed());
        };
        receiver = back;
        match signal {
            Some(Signal::Done(result)) => return result,
            Some(Signal::Heartbeat) => since_heartbeat = Duration::ZERO,
            Some(Signal::Advance(step)) => {
                tokio::time::advance(step).await;
                since_heartbeat += step;
                total += step;
                if limits
                    .heartbeat
                    .is_some_and(|h| since_heartbeat >= Duration::from_secs(h))
                {
                    return Err(Failure::new("States.HeartbeatTimeout", ""));
                }
                if limits
                    .timeout
                    .is_some_and(|t| total >= Duration::from_secs(t))
                {
                    return Err(Failure::new("States.Timeout", ""));
                }
            }
            None => return Err(closed()),
        }
    }
}

fn closed() -> Failure {
    Failure::new(
        "States.Runtime",
        "The task token was closed before a callback arrived.",
    )
}

async fn sleep_opt(duration: Option<Duration>) {
    match duration {
        Some(duration) => tokio::time::sleep(duration).await,
        None => std::future::pending().await,
    }
}

async fn sleep_until_opt(deadline: Option<tokio::time::Instant>) {
    match deadline {
        Some(deadline) => tokio::time::sleep_until(deadline).await,
        None => std::future::pending().await,
    }
}

/// Closes the token when the wait ends or is cancelled (a sibling branch failed): later
/// callbacks get `TaskTimedOut`, and a blocking wait is released.
struct CloseOnDrop<'a> {
    run: &'a Run,
    token: &'a str,
}

impl Drop for CloseOnDrop<'_> {
    fn drop(&mut self) {
        self.run.shared.tokens.close(self.token);
    }
}
