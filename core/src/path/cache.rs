//! Parsed paths and intrinsic calls kept by their text, so that the expressions of a
//! definition are parsed once, not at every state entry.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

use super::{Path, PathError, parse_path, parse_reference_path};
use crate::intrinsics::{Call, IntrinsicError, check_intrinsic};

/// The most entries a cache keeps; past it, it starts over (definitions are few, but a caller
/// could build paths from data).
const CAPACITY: usize = 16_384;

/// Keyed by text with foldhash: the caches are read several times per state, and SipHash
/// was a tenth of a Pass state's time.
type Cache<T> = OnceLock<RwLock<HashMap<String, Arc<T>, foldhash::fast::RandomState>>>;

static PATHS: Cache<Result<Path, PathError>> = OnceLock::new();
static REFERENCE_PATHS: Cache<Result<Path, PathError>> = OnceLock::new();
static CALLS: Cache<Result<Call, IntrinsicError>> = OnceLock::new();

fn cached<T>(cache: &'static Cache<T>, text: &str, parse: impl FnOnce(&str) -> T) -> Arc<T> {
    let map = cache.get_or_init(Default::default);
    if let Some(found) = map
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .get(text)
    {
        return Arc::clone(found);
    }
    let parsed = Arc::new(parse(text));
    let mut map = map
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if map.len() >= CAPACITY {
        map.clear();
    }
    map.insert(text.to_string(), Arc::clone(&parsed));
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
