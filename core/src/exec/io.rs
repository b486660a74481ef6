//! JSONPath input and output processing: InputPath, Parameters, ResultSelector, ResultPath,
//! OutputPath, and the JSONPath form of `Assign`.

use std::borrow::Cow;

use crate::value::{Map, Value};

use super::Failure;
use super::plans::StatePlan;
use super::state::StateCx;
use super::templates::Compiled;
use crate::asl::IntegerOrExpression;
use crate::path::{self, Scope};

impl StateCx<'_> {
    /// Reads a JSONPath against `input`, the context object and the variables.
    pub(crate) fn select(&self, field: &str, text: &str, input: &Value) -> Result<Value, Failure> {
        let own = self.run.shared.paths.path(text);
        self.with_parsed(field, text, own, path::parse_path_cached, |parsed| {
            // The context object is built only for the paths that read it.
            self.in_scope(text.starts_with("$$"), input, |scope| {
                match parsed.find(scope) {
                    Some(found) => Ok(found.clone()),
                    None => parsed
                        .select(scope)
                        .map_err(|e| self.runtime(e.invalid_path_cause(text))),
                }
            })
        })
    }

    /// Runs `read` over a scope of `input`, the variables and the context object (built only
    /// when `reads_context`).
    fn in_scope<T>(
        &self,
        reads_context: bool,
        input: &Value,
        read: impl FnOnce(&Scope<'_>) -> T,
    ) -> T {
        let context = if reads_context {
            self.context()
        } else {
            Value::Null
        };
        read(&Scope {
            input,
            context: &context,
            variables: self.variables,
        })
    }

    /// Runs `then` on the parsed path `text`: the machine's own (`own`, parsed when the
    /// executor was built) or else parsed through the per-thread cache, its parse error
    /// failing the state in the name of `field`.
    fn with_parsed<T>(
        &self,
        field: &str,
        text: &str,
        own: Option<&path::Path>,
        parse: fn(&str) -> std::sync::Arc<Result<path::Path, path::PathError>>,
        then: impl FnOnce(&path::Path) -> Result<T, Failure>,
    ) -> Result<T, Failure> {
        if let Some(parsed) = own {
            return then(parsed);
        }
        let cached = parse(text);
        let parsed = cached
            .as_ref()
            .as_ref()
            .map_err(|e| self.runtime(format!("{field}: {e}")))?;
        then(parsed)
    }

    /// `InputPath` / `OutputPath`: absent keeps the value, `null` gives `{}`.
    pub(crate) fn filter_path(
        &self,
        field: &str,
        path: &Option<Option<String>>,
        value: Value,
    ) -> Result<Value, Failure> {
        match path {
            None => Ok(value),
            Some(None) => Ok(Value::Object(Map::new())),
            Some(Some(text)) if text == "$" => Ok(value),
            Some(Some(text)) => self.select(field, text, &value),
        }
    }

    /// `InputPath` read without copying the input when it keeps it whole (absent or `$`).
    pub(crate) fn input_path<'v>(
        &self,
        path: &Option<Option<String>>,
        input: &'v Value,
    ) -> Result<Cow<'v, Value>, Failure> {
        match path {
            None => Ok(Cow::Borrowed(input)),
            Some(None) => Ok(Cow::Owned(Value::Object(Map::new()))),
            Some(Some(text)) if text == "$" => Ok(Cow::Borrowed(input)),
            Some(Some(text)) => self.select("InputPath", text, input).map(Cow::Owned),
        }
    }

    /// `InputPath` / `OutputPath` on a shared payload: absent (or `$`) passes the same payload
    /// on, uncopied; `null` gives `{}`; a path gives the part it selects.
    pub(crate) fn select_path(
        &self,
        field: &str,
        path: &Option<Option<String>>,
        value: &Value,
    ) -> Result<Value, Failure> {
        match path {
            None => Ok(value.clone()),
            Some(None) => Ok(Value::Object(Map::new())),
            Some(Some(text)) if text == "$" => Ok(value.clone()),
            Some(Some(text)) => self.select(field, text, value),
        }
    }

    /// A payload template (`Parameters`, `ResultSelector`, `ItemSelector`), evaluated against
    /// `input`.
    pub(crate) fn template(
        &self,
        template: &serde_json::Value,
        input: &Value,
    ) -> Result<Value, Failure> {
        // A template of the machine's own was compiled when the executor was built.
        if let Some(compiled) = self.run.shared.templates.get(template) {
            return self.compiled_template(compiled, input);
        }
        let template = Value::from(template);
        self.evaluate(reads_context(&template), input, |scope, rng| {
            path::evaluate_template_with_rng(&template, scope, rng)
        })
    }

    /// A state's `Parameters`, evaluated against `input`: compiled already when its plan has
    /// them so, else as [`StateCx::template`] finds them.
    pub(crate) fn parameters(
        &self,
        plan: &StatePlan,
        template: &serde_json::Value,
        input: &Value,
    ) -> Result<Value, Failure> {
        match &plan.parameters {
            Some(compiled) => self.compiled_template(compiled, input),
            None => self.template(template, input),
        }
    }

    /// A payload template compiled when the executor was built, evaluated against `input`.
    fn compiled_template(&self, compiled: &Compiled, input: &Value) -> Result<Value, Failure> {
        self.evaluate(compiled.reads_context, input, |scope, rng| {
            compiled.template.evaluate(scope, rng)
        })
    }

    /// Runs a template evaluation over `input`, the context object (built only when the
    /// template reads it) and the variables, with the execution's random source.
    fn evaluate<T>(
        &self,
        reads_context: bool,
        input: &Value,
        evaluation: impl FnOnce(
            &Scope<'_>,
            &mut dyn crate::intrinsics::RandomSource,
        ) -> Result<T, path::TemplateError>,
    ) -> Result<T, Failure> {
        self.in_scope(reads_context, input, |scope| {
            evaluation(scope, &mut self.run.random())
                .map_err(|e| Failure::in_state(e.error(), self.name, self.entered, e.cause()))
        })
    }

    /// `ResultPath`: absent puts the result in place of the input, `null` discards it. A path
    /// places it in the input, whose objects are copied on the way down only where another
    /// holder (a history event) still shares them. `parsed` is the path parsed already (from
    /// the state's plan), when known; else it is found among the machine's own.
    pub(crate) fn result_path(
        &self,
        path: &Option<Option<String>>,
        parsed: Option<&path::Path>,
        input: Value,
        result: Value,
    ) -> Result<Value, Failure> {
        match path {
            None => Ok(result),
            Some(None) => Ok(input),
            Some(Some(text)) if text == "$" => Ok(result),
            Some(Some(text)) => {
                let own = parsed.or_else(|| self.run.shared.paths.reference(text).map(|p| &**p));
                self.place(text, own, input, result)
            }
        }
    }

    /// Places `result` in `input` at the reference path `text`, parsed already when `own` is
    /// given (a path of the machine's own).
    fn place(
        &self,
        text: &str,
        own: Option<&path::Path>,
        input: Value,
        result: Value,
    ) -> Result<Value, Failure> {
        // One name into an object, most `ResultPath`s, is set straight away.
        let (input, result) = match own {
            Some(own) => match path::place_name(input, own, result) {
                Ok(placed) => return Ok(placed),
                Err(unplaced) => unplaced,
            },
            None => (input, result),
        };
        let parse = path::parse_reference_path_cached;
        self.with_parsed("ResultPath", text, own, parse, |parsed| {
            path::place(input, parsed, result).map_err(|e| self.place_failure(&e))
        })
    }

    fn place_failure(&self, error: &path::PlaceError) -> Failure {
        Failure::in_state(
            "States.ResultPathMatchFailure",
            self.name,
            self.entered,
            error.cause(),
        )
    }

    /// A count given literally or by a reference path (`MaxConcurrencyPath`,
    /// `TimeoutSecondsPath`...), at least `minimum`. The path's value may be a number or a
    /// numeric string, as AWS reads it.
    pub(crate) fn count(
        &self,
        fixed: &Option<IntegerOrExpression>,
        path: &Option<String>,
        field: &str,
        input: &Value,
        minimum: u64,
    ) -> Result<Option<u64>, Failure> {
        if let Some(IntegerOrExpression::Integer(n)) = fixed {
            return Ok(u64::try_from(*n).ok());
        }
        let Some(path) = path else {
            return Ok(None);
        };
        let value = self.select(field, path, input)?;
        let parsed = match &value {
            Value::Number(n) => n.as_u64(),
            Value::String(text) => text.trim().parse::<u64>().ok(),
            _ => None,
        };
        match parsed {
            Some(n) if n >= minimum => Ok(Some(n)),
            _ => {
                let kind = if minimum > 0 {
                    "positive integer"
                } else {
                    "integer"
                };
                Err(self.runtime(format!(
                    "The {field} field refers to value \"{}\" which is not a valid {kind}: {path}",
                    super::wait::plain(&value)
                )))
            }
        }
    }

    /// The JSONPath output processing of a state with a result (Task, Map, Parallel):
    /// ResultSelector, then Assign (whose `$` is the selected result), ResultPath into the
    /// state's raw input, and OutputPath.
    pub(crate) fn process_result(
        &self,
        fields: ResultFields<'_>,
        input: &Value,
        result: Value,
    ) -> Result<(Value, Option<Map>), Failure> {
        let result = match fields.result_selector {
            Some(selector) => self.template(selector, &result)?,
            None => result,
        };
        let assigned = match fields.assign {
            Some(assign) => Some(self.assign_jsonpath(assign, &result)?),
            None => None,
        };
        // The input is copied only when the result goes inside it or replaces nothing.
        let output = match fields.result_path {
            None => result,
            Some(Some(text)) if text == "$" => result,
            path => self.result_path(path, fields.parsed_result_path, input.clone(), result)?,
        };
        let output = self.filter_path("OutputPath", fields.output_path, output)?;
        Ok((output, assigned))
    }

    /// JSONPath `Assign`: a payload template whose `$` is `input`; every value is computed
    /// before any is set.
    pub(crate) fn assign_jsonpath(
        &self,
        assign: &serde_json::Map<String, serde_json::Value>,
        input: &Value,
    ) -> Result<Map, Failure> {
        let assign = self.run.shared.literals.block(assign);
        let assign = &*assign;
        let context = assign
            .iter()
            .any(|(key, value)| member_reads_context(key, value));
        self.evaluate(context, input, |scope, rng| {
            path::evaluate_object_template_with_rng(assign, scope, rng)
        })
    }
}

/// Whether a payload template reads the context object: `$$` in a `.$` value (paths and
/// intrinsic call arguments alike).
pub(super) fn reads_context(template: &Value) -> bool {
    match template {
        Value::Object(members) => members
            .iter()
            .any(|(key, value)| member_reads_context(key, value)),
        Value::Array(items) => items.iter().any(reads_context),
        _ => false,
    }
}

/// Whether one member of an object template reads the context object.
fn member_reads_context(key: &str, value: &Value) -> bool {
    (key.ends_with(".$") && value.as_str().is_some_and(has_context_root)) || reads_context(value)
}

/// Whether a path or call text has `$$` in it: a byte scan, as the texts are short and this
/// runs for every template evaluation.
fn has_context_root(text: &str) -> bool {
    text.as_bytes().windows(2).any(|pair| pair == b"$$")
}

/// The output-processing fields of a Task, Map or Parallel state.
pub(crate) struct ResultFields<'a> {
    pub(crate) result_selector: Option<&'a serde_json::Value>,
    pub(crate) assign: Option<&'a serde_json::Map<String, serde_json::Value>>,
    pub(crate) result_path: &'a Option<Option<String>>,
    /// The `ResultPath` parsed already (from the state's plan), when known.
    pub(crate) parsed_result_path: Option<&'a crate::path::Path>,
    pub(crate) output_path: &'a Option<Option<String>>,
}
