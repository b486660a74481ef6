//! The JSONPath syntax tree (Jayway dialect, as Step Functions reads it) and its canonical text.

use crate::value::Str;
use std::fmt::{self, Display, Formatter, Write as _};

/// A parsed JSONPath: where it starts and the steps it takes from there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Path {
    /// Where the path starts: the state input, the context object or a variable.
    pub root: Root,
    /// The steps from the root, in text order.
    pub segments: Vec<Segment>,
}

/// Where a path starts.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Root {
    /// `$`: the state input (or, inside a filter, the document the filter runs on).
    Input,
    /// `$$`: the context object.
    Context,
    /// `$name`: a workflow variable set by `Assign`.
    Variable(String),
}

/// One step of a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// `.name`, `[...]`: selects among the children of each current node.
    Child(Selector),
    /// `..name`, `..[...]`: selects among all the descendants of each current node.
    Descendant(Selector),
}

/// What a segment selects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selector {
    /// `.name` or `['name']`: the member with this name.
    Name(Str),
    /// `[2]` or `[-1]`: the element at this index, negative counting from the end.
    Index(i64),
    /// `[start:end:step]`: the elements of a range, each bound optional.
    Slice {
        /// The first index taken (`[1:]`); from the start when absent.
        start: Option<i64>,
        /// The index where the range stops, not taken (`[:3]`); to the end when absent.
        end: Option<i64>,
        /// The distance between taken indexes (`[::2]`); 1 when absent.
        step: Option<i64>,
    },
    /// `*`, `[*]`: every member or element.
    Wildcard,
    /// `[0,2]` or `['a','b']`: several indexes, or several names.
    Union(Vec<Selector>),
    /// `[?(...)]`: the members or elements for which the condition holds.
    Filter(FilterExpr),
}

/// The condition of a filter `[?(...)]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilterExpr {
    /// `a || b`.
    Or(Box<FilterExpr>, Box<FilterExpr>),
    /// `a && b`.
    And(Box<FilterExpr>, Box<FilterExpr>),
    /// `!a`.
    Not(Box<FilterExpr>),
    /// `@.isbn`: holds when the path finds a value.
    Exists(FilterPath),
    /// `@.price < 10`: a comparison of two operands.
    Compare {
        /// The operand before the operator.
        left: Operand,
        /// The operator.
        op: CompareOp,
        /// The operand after the operator.
        right: Operand,
    },
}

/// A path inside a filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilterPath {
    /// `@...`: relative to the item being tested.
    Current(Vec<Segment>),
    /// `$...`, `$$...` or `$name...`: from a root, as outside filters.
    Root(Path),
}

/// One side of a filter comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Operand {
    /// A path whose value is compared.
    Path(FilterPath),
    /// A constant.
    Literal(Literal),
}

/// A constant in a filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Literal {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// `10`, `-1.5`, `2e3`.
    Number(serde_json::Number),
    /// `'text'` or `"text"`; also an unquoted word (`@.key == Foo`), which AWS accepts.
    String(String),
    /// `/pattern/flags`, the right side of `=~`; the pattern is kept as written.
    Regex {
        /// The text between the slashes, escapes kept.
        pattern: String,
        /// The letters after the closing slash, such as `i`.
        flags: String,
    },
    /// `['a', 'b']`, the right side of `in`, `nin`, `anyof` and the like.
    List(Vec<Literal>),
}

/// A filter comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CompareOp {
    /// `==`.
    Eq,
    /// `===`: equal and of the same type.
    StrictEq,
    /// `!=`.
    Ne,
    /// `!==`: not equal, or not of the same type.
    StrictNe,
    /// `<`.
    Lt,
    /// `<=`.
    Le,
    /// `>`.
    Gt,
    /// `>=`.
    Ge,
    /// `=~`: the left side matches the regular expression on the right.
    Regex,
    /// `in`: the left side is one of the values on the right.
    In,
    /// `nin`: the left side is none of the values on the right.
    Nin,
    /// `subsetof`: every element of the left side is on the right.
    SubsetOf,
    /// `anyof`: the two sides share an element.
    AnyOf,
    /// `noneof`: the two sides share no element.
    NoneOf,
    /// `contains`: the left side (string or array) contains the right side.
    Contains,
    /// `size`: the left side has the length given on the right.
    Size,
    /// `empty`: the left side is empty (right `true`) or not (right `false`).
    Empty,
}

impl CompareOp {
    /// The operator as written in a filter.
    pub fn as_str(self) -> &'static str {
        match self {
            CompareOp::Eq => "==",
            CompareOp::StrictEq => "===",
            CompareOp::Ne => "!=",
            CompareOp::StrictNe => "!==",
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
            CompareOp::Regex => "=~",
            CompareOp::In => "in",
            CompareOp::Nin => "nin",
            CompareOp::SubsetOf => "subsetof",
            CompareOp::AnyOf => "anyof",
            CompareOp::NoneOf => "noneof",
            CompareOp::Contains => "contains",
            CompareOp::Size => "size",
            CompareOp::Empty => "empty",
        }
    }
}

impl Path {
    /// Whether the path names at most one value (Jayway's rule): it has no wildcard, recursive
    /// descent, slice, union or filter. A definite path yields a value, an indefinite one an
    /// array of the values found.
    pub fn is_definite(&self) -> bool {
        self.segments.iter().all(|segment| {
            matches!(
                segment,
                Segment::Child(Selector::Name(_) | Selector::Index(_))
            )
        })
    }
}

impl Display for Path {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.root)?;
        write_segments(f, &self.segments)
    }
}

impl Display for Root {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Root::Input => f.write_str("$"),
            Root::Context => f.write_str("$$"),
            Root::Variable(name) => write!(f, "${name}"),
        }
    }
}

impl Display for Segment {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Segment::Child(Selector::Name(name)) if is_plain_name(name) => write!(f, ".{name}"),
            Segment::Child(selector) => write!(f, "{selector}"),
            Segment::Descendant(Selector::Name(name)) if is_plain_name(name) => {
                write!(f, "..{name}")
            }
            Segment::Descendant(Selector::Wildcard) => f.write_str("..*"),
            Segment::Descendant(selector) => write!(f, "..{selector}"),
        }
    }
}

/// Renders a selector in bracket form, which every selector has.
impl Display for Selector {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_char('[')?;
        write_bracket_body(f, self)?;
        f.write_char(']')
    }
}

fn write_bracket_body(f: &mut Formatter<'_>, selector: &Selector) -> fmt::Result {
    match selector {
        Selector::Name(name) => write_quoted(f, name),
        Selector::Index(index) => write!(f, "{index}"),
        Selector::Slice { start, end, step } => {
            if let Some(start) = start {
                write!(f, "{start}")?;
            }
            f.write_char(':')?;
            if let Some(end) = end {
                write!(f, "{end}")?;
            }
            if let Some(step) = step {
                write!(f, ":{step}")?;
            }
            Ok(())
        }
        Selector::Wildcard => f.write_char('*'),
        Selector::Union(members) => {
            for (i, member) in members.iter().enumerate() {
                if i > 0 {
                    f.write_char(',')?;
                }
                write_bracket_body(f, member)?;
            }
            Ok(())
        }
        Selector::Filter(expr) => write!(f, "?({expr})"),
    }
}

fn write_segments(f: &mut Formatter<'_>, segments: &[Segment]) -> fmt::Result {
    segments
        .iter()
        .try_for_each(|segment| write!(f, "{segment}"))
}

/// A name that reads back the same in dot form (`.name`) in every context, filters included.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// A quoted name in brackets: the quote and the backslash are the only escapes it needs.
fn write_quoted(f: &mut Formatter<'_>, name: &str) -> fmt::Result {
    f.write_char('\'')?;
    for c in name.chars() {
        if c == '\'' || c == '\\' {
            f.write_char('\\')?;
        }
        f.write_char(c)?;
    }
    f.write_char('\'')
}

impl Display for FilterExpr {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            FilterExpr::Or(left, right) => write!(f, "{left} || {right}"),
            FilterExpr::And(left, right) => {
                write_operand_of_and(f, left)?;
                f.write_str(" && ")?;
                write_operand_of_and(f, right)
            }
            FilterExpr::Not(inner) => match inner.as_ref() {
                FilterExpr::Exists(path) => write!(f, "!{path}"),
                other => write!(f, "!({other})"),
            },
            FilterExpr::Exists(path) => write!(f, "{path}"),
            FilterExpr::Compare { left, op, right } => {
                write!(f, "{left} {} {right}", op.as_str())
            }
        }
    }
}

/// `&&` binds tighter than `||`, so an `||` under an `&&` needs parentheses.
fn write_operand_of_and(f: &mut Formatter<'_>, expr: &FilterExpr) -> fmt::Result {
    match expr {
        FilterExpr::Or(..) => write!(f, "({expr})"),
        _ => write!(f, "{expr}"),
    }
}

impl Display for FilterPath {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            FilterPath::Current(segments) => {
                f.write_char('@')?;
                write_segments(f, segments)
            }
            FilterPath::Root(path) => write!(f, "{path}"),
        }
    }
}

impl Display for Operand {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Operand::Path(path) => write!(f, "{path}"),
            Operand::Literal(literal) => write!(f, "{literal}"),
        }
    }
}

impl Display for Literal {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Literal::Null => f.write_str("null"),
            Literal::Bool(value) => write!(f, "{value}"),
            Literal::Number(number) => write!(f, "{number}"),
            Literal::String(text) => {
                f.write_char('\'')?;
                for c in text.chars() {
                    match c {
                        '\'' => f.write_str("\\'")?,
                        '\\' => f.write_str("\\\\")?,
                        '\n' => f.write_str("\\n")?,
                        '\r' => f.write_str("\\r")?,
                        '\t' => f.write_str("\\t")?,
                        c if c.is_control() => write!(f, "\\u{:04x}", u32::from(c))?,
                        c => f.write_char(c)?,
                    }
                }
                f.write_char('\'')
            }
            Literal::Regex { pattern, flags } => write!(f, "/{pattern}/{flags}"),
            Literal::List(items) => {
                f.write_char('[')?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_char(']')
            }
        }
    }
}
