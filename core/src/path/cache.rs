//! Parsed paths and intrinsic calls kept by their text, so that the expressions of a
//! definition are parsed once, not at every state entry.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;
use std::thread::LocalKey;

use super::{Path, PathError, parse_path, parse_reference_path};
use crate::intrinsics::{Call, IntrinsicError, check_intrinsic};

/// The most entries a cache keeps; past it, it starts over (definitions are few, but a caller
/// could build paths from data).
const CAPACITY: usize = 16_384;

/// One cache per thread: the executor reads it several times per state, and a thread's own
/// map needs no lock. Keyed by text with foldhash (SipHash was a tenth of a Pass state).
type Cache<T> = RefCell<HashMap<String, Arc<T>, foldhash::fast::RandomState>>;

thread_local! {
    static PATHS: Cache<Result<Path, PathError>> = RefCell::default();
    static REFERENCE_PATHS: Cache<Result<Path, PathError>> = RefCell::default();
    static CALLS: Cache<Result<Call, IntrinsicError>> = RefCell::default();
}

fn cached<T>(
    cache: &'static LocalKey<Cache<T>>,
    text: &str,
    parse: impl FnOnce(&str) -> T,
) -> Arc<T> {
    if let Some(found) = cache.with(|map| map.borrow().get(text).cloned()) {
        return found;
    }
    // Parsed with no borrow held: parsing a call may read this cache for its paths.
    let parsed = Arc::new(parse(text));
    cache.with(|map| {
        let mut map = map.borrow_mut();
        if map.len() >= CAPACITY {
            map.clear();
        }
        map.insert(text.to_string(), Arc::clone(&parsed));
    });
    parsed
}

/// [`parse_path`], parsed once per text.
pub fn parse_path_cached(text: &str) -> Arc<Result<Path, PathError>> {
    cached(&PATHS, text, parse_path)
}

/// [`parse_reference_path`], parsed once per text.
pub fn parse_reference_path_cached(text: &str) -> Arc<Result<Path, PathError>> {
    cached(&REFERENCE_PATHS, text, parse_reference_path)
}

/// [`check_intrinsic`], parsed and checked once per text.
pub fn check_intrinsic_cached(text: &str) -> Arc<Result<Call, IntrinsicError>> {
    cached(&CALLS, text, check_intrinsic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_parsed_once_and_shared() {
        let first = parse_path_cached("$.cache.test");
        let second = parse_path_cached("$.cache.test");
        assert!(Arc::ptr_eq(&first, &second));
        assert!(parse_path_cached("$.[").is_err());
    }
}
