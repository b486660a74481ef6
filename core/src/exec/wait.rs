//! When a Wait state (JSONPath) stops waiting: `Seconds`, `Timestamp`, `SecondsPath`,
//! `TimestampPath`, with AWS's causes for values it cannot use.

use crate::value::Value;
use chrono::{DateTime, Utc};

use super::Failure;
use super::state::StateCx;
use crate::asl::{IntegerOrExpression, WaitState};

/// The moment the Wait state ends.
pub(crate) fn deadline(
    cx: &StateCx,
    wait: &WaitState,
    input: &Value,
) -> Result<DateTime<Utc>, Failure> {
    let now = cx.run.clock.now();
    if let Some(IntegerOrExpression::Integer(seconds)) = &wait.seconds {
        return Ok(now + chrono::Duration::seconds((*seconds).max(0)));
    }
    if let Some(text) = &wait.timestamp {
        return parse_timestamp(text).ok_or_else(|| {
            cx.runtime(format!(
                "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time \
                 format string: {text}"
            ))
        });
    }
    if let Some(path) = &wait.seconds_path {
        let value = cx.select("SecondsPath", path, input).map_err(|_| {
            cx.runtime(format!(
                "The SecondsPath parameter does not reference an input value: {path}"
            ))
        })?;
        let seconds = value.as_i64().ok_or_else(|| {
            cx.runtime(format!(
                "The SecondsPath parameter cannot be parsed as a long value: {path} == {}",
                plain(&value)
            ))
        })?;
        if seconds < 0 {
            return Err(cx.runtime(format!(
                "The SecondsPath parameter references a negative value: {path} == {seconds}"
            )));
        }
        return Ok(now + chrono::Duration::seconds(seconds));
    }
    if let Some(path) = &wait.timestamp_path {
        let value = cx.select("TimestampPath", path, input).map_err(|_| {
            cx.runtime(format!(
                "The TimestampPath parameter does not reference an input value: {path}"
            ))
        })?;
        return value.as_str().and_then(parse_timestamp).ok_or_else(|| {
            cx.runtime(format!(
                "The TimestampPath parameter does not reference a valid ISO-8601 extended \
                 offset date-time format string: {path} == {}",
                plain(&value)
            ))
        });
    }
    Ok(now)
}

/// An ISO-8601 extended offset date-time: date, `T`, time, and `Z` or an offset.
pub(crate) fn parse_timestamp(text: &str) -> Option<DateTime<Utc>> {
    if text.as_bytes().get(10) != Some(&b'T') {
        return None;
    }
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// A value as AWS quotes it in causes: strings bare, everything else as JSON.
pub(crate) fn plain(value: &Value) -> String {
    match value {
        Value::String(text) => text.to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_need_t_and_an_offset() {
        assert!(parse_timestamp("2020-01-01T00:00:00.000000Z").is_some());
        assert!(parse_timestamp("2020-01-01T00:00:00+02:00").is_some());
        assert!(parse_timestamp("2016-12-05 21:29:29Z").is_none());
        assert!(parse_timestamp("2016-12-05T21:29:29").is_none());
        assert!(parse_timestamp("2016-12-05T25:29:29Z").is_none());
    }
}
