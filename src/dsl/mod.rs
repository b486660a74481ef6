//! The typed DSL: workflows as Rust types (`#[derive(Workflow)]`), payload types with typed
//! field paths (`#[derive(Payload)]`), Lambda handlers as typed tasks
//! (`#[statewright::lambda]`), and the state and service types a workflow's fields use.
//!
//! ```ignore
//! #[derive(Workflow)]
//! #[workflow(input = StockQuery, output = PublishResult)]
//! pub struct StockTrading {
//!     #[state(name = "Check Stock Price", next = recommend)]
//!     check_price: Task<CheckStockPrice>,
//!     #[state(name = "Generate Buy/Sell recommendation", next = approval,
//!             result_path = recommended_type, output = Recommended)]
//!     recommend: Task<GenerateBuySellRecommendation>,
//!     // ...
//! }
//! let asl = StockTrading::definition().to_json_pretty();
//! let run = StockTrading::local().run_blocking(StockQuery {})?;
//! ```
//!
//! `examples/stock_trading.rs`, `error_handling.rs`, `map_parallel.rs`, `human_approval.rs` and
//! the `examples/build_rs` crate show every part at work.
//!
//! # How the checks work
//!
//! The derive checks the graph itself (unknown, unreachable and duplicate states, `next` and
//! `end`, a way to end, conflicting fields, `States.ALL` placement) and parses every JSONPath,
//! intrinsic call and JSONata expression written as a string with the validator's parsers.
//! Data is checked by rustc: `definition()` carries each state's input and output type as a
//! zero-sized witness, reads typed paths off [`Payload`] field structs (a missing field is a
//! missing struct field), and requires [`Accepts`], [`Holds`] and [`Comparable`] between
//! the types that meet. Their `on_unimplemented` messages say the fix.
//!
//! # Attribute reference
//!
//! `#[workflow(..)]` on the struct: `input = Type`, `output = Type` (checked against every
//! ending state), `comment = ".."` (default: the doc comment), `start = field` (default: the
//! first field), `timeout_seconds = N`, `query_language = "JSONata"`.
//!
//! Field types: [`Task<R>`](Task), [`Callback<R, O>`](Callback) (`.waitForTaskToken`, the
//! result is `O`), [`Pass`] / `Pass<O>`, [`Choice<T>`](Choice), [`Wait`], [`Succeed`],
//! [`Fail`], [`Parallel<(A, B)>`](Parallel), [`Map<W>`](Map). `R` is a `#[statewright::lambda]`
//! marker or a service: [`SqsSendMessage<M>`](SqsSendMessage), [`SnsPublish<M>`](SnsPublish),
//! [`DynamoGetItem`], [`DynamoPutItem`], [`StartExecution<W>`](StartExecution),
//! [`AwsSdk<C>`](AwsSdk).
//!
//! `#[state(..)]` on a field (a doc comment becomes the state's `Comment`):
//! - `name = ".."` (default: the field name); `next = field` or `end`.
//! - Paths are typed (`order.total`, relative to the state's input type) or raw strings
//!   (`"$.items[0]"`, untyped): `input_path`, `output_path`, `items` (Map), `seconds_path`,
//!   `timestamp_path`, `timeout_seconds_path`, `heartbeat_seconds_path`.
//! - `result_path = field` (with `output = Type`, the merged type; the field must hold the
//!   result), `result_path = discard` (`null`: keep the input).
//! - `output = Type`: the state's output type; `selected = Type`: what `result_selector`
//!   builds.
//! - Templates: `parameters(..)` / `message(..)` (typed against the task's payload type),
//!   `result_selector(..)`, `item_selector(..)` (typed against the item workflow's input),
//!   `assign(..)`, and in JSONata `arguments(..)`. Entries are `key = value`, where a bare key
//!   is a field of the target type (JSON name from serde) and a quoted key is raw. Values:
//!   `input`, `input.a.b`, `result.x`, `item.y`, `token` (the task token), `path("$..")`,
//!   `context("$$..")`, `var(name)`, `call("States.Format(..)")`, `"{% jsonata %}"`,
//!   `nested(k = v, ..)`, or any Rust expression (a constant).
//! - `queue = "Name"`, `topic = "Name"`, `table = "Name"`, `state_machine = "Name"`: the
//!   logical names whose ARNs become `${NameQueueUrl}`, `${NameTopicArn}`...
//! - `distributed` (or `distributed = "EXPRESS"`): a distributed Map; `items = "$"` maps the
//!   input array itself.
//! - `timeout_seconds`, `heartbeat_seconds`, `seconds`, `timestamp`, `max_concurrency`,
//!   `result = expr` (Pass), `error`, `cause` (Fail), `arguments = "{% %}"`,
//!   `output_expr = "{% %}"` (JSONata `Output`), and `raw = json!({..})`: fields merged into
//!   the state as written, the escape hatch for anything without a typed form.
//!
//! `#[choice(when(cond) => field, .., default = field)]` on a `Choice<T>`: conditions compare
//! fields of `T` with literals (`total > 100`, `side == Side::Buy`, `name != "x"`) or with
//! other fields (`a < field(b)`), test them (`present(f)`, `is_null(f)`, `is_string(f)`,
//! `is_numeric(f)`, `is_boolean(f)`, `is_timestamp(f)`, `matches(f, "a*")`), and combine
//! with `&&`, `||`, `!`. In JSONata: `when("{% expr %}") => field`.
//!
//! `#[retry(errors = [..], interval_seconds, max_attempts, backoff_rate, max_delay_seconds,
//! jitter = "FULL")]` and `#[catch(errors = [..], next = field, result_path = field,
//! output = Type)]`, repeatable, in order.
//!
//! `#[derive(Payload)]` accepts `#[payload(accepts(Other, ..))]`: this type, as an input,
//! reads a subset of `Other`'s fields; the derive checks each one exists with a type this one
//! accepts.

mod emit;
mod local;
mod payload;
mod relations;
#[cfg(feature = "schema")]
mod schema;
mod services;
mod states;
mod task;
mod workflow;

pub use emit::{EMIT_FLAG, EmitRequestError, NAMING_FLAG, NamedDefinition, emit_requested};
pub use local::{Local, Run, RunError, typed_output};
pub use payload::{Field, Payload, is_plain_name, render_path};
pub use relations::{
    Accepts, Comparable, ComparableField, DeclaredOutput, FieldAccepts, Fits, Holds, ItemInput,
    Items, Matchable, Ordered, TaskToken, Unmatched, WorkflowOutput,
};
#[cfg(feature = "schema")]
pub use schema::WorkflowSchema;
pub use services::{
    AwsSdk, DynamoGetItem, DynamoPutItem, ExecutionResult, PublishResult, SdkCall,
    SendMessageResult, SnsPublish, SqsSendMessage, StartExecution,
};
pub use states::{
    CaughtError, Choice, Fail, Map, Parallel, Pass, Passthrough, Raw, Succeed, Timestamp, Wait,
};
pub use task::{
    Callback, LambdaFunction, LocalNaming, Task, TaskOptions, TaskResource, TaskSpec,
    assert_callback, assert_target, lambda_task, placeholder,
};
pub use workflow::{Branches, BranchesAccept, Workflow};
