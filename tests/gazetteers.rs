//! Integration tests over the embedded default gazetteers: counts, ids, real facts and ambiguity.
//!
//! The facts checked here come from the sources named in `gazetteers/SOURCES.md` (CIA World
//! Factbook, Wikidata, Unicode CLDR); the sentences are written for these tests.

use std::collections::HashSet;

use attache::gazetteer::{AliasForm, EntityKind, Gazetteer, Office};
use attache::matcher::Matcher;
use attache::text::Text;
use attache::Date;

fn defaults() -> &'static Gazetteer {
    Gazetteer::defaults().expect("embedded gazetteers load")
}

fn matcher() -> &'static Matcher {
    static M: once_cell::sync::Lazy<Matcher> =
        once_cell::sync::Lazy::new(|| Matcher::new(defaults()).expect("matcher builds"));
    &M
}

/// Every (matched text, entity id) the matcher finds in `s`.
fn found(s: &str) -> Vec<(String, String)> {
    let g = defaults();
    let m = matcher();
    let text = Text::new(s);
    m.find_all(&text)
        .into_iter()
        .map(|r| (s[r.start..r.end].to_string(), g.entities()[m.candidate(r.candidate).entity].id.clone()))
        .collect()
}

fn ids(s: &str) -> HashSet<String> {
    found(s).into_iter().map(|(_, id)| id).collect()
}

fn date(s: &str) -> Date {
    s.parse().expect("valid date")
}

fn count(kind: EntityKind) -> usize {
    defaults().entities().iter().filter(|e| e.kind == kind).count()
}

/// The people holding `office` of `of` on `on`.
fn holders(office: Office, of: &str, on: &str) -> Vec<String> {
    let d = date(on);
    defaults()
        .entities()
        .iter()
        .filter(|e| e.roles.iter().any(|r| r.office == office && r.of == of && r.held_on(d)))
        .map(|e| e.id.clone())
        .collect()
}

#[test]
fn counts_per_kind() {
    assert!(count(EntityKind::Country) >= 249, "countries: {}", count(EntityKind::Country));
    assert!(count(EntityKind::Organization) >= 300, "organisations: {}", count(EntityKind::Organization));
    assert!(count(EntityKind::Person) >= 1000, "people: {}", count(EntityKind::Person));
    assert!(count(EntityKind::Place) >= 500, "places: {}", count(EntityKind::Place));
}

#[test]
fn every_iso_country_is_there_with_codes() {
    let g = defaults();
    for (iso3, iso2) in [
        ("KAZ", "KZ"),
        ("CHN", "CN"),
        ("USA", "US"),
        ("GBR", "GB"),
        ("TKM", "TM"),
        ("KGZ", "KG"),
        ("TJK", "TJ"),
        ("UZB", "UZ"),
        ("RUS", "RU"),
        ("TWN", "TW"),
        ("XKX", "XK"),
        ("PSE", "PS"),
        ("HKG", "HK"),
        ("ESH", "EH"),
        ("COD", "CD"),
        ("FRA", "FR"),
    ] {
        let c = g.get(&format!("country:{iso3}")).unwrap_or_else(|| panic!("country:{iso3} missing"));
        assert_eq!(c.attrs.get("iso2").map(String::as_str), Some(iso2), "{iso3}");
        assert_eq!(c.attrs.get("iso3").map(String::as_str), Some(iso3), "{iso3}");
    }
}

#[test]
fn no_duplicate_ids_across_files_and_every_record_has_a_source() {
    let mut seen = HashSet::new();
    for (label, text) in attache::gazetteer::DEFAULT_FILES {
        let mut g = Gazetteer::new();
        g.add_str(label, text).expect("file loads on its own");
        for e in g.entities() {
            assert!(seen.insert(e.id.clone()) || *label == "gazetteers/overlay.jsonl", "{} repeats in {label}", e.id);
            assert!(e.source.as_deref().is_some_and(|s| !s.is_empty()), "{} has no source", e.id);
        }
    }
}

#[test]
fn capitals_are_places_of_their_country() {
    let g = defaults();
    for (iso3, capital) in [
        ("KAZ", "place:astana"),
        ("CHN", "place:beijing"),
        ("TKM", "place:ashgabat"),
        ("KGZ", "place:bishkek"),
        ("TJK", "place:dushanbe"),
        ("UZB", "place:tashkent"),
        ("RUS", "place:moscow"),
        ("GBR", "place:london"),
        ("FRA", "place:paris"),
        ("JPN", "place:tokyo"),
        ("IND", "place:new-delhi"),
        ("TUR", "place:ankara"),
    ] {
        let c = g.get(&format!("country:{iso3}")).unwrap();
        assert_eq!(c.attrs.get("capital").map(String::as_str), Some(capital), "{iso3}");
        let p = g.get(capital).unwrap_or_else(|| panic!("{capital} missing"));
        assert_eq!(p.kind, EntityKind::Place);
        assert_eq!(p.attrs.get("country").map(String::as_str), Some(iso3));
        assert_eq!(p.attrs.get("capital_of").map(String::as_str), Some(c.id.as_str()));
    }
}

#[test]
fn demonyms_are_adjective_aliases() {
    let g = defaults();
    for (iso3, adjectives) in [
        ("KAZ", &["Kazakh", "Kazakhstani", "Kazakhs"][..]),
        ("TKM", &["Turkmen"]),
        ("KGZ", &["Kyrgyz", "Kyrgyzstani"]),
        ("TJK", &["Tajik", "Tajikistani"]),
        ("UZB", &["Uzbek", "Uzbekistani"]),
        ("CHN", &["Chinese", "Sino"]),
        ("USA", &["American", "Americans"]),
        ("GBR", &["British", "Briton"]),
        ("RUS", &["Russian"]),
        ("IRN", &["Iranian"]),
        ("FRA", &["French"]),
        ("DEU", &["German"]),
        ("JPN", &["Japanese"]),
    ] {
        let c = g.get(&format!("country:{iso3}")).unwrap();
        for a in adjectives {
            assert!(
                c.aliases.iter().any(|x| x.text == *a && x.form == AliasForm::Adjective),
                "{iso3} lacks adjective {a}"
            );
        }
    }
}

#[test]
fn abbreviations_are_exact() {
    for (s, id) in [
        ("The US and the UK agreed.", "country:USA"),
        ("The PRC said so.", "country:CHN"),
        ("Fighting in the DRC went on.", "country:COD"),
        ("The UK and the US agreed.", "country:GBR"),
    ] {
        assert!(ids(s).contains(id), "{s}: {:?}", found(s));
    }
}

#[test]
fn regions_have_members_and_adjectives() {
    let g = defaults();
    let ca = g.get("place:central-asia").unwrap();
    for m in ["country:KAZ", "country:KGZ", "country:TJK", "country:TKM", "country:UZB"] {
        assert!(ca.members.iter().any(|x| x == m), "Central Asia lacks {m}");
    }
    assert!(ids("Central Asian leaders met.").contains("place:central-asia"));
    assert!(ids("Middle Eastern markets fell.").contains("place:middle-east"));
    assert!(ids("A Balkan summit opened.").contains("place:balkans"));
    assert!(ids("Talks on the Sahel resumed.").contains("place:sahel"));
    assert!(ids("Unrest in Xinjiang grew.").contains("place:xinjiang"));
    assert!(g.get("place:middle-east").unwrap().members.iter().any(|m| m == "country:SAU"));
}

#[test]
fn leaders_on_dates() {
    let hos = Office::HeadOfState;
    let hog = Office::HeadOfGovernment;
    for (office, of, on, who) in [
        (hos, "country:KAZ", "2025-06-17", "person:kassym-jomart-tokayev"),
        (hos, "country:KAZ", "2015-01-01", "person:nursultan-nazarbayev"),
        (hos, "country:CHN", "2020-01-01", "person:xi-jinping"),
        (hos, "country:CHN", "2008-06-01", "person:hu-jintao"),
        (hos, "country:TKM", "2023-05-01", "person:serdar-berdimuhamedov"),
        (hos, "country:TKM", "2015-05-01", "person:gurbanguly-berdimuhamedov"),
        (hos, "country:KGZ", "2024-01-01", "person:sadyr-japarov"),
        (hos, "country:UZB", "2024-01-01", "person:shavkat-mirziyoyev"),
        (hos, "country:TJK", "2024-01-01", "person:emomali-rahmon"),
        (hos, "country:RUS", "2010-01-01", "person:dmitry-medvedev"),
        (hos, "country:RUS", "2024-01-01", "person:vladimir-putin"),
        (hog, "country:RUS", "2010-01-01", "person:vladimir-putin"),
        (hos, "country:USA", "2025-06-01", "person:donald-trump"),
        (hos, "country:FRA", "2020-01-01", "person:emmanuel-macron"),
        (hog, "country:GBR", "2025-01-01", "person:keir-starmer"),
        (hog, "country:IND", "2020-01-01", "person:narendra-modi"),
        (hog, "country:KAZ", "2025-01-01", "person:olzhas-bektenov"),
    ] {
        let h = holders(office, of, on);
        assert!(h.iter().any(|x| x == who), "{office:?} of {of} on {on}: {h:?}, expected {who}");
    }
    assert!(!holders(hos, "country:KAZ", "2015-01-01").iter().any(|x| x == "person:kassym-jomart-tokayev"));
}

#[test]
fn every_sovereign_country_has_a_leader() {
    let g = defaults();
    let with_leader: HashSet<&str> = g
        .entities()
        .iter()
        .flat_map(|e| e.roles.iter())
        .filter(|r| matches!(r.office, Office::HeadOfState | Office::HeadOfGovernment))
        .map(|r| r.of.as_str())
        .collect();
    for iso3 in
        ["KAZ", "CHN", "USA", "TKM", "KGZ", "TJK", "UZB", "RUS", "IND", "BRA", "NGA", "DEU", "AUS", "XKX", "TWN"]
    {
        assert!(with_leader.contains(format!("country:{iso3}").as_str()), "{iso3} has no leader");
    }
    let n =
        g.entities().iter().filter(|e| e.kind == EntityKind::Country && with_leader.contains(e.id.as_str())).count();
    assert!(n >= 195, "only {n} countries have a leader");
}

#[test]
fn people_have_press_spellings_and_surnames() {
    let g = defaults();
    for (id, alias, form) in [
        ("person:kassym-jomart-tokayev", "Tokayev", AliasForm::Surname),
        ("person:kassym-jomart-tokayev", "Kasym-Zhomart Tokayev", AliasForm::Name),
        ("person:serdar-berdimuhamedov", "Berdimuhamedow", AliasForm::Surname),
        ("person:serdar-berdimuhamedov", "Berdymukhamedov", AliasForm::Surname),
        ("person:sadyr-japarov", "Zhaparov", AliasForm::Surname),
        ("person:xi-jinping", "Xi", AliasForm::Surname),
        ("person:vladimir-putin", "Putin", AliasForm::Surname),
    ] {
        let p = g.get(id).unwrap_or_else(|| panic!("{id} missing"));
        assert!(p.aliases.iter().any(|a| a.text == alias && a.form == form), "{id} lacks {alias}");
    }
    assert!(ids("Kassym-Jomart Tokayev spoke.").contains("person:kassym-jomart-tokayev"));
}

#[test]
fn organisations_with_acronyms_and_both_spellings() {
    for (s, id) in [
        ("The Shanghai Cooperation Organisation met.", "organization:sco"),
        ("The Shanghai Cooperation Organization met.", "organization:sco"),
        ("The SCO met.", "organization:sco"),
        ("NATO allies met.", "organization:nato"),
        ("The UN said.", "organization:un"),
        ("ASEAN ministers met.", "organization:asean"),
        ("The EU agreed.", "organization:eu"),
        ("BRICS leaders met.", "organization:brics"),
        ("Projects under the Belt and Road Initiative grew.", "organization:bri"),
        ("Projects under the BRI grew.", "organization:bri"),
        ("Xinhua reported it.", "organization:xinhua"),
        ("Reuters reported it.", "organization:reuters"),
        ("TASS reported it.", "organization:tass"),
        ("Kazinform reported it.", "organization:kazinform"),
        ("The World Food Programme helped.", "organization:wfp"),
        ("The World Food Program helped.", "organization:wfp"),
        ("The IMF lent money.", "organization:imf"),
        ("OPEC cut output.", "organization:opec"),
    ] {
        assert!(ids(s).contains(id), "{s}: {:?}", found(s));
    }
    let g = defaults();
    let sco = g.get("organization:sco").unwrap();
    assert!(sco.members.iter().any(|m| m == "country:KAZ"));
    assert!(sco.members.iter().any(|m| m == "country:IND"));
}

// Ambiguity: names that are common words must not fire on the word.

fn fires_none(s: &str) {
    let f = found(s);
    assert!(f.is_empty(), "{s}: {f:?}");
}

#[test]
fn country_names_that_are_common_words() {
    fires_none("We ate turkey and a guinea fowl.");
    fires_none("The chad from the ballot fell out.");
    fires_none("Let us see what it can do for us.");
    assert!(ids("Chad and Niger signed.").contains("country:TCD"));
    assert!(ids("Chad and Niger signed.").contains("country:NER"));
    assert!(ids("Turkey hosted the talks.").contains("country:TUR"));
    assert!(ids("Jordan and Georgia voted.").contains("country:JOR"));
    assert!(ids("Jordan and Georgia voted.").contains("country:GEO"));
}

#[test]
fn city_names_that_are_common_words() {
    fires_none("Nice work on the reading list.");
    fires_none("Reading the report took an hour.");
    fires_none("Mobile phones split the vote.");
    fires_none("Split the bill after the bath.");
    fires_none("Independence matters to them.");
}

#[test]
fn surnames_that_are_common_words() {
    fires_none("Talks resumed in May.");
    fires_none("May we begin?");
    fires_none("A bush fire spread.");
}

#[test]
fn acronyms_need_their_case() {
    fires_none("The man who spoke left.");
    fires_none("It is late and it rains.");
    assert!(ids("The WHO warned of a virus.").contains("organization:who"));
}

#[test]
fn demonym_does_not_become_the_country_name() {
    let f = found("Iranian officials met.");
    assert!(f.iter().any(|(t, id)| t == "Iranian" && id == "country:IRN"), "{f:?}");
    assert!(!f.iter().any(|(t, _)| t == "Iran"), "{f:?}");
}

#[test]
fn sino_prefix_is_china() {
    let f = found("Sino-Kazakh trade grew.");
    assert!(f.iter().any(|(t, id)| t == "Sino" && id == "country:CHN"), "{f:?}");
    assert!(f.iter().any(|(t, id)| t == "Kazakh" && id == "country:KAZ"), "{f:?}");
}

#[test]
fn load_and_build_time_is_reported() {
    // Not an assertion on time: prints the figures for `cargo test --release -- --nocapture`.
    let t = std::time::Instant::now();
    let mut g = Gazetteer::new();
    for (label, text) in attache::gazetteer::DEFAULT_FILES {
        g.add_str(label, text).unwrap();
    }
    g.validate().unwrap();
    let load = t.elapsed();
    let t = std::time::Instant::now();
    let m = Matcher::new(&g).unwrap();
    let build = t.elapsed();
    eprintln!(
        "gazetteer: {} entities loaded in {load:?}; matcher: {} patterns in {build:?}",
        g.len(),
        m.pattern_count()
    );
    assert!(m.pattern_count() > g.len());
}
