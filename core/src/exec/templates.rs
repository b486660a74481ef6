//! The payload templates (`Parameters`, `ItemSelector`, `ResultSelector`) of an executor's
//! machines, compiled once when it is built and found by the address of the template.

use std::collections::HashMap;
use std::sync::Arc;

use indexmap::IndexMap;
use serde_json::Value;

use crate::asl::State;

use super::scopes::{FromScopes, Scope};
use crate::path::CompiledTemplate;

/// A compiled template and whether it reads the context object (built only for those).
#[derive(Debug)]
pub(crate) struct Compiled {
    pub(crate) template: CompiledTemplate,
    pub(crate) reads_context: bool,
}

/// The compiled templates of some machines, keyed by where each template lies in its machine.
/// The machines are held (in `Arc`s) as long as this is, so no other value can take the
/// address of one of theirs; a template from elsewhere is simply not found.
#[derive(Debug, Default)]
pub(crate) struct Templates {
    compiled: HashMap<usize, Arc<Compiled>, foldhash::fast::RandomState>,
}

impl FromScopes for Templates {
    fn add_scope(&mut self, scope: Scope<'_>) {
        self.add(scope.states);
    }
}

impl Templates {
    /// The compiled form of `template`, when it is one of these machines' own.
    pub(crate) fn get(&self, template: &Value) -> Option<&Arc<Compiled>> {
        if self.compiled.is_empty() {
            return None;
        }
        self.compiled.get(&std::ptr::from_ref(template).addr())
    }

    fn add(&mut self, states: &IndexMap<String, State>) {
        for state in states.values() {
            match state {
                State::Pass(pass) => self.compile(&pass.parameters),
                State::Task(task) => {
                    self.compile(&task.parameters);
                    self.compile(&task.result_selector);
                }
                State::Map(map) => {
                    self.compile(&map.parameters);
                    self.compile(&map.item_selector);
                    self.compile(&map.result_selector);
                }
                State::Parallel(parallel) => {
                    self.compile(&parallel.parameters);
                    self.compile(&parallel.result_selector);
                }
                State::Choice(_) | State::Wait(_) | State::Succeed(_) | State::Fail(_) => {}
            }
        }
    }

    fn compile(&mut self, template: &Option<Value>) {
        let Some(template) = template else {
            return;
        };
        let converted = crate::value::Value::from(template);
        if let Some(compiled) = CompiledTemplate::compile(&converted) {
            self.compiled.insert(
                std::ptr::from_ref(template).addr(),
                Arc::new(Compiled {
                    template: compiled,
                    reads_context: super::io::reads_context(&converted),
                }),
            );
        }
    }
}
