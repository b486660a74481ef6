//! statewright: typed AWS Step Functions workflows in Rust.
//!
//! Declare a workflow, emit the Amazon States Language (ASL) that AWS runs, and run it locally.
//! Today the facade re-exports the ASL model ([`asl`]) and its validator ([`validate`]).

pub use statewright_core::{asl, json, validate};
