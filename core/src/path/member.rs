//! One member of an object read by its name: a small object by a scan of its keys, as hashing
//! the name (serde_json's maps use SipHash) costs more than comparing a few short keys.

use crate::value::{Map, Value};

/// Objects with at most this many members are scanned rather than hashed into.
const SCAN_AT_MOST: usize = 8;

/// The member `name` of `members`.
pub(crate) fn member<'v>(members: &'v Map, name: &str) -> Option<&'v Value> {
    if members.len() <= SCAN_AT_MOST {
        return members
            .iter()
            .find_map(|(key, value)| (key == name).then_some(value));
    }
    members.get(name)
}

#[cfg(test)]
mod tests {
    use crate::value::json;

    use super::*;

    #[test]
    fn small_and_large_objects_give_the_same_members() {
        let small = json!({"a": 1, "b": 2});
        let large: Map = (0..20).map(|i| (format!("k{i}"), json!(i))).collect();
        let small = small.as_object().unwrap();
        assert_eq!(member(small, "b"), Some(&json!(2)));
        assert_eq!(member(small, "c"), None);
        assert_eq!(member(&large, "k17"), Some(&json!(17)));
        assert_eq!(member(&large, "k20"), None);
    }
}
