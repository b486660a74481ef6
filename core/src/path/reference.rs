//! `ResultPath`: putting a state's result into its input at a reference path.
//!
//! `$` replaces the whole input. Otherwise each `.name` step descends into an object, creating
//! the member as an empty object when it is missing, and each `[N]` step into an existing array
//! element; the last step is set to the result. A step that meets a value of another kind (a
//! string, a number, `null`, an array for a name, an object for an index) or an index past the
//! end fails the state with `States.ResultPathMatchFailure`.

use crate::value::{Map, Value};

use super::ast::{Path, Root, Segment, Selector};
use super::java_text::java_json;
use super::select::index_in;

/// The error name AWS gives a `ResultPath` that cannot be applied.
const RESULT_PATH_MATCH_FAILURE: &str = "States.ResultPathMatchFailure";

/// A `ResultPath` that cannot be applied to the state's input.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.cause())]
pub struct PlaceError {
    /// The reference path, as the path writes itself (`$.a.b`).
    pub path: String,
    /// The input it was applied to, as compact JSON.
    pub input: String,
}

impl PlaceError {
    fn new(at: &Path, input: &Value) -> Self {
        PlaceError {
            path: at.to_string(),
            input: java_json(input),
        }
    }

    /// The ASL error name: `States.ResultPathMatchFailure`.
    pub fn error(&self) -> &'static str {
        RESULT_PATH_MATCH_FAILURE
    }

    /// The cause, without the "An error occurred while executing the state..." prefix that
    /// the executor adds. No recorded case shows AWS's text for this failure; this follows the
    /// wording AWS is reported to use: `Unable to apply ReferencePath $.a.b to input "text"`.
    pub fn cause(&self) -> String {
        format!(
            "Unable to apply ReferencePath {} to input {}",
            self.path, self.input
        )
    }
}

/// [`place`] for a path of one name into an object (`$.result`), most `ResultPath`s: set with
/// no path walked; `Err` gives the input and result back for any other path or input.
#[inline]
pub(crate) fn place_name(input: Value, at: &Path, result: Value) -> Result<Value, (Value, Value)> {
    match (&at.root, at.segments.as_slice(), input) {
        (Root::Input, [Segment::Child(Selector::Name(name))], Value::Object(mut members)) => {
            members.set_key(name, result);
            Ok(Value::Object(members))
        }
        (_, _, input) => Err((input, result)),
    }
}

/// ResultPath: puts `result` into `input` at a reference path, creating missing objects.
pub fn place(input: Value, at: &Path, result: Value) -> Result<Value, PlaceError> {
    // One name into an object always applies: set it without walking the path twice.
    let (mut input, result) = match place_name(input, at, result) {
        Ok(placed) => return Ok(placed),
        Err(unplaced) => unplaced,
    };
    if at.root != Root::Input {
        return Err(PlaceError::new(at, &input));
    }
    let Some((last, steps)) = at.segments.split_last() else {
        return Ok(result);
    };
    if !applies(&input, &at.segments) {
        return Err(PlaceError::new(at, &input));
    }
    let mut node = &mut input;
    for step in steps {
        node = match (step, node) {
            (Segment::Child(Selector::Name(name)), Value::Object(members)) => members
                .entry(name.clone())
                .or_insert_with(|| Value::Object(Map::new())),
            (Segment::Child(Selector::Index(index)), Value::Array(items)) => {
                match index_in(*index, items.len()).and_then(|i| items.get_mut(i)) {
                    Some(item) => item,
                    None => return Err(PlaceError::new(at, &Value::Null)),
                }
            }
            _ => return Err(PlaceError::new(at, &Value::Null)),
        };
    }
    match (last, node) {
        // An existing member is replaced in place (no new key is made for it); an object
        // still shared is copied with the result already in place.
        (Segment::Child(Selector::Name(name)), Value::Object(members)) => {
            members.set_key(name, result);
        }
        (Segment::Child(Selector::Index(index)), Value::Array(items)) => {
            match index_in(*index, items.len()).and_then(|i| items.get_mut(i)) {
                Some(item) => *item = result,
                None => return Err(PlaceError::new(at, &Value::Null)),
            }
        }
        _ => return Err(PlaceError::new(at, &Value::Null)),
    }
    Ok(input)
}

/// [`place`] into a copy of `input`, which stays as it is. Values share their contents, so
/// only the objects and arrays along the path are copied (by [`place`]'s copy on write), and
/// the value being replaced never is.
pub fn place_copy(input: &Value, at: &Path, result: Value) -> Result<Value, PlaceError> {
    place(input.clone(), at, result)
}

/// Whether every step can be taken, before anything is changed: existing members are
/// objects or arrays as the next step needs, missing members are only ever named (an object
/// can be created for a name, never an array for an index).
fn applies(input: &Value, segments: &[Segment]) -> bool {
    let mut node = Some(input);
    for segment in segments {
        let Segment::Child(selector) = segment else {
            return false;
        };
        node = match (selector, node) {
            // Below a member that is created, only names can follow.
            (Selector::Name(_), None) => None,
            (Selector::Name(name), Some(Value::Object(members))) => members.get(name),
            (Selector::Index(index), Some(Value::Array(items))) => {
                match index_in(*index, items.len()).and_then(|i| items.get(i)) {
                    Some(item) => Some(item),
                    None => return false,
                }
            }
            _ => return false,
        };
    }
    true
}
