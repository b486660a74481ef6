//! The policy's rules, one integration at a time, as exact statements.

mod common;

use common::machine;
use serde_json::{Value, json};
use statewright_codegen::{Home, iam_policy, iam_policy_in};

fn task(resource: &str, parameters: Value) -> Value {
    json!({"StartAt": "T", "States": {"T": {
        "Type": "Task", "Resource": resource, "Parameters": parameters, "End": true}}})
}

fn statements(definition: Value) -> Value {
    iam_policy(&machine(definition))["Statement"].clone()
}

#[test]
fn a_function_read_from_the_input_needs_every_function() {
    assert_eq!(
        statements(task(
            "arn:aws:states:::lambda:invoke",
            json!({"FunctionName.$": "$.fn"})
        )),
        json!([{"Sid": "InvokeLambdaFunctions", "Effect": "Allow",
                "Action": ["lambda:InvokeFunction"],
                "Resource": ["arn:aws:lambda:*:*:function:*"]}])
    );
}

#[test]
fn a_bare_function_name_takes_the_home_region_and_account() {
    let definition = machine(task(
        "arn:aws:states:::lambda:invoke",
        json!({"FunctionName": "Charge"}),
    ));
    let home = Home::Known {
        region: "eu-west-1".into(),
        account: "111122223333".into(),
    };
    assert_eq!(
        iam_policy_in(&definition, &home)["Statement"][0]["Resource"],
        json!([
            "arn:aws:lambda:eu-west-1:111122223333:function:Charge",
            "arn:aws:lambda:eu-west-1:111122223333:function:Charge:*"
        ])
    );
}

#[test]
fn resources_are_deduplicated_sorted_and_absorbed_by_a_wildcard() {
    let definition = json!({"StartAt": "A", "States": {
        "A": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
              "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/1/b", "MessageBody": "x"}, "Next": "B"},
        "B": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
              "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/1/a", "MessageBody": "x"}, "Next": "C"},
        "C": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/1/b", "MessageBody.$": "$$.Task.Token"}, "Next": "D"},
        "D": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
              "Parameters": {"TopicArn": "arn:aws:sns:us-east-1:1:t", "Message": "x"}, "Next": "E"},
        "E": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
              "Parameters": {"PhoneNumber": "+15555550100", "Message": "x"}, "End": true}
    }});
    assert_eq!(
        statements(definition),
        json!([
            {"Sid": "PublishSnsMessages", "Effect": "Allow", "Action": ["sns:Publish"], "Resource": ["*"]},
            {"Sid": "SendSqsMessages", "Effect": "Allow", "Action": ["sqs:SendMessage"],
             "Resource": ["arn:aws:sqs:us-east-1:1:a", "arn:aws:sqs:us-east-1:1:b"]}
        ])
    );
}

#[test]
fn dynamodb_actions_get_a_statement_each_so_no_table_gains_another_action() {
    let definition = json!({"StartAt": "A", "States": {
        "A": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem",
              "Parameters": {"TableName": "Reads", "Key": {}}, "Next": "B"},
        "B": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:updateItem",
              "Parameters": {"TableName": "arn:aws:dynamodb:us-east-1:1:table/Writes", "Key": {}}, "End": true}
    }});
    assert_eq!(
        statements(definition),
        json!([
            {"Sid": "DynamodbGetItem", "Effect": "Allow", "Action": ["dynamodb:GetItem"],
             "Resource": ["arn:aws:dynamodb:*:*:table/Reads"]},
            {"Sid": "DynamodbUpdateItem", "Effect": "Allow", "Action": ["dynamodb:UpdateItem"],
             "Resource": ["arn:aws:dynamodb:us-east-1:1:table/Writes"]}
        ])
    );
}

#[test]
fn sdk_integrations_use_the_iam_prefix_and_say_they_need_any_resource() {
    let definition = json!({"StartAt": "A", "States": {
        "A": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sfn:listExecutions",
              "Parameters": {"StateMachineArn": "arn:aws:states:us-east-1:1:stateMachine:x"}, "Next": "B"},
        "B": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:getObject.waitForTaskToken",
              "Parameters": {"Bucket": "b", "Key": "k"}, "End": true}
    }});
    assert_eq!(
        statements(definition),
        json!([
            {"Sid": "AwsSdkS3GetObjectOnAnyResource", "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["*"]},
            {"Sid": "AwsSdkSfnListExecutionsOnAnyResource", "Effect": "Allow", "Action": ["states:ListExecutions"], "Resource": ["*"]}
        ])
    );
}

#[test]
fn activities_and_machines_without_tasks_need_no_statement() {
    let definition = json!({"StartAt": "A", "States": {
        "A": {"Type": "Task", "Resource": "arn:aws:states:us-east-1:1:activity:review", "Next": "B"},
        "B": {"Type": "Pass", "End": true}
    }});
    assert_eq!(statements(definition), json!([]));
    assert_eq!(
        iam_policy(&machine(
            json!({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}})
        )),
        json!({"Version": "2012-10-17", "Statement": []})
    );
}

#[test]
fn start_execution_sync_in_a_known_home_names_the_rule_there() {
    let definition = machine(task(
        "arn:aws:states:::states:startExecution.sync:2",
        json!({"StateMachineArn": "${ChildStateMachineArn}", "Input": {}}),
    ));
    let home = Home::Known {
        region: "eu-west-1".into(),
        account: "2".into(),
    };
    assert_eq!(
        iam_policy_in(&definition, &home)["Statement"],
        json!([
            {"Sid": "ManageNestedExecutionEventsRule", "Effect": "Allow",
             "Action": ["events:DescribeRule", "events:PutRule", "events:PutTargets"],
             "Resource": ["arn:aws:events:eu-west-1:2:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule"]},
            {"Sid": "ManageNestedExecutions", "Effect": "Allow",
             "Action": ["states:DescribeExecution", "states:StopExecution"],
             "Resource": ["arn:aws:states:eu-west-1:2:execution:${ChildStateMachineName}:*"]},
            {"Sid": "StartNestedExecutions", "Effect": "Allow",
             "Action": ["states:StartExecution"], "Resource": ["${ChildStateMachineArn}"]}
        ])
    );
}
