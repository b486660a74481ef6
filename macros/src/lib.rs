//! statewright-macros: `#[derive(Payload)]`, `#[derive(Workflow)]` and
//! `#[statewright::lambda]`. Use them through the `statewright` crate, which the generated
//! code refers to.

mod case;
mod errors;
mod lambda;
mod payload;
mod serde_attr;
mod workflow;

use proc_macro::TokenStream;
use syn::{DeriveInput, ItemFn, parse_macro_input};

/// Typed field paths for a payload type, following serde's renames (see `statewright::dsl`).
#[proc_macro_derive(Payload, attributes(payload))]
pub fn derive_payload(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    payload::expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// A Step Functions workflow from a struct whose fields are its states (see `statewright::dsl`).
#[proc_macro_derive(Workflow, attributes(workflow, state, choice, retry, catch))]
pub fn derive_workflow(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    workflow::derive(&input).into()
}

/// Makes a Lambda handler a typed task: `#[statewright::lambda(function = "CheckStockPrice")]`.
#[proc_macro_attribute]
pub fn lambda(args: TokenStream, item: TokenStream) -> TokenStream {
    let item = parse_macro_input!(item as ItemFn);
    lambda::expand(args.into(), item)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
