//! The least-privilege IAM policy a state machine's role needs, from its Task states.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::{Value, json};
use statewright_core::asl::StateMachine;

use crate::arn::Home;
use crate::permissions;
use crate::walk::Tasks;

/// The IAM policy language version every document declares.
pub const POLICY_VERSION: &str = "2012-10-17";

/// One `Allow` statement of a policy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Statement {
    /// The statement ID: letters and digits, naming what the statement is for.
    #[serde(rename = "Sid")]
    pub sid: String,
    /// Always `Allow`.
    #[serde(rename = "Effect")]
    pub effect: &'static str,
    /// The actions, sorted.
    #[serde(rename = "Action")]
    pub actions: Vec<String>,
    /// The resources, sorted, without duplicates or ARNs another resource's wildcard covers.
    #[serde(rename = "Resource")]
    pub resources: Vec<String>,
}

/// The statements a state machine's role needs, sorted by `Sid`, one per purpose.
///
/// Every Task state counts, in Parallel branches and Map item processors too. ARNs the
/// definition leaves implicit (a bare function or table name) take their region and account
/// from `home`. `${Placeholder}` strings stay placeholders: `${XQueueUrl}` becomes
/// `${XQueueArn}`, `${XTableName}` becomes `${XTableArn}`, and the executions of
/// `${XStateMachineArn}` are named with `${XStateMachineName}`.
pub fn statements(machine: &StateMachine, home: &Home) -> Vec<Statement> {
    let mut by_sid: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
    for task in Tasks::of(machine).iter() {
        for grant in permissions::grants(task.task, home) {
            let (actions, resources) = by_sid.entry(grant.sid).or_default();
            actions.extend(grant.actions);
            resources.extend(grant.resources);
        }
    }
    by_sid
        .into_iter()
        .map(|(sid, (actions, resources))| Statement {
            sid,
            effect: "Allow",
            actions: actions.into_iter().collect(),
            resources: without_covered(&resources),
        })
        .collect()
}

/// The resources less those another one already matches (`arn:aws:lambda:*:*:function:*`
/// covers every function ARN; `*` covers everything).
fn without_covered(resources: &BTreeSet<String>) -> Vec<String> {
    let patterns: Vec<&String> = resources
        .iter()
        .filter(|r| r.contains('*') && !r.contains('?'))
        .collect();
    resources
        .iter()
        .filter(|r| !patterns.iter().any(|p| p != r && covers(p, r)))
        .cloned()
        .collect()
}

/// Whether the pattern `p` (with `*` wildcards) matches every resource `r` stands for: `r`'s own
/// `*` can only fall inside one of `p`'s, since `p`'s literal text holds no `*`.
fn covers(p: &str, r: &str) -> bool {
    let (p, r) = (p.as_bytes(), r.as_bytes());
    let (mut pi, mut ri) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ri < r.len() {
        if pi < p.len() && p[pi] == b'*' {
            star = Some((pi, ri));
            pi += 1;
        } else if pi < p.len() && p[pi] == r[ri] {
            pi += 1;
            ri += 1;
        } else if let Some((star_p, star_r)) = star {
            pi = star_p + 1;
            ri = star_r + 1;
            star = Some((star_p, star_r + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

/// The policy document (`Version`, `Statement`) for a state machine whose region and account
/// are not known: ARNs the definition leaves implicit get `*` there.
///
/// A definition without Task states (or with only activities) gives an empty `Statement`
/// list, which IAM does not accept as a policy: such a role needs none.
pub fn iam_policy(machine: &StateMachine) -> Value {
    iam_policy_in(machine, &Home::Unknown)
}

/// The policy document for a state machine that runs in `home`.
pub fn iam_policy_in(machine: &StateMachine, home: &Home) -> Value {
    json!({
        "Version": POLICY_VERSION,
        "Statement": statements(machine, home),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(resources: &[&str]) -> Vec<String> {
        without_covered(&resources.iter().map(|r| r.to_string()).collect())
    }

    #[test]
    fn wildcards_cover_what_they_match_and_nothing_else() {
        assert_eq!(
            kept(&[
                "arn:aws:lambda:*:*:function:*",
                "arn:aws:lambda:eu-west-1:1:function:F:*"
            ]),
            ["arn:aws:lambda:*:*:function:*"]
        );
        assert_eq!(kept(&["*", "arn:aws:sqs:r:1:q"]), ["*"]);
        assert_eq!(
            kept(&[
                "arn:aws:lambda:*:*:function:F",
                "arn:aws:lambda:*:*:function:F:*"
            ]),
            [
                "arn:aws:lambda:*:*:function:F",
                "arn:aws:lambda:*:*:function:F:*"
            ]
        );
        assert_eq!(
            kept(&[
                "arn:aws:states:*:*:execution:A:*",
                "arn:aws:states:r:1:execution:B:*"
            ]),
            [
                "arn:aws:states:*:*:execution:A:*",
                "arn:aws:states:r:1:execution:B:*"
            ]
        );
    }
}
