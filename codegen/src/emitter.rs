//! `Emitter`: writes a state machine's deployment files (ASL, IAM, SAM), for build.rs and tools.

use std::path::{Path, PathBuf};

use statewright_core::asl::StateMachine;
use statewright_core::validate::{Finding, MachineType, Options, validate_value};

use crate::arn::Home;
use crate::cloudformation::{logical_id, sam_template};
use crate::iam::iam_policy_in;
use crate::naming::{Naming, NamingError};
use crate::render_asl;

/// Writes `NAME.asl.json`, `NAME.iam.json` and `NAME.sam.json` into one directory.
///
/// ```no_run
/// # fn main() -> Result<(), statewright_codegen::EmitError> {
/// # let machine: statewright_core::asl::StateMachine = todo!();
/// // build.rs
/// let emitted = statewright_codegen::Emitter::from_env()?.emit("orders", &machine)?;
/// println!("cargo::rustc-env=ORDERS_ASL={}", emitted.asl.display());
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct Emitter {
    out_dir: PathBuf,
    naming: Option<Naming>,
    options: Options,
}

/// The files one [`Emitter::emit`] call produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Emitted {
    /// `NAME.asl.json`: the definition, placeholders filled in when a [`Naming`] is set.
    pub asl: PathBuf,
    /// `NAME.iam.json`: the least-privilege policy document of the state machine's role.
    pub iam: PathBuf,
    /// `NAME.sam.json`: a SAM template whose state machine loads `NAME.asl.json`.
    pub sam: PathBuf,
    /// The files whose content changed and were written; the others were left untouched.
    pub written: Vec<PathBuf>,
}

/// Why a state machine's files were not emitted.
#[derive(Debug, thiserror::Error)]
pub enum EmitError {
    /// `Emitter::from_env` outside a build script.
    #[error(
        "`OUT_DIR` is not set: `Emitter::from_env` works in build.rs; elsewhere use `Emitter::new(dir)`"
    )]
    NoOutDir,
    /// The name cannot be a file name or a CloudFormation logical ID.
    #[error(
        "`{0}` cannot name the emitted files: use letters, digits, `-`, `_` or `.`, with at \
         least one letter or digit"
    )]
    InvalidName(String),
    /// The definition breaks the rules; every finding is listed.
    #[error("state machine `{name}` is invalid: {}", list(.findings))]
    Invalid {
        /// The name given to `emit`.
        name: String,
        /// The validator's findings.
        findings: Vec<Finding>,
    },
    /// A placeholder could not be filled in.
    #[error("state machine `{name}`: {source}")]
    Naming {
        /// The name given to `emit`.
        name: String,
        /// What went wrong.
        source: NamingError,
    },
    /// A file could not be read or written.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
}

fn list(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(Finding::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

impl Emitter {
    /// An emitter writing into `out_dir` (created when missing).
    pub fn new(out_dir: impl Into<PathBuf>) -> Emitter {
        Emitter {
            out_dir: out_dir.into(),
            naming: None,
            options: Options::default(),
        }
    }

    /// An emitter writing into Cargo's `OUT_DIR`, for build scripts.
    pub fn from_env() -> Result<Emitter, EmitError> {
        std::env::var_os("OUT_DIR")
            .map(Emitter::new)
            .ok_or(EmitError::NoOutDir)
    }

    /// Fills placeholders with this naming; without one, `${...}` placeholders stay for
    /// CloudFormation's `DefinitionSubstitutions`.
    pub fn naming(mut self, naming: Naming) -> Emitter {
        self.naming = Some(naming);
        self
    }

    /// Validates for this state machine type (STANDARD by default).
    pub fn machine_type(mut self, machine_type: MachineType) -> Emitter {
        self.options.machine_type = machine_type;
        self
    }

    /// The directory the files go to.
    pub fn out_dir(&self) -> &Path {
        &self.out_dir
    }

    /// Validates the state machine, fills its placeholders when a naming is set, and writes
    /// `NAME.asl.json`, `NAME.iam.json` and `NAME.sam.json`. A file whose content is unchanged
    /// is not rewritten, so its modification time does not make Cargo rebuild.
    ///
    /// In the template the state machine's logical ID is `NAME` in PascalCase ending in
    /// `StateMachine` (`orders` -> `OrdersStateMachine`), apart from the resources `X` its
    /// placeholders refer to.
    pub fn emit(&self, name: &str, machine: &StateMachine) -> Result<Emitted, EmitError> {
        let logical = logical_id(name)
            .filter(|_| is_file_stem(name))
            .map(|id| match id.ends_with("StateMachine") {
                true => id,
                false => id + "StateMachine",
            })
            .ok_or_else(|| EmitError::InvalidName(name.to_string()))?;
        self.check(name, machine)?;
        let (machine, home) = match &self.naming {
            Some(naming) => {
                let resolved = naming
                    .resolve(machine)
                    .map_err(|source| EmitError::Naming {
                        name: name.to_string(),
                        source,
                    })?;
                // An override can put anything in a definition; check what AWS will get.
                self.check(name, &resolved)?;
                (resolved, Home::from(naming))
            }
            None => (machine.clone(), Home::Unknown),
        };
        let asl_file = format!("{name}.asl.json");
        let asl = self.out_dir.join(&asl_file);
        let iam = self.out_dir.join(format!("{name}.iam.json"));
        let sam = self.out_dir.join(format!("{name}.sam.json"));
        let files = [
            (&asl, render_asl(&machine)),
            (&iam, pretty(&iam_policy_in(&machine, &home))),
            (
                &sam,
                pretty(&sam_template(&logical, &machine, Some(&asl_file))),
            ),
        ];
        std::fs::create_dir_all(&self.out_dir).map_err(|source| EmitError::Io {
            path: self.out_dir.clone(),
            source,
        })?;
        let mut written = Vec::new();
        for (path, text) in files {
            if write_if_changed(path, &text)? {
                written.push(path.clone());
            }
        }
        Ok(Emitted {
            asl,
            iam,
            sam,
            written,
        })
    }

    fn check(&self, name: &str, machine: &StateMachine) -> Result<(), EmitError> {
        let findings = validate_value(&machine.to_value(), &self.options);
        if findings.is_empty() {
            Ok(())
        } else {
            Err(EmitError::Invalid {
                name: name.to_string(),
                findings,
            })
        }
    }
}

/// Letters, digits, `-`, `_` and `.`, not starting with `.`: safe in any directory.
fn is_file_stem(name: &str) -> bool {
    !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

fn pretty(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes `text` unless the file already holds it; says whether it wrote.
fn write_if_changed(path: &Path, text: &str) -> Result<bool, EmitError> {
    if std::fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(false);
    }
    std::fs::write(path, text).map_err(|source| EmitError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(true)
}
