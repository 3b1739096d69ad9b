//! Coordinated lists stop at clause boundaries: a list of parties never runs on into the subject
//! of the next clause. One sentence per boundary shape, with the default extractor.

use attache::{Date, Extractor};

fn relations(text: &str) -> Vec<String> {
    let x = Extractor::new().expect("the defaults build");
    let doc = x.extract_with_date(text, Date::new(2025, 6, 17).expect("a date"));
    doc.relations
        .iter()
        .map(|r| format!("{}({}, {})", r.kind, doc.name(&r.subject), r.object.as_deref().map_or("", |o| doc.name(o))))
        .collect()
}

#[test]
fn a_comma_and_a_conjunction_before_a_new_subject_end_the_list() {
    let found =
        relations("Japan pledged $4.5 billion to Ukraine, and the European Union pledged 2 billion euros to Moldova.");
    assert!(found.contains(&"pledge(Japan, Ukraine)".to_string()), "{found:?}");
    assert!(found.contains(&"pledge(European Union, Moldova)".to_string()), "{found:?}");
    assert!(
        !found.iter().any(|r| r == "pledge(Japan, European Union)" || r == "pledge(Ukraine, Moldova)"),
        "{found:?}"
    );
}

#[test]
fn a_semicolon_ends_the_list() {
    let found = relations("Germany pledged aid to Ukraine; France pledged aid to Moldova.");
    assert!(!found.iter().any(|r| r.contains("Germany, France") || r == "pledge(Germany, Moldova)"), "{found:?}");
}

#[test]
fn a_new_finite_verb_after_comma_and_ends_the_list() {
    let found = relations("Xi Jinping met Vladimir Putin, and Narendra Modi said he would visit Moscow.");
    assert!(found.contains(&"meet(Xi Jinping, Vladimir Putin)".to_string()), "{found:?}");
    assert!(!found.iter().any(|r| r.starts_with("meet(") && r.contains("Narendra Modi")), "{found:?}");
}

#[test]
fn a_list_with_a_serial_comma_stays_one_list() {
    let found = relations("Emmanuel Macron met Olaf Scholz, Giorgia Meloni, and Pedro Sánchez in Brussels.");
    for other in ["Olaf Scholz", "Giorgia Meloni", "Pedro Sánchez"] {
        assert!(found.iter().any(|r| r.starts_with("meet(") && r.contains(other)), "{other}: {found:?}");
    }
}
