//! The checks a workflow's attributes can fail without rustc's help: the graph (unknown,
//! unreachable and duplicate states, `next`/`end`, a way to end), conflicting fields, the
//! place of `States.ALL`, and the syntax of every path and expression.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use proc_macro2::Span;
use syn::Ident;

use super::ast::*;
use super::{literals, syntax};
use crate::errors::Errors;

/// Runs every check; returns the index of the start state when the graph is sound enough
/// to expand.
pub fn check(workflow: &Workflow, errors: &mut Errors) -> Option<usize> {
    let index: BTreeMap<String, usize> = workflow
        .states
        .iter()
        .enumerate()
        .map(|(i, state)| (state.ident.to_string(), i))
        .collect();
    names(workflow, errors);
    literals::check_workflow(workflow, errors);
    for state in &workflow.states {
        transitions(state, workflow.jsonata, errors);
        targets(state, &index, errors);
        fields(state, workflow.jsonata, errors);
        errors_lists(state, errors);
        literals::check(state, errors);
        literals::retry_catch_placement(state, errors);
        duplicate_keys(state, errors);
        syntax_of(state, errors);
    }
    let start = match &workflow.start {
        Some(start) => match index.get(&start.to_string()) {
            Some(&i) => i,
            None => {
                unknown(start, &index, errors);
                return None;
            }
        },
        // Fields that are not states were reported already; one error is enough.
        None if workflow.states.is_empty() && !errors.is_empty() => return None,
        None if workflow.states.is_empty() => {
            errors.at(
                workflow.ident.span(),
                "a workflow needs at least one state: add a field such as `done: Succeed`",
            );
            return None;
        }
        None => 0,
    };
    // The whole-graph checks only run on an otherwise sound workflow: after an unknown target
    // or an attribute that failed to parse, "unreachable" and "never ends" are only echoes.
    if errors.is_empty() {
        reachability(workflow, start, &index, errors);
        terminal(workflow, errors);
    }
    Some(start)
}

/// Every state a state can go to: `next`, Choice rules and default, catchers.
pub fn successors(state: &State) -> Vec<&Ident> {
    let mut out: Vec<&Ident> = Vec::new();
    out.extend(state.next.iter());
    out.extend(state.rules.iter().map(|rule| &rule.next));
    out.extend(state.default.iter());
    out.extend(state.catches.iter().map(|catch| &catch.next));
    out
}

fn names(workflow: &Workflow, errors: &mut Errors) {
    let mut seen: BTreeMap<&str, &State> = BTreeMap::new();
    for state in &workflow.states {
        if let Some(first) = seen.insert(&state.name, state) {
            errors.at(
                state.name_span,
                format!(
                    "duplicate state name \"{}\": field `{}` already uses it; give each state its own `name = \"..\"`",
                    state.name, first.ident
                ),
            );
        }
        if state.name.is_empty() || state.name.chars().count() > 80 {
            errors.at(state.name_span, "a state name has 1 to 80 characters");
        }
    }
}

fn transitions(state: &State, jsonata: bool, errors: &mut Errors) {
    let _ = jsonata;
    let kind = state.kind.name();
    match &state.kind {
        Kind::Choice { .. } => {
            if let Some(next) = &state.next {
                errors.at(
                    next.span(),
                    "a Choice state does not take `next`: its rules choose; write `#[choice(when(..) => state, default = state)]`",
                );
            }
            if let Some(end) = state.end {
                errors.at(end, "a Choice state cannot `end`; its rules go to other states");
            }
            if state.rules.is_empty() && !state.attr_error {
                errors.at(
                    state.ident.span(),
                    "a Choice state needs at least one rule: add `#[choice(when(field == value) => state)]`",
                );
            }
        }
        Kind::Succeed | Kind::Fail => {
            if let Some(next) = &state.next {
                errors.at(
                    next.span(),
                    format!("a {kind} state ends the workflow: remove `next`"),
                );
            }
            if let Some(end) = state.end {
                errors.at(
                    end,
                    format!("a {kind} state ends the workflow by itself: remove `end`"),
                );
            }
        }
        _ => match (&state.next, state.end) {
            (Some(next), Some(_)) => errors.at(
                next.span(),
                format!(
                    "state `{}` has both `next` and `end`: keep `next = state` to go on, or `end` to finish here",
                    state.ident
                ),
            ),
            (None, None) if !state.attr_error => errors.at(
                state.ident.span(),
                format!(
                    "state `{}` has neither `next` nor `end`: add `#[state(next = other_state)]` or `#[state(end)]`",
                    state.ident
                ),
            ),
            _ => {}
        },
    }
    if !matches!(state.kind, Kind::Choice { .. })
        && let Some(span) = state.choice_span
    {
        errors.at(
            span,
            format!(
                "`#[choice(..)]` belongs to Choice states; `{}` is a {kind} state",
                state.ident
            ),
        );
    }
}

fn unknown(target: &Ident, index: &BTreeMap<String, usize>, errors: &mut Errors) {
    let wanted = target.to_string();
    let closest = index
        .keys()
        .map(|name| (distance(&wanted, name), name))
        .filter(|(d, name)| *d <= 2.max(name.len() / 3))
        .min();
    let message = match closest {
        Some((_, name)) => format!("no state `{target}` in this workflow; did you mean `{name}`?"),
        None => {
            let known: Vec<&str> = index.keys().map(String::as_str).collect();
            format!(
                "no state `{target}` in this workflow; the states are the struct's fields: {}",
                known.join(", ")
            )
        }
    };
    errors.at(target.span(), message);
}

/// The edit distance of two names, for "did you mean" suggestions.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

fn targets(state: &State, index: &BTreeMap<String, usize>, errors: &mut Errors) {
    for target in successors(state) {
        if !index.contains_key(&target.to_string()) {
            unknown(target, index, errors);
        }
    }
}

fn reachability(
    workflow: &Workflow,
    start: usize,
    index: &BTreeMap<String, usize>,
    errors: &mut Errors,
) {
    let mut seen = BTreeSet::from([start]);
    let mut queue = VecDeque::from([start]);
    while let Some(i) = queue.pop_front() {
        for target in successors(&workflow.states[i]) {
            if let Some(&j) = index.get(&target.to_string())
                && seen.insert(j)
            {
                queue.push_back(j);
            }
        }
    }
    let start_name = &workflow.states[start].ident;
    for (i, state) in workflow.states.iter().enumerate() {
        if !seen.contains(&i) {
            errors.at(
                state.ident.span(),
                format!(
                    "state `{}` is unreachable from the start state `{start_name}`: point a `next`, Choice rule or `catch` at it, or remove it",
                    state.ident
                ),
            );
        }
    }
}

fn terminal(workflow: &Workflow, errors: &mut Errors) {
    let ends = workflow
        .states
        .iter()
        .any(|state| state.end.is_some() || state.kind.is_terminal());
    if !ends {
        errors.at(
            workflow.ident.span(),
            "this workflow never ends: mark the last state `#[state(end)]`, or add a `Succeed` or `Fail` state",
        );
    }
}

/// Keys that belong to some state types only, and pairs that exclude each other.
fn fields(state: &State, jsonata: bool, errors: &mut Errors) {
    let kind = state.kind.name();
    let allowed: &[&str] = match state.kind {
        Kind::Task { .. } => &[
            "input_path",
            "output_path",
            "result_path",
            "output",
            "selected",
            "parameters",
            "message",
            "result_selector",
            "assign",
            "queue",
            "topic",
            "table",
            "state_machine",
            "timeout_seconds",
            "timeout_seconds_path",
            "heartbeat_seconds",
            "heartbeat_seconds_path",
            "arguments",
            "output_expr",
        ],
        Kind::Pass { .. } => &[
            "input_path",
            "output_path",
            "result_path",
            "output",
            "parameters",
            "result",
            "assign",
            "output_expr",
        ],
        Kind::Choice { .. } => &["input_path", "output_path", "assign", "output_expr"],
        Kind::Wait => &[
            "input_path",
            "output_path",
            "seconds",
            "timestamp",
            "seconds_path",
            "timestamp_path",
            "assign",
            "output_expr",
        ],
        Kind::Succeed => &["input_path", "output_path", "output_expr"],
        Kind::Fail => &["error", "cause"],
        Kind::Parallel { .. } => &[
            "input_path",
            "output_path",
            "result_path",
            "output",
            "selected",
            "parameters",
            "result_selector",
            "assign",
            "arguments",
            "output_expr",
        ],
        Kind::Map { .. } => &[
            "input_path",
            "output_path",
            "result_path",
            "output",
            "selected",
            "items",
            "max_concurrency",
            "distributed",
            "item_selector",
            "result_selector",
            "assign",
            "output_expr",
        ],
    };
    let common = ["name", "next", "end", "comment", "raw"];
    for (key, span) in &state.attrs.keys {
        if !common.contains(&key.as_str()) && !allowed.contains(&key.as_str()) {
            errors.at(
                *span,
                format!(
                    "`{key}` does not apply to a {kind} state; a {kind} state takes {}",
                    allowed.join(", ")
                ),
            );
        }
    }
    let attrs = &state.attrs;
    let jsonpath_only: [(&str, bool); 7] = [
        ("input_path", attrs.input_path.is_some()),
        ("output_path", attrs.output_path.is_some()),
        ("result_path", attrs.result_path.is_some()),
        ("parameters", attrs.parameters.is_some()),
        ("result_selector", attrs.result_selector.is_some()),
        ("item_selector", attrs.item_selector.is_some()),
        ("seconds_path", attrs.seconds_path.is_some()),
    ];
    for (key, span) in &attrs.keys {
        if jsonata && jsonpath_only.iter().any(|(k, given)| k == key && *given) {
            errors.at(
                *span,
                format!("`{key}` is a JSONPath field, and this workflow is written in JSONata: use `arguments = \"{{% .. %}}\"`, `output_expr = \"{{% .. %}}\"` or `assign(..)`"),
            );
        }
        if !jsonata && (key == "arguments" || key == "output_expr") {
            errors.at(
                *span,
                format!("`{key}` is a JSONata field: add `#[workflow(query_language = \"JSONata\")]`, or use `parameters(..)` and `output_path`"),
            );
        }
    }
    let mut exclusive = |group: &[(&str, Option<Span>)], what: &str| {
        let given: Vec<&(&str, Option<Span>)> = group.iter().filter(|(_, s)| s.is_some()).collect();
        if given.len() > 1 {
            let names: Vec<String> = given.iter().map(|(k, _)| format!("`{k}`")).collect();
            errors.at(
                given[1].1.unwrap_or_else(Span::call_site),
                format!("{} conflict: {what}", names.join(" and ")),
            );
        }
    };
    exclusive(
        &[
            ("seconds", attrs.seconds.as_ref().map(|s| s.1)),
            ("timestamp", attrs.timestamp.as_ref().map(|s| s.1)),
            ("seconds_path", attrs.seconds_path.as_ref().map(|s| s.1)),
            ("timestamp_path", attrs.timestamp_path.as_ref().map(|s| s.1)),
        ],
        "a Wait state waits by exactly one of `seconds`, `timestamp`, `seconds_path`, `timestamp_path`",
    );
    exclusive(
        &[
            (
                "timeout_seconds",
                attrs.timeout_seconds.as_ref().map(|s| s.1),
            ),
            (
                "timeout_seconds_path",
                attrs.timeout_seconds_path.as_ref().map(|s| s.1),
            ),
        ],
        "give the timeout as a number or as a path, not both",
    );
    exclusive(
        &[
            (
                "heartbeat_seconds",
                attrs.heartbeat_seconds.as_ref().map(|s| s.1),
            ),
            (
                "heartbeat_seconds_path",
                attrs.heartbeat_seconds_path.as_ref().map(|s| s.1),
            ),
        ],
        "give the heartbeat as a number or as a path, not both",
    );
    let result_span = attrs
        .keys
        .iter()
        .find(|(k, _)| k == "result")
        .map(|(_, s)| *s);
    let parameters_span = attrs
        .keys
        .iter()
        .find(|(k, _)| k == "parameters")
        .map(|(_, s)| *s);
    exclusive(
        &[("parameters", parameters_span), ("result", result_span)],
        "a Pass state's `result` replaces what `parameters(..)` builds; keep one",
    );
    if matches!(state.kind, Kind::Wait)
        && attrs.seconds.is_none()
        && attrs.timestamp.is_none()
        && attrs.seconds_path.is_none()
        && attrs.timestamp_path.is_none()
    {
        errors.at(
            state.ident.span(),
            "a Wait state needs one of `seconds = N`, `timestamp = \"..\"`, `seconds_path = field` or `timestamp_path = field`",
        );
    }
    if matches!(state.kind, Kind::Map { .. }) && attrs.items.is_none() && !jsonata {
        errors.at(
            state.ident.span(),
            "a Map state needs the array it iterates over: add `items = field`",
        );
    }
    if let (Some((timeout, _)), Some((heartbeat, span))) =
        (&attrs.timeout_seconds, &attrs.heartbeat_seconds)
        && let (Some(timeout), Some(heartbeat)) = (int(timeout), int(heartbeat))
        && heartbeat >= timeout
    {
        errors.at(
            *span,
            format!("`heartbeat_seconds` ({heartbeat}) must be smaller than `timeout_seconds` ({timeout})"),
        );
    }
    if let Kind::Task { resource, .. } = &state.kind
        && attrs.selected.is_some()
        && attrs.result_selector.is_none()
    {
        let _ = resource;
        let span = attrs
            .keys
            .iter()
            .find(|(k, _)| k == "selected")
            .map_or(state.ident.span(), |(_, s)| *s);
        errors.at(
            span,
            "`selected = Type` names what `result_selector(..)` builds; add the `result_selector`",
        );
    }
    if let Some((ResultPath::Path(_), span)) = &attrs.result_path
        && attrs.output.is_none()
    {
        errors.at(
            *span,
            "a `result_path` into a field merges the result into the input: name the merged type with `output = Type`",
        );
    }
}

/// A key given twice: the second would silently win.
fn duplicate_keys(state: &State, errors: &mut Errors) {
    let mut seen = BTreeSet::new();
    for (key, span) in &state.attrs.keys {
        // `parameters` and `message` are one key under two names.
        let same = if key == "message" {
            "parameters"
        } else {
            key.as_str()
        };
        if !seen.insert(same) {
            errors.at(
                *span,
                format!("`{key}` is given twice for this state: keep one"),
            );
        }
    }
}

fn int(expr: &syn::Expr) -> Option<u64> {
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(int),
            ..
        }) => int.base10_parse().ok(),
        _ => None,
    }
}

/// `States.ALL` alone in its list, and its retrier or catcher the last one.
fn errors_lists(state: &State, errors: &mut Errors) {
    let lists: Vec<(&[syn::LitStr], Span, &str)> = state
        .retries
        .iter()
        .map(|r| (r.errors.as_slice(), r.span, "retry"))
        .chain(
            state
                .catches
                .iter()
                .map(|c| (c.errors.as_slice(), c.span, "catch")),
        )
        .collect();
    for what in ["retry", "catch"] {
        let group: Vec<&(&[syn::LitStr], Span, &str)> =
            lists.iter().filter(|l| l.2 == what).collect();
        for (i, (list, span, _)) in group.iter().enumerate() {
            if list.is_empty() {
                errors.at(*span, format!("a `{what}` needs `errors = [\"Name\", ..]`"));
            }
            for error in list.iter() {
                if error.value() == "States.ALL" {
                    if list.len() > 1 {
                        errors.at(
                            error.span(),
                            format!("`States.ALL` must be alone in its `errors` list: move the other names to an earlier `{what}`"),
                        );
                    }
                    if i + 1 < group.len() {
                        errors.at(
                            error.span(),
                            format!("the `{what}` with `States.ALL` must be the last one: move it after the others"),
                        );
                    }
                } else if error.value().is_empty() {
                    errors.at(error.span(), "an error name is not empty");
                }
            }
        }
    }
}

fn path_syntax(path: &PathArg, reference: bool, errors: &mut Errors) {
    if let PathArg::Raw(text) = path {
        if reference {
            syntax::reference_path(text, errors);
        } else {
            syntax::path(text, errors);
        }
    }
}

fn template_syntax(template: &Template, errors: &mut Errors) {
    for (_, value) in &template.entries {
        match value {
            TemplateValue::RawPath(text) => syntax::path(text, errors),
            TemplateValue::Intrinsic(text) => syntax::intrinsic(text, errors),
            TemplateValue::Jsonata(text) => syntax::jsonata(text, errors),
            TemplateValue::Nested(inner) => template_syntax(inner, errors),
            _ => {}
        }
    }
}

fn condition_syntax(condition: &Condition, errors: &mut Errors) {
    match condition {
        Condition::Jsonata(text) => syntax::jsonata(text, errors),
        Condition::And(all) | Condition::Or(all) => {
            all.iter().for_each(|c| condition_syntax(c, errors));
        }
        Condition::Not(inner) => condition_syntax(inner, errors),
        _ => {}
    }
}

fn syntax_of(state: &State, errors: &mut Errors) {
    let attrs = &state.attrs;
    for (path, _) in [&attrs.input_path, &attrs.output_path, &attrs.items]
        .into_iter()
        .flatten()
    {
        path_syntax(path, false, errors);
    }
    for (path, _) in [
        &attrs.seconds_path,
        &attrs.timestamp_path,
        &attrs.timeout_seconds_path,
        &attrs.heartbeat_seconds_path,
    ]
    .into_iter()
    .flatten()
    {
        path_syntax(path, true, errors);
    }
    if let Some((ResultPath::Path(path), _)) = &attrs.result_path {
        path_syntax(path, true, errors);
    }
    for catch in &state.catches {
        if let Some(ResultPath::Path(path)) = &catch.result_path {
            path_syntax(path, true, errors);
            // A raw path is untyped; a typed one must say what the merged value is.
            if catch.output.is_none() && matches!(path, PathArg::Typed(..)) {
                errors.at(
                    catch.span,
                    "a `catch` with `result_path` into a field merges the error into the input: name the merged type with `output = Type`",
                );
            }
        }
    }
    for template in [
        &attrs.parameters,
        &attrs.result_selector,
        &attrs.item_selector,
        &attrs.assign,
    ]
    .into_iter()
    .flatten()
    {
        template_syntax(template, errors);
    }
    for (text, _) in [&attrs.arguments, &attrs.output_expr].into_iter().flatten() {
        syntax::jsonata(text, errors);
    }
    for rule in &state.rules {
        condition_syntax(&rule.condition, errors);
    }
}
