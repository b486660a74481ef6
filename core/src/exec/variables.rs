//! Workflow variables (`Assign`) and their scopes.
//!
//! A Parallel branch or Map iteration reads the variables of the states around it and
//! assigns into its own frame; what it assigns is not seen outside.

use std::collections::HashMap;
use std::sync::Arc;

use crate::value::Value;

use crate::path;

/// The variables visible to a state: its frame, then the frames around it.
#[derive(Clone, Debug, Default)]
pub(crate) struct Variables {
    local: HashMap<String, Value>,
    outer: Option<Arc<Variables>>,
}

impl Variables {
    /// A new frame inside `outer` (a branch or an iteration).
    pub(crate) fn nested(outer: Arc<Variables>) -> Self {
        Variables {
            local: HashMap::new(),
            outer: Some(outer),
        }
    }

    /// Sets every assignment at once: all of them were computed from the values before.
    pub(crate) fn assign(&mut self, assignments: crate::value::Map) {
        self.local
            .extend(assignments.into_iter().map(|(k, v)| (k.to_string(), v)));
    }

    /// The value of a variable, from the innermost frame that has it.
    pub(crate) fn lookup(&self, name: &str) -> Option<&Value> {
        self.local
            .get(name)
            .or_else(|| self.outer.as_deref().and_then(|outer| outer.lookup(name)))
    }

    /// Every visible variable, inner frames winning (for JSONata bindings).
    pub(crate) fn all(&self) -> HashMap<String, Value> {
        let mut all = self
            .outer
            .as_deref()
            .map(Variables::all)
            .unwrap_or_default();
        all.extend(self.local.iter().map(|(k, v)| (k.clone(), v.clone())));
        all
    }
}

impl path::Variables for Variables {
    fn get(&self, name: &str) -> Option<&Value> {
        self.lookup(name)
    }
}
