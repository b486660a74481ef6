//! The `statewright` command.
fn main() {}
