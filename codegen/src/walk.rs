//! Every Task state of a definition, inside Parallel branches and Map processors included.

use indexmap::IndexMap;
use statewright_core::asl::{State, StateMachine, TaskState};
use statewright_core::json::escape_pointer_token;

/// A Task state and where it is.
#[derive(Clone, Copy, Debug)]
pub struct TaskRef<'a> {
    /// The state's name.
    pub name: &'a str,
    /// The JSON Pointer of the state in the definition.
    pub pointer: &'a str,
    /// The state.
    pub task: &'a TaskState,
}

/// An owned list of Task states with their pointers, in document order.
#[derive(Clone, Debug, Default)]
pub struct Tasks<'a> {
    entries: Vec<(String, &'a str, &'a TaskState)>,
}

impl<'a> Tasks<'a> {
    /// Collects every Task state of a definition, depth first in document order.
    pub fn of(machine: &'a StateMachine) -> Tasks<'a> {
        let mut tasks = Tasks::default();
        tasks.visit(&machine.states, "/States");
        tasks
    }

    /// The Task states, in document order.
    pub fn iter(&self) -> impl Iterator<Item = TaskRef<'_>> {
        self.entries.iter().map(|(pointer, name, task)| TaskRef {
            name,
            pointer,
            task,
        })
    }

    /// How many Task states there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn visit(&mut self, states: &'a IndexMap<String, State>, prefix: &str) {
        for (name, state) in states {
            let pointer = format!("{prefix}/{}", escape_pointer_token(name));
            match state {
                State::Task(task) => self.entries.push((pointer, name, task)),
                State::Parallel(parallel) => {
                    for (index, branch) in parallel.branches.iter().enumerate() {
                        self.visit(
                            &branch.states,
                            &format!("{pointer}/Branches/{index}/States"),
                        );
                    }
                }
                State::Map(map) => {
                    if let Some(processor) = &map.item_processor {
                        self.visit(
                            &processor.states,
                            &format!("{pointer}/ItemProcessor/States"),
                        );
                    }
                    if let Some(iterator) = &map.iterator {
                        self.visit(&iterator.states, &format!("{pointer}/Iterator/States"));
                    }
                }
                State::Pass(_)
                | State::Choice(_)
                | State::Wait(_)
                | State::Succeed(_)
                | State::Fail(_) => {}
            }
        }
    }
}
