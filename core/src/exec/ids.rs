//! Execution names and ARNs, written piece by piece: they are made for every execution, and
//! `format!` was a tenth of a short execution's time.

use std::sync::Arc;

/// `execution-{seed as 8+ hex digits}-{number}`, as `format!("execution-{seed:08x}-{number}")`,
/// written into a buffer of its own: the execution's ARN is made from it, not a copy of it.
pub(crate) struct ExecutionName {
    text: [u8; 10 + 16 + 1 + 20],
    len: usize,
}

impl ExecutionName {
    pub(crate) fn new(seed: u64, number: u64) -> Self {
        let mut name = [0u8; 10 + 16 + 1 + 20];
        name[..10].copy_from_slice(b"execution-");
        let mut at = 10;
        let digits = (64 - seed.leading_zeros()).div_ceil(4).max(8);
        for shift in (0..digits).rev() {
            let nibble = (seed >> (4 * shift)) & 0xF;
            name[at] = b"0123456789abcdef"[nibble as usize];
            at += 1;
        }
        name[at] = b'-';
        at += 1;
        let mut decimal = [0u8; 20];
        let written = write_decimal(&mut decimal, number);
        name[at..at + written.len()].copy_from_slice(written);
        at += written.len();
        ExecutionName {
            text: name,
            len: at,
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        // Hexadecimal and decimal digits and ASCII punctuation only: always UTF-8.
        std::str::from_utf8(&self.text[..self.len]).unwrap_or_default()
    }
}

/// `arn:aws:states:{region}:{account}:{kind}:{machine}` with `:{execution}` when given.
pub(crate) fn states_arn(
    region: &str,
    account: &str,
    kind: &str,
    machine: &str,
    execution: Option<&str>,
) -> String {
    let parts = [
        "arn:aws:states:",
        region,
        ":",
        account,
        ":",
        kind,
        ":",
        machine,
    ];
    let length = parts.iter().map(|p| p.len()).sum::<usize>() + execution.map_or(0, str::len);
    let mut arn = String::with_capacity(length + 1);
    for part in parts {
        arn.push_str(part);
    }
    if let Some(execution) = execution {
        arn.push(':');
        arn.push_str(execution);
    }
    arn
}

/// A state machine's name and ARN, and the start of its executions' ARNs, written once.
#[derive(Debug)]
pub(crate) struct MachineArns {
    pub(crate) name: Arc<str>,
    pub(crate) arn: Arc<str>,
    /// `arn:aws:states:{region}:{account}:execution:{machine}:`.
    execution_prefix: String,
}

impl MachineArns {
    /// The ARNs of the machine `name` in a region and account.
    pub(crate) fn new(region: &str, account: &str, name: &str) -> Self {
        let mut execution_prefix = states_arn(region, account, "execution", name, None);
        execution_prefix.push(':');
        MachineArns {
            name: Arc::from(name),
            arn: Arc::from(states_arn(region, account, "stateMachine", name, None)),
            execution_prefix,
        }
    }

    /// The ARN of this machine's execution `execution`.
    pub(crate) fn execution_arn(&self, execution: &str) -> String {
        let mut arn = String::with_capacity(self.execution_prefix.len() + execution.len());
        arn.push_str(&self.execution_prefix);
        arn.push_str(execution);
        arn
    }
}

/// Writes `n` in decimal at the end of `digits`, and gives the digits written.
fn write_decimal(digits: &mut [u8; 20], mut n: u64) -> &[u8] {
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &digits[at..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_arns_read_as_formatted_ones() {
        for (seed, number) in [(0, 0), (7, 12), (0xdead_beef, 99), (u64::MAX, u64::MAX)] {
            assert_eq!(
                ExecutionName::new(seed, number).as_str(),
                format!("execution-{seed:08x}-{number}")
            );
        }
        assert_eq!(
            states_arn("r", "1", "execution", "M", Some("e")),
            "arn:aws:states:r:1:execution:M:e"
        );
        assert_eq!(
            states_arn("r", "1", "stateMachine", "M", None),
            "arn:aws:states:r:1:stateMachine:M"
        );
        let machine = MachineArns::new("r", "1", "M");
        assert_eq!(
            &*machine.arn,
            states_arn("r", "1", "stateMachine", "M", None)
        );
        assert_eq!(
            machine.execution_arn("e"),
            states_arn("r", "1", "execution", "M", Some("e"))
        );
    }
}
