//! The string intrinsics: `States.Format` and `States.StringSplit`.

use crate::value::Value;

use super::ast::StringLiteral;
use super::eval::text_arg;
use crate::path::java_string;

/// The placeholder `States.Format` fills.
const PLACEHOLDER: &str = "{}";

/// `States.Format(template, value...)`: each `{}` of the template replaced by the next value.
///
/// A template written as a literal has its escapes resolved (`\{}` is text); one read from a
/// path is taken as it is. Values that are strings go in bare; other values as Java's
/// `toString` shows them once Jackson has read them, which AWS records: `null`, `1.1`, and
/// `{Arg1=1, Arg2=[]}` for the object `{"Arg1": 1, "Arg2": []}`.
pub(super) fn format(literal: Option<&StringLiteral>, args: &[Value]) -> Result<Value, String> {
    let template = text_arg(args, 0, "the template")?;
    let parts: Vec<&str> = match literal {
        Some(literal) => literal.template_parts(),
        None => template.split(PLACEHOLDER).collect(),
    };
    let values = args.get(1..).unwrap_or_default();
    let placeholders = parts.len().saturating_sub(1);
    if placeholders != values.len() {
        return Err(format!(
            "the template has {placeholders} placeholders but {} values were given",
            values.len()
        ));
    }
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        out.push_str(part);
        if let Some(value) = values.get(i) {
            out.push_str(&java_string(value));
        }
    }
    Ok(Value::from(out))
}

/// `States.StringSplit(text, delimiters)`: the pieces between any of the delimiter's
/// characters, empty pieces left out (as Java's `StringTokenizer` splits). Recorded:
/// `", , ,"` split on `","` gives `[" ", " "]`, and `"This.is+a,test=string"` on `".+,="`
/// gives the five words.
pub(super) fn split(args: &[Value]) -> Result<Value, String> {
    let text = text_arg(args, 0, "the string to split")?;
    let delimiters = text_arg(args, 1, "the delimiter")?;
    if delimiters.is_empty() {
        let whole = if text.is_empty() {
            Vec::new()
        } else {
            vec![Value::from(text.to_owned())]
        };
        return Ok(Value::from(whole));
    }
    let pieces = text
        .split(|c: char| delimiters.contains(c))
        .filter(|piece| !piece.is_empty())
        .map(|piece| Value::from(piece.to_owned()))
        .collect();
    Ok(Value::Array(pieces))
}

#[cfg(test)]
mod tests {
    use crate::value::json;

    use super::*;
    use crate::intrinsics::parse_intrinsic;
    use crate::intrinsics::{ArgValue, StringLiteral};

    fn literal(call: &str) -> StringLiteral {
        match parse_intrinsic(call).map(|c| c.args.into_iter().next().map(|a| a.value)) {
            Ok(Some(ArgValue::String(literal))) => literal,
            other => panic!("no literal in {call}: {other:?}"),
        }
    }

    #[test]
    fn format_renders_values_as_aws_records() {
        let template = literal("States.Format('Formatting arguments fst={} and snd={}.', 1, 2)");
        let out = format(
            Some(&template),
            &[
                json!(template.value),
                json!({"Arg1": 1, "Arg2": []}),
                json!(null),
            ],
        )
        .unwrap();
        assert_eq!(
            out,
            json!("Formatting arguments fst={Arg1=1, Arg2=[]} and snd=null.")
        );
        let one = literal("States.Format('v={}', 1)");
        assert_eq!(
            format(Some(&one), &[json!(one.value), json!(1.1)]).unwrap(),
            json!("v=1.1")
        );
        assert_eq!(
            format(Some(&one), &[json!(one.value), json!([1, "a", true])]).unwrap(),
            json!("v=[1, a, true]")
        );
    }

    #[test]
    fn format_keeps_escaped_braces_as_text() {
        let template = literal(r"States.Format('\{}{} \\ \'', 1)");
        assert_eq!(template.value, r"{}{} \ '");
        let out = format(Some(&template), &[json!(template.value), json!("x")]).unwrap();
        assert_eq!(out, json!(r"{}x \ '"));
    }

    #[test]
    fn format_reads_a_template_from_a_path_as_it_is() {
        let out = format(None, &[json!("Hello, {}! {}"), json!("Ann"), json!(2)]).unwrap();
        assert_eq!(out, json!("Hello, Ann! 2"));
        assert!(format(None, &[json!("{} {}"), json!(1)]).is_err());
        assert!(format(None, &[json!(5)]).is_err());
    }

    #[test]
    fn split_drops_empty_pieces_and_splits_on_each_character() {
        assert_eq!(
            split(&[json!(", , ,"), json!(",")]).unwrap(),
            json!([" ", " "])
        );
        assert_eq!(split(&[json!(",,,,"), json!(",")]).unwrap(), json!([]));
        assert_eq!(
            split(&[json!("This.is+a,test=string"), json!(".+,=")]).unwrap(),
            json!(["This", "is", "a", "test", "string"])
        );
        assert_eq!(
            split(&[json!("split on T and \nnew line"), json!("T\n")]).unwrap(),
            json!(["split on ", " and ", "new line"])
        );
        assert_eq!(split(&[json!("abc"), json!("")]).unwrap(), json!(["abc"]));
        assert!(split(&[json!(1), json!(",")]).is_err());
    }
}
