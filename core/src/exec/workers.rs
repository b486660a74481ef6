//! The threads executions run on, each with its own single-threaded runtime, kept for the next
//! execution: starting a thread and a runtime costs more than a short execution.
//!
//! A worker goes back to the pool only when its runtime is idle (no task left from the
//! execution, such as an `Event` invocation still running); otherwise it ends, and its runtime
//! with it, as a fresh runtime per execution would.

use std::future::Future;
use std::sync::Mutex;
use std::sync::mpsc::{Sender, channel};
use std::task::{Context, Poll, Waker};

use tokio::runtime::Runtime;

use super::clock::TimeMode;

/// Work for a worker: it runs on the worker's runtime.
pub(crate) type Job = Box<dyn FnOnce(&Runtime) + Send>;

/// Idle workers of one time mode.
struct Pool {
    idle: Mutex<Vec<Sender<Job>>>,
}

static VIRTUAL: Pool = Pool {
    idle: Mutex::new(Vec::new()),
};
static REAL: Pool = Pool {
    idle: Mutex::new(Vec::new()),
};

/// How many idle workers a pool keeps; more are let go.
const KEEP: usize = 16;

impl Pool {
    fn take(&self) -> Option<Sender<Job>> {
        self.idle
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .pop()
    }

    fn give_back(&self, worker: Sender<Job>) -> bool {
        let mut idle = self
            .idle
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if idle.len() >= KEEP {
            return false;
        }
        idle.push(worker);
        true
    }
}

/// Runs `job` on an idle worker of the mode, or on a new one. Errors say why no worker could
/// start (no thread or no runtime).
pub(crate) fn run(mode: TimeMode, job: Job) -> Result<(), String> {
    let pool: &'static Pool = match mode {
        TimeMode::Virtual => &VIRTUAL,
        TimeMode::Real => &REAL,
    };
    let mut job = job;
    while let Some(worker) = pool.take() {
        match worker.send(job) {
            Ok(()) => return Ok(()),
            // The worker ended meanwhile: try another.
            Err(returned) => job = returned.0,
        }
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .start_paused(mode == TimeMode::Virtual)
        .build()
        .map_err(|e| format!("cannot start a runtime: {e}"))?;
    let (sender, receiver) = channel::<Job>();
    sender
        .send(job)
        .map_err(|_| "cannot hand the execution to its thread".to_string())?;
    std::thread::Builder::new()
        .name("statewright-execution".into())
        .spawn(move || {
            while let Ok(job) = receiver.recv() {
                job(&runtime);
                let idle = runtime.metrics().num_alive_tasks() == 0;
                if !idle || !pool.give_back(sender.clone()) {
                    break;
                }
            }
        })
        .map(drop)
        .map_err(|e| format!("cannot start a thread: {e}"))
}

thread_local! {
    /// The runtimes of this thread, by time mode, kept between executions.
    static LOCAL: std::cell::RefCell<[Option<Runtime>; 2]> = const { std::cell::RefCell::new([None, None]) };
}

/// Runs `job` on this thread's runtime of the mode (made on first use); a runtime left with
/// tasks after the job is dropped rather than kept.
pub(crate) fn on_this_thread<T>(
    mode: TimeMode,
    job: impl FnOnce(&Runtime) -> T,
) -> Result<T, String> {
    let slot = usize::from(mode == TimeMode::Real);
    let runtime = LOCAL.with(|local| local.borrow_mut()[slot].take());
    let runtime = match runtime {
        Some(runtime) => runtime,
        None => tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .start_paused(mode == TimeMode::Virtual)
            .build()
            .map_err(|e| format!("cannot start a runtime: {e}"))?,
    };
    let result = job(&runtime);
    if runtime.metrics().num_alive_tasks() == 0 {
        LOCAL.with(|local| local.borrow_mut()[slot] = Some(runtime));
    }
    Ok(result)
}

/// Runs the future `make` makes to its end on `runtime`. It is made in place (not moved in:
/// an execution's future is large) and polled once in the runtime's context first: an
/// execution whose states never wait (Pass, Choice...) ends there, without a round of the
/// scheduler (taking its core, polling its drivers). One that waits goes on under `block_on`,
/// which polls it again with a waker of its own.
pub(crate) fn run_to_end<F: Future>(runtime: &Runtime, make: impl FnOnce() -> F) -> F::Output {
    let mut future = std::pin::pin!(make());
    {
        let _context = runtime.enter();
        if let Poll::Ready(output) = future
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        {
            return output;
        }
    }
    runtime.block_on(future)
}
