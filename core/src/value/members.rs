//! The members of an object: in insertion order in one vector, found by a linear scan while
//! the object is small and through a hash index once it is not.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use smallvec::SmallVec;

use super::{Str, Value};

/// Up to this many members an object has no hash index: comparing a few short keys is
/// cheaper than hashing one, and the object is made and copied with one allocation.
const SMALL: usize = 8;

type Index = HashMap<Str, usize, foldhash::fast::FixedState>;

/// Members kept in the object's own allocation, up to this many: most payload objects are
/// this small, and are then made and copied with one allocation.
pub(super) const INLINE: usize = 2;

/// The members in order.
pub(super) type Entries = SmallVec<[(Str, Value); INLINE]>;

#[derive(Default)]
pub(super) struct Members {
    entries: Entries,
    /// The position of every key, once there are more than [`SMALL`] members.
    index: Option<Box<Index>>,
    /// The object's length as JSON text once counted (0: not counted since the last
    /// change). Shared members do not change, so the payload limit counts them once.
    json_len: AtomicUsize,
}

impl Clone for Members {
    fn clone(&self) -> Self {
        Members {
            entries: self.entries.clone(),
            index: self.index.clone(),
            json_len: AtomicUsize::new(self.json_len.load(Ordering::Relaxed)),
        }
    }
}

impl Members {
    pub(super) fn with_capacity(capacity: usize) -> Self {
        Members {
            entries: Entries::with_capacity(capacity),
            index: None,
            json_len: AtomicUsize::new(0),
        }
    }

    /// The length of these members written as a JSON object, counted once.
    pub(super) fn json_len(&self) -> usize {
        let known = self.json_len.load(Ordering::Relaxed);
        if known != 0 {
            return known;
        }
        let len = 2
            + self
                .entries
                .iter()
                .map(|(k, v)| k.json_len() + 1 + v.json_len())
                .sum::<usize>()
            + self.entries.len().saturating_sub(1);
        self.json_len.store(len, Ordering::Relaxed);
        len
    }

    /// The counted length, when it is known without reading the members.
    pub(super) fn known_json_len(&self) -> Option<usize> {
        Some(self.json_len.load(Ordering::Relaxed)).filter(|&len| len != 0)
    }

    /// The length these members will have once the value at `at` is `value`, when both it
    /// and the value replaced are known without a walk (0, unknown, otherwise).
    fn len_replacing(&self, at: usize, value: &Value) -> usize {
        let (Some(len), Some(old), Some(new)) = (
            self.known_json_len(),
            self.entries[at].1.known_json_len(),
            value.known_json_len(),
        ) else {
            return 0;
        };
        len - old + new
    }

    /// The length these members will have once `key` (new) is added with `value`, when
    /// known without a walk (0 otherwise).
    pub(super) fn len_pushing(&self, key: &Str, value: &Value) -> usize {
        let (Some(len), Some(new)) = (self.known_json_len(), value.known_json_len()) else {
            return 0;
        };
        len + usize::from(!self.entries.is_empty()) + key.json_len() + 1 + new
    }

    /// Sets the counted length (0: unknown); the caller counted it.
    pub(super) fn counted(&mut self, len: usize) {
        *self.json_len.get_mut() = len;
    }

    /// Sets the value at `at`, keeping the counted length when it can be kept.
    pub(super) fn replace(&mut self, at: usize, value: Value) -> Value {
        let len = self.len_replacing(at, &value);
        *self.json_len.get_mut() = len;
        std::mem::replace(&mut self.entries[at].1, value)
    }

    /// A copy of these members with `value` at `at` in place of the one there, the counted
    /// length carried over as [`Members::replace`] carries it.
    pub(super) fn copy_replacing(&self, at: usize, value: Value) -> Self {
        let len = self.len_replacing(at, &value);
        let copy = |(key, old): &(Str, Value)| (key.clone(), old.clone());
        let entries = match (self.entries.as_slice(), at) {
            // A full two-member block (`INLINE`) is made in one go.
            ([first, second], 0) => Entries::from_buf([(first.0.clone(), value), copy(second)]),
            ([first, second], _) => Entries::from_buf([copy(first), (second.0.clone(), value)]),
            (all, _) => {
                let mut value = Some(value);
                all.iter()
                    .enumerate()
                    .map(|(i, (key, old))| {
                        let new = if i == at { value.take() } else { None };
                        (key.clone(), new.unwrap_or_else(|| old.clone()))
                    })
                    .collect()
            }
        };
        Members {
            entries,
            index: self.index.clone(),
            json_len: AtomicUsize::new(len),
        }
    }

    /// A copy of these members with `key` (new) and `value` appended, the counted length
    /// carried over as [`Members::push`] with [`Members::len_pushing`] carries it.
    pub(super) fn copy_pushing(&self, key: Str, value: Value) -> Self {
        let len = self.len_pushing(&key, &value);
        let mut entries = Entries::with_capacity(self.entries.len() + 1);
        entries.extend(self.entries.iter().cloned());
        let mut copy = Members {
            entries,
            index: self.index.clone(),
            json_len: AtomicUsize::new(0),
        };
        copy.push(key, value);
        copy.counted(len);
        copy
    }

    /// Forgets the counted length: the members are about to change.
    pub(super) fn changing(&mut self) -> &mut Self {
        *self.json_len.get_mut() = 0;
        self
    }

    pub(super) fn entries(&self) -> &[(Str, Value)] {
        &self.entries
    }

    pub(super) fn entries_mut(&mut self) -> &mut [(Str, Value)] {
        &mut self.entries
    }

    pub(super) fn into_entries(self) -> Entries {
        self.entries
    }

    pub(super) fn position(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => self.entries.iter().position(|(k, _)| k.as_str() == key),
        }
    }

    pub(super) fn get(&self, key: &str) -> Option<&Value> {
        self.position(key).map(|at| &self.entries[at].1)
    }

    pub(super) fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.position(key).map(|at| &mut self.entries[at].1)
    }

    /// Sets `key`: in place when present (its key kept), last otherwise.
    pub(super) fn insert(&mut self, key: Str, value: Value) -> Option<Value> {
        if let Some(at) = self.position(&key) {
            return Some(std::mem::replace(&mut self.entries[at].1, value));
        }
        self.push(key, value);
        None
    }

    /// Appends a member whose key is known to be new; returns its position.
    pub(super) fn push(&mut self, key: Str, value: Value) -> usize {
        let at = self.entries.len();
        if let Some(index) = &mut self.index {
            index.insert(key.clone(), at);
        }
        self.entries.push((key, value));
        if self.index.is_none() && self.entries.len() > SMALL {
            self.reindex();
        }
        at
    }

    /// Removes `key`, moving the last member into its place.
    pub(super) fn swap_remove(&mut self, key: &str) -> Option<Value> {
        let at = self.position(key)?;
        let (_, value) = self.entries.swap_remove(at);
        if let Some(index) = &mut self.index {
            index.remove(key);
            if let Some((moved, _)) = self.entries.get(at) {
                index.insert(moved.clone(), at);
            }
        }
        Some(value)
    }

    /// Removes `key`, keeping the order of the others.
    pub(super) fn shift_remove(&mut self, key: &str) -> Option<Value> {
        let at = self.position(key)?;
        let (_, value) = self.entries.remove(at);
        if self.index.is_some() {
            self.reindex();
        }
        Some(value)
    }

    pub(super) fn retain(&mut self, mut keep: impl FnMut(&Str, &mut Value) -> bool) {
        self.entries.retain(|(k, v)| keep(k, v));
        if self.index.is_some() {
            self.reindex();
        }
    }

    pub(super) fn sort_keys(&mut self) {
        self.entries.sort_by(|(a, _), (b, _)| a.cmp(b));
        if self.index.is_some() {
            self.reindex();
        }
    }

    fn reindex(&mut self) {
        self.index = (self.entries.len() > SMALL).then(|| {
            Box::new(
                self.entries
                    .iter()
                    .enumerate()
                    .map(|(at, (key, _))| (key.clone(), at))
                    .collect(),
            )
        });
    }
}

impl PartialEq for Members {
    /// Equal members, whatever their order (as serde_json's maps compare).
    fn eq(&self, other: &Members) -> bool {
        self.entries.len() == other.entries.len()
            && self
                .entries
                .iter()
                .all(|(key, value)| other.get(key) == Some(value))
    }
}
