//! Typed paths in generated code: field references read off witnesses, their JSON names,
//! and raw paths as written.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::Ident;

use super::ast::PathArg;

/// The expression of a typed path's field (`&Field<T>`) from a witness, spanned at the path so
/// that a missing field is reported where it is written.
///
/// No parentheses around it: callers pass it as an argument, and parentheses carrying the
/// user's span there would trip `unused_parens` in the user's crate.
pub(super) fn field_expr(witness: &TokenStream, idents: &[Ident], span: Span) -> TokenStream {
    quote_spanned!(span=> &sw::fields_of(&#witness) #(.#idents)*)
}

/// The JSON names along a typed path, as an array expression.
pub(super) fn names_expr(witness: &TokenStream, idents: &[Ident], span: Span) -> TokenStream {
    let names = (1..=idents.len()).map(|n| {
        let prefix = &idents[..n];
        quote_spanned!(span=> sw::fields_of(&#witness) #(.#prefix)*.name())
    });
    quote!([#(#names),*])
}

/// A rendered path: typed ones through the witness, raw ones as written.
pub(super) fn path_value(witness: &TokenStream, path: &PathArg, root: &str) -> TokenStream {
    match path {
        PathArg::Typed(idents, span) => {
            let names = names_expr(witness, idents, *span);
            quote!(sw::render_path(#root, &#names))
        }
        PathArg::Raw(text) => quote!(#text.to_string()),
    }
}

/// The witness of the value a path selects: its field's type, or `Value` for a raw path.
pub(super) fn path_witness(witness: &TokenStream, path: &PathArg) -> TokenStream {
    match path {
        PathArg::Typed(idents, span) => {
            let field = field_expr(witness, idents, *span);
            quote!(sw::field_w(#field))
        }
        // `"$"` is the value itself; any other raw path is untyped.
        PathArg::Raw(text) if text.value() == "$" => witness.clone(),
        PathArg::Raw(_) => quote!(sw::w::<sw::Value>()),
    }
}
