//! `statewright run DEF.json --input IN.json`: runs a state machine on the local executor.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args as ClapArgs;
use serde_json::{Value, json};
use statewright_core::exec::{Executor, Status};
use statewright_core::validate::LoadError;

/// The arguments of `statewright run`.
#[derive(ClapArgs)]
pub struct Args {
    /// The state machine definition (ASL JSON); `-` reads standard input.
    #[arg(value_name = "DEFINITION")]
    definition: PathBuf,
    /// The execution input: a JSON file, `-` for standard input, or JSON text.
    #[arg(long, value_name = "INPUT", default_value = "{}")]
    input: String,
    /// Print one JSON object `{"status", "output", "error", "cause"}`.
    #[arg(long)]
    json: bool,
    /// Print the execution history too.
    #[arg(long)]
    history: bool,
    /// An AWS Step Functions Local `MockConfigFile`: mocked responses per state.
    #[arg(long, value_name = "FILE", requires = "test_case")]
    mock_config: Option<PathBuf>,
    /// The test case of the mock configuration to use.
    #[arg(long, value_name = "NAME", requires = "mock_config")]
    test_case: Option<String>,
    /// The state machine's name (in ARNs and the mock configuration); by default the
    /// definition file's name without its extensions.
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
}

/// Runs the command and gives the exit code: 0 succeeded, 1 failed, 2 could not start.
pub fn run(args: &Args) -> ExitCode {
    let definition = match super::read(&args.definition) {
        Ok(text) => text,
        Err(message) => return cannot_start(&args.definition.display().to_string(), &message),
    };
    let input = match read_input(&args.input) {
        Ok(input) => input,
        Err(message) => return cannot_start("--input", &message),
    };
    let builder = match Executor::from_json(&definition) {
        Ok(builder) => builder,
        Err(LoadError::Syntax(e)) => {
            return cannot_start(
                &args.definition.display().to_string(),
                &format!(
                    "not JSON: {} (line {}, column {})",
                    e.message, e.line, e.column
                ),
            );
        }
        Err(LoadError::Invalid(findings)) => {
            let name = args.definition.display().to_string();
            for finding in &findings {
                eprintln!("{name}:{finding}");
            }
            return ExitCode::from(2);
        }
    };
    let name = args.name.clone().unwrap_or_else(|| {
        let file = args
            .definition
            .file_name()
            .and_then(|f| f.to_str())
            .unwrap_or_default();
        match file.split('.').next() {
            Some(stem) if !stem.is_empty() && stem != "-" => stem.to_string(),
            _ => "StateMachine".to_string(),
        }
    });
    let mut builder = builder.name(&name).record_history(args.history);
    if let (Some(config), Some(test_case)) = (&args.mock_config, &args.test_case) {
        let text = match super::read(config) {
            Ok(text) => text,
            Err(message) => return cannot_start(&config.display().to_string(), &message),
        };
        builder = match builder.mock_config(&text, &name, test_case) {
            Ok(builder) => builder,
            Err(error) => return cannot_start(&config.display().to_string(), &error.to_string()),
        };
    }
    let execution = builder.build().run_blocking(input);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut report = json!({
        "status": execution.status.as_str(),
        "output": execution.output,
        "error": execution.error,
        "cause": execution.cause,
    });
    if args.history {
        report["history"] = serde_json::to_value(&execution.history).unwrap_or(Value::Null);
    }
    let _ = if args.json {
        writeln!(out, "{report}")
    } else {
        writeln!(out, "{report:#}")
    };
    if execution.status == Status::Succeeded {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn read_input(input: &str) -> Result<Value, String> {
    let trimmed = input.trim_start();
    let text =
        if trimmed.starts_with(['{', '[', '"']) || serde_json::from_str::<Value>(input).is_ok() {
            input.to_string()
        } else {
            super::read(&PathBuf::from(input))?
        };
    serde_json::from_str(&text).map_err(|e| format!("the input is not JSON: {e}"))
}

fn cannot_start(what: &str, message: &str) -> ExitCode {
    eprintln!("{what}: error: {message}");
    ExitCode::from(2)
}
