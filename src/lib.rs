//! attache reads English news and says who is who and who did what to whom.
//!
//! It finds the people, countries, places and organisations of world news with gazetteers built
//! from public sources, resolves the ways news names them ("Chinese President Xi Jinping", "Xi",
//! "Beijing", "his Kazakh counterpart"), and extracts relations such as `meet`, `visit`, `pledge`
//! and `sign` with rules that carry their own tests.
//!
//! ```
//! use attache::{Date, Extractor};
//!
//! let extractor = Extractor::new()?; // the embedded default gazetteers and rules
//! let text = "Kazakh President Kassym-Jomart Tokayev held talks with Xi Jinping in Astana.";
//! let doc = extractor.extract_with_date(text, "2025-06-17".parse::<Date>()?);
//!
//! // every mention points into the input
//! for m in &doc.mentions {
//!     assert_eq!(&text[m.start..m.end], m.text);
//! }
//! let ids: Vec<&str> = doc.entities.iter().map(|e| e.id.as_str()).collect();
//! assert!(ids.contains(&"country:KAZ"));
//! # Ok::<(), attache::Error>(())
//! ```
//!
//! # The pipeline
//!
//! Each stage is a module:
//!
//! | stage | module | what it does |
//! |---|---|---|
//! | text | `text` (internal) | normalises (case, quotes, dashes, space) with an exact offset map; sentences and tokens |
//! | gazetteer | [`gazetteer`] | the entities attache knows: records, files, the embedded defaults |
//! | matcher | `matcher` (internal) | one Aho-Corasick automaton over every name, whole words, case policies |
//! | resolve | `resolve` (internal) | mentions → entities: titles, short names, demonyms, capitals, dates |
//! | relations | [`rules`] | the rule language, its compiler and its self-tests |
//! | output | [`document`] | the serde types of the JSON output |
//!
//! The [`Extractor`] runs them in order. Above them, [`check`] runs the examples and
//! counterexamples every rule carries through a whole extractor ([`Extractor::check_rules`]), and
//! [`export`] writes documents for people and other tools: an HTML view, CoNLL NER columns, brat
//! standoff.
//!
//! # Word lists
//!
//! Every word list is a file of the top-level `lexicon/` folder (one entry a line, `#` comments,
//! a header saying what the list is for), embedded at build time, so that a list changes without
//! touching Rust; an extractor takes a file of the same name in place of any of them
//! ([`ExtractorBuilder::lexicon_file`], `attache extract --lexicon`):
//!
//! | file (in `lexicon/`) | what it is for | read by |
//! |---|---|---|
//! | `function-words.txt`, `common-words.txt`, `calendar.txt`, `title-case-small.txt`, `leading-words.txt`, `not-name-words.txt` | capitalised words that are no name ("The", "Monday", "Ministry") | resolve |
//! | `honorifics.txt`, `vague-titles.txt`, `not-acting-titles.txt`, `not-now.txt`, `unowned-titles.txt` | titles that vouch for less ("Mr", "former", "acting", "general") | resolve |
//! | `particles.txt`, `generational-suffixes.txt` | parts of names ("bin", "von", "Jr") | matcher, resolve |
//! | `geo-modifiers.txt`, `locatives.txt`, `name-suffixes.txt`, `institution-words.txt`, `news-verbs.txt` | words around a name that say what it is ("northern", "in", "Street", "Party", "said") | resolve |
//! | `title-families.tsv` | titles in families by what they are called ("premier", "prime minister") | resolve (roles) |
//! | `pronouns.txt`, `subordinators.txt`, `gender-male.txt`, `gender-female.txt` | pronouns, leading clauses, words that state a gender | resolve (coreference) |
//! | `agents.tsv`, `agents-extra.tsv`, `group-*.txt`, `sectors.tsv`, `org-heads.tsv` | agent nouns and their sectors ("police" COP), organisations named after a country | resolve (groups, actor codes) |
//! | `abbreviations.txt` | abbreviations whose full stop ends no sentence | text |
//! | `negation.txt`, `modality.txt`, `auxiliaries.txt`, `linking-words.txt`, `suppositions.txt`, `cancellations.txt` | words that cancel a relation, make it future, or only qualify or link | rules |
//! | `determiners.txt`, `common-trigger-words.txt` | words that join a mention's unit ("the", "his"); words too common to trigger a pattern | rules |

#![deny(missing_docs)]

pub mod batch;
pub mod check;
pub mod date;
pub mod document;
pub mod error;
pub mod event;
pub mod export;
pub mod extract;
pub mod gazetteer;
mod json;
mod leb128;
mod lexicon;
// The inner stages: public for the crate's own integration tests, benches and fuzzing, hidden from
// the documentation and not part of the API (they may change in any release).
#[doc(hidden)]
pub mod matcher;
#[doc(hidden)]
pub mod resolve;
pub mod rules;
mod str_index;
mod swar;
#[cfg(test)]
mod tests;
#[doc(hidden)]
pub mod text;
mod threads;

// The README's Rust examples are compiled and run as doc tests too.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub use crate::date::Date;
pub use crate::document::{Document, Entity, Mention, Relation, RelationKind};
pub use crate::error::{Error, Location, Result};
pub use crate::event::{Event, EventType};
pub use crate::extract::{Defaults, Extractor, ExtractorBuilder};
pub use crate::gazetteer::{Alias, AliasForm, CasePolicy, EntityKind, EntityRecord, Gazetteer};
pub use crate::rules::RuleSet;
/// The shared string type of entity ids and mention texts in a [`Document`] (re-exported from the
/// `arcstr` crate so that users need not depend on it).
pub use arcstr::ArcStr;
