//! Compile-fail tests of the typed DSL: each `tests/ui/<category>/<rule>.rs` must fail to
//! compile with the message in its `.stderr`; each `tests/ui-pass/*.rs` must compile.
//! Regenerate the messages with `TRYBUILD=overwrite cargo test --test ui`.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*/*.rs");
    cases.pass("tests/ui-pass/*.rs");
}
