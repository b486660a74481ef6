//! The type relations a workflow's compile-time checks rest on: which input accepts which
//! output, which field can hold a result, which literal a Choice may compare with a field.
//!
//! Each trait carries a `#[diagnostic::on_unimplemented]` message, so a broken workflow fails
//! to compile with a sentence that names the two types and says the fix.

use serde_json::Value;

use super::Payload;

/// `Self`, as a state's input, accepts the JSON that a value of `From` serializes to.
///
/// Every payload type accepts itself; `#[payload(accepts(Other))]` declares that a type also
/// accepts `Other` (the derive checks, field by field, that `Other` has each field with a type
/// this one accepts); `serde_json::Value` accepts any payload.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not accept `{From}`: this state's input type differs from the output that reaches it",
    label = "this state takes `{Self}`, but the state before it gives `{From}`",
    note = "make the types equal, transform the data between the states (`parameters(..)`, `input_path`, `result_path`, `output_path`), or declare `#[payload(accepts({From}))]` on `{Self}` when it reads a subset of `{From}`'s fields"
)]
pub trait Accepts<From: ?Sized> {}

/// Every type accepts itself.
impl<T: ?Sized> Accepts<T> for T {}

/// An optional value accepts a present one: a `catch` or `result_path` may fill an
/// `Option<T>` field with a `T`.
#[diagnostic::do_not_recommend]
impl<T> Accepts<T> for Option<T> {}

/// Any JSON value accepts any payload.
impl<T: Payload> Accepts<T> for Value {}

/// Any JSON value accepts strings, numbers, booleans and arrays too (a Map item of a
/// `Vec<u32>` going into a workflow without a declared `input`).
macro_rules! value_accepts {
    ($($type:ty),*) => { $(impl Accepts<$type> for Value {})* };
}
value_accepts!(
    String, bool, u8, u16, u32, u64, i8, i16, i32, i64, f32, f64, usize, isize
);
impl<T> Accepts<Vec<T>> for Value {}

/// A type no value has, for the second impl below.
#[doc(hidden)]
pub enum Unmatched<T: ?Sized> {
    #[doc(hidden)]
    __Never(
        std::convert::Infallible,
        std::marker::PhantomData<fn() -> T>,
    ),
}

/// Never used: with only `Accepts<T> for T` to choose from, rustc would infer the `From` of
/// `accepts(w::<I>(), &out)` as `I` before reading `out`, and report a mismatch of witness
/// types (`expected &W<Order>, found &W<Parcel>`, E0308) at the derive instead of this trait's
/// message at the state. A second candidate keeps `From` open until `out` fixes it.
#[diagnostic::do_not_recommend]
impl<T: ?Sized> Accepts<Unmatched<T>> for T {}

/// A field of type `Self` can hold a result of type `Result` placed there by `result_path`.
#[diagnostic::on_unimplemented(
    message = "the `result_path` field has type `{Self}`, but the result put there is `{Result}`",
    label = "this field cannot hold a `{Result}`",
    note = "point `result_path` at a field of type `{Result}`, or change the field's type in the `output` type"
)]
pub trait Holds<Result: ?Sized> {}

impl<A: Accepts<B>, B: ?Sized> Holds<B> for A {}

/// A state's `output = Self` accepts the `Given` the state produces (after `result_path`).
#[diagnostic::on_unimplemented(
    message = "this state's `output` type `{Self}` does not accept what the state gives, `{Given}`",
    label = "the state gives `{Given}`",
    note = "name the type the state really gives in `output = ..`, or declare `#[payload(accepts({Given}))]` on `{Self}` when it reads a subset of `{Given}`'s fields"
)]
pub trait DeclaredOutput<Given: ?Sized> {}

impl<A: Accepts<B>, B: ?Sized> DeclaredOutput<B> for A {}

/// The workflow's `#[workflow(output = Self)]` accepts the `Given` an ending state gives.
#[diagnostic::on_unimplemented(
    message = "the workflow's `output` type `{Self}` does not accept what this ending state gives, `{Given}`",
    label = "the workflow ends here with a `{Given}`",
    note = "make `#[workflow(output = ..)]` the type the ending states give, or transform the data before the end (`result_selector(..)`, `output_path`)"
)]
pub trait WorkflowOutput<Given: ?Sized> {}

impl<A: Accepts<B>, B: ?Sized> WorkflowOutput<B> for A {}

/// A Map state's item workflow, taking `Self`, accepts items of type `Item`.
#[diagnostic::on_unimplemented(
    message = "the Map state's item workflow takes `{Self}`, but the items are `{Item}`",
    label = "each item is a `{Item}`",
    note = "point `items` at an array of `{Self}`, build each item with `item_selector(..)`, or change the item workflow's `input`"
)]
pub trait ItemInput<Item: ?Sized> {}

impl<A: Accepts<B>, B: ?Sized> ItemInput<B> for A {}

/// A payload field of type `Self` can take the `Source` a typed template puts there
/// (`parameters(key = input.path)`); [`Holds`] with the template's words.
#[diagnostic::on_unimplemented(
    message = "the template key has type `{Self}`, but the value put there is a `{Source}`",
    label = "a `{Self}` field cannot take a `{Source}`",
    note = "read a field of type `{Self}` here, or change the key's type in the payload type"
)]
pub trait Fits<Source: ?Sized> {}

impl<A: Accepts<B>, B: ?Sized> Fits<B> for A {}

/// A Choice rule may compare a field of type `Self` with another field of type `Other`
/// (`a == field(b)`).
#[diagnostic::on_unimplemented(
    message = "a Choice rule cannot compare a `{Self}` field with a `{Other}` field",
    label = "this `{Self}` field is compared with a `{Other}` field",
    note = "compare two fields of the same type"
)]
pub trait ComparableField<Other: ?Sized> {}

impl<A: Accepts<B>, B: ?Sized> ComparableField<B> for A {}

/// For `#[payload(accepts(Other))]`: a field of type `Self` accepts the field of the same
/// name in `Other`, of type `From`.
#[diagnostic::on_unimplemented(
    message = "`#[payload(accepts(..))]`: this field has type `{Self}`, but the accepted type's field of the same name is a `{From}`",
    label = "a `{Self}` field cannot accept a `{From}`",
    note = "make the two fields' types equal, or remove the type from `accepts(..)`"
)]
pub trait FieldAccepts<From: ?Sized> {}

impl<A: Accepts<B>, B: ?Sized> FieldAccepts<B> for A {}

/// A Choice rule may compare a field of type `Self` with a literal of type `Literal`.
#[diagnostic::on_unimplemented(
    message = "a Choice rule cannot compare the field of type `{Self}` with a `{Literal}`",
    label = "`{Literal}` does not fit a `{Self}` field",
    note = "compare numbers with numbers, strings with strings (or `&str`), booleans with booleans and an enum field with one of its own variants"
)]
pub trait Comparable<Literal: ?Sized> {}

macro_rules! numbers_compare {
    ($($field:ty),*) => {
        $(numbers_compare!(@with $field: u8, u16, u32, u64, i8, i16, i32, i64, f32, f64, usize, isize);)*
    };
    (@with $field:ty: $($literal:ty),*) => { $(impl Comparable<$literal> for $field {})* };
}
numbers_compare!(u8, u16, u32, u64, i8, i16, i32, i64, f32, f64, usize, isize);
impl Comparable<&str> for String {}
impl Comparable<String> for String {}
impl Comparable<bool> for bool {}
/// Never used: a second candidate so that a wrong literal reports this trait's message rather
/// than a type mismatch (see [`Unmatched`]); the `Payload` derive adds one to each unit enum.
#[diagnostic::do_not_recommend]
impl Comparable<Unmatched<bool>> for bool {}
impl<T: Comparable<L>, L> Comparable<L> for Option<T> {}
impl<L> Comparable<L> for Value {}

/// A Choice rule may order (`<`, `>`...) or pattern-match a field of type `Self`: numbers,
/// strings and timestamps; not booleans or enum variants.
#[diagnostic::on_unimplemented(
    message = "a Choice rule cannot order or match a field of type `{Self}`",
    label = "only numbers and strings can be ordered or matched",
    note = "use `==` or `!=` for booleans and enums"
)]
pub trait Ordered {}

macro_rules! ordered {
    ($($type:ty),*) => { $(impl Ordered for $type {})* };
}
ordered!(
    String, u8, u16, u32, u64, i8, i16, i32, i64, f32, f64, usize, isize, Value
);
impl<T: Ordered> Ordered for Option<T> {}

/// A Choice rule may match a field of type `Self` against a `matches(field, "pattern*")`.
#[diagnostic::on_unimplemented(
    message = "`matches(..)` reads a string field, and this field is a `{Self}`",
    label = "not a string",
    note = "compare numbers with `==`, `<`, `>`..., and match only `String` fields"
)]
pub trait Matchable {}

impl Matchable for String {}
impl Matchable for Value {}
impl<T: Matchable> Matchable for Option<T> {}

/// The items of an array field, for a Map state's `items`.
#[diagnostic::on_unimplemented(
    message = "a Map state's `items` must name an array field, and `{Self}` is not a `Vec`",
    label = "not an array",
    note = "point `items` at a `Vec<T>` field of the Map state's input"
)]
pub trait Items {
    /// The type of one item.
    type Item;
}

impl<T> Items for Vec<T> {
    type Item = T;
}
impl Items for Value {
    type Item = Value;
}

/// The task token a callback task hands out (`$$.Task.Token`); a payload field of this type
/// receives it.
pub type TaskToken = String;
