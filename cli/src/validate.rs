//! `statewright validate FILE...`: findings as text or JSON, with exit codes 0, 1 and 2.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args as ClapArgs, ValueEnum};
use serde_json::json;
use statewright_core::validate::{MachineType, Options, Report, validate_text};

/// The arguments of `statewright validate`.
#[derive(ClapArgs)]
pub struct Args {
    /// Definition files to check; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Print one JSON report for all files instead of text lines.
    #[arg(long)]
    json: bool,
    /// The state machine type the definitions are for.
    #[arg(long = "type", value_enum, default_value_t = TypeArg::Standard)]
    machine_type: TypeArg,
}

/// `--type`: the state machine type definitions are checked for.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum TypeArg {
    Standard,
    Express,
}

impl From<TypeArg> for MachineType {
    fn from(arg: TypeArg) -> MachineType {
        match arg {
            TypeArg::Standard => MachineType::Standard,
            TypeArg::Express => MachineType::Express,
        }
    }
}

/// What happened to one file.
enum Outcome {
    Valid,
    Findings(Vec<statewright_core::validate::Finding>),
    Unreadable(String),
}

/// Runs the command and gives the exit code.
pub fn run(args: &Args) -> ExitCode {
    let options = Options {
        machine_type: args.machine_type.into(),
    };
    let mut worst = 0u8;
    let mut reports = Vec::new();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for file in &args.files {
        let name = file.display().to_string();
        let outcome = match super::read(file) {
            Err(message) => Outcome::Unreadable(message),
            Ok(text) => match validate_text(&text, &options) {
                Report::Unreadable(e) => Outcome::Unreadable(format!(
                    "not JSON: {} (line {}, column {})",
                    e.message, e.line, e.column
                )),
                Report::Checked(findings) if findings.is_empty() => Outcome::Valid,
                Report::Checked(findings) => Outcome::Findings(findings),
            },
        };
        worst = worst.max(match outcome {
            Outcome::Valid => 0,
            Outcome::Findings(_) => 1,
            Outcome::Unreadable(_) => 2,
        });
        if args.json {
            reports.push(match &outcome {
                Outcome::Valid => json!({"file": name, "valid": true, "findings": []}),
                Outcome::Findings(findings) => {
                    json!({"file": name, "valid": false, "findings": findings})
                }
                Outcome::Unreadable(message) => {
                    json!({"file": name, "valid": false, "error": message, "findings": []})
                }
            });
            continue;
        }
        // A closed pipe (`| head`) is not an error worth a panic; stop writing quietly.
        let written = match &outcome {
            Outcome::Valid => writeln!(out, "{name}: valid"),
            Outcome::Findings(findings) => findings.iter().try_for_each(|finding| {
                let pointer = if finding.pointer.is_empty() {
                    "/"
                } else {
                    &finding.pointer
                };
                writeln!(
                    out,
                    "{name}:{pointer}: {}: {}",
                    finding.code, finding.message
                )
            }),
            Outcome::Unreadable(message) => writeln!(err, "{name}: error: {message}"),
        };
        if written.is_err() {
            break;
        }
    }
    if args.json {
        let report = json!({"files": reports});
        let _ = writeln!(out, "{report:#}");
    }
    ExitCode::from(worst)
}
