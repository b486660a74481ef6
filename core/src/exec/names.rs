//! The state names of an executor's machines, shared: history events name their state without
//! copying the name.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use indexmap::IndexMap;

use crate::asl::State;

use super::scopes::{FromScopes, Scope, TextAddress, text_address};

/// Every state name of some machines (Map and Parallel scopes included), each held once.
#[derive(Debug, Default)]
pub(crate) struct StateNames {
    names: HashSet<Arc<str>, foldhash::fast::RandomState>,
    /// The shared name of each state key's text, by the text's address and length: the run
    /// loop passes the machine's own keys, found so without hashing their bytes. The key texts
    /// live on the heap of machines held as long as this is.
    by_address: HashMap<TextAddress, Arc<str>, foldhash::fast::RandomState>,
}

impl FromScopes for StateNames {
    fn add_scope(&mut self, scope: Scope<'_>) {
        self.add(scope.states);
    }
}

impl StateNames {
    fn add(&mut self, states: &IndexMap<String, State>) {
        for name in states.keys() {
            let shared = match self.names.get(name.as_str()) {
                Some(shared) => Arc::clone(shared),
                None => {
                    let shared: Arc<str> = Arc::from(name.as_str());
                    self.names.insert(Arc::clone(&shared));
                    shared
                }
            };
            self.by_address.insert(text_address(name), shared);
        }
    }

    /// The shared copy of a name (a new one for a name of no known state).
    pub(crate) fn get(&self, name: &str) -> Arc<str> {
        if let Some(shared) = self.by_address.get(&text_address(name)) {
            return Arc::clone(shared);
        }
        match self.names.get(name) {
            Some(shared) => Arc::clone(shared),
            None => Arc::from(name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_names_are_shared_and_unknown_ones_made() {
        let machine = crate::exec::scopes::machine(
            r#"{"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                "ItemProcessor": {"StartAt": "Inner", "States": {"Inner": {"Type": "Pass", "End": true}}}}}}"#,
        );
        let names = StateNames::of([&machine]);
        assert!(Arc::ptr_eq(&names.get("Inner"), &names.get("Inner")));
        assert_eq!(&*names.get("Elsewhere"), "Elsewhere");
    }
}
