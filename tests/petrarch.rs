//! PETRARCH / TABARI dictionaries as user gazetteers: `*.actors.txt` read as they are.

use std::path::{Path, PathBuf};
use std::time::Instant;

use attache::gazetteer::Role;
use attache::{AliasForm, CasePolicy, Date, Defaults, Document, EntityKind, Extractor, Gazetteer};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

fn date(s: &str) -> Date {
    s.parse().expect("a valid date")
}

/// The test dictionary, alone.
fn alone() -> Gazetteer {
    let mut g = Gazetteer::new();
    g.add_file(data("test.actors.txt")).expect("the test dictionary loads");
    g
}

fn roles<'g>(g: &'g Gazetteer, id: &str) -> &'g [Role] {
    &g.get(id).unwrap_or_else(|| panic!("{id} is read")).roles
}

fn alias_texts(g: &Gazetteer, id: &str) -> Vec<String> {
    g.get(id).unwrap_or_else(|| panic!("{id} is read")).aliases.iter().map(|a| a.text.clone()).collect()
}

#[test]
fn a_country_line_with_its_code_and_synonyms() {
    let g = alone();
    let frd = g.get("country:FRD").expect("the country is read");
    assert_eq!(frd.kind, EntityKind::Country);
    assert_eq!(frd.name, "Freedonia");
    assert_eq!(frd.attrs.get("actor").map(String::as_str), Some("FRD"));
    // `;` starts a comment, as in older TABARI files
    assert_eq!(alias_texts(&g, "country:FRD"), ["Freedonian", "Freedonian Republic"]);
    // names are title case and match in any capitalisation of their initials
    assert_eq!(frd.aliases[0].case, CasePolicy::Capitalized);
}

#[test]
fn institutions_are_organisations_with_their_undated_code() {
    let g = alone();
    let parliament = g.get("organization:freedonian-parliament").expect("a code on its own line");
    assert_eq!(parliament.attrs.get("actor").map(String::as_str), Some("FRDLEG"));
    assert!(parliament.roles.is_empty());
    let army = g.get("organization:freedonian-national-army").expect("a code on the name line, a comment after it");
    assert_eq!(army.attrs.get("actor").map(String::as_str), Some("FRDMIL"));
    let front = g.get("organization:green-valley-liberation-front").expect("read after a `<!` line");
    assert_eq!(front.attrs.get("actor").map(String::as_str), Some("FRDREB"));
    // a short name in capitals stays in capitals and matches only so
    let gvlf = &front.aliases[0];
    assert_eq!((gvlf.text.as_str(), gvlf.case), ("GVF", CasePolicy::Exact));
    // nothing after ---STOP---
    assert!(g.get("organization:not-read").is_none());
}

#[test]
fn dated_codes_are_roles_and_the_undated_one_the_code_out_of_office() {
    let g = alone();
    let firefly = g.get("person:rufus-t-firefly").expect("a person of the CountryInfo lists");
    assert_eq!(firefly.kind, EntityKind::Person);
    assert_eq!(firefly.name, "Rufus T. Firefly");
    let spans: Vec<(&str, Option<Date>, Option<Date>)> =
        firefly.roles.iter().map(|r| (r.title.as_str(), r.start, r.end)).collect();
    assert_eq!(
        spans,
        [
            // YYMMDD: 60 is 1960 …
            ("FRDELI", Some(date("1960-01-01")), Some(date("1999-12-31"))),
            // … 00 is 2000; YYYYMMDD mixes with YYMMDD
            ("FRDGOV", Some(date("2000-01-01")), Some(date("2006-12-31"))),
        ]
    );
    assert!(firefly.roles.iter().all(|r| r.actor.as_deref() == Some(r.title.as_str())));
    // the bare sector after the dated codes takes their country: the code out of office
    assert_eq!(firefly.attrs.get("actor").map(String::as_str), Some("FRDELI"));
    // `+` lines are aliases; a synonym that is the surname alone is a surname
    let aliases: Vec<(&str, AliasForm)> = firefly.aliases.iter().map(|a| (a.text.as_str(), a.form)).collect();
    assert_eq!(aliases, [("President Firefly", AliasForm::Name), ("Firefly", AliasForm::Surname)]);
    // without the defaults, and with the country in the file, a role belongs to the country
    assert!(firefly.roles.iter().all(|r| r.of == "country:FRD"));
}

#[test]
fn open_ranges_lone_dates_and_null_codes() {
    let g = alone();
    // `<`: until; `[---]` gives nothing; two name lines before the codes are one actor
    let trentino = roles(&g, "person:trentino");
    assert_eq!(trentino.len(), 1);
    assert_eq!((trentino[0].start, trentino[0].end), (None, Some(date("1989-12-31"))));
    assert_eq!(alias_texts(&g, "person:trentino"), ["Ambassador Trentino"]);
    assert!(!g.get("person:trentino").unwrap().attrs.contains_key("actor"));
    // `>`: from; a lone date: from that day
    let straw = roles(&g, "person:jack-straw");
    let spans: Vec<(&str, Option<Date>, Option<Date>)> =
        straw.iter().map(|r| (r.title.as_str(), r.start, r.end)).collect();
    assert_eq!(
        spans,
        [("GBRGOV", Some(date("2001-06-08")), Some(date("2006-05-05"))), ("GBRLEG", Some(date("2006-05-05")), None)]
    );
    // several codes on the name line, a note after them; an indented name is a synonym, and a
    // code written twice is one role
    let vera = g.get("person:vera-chicolini").expect("a person with codes on the name line");
    let codes: Vec<&str> = vera.roles.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(codes, ["FRDGOV", "FRDBUS"]);
    assert_eq!(alias_texts(&g, "person:vera-chicolini"), ["Vera Pinky Chicolini"]);
    // a CountryInfo person with an undated code only
    let marta = g.get("person:marta-okonjo").expect("an undated person");
    assert!(marta.roles.is_empty());
    assert_eq!(marta.attrs.get("actor").map(String::as_str), Some("FRDOPP"));
}

#[test]
fn a_name_written_twice_with_other_codes_is_two_people() {
    let g = alone();
    assert_eq!(roles(&g, "person:john-halvorsen")[0].title, "FRDGOV");
    assert_eq!(roles(&g, "person:john-halvorsen-2")[0].title, "FRDMIL");
    assert_eq!(g.get("person:john-halvorsen-2").unwrap().name, "John Halvorsen");
    // alone, a role of an organisation's code belongs to the organisation of the file
    assert_eq!(roles(&g, "person:jaap-de-hoop-scheffer")[0].of, "organization:nato");
}

fn extract(extractor: &Extractor, text: &str, on: &str) -> Document {
    extractor.extract_with_date(text, date(on))
}

fn actor_of(doc: &Document, id: &str) -> String {
    let e = doc.entity(id).unwrap_or_else(|| panic!("{id} is found: {doc:#?}"));
    e.attrs.get("actor").cloned().unwrap_or_default()
}

#[test]
fn the_documents_date_picks_the_person_and_the_code() {
    let extractor =
        Extractor::builder().defaults(Defaults::Rules).gazetteer_file(data("test.actors.txt")).build().expect("builds");
    let text = "John Halvorsen arrived in Freedonia on Monday.";
    let early = extract(&extractor, text, "1993-05-01");
    assert_eq!(actor_of(&early, "person:john-halvorsen"), "FRDGOV");
    assert!(early.entity("person:john-halvorsen-2").is_none(), "{early:#?}");
    let late = extract(&extractor, text, "2008-05-01");
    assert_eq!(actor_of(&late, "person:john-halvorsen-2"), "FRDMIL");
    assert!(late.entity("person:john-halvorsen").is_none(), "{late:#?}");
    // an office code gives the code on its dates; out of office, the undated code
    let text = "President Firefly spoke in Freedonia.";
    assert_eq!(actor_of(&extract(&extractor, text, "2003-01-01"), "person:rufus-t-firefly"), "FRDGOV");
    assert_eq!(actor_of(&extract(&extractor, text, "2010-01-01"), "person:rufus-t-firefly"), "FRDELI");
    let doc = extract(&extractor, "Jack Straw flew to Freedonia.", "2004-03-01");
    assert_eq!(actor_of(&doc, "person:jack-straw"), "GBRGOV");
    let doc = extract(&extractor, "Jack Straw flew to Freedonia.", "2007-03-01");
    assert_eq!(actor_of(&doc, "person:jack-straw"), "GBRLEG");
    // an organisation by a synonym
    let doc = extract(&extractor, "The GVF attacked a convoy.", "2004-03-01");
    assert_eq!(actor_of(&doc, "organization:green-valley-liberation-front"), "FRDREB");
}

#[test]
fn with_the_defaults_roles_belong_to_their_countries_and_countries_keep_their_facts() {
    let extractor = Extractor::builder().gazetteer_file(data("test.actors.txt")).build().expect("builds");
    let g = extractor.gazetteer();
    // a country the defaults know keeps its record and gains the names that name nothing yet
    let gbr = g.get("country:GBR").expect("a default country");
    assert_eq!(gbr.name, "United Kingdom");
    assert!(gbr.attrs.contains_key("iso2"), "{gbr:?}");
    assert!(gbr.aliases.iter().any(|a| a.text == "Blighty"), "{gbr:?}");
    assert_eq!(gbr.aliases.iter().filter(|a| a.text == "Britain").count(), 1, "{gbr:?}");
    // a default person takes the dictionary's roles; they belong to the default country
    let straw = g.get("person:jack-straw").expect("Jack Straw");
    assert!(straw.roles.iter().any(|r| r.title == "GBRGOV" && r.of == "country:GBR"), "{straw:?}");
    let doc = extract(&extractor, "Foreign Secretary Jack Straw met Rufus T. Firefly in London.", "2004-03-01");
    assert_eq!(actor_of(&doc, "person:jack-straw"), "GBRGOV");
    assert_eq!(actor_of(&doc, "person:rufus-t-firefly"), "FRDGOV");
    assert_eq!(doc.entity("person:jack-straw").unwrap().attrs.get("country").map(String::as_str), Some("GBR"));
    // an organisation the defaults know by name is that organisation: it gains the code and the
    // names, and owns the roles of its code
    let nato = g.get("organization:nato").expect("a default organisation");
    assert_eq!(nato.name, "North Atlantic Treaty Organization");
    assert_eq!(nato.attrs.get("actor").map(String::as_str), Some("IGOWSTNAT"));
    assert!(nato.aliases.iter().any(|a| a.text == "The Alliance Of The North"), "{nato:?}");
    assert_eq!(g.entities().iter().filter(|e| e.name == "Nato").count(), 0);
    // (the defaults know him as the Dutch foreign minister before: the NATO role is added)
    assert!(roles(g, "person:jaap-de-hoop-scheffer").iter().any(|r| r.of == "organization:nato"));
    let doc = extract(&extractor, "Jaap de Hoop Scheffer visited NATO troops.", "2005-01-01");
    assert_eq!(actor_of(&doc, "person:jaap-de-hoop-scheffer"), "IGOWSTNAT");
    assert_eq!(actor_of(&doc, "organization:nato"), "IGOWSTNAT");
}

#[test]
fn without_a_country_a_role_is_the_persons_own() {
    let mut g = Gazetteer::new();
    g.add_actors_str("people.actors.txt", "ANA_PEREZ_\n\t[ESPGOV 100101-121231]\n").expect("reads");
    let ana = g.get("person:ana-perez").expect("read");
    assert_eq!(ana.roles[0].of, "person:ana-perez");
    g.validate().expect("no dangling reference");
    let extractor = Extractor::builder()
        .defaults(Defaults::None)
        .gazetteer_file(data("test.actors.txt"))
        .entity(ana.clone())
        .build()
        .expect("builds");
    let doc = extract(&extractor, "Ana Perez resigned.", "2011-01-01");
    assert_eq!(actor_of(&doc, "person:ana-perez"), "ESPGOV");
    assert_eq!(doc.entity("person:ana-perez").unwrap().attrs.get("role").map(String::as_str), Some("ESPGOV"));
}

fn error_of(text: &str) -> String {
    Gazetteer::new().add_actors_str("t.actors.txt", text).expect_err("an error").to_string()
}

#[test]
fn errors_name_file_line_and_column() {
    assert_eq!(
        error_of("A_\n\t[GBRGOV 010101-020101\n"),
        "t.actors.txt:2:2: bad gazetteer record: expected `]` to close this `[`, found the end of the line"
    );
    assert_eq!(
        error_of("A_\n\t[GBRGOV 01x101-020101]\n"),
        "t.actors.txt:2:10: bad gazetteer record: expected a date range `YYMMDD-YYMMDD`, `>YYMMDD` or `<YYMMDD` (or YYYYMMDD dates), found `01x101-020101`"
    );
    assert_eq!(
        error_of("A_\n\t[GBRGOV 010101-02x101]\n"),
        "t.actors.txt:2:17: bad gazetteer record: expected a date range `YYMMDD-YYMMDD`, `>YYMMDD` or `<YYMMDD` (or YYYYMMDD dates), found `010101-02x101`"
    );
    assert_eq!(
        error_of("# c\n\t[GBRGOV]\n"),
        "t.actors.txt:2:2: bad gazetteer record: expected an actor's name line (`NAME_WORDS_`) before a code, found `[GBRGOV]`"
    );
    assert_eq!(
        error_of("+SYNONYM_\n"),
        "t.actors.txt:1:1: bad gazetteer record: expected an actor's name line (`NAME_WORDS_`) before a synonym, found `+SYNONYM_`"
    );
    assert_eq!(
        error_of("A_ [GBR/GOV]\n"),
        "t.actors.txt:1:5: bad gazetteer record: expected a code of letters and digits such as `GBRGOV`, found `/` in `GBR/GOV`"
    );
    assert_eq!(
        error_of("A_ []\n"),
        "t.actors.txt:1:5: bad gazetteer record: expected a code such as `GBRGOV` inside `[]`, found nothing"
    );
    assert_eq!(error_of("A_\n+_\n"), "t.actors.txt:2:1: bad gazetteer record: expected a name after `+`, found `+_`");
    // through a file, the error names its path
    let dir = std::env::temp_dir().join(format!("attache-petrarch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let path = dir.join("bad.actors.txt");
    std::fs::write(&path, "A_\n\n   [X 0101-]\n").expect("written");
    let err = Extractor::builder().gazetteer_file(&path).build().expect_err("an error").to_string();
    assert!(err.starts_with(&format!("{}:3:7: ", path.display())), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_file_name_says_the_format() {
    let dir = std::env::temp_dir().join(format!("attache-petrarch-names-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    // `.txt` without `.actors` is still the tab-separated format
    let tsv = dir.join("people.txt");
    std::fs::write(&tsv, "Ana Perez\tperson\n").expect("written");
    let mut g = Gazetteer::new();
    g.add_file(&tsv).expect("a tab-separated list");
    assert!(g.get("person:ana-perez").is_some());
    let actors = dir.join("People.ACTORS.txt");
    std::fs::write(&actors, "ANA_PEREZ_ [ESPGOV]\n").expect("written");
    Gazetteer::new().add_file(&actors).expect("an actor dictionary, whatever the case of its name");
    // a gazetteer is no place for an agents dictionary
    let agents = dir.join("my.agents.txt");
    std::fs::write(&agents, "REBEL_ [~REB]\n").expect("written");
    let err = Gazetteer::new().add_file(&agents).expect_err("refused").to_string();
    assert!(err.contains("agents dictionary") && err.contains("gazetteer_file"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

fn groups(doc: &Document) -> Vec<(String, String)> {
    doc.entities
        .iter()
        .filter(|e| e.kind == EntityKind::Group)
        .map(|e| (e.name.clone(), e.attrs.get("actor").cloned().unwrap_or_default()))
        .collect()
}

#[test]
fn an_agents_dictionary_adds_agent_nouns_to_the_group_pass() {
    let with = Extractor::builder()
        .gazetteer_file(data("test.actors.txt"))
        .gazetteer_file(data("test.agents.txt"))
        .build()
        .expect("builds");
    let without = Extractor::builder().gazetteer_file(data("test.actors.txt")).build().expect("builds");
    let on = "2004-03-01";
    let pair = |name: &str, code: &str| vec![(name.to_string(), code.to_string())];
    // a set glued to a word: LIGHTHOUSE!PERSON! is "lighthousemen" too; GOVMAR is GOV
    let text = "Freedonian lighthousemen protested.";
    assert_eq!(groups(&extract(&with, text, on)), pair("Freedonian lighthousemen", "FRDGOV"));
    assert_eq!(groups(&extract(&without, text, on)), []);
    // plurals as `{}` gives them (CAMEO MED is PLOVER JRN)
    let text = "Freedonian pirate deejays protested.";
    assert_eq!(groups(&extract(&with, text, on)), pair("Freedonian pirate deejays", "FRDJRN"));
    // `{}`: no plural; the singular is one person, no group
    assert_eq!(groups(&extract(&with, "Freedonian weather wizards protested.", on)), []);
    // the embedded agent nouns stay
    let text = "Freedonian rebels protested.";
    assert_eq!(groups(&extract(&with, text, on)), pair("Freedonian rebels", "FRDREB"));
}

fn agents_error(text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("attache-agents-{}-{}", std::process::id(), text.len()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let path = dir.join("bad.agents.txt");
    std::fs::write(&path, text).expect("written");
    let err = Extractor::builder().gazetteer_file(&path).build().expect_err("an error").to_string();
    let _ = std::fs::remove_dir_all(&dir);
    err.replace(&path.display().to_string(), "bad.agents.txt")
}

#[test]
fn agents_errors_name_file_line_and_column() {
    assert_eq!(
        agents_error("# sets\nFARM!WORKER! [~AGR]\n"),
        "bad.agents.txt:2:5: bad gazetteer record: unknown substitution set `!WORKER!`: define it first with `!WORKER! = WORD, WORD`"
    );
    assert_eq!(
        agents_error("REBEL [~REB\n"),
        "bad.agents.txt:1:7: bad gazetteer record: expected `]` to close this `[`, found the end of the line"
    );
    assert_eq!(
        agents_error("  REBEL {REBELS [~REB]\n"),
        "bad.agents.txt:1:9: bad gazetteer record: expected `}` to close this `{`"
    );
    assert_eq!(
        agents_error("REBEL [~R/B]\n"),
        "bad.agents.txt:1:8: bad gazetteer record: expected a sector code such as `~GOV`, found `~R/B`"
    );
}

/// The Phoenix dictionaries of PETRARCH-2, where this machine has them.
const PHOENIX: &str = "/work/shared/data/gazetteer-sources/petrarch2-phoenix";

#[test]
fn the_phoenix_dictionaries_load_and_code_a_person_by_date() {
    let dir = Path::new(PHOENIX);
    if !dir.is_dir() {
        eprintln!("skipped: {PHOENIX} is absent (the Phoenix dictionaries are not in the repository)");
        return;
    }
    let started = Instant::now();
    let extractor = Extractor::builder()
        .gazetteer_file(dir.join("Phoenix.Countries.actors.txt"))
        .gazetteer_file(dir.join("Phoenix.International.actors.txt"))
        .gazetteer_file(dir.join("Phoenix.MilNonState.actors.txt"))
        .gazetteer_file(dir.join("Phoenix.agents.txt"))
        .build()
        .expect("the Phoenix actor dictionaries load");
    eprintln!(
        "the three Phoenix actor dictionaries and the agents dictionary loaded with the defaults in {:.2?}",
        started.elapsed()
    );
    let g = extractor.gazetteer();
    assert!(g.len() > 25_000, "{} entities", g.len());
    // Hamid Karzai: AFGGOV from 22 December 2001 (`>011222`), AFGELI before
    let text = "Hamid Karzai met Hamas leaders. Afghan farmers protested.";
    let doc = extract(&extractor, text, "2005-06-01");
    assert_eq!(actor_of(&doc, "person:hamid-karzai"), "AFGGOV");
    let hamas = doc.entities.iter().find(|e| e.name == "Hamas").expect("Hamas is found");
    assert!(hamas.attrs.get("actor").is_some_and(|a| a.starts_with("PSE")), "{hamas:?}");
    assert!(groups(&doc).contains(&("Afghan farmers".to_string(), "AFGAGR".to_string())), "{doc:#?}");
    let doc = extract(&extractor, text, "1998-06-01");
    assert_eq!(actor_of(&doc, "person:hamid-karzai"), "AFGELI");
    let started = Instant::now();
    Extractor::builder()
        .defaults(Defaults::Rules)
        .gazetteer_file(dir.join("Phoenix.Countries.actors.txt"))
        .gazetteer_file(dir.join("Phoenix.International.actors.txt"))
        .gazetteer_file(dir.join("Phoenix.MilNonState.actors.txt"))
        .build()
        .expect("the Phoenix actor dictionaries load alone");
    eprintln!(
        "the three Phoenix actor dictionaries loaded without the default gazetteers in {:.2?}",
        started.elapsed()
    );
}

/// `attache extract` with `args`, reading `stdin`.
fn cli(args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().expect("stdin is piped").write_all(stdin.as_bytes()).expect("written");
    child.wait_with_output().expect("the binary finishes")
}

#[test]
fn the_command_line_reads_both_dictionaries_and_names_the_place_of_an_error() {
    let actors = data("test.actors.txt");
    let agents = data("test.agents.txt");
    let (actors, agents) = (actors.to_str().expect("a UTF-8 path"), agents.to_str().expect("a UTF-8 path"));
    let args = ["extract", "--format", "json", "--date", "2004-03-01", "--gazetteer", actors, "--gazetteer", agents];
    let out = cli(&args, "Jack Straw met Freedonian lighthousemen.");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let actor = |id: &str| {
        let entities = doc["entities"].as_array().expect("entities");
        let e = entities.iter().find(|e| e["id"] == id).unwrap_or_else(|| panic!("{id} in {doc}"));
        e["attrs"]["actor"].as_str().unwrap_or_default().to_string()
    };
    assert_eq!(actor("person:jack-straw"), "GBRGOV");
    assert_eq!(actor("group:FRD-GOV"), "FRDGOV");
    let dir = std::env::temp_dir().join(format!("attache-petrarch-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let bad = dir.join("bad.actors.txt");
    std::fs::write(&bad, "A_\n\t[GBRGOV 010101-0201]\n").expect("written");
    let out = cli(&["extract", "--gazetteer", bad.to_str().expect("a UTF-8 path")], "text");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{}:2:17: ", bad.display())), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
