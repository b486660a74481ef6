//! `statewright emit FILE... --out DIR`: each definition's ASL, IAM policy and SAM template;
//! `statewright emit --example NAME --out DIR`: the same for the typed workflows of a
//! crate's example, which `cargo run` starts with `--statewright-emit DIR`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args as ClapArgs;
use statewright_codegen::{EmitError, Emitter, Naming, NamingError};
use statewright_core::validate::{Finding, LoadError, Options, load};

use crate::validate::TypeArg;

/// The arguments of `statewright emit`.
#[derive(ClapArgs)]
pub struct Args {
    /// Definition files (ASL JSON); `-` reads standard input and needs `--name`.
    #[arg(required_unless_present = "examples", value_name = "FILE")]
    files: Vec<PathBuf>,
    /// A cargo example of a workflow crate whose typed workflows to emit: it is built and
    /// run with `--statewright-emit DIR` (its `main` calls `statewright::dsl::emit_requested`).
    #[arg(long = "example", value_name = "NAME", conflicts_with = "files")]
    examples: Vec<String>,
    /// The workflow crate's `Cargo.toml`, for `--example` (default: the current crate).
    #[arg(long, value_name = "PATH", requires = "examples")]
    manifest_path: Option<PathBuf>,
    /// The directory to write `NAME.asl.json`, `NAME.iam.json` and `NAME.sam.json` into.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// A JSON file `{"region", "account", "prefix", "partition", "overrides"}` that fills
    /// the `${Placeholder}`s of the definitions; without it they stay for
    /// `DefinitionSubstitutions`.
    #[arg(long, value_name = "FILE")]
    naming: Option<PathBuf>,
    /// The name of the emitted files, for a single FILE; by default the file's name without
    /// `.json` and `.asl`.
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// The state machine type the definitions are validated for.
    #[arg(long = "type", value_enum, default_value_t = TypeArg::Standard)]
    machine_type: TypeArg,
}

/// What happened to one file: the exit code it asks for.
const OK: u8 = 0;
const FINDINGS: u8 = 1;
const UNREADABLE: u8 = 2;

/// Runs the command and gives the exit code: 0 written, 1 findings, 2 unreadable input or
/// unwritable output.
pub fn run(args: &Args) -> ExitCode {
    if !args.examples.is_empty() {
        return run_examples(args);
    }
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    if args.name.is_some() && args.files.len() > 1 {
        let _ = writeln!(
            err,
            "error: `--name` names the files of one definition; give one FILE"
        );
        return ExitCode::from(UNREADABLE);
    }
    let mut emitter = Emitter::new(&args.out).machine_type(args.machine_type.into());
    if let Some(path) = &args.naming {
        match read_naming(path) {
            Ok(naming) => emitter = emitter.naming(naming),
            Err(message) => {
                let _ = writeln!(err, "{}: error: {message}", path.display());
                return ExitCode::from(UNREADABLE);
            }
        }
    }
    let options = Options {
        machine_type: args.machine_type.into(),
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut worst = OK;
    for file in &args.files {
        let shown = file.display().to_string();
        let code = emit_one(args, &emitter, &options, file, &shown, &mut out, &mut err);
        worst = worst.max(code);
    }
    ExitCode::from(worst)
}

fn read_naming(path: &Path) -> Result<Naming, String> {
    let text = crate::read(path)?;
    serde_json::from_str(&text).map_err(|e| format!("not a naming: {e}"))
}

/// The name of a definition's files: `orders.asl.json` -> `orders`.
fn default_name(file: &Path) -> Option<String> {
    let name = file.file_name()?.to_str()?;
    let name = name.strip_suffix(".json").unwrap_or(name);
    let name = name.strip_suffix(".asl").unwrap_or(name);
    (!name.is_empty() && name != "-").then(|| name.to_string())
}

fn emit_one(
    args: &Args,
    emitter: &Emitter,
    options: &Options,
    file: &Path,
    shown: &str,
    out: &mut impl Write,
    err: &mut impl Write,
) -> u8 {
    let Some(name) = args.name.clone().or_else(|| default_name(file)) else {
        let _ = writeln!(
            err,
            "{shown}: error: no name for the emitted files; give `--name`"
        );
        return UNREADABLE;
    };
    let text = match crate::read(file) {
        Ok(text) => text,
        Err(message) => {
            let _ = writeln!(err, "{shown}: error: {message}");
            return UNREADABLE;
        }
    };
    let machine = match load(&text, options) {
        Ok(machine) => machine,
        Err(LoadError::Syntax(e)) => {
            let _ = writeln!(
                err,
                "{shown}: error: not JSON: {} (line {}, column {})",
                e.message, e.line, e.column
            );
            return UNREADABLE;
        }
        Err(LoadError::Invalid(findings)) => {
            print_findings(out, shown, &findings);
            return FINDINGS;
        }
    };
    match emitter.emit(&name, &machine) {
        Ok(emitted) => {
            for path in [&emitted.asl, &emitted.iam, &emitted.sam] {
                let state = if emitted.written.contains(path) {
                    "written"
                } else {
                    "unchanged"
                };
                let _ = writeln!(out, "{}: {state}", path.display());
            }
            OK
        }
        Err(EmitError::Invalid { findings, .. }) => {
            // Only a filled-in definition can be invalid here: the file itself was checked.
            print_findings(out, &format!("{shown} (with --naming)"), &findings);
            FINDINGS
        }
        Err(EmitError::Naming { source, .. }) => {
            // An unknown placeholder's message starts with its pointer, as a finding does.
            let separator = match source {
                NamingError::UnknownPlaceholder { .. } => "",
                NamingError::NotAsl(_) => " ",
            };
            let _ = writeln!(out, "{shown}:{separator}{source}");
            FINDINGS
        }
        Err(error) => {
            let _ = writeln!(err, "{shown}: error: {error}");
            UNREADABLE
        }
    }
}

fn print_findings(out: &mut impl Write, shown: &str, findings: &[Finding]) {
    for finding in findings {
        let pointer = if finding.pointer.is_empty() {
            "/"
        } else {
            &finding.pointer
        };
        let _ = writeln!(
            out,
            "{shown}:{pointer}: {}: {}",
            finding.code, finding.message
        );
    }
}

/// Builds and runs each example with `--statewright-emit DIR`; cargo's and the example's own
/// output pass through, so a compile error in the workflow shows as cargo shows it.
fn run_examples(args: &Args) -> ExitCode {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut worst = OK;
    for example in &args.examples {
        let mut command = std::process::Command::new(&cargo);
        command.args(["run", "--quiet", "--example", example]);
        if let Some(manifest) = &args.manifest_path {
            command.arg("--manifest-path").arg(manifest);
        }
        command.arg("--").arg("--statewright-emit").arg(&args.out);
        if let Some(naming) = &args.naming {
            command.arg("--statewright-naming").arg(naming);
        }
        let code = match command.status() {
            Ok(status) if status.success() => OK,
            Ok(status) => {
                eprintln!("example `{example}`: error: `cargo run` ended with {status}");
                FINDINGS
            }
            Err(error) => {
                eprintln!("example `{example}`: error: cannot start cargo: {error}");
                UNREADABLE
            }
        };
        worst = worst.max(code);
    }
    ExitCode::from(worst)
}
