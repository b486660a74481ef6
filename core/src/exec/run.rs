//! One execution's shared state: its machine, history, clock, random numbers and context.

use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, Utc};

use super::clock::{Clock, TimeMode};
use super::context::ExecutionInfo;
use super::executor::Shared;
use super::history::History;
use crate::asl::StateMachine;
use crate::intrinsics::{RandomSource, SplitMix64, uuid_v4};

/// The execution's seeded source, drawn from one number at a time (see [`Run::random`]).
pub(crate) struct Draws<'a>(&'a Mutex<SplitMix64>);

impl RandomSource for Draws<'_> {
    fn next_u64(&mut self) -> u64 {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .next_u64()
    }
}

/// What every state of one execution shares.
pub(crate) struct Run {
    pub(crate) shared: Arc<Shared>,
    pub(crate) machine: Arc<StateMachine>,
    pub(crate) history: History,
    pub(crate) clock: Clock,
    pub(crate) info: ExecutionInfo,
    /// The seeded random numbers: jitter, `States.UUID`, `States.MathRandom`, ids, tokens.
    rng: Mutex<SplitMix64>,
    /// How often each mocked state has been invoked.
    mock_calls: Mutex<std::collections::HashMap<String, usize>>,
}

impl Run {
    pub(crate) fn new(
        shared: Arc<Shared>,
        machine: Arc<StateMachine>,
        info: ExecutionInfo,
        start: DateTime<Utc>,
        seed: u64,
    ) -> Self {
        let record = shared.options.record_history;
        Run {
            shared,
            machine,
            history: History::new(record),
            clock: Clock::starting_at(start),
            info,
            rng: Mutex::new(SplitMix64::new(seed)),
            mock_calls: Mutex::default(),
        }
    }

    /// The random source; held only while a value is drawn.
    pub(crate) fn rng(&self) -> MutexGuard<'_, SplitMix64> {
        self.rng
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The random source as templates and expressions use it: locked only for each number
    /// drawn, as most evaluations draw none.
    pub(crate) fn random(&self) -> Draws<'_> {
        Draws(&self.rng)
    }

    /// A fresh random v4 UUID from the execution's seeded source.
    pub(crate) fn uuid(&self) -> String {
        uuid_v4(&mut *self.rng())
    }

    /// Counts an invocation of a mocked state and gives its number (from 0).
    pub(crate) fn next_mock_call(&self, state: &str) -> usize {
        let mut calls = self
            .mock_calls
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let count = calls.entry(state.to_string()).or_insert(0);
        *count += 1;
        *count - 1
    }

    /// Waits until a wall-clock time (virtual or real).
    pub(crate) async fn sleep_until(&self, until: DateTime<Utc>) {
        let now = self.clock.now();
        if until > now {
            let wait = (until - now).to_std().unwrap_or_default();
            tokio::time::sleep(wait).await;
        }
    }

    /// Waits for a number of seconds (fractions allowed).
    pub(crate) async fn sleep_seconds(&self, seconds: f64) {
        if seconds > 0.0 && seconds.is_finite() {
            tokio::time::sleep(std::time::Duration::from_secs_f64(seconds.min(1e9))).await;
        }
    }

    /// Whether timers take virtual time.
    pub(crate) fn is_virtual(&self) -> bool {
        self.shared.options.time == TimeMode::Virtual
    }
}
