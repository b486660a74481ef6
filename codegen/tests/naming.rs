//! `Naming`: the value of each placeholder suffix, overrides, and errors that say where.

mod common;

use common::{machine, naming};
use serde_json::json;
use statewright_codegen::{Naming, NamingError};

#[test]
fn each_suffix_names_its_resource_with_the_prefix() {
    let naming = naming();
    let cases = [
        (
            "ChargeFunctionArn",
            "arn:aws:lambda:us-east-1:111122223333:function:prod-Charge",
        ),
        (
            "JobsQueueUrl",
            "https://sqs.us-east-1.amazonaws.com/111122223333/prod-Jobs",
        ),
        (
            "JobsQueueArn",
            "arn:aws:sqs:us-east-1:111122223333:prod-Jobs",
        ),
        (
            "AlertsTopicArn",
            "arn:aws:sns:us-east-1:111122223333:prod-Alerts",
        ),
        (
            "ShipStateMachineArn",
            "arn:aws:states:us-east-1:111122223333:stateMachine:prod-Ship",
        ),
        ("ShipStateMachineName", "prod-Ship"),
        ("OrdersTableName", "prod-Orders"),
        (
            "OrdersTableArn",
            "arn:aws:dynamodb:us-east-1:111122223333:table/prod-Orders",
        ),
        ("ArchiveBucketName", "prod-Archive"),
    ];
    for (name, value) in cases {
        assert_eq!(naming.value_of(name).as_deref(), Some(value), "{name}");
    }
    assert_eq!(naming.value_of("Charge"), None);
    assert_eq!(
        naming.value_of("FunctionArn"),
        None,
        "a suffix alone names nothing"
    );
}

#[test]
fn partition_defaults_to_aws_and_shapes_arns_and_queue_urls() {
    let naming: Naming = serde_json::from_value(
        json!({"region": "cn-north-1", "account": "1", "partition": "aws-cn"}),
    )
    .unwrap();
    assert_eq!(
        naming.value_of("JobsQueueUrl").as_deref(),
        Some("https://sqs.cn-north-1.amazonaws.com.cn/1/Jobs")
    );
    assert_eq!(
        naming.value_of("FnFunctionArn").as_deref(),
        Some("arn:aws-cn:lambda:cn-north-1:1:function:Fn")
    );
    let plain: Naming = serde_json::from_value(json!({"region": "r", "account": "a"})).unwrap();
    assert_eq!(plain, Naming::new("r", "a"));
    assert_eq!(plain.partition, "aws");
    assert!(
        serde_json::from_value::<Naming>(json!({"region": "r", "account": "a", "regoin": "x"}))
            .is_err()
    );
}

#[test]
fn overrides_win_over_suffixes_and_name_anything() {
    let mut naming = naming();
    naming.overrides.insert(
        "ChargeFunctionArn".into(),
        "arn:aws:lambda:us-east-1:9:function:Legacy".into(),
    );
    naming.overrides.insert("Stage".into(), "blue".into());
    assert_eq!(
        naming
            .resolve_text("${ChargeFunctionArn}|${Stage}-${JobsQueueArn}", "/x")
            .unwrap(),
        "arn:aws:lambda:us-east-1:9:function:Legacy|blue-arn:aws:sqs:us-east-1:111122223333:prod-Jobs"
    );
}

#[test]
fn an_unknown_suffix_is_an_error_naming_the_placeholder_and_its_pointer() {
    let definition = machine(json!({
        "StartAt": "Fan",
        "States": {"Fan": {"Type": "Parallel", "End": true, "Branches": [{
            "StartAt": "Send/Now",
            "States": {"Send/Now": {
                "Type": "Task",
                "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "${Mailer}", "Payload": {"to": "${MailerFunctionArn}"}},
                "End": true
            }}
        }]}}
    }));
    let error = naming().resolve(&definition).unwrap_err();
    assert_eq!(
        error,
        NamingError::UnknownPlaceholder {
            name: "Mailer".into(),
            pointer: "/States/Fan/Branches/0/States/Send~1Now/Parameters/FunctionName".into(),
        }
    );
    let message = error.to_string();
    assert!(
        message.starts_with("/States/Fan/Branches/0/States/Send~1Now/Parameters/FunctionName: the placeholder `${Mailer}` ends in no known suffix"),
        "{message}"
    );
}

#[test]
fn placeholders_in_map_processors_and_keys_are_filled_in() {
    let definition = machine(json!({
        "StartAt": "Each",
        "States": {"Each": {"Type": "Map", "End": true, "ItemProcessor": {
            "StartAt": "Put",
            "States": {"Put": {
                "Type": "Task",
                "Resource": "arn:aws:states:::dynamodb:putItem",
                "Parameters": {"TableName": "${OrdersTableName}", "Item": {"${OrdersTableName}": {"S": "x"}}},
                "End": true
            }}
        }}}
    }));
    let resolved = naming().resolve(&definition).unwrap().to_value();
    let parameters = &resolved["States"]["Each"]["ItemProcessor"]["States"]["Put"]["Parameters"];
    assert_eq!(parameters["TableName"], "prod-Orders");
    assert_eq!(parameters["Item"]["prod-Orders"]["S"], "x");
}
