//! Mocked responses per state: sequences of returns and throws, in code or from AWS Step
//! Functions Local's `MockConfigFile` format, loaded as it is.
//!
//! ```json
//! {"StateMachines": {"Orders": {"TestCases": {"HappyPath": {"Charge": "ChargeOk"}}}},
//!  "MockedResponses": {"ChargeOk": {"0": {"Throw": {"Error": "Lambda.TooManyRequestsException", "Cause": "busy"}},
//!                                   "1-2": {"Return": {"StatusCode": 200, "Payload": {"paid": true}}}}}}
//! ```

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::Value;

use super::Failure;

/// What one invocation of a mocked state gives.
#[derive(Clone, Debug, PartialEq)]
pub enum MockOutcome {
    /// The task succeeds with this result.
    Return(Value),
    /// The task fails with this error and cause.
    Throw(Failure),
}

/// A sequence of outcomes by invocation number (from 0, retries included).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MockedResponse {
    steps: Vec<(usize, usize, MockOutcome)>,
}

impl MockedResponse {
    /// Adds the outcome of invocations `first..=last`.
    pub fn then(mut self, first: usize, last: usize, outcome: MockOutcome) -> Self {
        self.steps.push((first, last, outcome));
        self
    }

    /// Always returns `result`.
    pub fn always(result: Value) -> Self {
        MockedResponse::default().then(0, usize::MAX, MockOutcome::Return(result))
    }

    /// The outcome of invocation `index`, if the sequence has one.
    pub fn outcome(&self, index: usize) -> Option<&MockOutcome> {
        self.steps
            .iter()
            .find(|(first, last, _)| (*first..=*last).contains(&index))
            .map(|(_, _, outcome)| outcome)
    }
}

/// A `MockConfigFile` that could not be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MockConfigError {
    /// The text is not a mock configuration.
    #[error("the mock configuration is not valid: {0}")]
    Malformed(String),
    /// The state machine or test case is not in the file.
    #[error(
        "the mock configuration has no test case {test_case:?} for the state machine {machine:?}; it has: {known}"
    )]
    UnknownTestCase {
        /// The state machine asked for.
        machine: String,
        /// The test case asked for.
        test_case: String,
        /// What the file has, as `machine/test case` pairs.
        known: String,
    },
    /// A test case names a response the file does not define.
    #[error(
        "the test case maps the state {state:?} to {response:?}, which MockedResponses does not define"
    )]
    UnknownResponse {
        /// The state.
        state: String,
        /// The missing response.
        response: String,
    },
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct File {
    #[serde(default)]
    state_machines: HashMap<String, Machine>,
    #[serde(default)]
    mocked_responses: HashMap<String, HashMap<String, Step>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Machine {
    #[serde(default)]
    test_cases: HashMap<String, HashMap<String, String>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
struct Step {
    #[serde(default)]
    r#return: Option<Value>,
    #[serde(default)]
    throw: Option<Throw>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Throw {
    error: String,
    #[serde(default)]
    cause: Option<String>,
}

/// The mocked states of one test case: state name to its responses.
pub fn load_mock_config(
    text: &str,
    machine: &str,
    test_case: &str,
) -> Result<HashMap<String, MockedResponse>, MockConfigError> {
    let file: File =
        serde_json::from_str(text).map_err(|e| MockConfigError::Malformed(e.to_string()))?;
    let Some(case) = file
        .state_machines
        .get(machine)
        .and_then(|m| m.test_cases.get(test_case))
    else {
        let mut known: Vec<String> = file
            .state_machines
            .iter()
            .flat_map(|(m, def)| def.test_cases.keys().map(move |c| format!("{m}/{c}")))
            .collect();
        known.sort();
        return Err(MockConfigError::UnknownTestCase {
            machine: machine.into(),
            test_case: test_case.into(),
            known: known.join(", "),
        });
    };
    let mut mocks = HashMap::new();
    for (state, response_name) in case {
        let steps = file.mocked_responses.get(response_name).ok_or_else(|| {
            MockConfigError::UnknownResponse {
                state: state.clone(),
                response: response_name.clone(),
            }
        })?;
        let mut response = MockedResponse::default();
        for (range, step) in steps {
            let (first, last) = parse_range(range).ok_or_else(|| {
                MockConfigError::Malformed(format!(
                    "{response_name}: {range:?} is not an invocation number or range such as \"0\" or \"1-2\""
                ))
            })?;
            let outcome = match (&step.r#return, &step.throw) {
                (Some(value), None) => MockOutcome::Return(value.clone()),
                (None, Some(throw)) => MockOutcome::Throw(Failure {
                    error: throw.error.clone(),
                    cause: throw.cause.clone(),
                    location: None,
                }),
                _ => {
                    return Err(MockConfigError::Malformed(format!(
                        "{response_name}/{range}: give exactly one of Return and Throw"
                    )));
                }
            };
            response = response.then(first, last, outcome);
        }
        mocks.insert(state.clone(), response);
    }
    Ok(mocks)
}

fn parse_range(text: &str) -> Option<(usize, usize)> {
    match text.split_once('-') {
        None => text.trim().parse().ok().map(|n| (n, n)),
        Some((a, b)) => {
            let (a, b) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
            (a <= b).then_some((a, b))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const CONFIG: &str = r#"{
      "StateMachines": {"Orders": {"TestCases": {"Retry": {"Charge": "Flaky"}}}},
      "MockedResponses": {"Flaky": {
        "0": {"Throw": {"Error": "Lambda.TooManyRequestsException", "Cause": "busy"}},
        "1-2": {"Return": {"Payload": {"paid": true}}}}}}"#;

    #[test]
    fn a_test_case_gives_sequences_by_invocation() {
        let mocks = load_mock_config(CONFIG, "Orders", "Retry").unwrap();
        let charge = &mocks["Charge"];
        assert!(
            matches!(charge.outcome(0), Some(MockOutcome::Throw(f)) if f.error == "Lambda.TooManyRequestsException")
        );
        assert_eq!(
            charge.outcome(2),
            Some(&MockOutcome::Return(json!({"Payload": {"paid": true}})))
        );
        assert_eq!(charge.outcome(3), None);
    }

    #[test]
    fn unknown_test_cases_name_the_known_ones() {
        let error = load_mock_config(CONFIG, "Orders", "Nope").unwrap_err();
        assert_eq!(
            error.to_string(),
            "the mock configuration has no test case \"Nope\" for the state machine \"Orders\"; it has: Orders/Retry"
        );
    }
}
