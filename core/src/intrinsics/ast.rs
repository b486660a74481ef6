//! The syntax tree of an intrinsic call (`States.Format('{}', $.name)`) and its canonical text.

use std::fmt::{self, Display, Formatter, Write as _};

use crate::path::Path;

/// A call of a `States.*` intrinsic function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Call {
    /// The function name after `States.`, as written (`Format` in `States.Format(...)`).
    pub name: String,
    /// The arguments, in order.
    pub args: Vec<Arg>,
    /// The offset of the `S` of `States.` in the text, in characters.
    pub position: usize,
}

/// One argument of a call, with where it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arg {
    /// The argument itself.
    pub value: ArgValue,
    /// The offset of its first character in the text, in characters.
    pub position: usize,
}

/// What an argument is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArgValue {
    /// `'text'`, with its escapes resolved.
    String(StringLiteral),
    /// `42`, `-1.5`.
    Number(serde_json::Number),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    Null,
    /// `$.a`, `$$.Execution.Id`, `$var`: the value the path selects.
    Path(Path),
    /// A nested call, whose result is the argument.
    Call(Call),
}

/// A string literal: its text, and where its unescaped `{}` placeholders are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StringLiteral {
    /// The text with escapes resolved (`'a\{b'` gives `a{b`).
    pub value: String,
    /// The byte offset in `value` of each `{}` written without escapes, in order. These are the
    /// placeholders `States.Format` fills; an escaped `\{}` is text.
    pub placeholders: Vec<usize>,
}

impl StringLiteral {
    /// The text around the placeholders: one more part than there are placeholders.
    pub fn template_parts(&self) -> Vec<&str> {
        let mut parts = Vec::with_capacity(self.placeholders.len() + 1);
        let mut from = 0;
        for &at in &self.placeholders {
            parts.push(self.value.get(from..at).unwrap_or_default());
            from = at.saturating_add(2);
        }
        parts.push(self.value.get(from..).unwrap_or_default());
        parts
    }
}

impl ArgValue {
    /// A short description for error messages: "the string `'x'`", "a path".
    pub(crate) fn describe(&self) -> String {
        match self {
            ArgValue::String(literal) => format!("the string `{literal}`"),
            ArgValue::Number(number) => format!("the number `{number}`"),
            ArgValue::Bool(value) => format!("`{value}`"),
            ArgValue::Null => "`null`".to_owned(),
            ArgValue::Path(path) => format!("the path `{path}`"),
            ArgValue::Call(call) => format!("a call of `States.{}`", call.name),
        }
    }

    /// Whether the argument is written out in the text, rather than computed at run time.
    pub(crate) fn is_literal(&self) -> bool {
        !matches!(self, ArgValue::Path(_) | ArgValue::Call(_))
    }
}

impl Display for Call {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "States.{}(", self.name)?;
        for (i, arg) in self.args.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{}", arg.value)?;
        }
        f.write_char(')')
    }
}

impl Display for ArgValue {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            ArgValue::String(literal) => write!(f, "{literal}"),
            ArgValue::Number(number) => write!(f, "{number}"),
            ArgValue::Bool(value) => write!(f, "{value}"),
            ArgValue::Null => f.write_str("null"),
            ArgValue::Path(path) => write!(f, "{path}"),
            ArgValue::Call(call) => write!(f, "{call}"),
        }
    }
}

/// Writes the literal in quotes, escaping every brace that is not a placeholder.
impl Display for StringLiteral {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_char('\'')?;
        for (i, part) in self.template_parts().into_iter().enumerate() {
            if i > 0 {
                f.write_str("{}")?;
            }
            for c in part.chars() {
                if matches!(c, '\'' | '{' | '}' | '\\') {
                    f.write_char('\\')?;
                }
                f.write_char(c)?;
            }
        }
        f.write_char('\'')
    }
}
