#[test]
fn minimal_catalogue_deserialises() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/catalogue.json")).unwrap();
    let cat: parcours_core::Catalogue = serde_json::from_str(&text).unwrap();
    assert_eq!(cat.schema, 1);
}
