//! The state graph: transition targets, scopes of branches and processors, reachability,
//! terminal states, and state names.

use std::collections::{HashMap, HashSet, VecDeque};

use serde_json::{Map, Value};

use super::Code;
use super::checker::{Checker, child, element};

const MAX_NAME_CHARS: usize = 80;

/// One set of states that transitions stay within: the machine, a branch, a processor.
struct Scope<'v> {
    /// Pointer of the object holding `StartAt` and `States`.
    pointer: String,
    start_at: Option<&'v str>,
    states: &'v Map<String, Value>,
}

/// Checks every scope of the definition and the names across all of them.
pub(crate) fn check_graph(cx: &mut Checker, definition: &Value) {
    let mut scopes = Vec::new();
    collect_scopes(definition, String::new(), &mut scopes);
    check_names(cx, &scopes);
    let owner_of: HashMap<&str, usize> = scopes
        .iter()
        .enumerate()
        .flat_map(|(index, scope)| scope.states.keys().map(move |name| (name.as_str(), index)))
        .collect();
    for (index, scope) in scopes.iter().enumerate() {
        check_scope(cx, scope, index, &owner_of);
    }
}

fn collect_scopes<'v>(value: &'v Value, pointer: String, scopes: &mut Vec<Scope<'v>>) {
    let Some(Value::Object(states)) = value.get("States") else {
        return;
    };
    let states_pointer = child(&pointer, "States");
    scopes.push(Scope {
        pointer,
        start_at: value.get("StartAt").and_then(Value::as_str),
        states,
    });
    for (name, state) in states {
        let state_pointer = child(&states_pointer, name);
        if let Some(Value::Array(branches)) = state.get("Branches") {
            let branches_pointer = child(&state_pointer, "Branches");
            for (index, branch) in branches.iter().enumerate() {
                collect_scopes(branch, element(&branches_pointer, index), scopes);
            }
        }
        for key in ["ItemProcessor", "Iterator"] {
            if let Some(processor) = state.get(key) {
                collect_scopes(processor, child(&state_pointer, key), scopes);
            }
        }
    }
}

fn check_names(cx: &mut Checker, scopes: &[Scope]) {
    let mut seen: HashMap<&str, String> = HashMap::new();
    for scope in scopes {
        let states_pointer = child(&scope.pointer, "States");
        for name in scope.states.keys() {
            let pointer = child(&states_pointer, name);
            if name.chars().count() > MAX_NAME_CHARS {
                cx.report(
                    Code::StateNameTooLong,
                    &pointer,
                    format!(
                        "the state name {name:?} has {} characters; AWS allows at most \
                         {MAX_NAME_CHARS}",
                        name.chars().count()
                    ),
                );
            }
            match seen.get(name.as_str()) {
                Some(first) => cx.report(
                    Code::DuplicateStateName,
                    &pointer,
                    format!(
                        "the state name {name:?} is already used at {first}; state names are \
                         unique across the whole state machine, branches and processors \
                         included: rename one"
                    ),
                ),
                None => {
                    seen.insert(name, pointer);
                }
            }
        }
    }
}

/// The transitions out of a state: (pointer of the field, target name).
fn transitions(state: &Value, state_pointer: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for key in ["Next", "Default"] {
        if let Some(Value::String(target)) = state.get(key) {
            out.push((child(state_pointer, key), target.clone()));
        }
    }
    for key in ["Choices", "Catch"] {
        if let Some(Value::Array(rules)) = state.get(key) {
            let list_pointer = child(state_pointer, key);
            for (index, rule) in rules.iter().enumerate() {
                if let Some(Value::String(target)) = rule.get("Next") {
                    out.push((
                        child(&element(&list_pointer, index), "Next"),
                        target.clone(),
                    ));
                }
            }
        }
    }
    out
}

/// Whether the state ends its scope. A state that should transition but has neither `Next`
/// nor `End` counts as an end too: it is reported as MISSING_TRANSITION already, and a second
/// finding for the same mistake would only be noise.
fn is_terminal(state: &Value) -> bool {
    match state.get("Type").and_then(Value::as_str) {
        Some("Succeed" | "Fail") => true,
        Some("Choice") => false,
        _ => state.get("End") == Some(&Value::Bool(true)) || state.get("Next").is_none(),
    }
}

fn check_scope(cx: &mut Checker, scope: &Scope, index: usize, owner_of: &HashMap<&str, usize>) {
    let states_pointer = child(&scope.pointer, "States");
    let what = if scope.pointer.is_empty() {
        "the state machine"
    } else {
        "this branch or processor"
    };
    let check_target = |cx: &mut Checker, pointer: &str, field: &str, target: &str| -> bool {
        if scope.states.contains_key(target) {
            return true;
        }
        match owner_of.get(target) {
            Some(&other) if other != index && other > index => cx.report(
                Code::TransitionLeavesScope,
                pointer,
                format!(
                    "`{field}` goes to {target:?}, which is inside a Parallel branch or Map \
                     processor; a transition cannot enter one: go to the Parallel or Map state"
                ),
            ),
            Some(&other) if other != index => cx.report(
                Code::TransitionLeavesScope,
                pointer,
                format!(
                    "`{field}` goes to {target:?}, which is outside {what}; a transition stays \
                     within its branch or Map processor: end the branch with `\"End\": true` \
                     and continue from the Parallel or Map state's `Next`"
                ),
            ),
            _ => {
                let known: Vec<&str> = scope.states.keys().map(String::as_str).collect();
                cx.report(
                    Code::UnknownState,
                    pointer,
                    format!(
                        "`{field}` names the state {target:?}, which does not exist in {what}; \
                         the states there are {known:?}"
                    ),
                );
            }
        }
        false
    };
    let Some(start_at) = scope.start_at else {
        return;
    };
    if !check_target(cx, &child(&scope.pointer, "StartAt"), "StartAt", start_at) {
        return;
    }
    let mut edges: HashMap<&str, Vec<String>> = HashMap::new();
    for (name, state) in scope.states {
        let state_pointer = child(&states_pointer, name);
        let mut targets = Vec::new();
        for (pointer, target) in transitions(state, &state_pointer) {
            let field = pointer.rsplit('/').next().unwrap_or("Next").to_string();
            if check_target(cx, &pointer, &field, &target) {
                targets.push(target);
            }
        }
        edges.insert(name.as_str(), targets);
    }
    let mut reached: HashSet<&str> = HashSet::new();
    let mut queue = VecDeque::from([start_at]);
    while let Some(name) = queue.pop_front() {
        if !reached.insert(name) {
            continue;
        }
        for target in edges.get(name).into_iter().flatten() {
            if let Some((key, _)) = scope.states.get_key_value(target.as_str()) {
                queue.push_back(key.as_str());
            }
        }
    }
    for name in scope.states.keys() {
        if !reached.contains(name.as_str()) {
            cx.report(
                Code::UnreachableState,
                &child(&states_pointer, name),
                format!(
                    "no transition from `StartAt` ({start_at:?}) leads to the state {name:?}; \
                     link it from another state's `Next`, or remove it"
                ),
            );
        }
    }
    let ends = reached
        .iter()
        .any(|name| scope.states.get(*name).is_some_and(is_terminal));
    if !ends {
        cx.report(
            Code::NoTerminalState,
            &states_pointer,
            format!(
                "no state reachable from {start_at:?} ends {what}: add a Succeed or Fail \
                 state, or `\"End\": true` on a state"
            ),
        );
    }
}
