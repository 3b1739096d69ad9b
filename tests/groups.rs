//! Group actors and actor codes, one behaviour a case: sentence => the actor codes of the groups
//! it names, in order (`-` for none), then the codes of named entities where they matter.

use attache::{Date, Document, EntityKind, Extractor};

/// `(sentence, groups as "name=ACTOR", in order of mention)`.
const GROUPS: &[(&str, &[&str])] = &[
    ("Syrian opposition leaders met in Geneva on Monday.", &["Syrian opposition leaders=SYROPP"]),
    ("Turkish troops crossed the border overnight.", &["Turkish troops=TURMIL"]),
    (
        "The Malian government and Tuareg rebels signed a ceasefire.",
        // a people or movement attache cannot code ("Tuareg rebels"): no group rather than a guess
        &["Malian government=MLIGOV"],
    ),
    ("Germany's parliament voted on the budget on Friday.", &["Germany's parliament=DEULEG"]),
    ("The Trump administration imposed new tariffs.", &["Trump administration=USAGOV"]),
    // a bare noun takes the sentence's one country
    ("Police arrested dozens of protesters in Caracas.", &["Police=VENCOP", "protesters in Caracas=VENOPP"]),
    (
        "Kenyan police fired tear gas at protesters in Nairobi.",
        &["Kenyan police=KENCOP", "protesters in Nairobi=KENOPP"],
    ),
    ("Nigerian rebels demanded the resignation of the government.", &["Nigerian rebels=NGAREB", "government=NGAGOV"]),
    ("The government of Mali said it would hold talks.", &["government of Mali=MLIGOV"]),
    ("French doctors treated the wounded in Gaza.", &["French doctors=FRAMED"]),
    ("Senior Ugandan officials arrived in Kinshasa.", &["Ugandan officials=UGAGOV"]),
    ("Officials in Georgia protested.", &["Officials in Georgia=GEOGOV"]),
    ("Troops from Chad arrived.", &["Troops=TCDMIL"]),
    ("Officials said Astana would widen cooperation.", &["Officials=KAZGOV"]),
    // bodies named by a singular noun: a coast guard, a ministry
    ("The Vietnamese coast guard towed the trawler to port.", &["Vietnamese coast guard=VNMMIL"]),
    ("Japan's coastguard rescued the crew.", &["Japan's coastguard=JPNMIL"]),
    ("The Egyptian foreign ministry summoned the envoy.", &["Egyptian foreign ministry=EGYGOV"]),
    ("The Ukrainian defence ministry published the figures.", &["Ukrainian defence ministry=UKRGOV"]),
    // labour unions
    ("Belgian unions staged a national strike on Monday.", &["Belgian unions=BELLAB"]),
    // a group as a possessor is still the group, with its country word
    ("The Turkish government's plan drew criticism.", &["Turkish government=TURGOV"]),
    ("Canada welcomed the Chilean parliament's vote.", &["Chilean parliament=CHLLEG"]),
    // ... but a bare possessor takes no guessed country
    ("In Peru, the government's critics marched.", &[]),
    // a country inside a name is not the sentence's country
    ("Delegates reached the China-Central Asia Summit early.", &[]),
    // one person, not a group
    ("The Kenyan president spoke on Monday.", &[]),
    // a noun phrase continues past the agent noun: no group
    ("The police station in Nairobi was closed.", &[]),
    ("Investors bought Kenyan government bonds.", &[]),
    // a bare noun where the sentence names two countries: no guess
    ("Officials from Kenya and Uganda met in Kampala.", &[]),
    // a bare noun where the sentence names no country at all: silence
    ("The protesters dispersed after an hour.", &[]),
];

fn doc(text: &str) -> Document {
    static EXTRACTOR: once_cell::sync::Lazy<Extractor> =
        once_cell::sync::Lazy::new(|| Extractor::new().expect("the embedded defaults build"));
    EXTRACTOR.extract_with_date(text, Date::new(2025, 6, 17).expect("a date"))
}

fn groups(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for m in &doc.mentions {
        let Some(e) = doc.entity(&m.entity) else { continue };
        if e.kind == EntityKind::Group {
            out.push(format!("{}={}", m.text, e.attrs.get("actor").map_or("?", String::as_str)));
        }
    }
    out
}

#[test]
fn groups_are_coded_by_country_and_sector() {
    let mut failures = Vec::new();
    for (sentence, expected) in GROUPS {
        let got = groups(&doc(sentence));
        if got != *expected {
            failures.push(format!("{sentence}\n  expected {expected:?}\n  got      {got:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_entity_has_an_actor_code() {
    let d = doc("Kenyan President William Ruto met UN Secretary-General António Guterres and Turkish troops in Nairobi, where the Treaty of Nairobi was signed.");
    for e in &d.entities {
        assert!(e.attrs.contains_key("actor"), "{} has no actor code", e.id);
    }
    let actor = |id: &str| d.entity(id).and_then(|e| e.attrs.get("actor")).cloned();
    assert_eq!(actor("person:william-ruto").as_deref(), Some("KENGOV"));
    assert_eq!(actor("place:nairobi").as_deref(), Some("KEN"));
}

#[test]
fn a_government_group_acts_for_its_state_in_rules_that_want_a_country() {
    let d = doc("The Malian government signed a peace agreement with Algeria.");
    let signs: Vec<_> = d.relations.iter().filter(|r| r.kind == "sign").collect();
    assert!(!signs.is_empty(), "{:?}", d.relations);
}
