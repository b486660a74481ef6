//! `#[derive(Workflow)]`: parse -> check -> expand, each in its own file.

mod ast;
mod attr;
mod check;
mod condition;
mod expand;
mod literals;
mod paths;
mod rules;
mod state;
mod syntax;
mod template;

use proc_macro2::TokenStream;
use syn::DeriveInput;

use crate::errors::Errors;

/// Expands the derive: the impl, or the errors and a fallback impl.
pub fn derive(input: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let Some(workflow) = attr::workflow(input, &mut errors) else {
        let mut out = errors.into_compile_errors();
        out.extend(expand::fallback(&input.ident));
        return out;
    };
    let start = check::check(&workflow, &mut errors);
    match start {
        Some(start) if errors.is_empty() => expand::expand(&workflow, start),
        _ => {
            let mut out = errors.into_compile_errors();
            out.extend(expand::fallback(&input.ident));
            out
        }
    }
}
