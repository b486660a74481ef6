//! Time: virtual by default (Wait states and backoff take no real time), or real.
//!
//! Executions run on their own single-threaded tokio runtime. In virtual mode its clock starts
//! paused: when every branch of the execution waits on a timer, tokio jumps to the next
//! deadline, so a Wait of a day returns at once and runs are repeatable. Waiting for a task
//! token stops time (see `tokens`), as AWS would wait for the callback.

use chrono::{DateTime, SecondsFormat, Utc};
use tokio::time::Instant;

/// How an execution's time passes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TimeMode {
    /// Timers complete as soon as nothing else can run: deterministic and instant.
    #[default]
    Virtual,
    /// Timers take real time, for demos.
    Real,
}

/// The wall-clock time of an execution: its start time plus the runtime's elapsed time.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Clock {
    start_wall: DateTime<Utc>,
    start_instant: Instant,
}

impl Clock {
    /// A clock reading `start` now.
    pub(crate) fn starting_at(start: DateTime<Utc>) -> Self {
        Clock {
            start_wall: start,
            start_instant: Instant::now(),
        }
    }

    /// The current time.
    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.at(Instant::now())
    }

    /// The wall-clock time of an instant of the runtime's clock.
    pub(crate) fn at(&self, instant: Instant) -> DateTime<Utc> {
        let elapsed = instant.saturating_duration_since(self.start_instant);
        self.start_wall + chrono::Duration::from_std(elapsed).unwrap_or_default()
    }

    /// The current time as AWS prints it in the context object: `2026-11-22T03:12:24.000Z`.
    pub(crate) fn timestamp(&self) -> String {
        format_timestamp(self.now())
    }
}

/// ISO 8601 with milliseconds and `Z`, as in `$$.Execution.StartTime`.
pub(crate) fn format_timestamp(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Millis, true)
}
