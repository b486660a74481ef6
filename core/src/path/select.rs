//! Evaluating a path against a document, by the rules of Jayway JsonPath as Step Functions
//! applies them.
//!
//! A definite path (only `.name`, `['name']` and `[N]`) yields the one value it names, and is an
//! error when that value is missing: the error carries Jayway's message, which AWS puts in its
//! causes. An indefinite path (wildcard, slice, union of indexes, filter, `..`) yields an array
//! of everything it matches, possibly empty, and is never an error: AWS records `[]` for
//! `$.item.items[1:5]` against `{}`. A union of names as the last step (`$['a','b']`) is
//! definite in Jayway and yields an object of the fields found, as Jayway merges them.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::hash::BuildHasher;

use crate::value::{Map, Value};

use super::ast::{Path, Root, Segment, Selector};
use super::java_text::java_string;
use super::predicate::accept;
use super::select_error::{SelectError, segment_fragment, selector_fragment};

/// How deep a recursive descent (`..`) or a chain of nested filters goes before it stops
/// looking. Documents read from JSON text are at most 128 deep.
pub(crate) const MAX_DEPTH: usize = 256;

/// The most values one step of an indefinite path keeps; a path such as `$..*..*..*` over a
/// large document would otherwise grow without bound.
const MAX_MATCHES: usize = 1 << 20;

/// Where `$name` paths find their values: the workflow variables in scope.
pub trait Variables {
    /// The value of the variable, without its `$`; `None` when it is not assigned.
    fn get(&self, name: &str) -> Option<&Value>;
}

impl Variables for Map {
    fn get(&self, name: &str) -> Option<&Value> {
        Map::get(self, name)
    }
}

impl<S: BuildHasher> Variables for HashMap<String, Value, S> {
    fn get(&self, name: &str) -> Option<&Value> {
        HashMap::get(self, name)
    }
}

/// What a path can read: the state's input (`$`), the context object (`$$`) and the
/// variables (`$name`).
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    /// The document `$` reads: the state input, or whatever the field applies to.
    pub input: &'a Value,
    /// The context object `$$` reads.
    pub context: &'a Value,
    /// The variables `$name` reads.
    pub variables: &'a dyn Variables,
}

impl<'a> Scope<'a> {
    /// A scope over these three sources.
    pub fn new(input: &'a Value, context: &'a Value, variables: &'a dyn Variables) -> Self {
        Scope {
            input,
            context,
            variables,
        }
    }

    /// The same context and variables over another input document.
    pub fn with_input(&self, input: &'a Value) -> Self {
        Scope { input, ..*self }
    }
}

impl fmt::Debug for Scope<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scope")
            .field("input", self.input)
            .field("context", self.context)
            .finish_non_exhaustive()
    }
}

impl Path {
    /// The value a path of member names only (`$.a.b`, `$$.Execution.Id`, `$var.a`) finds,
    /// when every member is there; `None` for a miss or any other path, which
    /// [`Path::select`] then reads (and says why it finds nothing). Nothing is copied, and no
    /// error is made on the way: most paths read so.
    pub(crate) fn find<'v>(&self, scope: &Scope<'v>) -> Option<&'v Value> {
        let document = match &self.root {
            Root::Input => scope.input,
            Root::Context => scope.context,
            Root::Variable(name) => scope.variables.get(name)?,
        };
        names_only(document, &self.segments)
    }

    /// The value the path selects: the one value of a definite path (an error when it is
    /// missing), or the array of everything an indefinite path matches.
    pub fn select(&self, scope: &Scope<'_>) -> Result<Value, SelectError> {
        let document = root_document(&self.root, scope)?;
        // Most paths name members one after the other: read them so, and leave anything else,
        // and a member not found, to the walk that says why.
        if let Some(found) = names_only(document, &self.segments) {
            return Ok(found.clone());
        }
        let evaluation = Evaluation {
            root: document,
            scope: *scope,
            depth: 0,
        };
        evaluate(document, &self.segments, &evaluation)
    }
}

/// The value at a path of member names only (`$.a.b`, `$['a']`), when every member is there;
/// `None` for any other path or a missing member.
fn names_only<'v>(document: &'v Value, segments: &[Segment]) -> Option<&'v Value> {
    let mut node = document;
    for segment in segments {
        let Segment::Child(Selector::Name(name)) = segment else {
            return None;
        };
        node = node.as_object()?.get(name)?;
    }
    Some(node)
}

/// The document a root reads.
pub(crate) fn root_document<'a>(root: &Root, scope: &Scope<'a>) -> Result<&'a Value, SelectError> {
    match root {
        Root::Input => Ok(scope.input),
        Root::Context => Ok(scope.context),
        Root::Variable(name) => scope
            .variables
            .get(name)
            .ok_or_else(|| SelectError::UndefinedVariable { name: name.clone() }),
    }
}

/// What one evaluation shares: the document `$` means inside filters (Jayway's root), the
/// scope for `$$` and variables, and how deep filters have nested.
#[derive(Clone, Copy)]
pub(crate) struct Evaluation<'a> {
    pub(crate) root: &'a Value,
    pub(crate) scope: Scope<'a>,
    pub(crate) depth: usize,
}

impl Evaluation<'_> {
    pub(crate) fn deeper(&self) -> Self {
        Evaluation {
            depth: self.depth + 1,
            ..*self
        }
    }
}

/// Evaluates the segments from a document, definite or not.
pub(crate) fn evaluate(
    document: &Value,
    segments: &[Segment],
    evaluation: &Evaluation<'_>,
) -> Result<Value, SelectError> {
    if is_jayway_definite(segments) {
        walk_definite(document, segments).map(Cow::into_owned)
    } else {
        Ok(Value::Array(
            collect(document, segments, evaluation)
                .into_iter()
                .map(Cow::into_owned)
                .collect(),
        ))
    }
}

/// Jayway's definiteness: only names and single indexes, except that a union of names may
/// end the path (Jayway merges the fields it names into one object).
pub(crate) fn is_jayway_definite(segments: &[Segment]) -> bool {
    let last = segments.len().saturating_sub(1);
    segments
        .iter()
        .enumerate()
        .all(|(i, segment)| match segment {
            Segment::Child(Selector::Name(_) | Selector::Index(_)) => true,
            Segment::Child(Selector::Union(members)) => i == last && all_names(members),
            _ => false,
        })
}

fn all_names(members: &[Selector]) -> bool {
    members.iter().all(|m| matches!(m, Selector::Name(_)))
}

/// Walks a definite path, failing as Jayway fails.
pub(crate) fn walk_definite<'v>(
    document: &'v Value,
    segments: &[Segment],
) -> Result<Cow<'v, Value>, SelectError> {
    let whole = || {
        let mut path = String::from("$");
        segments
            .iter()
            .for_each(|s| path.push_str(&segment_fragment(s)));
        path
    };
    // The path read so far, for error messages: built only when one is given.
    let at = |i: usize| {
        let mut path = String::from("$");
        segments[..i]
            .iter()
            .for_each(|s| path.push_str(&segment_fragment(s)));
        path
    };
    let mut node = document;
    let last = segments.len().saturating_sub(1);
    for (i, segment) in segments.iter().enumerate() {
        let Segment::Child(selector) = segment else {
            return Err(SelectError::NoResults { path: whole() });
        };
        match selector {
            Selector::Name(name) => {
                let Value::Object(members) = node else {
                    return Err(SelectError::not_an_object(
                        selector_fragment(selector),
                        at(i),
                        node,
                    ));
                };
                match members.get(name) {
                    Some(value) => node = value,
                    None if i == last => return Err(SelectError::NoResults { path: whole() }),
                    None => {
                        return Err(SelectError::MissingProperty { path: at(i + 1) });
                    }
                }
            }
            Selector::Index(index) => match node {
                Value::Array(items) => {
                    match index_in(*index, items.len()).and_then(|i| items.get(i)) {
                        Some(value) => node = value,
                        None => return Err(SelectError::NoResults { path: whole() }),
                    }
                }
                Value::Null => return Err(SelectError::NullArray { path: at(i) }),
                other => {
                    let tokens: String = segments
                        .get(i..)
                        .unwrap_or_default()
                        .iter()
                        .map(segment_fragment)
                        .collect();
                    return Err(SelectError::NotAnArray {
                        tokens,
                        context: java_string(other),
                    });
                }
            },
            Selector::Union(members) if i == last && all_names(members) => {
                let Value::Object(fields) = node else {
                    return Err(SelectError::not_an_object(
                        selector_fragment(selector),
                        at(i),
                        node,
                    ));
                };
                return Ok(Cow::Owned(merge_names(fields, members)));
            }
            _ => return Err(SelectError::NoResults { path: whole() }),
        }
    }
    Ok(Cow::Borrowed(node))
}

/// Jayway's merge of a union of names: an object of the named fields that are present.
fn merge_names(fields: &Map, names: &[Selector]) -> Value {
    let mut merged = Map::new();
    for name in names {
        if let Selector::Name(name) = name
            && let Some(value) = fields.get(name)
        {
            merged.insert(name.clone(), value.clone());
        }
    }
    Value::Object(merged)
}

/// The position an index names in an array of `len` elements, negative counting from the end.
pub(crate) fn index_in(index: i64, len: usize) -> Option<usize> {
    if index >= 0 {
        usize::try_from(index).ok().filter(|&i| i < len)
    } else {
        let len = i64::try_from(len).ok()?;
        usize::try_from(len.checked_add(index)?).ok()
    }
}

/// Everything an indefinite path matches, in Jayway's order.
pub(crate) fn collect<'v>(
    document: &'v Value,
    segments: &[Segment],
    evaluation: &Evaluation<'_>,
) -> Vec<Cow<'v, Value>> {
    let mut current: Vec<&'v Value> = vec![document];
    let last = segments.len().saturating_sub(1);
    for (i, segment) in segments.iter().enumerate() {
        let leaf = i == last;
        let mut next = Vec::new();
        for node in &current {
            apply_segment(segment, node, leaf, evaluation, &mut next);
            if next.len() > MAX_MATCHES {
                next.truncate(MAX_MATCHES);
                break;
            }
        }
        if leaf {
            return next;
        }
        // Only a final step builds new values (a merge), so every match here is borrowed.
        current = next
            .into_iter()
            .filter_map(|hit| match hit {
                Cow::Borrowed(value) => Some(value),
                Cow::Owned(_) => None,
            })
            .collect();
    }
    current.into_iter().map(Cow::Borrowed).collect()
}

fn apply_segment<'v>(
    segment: &Segment,
    node: &'v Value,
    leaf: bool,
    evaluation: &Evaluation<'_>,
    out: &mut Vec<Cow<'v, Value>>,
) {
    match segment {
        Segment::Child(selector) => apply_selector(selector, node, leaf, evaluation, out),
        Segment::Descendant(selector) => descend(selector, node, leaf, evaluation, out, 0),
    }
}

/// One step from one node: what Jayway's path token yields when evaluated on it.
fn apply_selector<'v>(
    selector: &Selector,
    node: &'v Value,
    leaf: bool,
    evaluation: &Evaluation<'_>,
    out: &mut Vec<Cow<'v, Value>>,
) {
    match (selector, node) {
        (Selector::Name(name), Value::Object(members)) => {
            out.extend(members.get(name).map(Cow::Borrowed));
        }
        (Selector::Index(index), Value::Array(items)) => {
            out.extend(
                index_in(*index, items.len())
                    .and_then(|i| items.get(i))
                    .map(Cow::Borrowed),
            );
        }
        (Selector::Slice { start, end, step }, Value::Array(items)) => {
            let indexes = slice_indexes(items.len(), *start, *end, *step);
            out.extend(
                indexes
                    .into_iter()
                    .filter_map(|i| items.get(i))
                    .map(Cow::Borrowed),
            );
        }
        (Selector::Wildcard, Value::Object(members)) => {
            out.extend(members.values().map(Cow::Borrowed));
        }
        (Selector::Wildcard, Value::Array(items)) => out.extend(items.iter().map(Cow::Borrowed)),
        (Selector::Union(members), Value::Object(fields)) if all_names(members) => {
            if leaf {
                out.push(Cow::Owned(merge_names(fields, members)));
            } else {
                for member in members {
                    if let Selector::Name(name) = member {
                        out.extend(fields.get(name).map(Cow::Borrowed));
                    }
                }
            }
        }
        (Selector::Union(members), Value::Array(items)) => {
            for member in members {
                if let Selector::Index(index) = member {
                    out.extend(
                        index_in(*index, items.len())
                            .and_then(|i| items.get(i))
                            .map(Cow::Borrowed),
                    );
                }
            }
        }
        // A filter tests an object itself, and each element of an array.
        (Selector::Filter(expr), Value::Object(_)) if accept(expr, node, evaluation) => {
            out.push(Cow::Borrowed(node));
        }
        (Selector::Filter(expr), Value::Array(items)) => {
            out.extend(
                items
                    .iter()
                    .filter(|item| accept(expr, item, evaluation))
                    .map(Cow::Borrowed),
            );
        }
        _ => {}
    }
}

/// `..selector`: Jayway's scan. At each object or array, in document order, the selector
/// applies when the node suits it, and then the scan goes on into the node's children.
fn descend<'v>(
    selector: &Selector,
    node: &'v Value,
    leaf: bool,
    evaluation: &Evaluation<'_>,
    out: &mut Vec<Cow<'v, Value>>,
    depth: usize,
) {
    if depth > MAX_DEPTH || out.len() > MAX_MATCHES {
        return;
    }
    let children: Box<dyn Iterator<Item = &'v Value>> = match node {
        Value::Object(members) => Box::new(members.values()),
        Value::Array(items) => Box::new(items.iter()),
        _ => return,
    };
    if scan_matches(selector, node, leaf, evaluation) {
        apply_selector(selector, node, leaf, evaluation, out);
    }
    for child in children {
        descend(selector, child, leaf, evaluation, out, depth + 1);
    }
}

/// Whether a scan applies the selector at this node (Jayway's scan predicates).
fn scan_matches(
    selector: &Selector,
    node: &Value,
    leaf: bool,
    evaluation: &Evaluation<'_>,
) -> bool {
    match selector {
        Selector::Name(name) => node.as_object().is_some_and(|m| m.contains_key(name)),
        Selector::Union(members) if all_names(members) => match node.as_object() {
            Some(fields) if leaf => members.iter().all(|member| match member {
                Selector::Name(name) => fields.contains_key(name),
                _ => false,
            }),
            Some(_) => true,
            None => false,
        },
        Selector::Index(_) | Selector::Slice { .. } | Selector::Union(_) => node.is_array(),
        Selector::Wildcard => true,
        Selector::Filter(expr) => accept(expr, node, evaluation),
    }
}

/// The indexes a slice takes, as Jayway computes them: `[from:]` and `[:to]` count negative
/// bounds from the end, `[from:to]` takes `from..min(to, len)` with each index resolved on its
/// own (so `[-2:-1]` takes one element, `[1:-1]` none, and `[-2:2]` of three elements wraps
/// around to take four). A step other than 1 (which Jayway
/// does not know) then keeps every step-th index, from the far end when negative.
fn slice_indexes(
    len: usize,
    start: Option<i64>,
    end: Option<i64>,
    step: Option<i64>,
) -> Vec<usize> {
    let signed_len = i64::try_from(len).unwrap_or(i64::MAX);
    let mut indexes: Vec<usize> = match (start, end) {
        (Some(from), None) => {
            let from = if from < 0 {
                signed_len.saturating_add(from)
            } else {
                from
            }
            .max(0);
            (from..signed_len)
                .filter_map(|i| usize::try_from(i).ok())
                .collect()
        }
        (None, Some(to)) => {
            let to = if to < 0 {
                signed_len.saturating_add(to)
            } else {
                to
            }
            .min(signed_len);
            (0..to).filter_map(|i| usize::try_from(i).ok()).collect()
        }
        (Some(from), Some(to)) => {
            let to = to.min(signed_len);
            // An index below -len resolves to nothing, so starting there changes nothing.
            let from = from.max(signed_len.saturating_neg());
            (from..to).filter_map(|i| index_in(i, len)).collect()
        }
        (None, None) => (0..len).collect(),
    };
    match step {
        Some(step) if step < 0 => {
            indexes.reverse();
            let by = usize::try_from(step.unsigned_abs()).unwrap_or(usize::MAX);
            indexes.into_iter().step_by(by.max(1)).collect()
        }
        Some(step) if step > 1 => {
            let by = usize::try_from(step).unwrap_or(usize::MAX);
            indexes.into_iter().step_by(by).collect()
        }
        _ => indexes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_follow_jayway() {
        assert_eq!(slice_indexes(5, Some(1), None, None), vec![1, 2, 3, 4]);
        assert_eq!(slice_indexes(5, Some(-2), None, None), vec![3, 4]);
        assert_eq!(slice_indexes(5, Some(-9), None, None), vec![0, 1, 2, 3, 4]);
        assert_eq!(slice_indexes(5, None, Some(2), None), vec![0, 1]);
        assert_eq!(slice_indexes(5, None, Some(-1), None), vec![0, 1, 2, 3]);
        assert_eq!(slice_indexes(5, Some(1), Some(3), None), vec![1, 2]);
        assert_eq!(slice_indexes(5, Some(1), Some(9), None), vec![1, 2, 3, 4]);
        assert_eq!(slice_indexes(5, Some(-2), Some(-1), None), vec![3]);
        assert_eq!(
            slice_indexes(5, Some(1), Some(-1), None),
            Vec::<usize>::new()
        );
        assert_eq!(slice_indexes(0, Some(0), None, None), Vec::<usize>::new());
        assert_eq!(slice_indexes(5, None, None, Some(2)), vec![0, 2, 4]);
        assert_eq!(slice_indexes(5, None, None, Some(-2)), vec![4, 2, 0]);
        // Jayway resolves each index of `[from:to]` on its own: a negative start wraps.
        assert_eq!(slice_indexes(3, Some(-2), Some(2), None), vec![1, 2, 0, 1]);
        assert_eq!(
            slice_indexes(3, Some(i64::MIN), Some(i64::MAX), None),
            vec![0, 1, 2, 0, 1, 2]
        );
    }

    #[test]
    fn negative_indexes_count_from_the_end() {
        assert_eq!(index_in(-1, 3), Some(2));
        assert_eq!(index_in(-3, 3), Some(0));
        assert_eq!(index_in(-4, 3), None);
        assert_eq!(index_in(3, 3), None);
        assert_eq!(index_in(i64::MIN, 3), None);
    }
}
