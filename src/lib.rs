//! statewright: typed AWS Step Functions workflows in Rust.
//!
//! Declare a workflow, emit the Amazon States Language (ASL) that AWS runs, and run it locally.
//! The facade re-exports the ASL model ([`asl`]), its validator ([`validate`]) and the local
//! executor ([`exec`]).

pub use statewright_core::{asl, exec, json, jsonata, path, validate};
