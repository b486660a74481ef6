//! What the derive macros' generated code calls: not a public API (`#[doc(hidden)]`).

use std::marker::PhantomData;

use serde::Serialize;
pub use serde_json::{Map, Value, json};

pub use crate::asl::StateMachine;
pub use crate::dsl::*;
pub use crate::exec::ExecutorBuilder;
#[cfg(feature = "lambda")]
pub use crate::exec::lambda_fn;
pub use crate::exec::typed;

/// A witness of a type: the generated checks carry each state's input and output types as
/// values, so a field path can be read off a type that is only inferred.
pub struct W<T: ?Sized>(PhantomData<fn() -> T>);

impl<T: ?Sized> Clone for W<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: ?Sized> Copy for W<T> {}

/// The witness of `T`.
pub const fn w<T: ?Sized>() -> W<T> {
    W(PhantomData)
}

/// The fields of the witnessed payload type.
pub fn fields_of<T: Payload>(_: &W<T>) -> &'static T::Fields {
    T::fields()
}

/// The witness of a field's type.
pub fn field_w<T>(_: &Field<T>) -> W<T> {
    w()
}

/// Checks that a state taking `I` accepts the `O` that reaches it.
pub fn accepts<I: Accepts<O>, O: ?Sized>(_input: W<I>, _output: &W<O>) {}

/// Checks that a state's declared `output = T` accepts what the state gives.
pub fn declared_output<T: DeclaredOutput<G>, G: ?Sized>(_declared: W<T>, _given: &W<G>) {}

/// Checks that the workflow's declared `output = T` accepts what an ending state gives.
pub fn ends_with<T: WorkflowOutput<G>, G: ?Sized>(_declared: W<T>, _given: &W<G>) {}

/// Checks that a Map state's item workflow accepts the items.
pub fn items_fit<T: ItemInput<G>, G: ?Sized>(_input: W<T>, _item: &W<G>) {}

/// Checks that the field `result_path` names can hold the result.
pub fn holds<F: Holds<R>, R: ?Sized>(_field: &Field<F>, _result: &W<R>) {}

/// Checks that a payload field can take what a typed template puts there.
pub fn fits<F: Fits<S>, S: ?Sized>(_field: &Field<F>, _source: &W<S>) {}

/// Checks that two fields a Choice rule compares have the same type.
pub fn same_type<F: ComparableField<O>, O: ?Sized>(_field: &Field<F>, _other: &Field<O>) {}

/// Checks, for `#[payload(accepts(..))]`, that a field accepts the other type's field.
pub fn field_accepts<F: FieldAccepts<O>, O: ?Sized>(_field: &Field<F>, _other: &Field<O>) {}

/// Checks a Choice literal against its field, and gives the literal's JSON.
pub fn literal<F: Comparable<L>, L: Serialize>(_field: &Field<F>, literal: &L) -> Value {
    serde_json::to_value(literal).unwrap_or(Value::Null)
}

/// Checks that a field can be ordered or matched by a Choice rule.
pub fn ordered<F: Ordered>(_field: &Field<F>) {}

/// Checks that a field can be pattern-matched by `matches(..)`.
pub fn matchable<F: Matchable>(_field: &Field<F>) {}

/// The witness of the items of the witnessed array (`items = "$"`).
pub fn items_of<T: Items>(_array: &W<T>) -> W<T::Item> {
    w()
}

/// The witness of the items of an array field.
pub fn items<F: Items>(_field: &Field<F>) -> W<F::Item> {
    w()
}

/// Checks that every branch of a Parallel state accepts its input.
pub fn branches_accept<B: BranchesAccept<T>, T>(_input: &W<T>) {}

/// A value of any serializable type, as JSON (`result = ..` of a Pass state, literals).
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// A Choice comparison: the operator by the kind of the field and the literal (`String`,
/// `Numeric`, `Boolean`, `Timestamp`), and `IsNull` for `== null`.
pub fn comparison(variable: String, operator: &str, kind: Kind, value: Value) -> Value {
    let mut rule = Map::new();
    rule.insert("Variable".into(), Value::String(variable));
    let family = match (kind, &value) {
        (_, Value::Null) => {
            rule.insert("IsNull".into(), Value::Bool(operator == "Equals"));
            return Value::Object(rule);
        }
        (Kind::Timestamp, _) => "Timestamp",
        (_, Value::String(_)) => "String",
        (_, Value::Number(_)) => "Numeric",
        (_, Value::Bool(_)) => "Boolean",
        _ => "String",
    };
    rule.insert(format!("{family}{operator}"), value);
    Value::Object(rule)
}

/// A Choice comparison of two fields: `...Path` operators by the kind of the left field.
pub fn comparison_path(variable: String, operator: &str, kind: Kind, other: String) -> Value {
    let family = match kind {
        Kind::Timestamp => "Timestamp",
        Kind::Number => "Numeric",
        Kind::Boolean => "Boolean",
        Kind::String | Kind::Other => "String",
    };
    let mut rule = Map::new();
    rule.insert("Variable".into(), Value::String(variable));
    rule.insert(format!("{family}{operator}Path"), Value::String(other));
    Value::Object(rule)
}

/// The JSON kind a Choice rule compares a field by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Strings and enums serialized as strings.
    String,
    /// Numbers.
    Number,
    /// Booleans.
    Boolean,
    /// [`Timestamp`]s.
    Timestamp,
    /// Anything else (decided by the literal).
    Other,
}

/// The kind of a field's type.
pub trait KindOf {
    /// The kind.
    const KIND: Kind = Kind::Other;
}

/// The kind of the witnessed field.
pub fn kind<F: KindOf>(_field: &Field<F>) -> Kind {
    F::KIND
}

macro_rules! kinds {
    ($kind:ident: $($type:ty),*) => { $(impl KindOf for $type { const KIND: Kind = Kind::$kind; })* };
}
kinds!(String: String);
kinds!(Number: u8, u16, u32, u64, i8, i16, i32, i64, f32, f64, usize, isize);
kinds!(Boolean: bool);
kinds!(Timestamp: Timestamp);
impl KindOf for Value {}
impl<T: KindOf> KindOf for Option<T> {
    const KIND: Kind = T::KIND;
}

/// A rule combining others (`And`, `Or`) or negating one (`Not`).
pub fn combine(operator: &str, rules: Vec<Value>) -> Value {
    let mut rule = Map::new();
    if operator == "Not" {
        rule.insert(
            "Not".into(),
            rules.into_iter().next().unwrap_or(Value::Null),
        );
    } else {
        rule.insert(operator.into(), Value::Array(rules));
    }
    Value::Object(rule)
}

/// A type test rule: `IsPresent`, `IsNull`, `IsString`... set to `true`.
pub fn test(variable: String, operator: &str) -> Value {
    let mut rule = Map::new();
    rule.insert("Variable".into(), Value::String(variable));
    rule.insert(operator.into(), Value::Bool(true));
    Value::Object(rule)
}

/// Adds `Next` (and optional fields) to a top-level Choice rule.
pub fn with_next(mut rule: Value, next: &str) -> Value {
    if let Value::Object(fields) = &mut rule {
        fields.insert("Next".into(), Value::String(next.into()));
    }
    rule
}

/// The state machine from its generated JSON; the macro only generates what the model reads.
pub fn machine(value: Value) -> StateMachine {
    match StateMachine::from_value(value) {
        Ok(machine) => machine,
        Err(error) => panic!(
            "statewright generated a definition its own ASL model rejects ({error}); this is a bug in statewright, please report it"
        ),
    }
}

/// A nested workflow as a Parallel branch or Map item processor: its `Comment`, `StartAt`
/// and `States` (a branch has no `QueryLanguage` or `TimeoutSeconds` of its own).
pub fn nested(machine: &StateMachine) -> Value {
    let mut branch = Map::new();
    if let Value::Object(fields) = machine.to_value() {
        for (key, value) in fields {
            if matches!(key.as_str(), "Comment" | "StartAt" | "States") {
                branch.insert(key, value);
            }
        }
    }
    Value::Object(branch)
}

/// A typed path in JSONata: `{% $states.input.order.total %}`, with backticks around names
/// that are not plain identifiers.
pub fn jsonata_path(root: &str, names: &[&str]) -> String {
    let mut path = String::from(root);
    for name in names.iter().filter(|name| !name.is_empty()) {
        path.push('.');
        if crate::dsl::is_plain_name(name) {
            path.push_str(name);
        } else {
            path.push('`');
            path.push_str(name);
            path.push('`');
        }
    }
    format!("{{% {path} %}}")
}
