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

mod ast;
mod error;
mod filter;
mod parse;

pub use ast::{CompareOp, FilterExpr, FilterPath, Literal, Operand, Path, Root, Segment, Selector};
pub use error::PathError;
pub(crate) use filter::scan_number;
pub(crate) use parse::parse_embedded;

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
mod tests;
