//! `Array`: a shared JSON array, copied only when it is changed while shared.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use super::Value;

/// A JSON array. Cloning shares the items; changing it (through `DerefMut`) copies them first
/// when another clone still holds them (copy on write).
#[derive(Clone, Default, PartialEq)]
pub struct Array(Arc<Vec<Value>>);

impl Array {
    /// An empty array.
    pub fn new() -> Self {
        Array::default()
    }

    /// The items, taken out without a copy when no other clone holds them.
    pub fn into_vec(self) -> Vec<Value> {
        Arc::try_unwrap(self.0).unwrap_or_else(|shared| (*shared).clone())
    }

    /// Whether two arrays share their items.
    pub fn ptr_eq(a: &Array, b: &Array) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl Deref for Array {
    type Target = Vec<Value>;
    fn deref(&self) -> &Vec<Value> {
        &self.0
    }
}

impl DerefMut for Array {
    fn deref_mut(&mut self) -> &mut Vec<Value> {
        Arc::make_mut(&mut self.0)
    }
}

impl From<Vec<Value>> for Array {
    fn from(items: Vec<Value>) -> Self {
        Array(Arc::new(items))
    }
}

impl From<Array> for Vec<Value> {
    fn from(items: Array) -> Self {
        items.into_vec()
    }
}

impl FromIterator<Value> for Array {
    fn from_iter<I: IntoIterator<Item = Value>>(iter: I) -> Self {
        Array::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl IntoIterator for Array {
    type Item = Value;
    type IntoIter = std::vec::IntoIter<Value>;
    fn into_iter(self) -> Self::IntoIter {
        self.into_vec().into_iter()
    }
}

impl<'a> IntoIterator for &'a Array {
    type Item = &'a Value;
    type IntoIter = std::slice::Iter<'a, Value>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Debug for Array {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.iter()).finish()
    }
}
