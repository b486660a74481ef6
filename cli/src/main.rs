//! The `statewright` command: validate Step Functions state machine definitions.

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Validate(args) => validate::run(&args),
    }
}
