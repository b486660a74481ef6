//! The `statewright` command: validate, run and emit Step Functions state machines.

mod emit;
mod run;
mod validate;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// statewright: typed AWS Step Functions workflows, checked and run locally.
#[derive(Parser)]
#[command(name = "statewright", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check state machine definitions as AWS does when it creates them.
    ///
    /// Prints `file:/json/pointer: CODE: message` for each finding. Exits 0 when every file is
    /// valid, 1 when any has findings, 2 when any cannot be read or is not JSON.
    Validate(validate::Args),
    /// Run a state machine on the local executor.
    ///
    /// Prints the execution's status, output, error and cause. Exits 0 when it succeeded, 1
    /// when it failed or timed out, 2 when it could not start (unreadable or invalid files).
    Run(run::Args),
    /// Write each definition's deployment files: ASL, IAM policy and SAM template.
    ///
    /// Writes `NAME.asl.json`, `NAME.iam.json` and `NAME.sam.json` into `--out`, leaving files
    /// whose content is unchanged untouched, and prints `path: written|unchanged` for each.
    /// Exits 0 when every file was emitted, 1 when any definition has findings (or a
    /// placeholder `--naming` cannot fill), 2 when any cannot be read or written.
    Emit(emit::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Run(args) => run::run(&args),
        Command::Emit(args) => emit::run(&args),
    }
}

/// Reads a file, or standard input for `-`.
fn read(file: &std::path::Path) -> Result<String, String> {
    use std::io::Read;
    if file.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(text);
    }
    std::fs::read_to_string(file).map_err(|e| format!("cannot read the file: {e}"))
}
