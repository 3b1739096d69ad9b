//! Gazetteers: the entities attache knows by name.
//!
//! A gazetteer is a list of [`EntityRecord`]s. The default gazetteers (built from public-domain and
//! permissively licensed sources, see `gazetteers/SOURCES.md`) are embedded in the crate; users add
//! their own files on top, and a record whose id is already known replaces the earlier one.
//!
//! # File formats
//!
//! **JSON Lines** (`.jsonl`, the native format): one entity per line, blank lines and lines starting
//! with `#` ignored. Unknown fields are errors.
//!
//! ```text
//! {"id":"country:KAZ","kind":"country","name":"Kazakhstan","aliases":["Republic of Kazakhstan",{"text":"KAZ","case":"exact","form":"abbreviation"},{"text":"Kazakh","form":"adjective"}],"attrs":{"iso2":"KZ","iso3":"KAZ"},"source":"CIA World Factbook 2026"}
//! {"id":"person:kassym-jomart-tokayev","kind":"person","name":"Kassym-Jomart Tokayev","aliases":[{"text":"Tokayev","form":"surname"}],"roles":[{"title":"President","office":"head-of-state","of":"country:KAZ","start":"2019-03-20"}]}
//! ```
//!
//! **Tab-separated** (`.tsv`, `.txt`), the format of CoreNLP RegexNER lists and spreadsheets:
//! `name<TAB>kind[<TAB>id]`, one name a line, `#` comments. Lines that share an id are aliases of
//! one entity; without an id, the id is `kind:slug-of-name`.
//!
//! **PETRARCH / TABARI actor dictionaries** (`*.actors.txt`, recognised by that file name ending
//! before the `.txt` rule applies), read unchanged: see [`petrarch`] for the format and how actors
//! become records. An agents dictionary (`*.agents.txt`) is no gazetteer: it extends the agent
//! nouns of the group pass and is read by
//! [`ExtractorBuilder::gazetteer_file`](crate::ExtractorBuilder::gazetteer_file) only.

use std::collections::{BTreeMap, HashMap};

use rustc_hash::FxHashMap;
use std::fmt;
use std::path::Path;

use once_cell::sync::Lazy;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::date::Date;
use crate::error::{Error, Location, Result};

mod compact;
mod index;
pub mod petrarch;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A sovereign state or a territory that news treats as one.
    Country,
    /// An international organisation, alliance, agency, initiative, company or news agency.
    Organization,
    /// A city, a first-level region, or a world region such as Central Asia.
    Place,
    /// A treaty, agreement, declaration or other document.
    Document,
    /// A summit, conference or other event.
    Event,
    /// Actors named by what they are, not by name: "Syrian opposition leaders", "Turkish troops",
    /// "the Malian government"; coded by country and sector (`attrs.actor`: `SYROPP`).
    Group,
    /// An amount of money ("1.5 billion yuan"): a relation argument, never listed as an entity.
    Money,
}

impl EntityKind {
    /// Every kind, in a fixed order.
    pub const ALL: [EntityKind; 8] = [
        EntityKind::Person,
        EntityKind::Country,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Document,
        EntityKind::Event,
        EntityKind::Group,
        EntityKind::Money,
    ];

    /// The lower-case name used in ids, files and output (`person`, `country`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Country => "country",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Document => "document",
            EntityKind::Event => "event",
            EntityKind::Group => "group",
            EntityKind::Money => "money",
        }
    }

    /// The kind named `name` (`organisation` is accepted for `organization`).
    pub fn from_name(name: &str) -> Option<EntityKind> {
        Some(match name {
            "person" => EntityKind::Person,
            "country" => EntityKind::Country,
            "organization" | "organisation" => EntityKind::Organization,
            "place" => EntityKind::Place,
            "document" => EntityKind::Document,
            "event" => EntityKind::Event,
            "group" => EntityKind::Group,
            "money" => EntityKind::Money,
            _ => return None,
        })
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How the letter case of a name in text must agree with the alias for the name to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CasePolicy {
    /// Only exactly as written: acronyms such as `US`, `SCO`, `UN`, `WHO`.
    Exact,
    /// Any case, each word's initial as in the alias or upper case: `Chad` matches `Chad` and
    /// `CHAD` but not `chad`. The default for names.
    Capitalized,
    /// Any case at all.
    Insensitive,
}

impl CasePolicy {
    /// The policy an alias gets when its record does not say: short all-capital forms (acronyms,
    /// codes) are exact, everything else is capitalized.
    pub fn default_for(text: &str) -> CasePolicy {
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        let has_lower = text.chars().any(|c| c.is_lowercase());
        if letters > 0 && !has_lower && letters <= 6 {
            CasePolicy::Exact
        } else {
            CasePolicy::Capitalized
        }
    }
}

/// What kind of name an alias is; resolution treats each form with its own care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AliasForm {
    /// A full name or an official name.
    #[default]
    Name,
    /// A short form that names the entity on its own in news ("Xi" for Xi Jinping).
    Short,
    /// A surname alone: resolved only through an earlier full mention or a unique match.
    Surname,
    /// An abbreviation or code (`PRC`, `KAZ`, `SCO`).
    Abbreviation,
    /// A demonym or adjective ("Kazakh", "Central Asian", "Sino-").
    Adjective,
    /// A former name ("Nur-Sultan", "Burma").
    Former,
}

/// One name of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alias {
    /// The name as written.
    pub text: String,
    /// How case must agree.
    pub case: CasePolicy,
    /// What kind of name it is.
    pub form: AliasForm,
}

impl Alias {
    /// An alias with the default case policy for its text and form [`AliasForm::Name`].
    pub fn new(text: impl Into<String>) -> Alias {
        let text = text.into();
        Alias { case: CasePolicy::default_for(&text), form: AliasForm::Name, text }
    }

    /// This alias with another form.
    pub fn with_form(mut self, form: AliasForm) -> Alias {
        self.form = form;
        self
    }

    /// This alias with another case policy.
    pub fn with_case(mut self, case: CasePolicy) -> Alias {
        self.case = case;
        self
    }
}

// An alias is written either as a bare string or as `{"text": …, "case": …, "form": …}`.
impl<'de> Deserialize<'de> for Alias {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Alias, D::Error> {
        struct AliasVisitor;
        impl<'de> Visitor<'de> for AliasVisitor {
            type Value = Alias;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a name, or an object with `text` and optional `case` and `form`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Alias, E> {
                if v.trim().is_empty() {
                    return Err(E::custom("an alias must not be empty"));
                }
                Ok(Alias::new(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Alias, A::Error> {
                let (mut text, mut case, mut form) = (None::<String>, None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "text" => text = Some(map.next_value()?),
                        "case" => case = Some(map.next_value()?),
                        "form" => form = Some(map.next_value()?),
                        other => return Err(de::Error::unknown_field(other, &["text", "case", "form"])),
                    }
                }
                let text = text.ok_or_else(|| de::Error::missing_field("text"))?;
                if text.trim().is_empty() {
                    return Err(de::Error::custom("an alias must not be empty"));
                }
                let case = case.unwrap_or_else(|| CasePolicy::default_for(&text));
                Ok(Alias { text, case, form: form.unwrap_or_default() })
            }
        }
        d.deserialize_any(AliasVisitor)
    }
}

/// The kind of office a role is, for resolving "the Kazakh president" by date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Office {
    /// Chief of state: president, monarch, governor-general.
    HeadOfState,
    /// Head of government: prime minister, premier, chancellor.
    HeadOfGovernment,
    /// Foreign minister, secretary of state.
    ForeignMinister,
    /// Head of an international organisation (secretary-general, director-general).
    HeadOfOrganization,
    /// Any other office.
    #[default]
    Other,
}

/// An office a person holds or held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// The title as news writes it before a name: "President", "Prime Minister".
    pub title: String,
    /// The kind of office.
    #[serde(default)]
    pub office: Office,
    /// The id of the country or organisation the office belongs to.
    pub of: String,
    /// First day in office, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    /// Last day in office; `None` while in office (or when unknown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    /// The CAMEO actor code the office gives its holder (`USAGOV`, `IGOUNO`), when known; else
    /// it follows from the owner (a country's office: its code and `GOV`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
}

impl Role {
    /// Whether the role was held on `date`. A role with no start held since ever; one with no end
    /// holds still.
    ///
    /// An open-ended role of no named office (office `other`, no end) is taken as held for at
    /// most [`Role::OPEN_ENDED_YEARS`] years from its start: such roles come from dictionaries
    /// that stopped being updated (PETRARCH's Phoenix files end about 2014), and a minister of
    /// 2010 is no minister today.
    pub fn held_on(&self, date: Date) -> bool {
        let stale = self.end.is_none()
            && self.office == Office::Other
            && self.start.is_some_and(|s| date.year() - s.year() > Role::OPEN_ENDED_YEARS);
        !stale && self.start.is_none_or_le(date) && self.end.map_or(true, |end| date <= end)
    }

    /// How long an open-ended role of no named office is taken as held, in years.
    pub const OPEN_ENDED_YEARS: i32 = 8;
}

trait OptionDateExt {
    fn is_none_or_le(&self, date: Date) -> bool;
}

impl OptionDateExt for Option<Date> {
    fn is_none_or_le(&self, date: Date) -> bool {
        self.map_or(true, |start| start <= date)
    }
}

/// One entity of a gazetteer: one record of a gazetteer file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityRecord {
    /// Stable id, `kind:slug` (`country:KAZ`, `person:xi-jinping`).
    pub id: String,
    /// What it is.
    pub kind: EntityKind,
    /// Canonical name.
    pub name: String,
    /// Other names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Alias>,
    /// Attributes: `iso2`, `iso3`, `country` (an id), `capital` (an id), `capital_of` (an id), …
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attrs: BTreeMap<String, String>,
    /// Offices held, with dates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// Ids of members (countries of a region or organisation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    /// Wins conflicts between entities sharing a name: higher first.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub priority: i32,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

fn is_zero(n: &i32) -> bool {
    *n == 0
}

impl EntityRecord {
    /// A record with an id, kind and name, and nothing else.
    pub fn new(id: impl Into<String>, kind: EntityKind, name: impl Into<String>) -> EntityRecord {
        EntityRecord {
            id: id.into(),
            kind,
            name: name.into(),
            aliases: Vec::new(),
            attrs: BTreeMap::new(),
            roles: Vec::new(),
            members: Vec::new(),
            priority: 0,
            source: None,
        }
    }

    /// The canonical name as an alias (form `Name`, default case policy) followed by the aliases.
    pub fn names(&self) -> impl Iterator<Item = std::borrow::Cow<'_, Alias>> {
        std::iter::once(std::borrow::Cow::Owned(Alias::new(self.name.clone())))
            .chain(self.aliases.iter().map(std::borrow::Cow::Borrowed))
    }

    /// What [`names`](EntityRecord::names) gives, borrowed: text, case policy and form of each
    /// (building the matcher reads every name of every record, and copies none).
    pub(crate) fn name_forms(&self) -> impl Iterator<Item = (&str, CasePolicy, AliasForm)> {
        std::iter::once((self.name.as_str(), CasePolicy::default_for(&self.name), AliasForm::Name))
            .chain(self.aliases.iter().map(|a| (a.text.as_str(), a.case, a.form)))
    }

    /// Checks what can be checked of one record alone.
    fn check(&self) -> std::result::Result<(), String> {
        let prefix = self.id.split(':').next().unwrap_or("");
        if EntityKind::from_name(prefix) != Some(self.kind) || self.id.len() <= prefix.len() + 1 {
            return Err(format!(
                "id `{}` must be `{}:<slug>` for an entity of kind `{}`",
                self.id, self.kind, self.kind
            ));
        }
        if self.id.chars().any(char::is_whitespace) {
            return Err(format!("id `{}` must not contain white space", self.id));
        }
        if self.name.trim().is_empty() {
            return Err(format!("entity `{}` has an empty name", self.id));
        }
        for role in &self.roles {
            if let (Some(s), Some(e)) = (role.start, role.end) {
                if e < s {
                    return Err(format!("role `{}` of `{}` ends ({e}) before it starts ({s})", role.title, self.id));
                }
            }
        }
        Ok(())
    }
}

/// The slug of a name for an id: lower case, letters and digits kept, everything else one `-`.
///
/// ```
/// assert_eq!(attache::gazetteer::slug("Kassym-Jomart Tokayev"), "kassym-jomart-tokayev");
/// assert_eq!(attache::gazetteer::slug("  Xi'an "), "xi-an");
/// ```
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A set of entities, with an index by id and where each record came from.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entities: Vec<EntityRecord>,
    places: index::Places,
    by_id: index::IdIndex,
}

/// The default gazetteer files, embedded at compile time: `(label, contents)`.
pub const DEFAULT_FILES: &[(&str, &str)] = &[
    ("gazetteers/countries.jsonl", include_str!("../../gazetteers/countries.jsonl")),
    ("gazetteers/places.jsonl", include_str!("../../gazetteers/places.jsonl")),
    ("gazetteers/organizations.jsonl", include_str!("../../gazetteers/organizations.jsonl")),
    ("gazetteers/people.jsonl", include_str!("../../gazetteers/people.jsonl")),
    ("gazetteers/overlay.jsonl", include_str!("../../gazetteers/overlay.jsonl")),
];

static DEFAULTS: Lazy<Result<Gazetteer, String>> = Lazy::new(|| {
    // the compact form made by build.rs, not the JSON: the tests check that both read the same and
    // that the result validates, so neither the JSON parse nor the check runs at every start.
    // Later files replace earlier records with the same id, in file order
    compact::default_gazetteer()
});

impl Gazetteer {
    /// An empty gazetteer.
    pub fn new() -> Gazetteer {
        Gazetteer::default()
    }

    /// The embedded default gazetteer (loaded once, on first use).
    ///
    /// # Errors
    /// Only if the embedded files are broken, which the crate's tests rule out.
    pub fn defaults() -> Result<&'static Gazetteer> {
        DEFAULTS.as_ref().map_err(|message| Error::Gazetteer {
            location: Location::new("<embedded gazetteers>", 0, 0),
            message: message.clone(),
        })
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether there are no entities.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// All entities, in the order they were added (a replaced record keeps its place).
    pub fn entities(&self) -> &[EntityRecord] {
        &self.entities
    }

    /// The entity with this id.
    pub fn get(&self, id: &str) -> Option<&EntityRecord> {
        self.index_of(id).map(|i| &self.entities[i])
    }

    /// The index of the entity with this id in [`entities`](Gazetteer::entities).
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(&self.entities, id)
    }

    /// Where the record at `index` was defined.
    pub fn location(&self, index: usize) -> Option<&Location> {
        self.places.get(index)
    }

    /// Where record `i` (one of this gazetteer's) was defined, for an error about it.
    fn location_at(&self, i: usize) -> Location {
        self.location(i).cloned().unwrap_or_else(|| Location::new("<embedded gazetteers>", 0, 0))
    }

    /// Adds one record; a record with a known id replaces the earlier one.
    ///
    /// # Errors
    /// When the record itself is malformed (id not `kind:slug`, empty name, a role ending before it starts).
    pub fn add_record(&mut self, record: EntityRecord) -> Result<()> {
        // no file: the record's own id says which one an error is about
        let location = Location::new(format!("<EntityRecord {}>", record.id), 1, 1);
        record.check().map_err(|message| Error::Gazetteer { location: location.clone(), message })?;
        self.insert(record, location);
        Ok(())
    }

    /// Adds a record read from `location` (kept for the errors of later checks).
    pub(crate) fn add_record_at(&mut self, record: EntityRecord, location: Location) -> Result<()> {
        record.check().map_err(|message| Error::Gazetteer { location: location.clone(), message })?;
        self.insert(record, location);
        Ok(())
    }

    fn insert(&mut self, record: EntityRecord, location: Location) {
        match self.index_of(&record.id) {
            Some(i) => {
                self.entities[i] = record;
                self.places.set(i, &location.file, location.line, location.column);
            }
            None => {
                self.entities.push(record);
                self.by_id.add(&self.entities, self.entities.len() - 1);
                self.places.push(&location.file, location.line, location.column);
            }
        }
    }

    /// Reads a gazetteer file (`.jsonl`, `.tsv` / `.txt` for the tab-separated format, or a
    /// PETRARCH actor dictionary `*.actors.txt`) and adds its records.
    ///
    /// # Errors
    /// When the file cannot be read or a record is malformed; the error names file, line and
    /// column. An agents dictionary (`*.agents.txt`) is refused here: it is no gazetteer (give it
    /// to [`ExtractorBuilder::gazetteer_file`](crate::ExtractorBuilder::gazetteer_file)).
    pub fn add_file(&mut self, path: impl AsRef<Path>) -> Result<()> {
        self.add_file_over(path.as_ref(), None)
    }

    /// [`add_file`](Gazetteer::add_file), with the records of `base` (the defaults an extractor
    /// will merge this gazetteer onto) known to a PETRARCH dictionary's records.
    pub(crate) fn add_file_over(&mut self, path: &Path, base: Option<&Gazetteer>) -> Result<()> {
        let label = path.display().to_string();
        if petrarch::format_of(path) == Some(petrarch::Format::Agents) {
            return Err(Error::Gazetteer {
                location: Location::new(label, 1, 1),
                message: "a PETRARCH agents dictionary (`*.agents.txt`) names no entities: it adds agent nouns to the group pass, so give it to `ExtractorBuilder::gazetteer_file` or `attache extract --gazetteer`, not to a `Gazetteer`".into(),
            });
        }
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
        if petrarch::format_of(path) == Some(petrarch::Format::Actors) {
            return petrarch::add_actors(self, base, &label, &text);
        }
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("tsv" | "txt") => self.add_tsv_str(&label, &text),
            Some("jsonl" | "json" | "ndjson") => self.add_str(&label, &text),
            other => Err(Error::Gazetteer {
                location: Location::new(label, 1, 1),
                message: format!(
                    "{}: expected .jsonl, .json or .ndjson (JSON Lines records), .tsv or .txt (name<TAB>kind[<TAB>id]), or a PETRARCH dictionary named *.actors.txt",
                    other.map_or("no file extension".to_string(), |e| format!("unknown file extension `.{e}`"))
                ),
            }),
        }
    }

    /// Adds the actors of a PETRARCH actor dictionary held in memory (see [`petrarch`]); `label`
    /// names it in errors.
    ///
    /// # Errors
    /// When a line cannot be read; the error names the line and column.
    pub fn add_actors_str(&mut self, label: &str, text: &str) -> Result<()> {
        petrarch::add_actors(self, None, label, text)
    }

    /// Adds the records of a JSON Lines gazetteer held in memory; `label` names it in errors.
    ///
    /// # Errors
    /// When a record is malformed or an id repeats within this source; the error names the place.
    pub fn add_str(&mut self, label: &str, text: &str) -> Result<()> {
        for (record, location) in parse_jsonl(label, text)? {
            self.insert(record, location);
        }
        Ok(())
    }

    /// Adds the records of a tab-separated gazetteer (`name<TAB>kind[<TAB>id]`) held in memory.
    ///
    /// # Errors
    /// When a line lacks a kind, names an unknown kind, or gives an id of another kind.
    pub fn add_tsv_str(&mut self, label: &str, text: &str) -> Result<()> {
        let mut order: Vec<String> = Vec::new();
        let mut records: HashMap<String, (EntityRecord, Location)> = HashMap::new();
        for (number, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let at = |field: usize| {
                let column = fields[..field].iter().map(|f| f.chars().count() + 1).sum::<usize>() + 1;
                Location::new(label, number + 1, column)
            };
            if fields.len() > 3 {
                return Err(Error::Gazetteer {
                    location: at(3),
                    message: format!(
                        "expected at most three columns (name, kind, id), found a fourth: `{}`",
                        fields[3].chars().take(40).collect::<String>()
                    ),
                });
            }
            let name = fields[0].trim();
            if name.is_empty() {
                return Err(Error::Gazetteer { location: at(0), message: "expected a name, found nothing".into() });
            }
            let Some(kind_text) = fields.get(1).map(|k| k.trim()) else {
                return Err(Error::Gazetteer {
                    location: Location::new(label, number + 1, line.chars().count() + 1),
                    message: format!("expected a tab and a kind after `{name}`, found the end of the line"),
                });
            };
            let kind = EntityKind::from_name(&kind_text.to_lowercase()).ok_or_else(|| Error::Gazetteer {
                location: at(1),
                message: format!(
                    "unknown kind `{kind_text}`: expected one of person, country, organization, place, document, event"
                ),
            })?;
            let id = match fields.get(2).map(|s| s.trim()).filter(|s| !s.is_empty()) {
                Some(id) => id.to_string(),
                None => format!("{kind}:{}", slug(name)),
            };
            match records.get_mut(&id) {
                Some((record, _)) => {
                    if record.kind != kind {
                        return Err(Error::Gazetteer {
                            location: at(1),
                            message: format!("`{id}` was given kind `{}` before, found `{kind}`", record.kind),
                        });
                    }
                    if record.name != name && !record.aliases.iter().any(|a| a.text == name) {
                        record.aliases.push(Alias::new(name));
                    }
                }
                None => {
                    let mut record = EntityRecord::new(id.clone(), kind, name);
                    record.source = Some(label.to_string());
                    let location = at(0);
                    record.check().map_err(|message| Error::Gazetteer { location: at(2), message })?;
                    order.push(id.clone());
                    records.insert(id, (record, location));
                }
            }
        }
        for id in order {
            if let Some((record, location)) = records.remove(&id) {
                self.insert(record, location);
            }
        }
        Ok(())
    }

    /// Checks references between records: every role's `of`, every member, and the `country`,
    /// `capital` and `capital_of` attributes name known entities; `gender` is `male` or `female`.
    ///
    /// # Errors
    /// The first dangling reference, with the place of the record that makes it.
    pub fn validate(&self) -> Result<()> {
        // without countries (a gazetteer of one's own people), a country code can only be checked
        // for its form
        let has_countries = self.entities.iter().any(|x| x.kind == EntityKind::Country);
        for (i, e) in self.entities.iter().enumerate() {
            let refs = e
                .roles
                .iter()
                .map(|r| ("role `of`", r.of.as_str()))
                .chain(e.members.iter().map(|m| ("member", m.as_str())))
                .chain(
                    ["country", "capital", "capital_of", "region"]
                        .iter()
                        .filter_map(|k| e.attrs.get(*k).map(|v| (*k, v.as_str()))),
                );
            if let Some(code) = e.attrs.get("country").filter(|c| !c.contains(':')) {
                let known = self.index_of(&format!("country:{code}")).is_some();
                let well_formed = code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase());
                if !well_formed || (has_countries && !known) {
                    return Err(Error::Gazetteer {
                        location: self.location_at(i),
                        message: format!(
                            "attrs.country `{code}` of `{}` is not the ISO 3166 alpha-3 code of a country of the gazetteer (such as `KAZ`)",
                            e.id
                        ),
                    });
                }
            }
            // what pronouns may refer to the person (see the resolver's `gender.rs`)
            if let Some(gender) = e.attrs.get("gender").filter(|g| !matches!(g.as_str(), "male" | "female")) {
                return Err(Error::Gazetteer {
                    location: self.location_at(i),
                    message: format!("attrs.gender `{gender}` of `{}` is neither `male` nor `female`", e.id),
                });
            }
            for (what, id) in refs {
                if id.contains(':') && self.index_of(id).is_none() {
                    return Err(Error::Gazetteer {
                        location: self.location_at(i),
                        message: format!("{what} `{id}` of `{}` is not an entity of the gazetteer", e.id),
                    });
                }
            }
        }
        Ok(())
    }
}

/// The records of a JSON Lines gazetteer, each with its place, in file order.
fn parse_jsonl(label: &str, text: &str) -> Result<Vec<(EntityRecord, Location)>> {
    let mut records: Vec<(EntityRecord, Location)> = Vec::new();
    // id -> index in `records`, to name both places of a repeated id
    let mut seen: FxHashMap<String, usize> = FxHashMap::default();
    for (number, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = line.len() - trimmed.len();
        let record: EntityRecord = serde_json::from_str(trimmed).map_err(|e| Error::Gazetteer {
            location: Location::new(label, number + 1, indent + e.column().max(1)),
            message: json_message(&e),
        })?;
        let location = Location::new(label, number + 1, indent + 1);
        record.check().map_err(|message| Error::Gazetteer { location: location.clone(), message })?;
        if let Some(&first) = seen.get(&record.id) {
            return Err(Error::DuplicateEntity { id: record.id, location, first: records[first].1.clone() });
        }
        seen.insert(record.id.clone(), records.len());
        records.push((record, location));
    }
    Ok(records)
}

fn json_message(e: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; the location is reported separately.
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_case_policy() {
        assert_eq!(CasePolicy::default_for("US"), CasePolicy::Exact);
        assert_eq!(CasePolicy::default_for("SCO"), CasePolicy::Exact);
        assert_eq!(CasePolicy::default_for("Chad"), CasePolicy::Capitalized);
        assert_eq!(CasePolicy::default_for("UNITED NATIONS ORGANIZATION"), CasePolicy::Capitalized);
    }

    #[test]
    fn reads_jsonl_records_with_both_alias_forms() {
        let mut g = Gazetteer::new();
        g.add_str(
            "t.jsonl",
            "# comment\n\n{\"id\":\"country:KAZ\",\"kind\":\"country\",\"name\":\"Kazakhstan\",\"aliases\":[\"Republic of Kazakhstan\",{\"text\":\"Kazakh\",\"form\":\"adjective\"}]}\n",
        )
        .unwrap();
        let kaz = g.get("country:KAZ").unwrap();
        assert_eq!(kaz.aliases[1].form, AliasForm::Adjective);
        assert_eq!(kaz.aliases[1].case, CasePolicy::Capitalized);
        assert_eq!(g.location(0).unwrap().to_string(), "t.jsonl:3:1");
    }

    #[test]
    fn unknown_field_is_an_error_with_location() {
        let mut g = Gazetteer::new();
        let err = g
            .add_str("t.jsonl", "{\"id\":\"country:X\",\"kind\":\"country\",\"name\":\"X\",\"colour\":1}")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("t.jsonl:1:"), "{err}");
        assert!(err.contains("unknown field `colour`"), "{err}");
    }

    #[test]
    fn duplicate_id_names_both_places() {
        let mut g = Gazetteer::new();
        let rec = "{\"id\":\"place:a\",\"kind\":\"place\",\"name\":\"A\"}";
        let err = g.add_str("t.jsonl", &format!("{rec}\n{rec}\n")).unwrap_err().to_string();
        assert_eq!(err, "t.jsonl:2:1: duplicate entity id `place:a` (first defined at t.jsonl:1:1)");
    }

    #[test]
    fn id_must_match_kind() {
        let mut g = Gazetteer::new();
        let err =
            g.add_str("t.jsonl", "{\"id\":\"place:KAZ\",\"kind\":\"country\",\"name\":\"X\"}").unwrap_err().to_string();
        assert!(err.contains("must be `country:<slug>`"), "{err}");
    }

    #[test]
    fn later_layer_replaces_record() {
        let mut g = Gazetteer::new();
        g.add_str("a", "{\"id\":\"place:a\",\"kind\":\"place\",\"name\":\"A\"}").unwrap();
        g.add_str("b", "{\"id\":\"place:a\",\"kind\":\"place\",\"name\":\"Alpha\"}").unwrap();
        assert_eq!(g.len(), 1);
        assert_eq!(g.get("place:a").unwrap().name, "Alpha");
    }

    #[test]
    fn tsv_lines_with_one_id_are_aliases() {
        let mut g = Gazetteer::new();
        g.add_tsv_str(
            "t.tsv",
            "# list\nAcme Corp\torganization\torganization:acme\nACME\torganization\torganization:acme\nParis\tplace\n",
        )
        .unwrap();
        assert_eq!(g.len(), 2);
        let acme = g.get("organization:acme").unwrap();
        assert_eq!(acme.aliases[0].text, "ACME");
        assert_eq!(acme.aliases[0].case, CasePolicy::Exact);
        assert!(g.get("place:paris").is_some());
        let err = g.add_tsv_str("t.tsv", "Foo\twidget\n").unwrap_err().to_string();
        assert!(err.starts_with("t.tsv:1:5: "), "{err}");
    }

    #[test]
    fn dangling_reference_is_reported() {
        let mut g = Gazetteer::new();
        g.add_str(
            "t",
            "{\"id\":\"person:x\",\"kind\":\"person\",\"name\":\"X Y\",\"roles\":[{\"title\":\"President\",\"of\":\"country:ZZZ\"}]}",
        )
        .unwrap();
        let err = g.validate().unwrap_err().to_string();
        assert!(err.contains("country:ZZZ"), "{err}");
    }

    #[test]
    fn role_held_on_date() {
        let role = Role {
            title: "President".into(),
            office: Office::HeadOfState,
            of: "country:KAZ".into(),
            start: Some("2019-03-20".parse().unwrap()),
            end: None,
            actor: None,
        };
        assert!(role.held_on("2025-06-17".parse().unwrap()));
        assert!(!role.held_on("2015-01-01".parse().unwrap()));
    }
}
