//! The comparison rules of `../shared/conformance/README.md`: values, placeholders, histories.

use serde_json::Value;

/// Whether a string holds a placeholder: a `<token>` or one of the case's literal tokens as a
/// whole word.
pub fn has_placeholder(text: &str, literals: &[String]) -> bool {
    let bracket = text.match_indices('<').any(|(start, _)| {
        text[start + 1..].find('>').is_some_and(|end| {
            let inner = &text[start + 1..start + 1 + end];
            !inner.is_empty() && !inner.contains([' ', '"', '\''])
        })
    });
    bracket
        || literals.iter().any(|token| {
            text.match_indices(token.as_str()).any(|(at, _)| {
                let before = text[..at].chars().next_back();
                let after = text[at + token.len()..].chars().next();
                let word = |c: Option<char>| {
                    c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-')
                };
                !word(before) && !word(after)
            })
        })
}

/// Rule 4: objects by keys, arrays in order, numbers by value, placeholders as wildcards.
pub fn matches(expected: &Value, actual: &Value, literals: &[String]) -> bool {
    match (expected, actual) {
        (Value::String(e), _) if has_placeholder(e, literals) => true,
        (Value::String(e), Value::String(a)) => e == a,
        (Value::Number(e), Value::Number(a)) => e.as_f64() == a.as_f64(),
        (Value::Array(e), Value::Array(a)) => {
            e.len() == a.len() && e.iter().zip(a).all(|(e, a)| matches(e, a, literals))
        }
        (Value::Object(e), Value::Object(a)) => {
            e.len() == a.len()
                && e.iter().all(|(key, value)| {
                    if has_placeholder(key, literals) {
                        return true;
                    }
                    a.get(key)
                        .is_some_and(|actual| matches(value, actual, literals))
                })
        }
        (e, a) => e == a,
    }
}
