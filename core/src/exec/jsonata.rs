//! JSONata states: `Arguments`, `Output`, `Assign`, `Condition`, `Items` and the other fields
//! that take `{% %}` expressions, with `$states` and AWS's `States.QueryEvaluationError`.

use crate::value::{Map, Value, json};

use super::Failure;
use super::field::Field;
use super::history::Thread;
use super::map::{Tolerance, run_items};
use super::parallel::run_branches;
use super::recovery::Caught;
use super::run::Run;
use super::state::{Decided, StateCx, Step, exit};
use super::task::{Limits, perform};
use super::variables::Variables;
use super::wait::{parse_timestamp, plain};
use crate::asl::{
    Catcher, ChoiceState, IntegerOrExpression, MapState, NumberOrExpression, ParallelState, State,
    TaskState, WaitState,
};
use crate::jsonata::{self, Bindings, ContextObject, EvalError, States, Template};

/// A state's context object, for the expressions that read `$states.context`.
impl ContextObject for StateCx<'_> {
    fn context_object(&self) -> Value {
        self.context()
    }
}

impl StateCx<'_> {
    /// Evaluates a JSONata value of the field `field`: every `{% %}` string in it, at any depth.
    pub(crate) fn jsonata(
        &self,
        field: &str,
        value: &serde_json::Value,
        states: &States<'_>,
    ) -> Result<Value, Failure> {
        self.jsonata_at(&Field::Named(field), value, states)
    }

    /// Evaluates a JSONata value at `field` (its name spelled out only for an error).
    fn jsonata_at(
        &self,
        field: &Field<'_>,
        value: &serde_json::Value,
        states: &States<'_>,
    ) -> Result<Value, Failure> {
        match value {
            serde_json::Value::String(text) => match jsonata::classify(text) {
                Template::Expression(expression) => self.expression(field, expression, states),
                _ => Ok(Value::from(value)),
            },
            serde_json::Value::Object(members) => {
                let mut out = Map::with_capacity(members.len());
                for (key, member) in members {
                    out.insert(
                        key.as_str(),
                        self.jsonata_at(&Field::Member(field, key), member, states)?,
                    );
                }
                Ok(Value::Object(out))
            }
            serde_json::Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(index, item)| self.jsonata_at(&Field::Item(field, index), item, states))
                .collect::<Result<Vec<_>, _>>()
                .map(Value::from),
            other => Ok(Value::from(other)),
        }
    }

    /// Evaluates one expression; failures are `States.QueryEvaluationError` in this state.
    fn expression(
        &self,
        field: &Field<'_>,
        expression: &str,
        states: &States<'_>,
    ) -> Result<Value, Failure> {
        let variables = self.variables.all();
        let result = jsonata::evaluate(
            expression,
            Bindings {
                states,
                variables: &variables,
                random: &mut self.run.random(),
            },
        );
        result.map_err(|error| {
            let why = match error {
                EvalError::Undefined | EvalError::Unsupported => error.to_string(),
                other => format!("threw an error during evaluation: {other}"),
            };
            Failure::in_state(
                "States.QueryEvaluationError",
                self.name,
                self.entered,
                format!(
                    "The JSONata expression '{}' specified for the field '{field}' {why}.",
                    expression.trim()
                ),
            )
            .at(&field.to_string())
        })
    }

    /// `$states` for this state: input, the result or error output, and the context object,
    /// built (once per state) only if an expression reads it.
    pub(crate) fn states<'v>(
        &'v self,
        input: &'v Value,
        result: Option<&'v Value>,
        error_output: Option<&'v Value>,
    ) -> States<'v> {
        States {
            input,
            result,
            error_output,
            context: self,
        }
    }

    /// JSONata `Assign`: every value evaluated against the same `$states`.
    fn assign_jsonata(
        &self,
        assign: Option<&serde_json::Map<String, serde_json::Value>>,
        states: &States<'_>,
    ) -> Result<Option<Map>, Failure> {
        let Some(assign) = assign else {
            return Ok(None);
        };
        let mut values = Map::with_capacity(assign.len());
        for (name, value) in assign {
            let field = Field::Member(&Field::Named("Assign"), name);
            values.insert(name.as_str(), self.jsonata_at(&field, value, states)?);
        }
        Ok(Some(values))
    }

    /// `Output`, or the default when absent.
    fn output(
        &self,
        output: Option<&serde_json::Value>,
        states: &States<'_>,
        default: &Value,
    ) -> Result<Value, Failure> {
        match output {
            Some(output) => self.jsonata("Output", output, states),
            None => Ok(default.clone()),
        }
    }

    /// A field that must give an integer (`TimeoutSeconds`, `MaxConcurrency`...).
    fn integer(
        &self,
        field: &str,
        value: &Option<IntegerOrExpression>,
        states: &States<'_>,
    ) -> Result<Option<i64>, Failure> {
        match value {
            None => Ok(None),
            Some(IntegerOrExpression::Integer(n)) => Ok(Some(*n)),
            Some(IntegerOrExpression::Expression(text)) => {
                let value = self.jsonata(field, &serde_json::Value::from(text.as_str()), states)?;
                value.as_i64().map(Some).ok_or_else(|| {
                    self.query_error(
                        field,
                        format!(
                            "The field '{field}' evaluated to {value}, which is not an integer."
                        ),
                    )
                })
            }
        }
    }

    fn query_error(&self, field: &str, why: String) -> Failure {
        let failure =
            Failure::in_state("States.QueryEvaluationError", self.name, self.entered, why);
        if field.is_empty() {
            failure
        } else {
            failure.at(field)
        }
    }
}

/// Runs one JSONata state and records its exit.
#[allow(clippy::too_many_arguments)] // one state's coordinates, passed through as they are
pub(crate) async fn run_state<'s>(
    run: &Run,
    name: &str,
    state: &'s State,
    plan: &super::plans::StatePlan,
    entered: u64,
    input: Value,
    variables: &mut Variables,
    thread: &mut Thread,
) -> Result<Step<'s>, Failure> {
    let outcome = match state {
        State::Task(task) => {
            return task_state(run, name, entered, plan, task, input, variables, thread).await;
        }
        State::Parallel(parallel) => {
            return parallel_state(run, name, entered, plan, parallel, input, variables, thread)
                .await;
        }
        State::Map(map) => {
            return map_state(run, name, entered, plan, map, input, variables, thread).await;
        }
        State::Pass(pass) => {
            let cx = StateCx::immediate(run, name, entered, variables);
            let states = cx.states(&input, None, None);
            let assigned = cx.assign_jsonata(pass.assign.as_ref(), &states);
            let output = cx.output(pass.output.as_ref(), &states, &input);
            assigned.and_then(|a| output.map(|o| (o, a, pass.next.as_deref())))
        }
        State::Succeed(succeed) => {
            let cx = StateCx::immediate(run, name, entered, variables);
            let states = cx.states(&input, None, None);
            cx.output(succeed.output.as_ref(), &states, &input)
                .map(|o| (o, None, None))
        }
        State::Fail(fail) => {
            let cx = StateCx::immediate(run, name, entered, variables);
            let states = cx.states(&input, None, None);
            let text = |field: &str, value: &Option<String>| -> Result<Option<String>, Failure> {
                match value {
                    None => Ok(None),
                    Some(text) => match cx.jsonata(
                        field,
                        &serde_json::Value::from(text.as_str()),
                        &states,
                    )? {
                        Value::String(s) => Ok(Some(s.to_string())),
                        other => Err(cx.query_error(
                            field,
                            format!(
                                "The field '{field}' evaluated to {other}, which is not a string."
                            ),
                        )),
                    },
                }
            };
            let error = text("Error", &fail.error);
            let cause = text("Cause", &fail.cause);
            return Err(match (error, cause) {
                (Ok(error), Ok(cause)) => Failure {
                    error: error.unwrap_or_default(),
                    cause,
                    location: None,
                },
                (Err(failure), _) | (_, Err(failure)) => failure,
            });
        }
        State::Choice(choice) => {
            let cx = StateCx::immediate(run, name, entered, variables);
            choice_state(&cx, choice, &input).map(|(o, a, n)| (o, a, Some(n)))
        }
        State::Wait(wait) => {
            let cx = StateCx::new(run, name, entered, variables);
            wait_state(&cx, wait, &input).await
        }
    };
    let (output, assigned, next) =
        outcome.inspect_err(|failure| evaluation_failed(run, thread, name, failure))?;
    exit(run, thread, plan, output, assigned, variables, next)
}

/// Records `EvaluationFailed` for a JSONata evaluation error.
pub(crate) fn evaluation_failed(run: &Run, thread: &mut Thread, name: &str, failure: &Failure) {
    if failure.error != "States.QueryEvaluationError" {
        return;
    }
    let location = failure.location.clone().unwrap_or_default();
    run.history.record(thread, "EvaluationFailed", || {
        let mut details = json!({"cause": failure.cause, "error": failure.error, "state": name});
        if !location.is_empty() {
            details["location"] = location.into();
        }
        details
    });
}

type Outcome<'s> = Result<(Value, Option<Map>, Option<&'s str>), Failure>;

fn choice_state<'s>(
    cx: &StateCx,
    choice: &'s ChoiceState,
    input: &Value,
) -> Result<Decided<'s>, Failure> {
    let states = cx.states(input, None, None);
    for (index, rule) in choice.choices.iter().enumerate() {
        let field = Field::Member(&Field::Item(&Field::Named("Choices"), index), "Condition");
        let matched = match &rule.condition {
            Some(serde_json::Value::Bool(b)) => *b,
            Some(condition) => match cx.jsonata_at(&field, condition, &states)? {
                Value::Bool(b) => b,
                other => {
                    return Err(cx.query_error(&field.to_string(), format!(
                        "The Condition of a Choice rule evaluated to {other}, which is not a boolean."
                    )));
                }
            },
            None => false,
        };
        if matched {
            // The rule's own Assign and Output, else the state's: read in place, not copied.
            let assign = rule.assign.as_ref().or(choice.assign.as_ref());
            let assigned = cx.assign_jsonata(assign, &states)?;
            let output = cx.output(
                rule.output.as_ref().or(choice.output.as_ref()),
                &states,
                input,
            )?;
            return Ok((output, assigned, rule.next.as_deref().unwrap_or_default()));
        }
    }
    let Some(default) = &choice.default else {
        return Err(Failure::new("States.NoChoiceMatched", "No Matches!"));
    };
    let assigned = cx.assign_jsonata(choice.assign.as_ref(), &states)?;
    let output = cx.output(choice.output.as_ref(), &states, input)?;
    Ok((output, assigned, default.as_str()))
}

async fn wait_state<'s>(cx: &StateCx<'_>, wait: &'s WaitState, input: &Value) -> Outcome<'s> {
    let states = cx.states(input, None, None);
    let now = cx.run.clock.now();
    let until =
        if let Some(seconds) = cx.integer("Seconds", &wait.seconds, &states)? {
            if seconds < 0 {
                return Err(cx.query_error(
                    "Seconds",
                    format!("The Seconds field evaluated to {seconds}, which is negative."),
                ));
            }
            now + chrono::Duration::seconds(seconds)
        } else if let Some(text) = &wait.timestamp {
            let value = cx.jsonata(
                "Timestamp",
                &serde_json::Value::from(text.as_str()),
                &states,
            )?;
            value.as_str().and_then(parse_timestamp).ok_or_else(|| {
                cx.query_error("Timestamp", format!(
                "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time \
                 format string: {}",
                plain(&value)
            ))
            })?
        } else {
            now
        };
    cx.run.sleep_until(until).await;
    let assigned = cx.assign_jsonata(wait.assign.as_ref(), &states)?;
    let output = cx.output(wait.output.as_ref(), &states, input)?;
    Ok((output, assigned, wait.next.as_deref()))
}

/// A caught failure in a JSONata state: `Output` and `Assign` see `$states.errorOutput`.
pub(crate) fn catch<'s>(
    cx: &StateCx,
    catcher: &'s Catcher,
    error_output: Value,
    raw_input: Value,
) -> Result<Caught<'s>, Failure> {
    let states = cx.states(&raw_input, None, Some(&error_output));
    let assigned = cx.assign_jsonata(catcher.assign.as_ref(), &states)?;
    let output = cx.output(catcher.output.as_ref(), &states, &error_output)?;
    Ok(Caught {
        next: &catcher.next,
        output,
        assigned,
    })
}

#[allow(clippy::too_many_arguments)] // one state's coordinates
async fn task_state<'s>(
    run: &Run,
    name: &str,
    entered: u64,
    plan: &super::plans::StatePlan,
    task: &'s TaskState,
    input: Value,
    variables: &mut Variables,
    thread: &mut Thread,
) -> Result<Step<'s>, Failure> {
    super::recovery::with_recovery!(
        run,
        name,
        entered,
        plan,
        crate::asl::QueryLanguage::Jsonata,
        None::<&str>,
        task.retry,
        task.catch,
        Value::clone(&input),
        variables,
        thread,
        |retries| {
            let cx = StateCx::new(run, name, entered, variables);
            let token = super::task::Target::waits_for_token(&task.resource).then(|| run.uuid());
            let cx = cx.with(Some(retries), token.as_deref(), None);
            task_attempt(run, &cx, task, &input, thread).await
        }
    )
}

async fn task_attempt<'s>(
    run: &Run,
    cx: &StateCx<'_>,
    task: &'s TaskState,
    input: &Value,
    thread: &mut Thread,
) -> Outcome<'s> {
    let states = cx.states(input, None, None);
    let arguments = match &task.arguments {
        Some(arguments) => cx.jsonata("Arguments", arguments, &states)?,
        None => input.clone(),
    };
    let positive =
        |field: &str, value: &Option<IntegerOrExpression>| -> Result<Option<u64>, Failure> {
            Ok(cx
                .integer(field, value, &states)?
                .and_then(|n| u64::try_from(n).ok()))
        };
    let limits = Limits {
        timeout: positive("TimeoutSeconds", &task.timeout_seconds)?,
        heartbeat: positive("HeartbeatSeconds", &task.heartbeat_seconds)?,
    };
    let result = perform(run, cx, &task.resource, arguments, limits, thread).await?;
    let states = cx.states(input, Some(&result), None);
    let assigned = cx.assign_jsonata(task.assign.as_ref(), &states)?;
    let output = cx.output(task.output.as_ref(), &states, &result)?;
    Ok((output, assigned, task.next.as_deref()))
}

#[allow(clippy::too_many_arguments)] // one state's coordinates
async fn parallel_state<'s>(
    run: &Run,
    name: &str,
    entered: u64,
    plan: &super::plans::StatePlan,
    parallel: &'s ParallelState,
    input: Value,
    variables: &mut Variables,
    thread: &mut Thread,
) -> Result<Step<'s>, Failure> {
    super::recovery::with_recovery!(
        run,
        name,
        entered,
        plan,
        crate::asl::QueryLanguage::Jsonata,
        Some("ParallelStateFailed"),
        parallel.retry,
        parallel.catch,
        Value::clone(&input),
        variables,
        thread,
        |retries| {
            let cx = StateCx::new(run, name, entered, variables);
            let cx = cx.with(Some(retries), None, None);
            parallel_attempt(run, &cx, parallel, &input, variables, thread).await
        }
    )
}

async fn parallel_attempt<'s>(
    run: &Run,
    cx: &StateCx<'_>,
    parallel: &'s ParallelState,
    input: &Value,
    variables: &Variables,
    thread: &mut Thread,
) -> Outcome<'s> {
    let states = cx.states(input, None, None);
    let branch_input = match &parallel.arguments {
        Some(arguments) => cx.jsonata("Arguments", arguments, &states)?,
        None => input.clone(),
    };
    let result =
        Value::from(run_branches(run, &parallel.branches, branch_input, variables, thread).await?);
    let states = cx.states(input, Some(&result), None);
    let assigned = cx.assign_jsonata(parallel.assign.as_ref(), &states)?;
    let output = cx.output(parallel.output.as_ref(), &states, &result)?;
    Ok((output, assigned, parallel.next.as_deref()))
}

#[allow(clippy::too_many_arguments)] // one state's coordinates
async fn map_state<'s>(
    run: &Run,
    name: &str,
    entered: u64,
    plan: &super::plans::StatePlan,
    map: &'s MapState,
    input: Value,
    variables: &mut Variables,
    thread: &mut Thread,
) -> Result<Step<'s>, Failure> {
    super::recovery::with_recovery!(
        run,
        name,
        entered,
        plan,
        crate::asl::QueryLanguage::Jsonata,
        Some("MapStateFailed"),
        map.retry,
        map.catch,
        Value::clone(&input),
        variables,
        thread,
        |retries| {
            let cx = StateCx::new(run, name, entered, variables);
            let cx = cx.with(Some(retries), None, None);
            map_attempt(run, &cx, map, &input, variables, thread).await
        }
    )
}

async fn map_attempt<'s>(
    run: &Run,
    cx: &StateCx<'_>,
    map: &'s MapState,
    input: &Value,
    variables: &Variables,
    thread: &mut Thread,
) -> Outcome<'s> {
    let states = cx.states(input, None, None);
    let items = match (&map.item_reader, &map.items) {
        (Some(reader), _) => {
            let request = match &reader.arguments {
                Some(arguments) => cx.jsonata("ItemReader", arguments, &states)?,
                None => Value::Null,
            };
            Value::from(super::item_reader::read_items(cx, reader, &request)?)
        }
        (None, None) => input.clone(),
        (None, Some(items)) => {
            let value = cx.jsonata("Items", items, &states)?;
            if !value.is_array() {
                let expression = match items {
                    serde_json::Value::String(text) => match jsonata::classify(text) {
                        Template::Expression(e) => e.trim().to_string(),
                        _ => text.clone(),
                    },
                    other => other.to_string(),
                };
                return Err(cx.query_error("Items", format!(
                    "The JSONata expression '{expression}' specified for the field 'Items' returned \
                     an unexpected result type. Expected 'array', but was '{}' for value: {value}",
                    value.kind()
                )));
            }
            value
        }
    };
    let Value::Array(items) = items else {
        return Err(cx.query_error(
            "",
            format!("Map state input must be an array but was: {items}"),
        ));
    };
    let mut inputs = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        inputs.push(match &map.item_selector {
            Some(selector) => {
                let item_cx = cx.with(None, None, Some((index, item)));
                let item_states = item_cx.states(input, None, None);
                item_cx.jsonata("ItemSelector", selector, &item_states)?
            }
            None => item.clone(),
        });
    }
    let concurrency = cx
        .integer("MaxConcurrency", &map.max_concurrency, &states)?
        .and_then(|n| u64::try_from(n).ok());
    let percentage = match &map.tolerated_failure_percentage {
        None => None,
        Some(NumberOrExpression::Number(n)) => n.as_f64(),
        Some(NumberOrExpression::Expression(text)) => cx
            .jsonata(
                "ToleratedFailurePercentage",
                &serde_json::Value::from(text.as_str()),
                &states,
            )?
            .as_f64(),
    };
    let tolerance = Tolerance {
        count: cx
            .integer(
                "ToleratedFailureCount",
                &map.tolerated_failure_count,
                &states,
            )?
            .and_then(|n| u64::try_from(n).ok()),
        percentage,
    };
    super::map::started(run, thread, inputs.len());
    let inputs = super::batch::batches(cx, map, inputs, input)?;
    let results = run_items(
        run,
        cx,
        map,
        inputs,
        concurrency,
        tolerance,
        variables,
        thread,
    )
    .await?;
    let result = match &map.result_writer {
        Some(writer) => {
            let request = match &writer.arguments {
                Some(arguments) => cx.jsonata("ResultWriter", arguments, &states)?,
                None => Value::Null,
            };
            super::result_writer::write_results(cx, &request, results)?
        }
        None => Value::from(results),
    };
    let states = cx.states(input, Some(&result), None);
    let assigned = cx.assign_jsonata(map.assign.as_ref(), &states)?;
    let output = cx.output(map.output.as_ref(), &states, &result)?;
    Ok((output, assigned, map.next.as_deref()))
}
