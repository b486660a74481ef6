//! Reading the ARNs, names and URLs a Task names: Lambda functions, queues, state machines.

use crate::placeholder::{Placeholder, PlaceholderKind, Segment, segments};

/// The region and account of ARNs that a definition leaves implicit (a bare function or table
/// name is in the state machine's own region and account).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Home {
    /// Not known: such ARNs get `*` for the region and account.
    #[default]
    Unknown,
    /// The CloudFormation stack's: `${AWS::Region}` and `${AWS::AccountId}` (for `Fn::Sub`).
    Stack,
    /// A given region and account.
    Known {
        /// The region, e.g. `us-east-1`.
        region: String,
        /// The 12-digit account ID.
        account: String,
    },
}

impl Home {
    /// The region as it goes into an ARN.
    pub fn region(&self) -> &str {
        match self {
            Home::Unknown => "*",
            Home::Stack => "${AWS::Region}",
            Home::Known { region, .. } => region,
        }
    }

    /// The account as it goes into an ARN.
    pub fn account(&self) -> &str {
        match self {
            Home::Unknown => "*",
            Home::Stack => "${AWS::AccountId}",
            Home::Known { account, .. } => account,
        }
    }
}

impl From<&crate::Naming> for Home {
    fn from(naming: &crate::Naming) -> Home {
        Home::Known {
            region: naming.region.clone(),
            account: naming.account.clone(),
        }
    }
}

/// The placeholder a string consists of, when it is exactly one `${Name}` of a known kind.
pub fn whole_placeholder(text: &str) -> Option<Placeholder> {
    match segments(text).as_slice() {
        [Segment::Placeholder(name)] => Placeholder::parse(name),
        _ => None,
    }
}

/// `${Name}` for a placeholder.
pub fn placeholder_text(placeholder: &Placeholder) -> String {
    format!("${{{}}}", placeholder.name())
}

/// A Lambda function as a Task names it: its unqualified ARN and its qualifier, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunctionRef {
    /// `arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME`, or a `${XFunctionArn}` placeholder.
    pub arn: String,
    /// The version or alias after the name.
    pub qualifier: Option<String>,
}

/// Reads a function as `FunctionName` accepts it: a name, a partial ARN
/// (`ACCOUNT:function:NAME`) or a full ARN, each optionally followed by `:QUALIFIER`; or a
/// `${XFunctionArn}` placeholder, optionally followed by `:QUALIFIER`.
pub fn function_ref(text: &str, partition: &str, home: &Home) -> FunctionRef {
    if let [Segment::Placeholder(name), rest @ ..] = segments(text).as_slice()
        && Placeholder::parse(name).is_some_and(|p| p.kind == PlaceholderKind::FunctionArn)
    {
        let tail: String = rest
            .iter()
            .map(|segment| match segment {
                Segment::Text(text) => text.to_string(),
                Segment::Placeholder(name) => format!("${{{name}}}"),
            })
            .collect();
        return FunctionRef {
            arn: format!("${{{name}}}"),
            qualifier: tail.strip_prefix(':').map(str::to_string),
        };
    }
    let parts: Vec<&str> = text.split(':').collect();
    let (partition, region, account, name, qualifier) = match parts.as_slice() {
        [
            "arn",
            partition,
            "lambda",
            region,
            account,
            "function",
            name,
            rest @ ..,
        ] => (*partition, *region, *account, *name, rest.first()),
        [account, "function", name, rest @ ..] => {
            (partition, home.region(), *account, *name, rest.first())
        }
        [name, rest @ ..] => (
            partition,
            home.region(),
            home.account(),
            *name,
            rest.first(),
        ),
        [] => (partition, home.region(), home.account(), "", None),
    };
    FunctionRef {
        arn: format!("arn:{partition}:lambda:{region}:{account}:function:{name}"),
        qualifier: qualifier.map(|q| q.to_string()),
    }
}

/// The ARN of a queue given by its URL (`https://sqs.REGION.amazonaws.com/ACCOUNT/NAME`, the
/// legacy `https://REGION.queue.amazonaws.com/...` forms, or a `${XQueueUrl}` placeholder, which
/// becomes `${XQueueArn}`); `None` when the URL has none of these forms.
pub fn queue_arn(url: &str, partition: &str) -> Option<String> {
    if let Some(placeholder) = whole_placeholder(url) {
        return (placeholder.kind == PlaceholderKind::QueueUrl)
            .then(|| placeholder_text(&placeholder.with_kind(PlaceholderKind::QueueArn)));
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let (host, path) = rest.split_once('/')?;
    let mut path = path.trim_end_matches('/').split('/');
    let (account, name) = (path.next()?, path.next()?);
    if path.next().is_some() || account.is_empty() || name.is_empty() {
        return None;
    }
    let labels: Vec<&str> = host.split('.').collect();
    let region = match labels.as_slice() {
        ["sqs", region, "amazonaws", "com", ..] => *region,
        ["queue", "amazonaws", "com"] => "us-east-1",
        [region, "queue", "amazonaws", "com", ..] => *region,
        _ => return None,
    };
    Some(format!("arn:{partition}:sqs:{region}:{account}:{name}"))
}

/// A state machine a Task starts: its ARN and the pattern of its executions' ARNs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StateMachineRef {
    /// The state machine's ARN (or its version's or alias's), as `StartExecution` takes it.
    pub arn: String,
    /// `arn:...:execution:NAME:*`: every execution of the state machine.
    pub executions: String,
    /// The region and account the ARN names, when it names them literally.
    pub region_account: Option<(String, String)>,
}

/// Reads a `StateMachineArn`: a literal ARN, or a `${XStateMachineArn}` placeholder whose
/// executions are named through `${XStateMachineName}`.
pub fn state_machine_ref(text: &str, partition: &str, home: &Home) -> StateMachineRef {
    if let Some(placeholder) = whole_placeholder(text)
        && placeholder.kind == PlaceholderKind::StateMachineArn
    {
        let name = placeholder_text(&placeholder.with_kind(PlaceholderKind::StateMachineName));
        return StateMachineRef {
            arn: text.to_string(),
            executions: format!(
                "arn:{partition}:states:{}:{}:execution:{name}:*",
                home.region(),
                home.account()
            ),
            region_account: None,
        };
    }
    match text.split(':').collect::<Vec<_>>().as_slice() {
        [
            "arn",
            partition,
            "states",
            region,
            account,
            "stateMachine",
            name,
            ..,
        ] => StateMachineRef {
            arn: text.to_string(),
            executions: format!("arn:{partition}:states:{region}:{account}:execution:{name}:*"),
            region_account: Some((region.to_string(), account.to_string())),
        },
        _ => StateMachineRef {
            arn: text.to_string(),
            executions: format!(
                "arn:{partition}:states:{}:{}:execution:*",
                home.region(),
                home.account()
            ),
            region_account: None,
        },
    }
}

/// The ARN of a DynamoDB table given by `TableName`: a name, an ARN, or a `${XTableName}`
/// placeholder, which becomes `${XTableArn}`.
pub fn table_arn(text: &str, partition: &str, home: &Home) -> String {
    if let Some(placeholder) = whole_placeholder(text)
        && placeholder.kind == PlaceholderKind::TableName
    {
        return placeholder_text(&placeholder.with_kind(PlaceholderKind::TableArn));
    }
    if text.starts_with("arn:") {
        return text.to_string();
    }
    format!(
        "arn:{partition}:dynamodb:{}:{}:table/{text}",
        home.region(),
        home.account()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn function(text: &str) -> (String, Option<String>) {
        let f = function_ref(text, "aws", &Home::Unknown);
        (f.arn, f.qualifier)
    }

    #[test]
    fn function_names_in_every_form_give_the_same_arn() {
        let arn = "arn:aws:lambda:us-east-1:111122223333:function:Charge".to_string();
        assert_eq!(function(&arn), (arn.clone(), None));
        assert_eq!(
            function("111122223333:function:Charge:live"),
            (
                "arn:aws:lambda:*:111122223333:function:Charge".into(),
                Some("live".into())
            )
        );
        assert_eq!(
            function("Charge:7"),
            (
                "arn:aws:lambda:*:*:function:Charge".into(),
                Some("7".into())
            )
        );
        assert_eq!(
            function("${ChargeFunctionArn}:live"),
            ("${ChargeFunctionArn}".into(), Some("live".into()))
        );
    }

    #[test]
    fn queue_urls_of_every_form_become_arns() {
        for url in [
            "https://sqs.eu-west-1.amazonaws.com/111122223333/jobs",
            "https://eu-west-1.queue.amazonaws.com/111122223333/jobs/",
        ] {
            assert_eq!(
                queue_arn(url, "aws").as_deref(),
                Some("arn:aws:sqs:eu-west-1:111122223333:jobs"),
                "{url}"
            );
        }
        assert_eq!(
            queue_arn("${JobsQueueUrl}", "aws").as_deref(),
            Some("${JobsQueueArn}")
        );
        assert_eq!(queue_arn("jobs", "aws"), None);
        assert_eq!(queue_arn("${JobsTopicArn}", "aws"), None);
    }
}
