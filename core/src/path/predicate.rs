//! Evaluating a filter `[?(...)]` on one item, with the semantics of Jayway's evaluators.
//!
//! Each operand becomes a value node: a missing definite path is "undefined", an indefinite
//! one a JSON array. `==` is loose between numbers and strings (`1 == '1'`), `===` is not;
//! `<` and friends compare two numbers or two strings and are false otherwise; `=~` matches
//! the whole text; `in`, `nin`, `subsetof`, `anyof`, `noneof`, `contains`, `size` and
//! `empty` work on arrays (and `contains`, `size`, `empty` on strings too).

use std::borrow::Cow;
use std::cmp::Ordering;

use crate::value::{Number, Value};
use regex::Regex;

use super::ast::Root;
use super::ast::{CompareOp, FilterExpr, FilterPath, Literal, Operand, Segment, Selector};
use super::java_text::java_number;
use super::select::{
    Evaluation, MAX_DEPTH, collect, is_jayway_definite, root_document, walk_definite,
};

/// Filters nested in filters deeper than this are false, so that no hand-built tree can
/// exhaust the stack.
const MAX_FILTER_DEPTH: usize = 64;

/// Whether the item passes the filter.
pub(crate) fn accept(expr: &FilterExpr, item: &Value, evaluation: &Evaluation<'_>) -> bool {
    if evaluation.depth > MAX_FILTER_DEPTH {
        return false;
    }
    holds(expr, item, &evaluation.deeper(), 0)
}

fn holds(expr: &FilterExpr, item: &Value, evaluation: &Evaluation<'_>, nesting: usize) -> bool {
    if nesting > MAX_DEPTH {
        return false;
    }
    match expr {
        FilterExpr::Or(left, right) => {
            holds(left, item, evaluation, nesting + 1)
                || holds(right, item, evaluation, nesting + 1)
        }
        FilterExpr::And(left, right) => {
            holds(left, item, evaluation, nesting + 1)
                && holds(right, item, evaluation, nesting + 1)
        }
        FilterExpr::Not(inner) => !holds(inner, item, evaluation, nesting + 1),
        FilterExpr::Exists(path) => exists(path, item, evaluation),
        FilterExpr::Compare { left, op, right } => {
            let left = operand(left, item, evaluation);
            let right = operand(right, item, evaluation);
            compare(&left, *op, &right)
        }
    }
}

/// A value as Jayway's evaluators see it.
#[derive(Debug)]
enum Node<'v> {
    /// A definite path that found nothing.
    Undefined,
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'v, str>),
    /// An array or an object (Jayway's "JSON node").
    Json(Cow<'v, Value>),
    /// The right side of `=~`.
    Pattern {
        pattern: &'v str,
        flags: &'v str,
    },
}

fn node_of(value: Cow<'_, Value>) -> Node<'_> {
    match value {
        Cow::Borrowed(value) => match value {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(*b),
            Value::Number(n) => Node::Number(n.clone()),
            Value::String(s) => Node::String(Cow::Borrowed(s)),
            Value::Array(_) | Value::Object(_) => Node::Json(Cow::Borrowed(value)),
        },
        Cow::Owned(value) => match value {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(b),
            Value::Number(n) => Node::Number(n),
            Value::String(s) => Node::String(Cow::Owned(s.to_string())),
            value @ (Value::Array(_) | Value::Object(_)) => Node::Json(Cow::Owned(value)),
        },
    }
}

fn operand<'v>(operand: &'v Operand, item: &'v Value, evaluation: &Evaluation<'v>) -> Node<'v> {
    match operand {
        Operand::Literal(Literal::Regex { pattern, flags }) => Node::Pattern { pattern, flags },
        Operand::Literal(literal) => node_of(Cow::Owned(literal_value(literal))),
        Operand::Path(path) => {
            let Some((document, segments)) = path_start(path, item, evaluation) else {
                return Node::Undefined;
            };
            if is_jayway_definite(segments) {
                walk_definite(document, segments).map_or(Node::Undefined, node_of)
            } else {
                let found = collect(document, segments, evaluation)
                    .into_iter()
                    .map(Cow::into_owned)
                    .collect();
                Node::Json(Cow::Owned(Value::Array(found)))
            }
        }
    }
}

/// The document a filter path starts from, and its steps: `@` is the item, `$` the document
/// the whole path runs on, `$$` the context object, `$name` a variable.
fn path_start<'v>(
    path: &'v FilterPath,
    item: &'v Value,
    evaluation: &Evaluation<'v>,
) -> Option<(&'v Value, &'v [Segment])> {
    match path {
        FilterPath::Current(segments) => Some((item, segments)),
        FilterPath::Root(path) => {
            let document = match &path.root {
                Root::Input => evaluation.root,
                root => root_document(root, &evaluation.scope).ok()?,
            };
            Some((document, &path.segments))
        }
    }
}

/// `[?(@.isbn)]`: the path leads somewhere (a `null` counts). For an indefinite path, Jayway
/// asks only that the steps before the first indefinite one resolve.
fn exists(path: &FilterPath, item: &Value, evaluation: &Evaluation<'_>) -> bool {
    let Some((document, segments)) = path_start(path, item, evaluation) else {
        return false;
    };
    if is_jayway_definite(segments) {
        return walk_definite(document, segments).is_ok();
    }
    let prefix = segments
        .iter()
        .take_while(|s| matches!(s, Segment::Child(Selector::Name(_) | Selector::Index(_))))
        .count();
    walk_definite(document, segments.get(..prefix).unwrap_or_default()).is_ok()
}

fn literal_value(literal: &Literal) -> Value {
    match literal {
        Literal::Null => Value::Null,
        Literal::Bool(b) => Value::Bool(*b),
        Literal::Number(n) => Value::Number(n.clone()),
        Literal::String(s) => Value::from(s.clone()),
        Literal::Regex { pattern, flags } => Value::from(format!("/{pattern}/{flags}")),
        Literal::List(items) => Value::Array(items.iter().map(literal_value).collect()),
    }
}

fn compare(left: &Node<'_>, op: CompareOp, right: &Node<'_>) -> bool {
    match op {
        CompareOp::Eq => equals(left, right),
        CompareOp::Ne => !equals(left, right),
        CompareOp::StrictEq => strictly_equals(left, right),
        CompareOp::StrictNe => !strictly_equals(left, right),
        CompareOp::Lt => order(left, right) == Some(Ordering::Less),
        CompareOp::Le => matches!(order(left, right), Some(Ordering::Less | Ordering::Equal)),
        CompareOp::Gt => order(left, right) == Some(Ordering::Greater),
        CompareOp::Ge => matches!(
            order(left, right),
            Some(Ordering::Greater | Ordering::Equal)
        ),
        CompareOp::Regex => regex_matches(left, right),
        CompareOp::In => list(right).is_some_and(|list| contains(&list, left)),
        CompareOp::Nin => !list(right).is_some_and(|list| contains(&list, left)),
        CompareOp::SubsetOf => match (list(left), list(right)) {
            (Some(left), Some(right)) => left.iter().all(|item| contains(&right, item)),
            _ => false,
        },
        CompareOp::AnyOf => match (list(left), list(right)) {
            (Some(left), Some(right)) => left.iter().any(|item| contains(&right, item)),
            _ => false,
        },
        CompareOp::NoneOf => match (list(left), list(right)) {
            (Some(left), Some(right)) => !left.iter().any(|item| contains(&right, item)),
            _ => false,
        },
        CompareOp::Contains => match (left, right) {
            (Node::String(text), Node::String(part)) => text.contains(part.as_ref()),
            (Node::Json(_), _) => list(left).is_some_and(|list| contains(&list, right)),
            _ => false,
        },
        CompareOp::Size => {
            let Node::Number(size) = right else {
                return false;
            };
            let expected = size.as_f64().map(|f| f.trunc());
            let actual = match left {
                Node::String(text) => text.encode_utf16().count(),
                Node::Json(value) => match value.as_ref() {
                    Value::Array(items) => items.len(),
                    _ => return false,
                },
                _ => return false,
            };
            expected.is_some_and(|expected| (actual as f64 - expected).abs() < f64::EPSILON)
        }
        CompareOp::Empty => {
            let Node::Bool(empty) = right else {
                return false;
            };
            let is_empty = match left {
                Node::String(text) => text.is_empty(),
                Node::Json(value) => match value.as_ref() {
                    Value::Array(items) => items.is_empty(),
                    Value::Object(members) => members.is_empty(),
                    _ => return false,
                },
                _ => return false,
            };
            is_empty == *empty
        }
    }
}

/// Jayway's `equals`: numbers by value, a number and a string by reading one as the other,
/// arrays and objects structurally.
fn equals(left: &Node<'_>, right: &Node<'_>) -> bool {
    match (left, right) {
        (Node::Undefined, Node::Undefined) | (Node::Null, Node::Null) => true,
        (Node::Bool(a), Node::Bool(b)) => a == b,
        (Node::Number(a), Node::Number(b)) => compare_numbers(a, b) == Some(Ordering::Equal),
        (Node::Number(a), Node::String(b)) => b
            .parse::<Number>()
            .ok()
            .is_some_and(|b| compare_numbers(a, &b) == Some(Ordering::Equal)),
        (Node::String(a), Node::Number(b)) => a.as_ref() == java_number(b),
        (Node::String(a), Node::String(b)) => a == b,
        (Node::Json(a), Node::Json(b)) => a == b,
        _ => false,
    }
}

/// `===`: equal and of the same kind.
fn strictly_equals(left: &Node<'_>, right: &Node<'_>) -> bool {
    std::mem::discriminant(left) == std::mem::discriminant(right) && equals(left, right)
}

/// Two numbers by value, or two strings as Java compares them (by UTF-16 code units).
fn order(left: &Node<'_>, right: &Node<'_>) -> Option<Ordering> {
    match (left, right) {
        (Node::Number(a), Node::Number(b)) => compare_numbers(a, b),
        (Node::String(a), Node::String(b)) => Some(a.encode_utf16().cmp(b.encode_utf16())),
        _ => None,
    }
}

/// Compares two JSON numbers by value, exactly for integers.
fn compare_numbers(a: &Number, b: &Number) -> Option<Ordering> {
    let as_int = |n: &Number| {
        n.as_i64()
            .map(i128::from)
            .or_else(|| n.as_u64().map(i128::from))
    };
    match (as_int(a), as_int(b)) {
        (Some(a), Some(b)) => Some(a.cmp(&b)),
        _ => a.as_f64()?.partial_cmp(&b.as_f64()?),
    }
}

/// `=~`: exactly one side is a pattern, and it matches the whole text of the other side.
fn regex_matches(left: &Node<'_>, right: &Node<'_>) -> bool {
    let (pattern, flags, subject) = match (left, right) {
        (Node::Pattern { pattern, flags }, other) | (other, Node::Pattern { pattern, flags }) => {
            if matches!(other, Node::Pattern { .. }) {
                return false;
            }
            (pattern, flags, other)
        }
        _ => return false,
    };
    let text: Cow<'_, str> = match subject {
        Node::String(text) => Cow::Borrowed(text.as_ref()),
        Node::Number(n) => Cow::Owned(java_number(n)),
        Node::Bool(b) => Cow::Owned(b.to_string()),
        _ => Cow::Borrowed(""),
    };
    let inline: String = flags
        .chars()
        .filter(|c| matches!(c, 'i' | 'm' | 's' | 'x'))
        .collect();
    let source = if inline.is_empty() {
        format!("^(?:{pattern})$")
    } else {
        format!("(?{inline})^(?:{pattern})$")
    };
    regex::RegexBuilder::new(&source)
        .size_limit(1 << 20)
        .build()
        .as_ref()
        .is_ok_and(|re: &Regex| re.is_match(&text))
}

/// The elements of an array node.
fn list<'v>(node: &'v Node<'v>) -> Option<Vec<Node<'v>>> {
    match node {
        Node::Json(value) => match value.as_ref() {
            Value::Array(items) => Some(
                items
                    .iter()
                    .map(|item| node_of(Cow::Borrowed(item)))
                    .collect(),
            ),
            _ => None,
        },
        _ => None,
    }
}

fn contains(list: &[Node<'_>], wanted: &Node<'_>) -> bool {
    list.iter().any(|item| equals(wanted, item))
}
