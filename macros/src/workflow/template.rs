//! Payload templates (`parameters(..)`, `message(..)`, selectors, `assign(..)`) as JSON,
//! with each typed key checked against its target type and each value against its source.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::Type;

use super::ast::*;
use super::paths::{field_expr, names_expr};

/// The witnesses a template's typed values start from.
pub(super) struct Roots {
    pub(super) input: Option<TokenStream>,
    pub(super) result: Option<TokenStream>,
    pub(super) item: Option<TokenStream>,
}

/// A template as JSON, checking each typed key against `target` (a payload type).
pub(super) fn template_code(
    template: &Template,
    target: Option<&Type>,
    roots: &Roots,
    jsonata: bool,
    raw_keys: bool,
) -> TokenStream {
    let mut entries = TokenStream::new();
    for (key, value) in &template.entries {
        let (key_expr, target_field) = match key {
            Key::Raw(text) => (quote!(#text.to_string()), None),
            Key::Typed(ident) if raw_keys => {
                let name = ident.to_string();
                (quote!(#name.to_string()), None)
            }
            Key::Typed(ident) => match target {
                Some(target) => {
                    let field =
                        quote_spanned!(ident.span()=> &<#target as sw::Payload>::fields().#ident);
                    (quote!((#field).name().to_string()), Some(field))
                }
                None => {
                    let message = "this template has no payload type to check its keys against: quote the keys (`\"Key\" = ..`) or give the type (`Pass<Type>`, `selected = Type`)";
                    let error = quote_spanned!(ident.span()=> ::std::compile_error!(#message));
                    (quote!({ #error; String::new() }), None)
                }
            },
        };
        let (path_key, json) = match value {
            TemplateValue::Path(root, idents, span) => {
                let (witness, prefix) = match root {
                    Root::Input => (roots.input.clone(), "$"),
                    Root::Result => (roots.result.clone(), "$"),
                    Root::Item => (roots.item.clone(), "$$.Map.Item.Value"),
                };
                let Some(witness) = witness else {
                    let message = match root {
                        Root::Result => {
                            "`result` is only available in `result_selector(..)` and `assign(..)`"
                        }
                        Root::Input => {
                            "in JSONPath, `result_selector(..)` and `assign(..)` read the state's result, not its input: write `result.field`"
                        }
                        Root::Item => {
                            "`item` is only available in a Map state's `item_selector(..)`"
                        }
                    };
                    entries.extend(quote_spanned!(*span=> ::std::compile_error!(#message);));
                    continue;
                };
                if let Some(field) = &target_field {
                    let source = if idents.is_empty() {
                        witness.clone()
                    } else {
                        let field = field_expr(&witness, idents, *span);
                        quote!(sw::field_w(#field))
                    };
                    entries.extend(quote_spanned!(*span=> sw::fits(#field, &#source);));
                }
                let names = names_expr(&witness, idents, *span);
                if jsonata {
                    let root = match root {
                        Root::Item => "$states.context.Map.Item.Value",
                        Root::Result => "$states.result",
                        Root::Input => "$states.input",
                    };
                    (false, quote!(sw::json!(sw::jsonata_path(#root, &#names))))
                } else {
                    (true, quote!(sw::json!(sw::render_path(#prefix, &#names))))
                }
            }
            TemplateValue::Token(span) => {
                if let Some(field) = &target_field {
                    entries.extend(
                        quote_spanned!(*span=> sw::fits(#field, &sw::w::<sw::TaskToken>());),
                    );
                }
                if jsonata {
                    (false, quote!(sw::json!("{% $states.context.Task.Token %}")))
                } else {
                    (true, quote!(sw::json!("$$.Task.Token")))
                }
            }
            TemplateValue::RawPath(text) | TemplateValue::Intrinsic(text) => {
                (true, quote!(sw::json!(#text)))
            }
            TemplateValue::Var(name) => {
                let text = format!("${name}");
                if jsonata {
                    let text = format!("{{% ${name} %}}");
                    (false, quote!(sw::json!(#text)))
                } else {
                    (true, quote!(sw::json!(#text)))
                }
            }
            TemplateValue::Jsonata(text) => (false, quote!(sw::json!(#text))),
            TemplateValue::Nested(inner) => {
                let inner = template_code(inner, None, roots, jsonata, true);
                (false, inner)
            }
            TemplateValue::Const(expr) => (false, quote!(sw::to_json(&(#expr)))),
        };
        let key_final = if path_key {
            quote!(format!("{}.$", #key_expr))
        } else {
            key_expr
        };
        entries.extend(quote!(template.insert(#key_final, #json);));
    }
    quote!({
        let mut template = sw::Map::new();
        #entries
        sw::Value::Object(template)
    })
}
