//! Actor codes (`attrs.actor`) as event data codes actors: one sentence per behaviour, with the
//! default gazetteers.

use attache::{Date, Extractor};

fn actor_of(text: &str, name: &str, date: &str) -> Option<String> {
    let x = Extractor::new().expect("the defaults build");
    let doc = x.extract_with_date(text, date.parse::<Date>().expect("a date"));
    doc.entities.iter().find(|e| e.name == name).and_then(|e| e.attrs.get("actor").cloned())
}

#[test]
fn a_country_is_its_iso_code() {
    assert_eq!(actor_of("Mali closed its border.", "Mali", "2025-06-17").as_deref(), Some("MLI"));
}

#[test]
fn a_leader_in_office_is_the_government() {
    assert_eq!(actor_of("Emmanuel Macron spoke in Paris.", "Emmanuel Macron", "2025-06-17").as_deref(), Some("FRAGOV"));
}

#[test]
fn a_state_body_is_its_country_and_sector() {
    assert_eq!(actor_of("The Kremlin welcomed the plan.", "Kremlin", "2025-06-17").as_deref(), Some("RUSGOV"));
}

#[test]
fn a_spokesman_of_a_state_body_carries_its_country() {
    let x = Extractor::new().expect("the defaults build");
    let doc = x.extract_with_date(
        "Kremlin spokesman Dmitry Peskov said the talks were useful.",
        Date::new(2025, 6, 17).expect("a date"),
    );
    let peskov = doc.entities.iter().find(|e| e.name == "Dmitry Peskov").expect("Peskov is found");
    assert_eq!(peskov.attrs.get("country").map(String::as_str), Some("RUS"));
    assert_eq!(peskov.attrs.get("actor").map(String::as_str), Some("RUSGOV"));
}

#[test]
fn a_group_is_its_country_and_plover_sector() {
    assert_eq!(
        actor_of("Journalists in Ankara were detained.", "Journalists in Ankara", "2025-06-17").as_deref(),
        Some("TURJRN")
    );
    assert_eq!(
        actor_of("French doctors treated the wounded.", "French doctors", "2025-06-17").as_deref(),
        Some("FRAMED")
    );
}

#[test]
fn a_former_name_is_not_todays_state() {
    let x = Extractor::new().expect("the defaults build");
    let doc = x.extract_with_date(
        "The British withdrawal from Mandatory Palestine came in 1948.",
        Date::new(2025, 6, 17).expect("a date"),
    );
    assert!(doc.entities.iter().all(|e| e.id != "country:ISR" && e.id != "country:PSE"), "{:?}", doc.entities);
}

#[test]
fn the_date_decides_between_people_who_share_a_name() {
    let x = Extractor::new().expect("the defaults build");
    let who = |date: &str| {
        let doc = x.extract_with_date("George Bush met Tony Blair at the White House.", date.parse().expect("a date"));
        doc.entities.iter().find(|e| e.id.starts_with("person:george")).map(|e| e.id.to_string())
    };
    assert_eq!(who("2005-03-01").as_deref(), Some("person:george-w-bush"));
    assert_eq!(who("1990-06-01").as_deref(), Some("person:george-bush"));
    // neither in office: silence rather than a guess
    assert_eq!(who("2015-06-01"), None);
}

#[test]
fn a_country_inside_an_organisations_name_is_not_the_country() {
    let x = Extractor::new().expect("the defaults build");
    let doc = x.extract_with_date(
        "British Airways and Singapore Airlines cut flights, and the UK Independence Party won seats.",
        Date::new(2005, 3, 1).expect("a date"),
    );
    let ids: Vec<&str> = doc.entities.iter().map(|e| e.id.as_str()).collect();
    assert!(!ids.iter().any(|id| id.starts_with("country:")), "{ids:?}");
    let actor = |id: &str| doc.entity(id).and_then(|e| e.attrs.get("actor")).cloned();
    assert_eq!(actor("organization:british-airways").as_deref(), Some("GBRBUS"));
    assert_eq!(actor("organization:singapore-airlines").as_deref(), Some("SGPBUS"));
    assert_eq!(actor("organization:uk-independence-party").as_deref(), Some("GBRPTY"));
}
