//! One test per validator rule: the code and the pointer each mistake is reported with.

use serde_json::{Value, json};
use statewright_core::validate::{
    Code, MachineType, Options, Report, validate_text, validate_value,
};

fn findings(definition: Value) -> Vec<(Code, String)> {
    validate_value(&definition, &Options::default())
        .into_iter()
        .map(|f| (f.code, f.pointer))
        .collect()
}

fn one_state(state: Value) -> Value {
    json!({"StartAt": "S", "States": {"S": state}})
}

fn at(code: Code, pointer: &str) -> Vec<(Code, String)> {
    vec![(code, pointer.to_string())]
}

#[test]
fn a_minimal_machine_is_valid() {
    assert_eq!(findings(one_state(json!({"Type": "Succeed"}))), []);
}

#[test]
fn missing_start_at_and_states_are_both_reported() {
    assert_eq!(
        findings(json!({})),
        [
            (Code::MissingField, String::new()),
            (Code::MissingField, String::new())
        ]
    );
}

#[test]
fn unknown_top_level_field_is_reported() {
    let mut definition = one_state(json!({"Type": "Succeed"}));
    definition["Startat"] = json!("S");
    assert_eq!(findings(definition), at(Code::UnknownField, "/Startat"));
}

#[test]
fn field_of_another_state_type_is_not_allowed() {
    let definition = one_state(json!({"Type": "Succeed", "Parameters": {}}));
    assert_eq!(
        findings(definition),
        at(Code::FieldNotAllowed, "/States/S/Parameters")
    );
}

#[test]
fn jsonpath_field_in_jsonata_state_is_reported() {
    let definition = one_state(json!({"Type": "Pass", "QueryLanguage": "JSONata",
        "ResultPath": "$.x", "End": true}));
    assert_eq!(
        findings(definition),
        at(Code::WrongQueryLanguage, "/States/S/ResultPath")
    );
}

#[test]
fn jsonata_field_in_jsonpath_state_is_reported() {
    let definition = one_state(json!({"Type": "Pass", "Output": {}, "End": true}));
    assert_eq!(
        findings(definition),
        at(Code::WrongQueryLanguage, "/States/S/Output")
    );
}

#[test]
fn jsonpath_state_in_jsonata_machine_is_a_downgrade() {
    let definition = json!({"QueryLanguage": "JSONata", "StartAt": "S",
        "States": {"S": {"Type": "Pass", "QueryLanguage": "JSONPath", "End": true}}});
    assert_eq!(
        findings(definition),
        at(Code::QueryLanguageDowngrade, "/States/S")
    );
}

#[test]
fn jsonata_state_in_jsonpath_machine_is_allowed() {
    let definition = one_state(json!({"Type": "Pass", "QueryLanguage": "JSONata",
        "Output": "{% $states.input %}", "End": true}));
    assert_eq!(findings(definition), []);
}

#[test]
fn wrong_value_types_are_reported() {
    let definition = one_state(json!({"Type": "Task", "Resource": 5, "End": "yes"}));
    assert_eq!(
        findings(definition),
        [
            (Code::WrongType, "/States/S/Resource".to_string()),
            (Code::WrongType, "/States/S/End".to_string()),
            (Code::MissingTransition, "/States/S".to_string()),
        ]
    );
}

#[test]
fn ranges_are_checked() {
    let definition = one_state(
        json!({"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
        "TimeoutSeconds": 0, "End": true,
        "Retry": [{"ErrorEquals": ["X"], "BackoffRate": 0.5, "MaxAttempts": -1}]}),
    );
    assert_eq!(
        findings(definition),
        [
            (Code::OutOfRange, "/States/S/TimeoutSeconds".to_string()),
            (
                Code::OutOfRange,
                "/States/S/Retry/0/BackoffRate".to_string()
            ),
            (
                Code::OutOfRange,
                "/States/S/Retry/0/MaxAttempts".to_string()
            ),
        ]
    );
}

#[test]
fn negative_max_concurrency_is_out_of_range() {
    let definition = one_state(json!({"Type": "Map", "MaxConcurrency": -1, "End": true,
        "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}}));
    assert_eq!(
        findings(definition),
        at(Code::OutOfRange, "/States/S/MaxConcurrency")
    );
}

#[test]
fn heartbeat_must_be_below_timeout() {
    let definition = one_state(
        json!({"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
        "TimeoutSeconds": 10, "HeartbeatSeconds": 10, "End": true}),
    );
    assert_eq!(
        findings(definition),
        at(Code::OutOfRange, "/States/S/HeartbeatSeconds")
    );
}

#[test]
fn exclusive_fields_are_reported_at_the_second() {
    let definition = one_state(json!({"Type": "Fail", "Error": "E", "ErrorPath": "$.e"}));
    assert_eq!(
        findings(definition),
        at(Code::ExclusiveFields, "/States/S/ErrorPath")
    );
}

#[test]
fn next_and_end_together_are_exclusive() {
    let definition = json!({"StartAt": "S", "States": {
        "S": {"Type": "Pass", "Next": "T", "End": true}, "T": {"Type": "Succeed"}}});
    assert_eq!(
        findings(definition),
        at(Code::ExclusiveFields, "/States/S/End")
    );
}

#[test]
fn a_state_without_next_or_end_is_reported() {
    let definition = one_state(json!({"Type": "Pass"}));
    assert_eq!(
        findings(definition),
        at(Code::MissingTransition, "/States/S")
    );
}

#[test]
fn unknown_transition_targets_are_reported() {
    let definition = json!({"StartAt": "A", "States": {
        "A": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsNull": true, "Next": "Nope"}],
              "Default": "B"},
        "B": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish", "End": true,
              "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Gone"}]}}});
    assert_eq!(
        findings(definition),
        [
            (Code::UnknownState, "/States/A/Choices/0/Next".to_string()),
            (Code::UnknownState, "/States/B/Catch/0/Next".to_string()),
        ]
    );
}

#[test]
fn unknown_start_at_is_reported() {
    let definition = json!({"StartAt": "Nope", "States": {"A": {"Type": "Succeed"}}});
    assert_eq!(findings(definition), at(Code::UnknownState, "/StartAt"));
}

#[test]
fn a_transition_may_not_leave_a_parallel_branch() {
    let definition = json!({"StartAt": "P", "States": {
        "P": {"Type": "Parallel", "Next": "After", "Branches": [
            {"StartAt": "In", "States": {"In": {"Type": "Pass", "Next": "After"}}}]},
        "After": {"Type": "Succeed"}}});
    assert_eq!(
        findings(definition),
        [
            (
                Code::TransitionLeavesScope,
                "/States/P/Branches/0/States/In/Next".to_string()
            ),
            (
                Code::NoTerminalState,
                "/States/P/Branches/0/States".to_string()
            ),
        ]
    );
}

#[test]
fn unreachable_states_are_reported() {
    let definition = json!({"StartAt": "A", "States": {
        "A": {"Type": "Succeed"}, "Lost": {"Type": "Succeed"}}});
    assert_eq!(
        findings(definition),
        at(Code::UnreachableState, "/States/Lost")
    );
}

#[test]
fn a_loop_without_an_end_has_no_terminal_state() {
    let definition = json!({"StartAt": "A", "States": {
        "A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "A"}}});
    assert_eq!(findings(definition), at(Code::NoTerminalState, "/States"));
}

#[test]
fn duplicate_state_names_across_scopes_are_reported() {
    let definition = json!({"StartAt": "M", "States": {
        "M": {"Type": "Map", "Next": "Done", "ItemProcessor": {"StartAt": "M2",
              "States": {"M2": {"Type": "Pass", "Next": "Done"}, "Done": {"Type": "Succeed"}}}},
        "Done": {"Type": "Succeed"}}});
    assert_eq!(
        findings(definition),
        at(
            Code::DuplicateStateName,
            "/States/M/ItemProcessor/States/Done"
        )
    );
}

#[test]
fn state_names_longer_than_80_characters_are_reported() {
    let name = "n".repeat(81);
    let definition = json!({"StartAt": name, "States": {name.clone(): {"Type": "Succeed"}}});
    assert_eq!(
        findings(definition),
        at(Code::StateNameTooLong, &format!("/States/{name}"))
    );
}

#[test]
fn states_all_must_be_alone_and_last() {
    let definition = one_state(
        json!({"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
        "End": true, "Retry": [
            {"ErrorEquals": ["States.ALL", "X"]},
            {"ErrorEquals": ["States.ALL"]},
            {"ErrorEquals": ["Y"]}]}),
    );
    assert_eq!(
        findings(definition),
        [
            (
                Code::StatesAllNotAlone,
                "/States/S/Retry/0/ErrorEquals".to_string()
            ),
            (Code::StatesAllNotLast, "/States/S/Retry/0".to_string()),
            (Code::StatesAllNotLast, "/States/S/Retry/1".to_string()),
        ]
    );
}

#[test]
fn empty_error_equals_is_reported() {
    let definition = one_state(
        json!({"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
        "End": true, "Retry": [{"ErrorEquals": []}]}),
    );
    assert_eq!(
        findings(definition),
        at(Code::EmptyErrorEquals, "/States/S/Retry/0/ErrorEquals")
    );
}

#[test]
fn bad_jsonpaths_are_reported() {
    let definition = one_state(json!({"Type": "Pass", "InputPath": "$.a[", "End": true}));
    assert_eq!(
        findings(definition),
        at(Code::InvalidJsonPath, "/States/S/InputPath")
    );
}

#[test]
fn result_path_is_a_reference_path_into_the_input() {
    for bad in ["$.a[*]", "$..a", "$var", "$$.Execution"] {
        let definition = one_state(json!({"Type": "Pass", "ResultPath": bad, "End": true}));
        assert_eq!(
            findings(definition),
            at(Code::InvalidReferencePath, "/States/S/ResultPath"),
            "{bad}"
        );
    }
}

#[test]
fn payload_template_values_must_be_paths_or_intrinsics() {
    let definition = one_state(json!({"Type": "Pass", "End": true,
        "Parameters": {"a.$": "plain", "nested": {"b.$": 3}, "c": "x", "c.$": "$.c"}}));
    assert_eq!(
        findings(definition),
        [
            (
                Code::InvalidPayloadTemplate,
                "/States/S/Parameters/a.$".to_string()
            ),
            (
                Code::InvalidPayloadTemplate,
                "/States/S/Parameters/nested/b.$".to_string()
            ),
            (
                Code::InvalidPayloadTemplate,
                "/States/S/Parameters/c.$".to_string()
            ),
        ]
    );
}

#[test]
fn intrinsic_calls_are_checked() {
    let definition = one_state(json!({"Type": "Pass", "End": true, "Parameters": {
        "a.$": "States.Nope($.x)", "b.$": "States.MathAdd(1)", "c.$": "States.Format('{}', $.x)"}}));
    assert_eq!(
        findings(definition),
        [
            (
                Code::InvalidIntrinsic,
                "/States/S/Parameters/a.$".to_string()
            ),
            (
                Code::InvalidIntrinsic,
                "/States/S/Parameters/b.$".to_string()
            ),
        ]
    );
}

#[test]
fn jsonata_expressions_are_parsed() {
    let definition = one_state(
        json!({"Type": "Pass", "QueryLanguage": "JSONata", "End": true,
        "Output": {"a": "{% 1 + %}", "b": "{% 1", "c": "1 %}", "d": "{% $states.input %}"}}),
    );
    assert_eq!(
        findings(definition),
        [
            (Code::InvalidJsonata, "/States/S/Output/a".to_string()),
            (Code::InvalidJsonata, "/States/S/Output/b".to_string()),
            (Code::InvalidJsonata, "/States/S/Output/c".to_string()),
        ]
    );
}

#[test]
fn jsonata_numbers_may_be_expressions() {
    let definition = one_state(json!({"Type": "Task", "QueryLanguage": "JSONata",
        "Resource": "arn:aws:states:::sns:publish", "TimeoutSeconds": "{% 5 * 60 %}", "End": true}));
    assert_eq!(findings(definition), []);
}

#[test]
fn assign_keys_must_be_variable_names() {
    let definition = one_state(json!({"Type": "Pass", "End": true,
        "Assign": {"ok_name": 1, "bad name": 2, "9lives": 3}}));
    assert_eq!(
        findings(definition),
        [
            (
                Code::InvalidVariableName,
                "/States/S/Assign/bad name".to_string()
            ),
            (
                Code::InvalidVariableName,
                "/States/S/Assign/9lives".to_string()
            ),
        ]
    );
}

#[test]
fn wait_timestamps_are_rfc3339() {
    for bad in [
        "2016-12-05 21:29:29Z",
        "2016-12-05T21:29:29",
        "2016-13-05T21:29:29Z",
    ] {
        let definition = one_state(json!({"Type": "Wait", "Timestamp": bad, "End": true}));
        assert_eq!(
            findings(definition),
            at(Code::InvalidTimestamp, "/States/S/Timestamp"),
            "{bad}"
        );
    }
}

#[test]
fn a_wait_state_takes_exactly_one_duration() {
    let definition =
        one_state(json!({"Type": "Wait", "Seconds": 1, "SecondsPath": "$.s", "End": true}));
    assert_eq!(
        findings(definition),
        at(Code::ExclusiveFields, "/States/S/SecondsPath")
    );
    let definition = one_state(json!({"Type": "Wait", "End": true}));
    assert_eq!(findings(definition), at(Code::MissingField, "/States/S"));
}

#[test]
fn choice_operands_have_the_operator_type() {
    let definition = json!({"StartAt": "C", "States": {
        "C": {"Type": "Choice", "Choices": [
            {"Variable": "$.n", "NumericEquals": "5", "Next": "D"},
            {"Variable": "$.t", "TimestampEquals": "yesterday", "Next": "D"}]},
        "D": {"Type": "Succeed"}}});
    assert_eq!(
        findings(definition),
        [
            (
                Code::WrongType,
                "/States/C/Choices/0/NumericEquals".to_string()
            ),
            (
                Code::InvalidTimestamp,
                "/States/C/Choices/1/TimestampEquals".to_string()
            ),
        ]
    );
}

#[test]
fn nested_choice_rules_may_not_have_next() {
    let definition = json!({"StartAt": "C", "States": {
        "C": {"Type": "Choice", "Choices": [{"Not": {"Variable": "$.a", "IsNull": true,
            "Next": "D"}, "Next": "D"}]},
        "D": {"Type": "Succeed"}}});
    assert_eq!(
        findings(definition),
        at(Code::FieldNotAllowed, "/States/C/Choices/0/Not/Next")
    );
}

#[test]
fn resources_are_checked() {
    for (resource, code) in [
        ("not a uri", Code::InvalidResource),
        ("arn:aws:states:::dynamodb:query", Code::InvalidResource),
        (
            "arn:aws:lambda:us-east-1:1:function:f:",
            Code::InvalidResource,
        ),
        ("arn:aws:states:::sns:publish.sync", Code::InvalidResource),
        ("${Unclosed", Code::InvalidResource),
    ] {
        let definition = one_state(json!({"Type": "Task", "Resource": resource, "End": true}));
        assert_eq!(
            findings(definition),
            at(code, "/States/S/Resource"),
            "{resource}"
        );
    }
    for resource in [
        "arn:aws:states:::aws-sdk:dynamodb:query",
        "arn:aws:lambda:us-east-1:111111111111:function:f:$LATEST",
        "arn:aws:states:::states:startExecution.sync:2",
        "${LambdaArn}",
        "arn:aws:states:us-east-1:111111111111:activity:a",
    ] {
        let definition = one_state(json!({"Type": "Task", "Resource": resource, "End": true}));
        assert_eq!(findings(definition), [], "{resource}");
    }
}

#[test]
fn express_machines_refuse_callbacks_and_sync() {
    let definition = one_state(json!({"Type": "Task",
        "Resource": "arn:aws:states:::states:startExecution.sync", "End": true}));
    let express = Options {
        machine_type: MachineType::Express,
    };
    let found: Vec<Code> = validate_value(&definition, &express)
        .into_iter()
        .map(|f| f.code)
        .collect();
    assert_eq!(found, [Code::UnsupportedInExpress]);
    assert_eq!(findings(definition), []);
}

#[test]
fn credentials_need_a_role() {
    let definition = one_state(
        json!({"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
        "Credentials": {}, "End": true}),
    );
    assert_eq!(
        findings(definition),
        at(Code::MissingField, "/States/S/Credentials")
    );
}

#[test]
fn duplicate_json_keys_are_reported_with_their_pointer() {
    let text =
        r#"{"StartAt": "S", "States": {"S": {"Type": "Pass", "Type": "Pass", "End": true}}}"#;
    match validate_text(text, &Options::default()) {
        Report::Checked(found) => {
            let found: Vec<(Code, &str)> =
                found.iter().map(|f| (f.code, f.pointer.as_str())).collect();
            assert_eq!(found, [(Code::DuplicateKey, "/States/S/Type")]);
        }
        Report::Unreadable(e) => panic!("{e}"),
    }
}

#[test]
fn every_code_has_a_distinct_name() {
    let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Code::ALL.len());
}

#[test]
fn states_fields_are_checked_where_they_are_read() {
    let definition = json!({"QueryLanguage": "JSONata", "StartAt": "T", "States": {
        "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Arguments": {"FunctionName": "f", "Payload": "{% $states.result %}"},
              "Output": "{% $states.result.Payload %}",
              "Catch": [{"ErrorEquals": ["States.ALL"], "Output": "{% $states.errorOutput %}", "Next": "P"}],
              "Next": "P"},
        "P": {"Type": "Pass", "Output": "{% $states.inputs %}", "End": true}}});
    assert_eq!(
        findings(definition),
        [
            (
                Code::InvalidJsonata,
                "/States/T/Arguments/Payload".to_string()
            ),
            (Code::InvalidJsonata, "/States/P/Output".to_string()),
        ]
    );
}
