//! Retriers: the elements of a `Retry` array (spec "Retrying after error").

use serde::{Deserialize, Serialize};

/// One retry policy: which errors it matches and how it backs off.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retrier {
    /// The error names this retrier matches (`States.ALL` matches any).
    #[serde(rename = "ErrorEquals")]
    pub error_equals: Vec<String>,
    /// Seconds before the first retry (default 1).
    #[serde(
        rename = "IntervalSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub interval_seconds: Option<u64>,
    /// The most retries (default 3; 0 never retries).
    #[serde(
        rename = "MaxAttempts",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_attempts: Option<u64>,
    /// The multiplier of the interval at each retry (default 2.0, at least 1).
    #[serde(
        rename = "BackoffRate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub backoff_rate: Option<serde_json::Number>,
    /// The longest interval between retries, in seconds.
    #[serde(
        rename = "MaxDelaySeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_delay_seconds: Option<u64>,
    /// Whether intervals are randomized.
    #[serde(
        rename = "JitterStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub jitter_strategy: Option<JitterStrategy>,
    /// A human-readable description of the retrier.
    #[serde(rename = "Comment", default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// How a retrier randomizes its intervals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum JitterStrategy {
    /// Each interval is a random time between 0 and the computed interval.
    #[serde(rename = "FULL")]
    Full,
    /// Intervals are exactly as computed.
    #[default]
    #[serde(rename = "NONE")]
    None,
}

impl Retrier {
    /// The effective interval before the first retry, in seconds.
    pub fn interval(&self) -> u64 {
        self.interval_seconds.unwrap_or(1)
    }

    /// The effective number of retries.
    pub fn attempts(&self) -> u64 {
        self.max_attempts.unwrap_or(3)
    }

    /// The effective backoff multiplier.
    pub fn backoff(&self) -> f64 {
        self.backoff_rate
            .as_ref()
            .and_then(serde_json::Number::as_f64)
            .unwrap_or(2.0)
    }
}
