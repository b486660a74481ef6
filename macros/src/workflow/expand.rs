//! Code generation: `impl Workflow` whose `definition()` builds the ASL JSON and, on the way,
//! carries each state's input and output types as witnesses through the checks that make
//! rustc reject mismatched data.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, Type};

use super::ast::*;
use super::check::successors;

/// The generated impl for a workflow that passed the checks.
pub fn expand(workflow: &Workflow, start: usize) -> TokenStream {
    let ident = &workflow.ident;
    let input = workflow
        .input
        .clone()
        .unwrap_or_else(|| syn::parse_quote!(::statewright::__private::Value));
    let output = workflow
        .output
        .clone()
        .unwrap_or_else(|| syn::parse_quote!(::statewright::__private::Value));
    let names: BTreeMap<String, String> = workflow
        .states
        .iter()
        .map(|s| (s.ident.to_string(), s.name.clone()))
        .collect();
    let index: BTreeMap<String, usize> = workflow
        .states
        .iter()
        .enumerate()
        .map(|(i, s)| (s.ident.to_string(), i))
        .collect();
    let order = bfs(workflow, start, &index);
    let mut first_pred: BTreeMap<usize, (usize, Option<usize>)> = BTreeMap::new();
    let mut edges: Vec<(usize, usize, Span)> = Vec::new();
    for &i in &order {
        let state = &workflow.states[i];
        for target in state
            .next
            .iter()
            .chain(state.rules.iter().map(|r| &r.next))
            .chain(state.default.iter())
        {
            if let Some(&j) = index.get(&target.to_string()) {
                edges.push((i, j, target.span()));
                first_pred.entry(j).or_insert((i, None));
            }
        }
        for (c, catch) in state.catches.iter().enumerate() {
            if let Some(&j) = index.get(&catch.next.to_string()) {
                first_pred.entry(j).or_insert((i, Some(c)));
            }
        }
    }
    let context = Context {
        jsonata: workflow.jsonata,
        names: &names,
    };
    let mut body = TokenStream::new();
    for &i in &order {
        let state = &workflow.states[i];
        let in_var = format_ident!("__in_{}", i);
        let source = if i == start {
            match &workflow.input {
                Some(input) => quote!(sw::w::<#input>()),
                // No declared `input`: the execution input is untyped JSON, and the start
                // state reads it as the type it declares, rather than failing as a `Value`.
                None => start_witness(state),
            }
        } else {
            match first_pred.get(&i) {
                Some((p, None)) => {
                    let out = format_ident!("__out_{}", p);
                    quote!(#out)
                }
                Some((p, Some(c))) => {
                    let catcher = &workflow.states[*p].catches[*c];
                    match (&catcher.result_path, &catcher.output) {
                        (_, Some(output)) => quote!(sw::w::<#output>()),
                        (None, None) => quote!(sw::w::<sw::CaughtError>()),
                        (Some(_), None) => {
                            let pred_in = format_ident!("__in_{}", p);
                            quote!(#pred_in)
                        }
                    }
                }
                None => quote!(sw::w::<sw::Value>()),
            }
        };
        body.extend(quote!(let #in_var = #source;));
        body.extend(state_code(state, i, &context));
    }
    // Every other edge: the target's input accepts the source's output.
    for (from, to, span) in &edges {
        if first_pred.get(to).map(|(p, c)| (*p, c.is_none())) == Some((*from, true)) {
            continue;
        }
        let (out, inn) = (
            format_ident!("__out_{}", from),
            format_ident!("__in_{}", to),
        );
        body.extend(quote_spanned!(*span=> sw::accepts(#inn, &#out);));
    }
    // Every ending state gives the declared output.
    if let Some(declared) = &workflow.output {
        for (i, state) in workflow.states.iter().enumerate() {
            if state.end.is_some() || matches!(state.kind, Kind::Succeed) {
                let out = format_ident!("__out_{}", i);
                let span = state.end.unwrap_or(state.ident.span());
                body.extend(quote_spanned!(span=> sw::ends_with(sw::w::<#declared>(), &#out);));
            }
        }
    }
    let state_vars = workflow.states.iter().enumerate().map(|(i, state)| {
        let var = format_ident!("__state_{}", i);
        let name = &state.name;
        quote!(states.insert(#name.to_string(), #var);)
    });
    let start_name = &workflow.states[start].name;
    let comment = workflow.comment.iter();
    let language = workflow
        .jsonata
        .then(|| quote!(machine.insert("QueryLanguage".into(), sw::json!("JSONata"));));
    let timeout = workflow.timeout_seconds.iter();
    let register = workflow.states.iter().map(register_code);
    let fields = workflow.states.iter().map(|state| &state.ident);
    quote! {
        impl ::statewright::__private::Workflow for #ident {
            type Input = #input;
            type Output = #output;

            #[allow(unused_variables, clippy::let_unit_value, clippy::redundant_clone)]
            fn definition() -> ::statewright::__private::StateMachine {
                use ::statewright::__private as sw;
                #body
                let mut states = sw::Map::new();
                #(#state_vars)*
                let mut machine = sw::Map::new();
                #(machine.insert("Comment".into(), sw::json!(#comment));)*
                #language
                machine.insert("StartAt".into(), sw::json!(#start_name));
                machine.insert("States".into(), sw::Value::Object(states));
                #(machine.insert("TimeoutSeconds".into(), sw::to_json(&(#timeout)));)*
                sw::machine(sw::Value::Object(machine))
            }

            fn __states(&self) {
                #(let _ = &self.#fields;)*
            }

            #[allow(unused_variables)]
            fn register(
                builder: ::statewright::__private::ExecutorBuilder,
                naming: &::statewright::__private::LocalNaming,
            ) -> ::statewright::__private::ExecutorBuilder {
                use ::statewright::__private as sw;
                #(let builder = #register;)*
                builder
            }
        }
    }
}

/// The type the start state reads when the workflow declares no `input`: a Choice's `T`, a
/// plain Task's payload, `Value` otherwise.
fn start_witness(state: &State) -> TokenStream {
    let attrs = &state.attrs;
    let plain =
        attrs.input_path.is_none() && attrs.parameters.is_none() && attrs.arguments.is_none();
    match &state.kind {
        Kind::Choice { input } if attrs.input_path.is_none() => quote!(sw::w::<#input>()),
        Kind::Task { resource, .. } if plain => {
            quote!(sw::w::<<#resource as sw::TaskResource>::Payload>())
        }
        _ => quote!(sw::w::<sw::Value>()),
    }
}

/// A dummy impl emitted next to errors, so that uses of the workflow do not add a cascade.
pub fn fallback(ident: &Ident) -> TokenStream {
    quote! {
        impl ::statewright::__private::Workflow for #ident {
            type Input = ::statewright::__private::Value;
            type Output = ::statewright::__private::Value;
            fn definition() -> ::statewright::__private::StateMachine {
                ::std::unreachable!()
            }
            fn register(
                builder: ::statewright::__private::ExecutorBuilder,
                _: &::statewright::__private::LocalNaming,
            ) -> ::statewright::__private::ExecutorBuilder {
                builder
            }
        }
    }
}

fn bfs(workflow: &Workflow, start: usize, index: &BTreeMap<String, usize>) -> Vec<usize> {
    let mut seen = BTreeSet::from([start]);
    let mut queue = VecDeque::from([start]);
    let mut order = Vec::new();
    while let Some(i) = queue.pop_front() {
        order.push(i);
        for target in successors(&workflow.states[i]) {
            if let Some(&j) = index.get(&target.to_string())
                && seen.insert(j)
            {
                queue.push_back(j);
            }
        }
    }
    order
}

struct Context<'a> {
    jsonata: bool,
    names: &'a BTreeMap<String, String>,
}

impl Context<'_> {
    fn name(&self, ident: &Ident) -> String {
        self.names
            .get(&ident.to_string())
            .cloned()
            .unwrap_or_default()
    }
}

/// The expression of a typed path's field (`&Field<T>`) from a witness, spanned at the path so
/// that a missing field is reported where it is written.
///
/// No parentheses around it: callers pass it as an argument, and parentheses carrying the
/// user's span there would trip `unused_parens` in the user's crate.
fn field_expr(witness: &TokenStream, idents: &[Ident], span: Span) -> TokenStream {
    quote_spanned!(span=> &sw::fields_of(&#witness) #(.#idents)*)
}

/// The JSON names along a typed path, as an array expression.
fn names_expr(witness: &TokenStream, idents: &[Ident], span: Span) -> TokenStream {
    let names = (1..=idents.len()).map(|n| {
        let prefix = &idents[..n];
        quote_spanned!(span=> sw::fields_of(&#witness) #(.#prefix)*.name())
    });
    quote!([#(#names),*])
}

/// A rendered path: typed ones through the witness, raw ones as written.
fn path_value(witness: &TokenStream, path: &PathArg, root: &str) -> TokenStream {
    match path {
        PathArg::Typed(idents, span) => {
            let names = names_expr(witness, idents, *span);
            quote!(sw::render_path(#root, &#names))
        }
        PathArg::Raw(text) => quote!(#text.to_string()),
    }
}

/// The witness of the value a path selects: its field's type, or `Value` for a raw path.
fn path_witness(witness: &TokenStream, path: &PathArg) -> TokenStream {
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

/// The witnesses a template's typed values start from.
struct Roots {
    input: Option<TokenStream>,
    result: Option<TokenStream>,
    item: Option<TokenStream>,
}

/// A template as JSON, checking each typed key against `target` (a payload type).
fn template_code(
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

/// The code of one state: witnesses and checks, then `__state_i`, its JSON.
fn state_code(state: &State, i: usize, context: &Context) -> TokenStream {
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

fn retry_code(retry: &Retry) -> TokenStream {
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

/// A Choice condition as JSON, checking fields and literals against the Choice's input type.
fn condition_code(condition: &Condition, witness: &TokenStream) -> TokenStream {
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

/// What `register` does for one state: its task's handler, its branches' or item
/// processor's handlers.
fn register_code(state: &State) -> TokenStream {
    match &state.kind {
        Kind::Task { resource, callback } => {
            let target = match &state.attrs.target {
                Some((_, name, _)) => quote!(Some(#name.to_string())),
                None => quote!(None),
            };
            let is_callback = callback.is_some();
            quote!(<#resource as sw::TaskResource>::register(builder, naming, &sw::TaskOptions {
                target: #target,
                payload: None,
                callback: #is_callback,
                jsonata: false,
            }))
        }
        Kind::Parallel { branches } => {
            quote!(<#branches as sw::Branches>::register(builder, naming))
        }
        Kind::Map { workflow } => quote!(<#workflow as sw::Workflow>::register(builder, naming)),
        _ => quote!(builder),
    }
}
