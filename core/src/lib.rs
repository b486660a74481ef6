//! statewright-core: the Amazon States Language model, its validator, and the local executor.
//!
//! Data flows `text -> asl model -> validate -> exec`. [`asl`] holds the serde model of every
//! state machine AWS accepts; [`validate`] checks a definition the way AWS does at creation
//! time and reports each finding with a stable code and a JSON Pointer; [`json`] reads JSON text
//! without losing what `serde_json` drops (duplicate keys, positions); [`path`] parses JSONPath
//! as Step Functions reads it, [`intrinsics`] the `States.*` intrinsic function calls, and
//! [`jsonata`] the `{% %}` JSONata expressions. Payloads flow through the executor as
//! [`value::Value`]s: serde_json's API, with contents shared between clones.

pub mod asl;
pub mod exec;
pub mod intrinsics;
pub mod json;
pub mod jsonata;
pub mod path;
pub mod validate;
pub mod value;
