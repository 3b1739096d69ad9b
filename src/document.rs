//! The output: a [`Document`] of entities, mentions and relations, as plain serde types.
//!
//! The JSON form of these types is the contract that tools rely on (see the README): field names,
//! entity ids and byte offsets into the original input.
//!
//! Entity ids, rule ids and the text of mentions are [`ArcStr`]s: shared, immutable strings one
//! pointer wide. A name mentioned a thousand times holds its id and its text once, so a
//! document of many short mentions stays small (about 40 bytes a mention). An `ArcStr`
//! dereferences to `str` and compares with `str`, `&str` and `String`.

use std::collections::BTreeMap;
use std::fmt;

use arcstr::ArcStr;
use serde::{Deserialize, Serialize};

use crate::date::Date;

use crate::event::Event;
use crate::gazetteer::EntityKind;

/// What a relation says happened: attache's verb class (`meet`, `visit`, `accuse`, `attack`, …).
///
/// Kinds are open: the kind table (`rules/kinds.toml`) names those every rule set knows, and rule
/// files may declare more (`[kinds.condemn] event = "ACCUSE"`). Each kind codes one PLOVER event
/// (see [`Event`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RelationKind(ArcStr);

impl RelationKind {
    /// Met, held talks, received. Symmetric.
    pub const MEET: RelationKind = RelationKind(arcstr::literal!("meet"));
    /// Pledged, promised, will provide … to.
    pub const PLEDGE: RelationKind = RelationKind(arcstr::literal!("pledge"));
    /// Signed, inked, concluded a document.
    pub const SIGN: RelationKind = RelationKind(arcstr::literal!("sign"));
    /// Visited, travelled to, arrived in.
    pub const VISIT: RelationKind = RelationKind(arcstr::literal!("visit"));
    /// Urged, called on, appealed to.
    pub const APPEAL: RelationKind = RelationKind(arcstr::literal!("appeal"));
    /// Agreed with or on. Symmetric.
    pub const AGREE: RelationKind = RelationKind(arcstr::literal!("agree"));
    /// Cooperation, coordination, ties with. Symmetric.
    pub const COOPERATE: RelationKind = RelationKind(arcstr::literal!("cooperate"));
    /// Member of, joined, admitted to.
    pub const MEMBER: RelationKind = RelationKind(arcstr::literal!("member"));

    /// The kind named `name` (whether a rule set knows it is the rule set's business).
    pub fn new(name: &str) -> RelationKind {
        RelationKind(ArcStr::from(name))
    }

    /// The lower-case name (`meet`, `pledge`, …).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for RelationKind {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for RelationKind {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for RelationKind {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Display for RelationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An entity the document mentions, listed once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id: `person:xi-jinping`, `country:CHN`.
    pub id: ArcStr,
    /// What it is.
    pub kind: EntityKind,
    /// Canonical name.
    pub name: String,
    /// Other names it is known by (from the gazetteer, and as written in the document).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Attributes: ISO codes, country, role on the document's date.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attrs: BTreeMap<String, String>,
}

/// One place where the document names an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The entity's id.
    pub entity: ArcStr,
    /// Byte offset into the original input, inclusive; always a UTF-8 boundary.
    pub start: usize,
    /// Byte offset into the original input, exclusive; always a UTF-8 boundary.
    pub end: usize,
    /// The text as written (`input[start..end]`), shared by the mentions written the same way.
    pub text: ArcStr,
    /// Index of the sentence.
    pub sentence: usize,
}

/// Something an entity did to another, found by a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    /// What happened.
    pub kind: RelationKind,
    /// Who did it: an entity id.
    pub subject: ArcStr,
    /// To whom or what: an entity id; `None` for a one-party event ("protesters marched").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<ArcStr>,
    /// The id of the rule that found it (the first, when several did).
    pub rule: ArcStr,
    /// When several rules found this one event (same kind, parties and event, evidence
    /// overlapping in one sentence): all their ids, `rule` first. Empty (and absent from JSON)
    /// when `rule` alone found it; [`Relation::rule_ids`] gives the ids either way.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<ArcStr>,
    /// Start of the evidence, a byte offset into the original input.
    pub start: usize,
    /// End of the evidence, exclusive.
    pub end: usize,
    /// The evidence as written.
    pub text: String,
    /// The PLOVER event it reports: type, mode and CAMEO code.
    pub event: Event,
    /// Further arguments: `amount`, `document`, `location` (an entity id), `mood` (`future`), …
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, String>,
}

impl Relation {
    /// The ids of every rule that found it, `rule` first.
    pub fn rule_ids(&self) -> impl Iterator<Item = &ArcStr> + '_ {
        let all: &[ArcStr] = if self.rules.is_empty() { std::slice::from_ref(&self.rule) } else { &self.rules };
        all.iter()
    }
}

/// Everything attache found in one text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The date the document was read as of (`YYYY-MM-DD` in JSON): given, or today's when none
    /// was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Whether [`date`](Document::date) was assumed (no date was given).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub date_assumed: bool,
    /// Each entity with at least one mention, once.
    pub entities: Vec<Entity>,
    /// Every mention, in order of position.
    pub mentions: Vec<Mention>,
    /// Every relation, in order of position.
    pub relations: Vec<Relation>,
}

impl Document {
    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == *id)
    }

    /// The name of the entity with this id, or the id itself when it is not an entity here.
    pub fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.entity(id).map_or(id, |e| e.name.as_str())
    }

    /// Appends the document's JSON to `out`: the same bytes as `serde_json::to_writer(out, self)`
    /// (the compact form of its `Serialize`), written a good deal faster.
    ///
    /// ```
    /// use attache::{Date, Extractor};
    ///
    /// let extractor = Extractor::new()?;
    /// let doc = extractor.extract_with_date("Xi Jinping arrived in Astana.", "2025-06-17".parse::<Date>()?);
    /// let mut out = Vec::new();
    /// doc.write_json(&mut out);
    /// assert_eq!(out, serde_json::to_vec(&doc).expect("a document serialises"));
    /// # Ok::<(), attache::Error>(())
    /// ```
    pub fn write_json(&self, out: &mut Vec<u8>) {
        crate::json::document(out, self, None);
    }

    /// The mentions of the entity with this id.
    pub fn mentions_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Mention> + 'a {
        self.mentions.iter().filter(move |m| m.entity == *id)
    }
}
