//! The intrinsic call parser: `States.Name(arg, ...)`, positions counted in characters.

use super::IntrinsicError;
use super::ast::{Arg, ArgValue, Call, StringLiteral};
use crate::path::{parse_embedded, scan_number};

/// The prefix every intrinsic call starts with.
pub(crate) const PREFIX: &str = "States.";

/// Calls nested deeper than this are refused, so that no input can exhaust the stack. AWS
/// itself allows 10; that limit is a signature check, this one a parser guard.
const MAX_DEPTH: usize = 64;

/// Parses a whole field value as one intrinsic call.
pub(crate) fn parse(text: &str) -> Result<Call, IntrinsicError> {
    let chars: Vec<char> = text.chars().collect();
    let mut parser = Parser {
        chars: &chars,
        pos: 0,
        depth: 0,
    };
    if chars.first().is_some_and(|c| c.is_whitespace()) {
        return Err(parser.error(
            "an intrinsic call cannot start with whitespace: AWS reads a value as a call only \
             when it starts with `States.`; remove the whitespace",
        ));
    }
    let call = parser.call()?;
    parser.skip_whitespace();
    match parser.peek() {
        None => Ok(call),
        Some(c) => Err(parser.error(format!(
            "unexpected `{c}` after the end of the call; a field holds one call, and a `)` \
             may be missing or extra"
        ))),
    }
}

struct Parser<'a> {
    chars: &'a [char],
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn starts_with(&self, text: &str) -> bool {
        text.chars()
            .enumerate()
            .all(|(i, c)| self.chars.get(self.pos.saturating_add(i)) == Some(&c))
    }

    fn skip_whitespace(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    fn error(&self, message: impl Into<String>) -> IntrinsicError {
        IntrinsicError::new(self.pos, message)
    }

    // States.Name(arg, ...)
    fn call(&mut self) -> Result<Call, IntrinsicError> {
        let start = self.pos;
        if !self.starts_with(PREFIX) {
            let word: String = self
                .chars
                .get(self.pos..)
                .unwrap_or_default()
                .iter()
                .take(PREFIX.len())
                .collect();
            let message = if word.eq_ignore_ascii_case(PREFIX) {
                format!("intrinsic functions start with `States.` (capital `S`), not `{word}`")
            } else {
                "an intrinsic call starts with `States.`, as in `States.Format('{}', $.name)`"
                    .to_owned()
            };
            return Err(self.error(message));
        }
        self.pos += PREFIX.len();
        let mut name = String::new();
        while let Some(c) = self.peek().filter(char::is_ascii_alphanumeric) {
            name.push(c);
            self.pos += 1;
        }
        if name.is_empty() {
            return Err(self.error("expected a function name after `States.`"));
        }
        match self.peek() {
            Some('(') => self.pos += 1,
            Some(c) if c.is_whitespace() => {
                return Err(self.error(format!(
                    "remove the whitespace between `States.{name}` and `(`"
                )));
            }
            None => {
                return Err(self.error(format!(
                    "expected `(` after `States.{name}`; a call with no arguments is \
                     written `States.{name}()`"
                )));
            }
            Some(c) => {
                return Err(self.error(format!(
                    "unexpected `{c}` in a function name; expected `(` after `States.{name}`"
                )));
            }
        }
        let open = self.pos - 1;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(IntrinsicError::new(
                start,
                format!("intrinsic calls are nested more than {MAX_DEPTH} deep; AWS allows 10"),
            ));
        }
        let args = self.args(&name, open)?;
        self.depth -= 1;
        Ok(Call {
            name,
            args,
            position: start,
        })
    }

    // ( ) | ( arg , arg ... )
    fn args(&mut self, name: &str, open: usize) -> Result<Vec<Arg>, IntrinsicError> {
        let mut args = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(')') {
            self.pos += 1;
            return Ok(args);
        }
        loop {
            args.push(self.arg(name, open)?);
            self.skip_whitespace();
            match self.peek() {
                Some(',') => {
                    self.pos += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(')') {
                        return Err(
                            self.error("expected an argument after `,`; remove the trailing comma")
                        );
                    }
                }
                Some(')') => {
                    self.pos += 1;
                    return Ok(args);
                }
                None => {
                    return Err(self.error(format!(
                        "expected `)` to close the call of `States.{name}` opened at {open}"
                    )));
                }
                Some(c) => {
                    return Err(self.error(format!(
                        "unexpected `{c}` after an argument of `States.{name}`; \
                         expected `,` or `)`"
                    )));
                }
            }
        }
    }

    fn arg(&mut self, name: &str, open: usize) -> Result<Arg, IntrinsicError> {
        self.skip_whitespace();
        let position = self.pos;
        let value = match self.peek() {
            Some('\'') => ArgValue::String(self.string()?),
            Some(c) if c.is_ascii_digit() || c == '-' => {
                let (number, end) =
                    scan_number(self.chars, self.pos).map_err(|message| self.error(message))?;
                self.pos = end;
                ArgValue::Number(number)
            }
            Some('$') => {
                let (path, end) = parse_embedded(self.chars, self.pos)?;
                self.pos = end;
                ArgValue::Path(path)
            }
            Some(_) if self.starts_with(PREFIX) => ArgValue::Call(self.call()?),
            Some('"') => {
                return Err(
                    self.error("intrinsic strings are written in single quotes, as in `'text'`")
                );
            }
            Some(',') => return Err(self.error("expected an argument before `,`")),
            Some(c) if c.is_alphabetic() || c == '_' => {
                let mut word = String::new();
                while let Some(c) = self.peek().filter(|&c| c.is_alphanumeric() || c == '_') {
                    word.push(c);
                    self.pos += 1;
                }
                match word.as_str() {
                    "true" => ArgValue::Bool(true),
                    "false" => ArgValue::Bool(false),
                    "null" => ArgValue::Null,
                    _ if self.peek() == Some('.') && word.eq_ignore_ascii_case("states") => {
                        return Err(IntrinsicError::new(
                            position,
                            format!(
                                "intrinsic functions start with `States.` (capital `S`), \
                                 not `{word}.`"
                            ),
                        ));
                    }
                    _ => {
                        return Err(IntrinsicError::new(
                            position,
                            format!(
                                "`{word}` is not an argument: quote text in single quotes \
                                 (`'{word}'`), or start a path with `$` (`$.{word}`)"
                            ),
                        ));
                    }
                }
            }
            None => {
                return Err(self.error(format!(
                    "expected an argument, then `)` to close the call of `States.{name}` \
                     opened at {open}"
                )));
            }
            Some(c) => {
                return Err(self.error(format!(
                    "unexpected `{c}`; an argument is a 'string', a number, true, false, null, \
                     a path starting with `$`, or a `States.` call"
                )));
            }
        };
        Ok(Arg { value, position })
    }

    /// A string in single quotes. AWS knows four escapes, `\'`, `\{`, `\}` and `\\`, and
    /// rejects any other backslash.
    fn string(&mut self) -> Result<StringLiteral, IntrinsicError> {
        let open = self.pos;
        self.pos += 1;
        let mut value = String::new();
        let mut placeholders = Vec::new();
        loop {
            let Some(c) = self.peek() else {
                return Err(IntrinsicError::new(
                    open,
                    format!("the string opened at {open} is not closed; add a closing `'`"),
                ));
            };
            match c {
                '\'' => {
                    self.pos += 1;
                    return Ok(StringLiteral {
                        value,
                        placeholders,
                    });
                }
                '\\' => {
                    let escaped = self.chars.get(self.pos + 1).copied();
                    match escaped {
                        Some(e @ ('\'' | '{' | '}' | '\\')) => {
                            value.push(e);
                            self.pos += 2;
                        }
                        Some(other) => {
                            return Err(self.error(format!(
                                "`\\{other}` is not an escape in an intrinsic string: only \
                                 `\\'`, `\\{{`, `\\}}` and `\\\\` are; write `{other}` without \
                                 the backslash, or `\\\\` for a backslash"
                            )));
                        }
                        None => {
                            return Err(IntrinsicError::new(
                                open,
                                format!(
                                    "the string opened at {open} is not closed; add a \
                                     closing `'`"
                                ),
                            ));
                        }
                    }
                }
                '{' if self.chars.get(self.pos + 1) == Some(&'}') => {
                    placeholders.push(value.len());
                    value.push_str("{}");
                    self.pos += 2;
                }
                c => {
                    value.push(c);
                    self.pos += 1;
                }
            }
        }
    }
}
