//! Typed field paths (lenses) of payload types: `#[derive(Payload)]` writes them with the
//! JSON names serde gives each field, so a path checked by rustc renders as AWS reads it.

use std::marker::PhantomData;
use std::ops::Deref;

/// A type that flows between states, whose fields can be named in a workflow.
///
/// Derive it with `#[derive(Payload)]`; the derive follows serde's `rename`, `rename_all`,
/// `flatten` and enum tagging.
pub trait Payload: 'static {
    /// One [`Field`] per field of the type, by its Rust name.
    type Fields: 'static;
    /// The fields of the type.
    fn fields() -> &'static Self::Fields;
}

/// One field of a payload type: its JSON name and, in the type parameter, its Rust type.
///
/// A field whose type is itself a [`Payload`] dereferences to that type's fields, so paths
/// chain: `Order::fields().customer.address.city`.
pub struct Field<T: ?Sized> {
    name: &'static str,
    _type: PhantomData<fn() -> T>,
}

impl<T: ?Sized> Field<T> {
    /// A field named `name` in JSON; an empty name marks a `#[serde(flatten)]` field, whose
    /// own fields sit in the parent object.
    pub const fn new(name: &'static str) -> Self {
        Field {
            name,
            _type: PhantomData,
        }
    }

    /// The field's name in JSON (empty for a flattened field).
    pub const fn name(&self) -> &'static str {
        self.name
    }
}

impl<T: Payload> Deref for Field<T> {
    type Target = T::Fields;

    fn deref(&self) -> &T::Fields {
        T::fields()
    }
}

/// An optional field reads through to the fields of its value.
impl<T: Payload> Payload for Option<T> {
    type Fields = T::Fields;

    fn fields() -> &'static T::Fields {
        T::fields()
    }
}

/// A boxed payload has the fields of its value.
impl<T: Payload> Payload for Box<T> {
    type Fields = T::Fields;

    fn fields() -> &'static T::Fields {
        T::fields()
    }
}

/// Renders a reference path from its root (`$` or `$$`) and JSON names, skipping the empty
/// names of flattened fields: `["order", "total"]` gives `$.order.total`, and a name that is not
/// a plain identifier is quoted: `$['unit price']`.
pub fn render_path(root: &str, names: &[&str]) -> String {
    let mut path = String::from(root);
    for name in names.iter().filter(|name| !name.is_empty()) {
        if is_plain_name(name) {
            path.push('.');
            path.push_str(name);
        } else {
            path.push_str("['");
            path.push_str(&name.replace('\\', "\\\\").replace('\'', "\\'"));
            path.push_str("']");
        }
    }
    path
}

/// Whether a JSON name can follow a dot in a path as it is: a letter or `_`, then letters,
/// digits and `_`.
pub fn is_plain_name(name: &str) -> bool {
    name.chars()
        .enumerate()
        .all(|(i, c)| c == '_' || c.is_ascii_alphabetic() || (i > 0 && c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::render_path;

    #[test]
    fn plain_names_use_dots_and_others_brackets() {
        assert_eq!(render_path("$", &[]), "$");
        assert_eq!(render_path("$", &["order", "", "total"]), "$.order.total");
        assert_eq!(
            render_path("$", &["unit price", "it's"]),
            "$['unit price']['it\\'s']"
        );
        assert_eq!(render_path("$$", &["Task", "Token"]), "$$.Task.Token");
        assert_eq!(render_path("$", &["1st"]), "$['1st']");
    }
}
