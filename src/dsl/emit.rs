//! Emission on request: a workflow program started with `--statewright-emit DIR` (as
//! `statewright emit --example NAME` starts it) writes its workflows' ASL, IAM policy and SAM
//! files instead of running.

use std::path::PathBuf;

use statewright_codegen::{EmitError, Emitted, Emitter, Naming};

use crate::asl::StateMachine;

/// The command-line flag that asks a program to emit its workflows into a directory.
pub const EMIT_FLAG: &str = "--statewright-emit";
/// The flag that names a naming config (JSON) to fill the ARN placeholders with.
pub const NAMING_FLAG: &str = "--statewright-naming";

/// A workflow's name and its `definition` function, as `emit_requested` takes them.
pub type NamedDefinition<'a> = (&'a str, fn() -> StateMachine);

/// Why emission failed.
#[derive(Debug, thiserror::Error)]
pub enum EmitRequestError {
    /// The naming config could not be read or parsed.
    #[error("cannot read the naming config {path}: {message}")]
    Naming {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// Writing a workflow's files failed.
    #[error(transparent)]
    Emit(#[from] EmitError),
}

/// Writes every workflow's files when the process arguments hold `--statewright-emit DIR`,
/// and says whether they did (the program then exits instead of running).
///
/// ```no_run
/// # use statewright::asl::StateMachine;
/// # fn definition() -> StateMachine { unimplemented!() }
/// if statewright::dsl::emit_requested(&[("Orders", definition)])? {
///     return Ok(());
/// }
/// # Ok::<(), statewright::dsl::EmitRequestError>(())
/// ```
pub fn emit_requested(workflows: &[NamedDefinition<'_>]) -> Result<bool, EmitRequestError> {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|arg| arg == flag)
            .and_then(|i| args.get(i + 1))
            .map(PathBuf::from)
    };
    let Some(dir) = value(EMIT_FLAG) else {
        return Ok(false);
    };
    let mut emitter = Emitter::new(&dir);
    if let Some(path) = value(NAMING_FLAG) {
        let naming = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| serde_json::from_str::<Naming>(&text).map_err(|e| e.to_string()))
            .map_err(|message| EmitRequestError::Naming {
                path: path.clone(),
                message,
            })?;
        emitter = emitter.naming(naming);
    }
    for (name, definition) in workflows {
        let emitted = emitter.emit(name, &definition())?;
        report(&emitted);
    }
    Ok(true)
}

fn report(emitted: &Emitted) {
    for path in [&emitted.asl, &emitted.iam, &emitted.sam] {
        println!("{}", path.display());
    }
}
