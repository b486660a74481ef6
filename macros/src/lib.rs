//! statewright-macros: the derive macros of statewright's typed workflow DSL.
//!
//! This crate depends only on `proc-macro` tooling, never on `statewright-core` (which
//! re-exports it). The derives land with the typed DSL; until then the crate holds no items.
