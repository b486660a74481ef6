//! Tests of the intrinsic parser and signature checks: each function, arities, literals, escapes.

use super::*;
use crate::path::parse_path;

fn checked(text: &str) -> Call {
    check_intrinsic(text).unwrap_or_else(|e| panic!("`{text}` should pass: {e}"))
}

fn rejected(text: &str) -> IntrinsicError {
    match check_intrinsic(text) {
        Ok(call) => panic!("`{text}` should be rejected, parsed as {call:?}"),
        Err(e) => e,
    }
}

fn string(value: &str) -> ArgValue {
    let mut placeholders = Vec::new();
    let mut from = 0;
    while let Some(at) = value.get(from..).and_then(|rest| rest.find("{}")) {
        placeholders.push(from + at);
        from += at + 2;
    }
    ArgValue::String(StringLiteral {
        value: value.to_owned(),
        placeholders,
    })
}

fn values(call: &Call) -> Vec<ArgValue> {
    call.args.iter().map(|arg| arg.value.clone()).collect()
}

/// The call with every position set to 0, to compare trees parsed from different texts.
fn without_positions(call: &Call) -> Call {
    Call {
        name: call.name.clone(),
        args: call
            .args
            .iter()
            .map(|arg| Arg {
                value: match &arg.value {
                    ArgValue::Call(nested) => ArgValue::Call(without_positions(nested)),
                    other => other.clone(),
                },
                position: 0,
            })
            .collect(),
        position: 0,
    }
}

#[test]
fn every_function_accepts_its_documented_form() {
    for text in [
        "States.Format('Hello, my name is {}.', $.name)",
        "States.Format($.template, $.name)",
        "States.Format('no placeholders')",
        "States.StringToJson($.escapedJsonString)",
        "States.StringToJson('{\"a\": 1}')",
        "States.JsonToString($.unescapedJson)",
        "States.Array($.Id)",
        "States.Array()",
        "States.Array('Foo', 2020, $.someJson, null, true, -1.5)",
        "States.ArrayPartition($.inputArray, 4)",
        "States.ArrayContains($.inputArray, $.lookingFor)",
        "States.ArrayContains($.inputArray, 'x')",
        "States.ArrayRange(1, 9, 2)",
        "States.ArrayRange($.start, $.end, 1)",
        "States.ArrayGetItem($.inputArray, $.index)",
        "States.ArrayGetItem($.inputArray, 0)",
        "States.ArrayLength($.inputArray)",
        "States.ArrayUnique($.inputArray)",
        "States.Base64Encode($.input)",
        "States.Base64Encode('Data to encode')",
        "States.Base64Decode($.base64)",
        "States.Hash($.Data, $.Algorithm)",
        "States.Hash('input data', 'SHA-256')",
        "States.JsonMerge($.json1, $.json2, false)",
        "States.MathRandom($.start, $.end)",
        "States.MathRandom(1, 999, 1234)",
        "States.MathAdd($.value1, $.step)",
        "States.MathAdd(1.5, -1)",
        "States.StringSplit($.inputString, $.splitter)",
        "States.StringSplit('1,2,3', ',')",
        "States.UUID()",
    ] {
        checked(text);
    }
}

#[test]
fn every_hash_algorithm_is_accepted() {
    for algorithm in HASH_ALGORITHMS {
        checked(&format!("States.Hash($.data, '{algorithm}')"));
    }
}

#[test]
fn the_table_holds_eighteen_functions_with_their_arities() {
    let arities: Vec<(&str, usize, Option<usize>)> = Function::ALL
        .iter()
        .map(|f| (f.name(), f.min_args(), f.max_args()))
        .collect();
    assert_eq!(
        arities,
        vec![
            ("Format", 1, None),
            ("StringToJson", 1, Some(1)),
            ("JsonToString", 1, Some(1)),
            ("Array", 0, None),
            ("ArrayPartition", 2, Some(2)),
            ("ArrayContains", 2, Some(2)),
            ("ArrayRange", 3, Some(3)),
            ("ArrayGetItem", 2, Some(2)),
            ("ArrayLength", 1, Some(1)),
            ("ArrayUnique", 1, Some(1)),
            ("Base64Encode", 1, Some(1)),
            ("Base64Decode", 1, Some(1)),
            ("Hash", 2, Some(2)),
            ("JsonMerge", 3, Some(3)),
            ("MathRandom", 2, Some(3)),
            ("MathAdd", 2, Some(2)),
            ("StringSplit", 2, Some(2)),
            ("UUID", 0, Some(0)),
        ]
    );
    for f in Function::ALL {
        assert_eq!(Function::from_name(f.name()), Some(f));
    }
}

#[test]
fn arguments_of_every_kind_parse() {
    let call = checked(
        "States.Array( 'a' , 1, -2.5, 1e3, true, false, null, $, $$.Execution.Id, $v.x, States.UUID() )",
    );
    assert_eq!(call.name, "Array");
    assert_eq!(
        values(&call),
        vec![
            string("a"),
            ArgValue::Number(1.into()),
            ArgValue::Number("-2.5".parse().unwrap()),
            ArgValue::Number("1e3".parse().unwrap()),
            ArgValue::Bool(true),
            ArgValue::Bool(false),
            ArgValue::Null,
            ArgValue::Path(parse_path("$").unwrap()),
            ArgValue::Path(parse_path("$$.Execution.Id").unwrap()),
            ArgValue::Path(parse_path("$v.x").unwrap()),
            ArgValue::Call(Call {
                name: "UUID".to_owned(),
                args: vec![],
                position: 79,
            }),
        ]
    );
    let positions: Vec<usize> = call.args.iter().map(|arg| arg.position).collect();
    assert_eq!(positions, vec![14, 20, 23, 29, 34, 40, 47, 53, 56, 73, 79]);
}

#[test]
fn path_arguments_may_use_any_jsonpath() {
    let call = checked("States.Array($.a['b, c'][?(@.d == 'x, y')].e, $..f[1:2], $.g-h)");
    assert_eq!(call.args.len(), 3);
    assert_eq!(
        values(&call)[0],
        ArgValue::Path(parse_path("$.a['b, c'][?(@.d == 'x, y')].e").unwrap())
    );
}

#[test]
fn nested_calls_parse_and_are_checked() {
    let call = checked("States.Format('{}', States.ArrayLength($.a))");
    let ArgValue::Call(nested) = &call.args[1].value else {
        panic!("expected a nested call");
    };
    assert_eq!(nested.name, "ArrayLength");
    assert_eq!(nested.position, 20);
    checked(
        "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), \
         States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))",
    );
    let e = rejected("States.Format('{}', States.ArrayLength($.a, $.b))");
    assert_eq!(e.position, 20);
    assert!(
        e.message.contains("`States.ArrayLength` takes 1 argument"),
        "{e}"
    );
}

#[test]
fn the_documented_nine_call_example_passes_with_matching_placeholders() {
    // The AWS guide's example of nine nested calls, with its template cut to the two values
    // the example passes (the guide's `'{}.{}.{}'` has one placeholder too many).
    checked(
        "States.Format('{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(\
         States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(\
         States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), \
         '.'), 1))",
    );
}

#[test]
fn arity_errors_name_the_expected_arguments() {
    for (text, message) in [
        (
            "States.ArrayRange(1, 9)",
            "`States.ArrayRange` takes 3 arguments (start, end, step), but 2 were given",
        ),
        (
            "States.UUID(1)",
            "`States.UUID` takes no arguments, but 1 was given",
        ),
        (
            "States.Format()",
            "`States.Format` takes at least 1 argument (template, value...), but 0 were given",
        ),
        (
            "States.MathRandom(1)",
            "`States.MathRandom` takes 2 or 3 arguments (start, end[, seed]), but 1 was given",
        ),
        (
            "States.MathRandom(1, 2, 3, 4)",
            "`States.MathRandom` takes 2 or 3 arguments (start, end[, seed]), but 4 were given",
        ),
        (
            "States.JsonToString($.a, $.b)",
            "`States.JsonToString` takes 1 argument (path), but 2 were given",
        ),
    ] {
        let e = rejected(text);
        assert_eq!(e.message, message, "for `{text}`");
        assert_eq!(e.position, 0);
    }
    for text in [
        "States.StringToJson()",
        "States.Array",
        "States.ArrayPartition($.a)",
        "States.ArrayContains($.a)",
        "States.ArrayGetItem($.a)",
        "States.ArrayLength()",
        "States.ArrayUnique($.a, $.b)",
        "States.Base64Encode()",
        "States.Base64Decode($.a, $.b)",
        "States.Hash($.a)",
        "States.JsonMerge($.a, $.b)",
        "States.MathAdd(1)",
        "States.StringSplit($.a)",
    ] {
        rejected(text);
    }
}

#[test]
fn literal_arguments_of_the_wrong_type_are_rejected() {
    let e = rejected("States.MathAdd(1,'-1')");
    assert_eq!(e.position, 17);
    assert_eq!(
        e.message,
        "argument 2 of `States.MathAdd` must be a number, but it is the string `'-1'`; \
         write `-1` without quotes"
    );
    for (text, position) in [
        ("States.ArrayRange(1, '9', 2)", 21),
        ("States.ArrayRange(true, 9, 2)", 18),
        ("States.MathRandom(1, null)", 21),
        ("States.ArrayGetItem($.a, 'x')", 25),
        ("States.ArrayPartition($.a, false)", 27),
        ("States.StringSplit(1, ',')", 19),
        ("States.Base64Encode(true)", 20),
        ("States.StringToJson(null)", 20),
        ("States.Format(1, 'x')", 14),
        ("States.ArrayLength('abc')", 19),
        ("States.ArrayUnique(1)", 19),
        ("States.JsonToString('x')", 20),
        ("States.JsonMerge('a', $.b, false)", 17),
    ] {
        assert_eq!(rejected(text).position, position, "position for `{text}`");
    }
    assert!(
        rejected("States.ArrayLength('abc')")
            .message
            .contains("must be an array")
    );
}

#[test]
fn hash_algorithm_literals_are_checked() {
    let e = rejected("States.Hash($.a, 'SHA1')");
    assert_eq!(e.position, 17);
    assert!(e.message.contains("'SHA-256'"), "{e}");
    rejected("States.Hash($.a, 'sha-256')");
    rejected("States.Hash($.a, 256)");
}

#[test]
fn json_merge_only_takes_false() {
    let e = rejected("States.JsonMerge($.a, $.b, true)");
    assert_eq!(e.position, 27);
    assert!(e.message.contains("shallow merge"), "{e}");
    rejected("States.JsonMerge($.a, $.b, 'false')");
    checked("States.JsonMerge($.a, $.b, $.deep)");
}

#[test]
fn format_placeholders_must_match_the_values() {
    let e = rejected("States.Format('{} and {}', $.a)");
    assert_eq!(e.position, 14);
    assert!(
        e.message.starts_with(
            "the `States.Format` template has 2 `{}` placeholders but 1 value follows it"
        ),
        "{e}"
    );
    rejected("States.Format('none', $.a)");
    rejected("States.Format('{}')");
    checked("States.Format('{}{}', 1, 2)");
    // A template read from a path cannot be counted.
    checked("States.Format($.template, 1, 2, 3)");
}

#[test]
fn escaped_braces_are_not_placeholders() {
    let call = checked(r"States.Format('a\{b\}')");
    assert_eq!(values(&call), vec![string("a{b}")]);
    let call = checked(r"States.Format('\{}')");
    let ArgValue::String(literal) = &call.args[0].value else {
        panic!("expected a string");
    };
    assert_eq!(literal.value, "{}");
    assert!(literal.placeholders.is_empty());
    // `\\` is a backslash, so the braces after it are a placeholder again.
    let call = checked(r"States.Format('a\\{}', $.x)");
    let ArgValue::String(literal) = &call.args[0].value else {
        panic!("expected a string");
    };
    assert_eq!(literal.value, r"a\{}");
    assert_eq!(literal.placeholders, vec![2]);
    assert_eq!(literal.template_parts(), vec![r"a\", ""]);
    // Two backslashes before each brace: a backslash, then text braces `{b` and `}`.
    let call = checked(r"States.Format('a\\{b\\}')");
    assert_eq!(values(&call), vec![string(r"a\{b\}")]);
}

#[test]
fn escaped_quote_is_part_of_the_string() {
    let call = checked(r"States.Format('Welcome to {} {}\'s playlist.', $.firstName, $.lastName)");
    let ArgValue::String(literal) = &call.args[0].value else {
        panic!("expected a string");
    };
    assert_eq!(literal.value, "Welcome to {} {}'s playlist.");
    assert_eq!(
        literal.template_parts(),
        vec!["Welcome to ", " ", "'s playlist."]
    );
}

#[test]
fn other_escapes_are_illegal() {
    let e = rejected(r#"States.Format('He said, \"Hello\"')"#);
    assert_eq!(e.position, 24);
    assert!(
        e.message
            .starts_with(r#"`\"` is not an escape in an intrinsic string"#),
        "{e}"
    );
    // The StringToJson call of the recorded escape test, as it reads after JSON decoding.
    let e =
        rejected(r#"States.StringToJson('{\"text\":\"An \\\"escaped double quote\\\" here\"}')"#);
    assert_eq!(e.position, 22);
    for escape in [r"\n", r"\t", r"\u0041", r"\/", r"\$"] {
        assert!(
            parse_intrinsic(&format!("States.Format('a{escape}b')")).is_err(),
            "`{escape}` is not an escape"
        );
    }
}

#[test]
fn unknown_functions_name_the_closest_known_ones() {
    let e = rejected("States.Xyz($.result)");
    assert_eq!(e.position, 0);
    assert!(
        e.message
            .starts_with("unknown intrinsic function `States.Xyz`; the closest known ones are"),
        "{e}"
    );
    assert_eq!(
        rejected("States.Fromat('x')").message,
        "unknown intrinsic function `States.Fromat`; did you mean `States.Format`?"
    );
    assert_eq!(
        rejected("States.format('x')").message,
        "unknown intrinsic function `States.format`; did you mean `States.Format`?"
    );
    assert_eq!(
        rejected("States.Uuid()").message,
        "unknown intrinsic function `States.Uuid`; did you mean `States.UUID`?"
    );
    // Unknown names are a check failure, not a syntax error.
    assert_eq!(parse_intrinsic("States.Xyz($.result)").unwrap().name, "Xyz");
    let e = rejected("States.Format('{}', States.Nope())");
    assert_eq!(e.position, 20);
}

#[test]
fn looks_like_intrinsic_wants_the_prefix_at_the_start() {
    assert!(looks_like_intrinsic("States.UUID()"));
    assert!(looks_like_intrinsic("States.Xyz"));
    assert!(!looks_like_intrinsic(
        " States.Array('Foo', $.xyz, 'Bar', 2.3)"
    ));
    assert!(!looks_like_intrinsic("$.States.a"));
    assert!(!looks_like_intrinsic("states.UUID()"));
}

#[test]
fn syntax_errors_say_where_and_what_to_write() {
    for (text, position, words) in [
        ("", 0, "starts with `States.`"),
        (" States.UUID()", 0, "cannot start with whitespace"),
        ("states.UUID()", 0, "capital `S`"),
        ("States.", 7, "expected a function name"),
        ("States.UUID", 11, "written `States.UUID()`"),
        ("States.UUID ()", 11, "remove the whitespace"),
        (
            "States.Array(1",
            14,
            "expected `)` to close the call of `States.Array` opened at 12",
        ),
        ("States.Array(1,)", 15, "trailing comma"),
        ("States.Array(,1)", 13, "expected an argument before `,`"),
        ("States.Array(1 2)", 15, "expected `,` or `)`"),
        ("States.Array(\"a\")", 13, "single quotes"),
        ("States.Array(foo)", 13, "`'foo'`"),
        ("States.Array('abc", 13, "not closed"),
        ("States.Array('abc\\", 13, "not closed"),
        ("States.Array(1))", 15, "after the end of the call"),
        ("States.Array(states.UUID())", 13, "capital `S`"),
        ("States.Array($.)", 14, "cannot end with `.`"),
        ("States.Array($.a b)", 17, "expected `,` or `)`"),
        ("States.Array(01)", 13, "not a valid number"),
        ("States.Array(-)", 13, "expected digits"),
        ("States.Array(1.)", 13, "after the decimal point"),
        ("States.Array(#)", 13, "unexpected `#`"),
    ] {
        let e = parse_intrinsic(text).expect_err(text);
        assert_eq!(e.position, position, "position for `{text}`: {e}");
        assert!(e.message.contains(words), "message for `{text}`: {e}");
    }
}

#[test]
fn whitespace_around_arguments_is_allowed() {
    let tight = checked("States.MathAdd($.a,1)");
    let loose = checked("States.MathAdd(  $.a ,\t1  )  ");
    assert_eq!(values(&tight), values(&loose));
}

#[test]
fn canonical_text_round_trips() {
    for (text, canonical) in [
        ("States.UUID()", "States.UUID()"),
        ("States.MathAdd($.a,-1)", "States.MathAdd($.a, -1)"),
        (
            r"States.Format('it\'s {} \{x\} \\', States.Array(true,null,1.5))",
            r"States.Format('it\'s {} \{x\} \\', States.Array(true, null, 1.5))",
        ),
        (r"States.Format('{\}')", r"States.Format('\{\}')"),
        (
            "States.Array($['a b'].c, $$.Map.Item.Value)",
            "States.Array($['a b'].c, $$.Map.Item.Value)",
        ),
    ] {
        let call = checked(text);
        assert_eq!(call.to_string(), canonical, "rendering of `{text}`");
        assert_eq!(
            without_positions(&checked(canonical)),
            without_positions(&call),
            "reparse of `{canonical}`"
        );
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let depth = 10_000;
    let text = format!("{}1{}", "States.Array(".repeat(depth), ")".repeat(depth));
    let e = parse_intrinsic(&text).unwrap_err();
    assert!(e.message.contains("nested more than 64 deep"), "{e}");
    let text = format!("{}1{}", "States.Array(".repeat(40), ")".repeat(40));
    checked(&text);
}

#[test]
fn arbitrary_input_never_panics() {
    let seeds = [
        r"States.Format('a\{}\\{}\'b', $.x[?(@.y == 'z, )')], States.Hash($$.a, 'SHA-1'), -1.5e3)",
        "States.JsonMerge($a.b, States.StringToJson('{\"x\":1}'), false)  ",
        "States.Array('ü{}ß', $.größe, 1e999, 01, -, $[, $., States.)",
    ];
    for seed in seeds {
        let chars: Vec<char> = seed.chars().collect();
        for end in 0..=chars.len() {
            for start in 0..end {
                let piece: String = chars[start..end].iter().collect();
                let _ = check_intrinsic(&piece);
            }
        }
    }
}

#[test]
fn intrinsic_error_is_send_sync_and_displays_position() {
    fn assert_send_sync<T: Send + Sync + std::error::Error>() {}
    assert_send_sync::<IntrinsicError>();
    assert_eq!(
        rejected("States.UUID(1)").to_string(),
        "`States.UUID` takes no arguments, but 1 was given (at character 0)"
    );
}
