//! JSONPath as AWS Step Functions reads it (the Jayway dialect): paths and reference paths.
//!
//! [`parse_path`] reads any path a `.$` field, `InputPath`, `OutputPath` or `ItemsPath` may
//! hold: `$` (the state input), `$$` (the context object) or `$name` (a variable), followed by
//! `.name`, `['name']`, `[0]`, `[-1]`, slices, `*`, `..` descent, unions and `[?(...)]` filters.
//! [`parse_reference_path`] reads the narrower reference paths of `ResultPath` and the
//! `...Path` fields, which name exactly one value.
//!
//! ```
//! use statewright_core::path::{parse_path, Root};
//!
//! let path = parse_path("$.items[?(@.price < 10)].name").unwrap();
//! assert_eq!(path.root, Root::Input);
//! assert!(!path.is_definite());
//! assert_eq!(path.to_string(), "$.items[?(@.price < 10)].name");
//! ```
//!
//! Evaluation follows Jayway's rules as Step Functions applies them: [`Path::select`] reads a
//! [`Scope`], [`place`] applies a `ResultPath`, [`evaluate_template`] resolves the `.$` keys
//! of a payload template. Failures carry the ASL error and AWS's cause.
//!
//! ```
//! use statewright_core::value::{json, Map};
//! use statewright_core::path::{evaluate_template, parse_path, parse_reference_path, place, Scope};
//!
//! let input = json!({"items": [{"name": "pen", "price": 2}, {"name": "ink", "price": 30}]});
//! let (context, variables) = (json!({}), Map::new());
//! let scope = Scope::new(&input, &context, &variables);
//!
//! let cheap = parse_path("$.items[?(@.price < 10)].name").unwrap().select(&scope).unwrap();
//! assert_eq!(cheap, json!(["pen"]));
//!
//! let missing = parse_path("$.total").unwrap().select(&scope).unwrap_err();
//! assert_eq!(
//!     missing.invalid_path_cause("$.total"),
//!     "Invalid path '$.total' : No results for path: $['total']"
//! );
//!
//! let template = json!({"count.$": "States.ArrayLength($.items)", "first.$": "$.items[0].name"});
//! let payload = evaluate_template(&template, &scope).unwrap();
//! assert_eq!(payload, json!({"count": 2, "first": "pen"}));
//!
//! let output = place(input.clone(), &parse_reference_path("$.summary").unwrap(), payload);
//! assert_eq!(output.unwrap()["summary"]["count"], json!(2));
//! ```

mod ast;
mod cache;
mod compiled_template;
mod error;
mod filter;
mod java_text;
mod parse;
mod predicate;
mod reference;
mod select;
mod select_error;
mod template;

pub use ast::{CompareOp, FilterExpr, FilterPath, Literal, Operand, Path, Root, Segment, Selector};
pub use cache::{check_intrinsic_cached, parse_path_cached, parse_reference_path_cached};
pub(crate) use compiled_template::CompiledTemplate;
pub use error::PathError;
pub(crate) use filter::scan_number;
pub(crate) use java_text::{java_json, java_string};
pub(crate) use parse::parse_embedded;
pub(crate) use reference::place_name;
pub use reference::{PlaceError, place, place_copy};
pub use select::{Scope, Variables};
pub use select_error::SelectError;
pub use template::{
    TemplateError, evaluate_object_template_with_rng, evaluate_template, evaluate_template_with_rng,
};

/// Parses a JSONPath as Step Functions reads it.
pub fn parse_path(text: &str) -> Result<Path, PathError> {
    parse::parse_field(text).map(|(path, _)| path)
}

/// Parses a reference path: a path that names exactly one value, as `ResultPath` and the
/// `...Path` fields require. Only `.name`, `['name']` and `[N]` (with `N` not negative) may
/// follow the root.
pub fn parse_reference_path(text: &str) -> Result<Path, PathError> {
    let (path, spans) = parse::parse_field(text)?;
    for (segment, &position) in path.segments.iter().zip(&spans) {
        let problem = match segment {
            Segment::Child(Selector::Name(_)) => continue,
            Segment::Child(Selector::Index(index)) if *index >= 0 => continue,
            Segment::Child(Selector::Index(_)) => {
                "a reference path cannot use a negative index; count from the start, as in `[0]`"
            }
            Segment::Descendant(_) => {
                "a reference path cannot use `..` (recursive descent); write the full path to \
                 one field"
            }
            Segment::Child(Selector::Wildcard) => {
                "a reference path cannot use a wildcard `*`; name one field"
            }
            Segment::Child(Selector::Slice { .. }) => {
                "a reference path cannot use a slice; name one index, as in `[0]`"
            }
            Segment::Child(Selector::Union(_)) => {
                "a reference path cannot list several fields or indexes; name one"
            }
            Segment::Child(Selector::Filter(_)) => {
                "a reference path cannot use a filter `[?(...)]`; name one field or index"
            }
        };
        return Err(PathError::new(position, problem));
    }
    Ok(path)
}

#[cfg(test)]
mod evaluation_tests;
#[cfg(test)]
mod tests;
