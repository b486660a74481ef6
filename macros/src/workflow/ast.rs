//! The parsed form of a `#[derive(Workflow)]` struct: its states, their attributes, rules,
//! retriers and catchers, with the spans the checks point at.

use proc_macro2::Span;
use syn::{Expr, Ident, LitStr, Type};

/// The workflow struct.
pub struct Workflow {
    pub ident: Ident,
    pub input: Option<Type>,
    pub output: Option<Type>,
    pub comment: Option<String>,
    pub start: Option<Ident>,
    pub jsonata: bool,
    pub timeout_seconds: Option<Expr>,
    pub states: Vec<State>,
}

/// One field: one state.
pub struct State {
    pub ident: Ident,
    pub ty: Type,
    pub kind: Kind,
    pub name: String,
    pub name_span: Span,
    pub next: Option<Ident>,
    pub end: Option<Span>,
    pub comment: Option<String>,
    pub attrs: StateAttrs,
    pub retries: Vec<Retry>,
    pub catches: Vec<Catch>,
    pub rules: Vec<Rule>,
    pub default: Option<Ident>,
    /// The `choice` of the first `#[choice(..)]` attribute, if any.
    pub choice_span: Option<Span>,
    /// Whether one of the state's attributes failed to parse: the checks of what is missing
    /// (`next`/`end`, Choice rules) stay quiet then, as the missing part may be past the error.
    pub attr_error: bool,
}

/// The state's type, read from the field's type.
#[allow(clippy::large_enum_variant)] // one per state, built once per derive
pub enum Kind {
    /// `Task<R>`, or `Callback<R, O>` when `callback`.
    Task {
        resource: Type,
        callback: Option<Type>,
    },
    /// `Pass` or `Pass<O>`.
    Pass {
        output: Option<Type>,
    },
    /// `Choice<T>`.
    Choice {
        input: Type,
    },
    Wait,
    Succeed,
    Fail,
    /// `Parallel<(A, B)>`.
    Parallel {
        branches: Type,
    },
    /// `Map<W>`.
    Map {
        workflow: Type,
    },
}

impl Kind {
    /// The ASL name of the state type.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Task { .. } => "Task",
            Kind::Pass { .. } => "Pass",
            Kind::Choice { .. } => "Choice",
            Kind::Wait => "Wait",
            Kind::Succeed => "Succeed",
            Kind::Fail => "Fail",
            Kind::Parallel { .. } => "Parallel",
            Kind::Map { .. } => "Map",
        }
    }

    /// Whether the state ends the workflow by its type (Succeed, Fail).
    pub fn is_terminal(&self) -> bool {
        matches!(self, Kind::Succeed | Kind::Fail)
    }
}

/// A path written in an attribute: typed (`order.total`, checked by rustc) or raw (a string).
#[derive(Clone)]
pub enum PathArg {
    /// Rust field names from the root value, with the span of the whole path.
    Typed(Vec<Ident>, Span),
    /// A JSONPath string, checked at compile time by the ASL validator's parser.
    Raw(LitStr),
}

/// `result_path`: a typed or raw path, or `discard` (`null`: keep the input).
pub enum ResultPath {
    Path(PathArg),
    Discard,
}

/// A payload template `(key = value, ..)`.
pub struct Template {
    pub entries: Vec<(Key, TemplateValue)>,
}

/// A template key: a field of the target payload type (typed) or a JSON name (raw).
pub enum Key {
    Typed(Ident),
    Raw(LitStr),
}

/// Where a typed template path starts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Root {
    /// `input`: the state input (`$`).
    Input,
    /// `result`: the task result (`$` in `ResultSelector`).
    Result,
    /// `item`: the Map item (`$$.Map.Item.Value`).
    Item,
}

/// A template value.
pub enum TemplateValue {
    /// `input.a.b`, `result.x`, `item.y`.
    Path(Root, Vec<Ident>, Span),
    /// `token`: the task token `$$.Task.Token`.
    Token(Span),
    /// `path("$.raw")`, `context("$$.Execution.Id")`: a raw JSONPath.
    RawPath(LitStr),
    /// `var(name)`: a variable.
    Var(Ident),
    /// `call("States.Format(..)")`: an intrinsic function call.
    Intrinsic(LitStr),
    /// `"{% .. %}"` in JSONata mode.
    Jsonata(LitStr),
    /// `nested(k = v, ..)`: a nested object with raw keys.
    Nested(Template),
    /// Any other Rust expression: a constant, serialized at definition time.
    Const(Expr),
}

/// The attributes of `#[state(..)]` besides name, next and end.
#[derive(Default)]
pub struct StateAttrs {
    pub input_path: Option<(PathArg, Span)>,
    pub output_path: Option<(PathArg, Span)>,
    pub result_path: Option<(ResultPath, Span)>,
    pub output: Option<Type>,
    pub selected: Option<Type>,
    pub parameters: Option<Template>,
    pub result_selector: Option<Template>,
    pub item_selector: Option<Template>,
    pub assign: Option<Template>,
    pub result: Option<Expr>,
    pub seconds: Option<(Expr, Span)>,
    pub timestamp: Option<(LitStr, Span)>,
    pub seconds_path: Option<(PathArg, Span)>,
    pub timestamp_path: Option<(PathArg, Span)>,
    pub error: Option<(LitStr, Span)>,
    pub cause: Option<(LitStr, Span)>,
    pub target: Option<(String, LitStr, Span)>,
    pub timeout_seconds: Option<(Expr, Span)>,
    pub timeout_seconds_path: Option<(PathArg, Span)>,
    pub heartbeat_seconds: Option<(Expr, Span)>,
    pub heartbeat_seconds_path: Option<(PathArg, Span)>,
    pub items: Option<(PathArg, Span)>,
    pub max_concurrency: Option<(Expr, Span)>,
    /// `distributed` or `distributed = "EXPRESS"`: a distributed Map's child execution type.
    pub distributed: Option<(String, Span)>,
    pub arguments: Option<(LitStr, Span)>,
    pub output_expr: Option<(LitStr, Span)>,
    pub raw: Option<Expr>,
    /// Every key given, with its span, for the checks of keys against state types.
    pub keys: Vec<(String, Span)>,
}

/// A `#[retry(..)]` attribute.
pub struct Retry {
    pub errors: Vec<LitStr>,
    pub interval_seconds: Option<Expr>,
    pub max_attempts: Option<Expr>,
    pub backoff_rate: Option<Expr>,
    pub max_delay_seconds: Option<Expr>,
    pub jitter: Option<LitStr>,
    pub span: Span,
}

/// A `#[catch(..)]` attribute.
pub struct Catch {
    pub errors: Vec<LitStr>,
    pub next: Ident,
    pub result_path: Option<ResultPath>,
    /// The type of the input with the error merged in at `result_path`.
    pub output: Option<Type>,
    pub span: Span,
}

/// A top-level Choice rule: `when(condition) => next`.
pub struct Rule {
    pub condition: Condition,
    pub next: Ident,
}

/// A Choice condition.
pub enum Condition {
    /// `field OP literal` or `field OP field(other)`.
    Compare {
        field: Vec<Ident>,
        operator: Operator,
        value: Operand,
        span: Span,
    },
    /// `present(field)`, `is_null(field)`, ...: the ASL test name.
    Test {
        field: Vec<Ident>,
        test: &'static str,
        span: Span,
    },
    /// `matches(field, "pattern*")`.
    Matches {
        field: Vec<Ident>,
        pattern: LitStr,
        span: Span,
    },
    And(Vec<Condition>),
    Or(Vec<Condition>),
    Not(Box<Condition>),
    /// A JSONata condition (`when("{% .. %}")`).
    Jsonata(LitStr),
}

/// A comparison operator.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// The right side of a comparison.
pub enum Operand {
    Literal(Expr),
    Field(Vec<Ident>, Span),
}
