//! The generated code of one state: its witnesses and checks, then its ASL JSON.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::Type;
use syn::spanned::Spanned;

use super::ast::*;
use super::condition::condition_code;
use super::expand::Context;
use super::paths::{field_expr, path_value, path_witness};
use super::template::{Roots, template_code};

/// The code of one state: witnesses and checks, then `__state_i`, its JSON.
pub(super) fn state_code(state: &State, i: usize, context: &Context) -> TokenStream {
    let in_var = format_ident!("__in_{}", i);
    let out_var = format_ident!("__out_{}", i);
    let state_var = format_ident!("__state_{}", i);
    let attrs = &state.attrs;
    let jsonata = context.jsonata;
    let kind_name = state.kind.name();
    let ty_span = state.ty.span();
    let input = quote!(#in_var);
    let mut code = TokenStream::new();
    let mut fields = TokenStream::new();
    fields.extend(quote!(s.insert("Type".into(), sw::json!(#kind_name));));
    if let Some(comment) = &state.comment {
        fields.extend(quote!(s.insert("Comment".into(), sw::json!(#comment));));
    }
    // Input processing.
    let effective = if let Some((path, _)) = &attrs.input_path {
        let value = path_value(&input, path, "$");
        fields.extend(quote!(s.insert("InputPath".into(), sw::json!(#value));));
        let witness = path_witness(&input, path);
        code.extend(quote!(let __effective = #witness;));
        quote!(__effective)
    } else {
        input.clone()
    };
    let roots = Roots {
        input: Some(effective.clone()),
        result: None,
        item: None,
    };
    // The state's action and its result witness.
    let result: TokenStream = match &state.kind {
        Kind::Task { resource, callback } => {
            let target = match &attrs.target {
                Some((_, name, _)) => quote!(Some(#name.to_string())),
                None => quote!(None),
            };
            let has_target = attrs.target.is_some();
            code.extend(quote_spanned!(ty_span=> const _: () = sw::assert_target::<#resource>(#has_target);));
            if callback.is_some() {
                code.extend(
                    quote_spanned!(ty_span=> const _: () = sw::assert_callback::<#resource>();),
                );
            }
            let payload_ty: Type = syn::parse_quote!(<#resource as sw::TaskResource>::Payload);
            let payload = if let Some(template) = &attrs.parameters {
                let json = template_code(template, Some(&payload_ty), &roots, jsonata, false);
                quote!(Some(#json))
            } else if let Some((text, _)) = &attrs.arguments {
                quote!(Some(sw::json!(#text)))
            } else {
                if !jsonata {
                    code.extend(
                        quote_spanned!(ty_span=> sw::accepts(sw::w::<#payload_ty>(), &#effective);),
                    );
                }
                quote!(None)
            };
            let is_callback = callback.is_some();
            code.extend(quote! {
                let __options = sw::TaskOptions {
                    target: #target,
                    payload: #payload,
                    callback: #is_callback,
                    jsonata: #jsonata,
                };
                let __spec = <#resource as sw::TaskResource>::task(&__options);
            });
            let parameters = if jsonata { "Arguments" } else { "Parameters" };
            fields.extend(quote! {
                s.insert("Resource".into(), sw::json!(__spec.resource));
                if let Some(parameters) = __spec.parameters {
                    s.insert(#parameters.into(), parameters);
                }
            });
            for (key, value) in [
                ("TimeoutSeconds", &attrs.timeout_seconds),
                ("HeartbeatSeconds", &attrs.heartbeat_seconds),
            ] {
                if let Some((expr, _)) = value {
                    fields.extend(quote!(s.insert(#key.into(), sw::to_json(&(#expr)));));
                }
            }
            for (key, value) in [
                ("TimeoutSecondsPath", &attrs.timeout_seconds_path),
                ("HeartbeatSecondsPath", &attrs.heartbeat_seconds_path),
            ] {
                if let Some((path, _)) = value {
                    let value = path_value(&input, path, "$");
                    fields.extend(quote!(s.insert(#key.into(), sw::json!(#value));));
                }
            }
            match callback {
                Some(output) => quote!(sw::w::<#output>()),
                None => quote!(sw::w::<<#resource as sw::TaskResource>::Output>()),
            }
        }
        Kind::Pass { output } => {
            if let Some(expr) = &attrs.result {
                let typed = match output {
                    Some(output) => {
                        quote_spanned!(expr.span()=> { let value: #output = #expr; value })
                    }
                    None => quote!(#expr),
                };
                fields.extend(quote!(s.insert("Result".into(), sw::to_json(&(#typed)));));
            }
            if let Some(template) = &attrs.parameters {
                let json = template_code(template, output.as_ref(), &roots, jsonata, false);
                fields.extend(quote!(s.insert("Parameters".into(), #json);));
            }
            match output {
                Some(output) => {
                    if attrs.result.is_none() && attrs.parameters.is_none() {
                        code.extend(
                            quote_spanned!(ty_span=> sw::accepts(sw::w::<#output>(), &#effective);),
                        );
                    }
                    quote!(sw::w::<#output>())
                }
                None => effective.clone(),
            }
        }
        Kind::Choice {
            input: choice_input,
        } => {
            code.extend(
                quote_spanned!(ty_span=> sw::accepts(sw::w::<#choice_input>(), &#effective);),
            );
            let witness = quote!(sw::w::<#choice_input>());
            let rules = state.rules.iter().map(|rule| {
                let json = condition_code(&rule.condition, &witness);
                let next = context.name(&rule.next);
                quote!(sw::with_next(#json, #next))
            });
            fields.extend(quote!(s.insert("Choices".into(), sw::Value::Array(vec![#(#rules),*]));));
            if let Some(default) = &state.default {
                let name = context.name(default);
                fields.extend(quote!(s.insert("Default".into(), sw::json!(#name));));
            }
            effective.clone()
        }
        Kind::Wait => {
            if let Some((expr, _)) = &attrs.seconds {
                fields.extend(quote!(s.insert("Seconds".into(), sw::to_json(&(#expr)));));
            }
            if let Some((text, _)) = &attrs.timestamp {
                fields.extend(quote!(s.insert("Timestamp".into(), sw::json!(#text));));
            }
            for (key, value) in [
                ("SecondsPath", &attrs.seconds_path),
                ("TimestampPath", &attrs.timestamp_path),
            ] {
                if let Some((path, _)) = value {
                    let value = path_value(&effective, path, "$");
                    fields.extend(quote!(s.insert(#key.into(), sw::json!(#value));));
                }
            }
            effective.clone()
        }
        Kind::Succeed => effective.clone(),
        Kind::Fail => {
            if let Some((text, _)) = &attrs.error {
                fields.extend(quote!(s.insert("Error".into(), sw::json!(#text));));
            }
            if let Some((text, _)) = &attrs.cause {
                fields.extend(quote!(s.insert("Cause".into(), sw::json!(#text));));
            }
            effective.clone()
        }
        Kind::Parallel { branches } => {
            code.extend(
                quote_spanned!(ty_span=> sw::branches_accept::<#branches, _>(&#effective);),
            );
            if let Some(template) = &attrs.parameters {
                let json = template_code(template, None, &roots, jsonata, true);
                fields.extend(quote!(s.insert("Parameters".into(), #json);));
            }
            fields.extend(quote! {
                s.insert("Branches".into(), sw::Value::Array(
                    <#branches as sw::Branches>::definitions().iter().map(sw::nested).collect(),
                ));
            });
            quote!(sw::w::<<#branches as sw::Branches>::Outputs>())
        }
        Kind::Map { workflow } => {
            let item = match &attrs.items {
                Some((path, _)) => {
                    let value = path_value(&effective, path, "$");
                    fields.extend(quote!(s.insert("ItemsPath".into(), sw::json!(#value));));
                    match path {
                        PathArg::Typed(idents, span) => {
                            let field = field_expr(&effective, idents, *span);
                            quote_spanned!(*span=> sw::items(#field))
                        }
                        PathArg::Raw(text) if text.value() == "$" => {
                            quote_spanned!(text.span()=> sw::items_of(&#effective))
                        }
                        PathArg::Raw(_) => quote!(sw::w::<sw::Value>()),
                    }
                }
                None => quote!(sw::w::<sw::Value>()),
            };
            code.extend(quote!(let __item = #item;));
            let item_input: Type = syn::parse_quote!(<#workflow as sw::Workflow>::Input);
            if let Some(template) = &attrs.item_selector {
                let roots = Roots {
                    input: Some(effective.clone()),
                    result: None,
                    item: Some(quote!(__item)),
                };
                let json = template_code(template, Some(&item_input), &roots, jsonata, false);
                fields.extend(quote!(s.insert("ItemSelector".into(), #json);));
            } else {
                // At the typed `items = field` when there is one: that is what gives the items.
                let item_span = match &attrs.items {
                    Some((PathArg::Typed(_, span), _)) => *span,
                    _ => ty_span,
                };
                code.extend(
                    quote_spanned!(item_span=> sw::items_fit(sw::w::<#item_input>(), &__item);),
                );
            }
            if let Some((expr, _)) = &attrs.max_concurrency {
                fields.extend(quote!(s.insert("MaxConcurrency".into(), sw::to_json(&(#expr)));));
            }
            let processor_config = attrs.distributed.as_ref().map(|(execution_type, _)| {
                quote! {
                    if let sw::Value::Object(processor) = &mut processor {
                        processor.insert(
                            "ProcessorConfig".into(),
                            sw::json!({"Mode": "DISTRIBUTED", "ExecutionType": #execution_type}),
                        );
                    }
                }
            });
            fields.extend(quote! {
                let mut processor = sw::nested(&<#workflow as sw::Workflow>::definition());
                #processor_config
                s.insert("ItemProcessor".into(), processor);
            });
            quote!(sw::w::<::std::vec::Vec<<#workflow as sw::Workflow>::Output>>())
        }
    };
    code.extend(quote!(let __result = #result;));
    // Output processing: ResultSelector, ResultPath, OutputPath.
    let mut current = quote!(__result);
    if let Some(template) = &attrs.result_selector {
        // JSONPath's ResultSelector reads the result as `$`; JSONata reads both.
        let roots = Roots {
            input: jsonata.then(|| effective.clone()),
            result: Some(quote!(__result)),
            item: None,
        };
        let json = template_code(
            template,
            attrs.selected.as_ref(),
            &roots,
            jsonata,
            attrs.selected.is_none(),
        );
        fields.extend(quote!(s.insert("ResultSelector".into(), #json);));
        current = match &attrs.selected {
            Some(selected) => quote!(sw::w::<#selected>()),
            None => quote!(sw::w::<sw::Value>()),
        };
    }
    let selected = current.clone();
    let after_result = match &attrs.result_path {
        None => current.clone(),
        Some((ResultPath::Discard, _)) => {
            fields.extend(quote!(s.insert("ResultPath".into(), sw::Value::Null);));
            input.clone()
        }
        Some((ResultPath::Path(path), _)) => {
            let merged = attrs
                .output
                .as_ref()
                .map(|output| quote!(sw::w::<#output>()))
                .unwrap_or_else(|| quote!(sw::w::<sw::Value>()));
            let value = path_value(&merged, path, "$");
            fields.extend(quote!(s.insert("ResultPath".into(), sw::json!(#value));));
            if let PathArg::Typed(idents, span) = path {
                let field = field_expr(&merged, idents, *span);
                code.extend(quote_spanned!(*span=> sw::holds(#field, &#current);));
            }
            merged
        }
    };
    let after_result = match (&attrs.output, &attrs.result_path) {
        (Some(output), None) if !matches!(state.kind, Kind::Pass { .. }) => {
            let span = output.span();
            code.extend(
                quote_spanned!(span=> sw::declared_output(sw::w::<#output>(), &#after_result);),
            );
            quote!(sw::w::<#output>())
        }
        _ => after_result,
    };
    code.extend(quote!(let __after = #after_result;));
    let out = match &attrs.output_path {
        Some((path, _)) => {
            let value = path_value(&quote!(__after), path, "$");
            fields.extend(quote!(s.insert("OutputPath".into(), sw::json!(#value));));
            path_witness(&quote!(__after), path)
        }
        None => quote!(__after),
    };
    if let Some((text, _)) = &attrs.output_expr {
        fields.extend(quote!(s.insert("Output".into(), sw::json!(#text));));
    }
    let out = if attrs.output_expr.is_some() {
        match &attrs.output {
            Some(output) => quote!(sw::w::<#output>()),
            None => quote!(sw::w::<sw::Value>()),
        }
    } else {
        out
    };
    if let Some(template) = &attrs.assign {
        // JSONPath's Assign reads the state's result (after ResultSelector) as `$`.
        let roots = Roots {
            input: jsonata.then(|| effective.clone()),
            result: Some(selected.clone()),
            item: None,
        };
        let json = template_code(template, None, &roots, jsonata, true);
        fields.extend(quote!(s.insert("Assign".into(), #json);));
    }
    // Transitions.
    if let Some(next) = &state.next {
        let name = context.name(next);
        fields.extend(quote!(s.insert("Next".into(), sw::json!(#name));));
    }
    if state.end.is_some() {
        fields.extend(quote!(s.insert("End".into(), sw::json!(true));));
    }
    if !state.retries.is_empty() {
        let retries = state.retries.iter().map(retry_code);
        fields.extend(quote!(s.insert("Retry".into(), sw::Value::Array(vec![#(#retries),*]));));
    }
    if !state.catches.is_empty() {
        let catches = state.catches.iter().map(|catch| {
            let errors = catch.errors.iter();
            let next = context.name(&catch.next);
            let result_path = match &catch.result_path {
                None => quote!(),
                Some(ResultPath::Discard) => {
                    quote!(c.insert("ResultPath".into(), sw::Value::Null);)
                }
                Some(ResultPath::Path(path)) => {
                    let merged = match &catch.output {
                        Some(output) => quote!(sw::w::<#output>()),
                        None => input.clone(),
                    };
                    let value = path_value(&merged, path, "$");
                    let check = match path {
                        PathArg::Typed(idents, span) => {
                            let field = field_expr(&merged, idents, *span);
                            quote_spanned!(*span=> sw::holds(#field, &sw::w::<sw::CaughtError>());)
                        }
                        PathArg::Raw(_) => quote!(),
                    };
                    quote!(#check c.insert("ResultPath".into(), sw::json!(#value));)
                }
            };
            quote!({
                let mut c = sw::Map::new();
                c.insert("ErrorEquals".into(), sw::json!([#(#errors),*]));
                c.insert("Next".into(), sw::json!(#next));
                #result_path
                sw::Value::Object(c)
            })
        });
        fields.extend(quote!(s.insert("Catch".into(), sw::Value::Array(vec![#(#catches),*]));));
    }
    if let Some(raw) = &attrs.raw {
        fields.extend(quote! {
            if let sw::Value::Object(extra) = sw::to_json(&(#raw)) {
                s.extend(extra);
            }
        });
    }
    quote! {
        #code
        let #out_var = #out;
        let #state_var = {
            let mut s = sw::Map::new();
            #fields
            sw::Value::Object(s)
        };
    }
}

pub(super) fn retry_code(retry: &Retry) -> TokenStream {
    let errors = retry.errors.iter();
    let mut fields = quote!(r.insert("ErrorEquals".into(), sw::json!([#(#errors),*])););
    for (key, value) in [
        ("IntervalSeconds", &retry.interval_seconds),
        ("MaxAttempts", &retry.max_attempts),
        ("BackoffRate", &retry.backoff_rate),
        ("MaxDelaySeconds", &retry.max_delay_seconds),
    ] {
        if let Some(expr) = value {
            fields.extend(quote!(r.insert(#key.into(), sw::to_json(&(#expr)));));
        }
    }
    if let Some(jitter) = &retry.jitter {
        fields.extend(quote!(r.insert("JitterStrategy".into(), sw::json!(#jitter));));
    }
    quote!({
        let mut r = sw::Map::new();
        #fields
        sw::Value::Object(r)
    })
}
