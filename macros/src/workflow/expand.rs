//! Code generation: `impl Workflow` whose `definition()` builds the ASL JSON and, on the way,
//! carries each state's input and output types as witnesses through the checks that make
//! rustc reject mismatched data.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::Ident;

use super::ast::*;
use super::check::successors;
use super::state::state_code;

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

pub(super) struct Context<'a> {
    pub(super) jsonata: bool,
    names: &'a BTreeMap<String, String>,
}

impl Context<'_> {
    pub(super) fn name(&self, ident: &Ident) -> String {
        self.names
            .get(&ident.to_string())
            .cloned()
            .unwrap_or_default()
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
