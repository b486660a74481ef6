//! Retry and Catch: the retriers' backoff, and where a caught failure goes.

use crate::intrinsics::RandomSource;
use crate::value::{Map, Value};

use super::Failure;
use super::run::Run;
use super::state::StateCx;
use crate::asl::{Catcher, JitterStrategy, QueryLanguage, Retrier};

/// Which retrier has run how often, across the attempts of one state.
pub(crate) struct RetryState {
    counts: Vec<u64>,
    /// Retries so far (`$$.State.RetryCount`).
    pub(crate) retries: u64,
}

impl RetryState {
    pub(crate) fn new(retriers: usize) -> Self {
        RetryState {
            counts: vec![0; retriers],
            retries: 0,
        }
    }

    /// The wait before the next attempt, or `None` when no retrier takes the failure (or the
    /// one that does is spent).
    pub(crate) fn delay_for(
        &mut self,
        retriers: &[Retrier],
        failure: &Failure,
        run: &Run,
    ) -> Option<f64> {
        let index = retriers
            .iter()
            .position(|r| failure.matches(&r.error_equals))?;
        let retrier = &retriers[index];
        let done = self.counts.get(index).copied().unwrap_or(u64::MAX);
        if done >= retrier.attempts() {
            return None;
        }
        self.counts[index] += 1;
        self.retries += 1;
        Some(backoff(retrier, done, run))
    }
}

/// The wait before retry number `done + 1` of a retrier, in seconds.
fn backoff(retrier: &Retrier, done: u64, run: &Run) -> f64 {
    let exponent = i32::try_from(done).unwrap_or(i32::MAX);
    let mut delay = retrier.interval() as f64 * retrier.backoff().powi(exponent);
    if let Some(max) = retrier.max_delay_seconds {
        delay = delay.min(max as f64);
    }
    if retrier.jitter_strategy == Some(JitterStrategy::Full) {
        let fraction = (run.rng().next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        delay *= fraction;
    }
    delay
}

/// A failure a catcher took: the state to go to, its input, and the assignments.
pub(crate) struct Caught<'s> {
    pub(crate) next: &'s str,
    pub(crate) output: Value,
    pub(crate) assigned: Option<Map>,
}

/// Finds the first catcher of `failure`; without one, the failure goes on.
pub(crate) fn catch<'s>(
    cx: &StateCx,
    catchers: &'s [Catcher],
    failure: Failure,
    raw_input: Value,
    language: QueryLanguage,
) -> Result<Caught<'s>, Failure> {
    let Some(catcher) = catchers.iter().find(|c| failure.matches(&c.error_equals)) else {
        return Err(failure);
    };
    let error_output = failure.error_output();
    match language {
        QueryLanguage::JsonPath => {
            let assigned = match &catcher.assign {
                Some(assign) => Some(cx.assign_jsonpath(assign, &error_output)?),
                None => None,
            };
            let output = cx.result_path(&catcher.result_path, None, raw_input, error_output)?;
            Ok(Caught {
                next: &catcher.next,
                output,
                assigned,
            })
        }
        QueryLanguage::Jsonata => super::jsonata::catch(cx, catcher, error_output, raw_input),
    }
}

/// Retries, then catchers, around one attempt of a Task, Parallel or Map state, in either query
/// language; the attempt gives `(output, assignments, next state)`.
macro_rules! with_recovery {
    ($run:expr, $name:expr, $entered:expr, $plan:expr, $language:expr, $failed_event:expr,
     $retry:expr, $catch:expr, $input:expr, $variables:expr, $thread:expr,
     |$retries:ident| $attempt:expr) => {{
        let retriers = $retry.as_deref().unwrap_or_default();
        let mut retry = $crate::exec::recovery::RetryState::new(retriers.len());
        let outcome = loop {
            let $retries = retry.retries;
            match $attempt {
                Ok(value) => break Ok(value),
                Err(failure) => {
                    $crate::exec::jsonata::evaluation_failed($run, $thread, $name, &failure);
                    match retry.delay_for(retriers, &failure, $run) {
                        Some(delay) => $run.sleep_seconds(delay).await,
                        None => break Err(failure),
                    }
                }
            }
        };
        let (output, assigned, next) = match outcome {
            Ok((output, assigned, next)) => (output, assigned, next),
            Err(failure) => {
                if let Some(event) = $failed_event {
                    $crate::exec::map::state_failed($run, $thread, event, &failure);
                }
                let cx = $crate::exec::state::StateCx::new($run, $name, $entered, $variables);
                let catchers: &[$crate::asl::Catcher] = $catch.as_deref().unwrap_or_default();
                let $crate::exec::recovery::Caught {
                    next,
                    output,
                    assigned,
                } = $crate::exec::recovery::catch(&cx, catchers, failure, $input, $language)?;
                (output, assigned, Some(next))
            }
        };
        $crate::exec::state::exit($run, $thread, $plan, output, assigned, $variables, next)
    }};
}

pub(crate) use with_recovery;
