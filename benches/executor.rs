//! The executor's throughput on the rows of the performance issue; prints a table.
//!
//! `cargo bench --bench executor` (release build). Each row reports transitions (or items) per
//! second, the time per unit (so that rows 10x apart show whether growth is linear), and the
//! peak resident memory of the row (Linux `VmHWM`). Every row runs in a fresh process (the
//! bench starts itself again with `--row KEY`), so no row's peak includes another row's heap.

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

/// Timed batches per row, after one warm-up run: the fastest is the row's time (the
/// comparison script times aws-local-stepfunctions the same way).
const PASSES: u32 = 2;

/// Runs `runs` executions in each of `PASSES` batches and measures them.
fn measure(
    name: &str,
    definition: &Value,
    input: &Value,
    history: bool,
    units: u64,
    unit: &'static str,
    runs: u32,
) -> Row {
    let executor = executor(definition, history);
    // The input is shared by every run, as a test suite reuses its inputs: not copied.
    let input = &statewright::value::Value::from(input);
    // One warm-up run.
    let warm = executor.run_blocking(input.clone());
    assert_eq!(
        warm.status,
        Status::Succeeded,
        "{name}: {:?} {:?}",
        warm.error,
        warm.cause
    );
    // `BENCH_REPEAT=N` runs the row N times longer (for profiling).
    let runs = runs
        * std::env::var("BENCH_REPEAT")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(1);
    // The fastest of `PASSES` timed batches, as scripts/alsf-bench.mjs times the other side.
    let mut elapsed = std::time::Duration::MAX;
    for _ in 0..PASSES {
        let start = Instant::now();
        for _ in 0..runs {
            let execution = executor.run_blocking(input.clone());
            assert_eq!(execution.status, Status::Succeeded);
        }
        elapsed = elapsed.min(start.elapsed() / runs);
    }
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

/// One benchmark scenario; `key` names it for the comparison script. Its definition and input
/// are built on demand, so a row's process holds only its own.
struct Scenario {
    key: &'static str,
    name: &'static str,
    definition: fn() -> Value,
    input: fn() -> Value,
    history: bool,
    units: u64,
    unit: &'static str,
    runs: u32,
}

#[allow(clippy::too_many_arguments)] // a table row
fn scenario(
    key: &'static str,
    name: &'static str,
    definition: fn() -> Value,
    input: fn() -> Value,
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

fn value_input() -> Value {
    json!({"value": 1})
}

fn pass_body() -> Value {
    json!({"Type": "Pass", "End": true})
}

fn task_body() -> Value {
    json!({"Type": "Task",
        "Resource": "arn:aws:lambda:us-east-1:111111111111:function:work", "End": true})
}

fn scenarios() -> Vec<Scenario> {
    vec![
        scenario(
            "chain-off",
            "1,000-state Pass chain, history off",
            || pass_chain(1000),
            value_input,
            false,
            1000,
            "transitions",
            100,
        ),
        scenario(
            "chain",
            "1,000-state Pass chain, history on",
            || pass_chain(1000),
            value_input,
            true,
            1000,
            "transitions",
            100,
        ),
        scenario(
            "chain-100",
            "100-state Pass chain, history on",
            || pass_chain(100),
            value_input,
            true,
            100,
            "transitions",
            200,
        ),
        scenario(
            "loop-off",
            "Pass+Choice loop (MathAdd), 20,000 transitions, history off",
            || counting_loop(10_000),
            || json!({"n": 0}),
            false,
            20_001,
            "transitions",
            5,
        ),
        scenario(
            "loop",
            "Pass+Choice loop (MathAdd), 20,000 transitions, history on",
            || counting_loop(10_000),
            || json!({"n": 0}),
            true,
            20_001,
            "transitions",
            5,
        ),
        scenario(
            "loop-2k",
            "Pass+Choice loop (MathAdd), 2,000 transitions, history on",
            || counting_loop(1_000),
            || json!({"n": 0}),
            true,
            2_001,
            "transitions",
            20,
        ),
        scenario(
            "loop-jsonata",
            "Pass+Choice loop in JSONata, 20,000 transitions, history on",
            || counting_loop_jsonata(10_000),
            || json!({"n": 0}),
            true,
            20_001,
            "transitions",
            2,
        ),
        scenario(
            "map-100k",
            "inline Map, 100,000 items, Pass body, MaxConcurrency 0",
            || map(0, pass_body()),
            || json!(vec![0; 100_000]),
            false,
            100_000,
            "items",
            3,
        ),
        scenario(
            "map-100k-c10",
            "inline Map, 100,000 items, Pass body, MaxConcurrency 10",
            || map(10, pass_body()),
            || json!(vec![0; 100_000]),
            false,
            100_000,
            "items",
            3,
        ),
        scenario(
            "map-10k-pass",
            "inline Map, 10,000 items, Pass body, MaxConcurrency 0",
            || map(0, pass_body()),
            || json!(vec![0; 10_000]),
            false,
            10_000,
            "items",
            20,
        ),
        scenario(
            "map-10k-handler",
            "inline Map, 10,000 items, Rust handler, MaxConcurrency 0",
            || map(0, task_body()),
            || json!(vec![0; 10_000]),
            false,
            10_000,
            "items",
            3,
        ),
        scenario(
            "map-10k-handler-c10",
            "inline Map, 10,000 items, Rust handler, MaxConcurrency 10",
            || map(10, task_body()),
            || json!(vec![0; 10_000]),
            false,
            10_000,
            "items",
            3,
        ),
        scenario(
            "map-10k-handler-history",
            "inline Map, 10,000 items, Rust handler, history on",
            || map(0, task_body()),
            || json!(vec![0; 10_000]),
            true,
            10_000,
            "items",
            3,
        ),
        scenario(
            "sequential",
            "1,000 sequential executions of a 5-state machine (per execution)",
            || pass_chain(5),
            value_input,
            true,
            5,
            "transitions",
            1000,
        ),
        scenario(
            "payload-off",
            "200 KiB payload through 100 states, history off",
            || chain(100, false),
            || json!({"value": "x".repeat(200 * 1024)}),
            false,
            100,
            "transitions",
            20,
        ),
        scenario(
            "payload",
            "200 KiB payload through 100 states, history on",
            || chain(100, false),
            || json!({"value": "x".repeat(200 * 1024)}),
            true,
            100,
            "transitions",
            20,
        ),
    ]
}

/// Measures one row in this process and prints it as a JSON line (the child's side).
fn measure_row(key: &str) {
    let mut all = scenarios();
    let at = all
        .iter()
        .position(|s| s.key == key)
        .unwrap_or_else(|| panic!("no row {key}"));
    let s = all.swap_remove(at);
    let mut row = measure(
        s.name,
        &(s.definition)(),
        &(s.input)(),
        s.history,
        s.units,
        s.unit,
        s.runs,
    );
    row.key = s.key;
    println!(
        "{}",
        json!({"key": row.key, "name": row.name, "ms": row.elapsed.as_secs_f64() * 1000.0,
               "per_second": row.units as f64 / row.elapsed.as_secs_f64(),
               "units": row.units, "unit": row.unit, "peak_mib": row.peak_mib})
    );
}

/// Runs one row in a fresh process of this bench and reads its JSON line.
fn spawn_row(key: &str) -> Value {
    let exe = std::env::current_exe().expect("the bench knows its own path");
    let out = std::process::Command::new(exe)
        .args(["--row", key])
        .stderr(std::process::Stdio::inherit())
        .output()
        .expect("the bench can start itself");
    assert!(out.status.success(), "row {key} failed");
    let text = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(text.trim()).expect("a row prints one JSON line")
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // `--row KEY`: measure one row here (the parent starts one process per row).
    if let Some(at) = args.iter().position(|a| a == "--row") {
        measure_row(args.get(at + 1).expect("--row KEY"));
        return;
    }
    // `--emit DIR`: write each scenario's definition and input for scripts/compare-alsf.
    if let Some(at) = args.iter().position(|a| a == "--emit") {
        let dir = std::path::PathBuf::from(args.get(at + 1).expect("--emit DIR"));
        std::fs::create_dir_all(&dir).expect("the emit folder can be made");
        for s in scenarios() {
            // The output statewright gives, for the other side to be checked against.
            let (definition, input) = ((s.definition)(), (s.input)());
            let output = executor(&definition, false)
                .run_blocking(input.clone())
                .output;
            let spec = json!({"key": s.key, "name": s.name, "definition": definition,
                              "input": input, "output": output, "units": s.units, "unit": s.unit});
            std::fs::write(dir.join(format!("{}.json", s.key)), spec.to_string()).expect("written");
        }
        return;
    }
    let json_output = args.iter().any(|a| a == "--json");
    // `BENCH_ROW=text` runs only the rows whose key is the text or whose name contains it.
    let only = std::env::var("BENCH_ROW").ok();
    let keys: Vec<(&str, &str)> = scenarios()
        .iter()
        .map(|s| (s.key, s.name))
        .filter(|(key, name)| {
            only.as_ref()
                .is_none_or(|o| key == o || name.contains(o.as_str()))
        })
        .collect();
    if !json_output {
        println!(
            "{:<66} {:>12} {:>16} {:>12} {:>10}",
            "row", "time/run", "throughput", "per unit", "peak MiB"
        );
    }
    for (key, _) in keys {
        let row = spawn_row(key);
        if json_output {
            println!("{row}");
            continue;
        }
        let ms = row["ms"].as_f64().unwrap_or(f64::NAN);
        let units = row["units"].as_f64().unwrap_or(f64::NAN);
        // A run under 0.1 ms is written in microseconds, so that its digits show.
        let time = if ms < 0.1 {
            format!("{:.3}us", ms * 1000.0)
        } else {
            format!("{ms:.3}ms")
        };
        println!(
            "{:<66} {:>12} {:>10.0} {}/s {:>9.1}ns {:>10.1}",
            row["name"].as_str().unwrap_or(key),
            time,
            row["per_second"].as_f64().unwrap_or(f64::NAN),
            if row["unit"] == "items" { "it" } else { "tr" },
            ms * 1e6 / units,
            row["peak_mib"].as_f64().unwrap_or(f64::NAN)
        );
    }
}
