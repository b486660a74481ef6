//! The run loop: enter a state, do its work, record events, move to the next.

use std::sync::OnceLock;

use crate::value::{Map, Value};
use futures_util::future::BoxFuture;
use indexmap::IndexMap;

use super::Failure;
use super::context::{StateInfo, context_object};
use super::history::{self, Thread};
use super::plans::{ScopePlan, StatePlan};
use super::run::Run;
use super::scopes::Scope;
use super::variables::Variables;
use crate::asl::{FailState, PassState, State, SucceedState, WaitState};

/// Everything a state's work needs: the run, where the state is, and its variables.
pub(crate) struct StateCx<'a> {
    pub(crate) run: &'a Run,
    pub(crate) name: &'a str,
    /// The id of the state's `...StateEntered` event, quoted in AWS's causes.
    pub(crate) entered: u64,
    /// When the state was entered, on the runtime's clock; made a wall-clock time only when
    /// the context object is built (most states never read it). `None` for a state that does
    /// not wait: its entry time is the time its context object is built.
    pub(crate) entered_at: Option<tokio::time::Instant>,
    pub(crate) variables: &'a Variables,
    pub(crate) retry_count: Option<u64>,
    pub(crate) task_token: Option<&'a str>,
    pub(crate) map_item: Option<(usize, &'a Value)>,
    context: OnceLock<Value>,
}

impl<'a> StateCx<'a> {
    pub(crate) fn new(run: &'a Run, name: &'a str, entered: u64, variables: &'a Variables) -> Self {
        StateCx::new_at(
            run,
            name,
            entered,
            variables,
            Some(tokio::time::Instant::now()),
        )
    }

    fn new_at(
        run: &'a Run,
        name: &'a str,
        entered: u64,
        variables: &'a Variables,
        entered_at: Option<tokio::time::Instant>,
    ) -> Self {
        StateCx {
            run,
            name,
            entered,
            entered_at,
            variables,
            retry_count: None,
            task_token: None,
            map_item: None,
            context: OnceLock::new(),
        }
    }

    /// The context of a state that does not wait (Pass, Choice, Succeed, Fail): no time is
    /// read at its entry (the runtime's clock takes a lock), as no time passes before its
    /// context object is built.
    pub(crate) fn immediate(
        run: &'a Run,
        name: &'a str,
        entered: u64,
        variables: &'a Variables,
    ) -> Self {
        StateCx::new_at(run, name, entered, variables, None)
    }

    /// A copy of this context for another retry, token or Map item.
    pub(crate) fn with<'b>(
        &'b self,
        retry_count: Option<u64>,
        task_token: Option<&'b str>,
        map_item: Option<(usize, &'b Value)>,
    ) -> StateCx<'b>
    where
        'a: 'b,
    {
        StateCx {
            run: self.run,
            name: self.name,
            entered: self.entered,
            entered_at: self.entered_at,
            variables: self.variables,
            retry_count,
            task_token,
            map_item,
            context: OnceLock::new(),
        }
    }

    /// The context object as this state sees it (built on first use).
    pub(crate) fn context(&self) -> Value {
        self.context
            .get_or_init(|| {
                context_object(
                    &self.run.info,
                    &StateInfo {
                        name: self.name,
                        entered_time: super::clock::format_timestamp(
                            self.run
                                .clock
                                .at(self.entered_at.unwrap_or_else(tokio::time::Instant::now)),
                        ),
                        retry_count: self.retry_count,
                        task_token: self.task_token,
                        map_item: self.map_item,
                    },
                )
            })
            .clone()
    }

    /// `States.Runtime` in this state.
    pub(crate) fn runtime(&self, why: impl std::fmt::Display) -> Failure {
        Failure::runtime(self.name, self.entered, why)
    }
}

/// A state's output, the variables it assigns, and the state it goes to.
pub(crate) type Decided<'s> = (Value, Option<Map>, &'s str);

/// A state's output, shared, and the variables it assigns.
pub(crate) type SharedOutput = (Value, Option<Map>);

/// How a state ended. The payload is shared: the history events of the state's exit and of
/// the next state's entry hold it too, uncopied.
pub(crate) enum Step<'s> {
    /// Go to the named state (its name as the definition holds it) with this input.
    Next(&'s str, Value),
    /// The scope ends with this output.
    End(Value),
}

/// Runs the states of a scope (the machine, a branch, an iteration) from `start`.
pub(crate) fn run_scope<'a>(
    run: &'a Run,
    states: &'a IndexMap<String, State>,
    start: &'a str,
    input: Value,
    variables: &'a mut Variables,
    thread: &'a mut Thread,
) -> BoxFuture<'a, Result<Value, Failure>> {
    Box::pin(async move {
        // The scopes of the executor's machines were planned when it was built.
        let made;
        let plan = match run.shared.plans.scope(states) {
            Some(plan) => plan,
            None => {
                let language = run.machine.default_query_language();
                made = ScopePlan::new(
                    Scope {
                        start_at: start,
                        states,
                        language,
                    },
                    None,
                );
                &made
            }
        };
        let mut from = None;
        let mut name = start;
        let mut input = input;
        loop {
            let found = plan.find(states, from, name);
            let Some((at, (key, state))) = found.and_then(|at| Some((at, states.get_index(at)?)))
            else {
                return Err(Failure::new(
                    "States.Runtime",
                    format!("the state '{name}' does not exist in its scope"),
                ));
            };
            let step_plan = plan.state(at);
            if let Some(limit) = run.shared.options.history_limit
                && run.history.len() >= limit
            {
                return Err(Failure::new(
                    "States.Runtime",
                    format!(
                        "The execution reached the maximum number of history events ({limit}) \
                         at the state '{key}'."
                    ),
                ));
            }
            let entered = run.history.record(thread, step_plan.entered, || {
                history::entered(step_plan.name.clone(), &input)
            });
            // The states that wait run as boxed futures: the loop's own future stays small,
            // and the states that do not wait are plain calls.
            let step = if step_plan.jsonata {
                Box::pin(super::jsonata::run_state(
                    run, key, state, step_plan, entered, input, variables, thread,
                ))
                .await
            } else if let Some(immediate) = Immediate::of(state) {
                run_jsonpath_now(
                    run, key, step_plan, immediate, entered, input, variables, thread,
                )
            } else {
                Box::pin(run_jsonpath_state(
                    run, key, state, step_plan, entered, input, variables, thread,
                ))
                .await
            };
            let step = step.inspect_err(|_| {
                if thread.branch && matches!(state, State::Task(_)) {
                    run.history.push(thread, "TaskStateAborted", None);
                }
            })?;
            match step {
                Step::Next(next, output) => {
                    from = Some(at);
                    name = next;
                    input = output;
                }
                Step::End(output) => return Ok(output),
            }
        }
    })
}

/// A state that runs without waiting.
#[derive(Clone, Copy)]
enum Immediate<'s> {
    Pass(&'s PassState),
    Succeed(&'s SucceedState),
    Fail(&'s FailState),
    Choice(&'s crate::asl::ChoiceState),
}

impl<'s> Immediate<'s> {
    /// The state as one that does not wait, when it is one.
    fn of(state: &'s State) -> Option<Self> {
        match state {
            State::Pass(pass) => Some(Immediate::Pass(pass)),
            State::Succeed(succeed) => Some(Immediate::Succeed(succeed)),
            State::Fail(fail) => Some(Immediate::Fail(fail)),
            State::Choice(choice) => Some(Immediate::Choice(choice)),
            State::Wait(_) | State::Task(_) | State::Parallel(_) | State::Map(_) => None,
        }
    }
}

/// Runs one JSONPath state that does not wait (Pass, Choice, Succeed, Fail) and records its
/// exit: a plain call, with no future to build or move.
#[allow(clippy::too_many_arguments)] // one state's coordinates, passed through as they are
fn run_jsonpath_now<'s>(
    run: &Run,
    name: &str,
    plan: &StatePlan,
    immediate: Immediate<'s>,
    entered: u64,
    input: Value,
    variables: &mut Variables,
    thread: &mut Thread,
) -> Result<Step<'s>, Failure> {
    let (output, assigned, next) = match immediate {
        Immediate::Pass(pass) => {
            let (output, assigned) = pass_state(run, name, entered, plan, pass, input, variables)?;
            (output, assigned, transition(&pass.next, pass.end))
        }
        Immediate::Succeed(succeed) => {
            let output = succeed_state(run, name, entered, succeed, input, variables)?;
            (output, None, None)
        }
        Immediate::Fail(fail) => {
            return Err(fail_state(run, name, entered, fail, &input, variables));
        }
        Immediate::Choice(choice) => {
            let cx = StateCx::immediate(run, name, entered, variables);
            let ((output, assigned), next) = super::choice::choice_state(&cx, choice, input)?;
            (output, assigned, Some(next))
        }
    };
    exit(run, thread, plan, output, assigned, variables, next)
}

/// Runs one JSONPath state that may wait (Wait, Task, Parallel, Map) and records its exit.
#[allow(clippy::too_many_arguments)] // one state's coordinates, passed through as they are
async fn run_jsonpath_state<'s>(
    run: &Run,
    name: &str,
    state: &'s State,
    plan: &StatePlan,
    entered: u64,
    input: Value,
    variables: &mut Variables,
    thread: &mut Thread,
) -> Result<Step<'s>, Failure> {
    match state {
        State::Wait(wait) => {
            let (output, assigned) = wait_state(run, name, entered, wait, input, variables).await?;
            let next = transition(&wait.next, wait.end);
            exit(run, thread, plan, output, assigned, variables, next)
        }
        State::Task(task) => {
            super::task::task_state(run, name, entered, plan, task, input, variables, thread).await
        }
        State::Parallel(parallel) => {
            super::parallel::parallel_state(
                run, name, entered, plan, parallel, input, variables, thread,
            )
            .await
        }
        State::Map(map) => {
            super::map::map_state(run, name, entered, plan, map, input, variables, thread).await
        }
        State::Pass(pass) => {
            let immediate = Immediate::Pass(pass);
            run_jsonpath_now(
                run, name, plan, immediate, entered, input, variables, thread,
            )
        }
        State::Succeed(succeed) => {
            let immediate = Immediate::Succeed(succeed);
            run_jsonpath_now(
                run, name, plan, immediate, entered, input, variables, thread,
            )
        }
        State::Fail(fail) => {
            let immediate = Immediate::Fail(fail);
            run_jsonpath_now(
                run, name, plan, immediate, entered, input, variables, thread,
            )
        }
        State::Choice(choice) => {
            let immediate = Immediate::Choice(choice);
            run_jsonpath_now(
                run, name, plan, immediate, entered, input, variables, thread,
            )
        }
    }
}

/// Records the `...StateExited` event, applies the assignments, and picks the next step.
#[allow(clippy::too_many_arguments)] // the parts of one state's ending, kept together
pub(crate) fn exit<'s>(
    run: &Run,
    thread: &mut Thread,
    plan: &StatePlan,
    output: Value,
    assigned: Option<Map>,
    variables: &mut Variables,
    next: Option<&'s str>,
) -> Result<Step<'s>, Failure> {
    let name = &*plan.name;
    if output.json_len() > super::PAYLOAD_LIMIT {
        return Err(output_too_large(name));
    }
    if let Some(assigned) = &assigned {
        check_variable_sizes(name, assigned)?;
    }
    run.history.record(thread, plan.exited, || {
        history::exited(
            plan.name.clone(),
            &output,
            assigned.as_ref().filter(|a| !a.is_empty()),
        )
    });
    if let Some(assigned) = assigned {
        variables.assign(assigned);
    }
    Ok(match next {
        Some(next) => Step::Next(next, output),
        None => Step::End(output),
    })
}

/// `States.DataLimitExceeded` for a state whose output is over 256 KiB: made out of line, so
/// that the exit of every state does not carry the making of a message it almost never
/// writes.
#[cold]
#[inline(never)]
fn output_too_large(name: &str) -> Failure {
    Failure::new(
        "States.DataLimitExceeded",
        format!(
            "The state/task '{name}' returned a result with a size exceeding the maximum \
             number of bytes service limit."
        ),
    )
}

/// AWS's variable limits: 256 KiB for one variable, and for all the variables one `Assign`
/// sets together.
fn check_variable_sizes(name: &str, assigned: &Map) -> Result<(), Failure> {
    let mut total = 0;
    for (variable, value) in assigned {
        let size = value.json_len();
        if size > super::PAYLOAD_LIMIT {
            return Err(Failure::new(
                "States.Runtime",
                format!(
                    "The variable '{variable}' assigned by the state '{name}' has {size} bytes; a \
                     variable holds at most {} bytes.",
                    super::PAYLOAD_LIMIT
                ),
            ));
        }
        total += size;
    }
    if total > super::PAYLOAD_LIMIT {
        return Err(Failure::new(
            "States.Runtime",
            format!(
                "The variables assigned by the state '{name}' have {total} bytes together; one \
                 Assign holds at most {} bytes.",
                super::PAYLOAD_LIMIT
            ),
        ));
    }
    Ok(())
}

/// The next state of a state with `Next` / `End`.
pub(crate) fn transition(next: &Option<String>, end: Option<bool>) -> Option<&str> {
    match (next, end) {
        (Some(next), _) => Some(next),
        (None, _) => None,
    }
}

fn pass_state(
    run: &Run,
    name: &str,
    entered: u64,
    plan: &StatePlan,
    pass: &PassState,
    input: Value,
    variables: &Variables,
) -> Result<SharedOutput, Failure> {
    let cx = StateCx::immediate(run, name, entered, variables);
    // Without InputPath the effective input is the input itself: no copy is made.
    let filtered;
    let effective = match &pass.input_path {
        None => &input,
        Some(_) => {
            filtered = cx.select_path("InputPath", &pass.input_path, &input)?;
            &filtered
        }
    };
    let result = match (&pass.parameters, &pass.result) {
        (Some(parameters), _) => cx.parameters(plan, parameters, effective)?,
        (None, Some(result)) => run.shared.literals.value(result).into_owned(),
        (None, None) if pass.result_path.is_none() && pass.input_path.is_none() => {
            // The output is the input: pass it on as it is, shared.
            let assigned = match &pass.assign {
                Some(assign) => Some(cx.assign_jsonpath(assign, &input)?),
                None => None,
            };
            let output = cx.select_path("OutputPath", &pass.output_path, &input)?;
            return Ok((output, assigned));
        }
        (None, None) => effective.clone(),
    };
    let assigned = match &pass.assign {
        Some(assign) => Some(cx.assign_jsonpath(assign, &result)?),
        None => None,
    };
    let output = cx.result_path(
        &pass.result_path,
        plan.result_path.as_deref(),
        input,
        result,
    )?;
    let output = cx.filter_path("OutputPath", &pass.output_path, output)?;
    Ok((output, assigned))
}

fn succeed_state(
    run: &Run,
    name: &str,
    entered: u64,
    succeed: &SucceedState,
    input: Value,
    variables: &Variables,
) -> Result<Value, Failure> {
    let cx = StateCx::immediate(run, name, entered, variables);
    let effective = cx.select_path("InputPath", &succeed.input_path, &input)?;
    cx.select_path("OutputPath", &succeed.output_path, &effective)
}

fn fail_state(
    run: &Run,
    name: &str,
    entered: u64,
    fail: &FailState,
    input: &Value,
    variables: &Variables,
) -> Failure {
    let cx = StateCx::immediate(run, name, entered, variables);
    let read = |field: &str, literal: &Option<String>, path: &Option<String>| {
        if let Some(text) = literal {
            return Ok(Some(text.clone()));
        }
        let Some(path) = path else {
            return Ok(None);
        };
        let value = if crate::intrinsics::looks_like_intrinsic(path) {
            cx.template(&serde_json::json!({ "v.$": path }), input)?["v"].clone()
        } else {
            cx.select(field, path, input)?
        };
        match value {
            Value::String(text) => Ok(Some(text.to_string())),
            other => Err(cx.runtime(format!(
                "The {field} field refers to value {other} which is not a string: {path}"
            ))),
        }
    };
    let error = match read("ErrorPath", &fail.error, &fail.error_path) {
        Ok(error) => error,
        Err(failure) => return failure,
    };
    let cause = match read("CausePath", &fail.cause, &fail.cause_path) {
        Ok(cause) => cause,
        Err(failure) => return failure,
    };
    Failure {
        error: error.unwrap_or_default(),
        cause,
        location: None,
    }
}

async fn wait_state(
    run: &Run,
    name: &str,
    entered: u64,
    wait: &WaitState,
    input: Value,
    variables: &Variables,
) -> Result<(Value, Option<Map>), Failure> {
    let cx = StateCx::new(run, name, entered, variables);
    let effective = cx.filter_path("InputPath", &wait.input_path, input)?;
    let until = super::wait::deadline(&cx, wait, &effective)?;
    run.sleep_until(until).await;
    let assigned = match &wait.assign {
        Some(assign) => Some(cx.assign_jsonpath(assign, &effective)?),
        None => None,
    };
    let output = cx.filter_path("OutputPath", &wait.output_path, effective)?;
    Ok((output, assigned))
}
