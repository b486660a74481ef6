//! The filter grammar of JSONPath (`[?(@.price < 10 && @.isbn)]`) and its literals.

use super::ast::{CompareOp, FilterExpr, FilterPath, Literal, Operand, Selector};
use super::error::PathError;
use super::parse::{Mode, Parser};

/// Reads a JSON-style number (`-12`, `1.5`, `2e-3`) at `start`: its value and the offset after
/// it. Shared with the intrinsic parser, whose numbers have the same form.
pub(crate) fn scan_number(
    chars: &[char],
    start: usize,
) -> Result<(serde_json::Number, usize), String> {
    let mut pos = start;
    let mut text = String::new();
    let take_digits = |pos: &mut usize, text: &mut String| {
        let before = *pos;
        while let Some(&c) = chars.get(*pos).filter(|c| c.is_ascii_digit()) {
            text.push(c);
            *pos += 1;
        }
        *pos > before
    };
    if chars.get(pos) == Some(&'-') {
        text.push('-');
        pos += 1;
    }
    if !take_digits(&mut pos, &mut text) {
        return Err("expected digits in the number".to_owned());
    }
    if chars.get(pos) == Some(&'.') {
        text.push('.');
        pos += 1;
        if !take_digits(&mut pos, &mut text) {
            return Err(format!(
                "expected digits after the decimal point in `{text}`"
            ));
        }
    }
    if let Some(&e) = chars.get(pos).filter(|&&c| c == 'e' || c == 'E') {
        text.push(e);
        pos += 1;
        if let Some(&sign) = chars.get(pos).filter(|&&c| c == '+' || c == '-') {
            text.push(sign);
            pos += 1;
        }
        if !take_digits(&mut pos, &mut text) {
            return Err(format!("expected digits in the exponent of `{text}`"));
        }
    }
    match text.parse::<serde_json::Number>() {
        Ok(number) => Ok((number, pos)),
        Err(_) => Err(format!(
            "`{text}` is not a valid number (no leading zeros, and within the range of a double)"
        )),
    }
}

impl Parser<'_> {
    // ?( condition )
    pub(super) fn filter(&mut self, open: usize) -> Result<Selector, PathError> {
        self.pos += 1;
        self.skip_whitespace();
        if self.peek() != Some('(') {
            return Err(self.error("a filter is written `[?(condition)]`; expected `(` after `?`"));
        }
        let paren = self.pos;
        self.pos += 1;
        self.enter()?;
        let expr = self.or_expr()?;
        self.skip_whitespace();
        match self.peek() {
            Some(')') => self.pos += 1,
            None => {
                return Err(self.error(format!(
                    "expected `)` to close the filter opened at {paren}, then `]` to close \
                     the bracket opened at {open}"
                )));
            }
            Some(c) => {
                return Err(self.error(format!(
                    "unexpected `{c}` in the filter opened at {paren}; conditions are joined \
                     with `&&` or `||`"
                )));
            }
        }
        self.leave();
        Ok(Selector::Filter(expr))
    }

    fn or_expr(&mut self) -> Result<FilterExpr, PathError> {
        let mut left = self.and_expr()?;
        loop {
            self.skip_whitespace();
            if !self.starts_with("||") {
                return Ok(left);
            }
            self.pos += 2;
            let right = self.and_expr()?;
            left = FilterExpr::Or(Box::new(left), Box::new(right));
        }
    }

    fn and_expr(&mut self) -> Result<FilterExpr, PathError> {
        let mut left = self.unary()?;
        loop {
            self.skip_whitespace();
            if self.starts_with("&&") {
                self.pos += 2;
                let right = self.unary()?;
                left = FilterExpr::And(Box::new(left), Box::new(right));
            } else if matches!(self.peek(), Some('&' | '|')) && !self.starts_with("||") {
                let c = self.peek().unwrap_or('&');
                return Err(
                    self.error(format!("write `{c}{c}`; a single `{c}` is not an operator"))
                );
            } else {
                return Ok(left);
            }
        }
    }

    // !unary | ( or ) | comparison
    fn unary(&mut self) -> Result<FilterExpr, PathError> {
        self.skip_whitespace();
        self.enter()?;
        let expr = match self.peek() {
            Some('!') if self.peek_at(1) != Some('=') => {
                self.pos += 1;
                FilterExpr::Not(Box::new(self.unary()?))
            }
            Some('(') => {
                let open = self.pos;
                self.pos += 1;
                let inner = self.or_expr()?;
                self.skip_whitespace();
                if self.peek() != Some(')') {
                    return Err(self.error(format!(
                        "expected `)` to close the parenthesis opened at {open}"
                    )));
                }
                self.pos += 1;
                inner
            }
            _ => self.comparison()?,
        };
        self.leave();
        Ok(expr)
    }

    fn comparison(&mut self) -> Result<FilterExpr, PathError> {
        let start = self.pos;
        let left = self.operand()?;
        match self.operator()? {
            Some(op) => {
                let right = self.operand()?;
                Ok(FilterExpr::Compare { left, op, right })
            }
            None => match left {
                Operand::Path(path) => Ok(FilterExpr::Exists(path)),
                Operand::Literal(_) => Err(PathError::new(
                    start,
                    "a constant alone is not a condition; compare it with a path, \
                     as in `@.price < 10`, or test a path, as in `@.isbn`",
                )),
            },
        }
    }

    fn operator(&mut self) -> Result<Option<CompareOp>, PathError> {
        self.skip_whitespace();
        let (op, len) = match (self.peek(), self.peek_at(1), self.peek_at(2)) {
            (Some('='), Some('='), Some('=')) => (CompareOp::StrictEq, 3),
            (Some('='), Some('='), _) => (CompareOp::Eq, 2),
            (Some('='), Some('~'), _) => (CompareOp::Regex, 2),
            (Some('='), _, _) => {
                return Err(self.error("write `==` to compare; a single `=` is not an operator"));
            }
            (Some('!'), Some('='), Some('=')) => (CompareOp::StrictNe, 3),
            (Some('!'), Some('='), _) => (CompareOp::Ne, 2),
            (Some('<'), Some('='), _) => (CompareOp::Le, 2),
            (Some('<'), _, _) => (CompareOp::Lt, 1),
            (Some('>'), Some('='), _) => (CompareOp::Ge, 2),
            (Some('>'), _, _) => (CompareOp::Gt, 1),
            (Some(c), _, _) if c.is_alphabetic() => {
                let start = self.pos;
                let mut word = String::new();
                while let Some(c) = self.peek().filter(|c| c.is_alphabetic()) {
                    word.push(c);
                    self.pos += 1;
                }
                let op = match word.to_ascii_lowercase().as_str() {
                    "in" => CompareOp::In,
                    "nin" => CompareOp::Nin,
                    "subsetof" => CompareOp::SubsetOf,
                    "anyof" => CompareOp::AnyOf,
                    "noneof" => CompareOp::NoneOf,
                    "contains" => CompareOp::Contains,
                    "size" => CompareOp::Size,
                    "empty" => CompareOp::Empty,
                    _ => {
                        return Err(PathError::new(
                            start,
                            format!(
                                "unknown filter operator `{word}`; use ==, !=, <, <=, >, >=, \
                                 =~, in, nin, subsetof, anyof, noneof, contains, size or empty"
                            ),
                        ));
                    }
                };
                return Ok(Some(op));
            }
            _ => return Ok(None),
        };
        self.pos += len;
        Ok(Some(op))
    }

    fn operand(&mut self) -> Result<Operand, PathError> {
        self.skip_whitespace();
        match self.peek() {
            Some('@') => {
                self.pos += 1;
                let (segments, _) = self.segments(Mode::Filter)?;
                Ok(Operand::Path(FilterPath::Current(segments)))
            }
            Some('$') => {
                let (path, _) = self.path(Mode::Filter)?;
                Ok(Operand::Path(FilterPath::Root(path)))
            }
            _ => Ok(Operand::Literal(self.literal()?)),
        }
    }

    fn literal(&mut self) -> Result<Literal, PathError> {
        match self.peek() {
            None => Err(self
                .error("expected a value or a path such as `@.field`, but the filter ends here")),
            Some(quote @ ('\'' | '"')) => Ok(Literal::String(self.string(quote)?)),
            Some(c) if c.is_ascii_digit() || c == '-' => {
                let (number, end) =
                    scan_number(self.chars, self.pos).map_err(|message| self.error(message))?;
                self.pos = end;
                Ok(Literal::Number(number))
            }
            Some('/') => self.regex(),
            Some('[') => self.list(),
            Some('{') => Err(self.error(
                "JSON object literals are not supported in filters; compare the fields one \
                 by one",
            )),
            Some(c) if c.is_alphabetic() || c == '_' => {
                let mut word = String::new();
                while let Some(c) = self
                    .peek()
                    .filter(|&c| c.is_alphanumeric() || c == '_' || c == '-')
                {
                    word.push(c);
                    self.pos += 1;
                }
                Ok(match word.as_str() {
                    "true" => Literal::Bool(true),
                    "false" => Literal::Bool(false),
                    "null" => Literal::Null,
                    // An unquoted word: AWS accepts `@.key == Foo` (a definition doing so
                    // was reported working), so it is read as the string it spells.
                    _ => Literal::String(word),
                })
            }
            Some(c) => Err(self.error(format!(
                "unexpected `{c}`; expected a value ('text', a number, true, false, null) or \
                 a path such as `@.field`"
            ))),
        }
    }

    /// A quoted string in a filter, with Java-style escapes as Jayway reads them.
    fn string(&mut self, quote: char) -> Result<String, PathError> {
        let open = self.pos;
        self.pos += 1;
        let mut text = String::new();
        loop {
            let Some(c) = self.peek() else {
                return Err(PathError::new(
                    open,
                    format!("the string opened at {open} is not closed; add a closing `{quote}`"),
                ));
            };
            self.pos += 1;
            if c == quote {
                return Ok(text);
            }
            if c != '\\' {
                text.push(c);
                continue;
            }
            let Some(escaped) = self.peek() else { continue };
            self.pos += 1;
            match escaped {
                'n' => text.push('\n'),
                't' => text.push('\t'),
                'r' => text.push('\r'),
                'b' => text.push('\u{8}'),
                'f' => text.push('\u{c}'),
                'u' => text.push(self.unicode_escape()?),
                other => text.push(other),
            }
        }
    }

    fn unicode_escape(&mut self) -> Result<char, PathError> {
        let start = self.pos;
        let hex: String = (0..4).filter_map(|i| self.peek_at(i)).collect();
        let code = (hex.chars().count() == 4 && hex.chars().all(|c| c.is_ascii_hexdigit()))
            .then(|| u32::from_str_radix(&hex, 16).ok())
            .flatten()
            .and_then(char::from_u32)
            .ok_or_else(|| {
                PathError::new(
                    start,
                    "`\\u` is followed by four hex digits of a character that is not a \
                     surrogate, as in `\\u00e9`",
                )
            })?;
        self.pos += 4;
        Ok(code)
    }

    // /pattern/flags
    fn regex(&mut self) -> Result<Literal, PathError> {
        let open = self.pos;
        self.pos += 1;
        let mut pattern = String::new();
        loop {
            match self.peek() {
                None => {
                    return Err(PathError::new(
                        open,
                        format!(
                            "the regular expression opened at {open} is not closed; \
                             add a closing `/`"
                        ),
                    ));
                }
                Some('/') => {
                    self.pos += 1;
                    break;
                }
                Some('\\') => {
                    pattern.push('\\');
                    self.pos += 1;
                    if let Some(c) = self.peek() {
                        pattern.push(c);
                        self.pos += 1;
                    }
                }
                Some(c) => {
                    pattern.push(c);
                    self.pos += 1;
                }
            }
        }
        let mut flags = String::new();
        while let Some(c) = self.peek().filter(char::is_ascii_alphabetic) {
            flags.push(c);
            self.pos += 1;
        }
        Ok(Literal::Regex { pattern, flags })
    }

    // [ literal, ... ]
    fn list(&mut self) -> Result<Literal, PathError> {
        let open = self.pos;
        self.pos += 1;
        self.enter()?;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(']') {
            self.pos += 1;
            self.leave();
            return Ok(Literal::List(items));
        }
        loop {
            self.skip_whitespace();
            items.push(self.literal()?);
            self.skip_whitespace();
            match self.peek() {
                Some(',') => self.pos += 1,
                Some(']') => {
                    self.pos += 1;
                    break;
                }
                _ => {
                    return Err(
                        self.error(format!("expected `,` or `]` in the list opened at {open}"))
                    );
                }
            }
        }
        self.leave();
        Ok(Literal::List(items))
    }
}
