//! Choice conditions as JSON rules, with fields and literals checked against the Choice's
//! input type.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::ast::*;
use super::paths::{field_expr, names_expr};

/// A Choice condition as JSON, checking fields and literals against the Choice's input type.
pub(super) fn condition_code(condition: &Condition, witness: &TokenStream) -> TokenStream {
    match condition {
        Condition::Jsonata(text) => quote!(sw::json!({ "Condition": #text })),
        Condition::And(all) => {
            let all = all.iter().map(|c| condition_code(c, witness));
            quote!(sw::combine("And", vec![#(#all),*]))
        }
        Condition::Or(all) => {
            let all = all.iter().map(|c| condition_code(c, witness));
            quote!(sw::combine("Or", vec![#(#all),*]))
        }
        Condition::Not(inner) => {
            let inner = condition_code(inner, witness);
            quote!(sw::combine("Not", vec![#inner]))
        }
        Condition::Test { field, test, span } => {
            let names = names_expr(witness, field, *span);
            let field = field_expr(witness, field, *span);
            quote!({ let _ = #field; sw::test(sw::render_path("$", &#names), #test) })
        }
        Condition::Matches {
            field,
            pattern,
            span,
        } => {
            let names = names_expr(witness, field, *span);
            let field = field_expr(witness, field, *span);
            quote_spanned!(*span=> {
                sw::matchable(#field);
                let mut rule = sw::Map::new();
                rule.insert("Variable".into(), sw::json!(sw::render_path("$", &#names)));
                rule.insert("StringMatches".into(), sw::json!(#pattern));
                sw::Value::Object(rule)
            })
        }
        Condition::Compare {
            field,
            operator,
            value,
            span,
        } => {
            let names = names_expr(witness, field, *span);
            let field_ref = field_expr(witness, field, *span);
            let (name, negate) = match operator {
                Operator::Eq => ("Equals", false),
                Operator::Ne => ("Equals", true),
                Operator::Lt => ("LessThan", false),
                Operator::Le => ("LessThanEquals", false),
                Operator::Gt => ("GreaterThan", false),
                Operator::Ge => ("GreaterThanEquals", false),
            };
            let ordered = (!matches!(operator, Operator::Eq | Operator::Ne))
                .then(|| quote_spanned!(*span=> sw::ordered(#field_ref);));
            let rule = match value {
                Operand::Literal(literal) => {
                    let literal_span = literal.span();
                    let value = quote_spanned!(literal_span=> sw::literal(#field_ref, &(#literal)));
                    quote!(sw::comparison(sw::render_path("$", &#names), #name, sw::kind(#field_ref), #value))
                }
                Operand::Field(other, other_span) => {
                    let other_names = names_expr(witness, other, *other_span);
                    let other_ref = field_expr(witness, other, *other_span);
                    quote_spanned!(*other_span=> {
                        sw::same_type(#field_ref, #other_ref);
                        sw::comparison_path(sw::render_path("$", &#names), #name, sw::kind(#field_ref), sw::render_path("$", &#other_names))
                    })
                }
            };
            let rule = quote!({ #ordered #rule });
            if negate {
                quote!(sw::combine("Not", vec![#rule]))
            } else {
                rule
            }
        }
    }
}
