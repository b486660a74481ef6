//! The executor's throughput on the rows of the performance issue; prints a table.
//!
//! `cargo bench --bench executor` (release build). Each row reports transitions (or items) per
//! second and the process's peak resident memory during the row (Linux `VmHWM`, reset between
//! rows through `/proc/self/clear_refs`).

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use statewright::exec::{Executor, InvokeContext, Status};
use statewright::validate::{Options, load};

struct Row {
    key: &'static str,
    name: String,
    units: u64,
    unit: &'static str,
    elapsed: Duration,
    peak_mib: f64,
}

fn peak_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn executor(definition: &Value, history: bool) -> Executor {
    let machine = load(&definition.to_string(), &Options::default()).expect("valid definition");
    Executor::builder(machine)
        .record_history(history)
        .history_limit(None)
        .lambda(
            "work",
            |event: Value, _: InvokeContext| async move { Ok(event) },
        )
        .build()
}

/// Runs `runs` executions and measures them.
fn measure(
    name: &str,
    definition: &Value,
    input: &Value,
    history: bool,
    units: u64,
    unit: &'static str,
    runs: u32,
) -> Row {
    // `BENCH_ROW=text` runs only the rows whose name contains the text (for profiling).
    if std::env::var("BENCH_ROW").is_ok_and(|only| !name.contains(&only)) {
        return Row {
            key: "",
            name: name.to_string(),
            units,
            unit,
            elapsed: Duration::ZERO,
            peak_mib: f64::NAN,
        };
    }
    let executor = executor(definition, history);
    // One warm-up run.
    let warm = executor.run_blocking(input.clone());
    assert_eq!(
        warm.status,
        Status::Succeeded,
        "{name}: {:?} {:?}",
        warm.error,
        warm.cause
    );
    reset_peak();
    let start = Instant::now();
    for _ in 0..runs {
        let execution = executor.run_blocking(input.clone());
        assert_eq!(execution.status, Status::Succeeded);
    }
    let elapsed = start.elapsed() / runs;
    Row {
        key: "",
        name: name.to_string(),
        units,
        unit,
        elapsed,
        peak_mib: peak_mib(),
    }
}

fn pass_chain(states: usize) -> Value {
    chain(states, true)
}

/// A chain of Pass states with `Parameters`; with `result_path`, each result goes to `$.last`.
fn chain(states: usize, result_path: bool) -> Value {
    let mut all = serde_json::Map::new();
    for i in 0..states {
        let mut state = json!({"Type": "Pass", "Parameters": {"step": i, "value.$": "$.value"}});
        if result_path {
            state["ResultPath"] = json!("$.last");
        }
        if i + 1 == states {
            state["End"] = json!(true);
        } else {
            state["Next"] = json!(format!("S{}", i + 1));
        }
        all.insert(format!("S{i}"), state);
    }
    json!({"StartAt": "S0", "States": all})
}

fn counting_loop(limit: u64) -> Value {
    json!({"StartAt": "Add", "States": {
        "Add": {"Type": "Pass", "Parameters": {"n.$": "States.MathAdd($.n, 1)"}, "Next": "Check"},
        "Check": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericLessThan": limit, "Next": "Add"}], "Default": "Done"},
        "Done": {"Type": "Succeed"}}})
}

fn counting_loop_jsonata(limit: u64) -> Value {
    json!({"QueryLanguage": "JSONata", "StartAt": "Add", "States": {
        "Add": {"Type": "Pass", "Output": {"n": "{% $states.input.n + 1 %}"}, "Next": "Check"},
        "Check": {"Type": "Choice", "Choices": [{"Condition": format!("{{% $states.input.n < {limit} %}}"), "Next": "Add"}], "Default": "Done"},
        "Done": {"Type": "Succeed"}}})
}

fn map(concurrency: u64, body: Value) -> Value {
    json!({"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": concurrency, "End": true,
        "ItemProcessor": {"StartAt": "B", "States": {"B": body}}}}})
}

/// One benchmark scenario; `key` names it for the comparison script.
struct Scenario {
    key: &'static str,
    name: &'static str,
    definition: Value,
    input: Value,
    history: bool,
    units: u64,
    unit: &'static str,
    runs: u32,
}

#[allow(clippy::too_many_arguments)] // a table row
fn scenario(
    key: &'static str,
    name: &'static str,
    definition: Value,
    input: Value,
    history: bool,
    units: u64,
    unit: &'static str,
    runs: u32,
) -> Scenario {
    Scenario {
        key,
        name,
        definition,
        input,
        history,
        units,
        unit,
        runs,
    }
}

fn scenarios() -> Vec<Scenario> {
    let input = json!({"value": 1});
    let items = json!(vec![0; 100_000]);
    let ten_thousand = json!(vec![0; 10_000]);
    let pass_body = json!({"Type": "Pass", "End": true});
    let task_body = json!({"Type": "Task",
        "Resource": "arn:aws:lambda:us-east-1:111111111111:function:work", "End": true});
    let big = json!({"value": "x".repeat(200 * 1024)});
    vec![
        scenario(
            "chain-off",
            "1,000-state Pass chain, history off",
            pass_chain(1000),
            input.clone(),
            false,
            1000,
            "transitions",
            20,
        ),
        scenario(
            "chain",
            "1,000-state Pass chain, history on",
            pass_chain(1000),
            input.clone(),
            true,
            1000,
            "transitions",
            20,
        ),
        scenario(
            "loop-off",
            "Pass+Choice loop (MathAdd), 20,000 transitions, history off",
            counting_loop(10_000),
            json!({"n": 0}),
            false,
            20_001,
            "transitions",
            5,
        ),
        scenario(
            "loop",
            "Pass+Choice loop (MathAdd), 20,000 transitions, history on",
            counting_loop(10_000),
            json!({"n": 0}),
            true,
            20_001,
            "transitions",
            5,
        ),
        scenario(
            "loop-2k",
            "Pass+Choice loop (MathAdd), 2,000 transitions, history on",
            counting_loop(1_000),
            json!({"n": 0}),
            true,
            2_001,
            "transitions",
            20,
        ),
        scenario(
            "loop-jsonata",
            "Pass+Choice loop in JSONata, 20,000 transitions, history on",
            counting_loop_jsonata(10_000),
            json!({"n": 0}),
            true,
            20_001,
            "transitions",
            2,
        ),
        scenario(
            "map-100k",
            "inline Map, 100,000 items, Pass body, MaxConcurrency 0",
            map(0, pass_body.clone()),
            items.clone(),
            false,
            100_000,
            "items",
            3,
        ),
        scenario(
            "map-100k-c10",
            "inline Map, 100,000 items, Pass body, MaxConcurrency 10",
            map(10, pass_body.clone()),
            items,
            false,
            100_000,
            "items",
            3,
        ),
        scenario(
            "map-10k-pass",
            "inline Map, 10,000 items, Pass body, MaxConcurrency 0",
            map(0, pass_body),
            ten_thousand.clone(),
            false,
            10_000,
            "items",
            20,
        ),
        scenario(
            "map-10k-handler",
            "inline Map, 10,000 items, Rust handler, MaxConcurrency 0",
            map(0, task_body.clone()),
            ten_thousand.clone(),
            false,
            10_000,
            "items",
            3,
        ),
        scenario(
            "map-10k-handler-c10",
            "inline Map, 10,000 items, Rust handler, MaxConcurrency 10",
            map(10, task_body),
            ten_thousand,
            false,
            10_000,
            "items",
            3,
        ),
        scenario(
            "sequential",
            "1,000 sequential executions of a 5-state machine (per execution)",
            pass_chain(5),
            input,
            true,
            5,
            "transitions",
            1000,
        ),
        scenario(
            "payload-off",
            "200 KiB payload through 100 states, history off",
            chain(100, false),
            big.clone(),
            false,
            100,
            "transitions",
            20,
        ),
        scenario(
            "payload",
            "200 KiB payload through 100 states, history on",
            chain(100, false),
            big,
            true,
            100,
            "transitions",
            20,
        ),
    ]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // `--emit DIR`: write each scenario's definition and input for scripts/compare-alsf.
    if let Some(at) = args.iter().position(|a| a == "--emit") {
        let dir = std::path::PathBuf::from(args.get(at + 1).expect("--emit DIR"));
        std::fs::create_dir_all(&dir).expect("the emit folder can be made");
        for s in scenarios() {
            // The output statewright gives, for the other side to be checked against.
            let output = executor(&s.definition, false)
                .run_blocking(s.input.clone())
                .output;
            let spec = json!({"key": s.key, "name": s.name, "definition": s.definition,
                              "input": s.input, "output": output, "units": s.units, "unit": s.unit});
            std::fs::write(dir.join(format!("{}.json", s.key)), spec.to_string()).expect("written");
        }
        return;
    }
    let json_output = args.iter().any(|a| a == "--json");
    let mut rows = Vec::new();
    for s in scenarios() {
        let mut row = measure(
            s.name,
            &s.definition,
            &s.input,
            s.history,
            s.units,
            s.unit,
            s.runs,
        );
        row.key = s.key;
        rows.push(row);
    }
    if json_output {
        for row in rows.iter().filter(|r| !r.elapsed.is_zero()) {
            println!(
                "{}",
                json!({"key": row.key, "name": row.name, "ms": row.elapsed.as_secs_f64() * 1000.0,
                       "per_second": row.units as f64 / row.elapsed.as_secs_f64(),
                       "peak_mib": row.peak_mib})
            );
        }
        return;
    }
    println!(
        "{:<66} {:>12} {:>16} {:>10}",
        "row", "time/run", "throughput", "peak MiB"
    );
    for row in rows.iter().filter(|r| !r.elapsed.is_zero()) {
        let per_second = row.units as f64 / row.elapsed.as_secs_f64();
        println!(
            "{:<66} {:>10.3}ms {:>10.0} {}/s {:>10.1}",
            row.name,
            row.elapsed.as_secs_f64() * 1000.0,
            per_second,
            if row.unit == "items" { "it" } else { "tr" },
            row.peak_mib
        );
    }
}
