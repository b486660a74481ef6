//! `#[derive(Payload)]` names fields as serde serializes them: `rename`, `rename_all`,
//! `flatten`, skipped fields, and the tag and content fields of tagged enums; typed paths
//! render with those names.

use serde_json::json;
use statewright::dsl::{Payload, render_path};
use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
#[serde(rename_all = "camelCase")]
struct Customer {
    first_name: String,
    #[serde(rename = "e-mail")]
    email: String,
    #[serde(skip)]
    #[allow(dead_code)]
    cache: u32,
    #[serde(flatten)]
    address: Address,
}

#[derive(Serialize, Deserialize, Payload)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
struct Address {
    postal_code: String,
}

#[derive(Serialize, Deserialize, Payload)]
#[serde(tag = "kind", content = "data")]
enum Event {
    Created { id: u32 },
}

#[derive(Serialize, Deserialize, Payload)]
enum Shipment {
    Parcel(Address),
}

#[derive(Serialize, Deserialize, Payload)]
#[serde(rename_all = "kebab-case")]
enum Priority {
    VeryHigh,
}

fn path(names: &[&str]) -> String {
    render_path("$", names)
}

#[test]
fn field_names_follow_serde() {
    let fields = Customer::fields();
    assert_eq!(fields.first_name.name(), "firstName");
    assert_eq!(fields.email.name(), "e-mail");
    assert_eq!(fields.address.name(), "");
    assert_eq!(fields.address.postal_code.name(), "POSTAL_CODE");
    // The flattened field's own fields render at the parent's level, as serde writes them.
    let value = serde_json::to_value(Customer {
        first_name: "Ann".into(),
        email: "ann@example.com".into(),
        cache: 0,
        address: Address {
            postal_code: "75001".into(),
        },
    })
    .unwrap();
    assert_eq!(
        value,
        json!({"firstName": "Ann", "e-mail": "ann@example.com", "POSTAL_CODE": "75001"})
    );
    assert_eq!(
        path(&[fields.address.name(), fields.address.postal_code.name()]),
        "$.POSTAL_CODE"
    );
    assert_eq!(path(&[fields.email.name()]), "$['e-mail']");
}

#[test]
fn tagged_enums_expose_their_tag_and_content() {
    let fields = Event::fields();
    assert_eq!(fields.kind.name(), "kind");
    assert_eq!(fields.data.name(), "data");
    let value = serde_json::to_value(Event::Created { id: 1 }).unwrap();
    assert_eq!(value, json!({"kind": "Created", "data": {"id": 1}}));
}

#[test]
fn externally_tagged_newtype_variants_are_fields() {
    let fields = Shipment::fields();
    assert_eq!(fields.Parcel.name(), "Parcel");
    assert_eq!(fields.Parcel.postal_code.name(), "POSTAL_CODE");
    let value = serde_json::to_value(Shipment::Parcel(Address {
        postal_code: "1".into(),
    }))
    .unwrap();
    assert_eq!(value, json!({"Parcel": {"POSTAL_CODE": "1"}}));
}

/// A Choice on a unit enum compares with the variant as serde writes it.
#[derive(Serialize, Deserialize, Payload)]
struct Ticket {
    priority: Priority,
    count: u32,
    tags: Option<String>,
}

#[derive(Workflow)]
#[workflow(input = Ticket)]
struct Triage {
    #[choice(
        when(priority == Priority::VeryHigh && count >= 3) => page,
        when(!present(tags) || matches(tags, "urgent*")) => page,
        when(count != 0) => queue,
        default = queue
    )]
    route: Choice<Ticket>,
    #[state(end)]
    page: Pass,
    #[state(end)]
    queue: Pass,
}

#[test]
fn choice_rules_render_with_serde_names_and_operators_by_type() {
    let definition = Triage::definition().to_value();
    assert_eq!(
        definition["States"]["route"]["Choices"],
        json!([
            {"And": [
                {"Variable": "$.priority", "StringEquals": "very-high"},
                {"Variable": "$.count", "NumericGreaterThanEquals": 3}
            ], "Next": "page"},
            {"Or": [
                {"Not": {"Variable": "$.tags", "IsPresent": true}},
                {"Variable": "$.tags", "StringMatches": "urgent*"}
            ], "Next": "page"},
            {"Not": {"Variable": "$.count", "NumericEquals": 0}, "Next": "queue"}
        ])
    );
    assert_eq!(definition["States"]["route"]["Default"], "queue");
}
