//! What the run loop needs of each state, worked out once per definition: the state's shared
//! name, its two event types, its query language, the index of every state it can go to, and
//! its compiled `Parameters` and parsed `ResultPath`. A transition is then an index into its
//! scope, with no name, template or path looked up.

use std::collections::HashMap;
use std::sync::Arc;

use indexmap::IndexMap;
use smallvec::SmallVec;

use crate::asl::{Catcher, QueryLanguage, State, StateMachine, StateType};
use crate::path::Path;

use super::paths::Paths;
use super::scopes::{Scope, TextAddress, scopes, text_address};
use super::state_name::StateName;
use super::templates::{Compiled, Templates};

/// The plans of every scope of some machines, by the address of the scope's states. The
/// machines are held (in `Arc`s) as long as this is, so no other map can take one of those
/// addresses.
#[derive(Debug, Default)]
pub(crate) struct Plans {
    scopes: HashMap<usize, ScopePlan, foldhash::fast::RandomState>,
}

/// One scope's plan: a [`StatePlan`] per state, in the scope's order.
#[derive(Debug)]
pub(crate) struct ScopePlan {
    /// The `StartAt` text and the index it names.
    start: (TextAddress, Option<usize>),
    states: Vec<StatePlan>,
}

/// What the run loop needs of one state.
#[derive(Debug)]
pub(crate) struct StatePlan {
    /// The state's name, shared by its history events.
    pub(crate) name: StateName,
    /// Its `...StateEntered` and `...StateExited` event types.
    pub(crate) entered: &'static str,
    pub(crate) exited: &'static str,
    /// Whether it is written in JSONata (its own `QueryLanguage`, or its machine's).
    pub(crate) jsonata: bool,
    /// Each name text the state can go to (`Next`, a Choice rule's or a Catcher's) and the
    /// index of the state it names, when that state is in the scope.
    targets: SmallVec<[(TextAddress, Option<usize>); 2]>,
    /// Its `Parameters`, applied to its input (Pass, Task, Parallel; a Map's apply to each
    /// item instead), compiled when it compiles.
    pub(crate) parameters: Option<Arc<Compiled>>,
    /// Its `ResultPath` (Pass, Task, Map, Parallel), parsed when it is a path that parses.
    pub(crate) result_path: Option<Arc<Path>>,
}

/// The executor's compiled templates and parsed paths, which plans share.
#[derive(Clone, Copy)]
pub(crate) struct Compiles<'a> {
    pub(crate) templates: &'a Templates,
    pub(crate) paths: &'a Paths,
}

impl Plans {
    /// The plans of every scope of `machines`, sharing what `compiles` holds of them.
    pub(crate) fn new<'a>(
        machines: impl IntoIterator<Item = &'a StateMachine>,
        compiles: Compiles<'_>,
    ) -> Self {
        let mut plans = Plans::default();
        for scope in scopes(machines) {
            let plan = ScopePlan::new(scope, Some(compiles));
            plans
                .scopes
                .insert(std::ptr::from_ref(scope.states).addr(), plan);
        }
        plans
    }

    /// The plan of a scope of these machines (`None` for any other).
    pub(crate) fn scope(&self, states: &IndexMap<String, State>) -> Option<&ScopePlan> {
        self.scopes.get(&std::ptr::from_ref(states).addr())
    }
}

impl ScopePlan {
    /// The plan of `scope`, its templates and paths taken from `compiles` when given.
    pub(crate) fn new(scope: Scope<'_>, compiles: Option<Compiles<'_>>) -> Self {
        let states = scope.states;
        let index = |name: &str| (text_address(name), states.get_index_of(name));
        let states = states
            .iter()
            .map(|(name, state)| {
                let name = StateName::new(name);
                let (entered, exited) = event_types(state.state_type());
                let (parameters, result_path) = match state {
                    State::Pass(s) => (&s.parameters, &s.result_path),
                    State::Task(s) => (&s.parameters, &s.result_path),
                    State::Map(s) => (&None, &s.result_path),
                    State::Parallel(s) => (&s.parameters, &s.result_path),
                    State::Choice(_) | State::Wait(_) | State::Succeed(_) | State::Fail(_) => {
                        (&None, &None)
                    }
                };
                let parameters = compiles
                    .zip(parameters.as_ref())
                    .and_then(|(compiles, template)| compiles.templates.get(template))
                    .cloned();
                let result_path = compiles
                    .zip(result_path.as_ref().and_then(Option::as_deref))
                    .and_then(|(compiles, text)| compiles.paths.reference(text))
                    .cloned();
                StatePlan {
                    name,
                    entered,
                    exited,
                    jsonata: state.query_language().unwrap_or(scope.language)
                        == QueryLanguage::Jsonata,
                    targets: targets(state).map(index).collect(),
                    parameters,
                    result_path,
                }
            })
            .collect();
        ScopePlan {
            start: index(scope.start_at),
            states,
        }
    }

    /// The index of the state named `name` in `states`, the scope this plan was made from:
    /// found among the texts `from` (the state just left) names, or the scope's `StartAt`,
    /// by address; any other text by its bytes.
    pub(crate) fn find(
        &self,
        states: &IndexMap<String, State>,
        from: Option<usize>,
        name: &str,
    ) -> Option<usize> {
        let address = text_address(name);
        let known = match from.and_then(|at| self.states.get(at)) {
            Some(plan) => plan.targets.iter().find(|(text, _)| *text == address),
            None => Some(&self.start).filter(|(text, _)| *text == address),
        };
        match known {
            Some(&(_, at)) => at,
            None => states.get_index_of(name),
        }
    }

    /// The plan of the state at `at`.
    pub(crate) fn state(&self, at: usize) -> &StatePlan {
        &self.states[at]
    }
}

/// The targets of a state's Catchers.
fn catchers(catch: &Option<Vec<Catcher>>) -> impl Iterator<Item = &str> {
    catch.iter().flatten().map(|catcher| catcher.next.as_str())
}

/// Every name text a state can go to.
fn targets(state: &State) -> Box<dyn Iterator<Item = &str> + '_> {
    match state {
        State::Pass(pass) => Box::new(pass.next.as_deref().into_iter()),
        State::Wait(wait) => Box::new(wait.next.as_deref().into_iter()),
        State::Task(task) => Box::new(
            task.next
                .as_deref()
                .into_iter()
                .chain(catchers(&task.catch)),
        ),
        State::Choice(choice) => Box::new(
            choice
                .choices
                .iter()
                .filter_map(|rule| rule.next.as_deref())
                .chain(choice.default.as_deref()),
        ),
        State::Map(map) => Box::new(map.next.as_deref().into_iter().chain(catchers(&map.catch))),
        State::Parallel(parallel) => Box::new(
            parallel
                .next
                .as_deref()
                .into_iter()
                .chain(catchers(&parallel.catch)),
        ),
        State::Succeed(_) | State::Fail(_) => Box::new(std::iter::empty()),
    }
}

/// The `...StateEntered` and `...StateExited` event types of a state type.
fn event_types(state_type: StateType) -> (&'static str, &'static str) {
    use StateType as T;
    match state_type {
        T::Task => ("TaskStateEntered", "TaskStateExited"),
        T::Pass => ("PassStateEntered", "PassStateExited"),
        T::Choice => ("ChoiceStateEntered", "ChoiceStateExited"),
        T::Wait => ("WaitStateEntered", "WaitStateExited"),
        T::Succeed => ("SucceedStateEntered", "SucceedStateExited"),
        T::Fail => ("FailStateEntered", "FailStateExited"),
        T::Parallel => ("ParallelStateEntered", "ParallelStateExited"),
        T::Map => ("MapStateEntered", "MapStateExited"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exec::scopes::FromScopes;

    /// The plans of some machines with their own templates and paths.
    fn plans(machines: &[&StateMachine]) -> Plans {
        let templates = Templates::of(machines.iter().copied());
        let paths = Paths::of(machines.iter().copied());
        Plans::new(
            machines.iter().copied(),
            Compiles {
                templates: &templates,
                paths: &paths,
            },
        )
    }

    #[test]
    fn transitions_are_found_by_their_text_and_other_names_by_their_bytes() {
        let machine = crate::exec::scopes::machine(
            r#"{"StartAt": "A", "States": {
                "A": {"Type": "Pass", "Next": "C"},
                "B": {"Type": "Succeed"},
                "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "B"}], "Default": "A"}}}"#,
        );
        let plans = plans(&[&machine]);
        let scope = plans.scope(&machine.states).expect("the machine's scope");
        let State::Pass(pass) = &machine.states["A"] else {
            panic!("A is a Pass state");
        };
        let next = pass.next.as_deref().unwrap();
        assert_eq!(scope.find(&machine.states, Some(0), next), Some(2));
        assert_eq!(
            scope.find(&machine.states, None, &machine.start_at),
            Some(0)
        );
        assert_eq!(scope.state(2).entered, "ChoiceStateEntered");
        assert_eq!(&*scope.state(1).name, "B");
        // A name held elsewhere is read by its bytes; an unknown one is not found.
        assert_eq!(
            scope.find(&machine.states, Some(0), &String::from("B")),
            Some(1)
        );
        assert_eq!(scope.find(&machine.states, Some(2), "Z"), None);
        // Another map of the same states has no plan of its own.
        assert!(plans.scope(&machine.states.clone()).is_none());
    }

    #[test]
    fn names_of_several_machines_are_shared() {
        let first = crate::exec::scopes::machine(
            r#"{"StartAt": "S", "States": {"S": {"Type": "Succeed"}}}"#,
        );
        let second = crate::exec::scopes::machine(
            r#"{"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                "ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Pass", "End": true}}}}}}"#,
        );
        let plans = plans(&[&first, &second]);
        let State::Map(map) = &second.states["M"] else {
            panic!("M is a Map state");
        };
        let processor = map.item_processor.as_ref().unwrap();
        let outer = plans.scope(&first.states).unwrap();
        let inner = plans.scope(&processor.states).unwrap();
        assert!(StateName::ptr_eq(
            &outer.state(0).name,
            &inner.state(0).name
        ));
        assert_eq!(inner.state(0).exited, "PassStateExited");
    }
}
