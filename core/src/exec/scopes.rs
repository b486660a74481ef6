//! Every scope of some machines: their own states, and those of their Map item processors and
//! Parallel branches at any depth. The executor's tables read once per definition (names,
//! targets, templates, literals, resources) walk these.

use indexmap::IndexMap;

use crate::asl::{State, StateMachine};

/// The state sets of `machines` and of every scope nested in them.
pub(crate) fn scopes<'a>(
    machines: impl IntoIterator<Item = &'a StateMachine>,
) -> Vec<&'a IndexMap<String, State>> {
    let mut pending: Vec<&IndexMap<String, State>> = machines
        .into_iter()
        .map(|machine| &machine.states)
        .collect();
    let mut all = Vec::with_capacity(pending.len());
    while let Some(states) = pending.pop() {
        all.push(states);
        for state in states.values() {
            match state {
                State::Map(map) => pending.extend(
                    [&map.item_processor, &map.iterator]
                        .into_iter()
                        .flatten()
                        .map(|processor| &processor.states),
                ),
                State::Parallel(parallel) => {
                    pending.extend(parallel.branches.iter().map(|branch| &branch.states));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_scopes_are_all_found() {
        let machine = crate::validate::load(
            r#"{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor":
                    {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}}}},
                {"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}]}}}"#,
            &crate::validate::Options::default(),
        )
        .unwrap();
        let mut starts: Vec<&str> = scopes([&machine])
            .iter()
            .map(|states| states.keys().next().unwrap().as_str())
            .collect();
        starts.sort_unstable();
        assert_eq!(starts, ["B", "I", "M", "P"]);
    }
}
