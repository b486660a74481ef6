//! The shared value against serde_json's: same text, same lengths, copy on write.

use super::*;

fn sample() -> serde_json::Value {
    serde_json::json!({"a": [1, 2.5, "x\"y\n\u{1}", null, true], "é": {"b": {}}, "n": -3})
}

#[test]
fn round_trips_through_serde_json_and_text() {
    let original = sample();
    let shared = Value::from(original.clone());
    assert_eq!(shared, original);
    assert_eq!(shared.to_string(), original.to_string());
    assert_eq!(serde_json::Value::from(&shared), original);
    let parsed: Value = serde_json::from_str(&original.to_string()).unwrap();
    assert_eq!(parsed, shared);
    assert_eq!(format!("{shared:#}"), format!("{original:#}"));
}

#[test]
fn lengths_match_the_written_text() {
    for value in [
        sample(),
        serde_json::json!(null),
        serde_json::json!([]),
        serde_json::json!("a long string of plain text with \"one quote\" in the middle"),
        serde_json::json!("sixteen bytes ok\u{7}and a bell"),
        serde_json::json!(format!("{}\u{1f}{}", "a".repeat(100), "b".repeat(70))),
        serde_json::json!(format!("{}\"", "a".repeat(127))),
        serde_json::json!([
            "ends with a backslash \\",
            1.5e300,
            -0.25,
            u64::MAX,
            i64::MIN
        ]),
        serde_json::json!([0, 9, 10, 99, 100, -1, -10]),
        serde_json::json!("x".repeat(300)),
    ] {
        assert_eq!(
            Value::from(value.clone()).json_len(),
            value.to_string().len(),
            "{value}"
        );
    }
}

#[test]
fn clones_share_until_changed() {
    let mut first = Value::from(sample());
    let second = first.clone();
    first["a"].as_array_mut().unwrap().push(json!("new"));
    first["é"]["c"] = json!(1);
    assert_eq!(second, Value::from(sample()), "the clone is unchanged");
    assert_eq!(first["a"].as_array().unwrap().len(), 6);
    assert_eq!(first.pointer("/é/c"), Some(&json!(1)));
    assert_eq!(first.pointer("/a/2"), Some(&json!("x\"y\n\u{1}")));
    assert_eq!(first.pointer("/a/02"), None);
}

#[test]
fn objects_keep_their_order_and_compare_as_maps() {
    let mut ordered = Map::new();
    ordered.insert("z", json!(1));
    ordered.insert("a", json!(2));
    assert_eq!(
        Value::Object(ordered.clone()).to_string(),
        r#"{"z":1,"a":2}"#
    );
    let reversed: Map = [("a", json!(2)), ("z", json!(1))].into_iter().collect();
    assert_eq!(ordered, reversed);
    assert_eq!(ordered.remove("z"), Some(json!(1)));
    assert_eq!(ordered.remove("z"), None);
}

#[test]
fn indexing_missing_members_reads_null() {
    let value = json!({"a": [1]});
    assert!(value["missing"].is_null());
    assert!(value["a"][5].is_null());
    assert_eq!(value["a"][0], 1i64);
    assert_eq!(value.get("a").and_then(|a| a.get(0)), Some(&json!(1)));
}

#[test]
fn large_objects_index_their_keys_through_changes() {
    let mut members: Map = (0..20).map(|i| (format!("k{i}"), json!(i))).collect();
    assert_eq!(members.get("k13"), Some(&json!(13)));
    assert_eq!(members.remove("k3"), Some(json!(3)));
    // The last member moved into the removed one's place, and is still found.
    assert_eq!(members.get_index(3).map(|(k, _)| k.as_str()), Some("k19"));
    assert_eq!(members.get("k19"), Some(&json!(19)));
    assert_eq!(members.shift_remove("k0"), Some(json!(0)));
    assert_eq!(members.get("k19"), Some(&json!(19)));
    members.retain(|key, _| key.as_str() != "k5");
    assert!(!members.contains_key("k5"));
    assert_eq!(members.len(), 17);
    assert_eq!(*members.entry("k7").or_insert(json!(null)), json!(7));
    *members.entry("new").or_insert(json!(0)) = json!(1);
    assert_eq!(
        members.get_index(17).map(|(k, v)| (k.as_str(), v)),
        Some(("new", &json!(1)))
    );
    let keys: Vec<&str> = members.keys().map(Str::as_str).collect();
    let mut sorted = members.clone();
    sorted.sort_keys();
    assert_eq!(sorted, members, "the same members in another order");
    assert_ne!(sorted.keys().map(Str::as_str).collect::<Vec<_>>(), keys);
}

#[test]
fn an_object_counts_its_length_again_after_a_change() {
    let mut value = json!({"a": {"b": "x"}, "c": [1]});
    assert_eq!(value.json_len(), value.to_string().len());
    let shared = value.clone();
    value["a"]["b"] = json!("a longer text");
    value["d"] = json!(null);
    assert_eq!(value.json_len(), value.to_string().len());
    assert_eq!(shared.json_len(), shared.to_string().len());
    value.as_object_mut().unwrap().remove("a");
    assert_eq!(value.json_len(), value.to_string().len());
}

#[test]
fn set_copies_a_shared_object_with_the_new_value_and_keeps_its_counted_length() {
    let mut value = json!({"a": 1, "b": {"c": "x"}, "d": [1, 2]});
    let before = value.json_len();
    let held = value.clone();
    let object = value.as_object_mut().unwrap();
    object.set("b", json!({"c": "a longer text", "e": null}));
    object.set("a", json!(12345));
    object.set("new", json!("n"));
    // Replacing or adding where the lengths are not known without a walk forgets the count.
    object.set("d", json!([3]));
    object.set("f", json!([]));
    assert_eq!(value.json_len(), value.to_string().len());
    assert_eq!(held.json_len(), before, "the held copy is unchanged");
    assert_eq!(held, json!({"a": 1, "b": {"c": "x"}, "d": [1, 2]}));
    assert_eq!(value["b"]["c"], "a longer text");
    // Each step on its own keeps the count right, shared or not, known or not.
    for shared in [false, true] {
        let mut value = json!({"a": {"b": [1]}, "c": "x"});
        let _ = value.json_len();
        let held = shared.then(|| value.clone());
        for (key, member) in [
            ("c", json!(1.5)),
            ("a", json!({"b": true})),
            ("z", json!("new")),
            ("a", json!([1, {"q": 2}])),
            ("c", json!(null)),
        ] {
            value.as_object_mut().unwrap().set(key, member);
            assert_eq!(value.json_len(), value.to_string().len(), "{value}");
        }
        assert!(held.is_none_or(|held| held == json!({"a": {"b": [1]}, "c": "x"})));
    }
    let mut empty = Value::Object(Map::new());
    let _ = empty.json_len();
    empty.as_object_mut().unwrap().set("k", json!(7));
    assert_eq!(empty.json_len(), r#"{"k":7}"#.len());
    // `insert` shares the counting, and gives the value it replaced.
    let object = empty.as_object_mut().unwrap();
    assert_eq!(object.insert("k", json!("seven")), Some(json!(7)));
    assert_eq!(object.insert("l", json!([1])), None);
    assert_eq!(empty.json_len(), empty.to_string().len());
}

#[test]
fn a_value_is_three_words() {
    assert!(
        std::mem::size_of::<Value>() <= 3 * std::mem::size_of::<usize>(),
        "{}",
        std::mem::size_of::<Value>()
    );
}

#[test]
fn setting_either_member_of_a_shared_two_member_object_copies_it_in_order() {
    for (key, expected) in [
        ("a", r#"{"a":{"n":[true]},"b":"x"}"#),
        ("b", r#"{"a":1,"b":{"n":[true]}}"#),
    ] {
        let mut value = json!({"a": 1, "b": "x"});
        let _ = value.json_len();
        let held = value.clone();
        value
            .as_object_mut()
            .unwrap()
            .set(key, json!({"n": [true]}));
        assert_eq!(value.to_string(), expected);
        assert_eq!(value.json_len(), expected.len());
        assert_eq!(held.to_string(), r#"{"a":1,"b":"x"}"#);
        assert_eq!(held.json_len(), held.to_string().len());
    }
}

#[test]
fn a_new_member_set_on_a_shared_object_goes_last_in_a_copy() {
    for size in [0, 1, 2, 8, 12] {
        let mut value = Value::Object((0..size).map(|i| (format!("k{i}"), json!(i))).collect());
        let _ = value.json_len();
        let held = value.clone();
        let key = Str::from("new");
        value
            .as_object_mut()
            .unwrap()
            .set_key(&key, json!({"n": 1}));
        let object = value.as_object().unwrap();
        assert_eq!(object.len(), size + 1);
        assert_eq!(object.get_index(size).map(|(k, _)| k.as_str()), Some("new"));
        assert_eq!(object.get("new"), Some(&json!({"n": 1})), "size {size}");
        if size > 0 {
            assert_eq!(object.get("k0"), Some(&json!(0)));
        }
        assert_eq!(value.json_len(), value.to_string().len());
        assert_eq!(held.as_object().unwrap().len(), size);
        assert!(held.get("new").is_none());
    }
}
