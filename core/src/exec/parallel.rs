//! The Parallel state: every branch on the same input, concurrently; the first failure
//! cancels the others.

use std::sync::Arc;

use crate::value::{Map, Value};
use futures_util::stream::{FuturesUnordered, StreamExt};

use super::Failure;
use super::history::Thread;
use super::io::ResultFields;
use super::run::Run;
use super::state::{StateCx, Step, run_scope};
use super::variables::Variables;
use crate::asl::{Branch, ParallelState, QueryLanguage};

/// Runs a JSONPath Parallel state.
#[allow(clippy::too_many_arguments)] // one state's coordinates, passed through as they are
pub(crate) async fn parallel_state<'s>(
    run: &Run,
    name: &str,
    entered: u64,
    plan: &super::plans::StatePlan,
    parallel: &'s ParallelState,
    input: Value,
    variables: &mut Variables,
    thread: &mut Thread,
) -> Result<Step<'s>, Failure> {
    super::recovery::with_recovery!(
        run,
        name,
        entered,
        plan,
        QueryLanguage::JsonPath,
        Some("ParallelStateFailed"),
        parallel.retry,
        parallel.catch,
        Value::clone(&input),
        variables,
        thread,
        |retries| {
            attempt(
                run, name, entered, plan, parallel, &input, variables, thread, retries,
            )
            .await
            .map(|(output, assigned)| (output, assigned, parallel.next.as_deref()))
        }
    )
}

#[allow(clippy::too_many_arguments)] // one attempt's coordinates
async fn attempt(
    run: &Run,
    name: &str,
    entered: u64,
    plan: &super::plans::StatePlan,
    parallel: &ParallelState,
    input: &Value,
    variables: &Variables,
    thread: &mut Thread,
    retries: u64,
) -> Result<(Value, Option<Map>), Failure> {
    let cx = StateCx::new(run, name, entered, variables);
    let cx = cx.with(Some(retries), None, None);
    let effective = cx.input_path(&parallel.input_path, input)?;
    let branch_input = match &parallel.parameters {
        Some(template) => cx.parameters(plan, template, &effective)?,
        None => effective.into_owned(),
    };
    let results = run_branches(run, &parallel.branches, branch_input, variables, thread).await?;
    let result = Value::from(results);
    let fields = ResultFields {
        result_selector: parallel.result_selector.as_ref(),
        assign: parallel.assign.as_ref(),
        result_path: &parallel.result_path,
        parsed_result_path: plan.result_path.as_deref(),
        output_path: &parallel.output_path,
    };
    cx.process_result(fields, input, result)
}

/// Runs the branches concurrently and gives their outputs in branch order, recording
/// `ParallelStateStarted` and, on failure, `ParallelStateFailed`.
pub(crate) async fn run_branches(
    run: &Run,
    branches: &[Branch],
    input: Value,
    variables: &Variables,
    thread: &mut Thread,
) -> Result<Vec<Value>, Failure> {
    let started = run.history.push(thread, "ParallelStateStarted", None);
    // The branches record beside one another, after the events so far.
    let fork = run.history.fork(thread);
    // Every branch starts from the same input, shared.
    let outer = Arc::new(variables.clone());
    let mut frames: Vec<(Variables, Thread)> = branches
        .iter()
        .map(|_| (Variables::nested(Arc::clone(&outer)), fork.thread(true)))
        .collect();
    let mut pending: FuturesUnordered<_> = branches
        .iter()
        .zip(frames.iter_mut())
        .enumerate()
        .map(|(index, (branch, (variables, thread)))| {
            let input = input.clone();
            async move {
                let result = run_scope(
                    run,
                    &branch.states,
                    &branch.start_at,
                    input,
                    variables,
                    thread,
                )
                .await;
                (index, result)
            }
        })
        .collect();
    let mut results = vec![Value::Null; branches.len()];
    let mut last = started;
    while let Some((index, result)) = pending.next().await {
        match result {
            Ok(output) => results[index] = output,
            Err(failure) => {
                drop(pending);
                return Err(failure);
            }
        }
    }
    drop(pending);
    for (_, branch_thread) in &frames {
        last = last.max(branch_thread.last);
    }
    thread.last = last;
    Ok(results)
}
