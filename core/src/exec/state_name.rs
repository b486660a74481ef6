//! State names as history events hold them: interned for the life of the process, so that
//! recording, copying and dropping a state's events counts no references. Past a bound on the
//! text interned, names are shared by reference count instead, so a process that makes
//! executors for ever new names (a fuzzer, say) keeps no more than the bound.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

/// The most bytes of name text interned: some 200,000 names of the longest kind AWS allows
/// (80 characters), far more than the definitions of any test suite hold.
const INTERN_AT_MOST: usize = 16 << 20;

/// The interned names by their text, and how many bytes of text they hold.
static INTERNED: LazyLock<Mutex<(HashMap<&'static str, &'static String>, usize)>> =
    LazyLock::new(|| Mutex::new((HashMap::new(), 0)));

/// A state's name, shared without copying its text.
#[derive(Clone)]
pub(crate) enum StateName {
    /// Interned: copied and dropped without counting references.
    Interned(&'static String),
    /// Shared by reference count (once the interned names reach their bound).
    Shared(Arc<String>),
}

impl StateName {
    /// The interned name `name`, interned now when it is new and there is room.
    pub(crate) fn new(name: &str) -> Self {
        let mut interned = INTERNED.lock().unwrap_or_else(PoisonError::into_inner);
        let (names, bytes) = &mut *interned;
        if let Some(&known) = names.get(name) {
            return StateName::Interned(known);
        }
        if *bytes + name.len() > INTERN_AT_MOST {
            return StateName::Shared(Arc::new(name.to_string()));
        }
        let leaked: &'static String = Box::leak(Box::new(name.to_string()));
        names.insert(leaked.as_str(), leaked);
        *bytes += name.len();
        StateName::Interned(leaked)
    }

    /// The name's text.
    pub(crate) fn as_str(&self) -> &str {
        match self {
            StateName::Interned(name) => name,
            StateName::Shared(name) => name,
        }
    }

    /// Whether two names share their text.
    #[cfg(test)]
    pub(crate) fn ptr_eq(a: &StateName, b: &StateName) -> bool {
        std::ptr::eq(a.as_str(), b.as_str())
    }
}

impl std::ops::Deref for StateName {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for StateName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_interned_once() {
        let a = StateName::new("Interned once");
        let b = StateName::new("Interned once");
        assert!(matches!(a, StateName::Interned(_)));
        assert!(StateName::ptr_eq(&a, &b));
        assert_eq!(&*b, "Interned once");
    }
}
