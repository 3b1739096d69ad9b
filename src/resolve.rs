//! Resolve stage: from raw gazetteer matches to entities, the way news writes names.
//!
//! The matcher finds every name; resolution decides what each one refers to, merges the mentions
//! of one entity, and adds the mentions that no gazetteer lists.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use crate::date::Date;
use crate::gazetteer::{EntityKind, Gazetteer};
use crate::matcher::{Matcher, RawMatch};
use crate::text::Text;

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionForm {
    /// A name or alias from the gazetteer.
    Name,
    /// A short name or surname, resolved through an earlier full mention or the date.
    Short,
    /// A title or role without a name ("the Kazakh president"), resolved by date.
    Role,
    /// A demonym or adjective ("Kazakh", "Central Asian").
    Adjective,
    /// A capital standing for its country's government ("Beijing commits …").
    Metonym,
    /// A group of a region's members ("Central Asian countries").
    Group,
    /// An entity found by pattern, not by gazetteer (a treaty, an amount of money).
    Pattern,
}

/// An entity of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedEntity {
    /// Stable id.
    pub id: String,
    /// What it is.
    pub kind: EntityKind,
    /// Canonical name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Attributes.
    pub attrs: BTreeMap<String, String>,
    /// Its index in the gazetteer, if it came from one.
    pub gazetteer: Option<usize>,
}

/// A resolved mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedMention {
    /// Index into [`Resolution::entities`].
    pub entity: usize,
    /// For a capital or a person acting for a state: the entity it stands for (index into
    /// [`Resolution::entities`]). Rules whose slot wants that kind use it.
    pub acts_for: Option<usize>,
    /// Original byte span of the name itself.
    pub start: usize,
    /// Original byte span of the name itself, exclusive.
    pub end: usize,
    /// The tokens of the whole phrase that rules see as one unit ("Chinese President Xi Jinping").
    pub tokens: Range<usize>,
    /// The sentence.
    pub sentence: usize,
    /// How it names the entity.
    pub form: MentionForm,
    /// Lies inside another mention's phrase (the "Chinese" of "Chinese President Xi"): listed in
    /// the output, but not a unit for rules.
    pub nested: bool,
}

/// Entities and mentions of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolution {
    /// The entities.
    pub entities: Vec<ResolvedEntity>,
    /// The mentions, sorted by `tokens.start`, then by length (longest first).
    pub mentions: Vec<ResolvedMention>,
}

/// Resolution knowledge compiled once from a gazetteer.
#[derive(Debug, Clone, Default)]
pub struct Resolver {}

impl Resolver {
    /// Prepares resolution for `gazetteer`.
    pub fn new(_gazetteer: &Gazetteer) -> Resolver {
        Resolver {}
    }

    /// Resolves the raw matches of one text, as of `date`.
    pub fn resolve(
        &self,
        gazetteer: &Gazetteer,
        matcher: &Matcher,
        text: &Text<'_>,
        matches: &[RawMatch],
        _date: Date,
    ) -> Resolution {
        let mut out = Resolution::default();
        let mut entity_index: HashMap<usize, usize> = HashMap::new();
        let mut i = 0;
        while i < matches.len() {
            // the candidates of one span follow each other: take the one of highest priority
            let mut j = i + 1;
            while j < matches.len() && matches[j].start == matches[i].start && matches[j].end == matches[i].end {
                j += 1;
            }
            let best = matches[i..j]
                .iter()
                .max_by_key(|m| gazetteer.entities()[matcher.candidate(m.candidate).entity].priority)
                .unwrap_or(&matches[i]);
            let g = matcher.candidate(best.candidate).entity;
            let record = &gazetteer.entities()[g];
            let entity = *entity_index.entry(g).or_insert_with(|| {
                out.entities.push(ResolvedEntity {
                    id: record.id.clone(),
                    kind: record.kind,
                    name: record.name.clone(),
                    aliases: Vec::new(),
                    attrs: record.attrs.clone(),
                    gazetteer: Some(g),
                });
                out.entities.len() - 1
            });
            let first = text.token_at_or_after(best.norm.start);
            let last = text.token_at_or_after(best.norm.end).max(first + 1);
            let sentence = text.tokens().get(first).map_or(0, |t| t.sentence);
            out.mentions.push(ResolvedMention {
                entity,
                acts_for: None,
                start: best.start,
                end: best.end,
                tokens: first..last,
                sentence,
                form: MentionForm::Name,
                nested: false,
            });
            i = j;
        }
        out
    }
}
