//! Splitting ARNs and function references at their colons, as every task call does: into a
//! fixed array, with a plain byte scan (no allocation, no searcher set up per part).

/// The first `N - 1` colon-separated parts of `text` and the rest as the last part (like
/// `splitn(N, ':')`), with how many there are.
pub(crate) fn split_colons<const N: usize>(text: &str) -> ([&str; N], usize) {
    let mut parts = [""; N];
    let mut count = 0;
    let mut start = 0;
    for (at, byte) in text.bytes().enumerate() {
        if byte == b':' && count + 1 < N {
            parts[count] = &text[start..at];
            count += 1;
            start = at + 1;
        }
    }
    parts[count] = &text[start..];
    (parts, count + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_as_splitn_does() {
        for text in [
            "",
            "a",
            "a:b",
            "arn:aws:lambda:r:1:function:f:q",
            ":::",
            "a::b:",
        ] {
            let (parts, count) = split_colons::<6>(text);
            let expected: Vec<&str> = text.splitn(6, ':').collect();
            assert_eq!(&parts[..count], expected.as_slice(), "{text}");
        }
    }
}
