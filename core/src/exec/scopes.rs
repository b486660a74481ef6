//! The walks the executor's tables (plans, templates, literals, paths, resources)
//! are read off once per definition: every scope of some machines (the machine, its Map item
//! processors and Parallel branches at any depth, each with where it starts), and every rule
//! of a Choice. Also the address by which those tables find a definition's own texts.

use indexmap::IndexMap;

use crate::asl::{ChoiceRule, QueryLanguage, State, StateMachine};

/// A scope: its states, the name of the one it starts at, and its machine's query language.
#[derive(Clone, Copy)]
pub(crate) struct Scope<'a> {
    pub(crate) start_at: &'a str,
    pub(crate) states: &'a IndexMap<String, State>,
    pub(crate) language: QueryLanguage,
}

/// The scopes of `machines` and every scope nested in them.
pub(crate) fn scopes<'a>(machines: impl IntoIterator<Item = &'a StateMachine>) -> Vec<Scope<'a>> {
    let mut pending: Vec<Scope<'a>> = machines
        .into_iter()
        .map(|machine| Scope {
            start_at: &machine.start_at,
            states: &machine.states,
            language: machine.default_query_language(),
        })
        .collect();
    let mut all = Vec::with_capacity(pending.len());
    while let Some(scope) = pending.pop() {
        all.push(scope);
        for state in scope.states.values() {
            match state {
                State::Map(map) => pending.extend(
                    [&map.item_processor, &map.iterator]
                        .into_iter()
                        .flatten()
                        .map(|processor| Scope {
                            start_at: &processor.start_at,
                            states: &processor.states,
                            language: scope.language,
                        }),
                ),
                State::Parallel(parallel) => {
                    pending.extend(parallel.branches.iter().map(|branch| Scope {
                        start_at: &branch.start_at,
                        states: &branch.states,
                        language: scope.language,
                    }));
                }
                State::Pass(_)
                | State::Task(_)
                | State::Choice(_)
                | State::Wait(_)
                | State::Succeed(_)
                | State::Fail(_) => {}
            }
        }
    }
    all
}

/// Where a text lies and how long it is: two texts with both equal are the same bytes. The
/// executor's tables find a definition's own texts (names, targets, paths, resources) by it,
/// without hashing or comparing their bytes.
pub(crate) type TextAddress = (usize, usize);

/// The [`TextAddress`] of `text`.
pub(crate) fn text_address(text: &str) -> TextAddress {
    (text.as_ptr().addr(), text.len())
}

/// A table read off every scope of some machines (names, targets, templates, literals,
/// paths), made by one walk.
pub(crate) trait FromScopes: Default {
    /// Adds what one scope holds.
    fn add_scope(&mut self, scope: Scope<'_>);

    /// The table of these machines, Map and Parallel scopes included.
    fn of<'a>(machines: impl IntoIterator<Item = &'a StateMachine>) -> Self {
        let mut table = Self::default();
        for scope in scopes(machines) {
            table.add_scope(scope);
        }
        table
    }
}

/// A valid machine read from its definition text, for the tables' tests.
#[cfg(test)]
pub(crate) fn machine(definition: &str) -> StateMachine {
    crate::validate::load(definition, &crate::validate::Options::default())
        .unwrap_or_else(|e| panic!("a valid test definition: {e}"))
}

/// A Choice rule and every rule nested in it (`And`, `Or`, `Not`), at any depth.
pub(crate) fn rules(rule: &ChoiceRule) -> Vec<&ChoiceRule> {
    let mut all = vec![rule];
    let mut at = 0;
    while let Some(rule) = all.get(at).copied() {
        all.extend(rule.and.iter().chain(&rule.or).flatten());
        all.extend(rule.not.as_deref());
        at += 1;
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_scopes_are_all_found() {
        let machine = machine(
            r#"{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor":
                    {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}}}},
                {"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}]}}}"#,
        );
        let mut starts: Vec<&str> = scopes([&machine])
            .iter()
            .map(|scope| {
                assert_eq!(scope.states.keys().next().unwrap(), scope.start_at);
                scope.start_at
            })
            .collect();
        starts.sort_unstable();
        assert_eq!(starts, ["B", "I", "M", "P"]);
    }

    #[test]
    fn every_nested_rule_is_found_once() {
        let machine = machine(
            r#"{"StartAt": "C", "States": {"C": {"Type": "Choice", "Default": "E", "Choices": [
                {"And": [{"Variable": "$.a", "IsPresent": true},
                         {"Not": {"Or": [{"Variable": "$.b", "IsNull": true},
                                         {"Variable": "$.c", "IsNull": true}]}}],
                 "Next": "E"}]},
                "E": {"Type": "Succeed"}}}"#,
        );
        let State::Choice(choice) = &machine.states["C"] else {
            unreachable!("C is a Choice state")
        };
        let variables: Vec<&str> = rules(&choice.choices[0])
            .iter()
            .filter_map(|rule| rule.variable.as_deref())
            .collect();
        assert_eq!(variables, ["$.a", "$.b", "$.c"]);
        assert_eq!(rules(&choice.choices[0]).len(), 6);
    }
}
