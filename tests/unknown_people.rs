//! People no gazetteer lists, introduced by a title: one behaviour a test, each with its own
//! sentences (written for these tests).

mod common;

use attache::resolve::MentionForm;
use attache::{Date, Extractor};
use common::pairs;

/// A small gazetteer written for these tests.
const GAZETTEER: &str = r#"
{"id":"country:RWA","kind":"country","name":"Rwanda","aliases":[{"text":"Rwandan","form":"adjective"}],"attrs":{"iso3":"RWA"}}
{"id":"country:COD","kind":"country","name":"Democratic Republic of the Congo","aliases":["DR Congo",{"text":"Congolese","form":"adjective"}],"attrs":{"iso3":"COD"}}
{"id":"country:FRA","kind":"country","name":"France","aliases":[{"text":"French","form":"adjective"}],"attrs":{"iso3":"FRA"}}
{"id":"country:RUS","kind":"country","name":"Russia","aliases":[{"text":"Russian","form":"adjective"}],"attrs":{"iso3":"RUS"}}
{"id":"country:USA","kind":"country","name":"United States","aliases":["US",{"text":"American","form":"adjective"}],"attrs":{"iso3":"USA"}}
{"id":"country:CHN","kind":"country","name":"China","aliases":[{"text":"Chinese","form":"adjective"}],"attrs":{"iso3":"CHN"}}
{"id":"country:QAT","kind":"country","name":"Qatar","aliases":[{"text":"Qatari","form":"adjective"}],"attrs":{"iso3":"QAT"}}
{"id":"country:SDN","kind":"country","name":"Sudan","aliases":[{"text":"Sudanese","form":"adjective"}],"attrs":{"iso3":"SDN"}}
{"id":"place:washington","kind":"place","name":"Washington","attrs":{"capital_of":"country:USA","country":"USA"}}
{"id":"organization:un","kind":"organization","name":"United Nations","aliases":["UN"]}
{"id":"organization:wagner-group","kind":"organization","name":"Wagner Group","aliases":["Wagner"]}
{"id":"person:donald-trump","kind":"person","name":"Donald Trump","aliases":[{"text":"Trump","form":"surname"}],"attrs":{"country":"USA"},"roles":[{"title":"President","office":"head-of-state","of":"country:USA","start":"2025-01-20"}]}
{"id":"person:sergey-lavrov","kind":"person","name":"Sergey Lavrov","aliases":[{"text":"Lavrov","form":"surname"}],"attrs":{"country":"RUS"},"roles":[{"title":"Foreign Minister","office":"foreign-minister","of":"country:RUS","start":"2004-03-09"}]}
{"id":"person:jean-arnault","kind":"person","name":"Jean-Baptiste Arnault","attrs":{"country":"FRA"}}
{"id":"person:marie-claire-okello","kind":"person","name":"Marie-Claire Okello","attrs":{"country":"RWA"}}
"#;

fn extractor() -> Extractor {
    Extractor::builder().defaults(false).gazetteer_str("test.jsonl", GAZETTEER).build().unwrap()
}

fn date() -> Date {
    "2025-06-17".parse().unwrap()
}

/// Every mention as (text as written, entity id), in text order.
fn mentions(text: &str) -> Vec<(String, String)> {
    common::mentions(&extractor(), text, date())
}

/// The ids of the entities of kind person.
fn people(text: &str) -> Vec<String> {
    let doc = extractor().extract_with_date(text, date());
    doc.entities.iter().filter(|e| e.kind.to_string() == "person").map(|e| e.id.to_string()).collect()
}

/// An entity's attribute.
fn attr(text: &str, id: &str, key: &str) -> Option<String> {
    let doc = extractor().extract_with_date(text, date());
    let entity = doc.entity(id)?;
    entity.attrs.get(key).map(|v| v.to_string())
}

/// The units rules see: (phrase as written, entity id, acts-for id, form).
fn units(text: &str) -> Vec<(String, String, Option<String>, MentionForm)> {
    common::units(&extractor(), text, date())
}

#[test]
fn a_titled_name_is_a_person_of_the_titles_country() {
    let text = "Rwandan Foreign Minister Olivier Nduhungirehe signed the accord on Tuesday.";
    assert_eq!(
        mentions(text),
        pairs(&[("Rwandan", "country:RWA"), ("Olivier Nduhungirehe", "person:olivier-nduhungirehe")])
    );
    assert_eq!(attr(text, "person:olivier-nduhungirehe", "country").as_deref(), Some("RWA"));
    assert_eq!(attr(text, "person:olivier-nduhungirehe", "role").as_deref(), Some("Foreign Minister of Rwanda"));
    // one unit for rules, acting for the country like a listed minister
    assert_eq!(
        units(text),
        [(
            "Rwandan Foreign Minister Olivier Nduhungirehe".to_string(),
            "person:olivier-nduhungirehe".to_string(),
            Some("country:RWA".to_string()),
            MentionForm::Name
        )]
    );
}

#[test]
fn the_surname_alone_later_is_the_same_person() {
    let text = "Rwandan Foreign Minister Olivier Nduhungirehe arrived late. Nduhungirehe said the talks went well, \
                and Foreign Minister Nduhungirehe left on Friday.";
    let got = mentions(text);
    let his: Vec<&str> = got.iter().filter(|m| m.1 == "person:olivier-nduhungirehe").map(|m| m.0.as_str()).collect();
    assert_eq!(his, ["Olivier Nduhungirehe", "Nduhungirehe", "Nduhungirehe"]);
    let u = units(text);
    assert_eq!(u[1].2.as_deref(), Some("country:RWA"));
    assert_eq!(u[1].3, MentionForm::Short);
    assert_eq!(u[2].0, "Foreign Minister Nduhungirehe");
}

#[test]
fn a_family_name_written_first_resolves_alone_but_not_after_a_title() {
    let text = "Chinese Foreign Ministry spokesperson Mao Ning spoke on Monday. Mao said talks would go on.";
    let got = mentions(text);
    assert_eq!(got.iter().filter(|m| m.1 == "person:mao-ning").count(), 2, "{got:?}");
    // a title before a given name alone names someone else
    let text = "Qatari envoy Khalid Al Mansour met Sheikh Khalid in Doha.";
    assert_eq!(mentions(text).iter().filter(|m| m.1 == "person:khalid-al-mansour").count(), 1);
}

#[test]
fn a_surname_that_opens_a_sentence_needs_a_verb() {
    let text = "US envoy Maria Black arrived. Black smoke rose over the port. Black said she was worried.";
    let hers: Vec<String> = mentions(text).into_iter().filter(|m| m.1 == "person:maria-black").map(|m| m.0).collect();
    assert_eq!(hers, ["Maria Black", "Black"]);
    let doc = extractor().extract_with_date(text, date());
    let last = doc.mentions.iter().rfind(|m| m.entity.as_ref() as &str == "person:maria-black").unwrap();
    assert_eq!(&text[last.start..], "Black said she was worried.");
}

#[test]
fn a_surname_before_the_full_name_or_alone_after_a_title_is_nothing() {
    assert!(people("Foreign Minister Nduhungirehe spoke to reporters.").is_empty());
    assert_eq!(
        mentions("Nduhungirehe arrived. Rwandan Foreign Minister Olivier Nduhungirehe spoke."),
        pairs(&[("Rwandan", "country:RWA"), ("Olivier Nduhungirehe", "person:olivier-nduhungirehe")])
    );
}

#[test]
fn a_surname_two_new_people_share_stays_unresolved() {
    let text = "US envoy Mark Halvorsen met Russian envoy Anna Halvorsen. Halvorsen said nothing.";
    let got = mentions(text);
    assert_eq!(got.iter().filter(|m| m.0 == "Halvorsen").count(), 0);
    assert_eq!(people(text), ["person:mark-halvorsen", "person:anna-halvorsen"]);
}

#[test]
fn a_counterpart_takes_the_title_of_the_person_before_and_a_one_word_organisation_inside_the_name_yields() {
    let text = "Rwandan Foreign Minister Olivier Nduhungirehe met his Congolese counterpart \
                Therese Kayikwamba Wagner in Washington. Wagner said the deal would hold.";
    let ids: Vec<String> = mentions(text).into_iter().map(|m| m.1).collect();
    assert!(!ids.iter().any(|id| id == "organization:wagner-group"), "{ids:?}");
    let hers = ids.iter().filter(|id| *id == "person:therese-kayikwamba-wagner").count();
    assert_eq!(hers, 2);
    assert_eq!(
        attr(text, "person:therese-kayikwamba-wagner", "role").as_deref(),
        Some("Foreign Minister of Democratic Republic of the Congo")
    );
    // without the name, the one-word alias is the organisation as before
    assert_eq!(mentions("Wagner fighters left."), pairs(&[("Wagner", "organization:wagner-group")]));
}

#[test]
fn an_organisation_owns_a_title_too() {
    let text = "UN envoy Jean Arnault flew to Khartoum.";
    let u = units(text);
    assert_eq!(u.len(), 1);
    assert_eq!(u[0].0, "UN envoy Jean Arnault");
    assert_eq!(u[0].2.as_deref(), Some("organization:un"));
    // the gazetteer's person:jean-arnault is someone else: the new person never takes that id
    assert_eq!(u[0].1, "person:jean-arnault-2");
    assert_eq!(attr(text, "person:jean-arnault-2", "role").as_deref(), Some("Envoy of United Nations"));
    assert_eq!(attr(text, "person:jean-arnault-2", "country"), None);
}

#[test]
fn capitalised_words_before_a_title_belong_to_it() {
    let text = "Kremlin spokesman Dmitry Peskov declined to comment.";
    assert_eq!(people(text), ["person:dmitry-peskov"]);
    assert_eq!(attr(text, "person:dmitry-peskov", "role").as_deref(), Some("Kremlin Spokesman"));
    assert_eq!(units(text)[0].2, None);
    let text = "Later, US Attorney General Pamela Rowe spoke.";
    assert_eq!(units(text)[0].0, "US Attorney General Pamela Rowe");
    assert_eq!(attr(text, "person:pamela-rowe", "role").as_deref(), Some("Attorney General of United States"));
}

#[test]
fn particles_hyphens_and_stacked_titles() {
    assert_eq!(
        mentions("Sudanese army chief Lieutenant General Abdel Fattah al-Burhan met them."),
        pairs(&[("Sudanese", "country:SDN"), ("Abdel Fattah al-Burhan", "person:abdel-fattah-al-burhan")])
    );
    assert_eq!(
        units("Sudanese army chief Lieutenant General Abdel Fattah al-Burhan met them.")[0].0,
        "Sudanese army chief Lieutenant General Abdel Fattah al-Burhan"
    );
    assert_eq!(people("French envoy Anne-Claire de la Tour spoke."), ["person:anne-claire-de-la-tour"]);
    assert_eq!(people("Ambassador Karim bin Talal Al Mansour spoke."), ["person:karim-bin-talal-al-mansour"]);
}

#[test]
fn the_owner_may_follow_the_title() {
    let text = "Foreign Minister of France Jean-Noel Barrot flew to Kigali.";
    assert_eq!(mentions(text), pairs(&[("France", "country:FRA"), ("Jean-Noel Barrot", "person:jean-noel-barrot")]));
    assert_eq!(units(text)[0].0, "Foreign Minister of France Jean-Noel Barrot");
    assert_eq!(attr(text, "person:jean-noel-barrot", "country").as_deref(), Some("FRA"));
}

#[test]
fn the_name_stops_at_a_possessive_a_day_or_a_known_name() {
    assert_eq!(
        mentions("Defence Secretary John Healey's visit was cut short."),
        pairs(&[("John Healey", "person:john-healey")])
    );
    assert_eq!(mentions("Envoy Mark Salter Monday urged calm."), pairs(&[("Mark Salter", "person:mark-salter")]));
    assert_eq!(
        mentions("Russian envoy Ivan Petrov Lavrov spoke."),
        pairs(&[("Russian", "country:RUS"), ("Ivan Petrov Lavrov", "person:ivan-petrov-lavrov")])
    );
}

#[test]
fn a_former_holder_is_a_person_who_acts_for_no_one() {
    let text = "Former Rwandan Foreign Minister Louise Mushikiwabo spoke.";
    let u = units(text);
    assert_eq!(u[0].1, "person:louise-mushikiwabo");
    assert_eq!(u[0].2, None);
    assert_eq!(attr(text, "person:louise-mushikiwabo", "country").as_deref(), Some("RWA"));
    assert_eq!(attr(text, "person:louise-mushikiwabo", "role"), None);
}

#[test]
fn honorifics_and_legislators_name_people_who_act_for_no_one() {
    let text = "Rwandan Senator Alice Umutoni and Mr Paul Kagabo spoke.";
    assert_eq!(people(text), ["person:alice-umutoni", "person:paul-kagabo"]);
    assert!(units(text).iter().all(|u| u.2.is_none()));
    assert_eq!(attr(text, "person:paul-kagabo", "role"), None);
}

#[test]
fn a_name_set_off_by_commas_after_a_title() {
    let text = "Rwanda's foreign minister, Olivier Nduhungirehe, said the talks would go on.";
    assert_eq!(people(text), ["person:olivier-nduhungirehe"]);
    assert_eq!(attr(text, "person:olivier-nduhungirehe", "role").as_deref(), Some("Foreign Minister of Rwanda"));
    assert_eq!(units(text)[0].2.as_deref(), Some("country:RWA"));
    // a list is no apposition
    assert!(people("He thanked the envoy, Paul Kagabo and Anna Berg.").is_empty());
}

#[test]
fn a_listed_person_after_a_title_stays_listed() {
    assert_eq!(mentions("President Trump spoke."), pairs(&[("Trump", "person:donald-trump")]));
    assert_eq!(
        mentions("Russian Foreign Minister Sergey Lavrov spoke."),
        pairs(&[("Russian", "country:RUS"), ("Sergey Lavrov", "person:sergey-lavrov")])
    );
    // given names before a listed surname are that person's, not a new person
    assert_eq!(people("President Donald J. Trump spoke."), ["person:donald-trump"]);
}

#[test]
fn no_name_no_person() {
    for text in [
        "The Prime Minister Monday said taxes would rise.",
        "Foreign Minister Meets Press In Kigali",
        "FOREIGN MINISTER JOHN SMITH RESIGNS",
        "Chief Executive Officer Tim Cook spoke.",
        "The minister said the envoy would come.",
        "Deputy Foreign Minister Interior Ministry officials met.",
        "Envoy John Paul George Ringo Starr sang.",
        "The ambassador, Paul Kagabo and Anna Berg spoke.",
        "The spokesman The Times quoted was wrong.",
    ] {
        assert!(people(text).is_empty(), "{text}: {:?}", people(text));
    }
}

#[test]
fn a_listed_person_written_another_way_is_that_person_where_the_country_agrees() {
    // the slug of "Marie Claire Okello" is the listed "Marie-Claire Okello"'s id
    assert_eq!(
        mentions("Rwandan Foreign Minister Marie Claire Okello spoke."),
        [
            ("Rwandan".to_string(), "country:RWA".to_string()),
            ("Marie Claire Okello".to_string(), "person:marie-claire-okello".to_string())
        ]
    );
    // a French minister of that name is someone else
    let ids: Vec<String> =
        mentions("French Foreign Minister Marie Claire Okello spoke.").into_iter().map(|m| m.1).collect();
    assert_eq!(ids, ["country:FRA", "person:marie-claire-okello-2"]);
}
