//! Entity resolution: one behaviour a test, each with its own sentence.

mod common;

use attache::resolve::{MentionForm, Resolution};
use attache::{Date, Extractor};
use common::pairs;

/// A small gazetteer written for these tests (facts as of mid-2025).
const GAZETTEER: &str = r#"
{"id":"country:CHN","kind":"country","name":"China","aliases":[{"text":"Chinese","form":"adjective"},{"text":"Sino","form":"adjective"}],"attrs":{"iso3":"CHN","iso2":"CN","capital":"place:beijing"}}
{"id":"country:KAZ","kind":"country","name":"Kazakhstan","aliases":[{"text":"Kazakh","form":"adjective"}],"attrs":{"iso3":"KAZ","iso2":"KZ","capital":"place:astana"}}
{"id":"country:TKM","kind":"country","name":"Turkmenistan","aliases":[{"text":"Turkmen","form":"adjective"}],"attrs":{"iso3":"TKM","iso2":"TM"}}
{"id":"country:KGZ","kind":"country","name":"Kyrgyzstan","aliases":[{"text":"Kyrgyz","form":"adjective"}],"attrs":{"iso3":"KGZ","iso2":"KG"}}
{"id":"country:UZB","kind":"country","name":"Uzbekistan","aliases":[{"text":"Uzbek","form":"adjective"}],"attrs":{"iso3":"UZB","iso2":"UZ"}}
{"id":"country:RUS","kind":"country","name":"Russia","aliases":[{"text":"Russian","form":"adjective"}],"attrs":{"iso3":"RUS","iso2":"RU","capital":"place:moscow"}}
{"id":"country:USA","kind":"country","name":"United States","aliases":["US",{"text":"American","form":"adjective"}],"attrs":{"iso3":"USA","iso2":"US","capital":"place:washington"}}
{"id":"country:TUR","kind":"country","name":"Turkey","aliases":["Turkiye",{"text":"Turkish","form":"adjective"}],"attrs":{"iso3":"TUR","iso2":"TR"}}
{"id":"country:TCD","kind":"country","name":"Chad","attrs":{"iso3":"TCD","iso2":"TD"}}
{"id":"country:JOR","kind":"country","name":"Jordan","attrs":{"iso3":"JOR","iso2":"JO"}}
{"id":"country:GEO","kind":"country","name":"Georgia","priority":1,"attrs":{"iso3":"GEO","iso2":"GE"}}
{"id":"country:NER","kind":"country","name":"Niger","attrs":{"iso3":"NER","iso2":"NE"}}
{"id":"country:GBR","kind":"country","name":"United Kingdom","aliases":["UK","Britain",{"text":"British","form":"adjective"}],"attrs":{"iso3":"GBR","iso2":"GB"}}
{"id":"place:beijing","kind":"place","name":"Beijing","attrs":{"capital_of":"country:CHN","country":"CHN"}}
{"id":"place:astana","kind":"place","name":"Astana","aliases":[{"text":"Nur-Sultan","form":"former"}],"attrs":{"capital_of":"country:KAZ","country":"KAZ"}}
{"id":"place:moscow","kind":"place","name":"Moscow","attrs":{"capital_of":"country:RUS","country":"RUS"}}
{"id":"place:washington","kind":"place","name":"Washington","attrs":{"capital_of":"country:USA","country":"USA"}}
{"id":"place:xi-an","kind":"place","name":"Xi'an","aliases":["Xian"],"attrs":{"country":"CHN"}}
{"id":"place:georgia-us","kind":"place","name":"Georgia","attrs":{"country":"USA"}}
{"id":"place:central-asia","kind":"place","name":"Central Asia","aliases":[{"text":"Central Asian","form":"adjective"}],"members":["country:KAZ","country:TKM","country:KGZ","country:UZB"]}
{"id":"organization:sco","kind":"organization","name":"Shanghai Cooperation Organisation","aliases":["SCO"]}
{"id":"person:xi-jinping","kind":"person","name":"Xi Jinping","aliases":[{"text":"Xi","form":"short"}],"attrs":{"country":"CHN"},"roles":[{"title":"President","office":"head-of-state","of":"country:CHN","start":"2013-03-14"}]}
{"id":"person:li-qiang","kind":"person","name":"Li Qiang","attrs":{"country":"CHN"},"roles":[{"title":"Premier","office":"head-of-government","of":"country:CHN","start":"2023-03-11"}]}
{"id":"person:kassym-jomart-tokayev","kind":"person","name":"Kassym-Jomart Tokayev","aliases":[{"text":"Tokayev","form":"surname"}],"attrs":{"country":"KAZ"},"roles":[{"title":"President","office":"head-of-state","of":"country:KAZ","start":"2019-03-20"}]}
{"id":"person:serdar-berdimuhamedov","kind":"person","name":"Serdar Berdimuhamedov","aliases":[{"text":"Berdimuhamedov","form":"surname"}],"attrs":{"country":"TKM"},"roles":[{"title":"President","office":"head-of-state","of":"country:TKM","start":"2022-03-19"}]}
{"id":"person:gurbanguly-berdimuhamedov","kind":"person","name":"Gurbanguly Berdimuhamedov","aliases":[{"text":"Berdimuhamedov","form":"surname"}],"attrs":{"country":"TKM"},"roles":[{"title":"President","office":"head-of-state","of":"country:TKM","start":"2007-02-14","end":"2022-03-19"}]}
{"id":"person:vladimir-putin","kind":"person","name":"Vladimir Putin","aliases":[{"text":"Putin","form":"surname"}],"attrs":{"country":"RUS"},"roles":[{"title":"President","office":"head-of-state","of":"country:RUS","start":"2012-05-07"}]}
{"id":"person:sergey-lavrov","kind":"person","name":"Sergey Lavrov","aliases":["Sergei Lavrov",{"text":"Lavrov","form":"surname"}],"attrs":{"country":"RUS"},"roles":[{"title":"Foreign Minister","office":"foreign-minister","of":"country:RUS","start":"2004-03-09"}]}
{"id":"person:andrei-belousov","kind":"person","name":"Andrei Belousov","attrs":{"country":"RUS"},"roles":[{"title":"Defence Minister","office":"other","of":"country:RUS","start":"2024-05-14"}]}
{"id":"person:donald-trump","kind":"person","name":"Donald Trump","aliases":[{"text":"Trump","form":"surname"}],"attrs":{"country":"USA"},"roles":[{"title":"President","office":"head-of-state","of":"country:USA","start":"2017-01-20","end":"2021-01-20"},{"title":"President","office":"head-of-state","of":"country:USA","start":"2025-01-20"}]}
{"id":"person:joe-biden","kind":"person","name":"Joe Biden","aliases":[{"text":"Biden","form":"surname"}],"attrs":{"country":"USA"},"roles":[{"title":"President","office":"head-of-state","of":"country:USA","start":"2021-01-20","end":"2025-01-20"}]}
{"id":"person:george-w-bush","kind":"person","name":"George W. Bush","aliases":[{"text":"Bush","form":"surname"}],"attrs":{"country":"USA"},"roles":[{"title":"President","office":"head-of-state","of":"country:USA","start":"2001-01-20","end":"2009-01-20"}]}
{"id":"person:george-h-w-bush","kind":"person","name":"George H. W. Bush","aliases":[{"text":"Bush","form":"surname"}],"attrs":{"country":"USA"},"roles":[{"title":"President","office":"head-of-state","of":"country:USA","start":"1989-01-20","end":"1993-01-20"}]}
{"id":"person:theresa-may","kind":"person","name":"Theresa May","aliases":[{"text":"May","form":"surname"}],"attrs":{"country":"GBR"},"roles":[{"title":"Prime Minister","office":"head-of-government","of":"country:GBR","start":"2016-07-13","end":"2019-07-24"}]}
{"id":"person:nelson-mandela","kind":"person","name":"Nelson Mandela","aliases":[{"text":"Mandela","form":"surname"}]}
{"id":"person:stella-levy","kind":"person","name":"Stella Levy","aliases":[{"text":"Levy","form":"surname"}],"attrs":{"country":"GBR"}}
{"id":"person:michael-jordan","kind":"person","name":"Michael Jordan","aliases":[{"text":"Jordan","form":"surname"}]}
"#;

fn extractor() -> Extractor {
    Extractor::builder().defaults(false).gazetteer_str("test.jsonl", GAZETTEER).build().unwrap()
}

fn date() -> Date {
    "2025-06-17".parse().unwrap()
}

fn analyze(text: &str) -> Resolution {
    extractor().analyze(text, date()).1
}

/// Every mention as (text as written, entity id), in text order.
fn mentions(text: &str) -> Vec<(String, String)> {
    common::mentions(&extractor(), text, date())
}

/// The units rules see: (phrase as written, entity id, acts-for id, form).
fn units(text: &str) -> Vec<(String, String, Option<String>, MentionForm)> {
    common::units(&extractor(), text, date())
}

fn ids(text: &str) -> Vec<String> {
    mentions(text).into_iter().map(|m| m.1).collect()
}

#[test]
fn title_and_adjective_before_a_name() {
    let u = units("Chinese President Xi Jinping arrived on Monday.");
    assert_eq!(u.len(), 1);
    assert_eq!(u[0].0, "Chinese President Xi Jinping");
    assert_eq!(u[0].1, "person:xi-jinping");
    assert_eq!(u[0].2.as_deref(), Some("country:CHN"));
    assert_eq!(
        mentions("Chinese President Xi Jinping arrived on Monday."),
        pairs(&[("Chinese", "country:CHN"), ("Xi Jinping", "person:xi-jinping")])
    );
}

#[test]
fn counterpart_with_a_name() {
    let u = units("Xi later greeted his Kazakh counterpart Kassym-Jomart Tokayev warmly.");
    assert_eq!(u[1].0, "Kazakh counterpart Kassym-Jomart Tokayev");
    assert_eq!(u[1].1, "person:kassym-jomart-tokayev");
    // a surname of someone else, followed by an unknown name, is not that someone
    // (the unknown name is a person of its own: see tests/unknown_people.rs)
    assert_eq!(
        ids("Putin met his Kazakh counterpart Lavrov Nurzhanov."),
        ["person:vladimir-putin", "country:KAZ", "person:lavrov-nurzhanov"]
    );
}

#[test]
fn title_picks_the_right_person_among_a_surname() {
    // two Turkmen presidents share the surname; the title and the date pick the one in office
    assert_eq!(
        ids("Turkmen President Berdimuhamedov opened a gas field."),
        ["country:TKM", "person:serdar-berdimuhamedov"]
    );
}

#[test]
fn title_without_a_name_is_the_holder_on_the_date() {
    let u = units("Analysts expect the Kazakh president to attend.");
    assert_eq!(
        u,
        [(
            "Kazakh president".to_string(),
            "person:kassym-jomart-tokayev".to_string(),
            Some("country:KAZ".to_string()),
            MentionForm::Role
        )]
    );
    assert_eq!(ids("Russia's foreign minister flew home."), ["country:RUS", "person:sergey-lavrov"]);
    assert_eq!(ids("A letter from the US president arrived."), ["country:USA", "person:donald-trump"]);
    assert_eq!(ids("She met the president of Kazakhstan twice."), ["person:kassym-jomart-tokayev", "country:KAZ"]);
    assert_eq!(ids("Russia's defence minister toured the base."), ["country:RUS", "person:andrei-belousov"]);
}

#[test]
fn role_depends_on_the_date() {
    let e = extractor();
    let doc = e.extract_with_date("The US president signed it.", "2022-05-01".parse().unwrap());
    let role = doc.mentions.iter().find(|m| m.entity.starts_with("person:")).unwrap();
    assert_eq!((role.entity.as_str(), role.text.as_str()), ("person:joe-biden", "US president"));
}

#[test]
fn former_titles_do_not_resolve_by_date() {
    assert_eq!(ids("The former US president spoke."), ["country:USA"]);
}

#[test]
fn counterpart_without_a_name_takes_the_office_of_the_person_met() {
    assert_eq!(
        ids("Xi Jinping met his Kazakh counterpart in the capital."),
        ["person:xi-jinping", "country:KAZ", "person:kassym-jomart-tokayev"]
    );
}

#[test]
fn counterpart_without_a_name_prefers_the_same_title_over_the_same_office() {
    // a state whose president heads the government while a supreme leader heads the state
    let extra = r#"
{"id":"country:IRN","kind":"country","name":"Iran","aliases":[{"text":"Iranian","form":"adjective"}],"attrs":{"iso3":"IRN","iso2":"IR"}}
{"id":"person:supreme-leader","kind":"person","name":"Ali Vahedi","attrs":{"country":"IRN"},"roles":[{"title":"Supreme Leader","office":"head-of-state","of":"country:IRN","start":"1989-06-04"}]}
{"id":"person:iran-president","kind":"person","name":"Reza Karimi","attrs":{"country":"IRN"},"roles":[{"title":"President","office":"head-of-government","of":"country:IRN","start":"2024-07-28"}]}
"#;
    let extractor = Extractor::builder()
        .defaults(false)
        .gazetteer_str("test.jsonl", &format!("{GAZETTEER}{extra}"))
        .build()
        .unwrap();
    let resolution = extractor.analyze("Xi Jinping met his Iranian counterpart in Beijing.", date()).1;
    let found: Vec<&str> = resolution.mentions.iter().map(|m| resolution.entities[m.entity].id.as_str()).collect();
    assert_eq!(found, ["person:xi-jinping", "person:iran-president", "country:IRN", "place:beijing"]);
    // with no holder of the same title, the same office decides
    assert_eq!(
        ids("Xi Jinping met his Kazakh counterpart in the capital."),
        ["person:xi-jinping", "country:KAZ", "person:kassym-jomart-tokayev"]
    );
}

#[test]
fn short_names_after_full_names() {
    assert_eq!(
        ids("Xi Jinping spoke first. Then Xi left, and Kassym-Jomart Tokayev thanked him. Tokayev smiled."),
        ["person:xi-jinping", "person:xi-jinping", "person:kassym-jomart-tokayev", "person:kassym-jomart-tokayev"]
    );
}

#[test]
fn shared_surname_needs_an_earlier_mention_or_the_date() {
    // one of the two is in office on the date
    assert_eq!(ids("Berdimuhamedov opened a school."), ["person:serdar-berdimuhamedov"]);
    // "former" asks for the one who held the office before
    assert_eq!(ids("He thanked former President Berdimuhamedov."), ["person:gurbanguly-berdimuhamedov"]);
    // neither is in office: unresolved
    assert_eq!(ids("Bush spoke at length."), Vec::<String>::new());
    // an earlier full name decides
    assert_eq!(
        ids("Gurbanguly Berdimuhamedov, the former leader, spoke. Berdimuhamedov praised gas."),
        ["person:gurbanguly-berdimuhamedov", "person:gurbanguly-berdimuhamedov"]
    );
}

#[test]
fn surname_inside_a_longer_name_is_not_that_person() {
    assert_eq!(ids("The talks were held on Putin Street."), Vec::<String>::new());
    assert_eq!(ids("Tourists flock to Nelson Mandela Bay each year."), Vec::<String>::new());
    assert_eq!(ids("Critics said Hunter Putin had left."), Vec::<String>::new());
    assert_eq!(ids("In Moscow, Putin spoke."), ["place:moscow", "person:vladimir-putin"]);
}

#[test]
fn possessive_country_folds_into_the_person() {
    let u = units("China's Xi urged calm.");
    assert_eq!(u[0].0, "China's Xi");
    assert_eq!(u[0].1, "person:xi-jinping");
    assert_eq!(ids("China's Xi urged calm."), ["country:CHN", "person:xi-jinping"]);
}

#[test]
fn capital_with_possessive_is_a_metonym() {
    let u = units("Beijing's strategy worries Moscow.");
    assert_eq!(u[0].1, "place:beijing");
    assert_eq!(u[0].2.as_deref(), Some("country:CHN"));
    assert_eq!(u[0].3, MentionForm::Metonym);
}

#[test]
fn a_possessive_capital_acts_even_after_a_preposition() {
    let u = units("It is part of Beijing's plan, drafted in the capital Moscow.");
    let acts: Vec<Option<String>> = u.iter().map(|u| u.2.clone()).collect();
    assert_eq!(acts, [Some("country:CHN".to_string()), None]);
}

#[test]
fn capitals_as_actors_and_as_places() {
    let u = units("Washington and Moscow traded barbs, while talks went on in Astana, Kazakhstan.");
    let acts: Vec<(String, Option<String>)> = u.iter().map(|u| (u.1.clone(), u.2.clone())).collect();
    assert_eq!(
        acts,
        [
            ("place:washington".to_string(), Some("country:USA".to_string())),
            ("place:moscow".to_string(), Some("country:RUS".to_string())),
            ("place:astana".to_string(), None),
            ("country:KAZ".to_string(), None),
        ]
    );
}

#[test]
fn people_in_office_act_for_their_country() {
    let u = units("Putin thanked Tokayev.");
    assert_eq!(u[0].2.as_deref(), Some("country:RUS"));
    assert_eq!(u[1].2.as_deref(), Some("country:KAZ"));
}

#[test]
fn hyphenated_compounds() {
    assert_eq!(
        ids("Work on the China-Kyrgyzstan-Uzbekistan railway resumed."),
        ["country:CHN", "country:KGZ", "country:UZB"]
    );
    let r = analyze("Leaders gathered for the China-Central Asia Summit.");
    let listed: Vec<(&str, bool)> = r.mentions.iter().map(|m| (r.entities[m.entity].id.as_str(), m.nested)).collect();
    assert_eq!(
        listed,
        [("event:china-central-asia-summit", false), ("country:CHN", true), ("place:central-asia", true)]
    );
}

#[test]
fn demonyms_are_mentions_of_the_country() {
    let u = units("Turkmen gas flows east, and Chinese tourists come west.");
    assert_eq!(u[0].1, "country:TKM");
    assert_eq!(u[0].3, MentionForm::Adjective);
    assert_eq!(u[1].1, "country:CHN");
}

#[test]
fn region_adjective_with_a_group_noun_is_a_group() {
    let u = units("Beijing offered grants to Central Asian countries.");
    assert_eq!(
        u[1],
        ("Central Asian countries".to_string(), "place:central-asia".to_string(), None, MentionForm::Group)
    );
    let doc = extractor().extract_with_date("Central Asian leaders met.", date());
    assert_eq!(doc.mentions[0].text, "Central Asian leaders");
    let u = units("Central Asian gas is cheap.");
    assert_eq!(u[0].3, MentionForm::Adjective);
}

#[test]
fn money_amounts_are_arguments_not_listed_entities() {
    let r = analyze("They offered 2.5 billion yuan and later US$40 million.");
    let money: Vec<&str> =
        r.entities.iter().filter(|e| e.kind == attache::EntityKind::Money).map(|e| e.id.as_str()).collect();
    assert_eq!(money, ["money:2-5-billion-yuan", "money:us-40-million"]);
    // "US" in "US$" is not the country
    assert!(!r.entities.iter().any(|e| e.id == "country:USA"));
    let doc = extractor().extract_with_date("They offered 2.5 billion yuan.", date());
    assert!(doc.entities.is_empty());
}

#[test]
fn treaties_and_agreements_are_documents() {
    assert_eq!(
        ids("Both sides signed the Treaty of Lasting Amity and Mutual Trust."),
        ["document:treaty-of-lasting-amity-and-mutual-trust"]
    );
    // a phrase that describes a document is found, but not listed: it names nothing
    let described = analyze("They discussed a free trade agreement.");
    assert!(described.entities.iter().any(|e| e.id == "document:free-trade-agreement"));
    assert!(ids("They discussed a free trade agreement.").is_empty());
    assert_eq!(ids("Washington left the Paris Agreement."), ["place:washington", "document:paris-agreement"]);
}

#[test]
fn summits_are_events() {
    assert_eq!(ids("He skipped the G20 Summit this year."), ["event:g20-summit"]);
    // "the G20 summit" describes an event of the G20: the group is what it names
    assert!(analyze("He skipped the G20 summit this year.").entities.iter().any(|e| e.id == "event:g20-summit"));
    assert!(!ids("He skipped the G20 summit this year.").contains(&"event:g20-summit".to_string()));
}

#[test]
fn acronym_case() {
    assert_eq!(ids("Let us hope the US agrees."), ["country:USA"]);
    assert_eq!(ids("LET US PRAY FOR PEACE"), Vec::<String>::new());
}

#[test]
fn xian_is_not_xi() {
    assert_eq!(ids("The first summit was held in Xi'an."), ["place:xi-an"]);
    assert_eq!(ids("It met in Xian before."), ["place:xi-an"]);
}

#[test]
fn common_words_need_context() {
    // a surname that is a month needs a title or an earlier full mention
    assert_eq!(ids("Talks resume in May."), Vec::<String>::new());
    assert_eq!(ids("Theresa May spoke. Later May left."), ["person:theresa-may", "person:theresa-may"]);
    // a country that is a common word, opening a sentence, needs another mention
    assert_eq!(ids("Turkey prices rose before the holiday."), Vec::<String>::new());
    assert_eq!(ids("Turkey said no. Officials in Turkey agreed."), ["country:TUR", "country:TUR"]);
    assert_eq!(ids("Troops from Chad arrived."), ["country:TCD"]);
    assert_eq!(ids("Chad and Niger signed it."), ["country:TCD", "country:NER"]);
    assert_eq!(ids("Chad said no."), ["country:TCD"]);
    assert_eq!(ids("Fans cheered as Michael Jordan arrived."), ["person:michael-jordan"]);
    assert_eq!(ids("Jordan Peterson lectured."), Vec::<String>::new());
    assert_eq!(ids("Aid reached Jordan quickly."), ["country:JOR"]);
}

#[test]
fn kind_priority_and_suffixes() {
    // the country outranks the US state by priority
    assert_eq!(ids("Officials in Georgia protested."), ["country:GEO"]);
    // a city and its region: the region of the city's country wins
    assert_eq!(ids("He spoke in Washington, Georgia, not in Tbilisi."), ["place:washington", "place:georgia-us"]);
    // a river is not the country
    assert_eq!(ids("Floods hit the Niger Delta again."), Vec::<String>::new());
    assert_eq!(ids("Troops left Niger last year."), ["country:NER"]);
}

#[test]
fn entities_are_listed_once_with_role_and_country() {
    let doc = extractor().extract_with_date("Xi Jinping met Putin. Xi then left, and Putin stayed.", date());
    let listed: Vec<&str> = doc.entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(listed, ["person:xi-jinping", "person:vladimir-putin"]);
    assert_eq!(doc.entities[0].attrs.get("role").map(String::as_str), Some("President of China"));
    assert_eq!(doc.entities[0].attrs.get("country").map(String::as_str), Some("CHN"));
}

#[test]
fn a_summit_the_gazetteer_knows_is_its_entry_whatever_the_case() {
    let e = Extractor::builder()
        .defaults(false)
        .gazetteer_str(
            "t.jsonl",
            "{\"id\":\"organization:c5-summit\",\"kind\":\"organization\",\"name\":\"Caspian Five Summit\"}\n",
        )
        .build()
        .unwrap();
    let doc = e.extract_with_date("The Caspian Five Summit opened. The Caspian Five summit closed.", date());
    let listed: Vec<&str> = doc.mentions.iter().map(|m| m.entity.as_str()).collect();
    assert_eq!(listed, ["organization:c5-summit", "organization:c5-summit"]);
}

#[test]
fn titles_without_an_office_still_take_the_name() {
    let u = units("Later Mr Putin and Secretary Lavrov left.");
    let got: Vec<(&str, &str)> = u.iter().map(|u| (u.0.as_str(), u.1.as_str())).collect();
    assert_eq!(got, [("Mr Putin", "person:vladimir-putin"), ("Secretary Lavrov", "person:sergey-lavrov")]);
}

#[test]
fn a_lone_surname_opening_a_sentence_needs_support() {
    // "Levy" is a tax as well as a surname; nobody named Levy holds an office on the date
    assert_eq!(ids("Levy rates rose again."), Vec::<String>::new());
    // (and "she" refers to her)
    assert_eq!(ids("Levy said she would stay."), ["person:stella-levy", "person:stella-levy"]);
    assert_eq!(ids("Critics praised Levy for it."), ["person:stella-levy"]);
    assert_eq!(ids("Tokayev opened the session."), ["person:kassym-jomart-tokayev"]);
    assert_eq!(ids("Tokayev, the host, spoke first."), ["person:kassym-jomart-tokayev"]);
}

mod invariants {
    use super::*;
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "Xi",
        "Jinping",
        "Xi Jinping",
        "China's",
        "Chinese",
        "President",
        "president",
        "the",
        "of",
        "Kazakhstan",
        "Kazakh",
        "counterpart",
        "his",
        "Tokayev",
        "Kassym-Jomart",
        "Beijing",
        "Beijing's",
        "and",
        ",",
        ".",
        "'s",
        "Central Asian",
        "countries",
        "Treaty of",
        "Amity",
        "Summit",
        "summit",
        "G20",
        "1.5 billion",
        "yuan",
        "US$",
        "US",
        "us",
        "May",
        "Turkey",
        "former",
        "Russia's",
        "foreign minister",
        "Putin",
        "Street",
        "Xi'an",
        "-",
        "\n",
        "Berdimuhamedov",
        "Mr",
        "\u{2019}s",
        "\u{2013}",
        "Émile",
        "said",
        "Agreement",
        "Paris",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn mentions_are_well_formed(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..40)) {
            let text = words.join(" ");
            let extractor = extractor();
            let (t, r) = extractor.analyze(&text, date());
            let mut last_unit_end = 0;
            let mut last_start = 0;
            for m in &r.mentions {
                prop_assert!(m.entity < r.entities.len());
                prop_assert!(m.acts_for.map_or(true, |a| a < r.entities.len()));
                prop_assert!(m.start < m.end && text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                prop_assert!(!m.tokens.is_empty() && m.tokens.end <= t.tokens().len());
                prop_assert!(m.tokens.start >= last_start, "sorted by phrase start");
                last_start = m.tokens.start;
                if !m.nested {
                    prop_assert!(m.tokens.start >= last_unit_end, "units do not overlap: {text}");
                    last_unit_end = m.tokens.end;
                }
            }
            let doc = extractor.extract_with_date(&text, date());
            let mut ids: Vec<&str> = doc.entities.iter().map(|e| e.id.as_str()).collect();
            ids.sort_unstable();
            let n = ids.len();
            ids.dedup();
            prop_assert_eq!(n, ids.len(), "each entity once");
        }
    }
}

/// The same behaviours on the embedded default gazetteers.
mod on_default_gazetteers {
    use super::*;
    use std::sync::OnceLock;

    fn default_ids(text: &str) -> Vec<String> {
        static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
        let e = EXTRACTOR.get_or_init(|| Extractor::new().unwrap());
        let doc = e.extract_with_date(text, date());
        let mut listed: Vec<_> = doc.mentions.iter().filter(|m| !m.entity.starts_with("group:")).collect();
        listed.sort_by_key(|m| (m.start, m.end));
        listed.iter().map(|m| m.entity.to_string()).collect()
    }

    #[test]
    fn titles_and_names() {
        assert_eq!(
            default_ids("Turkmen President Serdar Berdimuhamedov greeted Chinese President Xi Jinping."),
            ["country:TKM", "person:serdar-berdimuhamedov", "country:CHN", "person:xi-jinping"]
        );
    }

    #[test]
    fn roles_by_date() {
        assert_eq!(
            default_ids("Russia's foreign minister phoned the Chinese premier."),
            ["country:RUS", "person:sergey-lavrov", "country:CHN", "person:li-qiang"]
        );
    }

    #[test]
    fn unknown_name_after_a_title_is_not_guessed() {
        // not the office holder: a person of its own (see tests/unknown_people.rs)
        assert_eq!(
            default_ids("Kazakh Foreign Minister Ayan Zhumabekov spoke."),
            ["country:KAZ", "person:ayan-zhumabekov"]
        );
    }

    #[test]
    fn short_names_and_groups() {
        assert_eq!(
            default_ids("Tajik President Emomali Rahmon spoke to Central Asian leaders. Rahmon left."),
            ["country:TJK", "person:emomali-rahmon", "place:central-asia", "person:emomali-rahmon"]
        );
    }

    #[test]
    fn a_listed_summit_keeps_its_countries_as_nested_mentions() {
        assert_eq!(
            default_ids("Delegates reached the China-Central Asia Summit early."),
            ["country:CHN", "organization:china-central-asia-summit", "place:central-asia"]
        );
        // an organisation that merely contains a city's name does not mention the city
        assert_eq!(default_ids("The Shanghai Cooperation Organisation met."), ["organization:sco"]);
    }

    #[test]
    fn an_organisation_chief_is_its_head_on_the_date() {
        assert_eq!(default_ids("The UN chief urged restraint."), ["organization:un", "person:antonio-guterres"]);
    }

    #[test]
    fn a_pronoun_is_an_entity_slot_for_the_rules() {
        static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
        let e = EXTRACTOR.get_or_init(|| Extractor::new().unwrap());
        let doc = e.extract_with_date(
            "Kazakh President Kassym-Jomart Tokayev landed in Beijing on Monday. He later met Chinese Premier Li Qiang.",
            date(),
        );
        let met: Vec<(&str, &str)> = doc
            .relations
            .iter()
            .filter(|r| r.kind == "meet")
            .map(|r| (r.subject.as_str(), r.object.as_deref().unwrap_or("")))
            .collect();
        assert!(met.iter().any(|&(s, o)| s == "person:kassym-jomart-tokayev" && o == "person:li-qiang"), "{met:?}");
    }

    #[test]
    fn a_prime_minister_is_never_a_president_who_heads_the_government() {
        // on this date the gazetteer's South Korean head of government is the president
        let e = Extractor::new().unwrap();
        let doc = e.extract_with_date("The South Korean prime minister visited Tokyo.", "2024-06-17".parse().unwrap());
        assert!(doc.mentions.iter().all(|m| m.entity != "person:yoon-suk-yeol"), "{:?}", doc.mentions);
        assert_eq!(default_ids("The Iranian president spoke."), ["country:IRN", "person:masoud-pezeshkian"]);
        // an organisation's "President of …" is its president
        assert_eq!(
            default_ids("The president of the European Commission spoke."),
            ["person:ursula-von-der-leyen", "organization:european-commission"]
        );
    }

    #[test]
    fn capitals_and_compounds() {
        assert_eq!(
            default_ids("Washington and Moscow watched the China-Kyrgyzstan-Uzbekistan railway."),
            ["place:washington-d-c", "place:moscow", "country:CHN", "country:KGZ", "country:UZB"]
        );
        assert_eq!(default_ids("Delegates flew to Xi'an."), ["place:xi-an"]);
    }
}

#[test]
fn any_word_of_an_earlier_full_name_is_a_short_name() {
    // the gazetteer lists no short form of Li Qiang; the document gave the full name first
    assert_eq!(
        ids("Premier Li Qiang arrived. Li then met Xi Jinping, and Li left."),
        ["person:li-qiang", "person:li-qiang", "person:xi-jinping", "person:li-qiang"]
    );
    // without the full name, a bare "Li" stays unresolved
    assert_eq!(ids("Li then left."), Vec::<String>::new());
    // nor does a word of the name fire inside another name
    assert_eq!(ids("Li Qiang arrived. Li Na won."), ["person:li-qiang"]);
}

#[test]
fn a_place_that_ends_a_longer_unknown_name_is_not_the_place() {
    assert_eq!(ids("Fans of Atletico Moscow cheered."), Vec::<String>::new());
    assert_eq!(ids("The Bank of Russia raised rates."), Vec::<String>::new());
    assert_eq!(ids("She studied at the University of Beijing."), Vec::<String>::new());
    // a title before "of", or a modifier of the place itself, keeps it
    assert_eq!(ids("The President of Russia spoke."), ["person:vladimir-putin", "country:RUS"]);
    assert_eq!(ids("Trade with Northern Russia grew."), ["country:RUS"]);
}

#[test]
fn a_possessive_country_before_a_common_noun_is_just_the_country() {
    let u = units("According to Kazakhstan's presidential office, the talks went well.");
    assert_eq!(u, [("Kazakhstan".to_string(), "country:KAZ".to_string(), None, MentionForm::Name)]);
}

#[test]
fn a_capital_opening_a_clause_acts_for_its_country() {
    let u = units("Officials said Astana would widen cooperation.");
    assert_eq!(u[0].2.as_deref(), Some("country:KAZ"));
    assert_eq!(u[0].3, MentionForm::Metonym);
}

#[test]
fn datelines_and_compound_adjectives_are_places() {
    let u = units("MOSCOW, June 3 - A Beijing-based analyst said Washington agreed.");
    let acts: Vec<(&str, Option<&str>)> = u.iter().map(|u| (u.1.as_str(), u.2.as_deref())).collect();
    assert_eq!(acts, [("place:moscow", None), ("place:beijing", None), ("place:washington", Some("country:USA"))]);
}

#[test]
fn a_fitting_title_vouches_for_an_unknown_given_name() {
    // the gazetteer knows "Joe Biden"; "Joseph" is not among its names
    let u = units("Former US President Joseph Biden spoke.");
    assert_eq!((u[0].0.as_str(), u[0].1.as_str()), ("US President Joseph Biden", "person:joe-biden"));
    let doc = extractor().extract_with_date("Former US President Joseph Biden spoke.", date());
    assert!(doc.mentions.iter().any(|m| m.text == "Joseph Biden"));
    // without a title, or with one that does not fit, the surname stays inside someone else's name
    assert_eq!(ids("Hunter Biden spoke."), Vec::<String>::new());
    assert_eq!(ids("Kazakh President Hunter Biden spoke."), ["country:KAZ", "person:hunter-biden"]);
}

#[test]
fn an_unknown_name_after_a_title_in_a_long_sentence_is_not_the_office_holder() {
    assert_eq!(
        ids("Kazakh Foreign Minister Aidos Nurlanov met Turkmen President Serdar Berdimuhamedov."),
        ["country:KAZ", "person:aidos-nurlanov", "country:TKM", "person:serdar-berdimuhamedov"]
    );
}

/// The pronouns and descriptions linked in `text`: (text as written, entity id).
fn references(text: &str) -> Vec<(String, String)> {
    let (_, r) = extractor().analyze(text, date());
    r.mentions
        .iter()
        .filter(|m| m.form == MentionForm::Pronoun)
        .map(|m| (text[m.start..m.end].to_string(), r.entities[m.entity].id.clone()))
        .collect()
}

#[test]
fn a_pronoun_refers_to_the_subject_of_the_previous_sentence() {
    let text = "Kazakh President Kassym-Jomart Tokayev landed in Beijing on Monday. He later met Xi Jinping.";
    let u = units(text);
    let he = u.iter().find(|u| u.0 == "He").expect("a unit for the pronoun");
    assert_eq!(he.1, "person:kassym-jomart-tokayev");
    // the pronoun acts for the state, as the person's own mentions do
    assert_eq!(he.2.as_deref(), Some("country:KAZ"));
    assert_eq!(he.3, MentionForm::Pronoun);
}

#[test]
fn a_pronoun_makes_no_entity_and_no_alias() {
    let doc = extractor().extract_with_date("Xi Jinping landed in Astana. He thanked the hosts.", date());
    let entities: Vec<&str> = doc.entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(entities, ["person:xi-jinping", "place:astana"]);
    assert!(doc.entities[0].aliases.iter().all(|a| a != "He"));
    // listed as a mention, as written, with exact offsets
    let he = doc.mentions.iter().find(|m| m.text == "He").expect("the pronoun is listed");
    assert_eq!((he.entity.as_str(), he.start, he.end), ("person:xi-jinping", 29, 31));
    // with no one named before it, a pronoun is nothing
    assert!(extractor().extract_with_date("He thanked the hosts.", date()).mentions.is_empty());
}

#[test]
fn a_pronoun_in_the_same_sentence_refers_to_its_subject() {
    assert_eq!(
        references("Kassym-Jomart Tokayev said he would travel to Moscow."),
        pairs(&[("he", "person:kassym-jomart-tokayev")])
    );
    assert_eq!(
        references("Kassym-Jomart Tokayev praised his talks in Beijing."),
        pairs(&[("his", "person:kassym-jomart-tokayev")])
    );
}

#[test]
fn a_pronoun_after_two_people_stays_unresolved() {
    assert_eq!(references("Xi Jinping met Vladimir Putin in Moscow. He called the talks useful."), []);
    assert_eq!(references("Kassym-Jomart Tokayev told Vladimir Putin that he would come."), []);
}

#[test]
fn a_pronoun_prefers_the_subject_of_the_nearest_sentence() {
    // the previous sentence's subject wins over someone named two sentences back
    assert_eq!(
        references("Xi Jinping hosted a dinner. Vladimir Putin arrived late. He apologised."),
        pairs(&[("He", "person:vladimir-putin")])
    );
    // but someone named only in passing there competes with the earlier subject
    assert_eq!(references("Vladimir Putin arrived late. Talks with Xi Jinping lasted an hour. He left."), []);
}

#[test]
fn an_object_pronoun_is_not_the_subject_of_its_sentence() {
    // "him" is Putin, not Lavrov, the subject of its own clause: not linked rather than wrong
    assert_eq!(references("Vladimir Putin received Sergey Lavrov. Lavrov briefed him on the talks."), []);
    assert_eq!(
        references("Vladimir Putin arrived. Officials briefed him on the talks."),
        pairs(&[("him", "person:vladimir-putin")])
    );
}

#[test]
fn pronouns_in_quotes_and_leading_clauses_stay_unresolved() {
    assert_eq!(references("Xi Jinping arrived on Monday. \"He is a friend,\" an aide said."), []);
    assert_eq!(references("Xi Jinping arrived on Monday. After he landed, Tokayev spoke."), []);
}

#[test]
fn a_person_the_gazetteer_does_not_know_competes_for_a_pronoun() {
    assert_eq!(references("Xi Jinping arrived. Deputy Foreign Minister Aidos Nurlanov greeted him. He smiled."), []);
    assert_eq!(references("Xi Jinping arrived. Aidos Nurlanov greeted the guests. He smiled."), []);
    // "He" before a capitalised word is a name, not a pronoun
    assert_eq!(references("Xi Jinping arrived. He Wenbo greeted the guests."), []);
    // an institution is not a person
    assert_eq!(
        references("Xi Jinping arrived. Officials of the Foreign Ministry greeted the guests. He smiled."),
        pairs(&[("He", "person:xi-jinping")])
    );
}

#[test]
fn a_pronoun_looks_back_two_sentences_at_most() {
    assert_eq!(references("Xi Jinping arrived. Rain fell. Crowds waited. Talks began. He smiled."), []);
}

#[test]
fn a_pronoun_before_a_title_or_name_only_introduces_it() {
    let u = units("Xi Jinping met his Kazakh counterpart Kassym-Jomart Tokayev.");
    assert!(u.iter().all(|u| u.3 != MentionForm::Pronoun), "{u:?}");
}

#[test]
fn a_definite_description_refers_to_the_one_person_it_fits() {
    assert_eq!(
        references(
            "Chinese Premier Li Qiang met Kazakh President Kassym-Jomart Tokayev. The president thanked Beijing."
        ),
        pairs(&[("president", "person:kassym-jomart-tokayev")])
    );
    assert_eq!(
        references("Sergey Lavrov met Xi Jinping. The minister praised the talks."),
        pairs(&[("minister", "person:sergey-lavrov")])
    );
    assert_eq!(
        references("Andrei Belousov toured the base. The minister inspected troops."),
        pairs(&[("minister", "person:andrei-belousov")])
    );
}

#[test]
fn a_definite_description_that_fits_two_people_stays_unresolved() {
    assert_eq!(references("Xi Jinping met Vladimir Putin. The president praised the talks."), []);
    // nor one that fits no one, nor one with an owner that is not a state
    assert_eq!(references("Xi Jinping met investors. The prime minister was absent."), []);
    assert_eq!(references("Xi Jinping met investors. The president of the company spoke."), []);
}

/// A gazetteer where a president heads the government and a prime minister is another office.
const PRESIDENTIAL: &str = r#"
{"id":"country:KOR","kind":"country","name":"South Korea","aliases":[{"text":"South Korean","form":"adjective"}],"attrs":{"iso3":"KOR","iso2":"KR"}}
{"id":"country:IRN","kind":"country","name":"Iran","aliases":[{"text":"Iranian","form":"adjective"}],"attrs":{"iso3":"IRN","iso2":"IR"}}
{"id":"person:kor-president","kind":"person","name":"Min-jun Seo","attrs":{"country":"KOR"},"roles":[{"title":"President","office":"head-of-state","of":"country:KOR","start":"2022-05-10"},{"title":"President","office":"head-of-government","of":"country:KOR","start":"2022-05-10"}]}
{"id":"person:kor-pm","kind":"person","name":"Ji-ho Baek","attrs":{"country":"KOR"},"roles":[{"title":"Prime Minister","office":"other","of":"country:KOR","start":"2025-01-01"}]}
{"id":"person:irn-leader","kind":"person","name":"Ali Vahedi","attrs":{"country":"IRN"},"roles":[{"title":"Supreme Leader","office":"head-of-state","of":"country:IRN","start":"1989-06-04"}]}
{"id":"person:irn-president","kind":"person","name":"Reza Karimi","attrs":{"country":"IRN"},"roles":[{"title":"President","office":"head-of-government","of":"country:IRN","start":"2024-07-28"}]}
"#;

fn presidential_ids(text: &str, date: &str) -> Vec<String> {
    let e = Extractor::builder().defaults(false).gazetteer_str("p.jsonl", PRESIDENTIAL).build().unwrap();
    let doc = e.extract_with_date(text, date.parse().unwrap());
    let mut listed: Vec<_> = doc.mentions.iter().collect();
    listed.sort_by_key(|m| (m.start, m.end));
    listed.iter().map(|m| m.entity.to_string()).collect()
}

#[test]
fn a_title_resolves_to_the_holder_of_that_title_not_of_its_usual_office() {
    // the prime minister, whatever office the gazetteer gives that role, never the president
    assert_eq!(
        presidential_ids("The South Korean prime minister spoke.", "2025-06-17"),
        ["country:KOR", "person:kor-pm"]
    );
    // with no prime minister on the date, no one (the president heads the government)
    assert_eq!(presidential_ids("The South Korean prime minister spoke.", "2024-06-17"), ["country:KOR"]);
    // a president who heads the government is still the president
    assert_eq!(
        presidential_ids("The South Korean president spoke.", "2024-06-17"),
        ["country:KOR", "person:kor-president"]
    );
    // a president is not the supreme leader who heads the state
    assert_eq!(presidential_ids("The Iranian president spoke.", "2025-06-17"), ["country:IRN", "person:irn-president"]);
}

#[test]
fn a_title_before_a_name_fits_by_title_across_offices() {
    // both are called Karimi; the title picks the president, who heads the government
    let extra = r#"{"id":"person:irn-karimi-2","kind":"person","name":"Hassan Karimi","aliases":[{"text":"Karimi","form":"surname"}],"attrs":{"country":"IRN"},"roles":[{"title":"Supreme Leader","office":"head-of-state","of":"country:IRN","start":"2024-01-01"}]}"#;
    let gazetteer = format!("{PRESIDENTIAL}{extra}\n").replace(
        "\"name\":\"Reza Karimi\",",
        "\"name\":\"Reza Karimi\",\"aliases\":[{\"text\":\"Karimi\",\"form\":\"surname\"}],",
    );
    let e = Extractor::builder().defaults(false).gazetteer_str("p.jsonl", &gazetteer).build().unwrap();
    let doc = e.extract_with_date("Iranian President Karimi spoke.", date());
    let ids: Vec<&str> = doc.mentions.iter().map(|m| m.entity.as_str()).collect();
    assert_eq!(ids, ["country:IRN", "person:irn-president"]);
}

#[test]
fn a_surname_that_runs_into_another_persons_name_is_a_given_name() {
    // "Bekov" is one person's surname and the given name of the person named after it
    let extra = r#"
{"id":"person:serik-bekov","kind":"person","name":"Serik Bekov","aliases":[{"text":"Bekov","form":"surname"}],"attrs":{"country":"KAZ"}}
{"id":"person:bekov-tulegen","kind":"person","name":"Bekov Tulegen Amanov","aliases":[{"text":"Amanov","form":"surname"}],"attrs":{"country":"KAZ"},"roles":[{"title":"Foreign Minister","office":"foreign-minister","of":"country:KAZ","start":"2024-01-01"}]}
"#;
    let e = Extractor::builder()
        .defaults(false)
        .gazetteer_str("test.jsonl", &format!("{GAZETTEER}{extra}"))
        .build()
        .unwrap();
    let doc = e.extract_with_date("Officials said Bekov Amanov would attend.", date());
    let ids: Vec<&str> =
        doc.mentions.iter().map(|m| m.entity.as_str()).filter(|id| !id.starts_with("group:")).collect();
    assert_eq!(ids, ["person:bekov-tulegen"]);
    // apart, each is who the surname says
    let doc = e.extract_with_date("Officials said Bekov and Amanov would attend.", date());
    let ids: Vec<&str> =
        doc.mentions.iter().map(|m| m.entity.as_str()).filter(|id| !id.starts_with("group:")).collect();
    assert_eq!(ids, ["person:serik-bekov", "person:bekov-tulegen"]);
}

#[test]
fn a_states_leader_is_the_one_of_its_heads_named_before() {
    assert_eq!(
        references("Kazakh President Kassym-Jomart Tokayev met Chinese Premier Li Qiang. The Kazakh leader left."),
        pairs(&[("Kazakh leader", "person:kassym-jomart-tokayev")])
    );
    // two of its heads named: either may be meant
    assert_eq!(references("Xi Jinping met Li Qiang. The Chinese leader left."), []);
    // no one named: the gazetteer lists no role called "leader"
    assert_eq!(references("The Kazakh leader left."), []);
}

#[test]
fn a_pronoun_left_unresolved_competes_with_later_ones() {
    // "his" may be whoever "him" is, so it is not the subject either
    assert_eq!(references("Xi Jinping met Vladimir Putin. Putin thanked him for his support."), []);
}

#[test]
fn a_title_that_names_no_one_known_competes_for_a_pronoun() {
    // the envoy is someone: "He" may be the envoy as well as Tokayev
    assert_eq!(references("Kassym-Jomart Tokayev met the US envoy in Astana. He praised the talks."), []);
    // and an unresolved description too
    assert_eq!(references("Xi Jinping met the chancellor in Beijing. He praised the talks."), []);
    // a title used of no one does not
    assert_eq!(
        references("Kassym-Jomart Tokayev spoke about trade in general. He praised the talks."),
        pairs(&[("He", "person:kassym-jomart-tokayev")])
    );
}
