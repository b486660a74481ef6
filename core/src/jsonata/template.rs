//! Recognizing `{% expression %}` strings, the only form JSONata takes inside ASL values.

/// What a string value in a JSONata state is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template<'a> {
    /// Plain text, used as it is.
    Literal,
    /// A JSONata expression: the text between `{%` and `%}`.
    Expression(&'a str),
    /// Opened with `{%` but not closed with `%}`.
    Unclosed,
    /// Closed with `%}` but not opened with `{%`.
    Unopened,
}

/// Classifies a string of a JSONata state: literal, expression, or a malformed template.
///
/// AWS requires the whole string to be the template: `{%` first and `%}` last, with no
/// space outside them.
pub fn classify(text: &str) -> Template<'_> {
    let opens = text.starts_with("{%");
    let closes = text.ends_with("%}");
    match (opens, closes) {
        (true, true) if text.len() >= 4 => Template::Expression(&text[2..text.len() - 2]),
        (true, _) => Template::Unclosed,
        (false, true) => Template::Unopened,
        (false, false) => Template::Literal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_told_apart() {
        assert_eq!(classify("{% 1 + 2 %}"), Template::Expression(" 1 + 2 "));
        assert_eq!(classify("{%1%}"), Template::Expression("1"));
        assert_eq!(classify("{% 10 %"), Template::Unclosed);
        assert_eq!(classify("{%}"), Template::Unclosed);
        assert_eq!(classify("10 %}"), Template::Unopened);
        assert_eq!(classify("plain text"), Template::Literal);
    }
}
