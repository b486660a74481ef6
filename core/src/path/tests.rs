//! Tests of the JSONPath parser: accepted forms, their trees and canonical text, and rejections.

use super::*;

fn child(selector: Selector) -> Segment {
    Segment::Child(selector)
}

fn name(text: &str) -> Selector {
    Selector::Name(text.into())
}

fn input(segments: Vec<Segment>) -> Path {
    Path {
        root: Root::Input,
        segments,
    }
}

fn parsed(text: &str) -> Path {
    parse_path(text).unwrap_or_else(|e| panic!("`{text}` should parse: {e}"))
}

fn error(text: &str) -> PathError {
    match parse_path(text) {
        Ok(path) => panic!("`{text}` should be rejected, parsed as {path:?}"),
        Err(e) => e,
    }
}

fn number(text: &str) -> Literal {
    Literal::Number(text.parse().unwrap())
}

fn current(segments: Vec<Segment>) -> Operand {
    Operand::Path(FilterPath::Current(segments))
}

/// Parses, renders, and checks that the rendering is canonical: it parses to the same tree
/// and renders to itself.
fn round_trip(text: &str, canonical: &str) {
    let path = parsed(text);
    assert_eq!(path.to_string(), canonical, "rendering of `{text}`");
    assert_eq!(parsed(canonical), path, "reparse of `{canonical}`");
}

#[test]
fn root_alone_is_the_input() {
    assert_eq!(parsed("$"), input(vec![]));
    assert!(parsed("$").is_definite());
}

#[test]
fn double_dollar_is_the_context_object() {
    let path = parsed("$$.Execution.Id");
    assert_eq!(path.root, Root::Context);
    assert_eq!(
        path.segments,
        vec![child(name("Execution")), child(name("Id"))]
    );
    assert_eq!(parsed("$$").segments, vec![]);
}

#[test]
fn context_map_item_value_parses() {
    let path = parsed("$$.Map.Item.Value");
    assert_eq!(path.root, Root::Context);
    assert_eq!(path.to_string(), "$$.Map.Item.Value");
}

#[test]
fn dollar_name_is_a_variable() {
    let path = parsed("$foo.bar");
    assert_eq!(path.root, Root::Variable("foo".to_owned()));
    assert_eq!(path.segments, vec![child(name("bar"))]);
    assert_eq!(parsed("$_x1").root, Root::Variable("_x1".to_owned()));
    assert_eq!(parsed("$café[0]").root, Root::Variable("café".to_owned()));
}

#[test]
fn dot_names_may_contain_dashes_and_unicode_letters() {
    assert_eq!(parsed("$.my-field"), input(vec![child(name("my-field"))]));
    assert_eq!(
        parsed("$.a.b-c"),
        input(vec![child(name("a")), child(name("b-c"))])
    );
    assert_eq!(parsed("$.größe"), input(vec![child(name("größe"))]));
    assert_eq!(parsed("$.input-foo-bar").to_string(), "$.input-foo-bar");
}

#[test]
fn quoted_names_hold_any_characters() {
    assert_eq!(parsed("$['my key']"), input(vec![child(name("my key"))]));
    assert_eq!(parsed("$[\"a.b\"]"), input(vec![child(name("a.b"))]));
    assert_eq!(parsed("$[ 'x' ]"), input(vec![child(name("x"))]));
    assert!(parsed("$['my key']").is_definite());
}

#[test]
fn quoted_names_unescape_their_quote_and_backslash() {
    assert_eq!(parsed(r"$['it\'s']"), input(vec![child(name("it's"))]));
    assert_eq!(
        parsed(r#"$["say \"hi\""]"#),
        input(vec![child(name("say \"hi\""))])
    );
    assert_eq!(parsed(r"$['a\\b']"), input(vec![child(name(r"a\b"))]));
}

#[test]
fn a_backslash_before_another_quote_is_kept_as_aws_reads_it() {
    // The recorded execution `ESCAPE_SEQUENCES_JSONPATH` reads the key `Test\""Name"` with
    // this path.
    assert_eq!(
        parsed(r#"$['Test\""Name"']"#),
        input(vec![child(name(r#"Test\""Name""#))])
    );
}

#[test]
fn indexes_may_be_negative() {
    assert_eq!(
        parsed("$.books[-2]"),
        input(vec![child(name("books")), child(Selector::Index(-2))])
    );
    assert_eq!(parsed("$[0]"), input(vec![child(Selector::Index(0))]));
    assert!(parsed("$.a[-1]").is_definite());
}

#[test]
fn slices_take_optional_bounds_and_step() {
    let slice = |start, end, step| child(Selector::Slice { start, end, step });
    assert_eq!(
        parsed("$[1:3]").segments,
        vec![slice(Some(1), Some(3), None)]
    );
    assert_eq!(parsed("$[:2]").segments, vec![slice(None, Some(2), None)]);
    assert_eq!(parsed("$[1:]").segments, vec![slice(Some(1), None, None)]);
    assert_eq!(parsed("$[::2]").segments, vec![slice(None, None, Some(2))]);
    assert_eq!(parsed("$[-2:]").segments, vec![slice(Some(-2), None, None)]);
    assert_eq!(
        parsed("$[ 1 : 3 ]").segments,
        vec![slice(Some(1), Some(3), None)]
    );
    assert!(!parsed("$[1:3]").is_definite());
}

#[test]
fn wildcards_in_dot_and_bracket_form_are_the_same() {
    let expected = input(vec![
        child(name("items")),
        child(Selector::Wildcard),
        child(name("id")),
    ]);
    assert_eq!(parsed("$.items[*].id"), expected);
    assert_eq!(parsed("$.items.*.id"), expected);
    assert_eq!(parsed("$.items[ * ].id"), expected);
    assert!(!expected.is_definite());
}

#[test]
fn recursive_descent_takes_a_name_a_wildcard_or_a_bracket() {
    assert_eq!(
        parsed("$..author").segments,
        vec![Segment::Descendant(name("author"))]
    );
    assert_eq!(
        parsed("$..*").segments,
        vec![Segment::Descendant(Selector::Wildcard)]
    );
    assert_eq!(
        parsed("$..[0]").segments,
        vec![Segment::Descendant(Selector::Index(0))]
    );
    assert_eq!(
        parsed("$.store..price").segments,
        vec![child(name("store")), Segment::Descendant(name("price"))]
    );
    assert!(!parsed("$..author").is_definite());
}

#[test]
fn unions_list_indexes_or_names() {
    assert_eq!(
        parsed("$[0,1]").segments,
        vec![child(Selector::Union(vec![
            Selector::Index(0),
            Selector::Index(1)
        ]))]
    );
    assert_eq!(
        parsed("$['a', \"b\"]").segments,
        vec![child(Selector::Union(vec![name("a"), name("b")]))]
    );
    assert!(!parsed("$[0,1]").is_definite());
}

#[test]
fn dot_before_bracket_is_accepted_as_aws_does() {
    assert_eq!(parsed("$.[0]"), parsed("$[0]"));
}

#[test]
fn filter_compares_a_field_with_a_number() {
    let path = parsed("$.book[?(@.price < 10)]");
    assert_eq!(
        path.segments,
        vec![
            child(name("book")),
            child(Selector::Filter(FilterExpr::Compare {
                left: current(vec![child(name("price"))]),
                op: CompareOp::Lt,
                right: Operand::Literal(number("10")),
            })),
        ]
    );
    assert!(!path.is_definite());
}

#[test]
fn filter_with_a_path_alone_tests_existence() {
    assert_eq!(
        parsed("$[?(@.isbn)]").segments,
        vec![child(Selector::Filter(FilterExpr::Exists(
            FilterPath::Current(vec![child(name("isbn"))])
        )))]
    );
}

#[test]
fn filter_and_binds_tighter_than_or() {
    let path = parsed("$[?(@.a == 'x' && @.b > 1 || @.c)]");
    let Segment::Child(Selector::Filter(FilterExpr::Or(left, right))) = &path.segments[0] else {
        panic!("expected an `||` at the top: {path:?}");
    };
    assert!(matches!(left.as_ref(), FilterExpr::And(..)));
    assert!(matches!(right.as_ref(), FilterExpr::Exists(_)));
}

#[test]
fn filter_negation_and_null() {
    let path = parsed("$[?(@.a != null || !@.b)]");
    let expected = FilterExpr::Or(
        Box::new(FilterExpr::Compare {
            left: current(vec![child(name("a"))]),
            op: CompareOp::Ne,
            right: Operand::Literal(Literal::Null),
        }),
        Box::new(FilterExpr::Not(Box::new(FilterExpr::Exists(
            FilterPath::Current(vec![child(name("b"))]),
        )))),
    );
    assert_eq!(path.segments, vec![child(Selector::Filter(expected))]);
}

#[test]
fn filter_operators_all_parse() {
    for (text, op) in [
        ("==", CompareOp::Eq),
        ("!=", CompareOp::Ne),
        ("<", CompareOp::Lt),
        ("<=", CompareOp::Le),
        (">", CompareOp::Gt),
        (">=", CompareOp::Ge),
        ("===", CompareOp::StrictEq),
        ("!==", CompareOp::StrictNe),
    ] {
        let path = parsed(&format!("$[?(@.a {text} 1)]"));
        let Segment::Child(Selector::Filter(FilterExpr::Compare { op: got, .. })) =
            &path.segments[0]
        else {
            panic!("expected a comparison for {text}");
        };
        assert_eq!(*got, op, "operator {text}");
    }
}

#[test]
fn filter_regex_keeps_pattern_and_flags() {
    let path = parsed(r"$[?(@.name =~ /^a\/b.*$/i)]");
    let Segment::Child(Selector::Filter(FilterExpr::Compare { op, right, .. })) = &path.segments[0]
    else {
        panic!("expected a comparison");
    };
    assert_eq!(*op, CompareOp::Regex);
    assert_eq!(
        *right,
        Operand::Literal(Literal::Regex {
            pattern: r"^a\/b.*$".to_owned(),
            flags: "i".to_owned()
        })
    );
}

#[test]
fn filter_word_operators_take_lists() {
    let path = parsed("$[?(@.size in ['S', 'M'])]");
    let Segment::Child(Selector::Filter(FilterExpr::Compare { op, right, .. })) = &path.segments[0]
    else {
        panic!("expected a comparison");
    };
    assert_eq!(*op, CompareOp::In);
    assert_eq!(
        *right,
        Operand::Literal(Literal::List(vec![
            Literal::String("S".to_owned()),
            Literal::String("M".to_owned())
        ]))
    );
}

#[test]
fn filter_literals_of_every_type() {
    for (text, literal) in [
        ("'x'", Literal::String("x".to_owned())),
        ("\"x\"", Literal::String("x".to_owned())),
        ("true", Literal::Bool(true)),
        ("false", Literal::Bool(false)),
        ("null", Literal::Null),
        ("-1.5", number("-1.5")),
        ("2e3", number("2e3")),
        // An unquoted word, as in a definition reported working on AWS.
        ("FooBar", Literal::String("FooBar".to_owned())),
    ] {
        let path = parsed(&format!("$[?(@.a == {text})]"));
        let Segment::Child(Selector::Filter(FilterExpr::Compare { right, .. })) = &path.segments[0]
        else {
            panic!("expected a comparison for {text}");
        };
        assert_eq!(*right, Operand::Literal(literal), "literal {text}");
    }
}

#[test]
fn filter_may_compare_with_root_paths() {
    let path = parsed("$.items[?(@.price < $.limit)]");
    let Segment::Child(Selector::Filter(FilterExpr::Compare { right, .. })) = &path.segments[1]
    else {
        panic!("expected a comparison");
    };
    assert_eq!(
        *right,
        Operand::Path(FilterPath::Root(input(vec![child(name("limit"))])))
    );
}

#[test]
fn filter_allows_whitespace_and_parentheses() {
    assert_eq!(
        parsed("$[ ?( ( @.a == 1 ) && (@.b) ) ]"),
        parsed("$[?(@.a==1&&@.b)]")
    );
}

#[test]
fn nested_filters_parse() {
    let path = parsed("$.a[?(@.b[?(@.c == 1)])]");
    assert_eq!(path.to_string(), "$.a[?(@.b[?(@.c == 1)])]");
}

#[test]
fn length_script_expression_means_a_negative_index() {
    assert_eq!(parsed("$[(@.length-1)].bar"), parsed("$[-1].bar"));
    assert_eq!(parsed("$.a[( @.length - 2 )]"), parsed("$.a[-2]"));
}

#[test]
fn other_script_expressions_are_rejected() {
    let e = error("$[(@.length+1)]");
    assert_eq!(e.position, 2);
    assert!(e.message.contains("`(@.length-N)`"), "{e}");
    assert!(parse_path("$[(1+1)]").is_err());
    assert!(parse_path("$[(@.length-0)]").is_err());
}

#[test]
fn canonical_text_round_trips() {
    round_trip("$", "$");
    round_trip("$$.Execution.Input", "$$.Execution.Input");
    round_trip("$var.x[0]", "$var.x[0]");
    round_trip("$['my key'].b", "$['my key'].b");
    round_trip("$[\"a\"]", "$.a");
    round_trip("$.items.*", "$.items[*]");
    round_trip("$..['a b']", "$..['a b']");
    round_trip("$..*", "$..*");
    round_trip("$..[1:2]", "$..[1:2]");
    round_trip("$[ 1 :: 2 ]", "$[1::2]");
    round_trip("$[0, 1]", "$[0,1]");
    round_trip("$['a','b']", "$['a','b']");
    round_trip(r"$['it\'s']", r"$['it\'s']");
    round_trip(r"$['a\\b']", r"$['a\\b']");
    round_trip("$['a.b']", "$['a.b']");
    round_trip("$[?(@.a==1&&(@.b||@.c))]", "$[?(@.a == 1 && (@.b || @.c))]");
    round_trip("$[?(!(@.a == 'x'))]", "$[?(!(@.a == 'x'))]");
    round_trip("$[?(@.a == 'it\\'s')]", "$[?(@.a == 'it\\'s')]");
    round_trip(
        "$[?(@['a b'] in [1,'x',null])]",
        "$[?(@['a b'] in [1,'x',null])]",
    );
}

#[test]
fn reference_paths_accept_names_and_indexes() {
    for text in [
        "$",
        "$.a.b",
        "$['my key']",
        "$.a[0]",
        "$$.Execution.Id",
        "$var.x",
        "$.a-b",
    ] {
        assert!(
            parse_reference_path(text).is_ok(),
            "`{text}` is a reference path"
        );
    }
}

#[test]
fn reference_paths_reject_what_names_more_than_one_value() {
    for (text, position, words) in [
        ("$.a[*]", 3, "wildcard"),
        ("$.a.*", 3, "wildcard"),
        ("$..a", 1, "recursive descent"),
        ("$.a[1:2]", 3, "slice"),
        ("$.a[0,1]", 3, "several"),
        ("$['a','b']", 1, "several"),
        ("$.a[?(@.b)]", 3, "filter"),
        ("$.a[-1]", 3, "negative index"),
    ] {
        let e = parse_reference_path(text).expect_err(text);
        assert_eq!(e.position, position, "position for `{text}`");
        assert!(e.message.contains(words), "message for `{text}`: {e}");
    }
}

#[test]
fn reference_path_errors_say_the_fix() {
    let e = parse_reference_path("$.a[*]").unwrap_err();
    assert_eq!(
        e.message,
        "a reference path cannot use a wildcard `*`; name one field"
    );
}

#[test]
fn empty_text_is_rejected() {
    let e = error("");
    assert_eq!(e.position, 0);
    assert!(e.message.contains("cannot be empty"), "{e}");
}

#[test]
fn text_without_root_is_rejected_with_a_suggestion() {
    let e = error("foo");
    assert_eq!(e.position, 0);
    assert!(e.message.contains("did you mean `$.foo`?"), "{e}");
    assert!(error(".guid").message.contains("`$.guid`"));
    assert!(error("..guid").message.contains("`$..guid`"));
    assert_eq!(error("()").position, 0);
    assert!(!error("not a path").message.contains("did you mean"));
    assert!(
        error("States.UUID()")
            .message
            .contains("not an intrinsic call")
    );
}

#[test]
fn trailing_dot_is_rejected() {
    let e = error("$.");
    assert_eq!(e.position, 1);
    assert!(e.message.contains("cannot end with `.`"), "{e}");
}

#[test]
fn trailing_double_dot_is_rejected() {
    let e = error("$..");
    assert_eq!(e.position, 1);
    assert!(e.message.contains("cannot end with `..`"), "{e}");
    assert!(error("$...").message.contains("`...` is not valid"));
}

#[test]
fn unclosed_brackets_are_rejected() {
    let e = error("$[");
    assert_eq!(e.position, 2);
    assert!(
        e.message.contains("the bracket opened at 1 is not closed"),
        "{e}"
    );
    let e = error("$.a[");
    assert_eq!(e.position, 4);
    assert!(e.message.contains("opened at 3"), "{e}");
    let e = error("$.a[0");
    assert_eq!(e.message, "expected `]` to close the bracket opened at 3");
    assert!(error("$['a'").message.contains("expected `]`"));
    assert!(error("$['a").message.contains("not closed"));
}

#[test]
fn stray_closing_bracket_is_rejected() {
    let e = error("$.a]");
    assert_eq!(e.position, 3);
    assert!(e.message.contains("no bracket is open"), "{e}");
}

#[test]
fn whitespace_in_a_dot_name_is_rejected() {
    let e = error("$.a b");
    assert_eq!(e.position, 3);
    assert!(e.message.contains("$['my field']"), "{e}");
    assert!(parse_path(" $.a").is_err());
    assert!(parse_path("$.a ").is_err());
    assert!(parse_path("$. a").is_err());
}

#[test]
fn malformed_roots_are_rejected() {
    assert!(error("$$23").message.contains("`$$`"));
    assert!(error("$23").message.contains("cannot start with a digit"));
    assert!(
        error("@.a")
            .message
            .contains("only has a meaning inside a filter")
    );
    assert!(parse_path("23").is_err());
}

#[test]
fn malformed_brackets_are_rejected() {
    for text in [
        "$[]",
        "$[a]",
        "$[0 1]",
        "$[0,]",
        "$[0,'a']",
        "$['a',0]",
        "$[1:2:3:4]",
        "$[::0]",
        "$[-]",
        "$[99999999999999999999]",
        "$[*,1]",
        "$[?@.a]",
        "$[?(@.a]",
        "$[?(@.a == )]",
        "$[?(@.a = 1)]",
        "$[?(@.a & @.b)]",
        "$[?(@.a foo 1)]",
        "$[?(1)]",
        "$[?(@.a == {\"b\":1})]",
        "$[?(@.a =~ /x)]",
        "$[?(@.a == 'x)]",
        "$[?(@.a == 01)]",
    ] {
        assert!(parse_path(text).is_err(), "`{text}` should be rejected");
    }
}

#[test]
fn functions_are_rejected_with_the_intrinsic_to_use() {
    let e = error("$.items.length()");
    assert_eq!(e.position, 14);
    assert!(e.message.contains("States.ArrayLength"), "{e}");
}

#[test]
fn errors_count_characters_not_bytes() {
    let e = error("$.größe]");
    assert_eq!(e.position, 7);
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let depth = 10_000;
    let parens = format!("$[?({}@.a{})]", "(".repeat(depth), ")".repeat(depth));
    assert!(error(&parens).message.contains("more than 64 deep"));
    let nots = format!("$[?({}@.a)]", "!".repeat(depth));
    assert!(error(&nots).message.contains("more than 64 deep"));
    let filters = format!("$[?(@{}.a{})]", "[?(@".repeat(depth), ")]".repeat(depth));
    assert!(parse_path(&filters).is_err());
    let lists = format!("$[?(@.a in {}1{})]", "[".repeat(depth), "]".repeat(depth));
    assert!(parse_path(&lists).is_err());
    let ok = format!("$[?({}@.a{})]", "(".repeat(20), ")".repeat(20));
    assert!(parse_path(&ok).is_ok());
}

#[test]
fn arbitrary_input_never_panics() {
    // A small deterministic fuzz: every prefix of tricky texts, and byte-level mutations.
    let seeds = [
        "$.a['b\\'c'][?(@.d =~ /e\\/f/i && !@.g || (@['h'] in [1,'x',[null]]))]..*[1:2:3]",
        "$$.Map.Item.Value[(@.length-1)]",
        "$größe.ü['ß'][\"\\u00e9\"][?(@.a == '\\u12')]",
        "$[?(@.a == 1e999)][?(@.b == -)][ 1 , 2 ][::-1]",
    ];
    for seed in seeds {
        let chars: Vec<char> = seed.chars().collect();
        for end in 0..=chars.len() {
            let prefix: String = chars[..end].iter().collect();
            let _ = parse_path(&prefix);
            let _ = parse_reference_path(&prefix);
            for start in 0..end {
                let piece: String = chars[start..end].iter().collect();
                let _ = parse_path(&piece);
            }
        }
    }
}

#[test]
fn path_error_is_send_sync_and_displays_position() {
    fn assert_send_sync<T: Send + Sync + std::error::Error>() {}
    assert_send_sync::<PathError>();
    assert_eq!(
        error("$.a]").to_string(),
        "unexpected `]`: no bracket is open here (at character 3)"
    );
}
