//! Where transitions go, found by the address of the name text a definition holds (a state's
//! own key, the scope's `StartAt`, a `Next`, a Choice rule's or a Catcher's target): the run
//! loop finds the next state by its index without hashing its name.

use std::collections::HashMap;

use indexmap::IndexMap;

use crate::asl::{Catcher, State};

use super::scopes::{FromScopes, Scope, TextAddress, text_address};

/// The scope index of every state name text in some machines, keyed by the text's address and
/// length. The machines are held (in `Arc`s) as long as this is; a hit is checked against the
/// scope's own key, so a name from anywhere else is looked up by its text.
#[derive(Debug, Default)]
pub(crate) struct Targets {
    index: HashMap<TextAddress, usize, foldhash::fast::RandomState>,
}

/// The targets of a state's Catchers.
fn catchers(catch: &Option<Vec<Catcher>>) -> impl Iterator<Item = &str> {
    catch.iter().flatten().map(|catcher| catcher.next.as_str())
}

impl FromScopes for Targets {
    fn add_scope(&mut self, scope: Scope<'_>) {
        self.add(scope.start_at, scope.states);
    }
}

impl Targets {
    /// The index in `states` of the state named `name`.
    ///
    /// A text found by its address is one of the held machines' own (no other live text can
    /// have that address), naming a state of the scope it lies in, which is the scope being
    /// run: its bytes are not read again (a cache miss at every transition of a long
    /// machine). Any other text is looked up by its bytes.
    pub(crate) fn find(&self, states: &IndexMap<String, State>, name: &str) -> Option<usize> {
        if let Some(&at) = self.index.get(&text_address(name))
            && states
                .get_index(at)
                .is_some_and(|(key, _)| key.len() == name.len())
        {
            return Some(at);
        }
        states.get_index_of(name)
    }

    fn add(&mut self, start_at: &str, states: &IndexMap<String, State>) {
        // The start: each execution, iteration and branch enters its scope by it.
        let mut names: Vec<&str> = vec![start_at];
        for (name, state) in states {
            names.push(name);
            match state {
                State::Pass(pass) => names.extend(pass.next.as_deref()),
                State::Wait(wait) => names.extend(wait.next.as_deref()),
                State::Task(task) => {
                    names.extend(task.next.as_deref());
                    names.extend(catchers(&task.catch));
                }
                State::Choice(choice) => {
                    names.extend(choice.choices.iter().filter_map(|r| r.next.as_deref()));
                    names.extend(choice.default.as_deref());
                }
                State::Map(map) => {
                    names.extend(map.next.as_deref());
                    names.extend(catchers(&map.catch));
                }
                State::Parallel(parallel) => {
                    names.extend(parallel.next.as_deref());
                    names.extend(catchers(&parallel.catch));
                }
                State::Succeed(_) | State::Fail(_) => {}
            }
        }
        for name in names {
            if let Some(at) = states.get_index_of(name) {
                self.index.insert(text_address(name), at);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_found_by_their_text_and_other_names_by_their_bytes() {
        let machine = crate::exec::scopes::machine(
            r#"{"StartAt": "A", "States": {
                "A": {"Type": "Pass", "Next": "C"},
                "B": {"Type": "Succeed"},
                "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "B"}], "Default": "A"}}}"#,
        );
        let targets = Targets::of([&machine]);
        let State::Pass(pass) = &machine.states["A"] else {
            panic!("A is a Pass state");
        };
        let next = pass.next.as_deref().unwrap();
        assert!(targets.index.contains_key(&text_address(next)));
        assert_eq!(targets.find(&machine.states, next), Some(2));
        assert!(targets.index.contains_key(&text_address(&machine.start_at)));
        // A name held elsewhere, or a slice of a known name's text, is read by its bytes.
        assert_eq!(targets.find(&machine.states, &String::from("B")), Some(1));
        assert_eq!(targets.find(&machine.states, "Z"), None);
    }
}
