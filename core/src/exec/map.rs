//! The Map state: its items, how many run at once, inline iterations and distributed map
//! runs with tolerated failures and batches.

use std::borrow::Cow;
use std::sync::Arc;

use crate::value::{Map, Value, json};
use futures_util::stream::{self, StreamExt};

use super::Failure;
use super::history::{self, Member, Thread};
use super::io::ResultFields;
use super::run::Run;
use super::state::{StateCx, Step, run_scope};
use super::variables::Variables;
use super::wait::plain;
use crate::asl::{ItemProcessor, MapState, NumberOrExpression, ProcessorMode, QueryLanguage};

/// Inline Map states run at most this many iterations at once (AWS's limit).
const INLINE_CONCURRENCY: usize = 40;

/// Runs a JSONPath Map state.
#[allow(clippy::too_many_arguments)] // one state's coordinates, passed through as they are
pub(crate) async fn map_state<'s>(
    run: &Run,
    name: &str,
    entered: u64,
    plan: &super::plans::StatePlan,
    map: &'s MapState,
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
        Some("MapStateFailed"),
        map.retry,
        map.catch,
        Value::clone(&input),
        variables,
        thread,
        |retries| {
            attempt(
                run, name, entered, plan, map, &input, variables, thread, retries,
            )
            .await
            .map(|(output, assigned)| (output, assigned, map.next.as_deref()))
        }
    )
}

#[allow(clippy::too_many_arguments)] // one attempt's coordinates
async fn attempt(
    run: &Run,
    name: &str,
    entered: u64,
    plan: &super::plans::StatePlan,
    map: &MapState,
    input: &Value,
    variables: &Variables,
    thread: &mut Thread,
    retries: u64,
) -> Result<(Value, Option<Map>), Failure> {
    let cx = StateCx::new(run, name, entered, variables);
    let cx = cx.with(Some(retries), None, None);
    let effective = cx.input_path(&map.input_path, input)?;
    let items: Cow<'_, Value> = match (&map.item_reader, &map.items_path) {
        (Some(reader), _) => {
            let request = match &reader.parameters {
                Some(parameters) => cx.template(parameters, &effective)?,
                None => Value::Null,
            };
            Cow::Owned(Value::from(super::item_reader::read_items(
                &cx, reader, &request,
            )?))
        }
        (None, Some(path)) => Cow::Owned(cx.select("ItemsPath", path, &effective)?),
        // The items are the input itself: read in place, each copied once into its iteration.
        (None, None) => Cow::Borrowed(&*effective),
    };
    let Value::Array(items) = &*items else {
        return Err(cx.runtime(format!("Map state input must be an array but was: {items}")));
    };
    let selector = map.item_selector.as_ref().or(map.parameters.as_ref());
    let mut inputs = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        inputs.push(match selector {
            Some(template) => cx
                .with(None, None, Some((index, item)))
                .template(template, &effective)?,
            None => item.clone(),
        });
    }
    let concurrency = cx.count(
        &map.max_concurrency,
        &map.max_concurrency_path,
        "MaxConcurrencyPath",
        &effective,
        0,
    )?;
    started(run, thread, inputs.len());
    let tolerance = Tolerance {
        count: cx.count(
            &map.tolerated_failure_count,
            &map.tolerated_failure_count_path,
            "ToleratedFailureCountPath",
            &effective,
            0,
        )?,
        percentage: percentage(&cx, map, &effective)?,
    };
    let inputs = super::batch::batches(&cx, map, inputs, &effective)?;
    let results = run_items(
        run,
        &cx,
        map,
        inputs,
        concurrency,
        tolerance,
        variables,
        thread,
    )
    .await?;
    let result = match &map.result_writer {
        Some(writer) => {
            let request = match &writer.parameters {
                Some(parameters) => cx.template(parameters, &effective)?,
                None => Value::Null,
            };
            super::result_writer::write_results(&cx, &request, results)?
        }
        None => Value::from(results),
    };
    let fields = ResultFields {
        result_selector: map.result_selector.as_ref(),
        assign: map.assign.as_ref(),
        result_path: &map.result_path,
        parsed_result_path: plan.result_path.as_deref(),
        output_path: &map.output_path,
    };
    cx.process_result(fields, input, result)
}

/// Runs the items (inline or as a map run); records `MapStateSucceeded` when they succeed.
#[allow(clippy::too_many_arguments)] // one Map state's coordinates
pub(crate) async fn run_items(
    run: &Run,
    cx: &StateCx<'_>,
    map: &MapState,
    inputs: Vec<Value>,
    concurrency: Option<u64>,
    tolerance: Tolerance,
    variables: &Variables,
    thread: &mut Thread,
) -> Result<Vec<Value>, Failure> {
    let processor = map
        .processor()
        .ok_or_else(|| cx.runtime("The Map state has no ItemProcessor."))?;
    let results = match map.mode() {
        ProcessorMode::Inline => {
            let width = match concurrency {
                Some(0) | None => INLINE_CONCURRENCY,
                Some(n) => usize::try_from(n)
                    .unwrap_or(INLINE_CONCURRENCY)
                    .min(INLINE_CONCURRENCY),
            };
            inline(run, cx.name, processor, inputs, width, variables, thread).await
        }
        ProcessorMode::Distributed => {
            let width = match concurrency {
                Some(0) | None => usize::MAX,
                Some(n) => usize::try_from(n).unwrap_or(usize::MAX),
            };
            distributed(
                run, cx, processor, inputs, width, tolerance, variables, thread,
            )
            .await
        }
    };
    if results.is_ok() {
        run.history.push(thread, "MapStateSucceeded", None);
    }
    results
}

/// Records `MapStateStarted` with the number of items.
pub(crate) fn started(run: &Run, thread: &mut Thread, length: usize) {
    run.history
        .record(thread, "MapStateStarted", || json!({"length": length}));
}

/// Records `MapStateFailed` / `ParallelStateFailed` once retries are spent; a `States.Runtime`
/// failure ends the execution without it, as AWS records show.
pub(crate) fn state_failed(run: &Run, thread: &mut Thread, event: &'static str, failure: &Failure) {
    if failure.error != "States.Runtime" {
        run.history.push(thread, event, None);
    }
}

fn percentage(cx: &StateCx, map: &MapState, input: &Value) -> Result<Option<f64>, Failure> {
    if let Some(NumberOrExpression::Number(n)) = &map.tolerated_failure_percentage {
        return Ok(n.as_f64());
    }
    let Some(path) = &map.tolerated_failure_percentage_path else {
        return Ok(None);
    };
    let value = cx.select("ToleratedFailurePercentagePath", path, input)?;
    let parsed = match &value {
        Value::Number(n) => n.as_f64(),
        Value::String(text) => text.trim().parse::<f64>().ok(),
        _ => None,
    };
    match parsed {
        Some(p) if (0.0..=100.0).contains(&p) => Ok(Some(p)),
        Some(_) => Err(cx.runtime("ToleratedFailurePercentage must be between 0 and 100.")),
        None => Err(cx.runtime(format!(
            "The ToleratedFailurePercentagePath field refers to value \"{}\" which is not a \
             valid float: {path}",
            plain(&value)
        ))),
    }
}

/// Inline iterations, in the parent execution's history; the first failure fails the Map.
async fn inline(
    run: &Run,
    name: &str,
    processor: &ItemProcessor,
    inputs: Vec<Value>,
    width: usize,
    variables: &Variables,
    thread: &mut Thread,
) -> Result<Vec<Value>, Failure> {
    let outer = Arc::new(variables.clone());
    // The iterations record beside one another, after the events so far.
    let fork = run.history.fork(thread);
    let iterations = inputs.into_iter().enumerate().map(|(index, input)| {
        let outer = Arc::clone(&outer);
        async move {
            let mut thread = fork.thread(false);
            let mut variables = Variables::nested(outer);
            let details = || {
                history::members(vec![
                    ("index", index.into()),
                    ("name", Member::Json(Value::from(name.to_string()))),
                ])
            };
            run.history
                .record(&mut thread, "MapIterationStarted", details);
            let result = run_scope(
                run,
                &processor.states,
                &processor.start_at,
                input,
                &mut variables,
                &mut thread,
            )
            .await;
            let event = if result.is_ok() {
                "MapIterationSucceeded"
            } else {
                "MapIterationFailed"
            };
            run.history.record(&mut thread, event, details);
            (result, thread.last)
        }
    });
    let mut ordered = stream::iter(iterations).buffered(width.max(1));
    let mut results = Vec::new();
    while let Some((result, last)) = ordered.next().await {
        thread.last = thread.last.max(last);
        results.push(result?);
    }
    Ok(results)
}

/// How many failed items a distributed Map state tolerates.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Tolerance {
    pub(crate) count: Option<u64>,
    pub(crate) percentage: Option<f64>,
}

/// A distributed map run: child executions, not in the parent's history; failures count
/// against the tolerance.
#[allow(clippy::too_many_arguments)] // one map run's coordinates
async fn distributed(
    run: &Run,
    cx: &StateCx<'_>,
    processor: &ItemProcessor,
    inputs: Vec<Value>,
    width: usize,
    tolerance: Tolerance,
    variables: &Variables,
    thread: &mut Thread,
) -> Result<Vec<Value>, Failure> {
    let options = &run.shared.options;
    let map_run_arn = format!(
        "arn:aws:states:{}:{}:mapRun:{}/{}:{}",
        options.region,
        options.account,
        run.info.machine_name,
        cx.name,
        run.uuid()
    );
    let started = run.history.record(
        thread,
        "MapRunStarted",
        || json!({"mapRunArn": map_run_arn}),
    );
    let outer = Arc::new(variables.clone());
    let total = inputs.len();
    let iterations = inputs.into_iter().map(|input| {
        let outer = Arc::clone(&outer);
        async move {
            // A child execution has a history of its own: its events are not the parent's.
            let mut thread = Thread::child_execution();
            let mut variables = Variables::nested(outer);
            run_scope(
                run,
                &processor.states,
                &processor.start_at,
                input,
                &mut variables,
                &mut thread,
            )
            .await
        }
    });
    let mut ordered = stream::iter(iterations).buffered(width.clamp(1, 10_000));
    let mut results = Vec::with_capacity(total);
    let mut failures = 0u64;
    let mut last_failure = None;
    while let Some(result) = ordered.next().await {
        match result {
            Ok(output) => results.push(output),
            Err(failure) => {
                failures += 1;
                results.push(failure.error_output());
                last_failure = Some(failure);
            }
        }
    }
    thread.last = started;
    let tolerated_count = tolerance.count.is_none_or(|n| failures <= n)
        || tolerance.count.is_none() && tolerance.percentage.is_some();
    let tolerated_percentage = tolerance
        .percentage
        .is_none_or(|p| total == 0 || (failures as f64) * 100.0 / (total as f64) <= p);
    let tolerated = if tolerance.count.is_none() && tolerance.percentage.is_none() {
        failures == 0
    } else {
        tolerated_count && tolerated_percentage
    };
    if tolerated {
        run.history.push(thread, "MapRunSucceeded", None);
        Ok(results)
    } else {
        run.history.push(thread, "MapRunFailed", None);
        let _ = last_failure;
        Err(Failure::new(
            "States.ExceedToleratedFailureThreshold",
            "The specified tolerated failure threshold was exceeded",
        ))
    }
}
