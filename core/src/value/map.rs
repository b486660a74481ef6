//! `Map`: a shared JSON object keeping its members in order, copied only when it is changed
//! while shared.

use std::fmt;
use std::sync::Arc;

use super::members::Members;
use super::{Str, Value};

/// A JSON object, its members in insertion order (as serde_json's `preserve_order` keeps
/// them). Cloning shares the members; a change copies them first when another clone still
/// holds them (copy on write). Keys are shared [`Str`]s, so a copy does not copy key texts.
#[derive(Clone, Default)]
pub struct Map(Arc<Members>);

impl Map {
    /// An empty object.
    pub fn new() -> Self {
        Map::default()
    }

    /// An empty object with room for `capacity` members.
    pub fn with_capacity(capacity: usize) -> Self {
        Map(Arc::new(Members::with_capacity(capacity)))
    }

    fn members_mut(&mut self) -> &mut Members {
        Arc::make_mut(&mut self.0).changing()
    }

    /// The length of this object written as compact JSON, counted once while unchanged.
    pub fn json_len(&self) -> usize {
        self.0.json_len()
    }

    /// Whether two objects share their members.
    pub fn ptr_eq(a: &Map, b: &Map) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }

    /// The number of members.
    pub fn len(&self) -> usize {
        self.0.entries().len()
    }

    /// Whether there is no member.
    pub fn is_empty(&self) -> bool {
        self.0.entries().is_empty()
    }

    /// The member named `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }

    /// The member named `key` and its key.
    pub fn get_key_value(&self, key: &str) -> Option<(&Str, &Value)> {
        let at = self.0.position(key)?;
        let (k, v) = &self.0.entries()[at];
        Some((k, v))
    }

    /// The member at `index` (in order).
    pub fn get_index(&self, index: usize) -> Option<(&Str, &Value)> {
        self.0.entries().get(index).map(|(k, v)| (k, v))
    }

    /// The member named `key`, to change (copied first when shared).
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.0.position(key)?;
        self.members_mut().get_mut(key)
    }

    /// Whether there is a member named `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.0.position(key).is_some()
    }

    /// Sets `key` (last in order when new, in place otherwise); returns its former value.
    ///
    /// The counted JSON length is carried over when the lengths of the values involved are
    /// known without a walk (see [`Map::json_len`]).
    pub fn insert(&mut self, key: impl Into<Str>, value: Value) -> Option<Value> {
        let key = key.into();
        match self.0.position(&key) {
            Some(at) => Some(self.replace_at(at, value)),
            None => {
                self.push_new(key, value);
                None
            }
        }
    }

    /// Sets `key` as [`Map::insert`] does, making its key only when it is new.
    pub fn set(&mut self, key: &str, value: Value) {
        self.set_with(key, || Str::from(key), value);
    }

    /// Sets `key` as [`Map::set`] does, sharing the key given when it is new.
    pub(crate) fn set_key(&mut self, key: &Str, value: Value) {
        self.set_with(key, || key.clone(), value);
    }

    /// Sets `key`, made by `new_key` only when it is new. An object still shared is copied
    /// with the change already made: the value replaced is neither copied nor dropped here,
    /// and a new member does not grow the copy a second time.
    fn set_with(&mut self, key: &str, new_key: impl FnOnce() -> Str, value: Value) {
        match (self.0.position(key), Arc::get_mut(&mut self.0)) {
            (Some(at), Some(members)) => {
                members.replace(at, value);
            }
            (Some(at), None) => self.0 = Arc::new(self.0.copy_replacing(at, value)),
            (None, Some(_)) => self.push_new(new_key(), value),
            (None, None) => self.0 = Arc::new(self.0.copy_pushing(new_key(), value)),
        }
    }

    /// Replaces the value at `at`: the members are copied as they are when shared (their
    /// counted length too), then changed in place, the count carried over.
    fn replace_at(&mut self, at: usize, value: Value) -> Value {
        Arc::make_mut(&mut self.0).replace(at, value)
    }

    /// Appends a member whose key is not in the object, the count carried over.
    fn push_new(&mut self, key: Str, value: Value) {
        let len = self.0.len_pushing(&key, &value);
        let members = self.members_mut();
        members.push(key, value);
        members.counted(len);
    }

    /// This object's members, to append to in place by a maker that knows its keys differ
    /// (copied first when shared, as any change).
    pub(crate) fn writer(&mut self) -> Writer<'_> {
        Writer(self.members_mut())
    }

    /// The counted length as compact JSON, when known without a walk.
    pub(crate) fn known_json_len(&self) -> Option<usize> {
        self.0.known_json_len()
    }

    /// Removes `key`, moving the last member into its place (as serde_json's `remove` does
    /// with `preserve_order`).
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.0.position(key)?;
        self.members_mut().swap_remove(key)
    }

    /// Removes `key`, keeping the order of the others.
    pub fn shift_remove(&mut self, key: &str) -> Option<Value> {
        self.0.position(key)?;
        self.members_mut().shift_remove(key)
    }

    /// The entry of `key`, to read or set in place.
    pub fn entry(&mut self, key: impl Into<Str>) -> Entry<'_> {
        Entry {
            members: self.members_mut(),
            key: key.into(),
        }
    }

    /// The members, in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter(self.0.entries().iter())
    }

    /// The members in order, their values to change.
    pub fn iter_mut(&mut self) -> IterMut<'_> {
        IterMut(self.members_mut().entries_mut().iter_mut())
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &Str> + ExactSizeIterator {
        self.0.entries().iter().map(|(k, _)| k)
    }

    /// The values, in order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Value> + ExactSizeIterator {
        self.0.entries().iter().map(|(_, v)| v)
    }

    /// The values in order, to change.
    pub fn values_mut(
        &mut self,
    ) -> impl DoubleEndedIterator<Item = &mut Value> + ExactSizeIterator {
        self.members_mut().entries_mut().iter_mut().map(|(_, v)| v)
    }

    /// Keeps the members for which `keep` says so, in order.
    pub fn retain(&mut self, keep: impl FnMut(&Str, &mut Value) -> bool) {
        self.members_mut().retain(keep);
    }

    /// Moves every member of `other` into this object.
    pub fn append(&mut self, other: &mut Map) {
        let taken = std::mem::take(other);
        self.extend(taken);
    }

    /// Sorts the members by key.
    pub fn sort_keys(&mut self) {
        self.members_mut().sort_keys();
    }
}

/// Appends members whose keys are known to differ, straight into an object's own storage
/// (from [`Map::writer`]).
pub(crate) struct Writer<'a>(&'a mut Members);

impl Writer<'_> {
    /// Appends a member whose key is not in the object yet.
    pub(crate) fn push(&mut self, key: Str, value: Value) {
        self.0.push(key, value);
    }

    /// Sets the object's length as JSON text, counted by the maker (0: unknown).
    pub(crate) fn counted(&mut self, len: usize) {
        self.0.counted(len);
    }
}

/// The place of one key in a [`Map`], from [`Map::entry`].
pub struct Entry<'a> {
    members: &'a mut Members,
    key: Str,
}

impl<'a> Entry<'a> {
    /// The value, set to `default` first when the key is missing.
    pub fn or_insert(self, default: Value) -> &'a mut Value {
        self.or_insert_with(|| default)
    }

    /// The value, set to `make()` first when the key is missing.
    pub fn or_insert_with(self, make: impl FnOnce() -> Value) -> &'a mut Value {
        let at = match self.members.position(&self.key) {
            Some(at) => at,
            None => self.members.push(self.key, make()),
        };
        &mut self.members.entries_mut()[at].1
    }
}

/// The members of a [`Map`], in order.
pub struct Iter<'a>(std::slice::Iter<'a, (Str, Value)>);

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a Str, &'a Value);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k, v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (k, v))
    }
}

impl ExactSizeIterator for Iter<'_> {}

/// The members of a [`Map`] in order, their values to change.
pub struct IterMut<'a>(std::slice::IterMut<'a, (Str, Value)>);

impl<'a> Iterator for IterMut<'a> {
    type Item = (&'a Str, &'a mut Value);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (&*k, v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl ExactSizeIterator for IterMut<'_> {}

impl PartialEq for Map {
    fn eq(&self, other: &Map) -> bool {
        Map::ptr_eq(self, other) || *self.0 == *other.0
    }
}

impl<K: Into<Str>> Extend<(K, Value)> for Map {
    fn extend<I: IntoIterator<Item = (K, Value)>>(&mut self, iter: I) {
        let members = self.members_mut();
        for (key, value) in iter {
            members.insert(key.into(), value);
        }
    }
}

impl<K: Into<Str>> FromIterator<(K, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (K, Value)>>(iter: I) -> Self {
        let iter = iter.into_iter();
        let mut members = Members::with_capacity(iter.size_hint().0);
        for (key, value) in iter {
            members.insert(key.into(), value);
        }
        Map(Arc::new(members))
    }
}

impl IntoIterator for Map {
    type Item = (Str, Value);
    type IntoIter = smallvec::IntoIter<[(Str, Value); super::members::INLINE]>;
    fn into_iter(self) -> Self::IntoIter {
        Arc::try_unwrap(self.0)
            .unwrap_or_else(|shared| (*shared).clone())
            .into_entries()
            .into_iter()
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a Str, &'a Value);
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a> IntoIterator for &'a mut Map {
    type Item = (&'a Str, &'a mut Value);
    type IntoIter = IterMut<'a>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

impl std::ops::Index<&str> for Map {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        self.get(key).expect("no member with that key")
    }
}

impl fmt::Debug for Map {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}
