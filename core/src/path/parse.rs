//! The JSONPath parser: recursive descent over the characters, positions counted in characters.

use super::ast::{Path, Root, Segment, Selector};
use super::error::PathError;

/// Filters, parentheses and list literals nested deeper than this are refused, so that no
/// input can exhaust the stack.
const MAX_DEPTH: usize = 64;

/// Where a path is read; it decides which characters end a dot name (`.name`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mode {
    /// A whole field value such as `InputPath`.
    Field,
    /// An argument of an intrinsic function: quotes also end a name.
    Intrinsic,
    /// An operand in a filter: quotes and operator characters also end a name.
    Filter,
}

/// A path, and the character offset where each of its segments starts.
pub(crate) type Spanned = (Path, Vec<usize>);

/// Parses a whole field value as a path.
pub(crate) fn parse_field(text: &str) -> Result<Spanned, PathError> {
    let chars: Vec<char> = text.chars().collect();
    let mut parser = Parser::new(&chars, 0);
    if chars.first().is_some_and(|c| c.is_whitespace()) {
        return Err(PathError::new(
            0,
            "a path cannot start with whitespace; remove it so the path starts with `$`",
        ));
    }
    let spanned = parser.path(Mode::Field)?;
    match parser.peek() {
        None => Ok(spanned),
        Some(c) => Err(parser.trailing_error(c)),
    }
}

/// Parses the path that starts at `start` in the text of an intrinsic call, and returns it
/// with the offset of the first character after it.
pub(crate) fn parse_embedded(chars: &[char], start: usize) -> Result<(Path, usize), PathError> {
    let mut parser = Parser::new(chars, start);
    let (path, _) = parser.path(Mode::Intrinsic)?;
    Ok((path, parser.pos))
}

/// The state of one parse; the filter grammar is in `filter.rs`.
pub(super) struct Parser<'a> {
    pub(super) chars: &'a [char],
    pub(super) pos: usize,
    depth: usize,
}

impl<'a> Parser<'a> {
    fn new(chars: &'a [char], pos: usize) -> Self {
        Parser {
            chars,
            pos,
            depth: 0,
        }
    }

    pub(super) fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    pub(super) fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos.saturating_add(ahead)).copied()
    }

    pub(super) fn starts_with(&self, text: &str) -> bool {
        text.chars()
            .enumerate()
            .all(|(i, c)| self.peek_at(i) == Some(c))
    }

    pub(super) fn skip_whitespace(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    pub(super) fn error(&self, message: impl Into<String>) -> PathError {
        PathError::new(self.pos, message)
    }

    /// Counts one more level of nesting, refusing to go past [`MAX_DEPTH`].
    pub(super) fn enter(&mut self) -> Result<(), PathError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(format!(
                "the path nests filters, parentheses or lists more than {MAX_DEPTH} deep; \
                 simplify it"
            )));
        }
        Ok(())
    }

    pub(super) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    // $ | $$ | $name, then segments
    pub(super) fn path(&mut self, mode: Mode) -> Result<Spanned, PathError> {
        let root = self.root(mode)?;
        let (segments, spans) = self.segments(mode)?;
        Ok((Path { root, segments }, spans))
    }

    fn root(&mut self, mode: Mode) -> Result<Root, PathError> {
        match self.peek() {
            None if self.pos == 0 => {
                Err(self
                    .error("a path cannot be empty; write `$` for the whole input, or `$.field`"))
            }
            None => Err(self.error("expected a path starting with `$`")),
            Some('$') => {
                self.pos += 1;
                match self.peek() {
                    // $$
                    Some('$') => {
                        self.pos += 1;
                        match self.peek() {
                            Some(c) if !ends_name(c, mode) && c != '*' => Err(self.error(
                                "`$$` (the context object) is followed by `.` or `[`, \
                                 as in `$$.Execution.Id`",
                            )),
                            _ => Ok(Root::Context),
                        }
                    }
                    // $name
                    Some(c) if c.is_alphabetic() || c == '_' => {
                        let mut name = String::new();
                        while let Some(c) = self.peek().filter(|&c| is_variable_char(c)) {
                            name.push(c);
                            self.pos += 1;
                        }
                        Ok(Root::Variable(name))
                    }
                    Some(c) if c.is_numeric() => {
                        let word: String = self
                            .chars
                            .get(self.pos..)
                            .unwrap_or_default()
                            .iter()
                            .take_while(|&&c| is_variable_char(c))
                            .collect();
                        Err(self.error(format!(
                            "a variable name cannot start with a digit (`${word}`); to read \
                             the input write `$.{word}`, or `$[{word}]` for an index"
                        )))
                    }
                    _ => Ok(Root::Input),
                }
            }
            Some('@') if mode != Mode::Filter => Err(self.error(
                "`@` (the current item) only has a meaning inside a filter `[?(...)]`; \
                 start the path with `$`",
            )),
            Some(_) => Err(self.error(self.root_hint(mode))),
        }
    }

    fn root_hint(&self, mode: Mode) -> String {
        let rest: String = self
            .chars
            .get(self.pos..)
            .unwrap_or_default()
            .iter()
            .collect();
        let base = "a path starts with `$` (the input), `$$` (the context object) or `$name` \
                    (a variable)";
        if mode == Mode::Field && rest.starts_with("States.") {
            return format!(
                "{base}; this field takes a path, not an intrinsic call such as `States.Format`"
            );
        }
        let suggestion = match rest.chars().next() {
            _ if mode != Mode::Field || rest.chars().count() > 60 => None,
            Some('.') => Some(format!("${rest}")),
            Some(c) if c.is_alphabetic() || c == '_' => Some(format!("$.{rest}")),
            _ => None,
        };
        // Only a suggestion that is itself a path is worth making. It starts with `$`, so
        // this reaches no further than one level.
        match suggestion.filter(|suggestion| parse_field(suggestion).is_ok()) {
            Some(suggestion) => format!("{base}; did you mean `{suggestion}`?"),
            None => base.to_owned(),
        }
    }

    pub(super) fn segments(&mut self, mode: Mode) -> Result<(Vec<Segment>, Vec<usize>), PathError> {
        let mut segments = Vec::new();
        let mut spans = Vec::new();
        loop {
            let start = self.pos;
            let segment = match (self.peek(), self.peek_at(1)) {
                (Some('.'), Some('.')) => {
                    self.pos += 2;
                    Segment::Descendant(self.after_double_dot(start, mode)?)
                }
                (Some('.'), _) => {
                    self.pos += 1;
                    Segment::Child(self.after_dot(start, mode)?)
                }
                (Some('['), _) => Segment::Child(self.bracket()?),
                _ => break,
            };
            segments.push(segment);
            spans.push(start);
        }
        Ok((segments, spans))
    }

    // .name | .* | .[...]  (Jayway reads `$.[0]` as `$[0]`, and AWS accepts it)
    fn after_dot(&mut self, dot: usize, mode: Mode) -> Result<Selector, PathError> {
        match self.peek() {
            Some('*') => {
                self.pos += 1;
                Ok(Selector::Wildcard)
            }
            Some('[') => self.bracket(),
            Some(c) if !ends_name(c, mode) => Ok(Selector::Name(self.name(mode)?.into())),
            // In a call or a filter, `)` `,` or an operator right after the dot ends the path.
            None => Err(PathError::new(
                dot,
                "a path cannot end with `.`; name a field after it, as in `$.field`",
            )),
            Some(c) if mode != Mode::Field && !c.is_whitespace() && c != ']' => {
                Err(PathError::new(
                    dot,
                    "a path cannot end with `.`; name a field after it, as in `$.field`",
                ))
            }
            Some(c) if c.is_whitespace() => Err(self.error(format!(
                "expected a field name after the `.` at {dot}, found whitespace; \
                 a name with spaces goes in brackets, as in `$['my field']`"
            ))),
            Some(c) => Err(self.error(format!(
                "expected a field name after the `.` at {dot}, found `{c}`; a name with \
                 this character goes in quotes and brackets, as in `$['{c}']`"
            ))),
        }
    }

    // ..name | ..* | ..[...]
    fn after_double_dot(&mut self, dots: usize, mode: Mode) -> Result<Selector, PathError> {
        match self.peek() {
            Some('*') => {
                self.pos += 1;
                Ok(Selector::Wildcard)
            }
            Some('[') => self.bracket(),
            Some('.') => Err(self.error(
                "`...` is not valid; a recursive descent is two dots followed by a name, \
                 as in `$..field`",
            )),
            Some(c) if !ends_name(c, mode) => Ok(Selector::Name(self.name(mode)?.into())),
            None => Err(PathError::new(
                dots,
                "a path cannot end with `..`; name the field to search for, as in `$..field`, \
                 or write `$..*`",
            )),
            Some(c) => Err(self.error(format!(
                "expected a field name, `*` or `[` after the `..` at {dots}, found `{c}`"
            ))),
        }
    }

    fn name(&mut self, mode: Mode) -> Result<String, PathError> {
        let mut name = String::new();
        while let Some(c) = self.peek().filter(|&c| !ends_name(c, mode)) {
            name.push(c);
            self.pos += 1;
        }
        if self.peek() == Some('(') {
            return Err(self.error(format!(
                "JSONPath functions such as `{name}()` are not supported in Step Functions \
                 paths; use an intrinsic such as `States.ArrayLength($.items)` instead"
            )));
        }
        Ok(name)
    }

    // ['a'] | ['a','b'] | [0] | [0,1] | [1:3] | [::2] | [*] | [?(...)] | [(@.length-1)]
    fn bracket(&mut self) -> Result<Selector, PathError> {
        let open = self.pos;
        self.pos += 1;
        self.skip_whitespace();
        let selector = match self.peek() {
            None => {
                return Err(self.error(format!(
                    "the bracket opened at {open} is not closed; write an index, a quoted \
                     name, `*` or `?(...)` and then `]`"
                )));
            }
            Some(']') => {
                return Err(PathError::new(
                    open,
                    "empty brackets `[]`; put an index such as `[0]`, a quoted name such as \
                     `['a']`, `*` or a filter `[?(...)]` inside",
                ));
            }
            Some(quote @ ('\'' | '"')) => self.quoted_names(quote, open)?,
            Some('*') => {
                self.pos += 1;
                Selector::Wildcard
            }
            Some('?') => self.filter(open)?,
            Some('(') => self.script(open)?,
            Some(c) if c.is_ascii_digit() || c == '-' || c == ':' => self.indexes(open)?,
            Some(c) if c.is_alphabetic() || c == '_' => {
                let word: String = self
                    .chars
                    .get(self.pos..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|&&c| c.is_alphanumeric() || c == '_' || c == '-')
                    .collect();
                return Err(self.error(format!(
                    "a name in brackets must be quoted: write `['{word}']`"
                )));
            }
            Some(c) => {
                return Err(self.error(format!(
                    "unexpected `{c}` in the bracket opened at {open}; expected an index, \
                     a quoted name, `*` or `?(...)`"
                )));
            }
        };
        self.close_bracket(open)?;
        Ok(selector)
    }

    fn close_bracket(&mut self, open: usize) -> Result<(), PathError> {
        self.skip_whitespace();
        match self.peek() {
            Some(']') => {
                self.pos += 1;
                Ok(())
            }
            None => Err(self.error(format!(
                "expected `]` to close the bracket opened at {open}"
            ))),
            Some(c) => Err(self.error(format!(
                "expected `]` to close the bracket opened at {open}, found `{c}`"
            ))),
        }
    }

    fn quoted_names(&mut self, first_quote: char, open: usize) -> Result<Selector, PathError> {
        let mut names = vec![self.quoted_name(first_quote)?];
        loop {
            self.skip_whitespace();
            if self.peek() != Some(',') {
                break;
            }
            self.pos += 1;
            self.skip_whitespace();
            match self.peek() {
                Some(quote @ ('\'' | '"')) => names.push(self.quoted_name(quote)?),
                Some(c) if c.is_ascii_digit() || c == '-' => {
                    return Err(self.error(
                        "a union lists either quoted names or indexes, not both; \
                         use two paths instead",
                    ));
                }
                _ => {
                    return Err(self.error(format!(
                        "expected a quoted name after the `,` in the bracket opened at {open}"
                    )));
                }
            }
        }
        Ok(match <[String; 1]>::try_from(names) {
            Ok([name]) => Selector::Name(name.into()),
            Err(names) => Selector::Union(
                names
                    .into_iter()
                    .map(|name| Selector::Name(name.into()))
                    .collect(),
            ),
        })
    }

    /// A name in quotes. A backslash before the quote or before another backslash escapes it;
    /// any other backslash is kept as written, which is how AWS reads `$['a\"b']` (the key
    /// `a\"b`, as a recorded execution shows).
    fn quoted_name(&mut self, quote: char) -> Result<String, PathError> {
        let open = self.pos;
        self.pos += 1;
        let mut name = String::new();
        loop {
            let Some(c) = self.peek() else {
                return Err(PathError::new(
                    open,
                    format!("the name quoted at {open} is not closed; add a closing `{quote}`"),
                ));
            };
            self.pos += 1;
            if c == quote {
                return Ok(name);
            }
            if c == '\\' {
                match self.peek() {
                    Some(next) if next == quote || next == '\\' => {
                        name.push(next);
                        self.pos += 1;
                    }
                    _ => name.push('\\'),
                }
            } else {
                name.push(c);
            }
        }
    }

    // [0] | [0,1] | [start:end:step]
    fn indexes(&mut self, open: usize) -> Result<Selector, PathError> {
        let first = self.optional_integer()?;
        self.skip_whitespace();
        match self.peek() {
            Some(':') => {
                self.pos += 1;
                let end = self.optional_integer()?;
                self.skip_whitespace();
                let mut step = None;
                if self.peek() == Some(':') {
                    let colon = self.pos;
                    self.pos += 1;
                    step = self.optional_integer()?;
                    if step == Some(0) {
                        return Err(PathError::new(
                            colon + 1,
                            "a slice step cannot be 0; use 1 or leave it out",
                        ));
                    }
                }
                Ok(Selector::Slice {
                    start: first,
                    end,
                    step,
                })
            }
            Some(',') => {
                let Some(first) = first else {
                    return Err(self.error("expected an index before `,`"));
                };
                let mut indexes = vec![Selector::Index(first)];
                while self.peek() == Some(',') {
                    self.pos += 1;
                    self.skip_whitespace();
                    if matches!(self.peek(), Some('\'' | '"')) {
                        return Err(self.error(
                            "a union lists either indexes or quoted names, not both; \
                             use two paths instead",
                        ));
                    }
                    match self.optional_integer()? {
                        Some(index) => indexes.push(Selector::Index(index)),
                        None => {
                            return Err(self.error(format!(
                                "expected an index after the `,` in the bracket opened at {open}"
                            )));
                        }
                    }
                    self.skip_whitespace();
                }
                Ok(Selector::Union(indexes))
            }
            _ => match first {
                Some(index) => Ok(Selector::Index(index)),
                None => Err(self.error("expected an index")),
            },
        }
    }

    /// An integer such as `3` or `-1`, or nothing (a slice bound left out).
    fn optional_integer(&mut self) -> Result<Option<i64>, PathError> {
        self.skip_whitespace();
        let start = self.pos;
        let mut text = String::new();
        if self.peek() == Some('-') {
            text.push('-');
            self.pos += 1;
        }
        while let Some(c) = self.peek().filter(char::is_ascii_digit) {
            text.push(c);
            self.pos += 1;
        }
        match text.as_str() {
            "" => Ok(None),
            "-" => Err(self.error("expected digits after `-`")),
            _ => text
                .parse()
                .map(Some)
                .map_err(|_| PathError::new(start, format!("the index `{text}` is too large"))),
        }
    }

    // (@.length-N): a script expression some old definitions use for `[-N]`
    fn script(&mut self, open: usize) -> Result<Selector, PathError> {
        let start = self.pos;
        let unsupported = || {
            PathError::new(
                start,
                format!(
                    "the script expression in the bracket opened at {open} is not supported; \
                     only `(@.length-N)` is, and `[-N]` says the same"
                ),
            )
        };
        self.pos += 1;
        self.skip_whitespace();
        if !self.starts_with("@.length") {
            return Err(unsupported());
        }
        self.pos += "@.length".len();
        self.skip_whitespace();
        if self.peek() != Some('-') {
            return Err(unsupported());
        }
        self.pos += 1;
        self.skip_whitespace();
        let offset = match self.optional_integer()? {
            Some(offset) if offset > 0 => offset,
            _ => return Err(unsupported()),
        };
        self.skip_whitespace();
        if self.peek() != Some(')') {
            return Err(unsupported());
        }
        self.pos += 1;
        Ok(Selector::Index(-offset))
    }

    /// The error for a character left over after a complete field path.
    fn trailing_error(&self, c: char) -> PathError {
        let message = match c {
            c if c.is_whitespace() => "unexpected whitespace; a field name with spaces goes in \
                 brackets, as in `$['my field']`"
                .to_owned(),
            ']' => "unexpected `]`: no bracket is open here".to_owned(),
            c => format!(
                "unexpected `{c}`; a path continues with `.name`, `['name']`, `[index]`, \
                 `[*]` or `..name`"
            ),
        };
        self.error(message)
    }
}

/// Whether `c` ends a dot name (`.name`) where a path of this mode is read.
fn ends_name(c: char, mode: Mode) -> bool {
    if c.is_whitespace() || matches!(c, '.' | '[' | ']' | '(' | ')' | ',') {
        return true;
    }
    match mode {
        Mode::Field => false,
        Mode::Intrinsic => matches!(c, '\'' | '"'),
        Mode::Filter => matches!(c, '\'' | '"' | '=' | '!' | '<' | '>' | '~' | '&' | '|'),
    }
}

fn is_variable_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}
