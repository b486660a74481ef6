//! Tests of evaluation: `select` (Jayway's rules and messages), filters, `place` and templates.

use crate::value::{Map, Value, json};

use super::{
    Scope, SelectError, evaluate_template_with_rng, parse_path, parse_reference_path, place,
    place_copy,
};
use crate::intrinsics::SplitMix64;

fn select_in(path: &str, input: &Value) -> Result<Value, SelectError> {
    let variables = Map::new();
    let context = json!({});
    parse_path(path)
        .expect("the path parses")
        .select(&Scope::new(input, &context, &variables))
}

fn select(path: &str, input: Value) -> Value {
    select_in(path, &input).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn select_error(path: &str, input: Value) -> String {
    match select_in(path, &input) {
        Ok(value) => panic!("{path} selected {value}"),
        Err(error) => error.to_string(),
    }
}

fn books() -> Value {
    json!({
        "store": {
            "book": [
                {"title": "A", "price": 8.95, "isbn": null, "tags": ["x"]},
                {"title": "B", "price": 12.99, "tags": []},
                {"title": "C", "price": 8, "isbn": "0-553", "tags": ["x", "y"]}
            ],
            "bicycle": {"color": "red", "price": 19.95}
        },
        "min": 9
    })
}

#[test]
fn definite_paths_select_one_value() {
    let input = json!({"a": {"b": [1, 2, 3]}, "c": null});
    assert_eq!(select("$", input.clone()), input);
    assert_eq!(select("$.a.b", input.clone()), json!([1, 2, 3]));
    assert_eq!(select("$.a.b[1]", input.clone()), json!(2));
    assert_eq!(select("$['a']['b'][-1]", input.clone()), json!(3));
    assert_eq!(select("$.c", input), json!(null));
}

#[test]
fn context_and_variables_have_their_own_roots() {
    let input = json!({"x": 1});
    let context = json!({"Execution": {"Id": "arn:x"}});
    let mut variables = Map::new();
    variables.insert("user".to_owned(), json!({"name": "Ann"}));
    let scope = Scope::new(&input, &context, &variables);
    let read = |text: &str| parse_path(text).unwrap().select(&scope);
    assert_eq!(read("$$.Execution.Id"), Ok(json!("arn:x")));
    assert_eq!(read("$user.name"), Ok(json!("Ann")));
    assert_eq!(read("$user"), Ok(json!({"name": "Ann"})));
    assert_eq!(
        read("$nobody.name"),
        Err(SelectError::UndefinedVariable {
            name: "nobody".to_owned()
        })
    );
}

#[test]
fn a_missing_last_field_has_no_results() {
    // Recorded: `Invalid path '$.NoSuchOutputPath' : No results for path: $['NoSuchOutputPath']`.
    let error = select_in("$.NoSuchOutputPath", &json!({"int-literal": 0})).unwrap_err();
    assert_eq!(
        error.invalid_path_cause("$.NoSuchOutputPath"),
        "Invalid path '$.NoSuchOutputPath' : No results for path: $['NoSuchOutputPath']"
    );
}

#[test]
fn a_missing_inner_field_is_a_missing_property() {
    // Recorded: `Invalid path '$.no.such.result.path' : Missing property in path $['no']`.
    assert_eq!(
        select_error("$.no.such.result.path", json!({})),
        "Missing property in path $['no']"
    );
    assert_eq!(
        select_error("$.a.no.c", json!({"a": {}})),
        "Missing property in path $['a']['no']"
    );
}

#[test]
fn jayway_names_what_it_found_instead_of_an_object_or_array() {
    assert_eq!(
        select_error("$.a.b", json!({"a": "text"})),
        "Expected to find an object with property ['b'] in path $['a'] but found \
         'java.lang.String'. This is not a json object according to the JsonProvider: \
         'com.jayway.jsonpath.spi.json.JacksonJsonProvider'."
    );
    assert!(select_error("$.a.b", json!({"a": null})).contains("but found 'null'"));
    assert_eq!(
        select_error("$.a[0]", json!({"a": null})),
        "The path $['a'] is null"
    );
    assert_eq!(
        select_error("$.a[0].c", json!({"a": {"b": 1}})),
        "Filter: [0]['c'] can only be applied to arrays. Current context is: {b=1}"
    );
    assert_eq!(
        select_error("$.a[5].c", json!({"a": [1]})),
        "No results for path: $['a'][5]['c']"
    );
}

#[test]
fn indefinite_paths_give_arrays_and_never_fail() {
    // Recorded against `{}`: each of these gives `[]`.
    for path in [
        "$.item.items[*]",
        "$.item.items[1:5].itemValue",
        "$.items[:1]",
        "$.items[*].itemValue",
    ] {
        assert_eq!(select(path, json!({})), json!([]), "{path}");
    }
    let input = books();
    assert_eq!(
        select("$.store.book[*].title", input.clone()),
        json!(["A", "B", "C"])
    );
    assert_eq!(
        select("$.store.book[0,2].title", input.clone()),
        json!(["A", "C"])
    );
    assert_eq!(
        select("$.store.book[1:].title", input.clone()),
        json!(["B", "C"])
    );
    assert_eq!(
        select("$.store.book[-1:].title", input.clone()),
        json!(["C"])
    );
    assert_eq!(select("$.store.*.color", input), json!(["red"]));
}

#[test]
fn recursive_descent_visits_each_node_before_its_children() {
    let input = json!({"a": {"x": 1, "b": {"x": 2}}, "c": [{"x": 3}], "x": 0});
    assert_eq!(select("$..x", input.clone()), json!([0, 1, 2, 3]));
    let input = json!({"a": {"x": 1}, "b": 2});
    // Jayway: the root's children first, then each child's, depth first.
    assert_eq!(select("$..*", input), json!([{"x": 1}, 2, 1]));
    assert_eq!(
        select("$..book[?(@.price < 9)].title", books()),
        json!(["A", "C"])
    );
}

#[test]
fn a_final_union_of_names_merges_the_fields_found() {
    let input = json!({"a": 1, "b": 2, "c": 3});
    assert_eq!(
        select("$['a','c','z']", input.clone()),
        json!({"a": 1, "c": 3})
    );
    assert_eq!(select("$[*]['a']", json!([{"a": 1}, {"b": 2}])), json!([1]));
    assert_eq!(select("$['a','b']", json!({})), json!({}));
}

#[test]
fn filters_compare_like_jayway() {
    let input = books();
    let titles = |filter: &str| select(&format!("$.store.book[?({filter})].title"), input.clone());
    assert_eq!(titles("@.price < 10"), json!(["A", "C"]));
    assert_eq!(titles("@.price >= 12.99"), json!(["B"]));
    assert_eq!(titles("@.price == 8"), json!(["C"]));
    assert_eq!(titles("@.price < 10 && @.title != 'A'"), json!(["C"]));
    assert_eq!(
        titles("@.title == 'A' || @.title == 'B'"),
        json!(["A", "B"])
    );
    assert_eq!(titles("!(@.price < 10)"), json!(["B"]));
    // An exists-test holds for a field that is null.
    assert_eq!(titles("@.isbn"), json!(["A", "C"]));
    assert_eq!(titles("!@.isbn"), json!(["B"]));
    assert_eq!(titles("@.title =~ /[ab]/i"), json!(["A", "B"]));
    assert_eq!(titles("@.title =~ /A|C/"), json!(["A", "C"]));
    assert_eq!(titles("@.title in ['A', 'C']"), json!(["A", "C"]));
    assert_eq!(titles("@.title nin ['A', 'C']"), json!(["B"]));
    assert_eq!(titles("@.tags contains 'y'"), json!(["C"]));
    assert_eq!(titles("@.tags size 1"), json!(["A"]));
    assert_eq!(titles("@.tags empty true"), json!(["B"]));
    assert_eq!(
        titles("@.tags subsetof ['x', 'y', 'z']"),
        json!(["A", "B", "C"])
    );
    assert_eq!(titles("@.tags anyof ['y']"), json!(["C"]));
    assert_eq!(titles("@.tags noneof ['x']"), json!(["B"]));
    assert_eq!(titles("@.price > $.min"), json!(["B"]));
    assert_eq!(titles("@.missing == null"), json!([]));
    assert_eq!(titles("@.missing != 1"), json!(["A", "B", "C"]));
}

#[test]
fn equality_is_loose_between_numbers_and_strings_but_not_strictly() {
    let input = json!([{"n": 1}, {"n": "1"}, {"n": 1.5}, {"n": true}]);
    assert_eq!(select("$[?(@.n == '1')].n", input.clone()), json!([1, "1"]));
    assert_eq!(select("$[?(@.n === 1)].n", input.clone()), json!([1]));
    assert_eq!(select("$[?(@.n == 1.5)].n", input.clone()), json!([1.5]));
    assert_eq!(select("$[?(@.n == true)].n", input.clone()), json!([true]));
    // `<` only orders two numbers or two strings.
    assert_eq!(select("$[?(@.n < 2)].n", input), json!([1, 1.5]));
}

#[test]
fn a_filter_on_an_object_tests_the_object_itself() {
    let input = json!({"obj": {"x": 1}, "list": [1, 5, 10]});
    assert_eq!(
        select("$.obj[?(@.x == 1)]", input.clone()),
        json!([{"x": 1}])
    );
    assert_eq!(select("$.list[?(@ > 2)]", input), json!([5, 10]));
    // Recorded: `$.users[?(@.status == 0)]`.
    let users = json!({"users": [{"year": 1997, "status": 0}, {"year": 1998, "status": 1}]});
    assert_eq!(
        select("$.users[?(@.status == 0)]", users),
        json!([{"year": 1997, "status": 0}])
    );
}

#[test]
fn bracket_notation_names_each_step() {
    let path = parse_path("$.a['b c'][0][*]..d[1:2][?(@.e)]").unwrap();
    assert_eq!(
        path.to_bracket_notation(),
        "$['a']['b c'][0][*]..['d'][1:2][?]"
    );
    assert_eq!(
        parse_path("$$.Execution.Id").unwrap().to_bracket_notation(),
        "$['Execution']['Id']"
    );
}

fn placed(path: &str, input: Value, result: Value) -> Result<Value, String> {
    let path = parse_reference_path(path).unwrap();
    // The copying form gives the same value, members in the same order, or the same error.
    let copied = place_copy(&input, &path, result.clone()).map_err(|e| e.cause());
    let placed = place(input, &path, result).map_err(|e| {
        assert_eq!(e.error(), "States.ResultPathMatchFailure");
        e.cause()
    });
    assert_eq!(
        copied.as_ref().map(Value::to_string),
        placed.as_ref().map(Value::to_string)
    );
    placed
}

#[test]
fn place_replaces_the_input_at_the_root() {
    assert_eq!(placed("$", json!({"a": 1}), json!("r")), Ok(json!("r")));
    assert_eq!(placed("$", json!("text"), json!([1])), Ok(json!([1])));
}

#[test]
fn place_creates_missing_objects_and_keeps_the_rest() {
    assert_eq!(
        placed("$.taskresult", json!({"comment": "c"}), json!("Hello")),
        Ok(json!({"comment": "c", "taskresult": "Hello"}))
    );
    assert_eq!(
        placed("$.a.b.c", json!({"a": {"x": 1}}), json!(1)),
        Ok(json!({"a": {"x": 1, "b": {"c": 1}}}))
    );
    assert_eq!(
        placed("$.a", json!({"a": {"old": true}}), json!(2)),
        Ok(json!({"a": 2}))
    );
    assert_eq!(
        placed("$.list[1].v", json!({"list": [{}, {"w": 0}]}), json!(3)),
        Ok(json!({"list": [{}, {"w": 0, "v": 3}]}))
    );
    assert_eq!(
        placed("$.list[0]", json!({"list": [1, 2]}), json!(9)),
        Ok(json!({"list": [9, 2]}))
    );
}

#[test]
fn place_fails_where_the_input_has_no_room() {
    assert_eq!(
        placed("$.a.b", json!({"a": "text"}), json!(1)),
        Err("Unable to apply ReferencePath $.a.b to input {\"a\":\"text\"}".to_owned())
    );
    assert!(placed("$.a", json!("text"), json!(1)).is_err());
    assert!(placed("$.a", json!([1]), json!(1)).is_err());
    assert!(placed("$.a.b", json!({"a": null}), json!(1)).is_err());
    assert!(placed("$.list[2]", json!({"list": [1, 2]}), json!(1)).is_err());
    assert!(placed("$.missing[0]", json!({}), json!(1)).is_err());
    assert!(placed("$.list.x", json!({"list": []}), json!(1)).is_err());
}

fn template(template: Value, input: &Value) -> Result<Value, (String, String)> {
    let context = json!({"Execution": {"Input": {"v": 1}}, "StateMachine": {"Name": "a-b-c"}});
    let mut variables = Map::new();
    variables.insert("name".to_owned(), json!("Ann"));
    let scope = Scope::new(input, &context, &variables);
    evaluate_template_with_rng(&template, &scope, &mut SplitMix64::new(1))
        .map_err(|e| (e.error().to_owned(), e.cause().to_owned()))
}

#[test]
fn templates_copy_values_and_resolve_dollar_keys() {
    let input = json!({"a": {"b": 1}, "list": [1, 2]});
    let out = template(
        json!({
            "literal": "$.a",
            "nested": {"b.$": "$.a.b", "arr": [{"x.$": "$.list[1]"}, 3]},
            "ctx.$": "$$.Execution.Input.v",
            "var.$": "$name",
            "call.$": "States.Format('{} has {}', $name, States.ArrayLength($.list))",
            "whole.$": "$",
            "split.$": "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), 2)"
        }),
        &input,
    );
    assert_eq!(
        out,
        Ok(json!({
            "literal": "$.a",
            "nested": {"b": 1, "arr": [{"x": 2}, 3]},
            "ctx": 1,
            "var": "Ann",
            "call": "Ann has 2",
            "whole": {"a": {"b": 1}, "list": [1, 2]},
            "split": "c"
        }))
    );
}

#[test]
fn a_template_path_that_finds_nothing_is_a_runtime_error() {
    // Recorded: `The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could
    // not be found in the input '<json-input:1>'`; the input is compact JSON.
    let input = json!({"int-literal": 0, "s": [1, 2.5]});
    assert_eq!(
        template(json!({"value.$": "$.no_such_jsonpath"}), &input),
        Err((
            "States.Runtime".to_owned(),
            "The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not \
             be found in the input '{\"int-literal\":0,\"s\":[1,2.5]}'"
                .to_owned()
        ))
    );
    assert_eq!(
        template(json!({"deep": {"v.$": "$$.Execution.Input.none"}}), &input)
            .unwrap_err()
            .1,
        "The JSONPath '$$.Execution.Input.none' specified for the field 'v.$' could not be \
         found in the input '{\"int-literal\":0,\"s\":[1,2.5]}'"
    );
    assert_eq!(
        template(json!({"f.$": "States.Format('{}', $.gone)"}), &input).unwrap_err(),
        (
            "States.Runtime".to_owned(),
            "The JSONPath '$.gone' specified for the field 'f.$' could not be found in the \
             input '{\"int-literal\":0,\"s\":[1,2.5]}'"
                .to_owned()
        )
    );
    // An indefinite path finds an empty array instead.
    assert_eq!(
        template(json!({"v.$": "$.none[*]"}), &input),
        Ok(json!({"v": []}))
    );
}

#[test]
fn a_failing_intrinsic_is_an_intrinsic_failure() {
    let (error, cause) = template(
        json!({"v.$": "States.ArrayGetItem($.list, 5)"}),
        &json!({"list": [1]}),
    )
    .unwrap_err();
    assert_eq!(error, "States.IntrinsicFailure");
    assert_eq!(
        cause,
        "Invalid arguments in States.ArrayGetItem: the index 5 is out of bounds for an array \
         of 1 elements"
    );
}

#[test]
fn uuids_in_templates_follow_the_seeded_source() {
    let first = template(json!({"id.$": "States.UUID()"}), &json!({})).unwrap();
    let second = template(json!({"id.$": "States.UUID()"}), &json!({})).unwrap();
    assert_eq!(first, second);
}

#[test]
fn unusual_paths_evaluate_without_panicking() {
    let input = json!({"a": [1, {"b": [null, {"c": "x"}]}, [2, 3]], "d": {"e": {}}, "": 0});
    let paths = [
        "$..*",
        "$..[*]",
        "$..[0]",
        "$..[-1:]",
        "$..['b','c']",
        "$..[?(@..c)]",
        "$..[?(@.b[1].c =~ /(x)+/)]",
        "$.a[::-1]",
        "$.a[-9223372036854775808]",
        "$.a[-9223372036854775808:9223372036854775807:-9223372036854775808]",
        "$.a[:-9223372036854775808]",
        "$.a[?(@ in $.a)]",
        "$.a[?(@.b size 2 && @.b empty false || !@)]",
        "$.a[?(@ =~ /[/)]",
        "$['']",
        "$.d.e.f",
        "$.a[1].b[0].c",
    ];
    for path in paths {
        let _ = select_in(path, &input);
    }
    assert_eq!(select("$['']", input.clone()), json!(0));
    assert_eq!(select("$.a[?(@ =~ /[/)]", input), json!([]));
}
