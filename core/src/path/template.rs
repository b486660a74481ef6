//! Payload templates: `Parameters`, `ResultSelector`, `ItemSelector` and JSONPath `Assign`.
//!
//! A template is copied as it is, except that a member whose key ends in `.$` loses the suffix
//! and gets the value its string names: a path (`$.a`, `$$.Execution.Id`, `$name`) or an
//! intrinsic call (`States.Format(...)`). A definite path that finds nothing fails the state
//! with `States.Runtime` and a cause AWS records as
//! `The JSONPath '$.x' specified for the field 'value.$' could not be found in the input '{"a":1}'`;
//! a failing intrinsic with `States.IntrinsicFailure`.

use crate::value::{Map, Value};

use super::ast::Path;
use super::java_text::java_json;
use super::select::Scope;
use crate::intrinsics::{self, IntrinsicFailure, RandomSource, SplitMix64, looks_like_intrinsic};

/// The suffix that marks a member whose value is a path or an intrinsic call.
pub(super) const DYNAMIC_SUFFIX: &str = ".$";

/// Templates nested deeper than this are refused; JSON text is at most 128 deep.
const MAX_DEPTH: usize = 256;

/// The error name of a path that finds nothing, and of a template AWS would not run.
const STATES_RUNTIME: &str = "States.Runtime";

/// A template member that could not be evaluated: an ASL error name and AWS's cause.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{error}: {cause}")]
pub struct TemplateError {
    error: &'static str,
    cause: String,
    field: String,
}

impl TemplateError {
    /// The ASL error name: `States.Runtime` or `States.IntrinsicFailure`.
    pub fn error(&self) -> &str {
        self.error
    }

    /// The cause, without the prefix "An error occurred while executing the state 'X'
    /// (entered at the event id #N). ", which the executor adds.
    pub fn cause(&self) -> &str {
        &self.cause
    }

    /// The key of the member that failed, `.$` included (`value.$`).
    pub fn field(&self) -> &str {
        &self.field
    }
}

/// Evaluates a payload template. `States.UUID` and `States.MathRandom` draw from a generator
/// seeded from the operating system; use [`evaluate_template_with_rng`] to make them
/// reproducible.
pub fn evaluate_template(template: &Value, scope: &Scope<'_>) -> Result<Value, TemplateError> {
    evaluate_template_with_rng(template, scope, &mut SplitMix64::from_entropy())
}

/// Evaluates a payload template, drawing the random values of `States.UUID` and
/// `States.MathRandom` from `rng`.
pub fn evaluate_template_with_rng(
    template: &Value,
    scope: &Scope<'_>,
    rng: &mut dyn RandomSource,
) -> Result<Value, TemplateError> {
    Template { scope, rng }.value(template, 0)
}

/// Evaluates the members of an object template (an `Assign` block) into an object, without
/// the template having to be a [`Value`] of its own.
pub fn evaluate_object_template_with_rng(
    members: &Map,
    scope: &Scope<'_>,
    rng: &mut dyn RandomSource,
) -> Result<Map, TemplateError> {
    Template { scope, rng }.object(members, 0)
}

/// One evaluation of a template (interpreted, or compiled by [`super::compiled_template`]).
pub(super) struct Template<'s, 'a, 'r> {
    pub(super) scope: &'s Scope<'a>,
    pub(super) rng: &'r mut dyn RandomSource,
}

impl Template<'_, '_, '_> {
    fn value(&mut self, value: &Value, depth: usize) -> Result<Value, TemplateError> {
        if depth > MAX_DEPTH {
            return Err(TemplateError {
                error: STATES_RUNTIME,
                cause: format!("The payload template is nested more than {MAX_DEPTH} deep"),
                field: String::new(),
            });
        }
        match value {
            Value::Object(members) => self.object(members, depth).map(Value::Object),
            Value::Array(items) => items
                .iter()
                .map(|item| self.value(item, depth + 1))
                .collect::<Result<Vec<_>, _>>()
                .map(Value::from),
            other => Ok(other.clone()),
        }
    }

    fn object(&mut self, members: &Map, depth: usize) -> Result<Map, TemplateError> {
        let mut out = Map::with_capacity(members.len());
        for (key, member) in members {
            match key.strip_suffix(DYNAMIC_SUFFIX) {
                Some(name) => {
                    let resolved = self.dynamic(key, member)?;
                    out.insert(name.to_owned(), resolved);
                }
                None => {
                    let copied = self.value(member, depth + 1)?;
                    out.insert(key.clone(), copied);
                }
            }
        }
        Ok(out)
    }

    /// The value of a `.$` member: a path or an intrinsic call.
    fn dynamic(&mut self, key: &str, member: &Value) -> Result<Value, TemplateError> {
        let Value::String(text) = member else {
            return Err(self.runtime(
                key,
                format!(
                    "The value of the field '{key}' must be a JSONPath or an intrinsic \
                     function, but it is {}",
                    java_json(member)
                ),
            ));
        };
        if looks_like_intrinsic(text) {
            let call = super::cache::check_intrinsic_cached(text);
            let call = call.as_ref().as_ref().map_err(|error| {
                self.runtime(
                    key,
                    format!("The field '{key}' holds an invalid intrinsic function: {error}"),
                )
            })?;
            return self.call(key, call);
        }
        let path = super::cache::parse_path_cached(text);
        let path = path.as_ref().as_ref().map_err(|error| {
            self.runtime(
                key,
                format!("The field '{key}' holds an invalid JSONPath '{text}': {error}"),
            )
        })?;
        self.select(key, text, path)
    }

    /// The value of the intrinsic call of the member `key`.
    pub(super) fn call(
        &mut self,
        key: &str,
        call: &intrinsics::Call,
    ) -> Result<Value, TemplateError> {
        intrinsics::evaluate(call, self.scope, self.rng)
            .map_err(|failure| self.intrinsic_failure(key, &failure))
    }

    /// The value of the path of the member `key`.
    pub(super) fn select(
        &self,
        key: &str,
        text: &str,
        path: &Path,
    ) -> Result<Value, TemplateError> {
        path.select(self.scope)
            .map_err(|_| self.runtime(key, self.not_found(key, text)))
    }

    /// AWS's cause for a path that finds nothing. The input echoed is the document `$` reads,
    /// also when the path starts at `$$` or a variable.
    fn not_found(&self, key: &str, path: &str) -> String {
        format!(
            "The JSONPath '{path}' specified for the field '{key}' could not be found in the \
             input '{}'",
            java_json(self.scope.input)
        )
    }

    fn intrinsic_failure(&self, key: &str, failure: &IntrinsicFailure) -> TemplateError {
        match failure.missing_path() {
            Some(path) => self.runtime(key, self.not_found(key, path)),
            None => TemplateError {
                error: failure.error(),
                cause: failure.cause(),
                field: key.to_owned(),
            },
        }
    }

    fn runtime(&self, key: &str, cause: String) -> TemplateError {
        TemplateError {
            error: STATES_RUNTIME,
            cause,
            field: key.to_owned(),
        }
    }
}
