//! Time: virtual by default (Wait states and backoff take no real time), or real.
//!
//! Executions run on their own single-threaded tokio runtime. In virtual mode its clock starts
//! paused: when every branch of the execution waits on a timer, tokio jumps to the next
//! deadline, so a Wait of a day returns at once and runs are repeatable. Waiting for a task
//! token stops time (see `tokens`), as AWS would wait for the callback.

use std::cell::RefCell;

use chrono::{DateTime, Datelike, SecondsFormat, Timelike, Utc};
use tokio::time::Instant;

/// How an execution's time passes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TimeMode {
    /// Timers complete as soon as nothing else can run: deterministic and instant.
    #[default]
    Virtual,
    /// Timers take real time, for demos.
    Real,
}

/// The wall-clock time of an execution: its start time plus the runtime's elapsed time.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Clock {
    start_wall: DateTime<Utc>,
    start_instant: Instant,
}

impl Clock {
    /// A clock reading `start` now.
    pub(crate) fn starting_at(start: DateTime<Utc>) -> Self {
        Clock {
            start_wall: start,
            start_instant: Instant::now(),
        }
    }

    /// The current time.
    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.at(Instant::now())
    }

    /// The wall-clock time of an instant of the runtime's clock.
    pub(crate) fn at(&self, instant: Instant) -> DateTime<Utc> {
        let elapsed = instant.saturating_duration_since(self.start_instant);
        self.start_wall + chrono::Duration::from_std(elapsed).unwrap_or_default()
    }

    /// The current time as AWS prints it in the context object: `2026-11-22T03:12:24.000Z`.
    pub(crate) fn timestamp(&self) -> String {
        format_timestamp(self.now())
    }

    /// [`Clock::timestamp`], given the start as printed: copied when no time has passed (an
    /// execution that never waits, on virtual time), not printed again.
    pub(crate) fn timestamp_since(&self, start: &str) -> String {
        let now = Instant::now();
        if now == self.start_instant {
            return start.to_owned();
        }
        format_timestamp(self.at(now))
    }
}

thread_local! {
    /// The last time this thread printed, to the millisecond, and its text: executions run one
    /// after another mostly start within the millisecond the last one started in.
    static LAST_PRINTED: RefCell<Option<(i64, u32, String)>> = const { RefCell::new(None) };
}

/// ISO 8601 with milliseconds and `Z`, as in `$$.Execution.StartTime`: the text this thread
/// printed last when the time is in the same millisecond, else printed now.
pub(crate) fn format_timestamp(time: DateTime<Utc>) -> String {
    let millisecond = (time.timestamp(), time.timestamp_subsec_millis());
    let same = |last: &Option<(i64, u32, String)>| match last {
        Some((seconds, millis, text)) if (*seconds, *millis) == millisecond => Some(text.clone()),
        _ => None,
    };
    if let Some(text) = LAST_PRINTED
        .try_with(|last| last.try_borrow().ok().and_then(|last| same(&last)))
        .ok()
        .flatten()
    {
        return text;
    }
    let text = print_timestamp(time);
    let _ = LAST_PRINTED.try_with(|last| {
        if let Ok(mut last) = last.try_borrow_mut() {
            *last = Some((millisecond.0, millisecond.1, text.clone()));
        }
    });
    text
}

/// [`format_timestamp`], printed: digit by digit (chrono's general writer took ten times as
/// long); years outside 0 to 9999 and leap seconds are left to chrono.
fn print_timestamp(time: DateTime<Utc>) -> String {
    let (date, clock) = (time.date_naive(), time.time());
    let nanos = clock.nanosecond();
    let year = match u32::try_from(date.year()) {
        Ok(year) if year <= 9999 && nanos < 1_000_000_000 => year,
        _ => return time.to_rfc3339_opts(SecondsFormat::Millis, true),
    };
    let mut text = *b"0000-00-00T00:00:00.000Z";
    for (at, width, number) in [
        (0, 4, year),
        (5, 2, date.month()),
        (8, 2, date.day()),
        (11, 2, clock.hour()),
        (14, 2, clock.minute()),
        (17, 2, clock.second()),
        (20, 3, nanos / 1_000_000),
    ] {
        write_digits(&mut text[at..at + width], number);
    }
    // Digits and ASCII punctuation only: always UTF-8.
    String::from_utf8(text.to_vec()).unwrap_or_default()
}

/// Writes the last `digits.len()` decimal digits of `number`, zero-padded, into `digits`.
fn write_digits(digits: &mut [u8], mut number: u32) {
    for digit in digits.iter_mut().rev() {
        *digit = b'0' + (number % 10) as u8;
        number /= 10;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_stop_time_is_the_start_until_time_passes() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .unwrap();
        runtime.block_on(async {
            let start = Utc.with_ymd_and_hms(2026, 11, 22, 3, 12, 24).unwrap();
            let clock = Clock::starting_at(start);
            let printed = format_timestamp(start);
            assert_eq!(clock.timestamp_since(&printed), printed);
            tokio::time::advance(std::time::Duration::from_millis(1_500)).await;
            assert_eq!(clock.timestamp_since(&printed), "2026-11-22T03:12:25.500Z");
            assert_eq!(clock.timestamp_since(&printed), clock.timestamp());
        });
    }

    #[test]
    fn timestamps_read_as_chrono_writes_them() {
        let chrono = |time: DateTime<Utc>| time.to_rfc3339_opts(SecondsFormat::Millis, true);
        let times = [
            Utc.with_ymd_and_hms(2026, 11, 22, 3, 12, 24).unwrap(),
            Utc.with_ymd_and_hms(1970, 1, 1, 0, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(0, 1, 1, 0, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(9999, 12, 31, 23, 59, 59).unwrap()
                + chrono::Duration::milliseconds(999),
            Utc.with_ymd_and_hms(10000, 1, 1, 0, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(-1, 6, 15, 12, 30, 5).unwrap(),
            Utc.with_ymd_and_hms(2024, 2, 29, 9, 5, 7).unwrap()
                + chrono::Duration::nanoseconds(123_999_999),
        ];
        for time in times {
            assert_eq!(format_timestamp(time), chrono(time));
            assert_eq!(print_timestamp(time), chrono(time));
        }
        // Times within one millisecond print alike; the next millisecond does not.
        let time = Utc.with_ymd_and_hms(2026, 12, 4, 22, 33, 16).unwrap()
            + chrono::Duration::microseconds(123_400);
        assert_eq!(format_timestamp(time), "2026-12-04T22:33:16.123Z");
        let later = time + chrono::Duration::microseconds(500);
        assert_eq!(format_timestamp(later), "2026-12-04T22:33:16.123Z");
        let next = time + chrono::Duration::microseconds(700);
        assert_eq!(format_timestamp(next), "2026-12-04T22:33:16.124Z");
        // A leap second (chrono keeps it as a second's worth of extra nanoseconds).
        let leap = chrono::NaiveDate::from_ymd_opt(2016, 12, 31)
            .and_then(|d| d.and_hms_milli_opt(23, 59, 59, 1_500))
            .unwrap()
            .and_utc();
        assert_eq!(format_timestamp(leap), chrono(leap));
        // Every millisecond of a few seconds, and days across years.
        let start = Utc.with_ymd_and_hms(2025, 12, 31, 23, 59, 58).unwrap();
        for step in 0..3_000 {
            let time = start + chrono::Duration::milliseconds(step);
            assert_eq!(format_timestamp(time), chrono(time));
        }
        for day in 0..800 {
            let time = start + chrono::Duration::days(day) + chrono::Duration::seconds(day * 37);
            assert_eq!(format_timestamp(time), chrono(time));
        }
    }
}
