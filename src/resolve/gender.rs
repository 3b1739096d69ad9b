//! Gender, for pronouns: "he" never refers to a woman, "she" never to a man.
//!
//! A person's gender is known only where a source states it; names do not reliably tell it, so
//! no name is read for it:
//!
//! - a gazetteer record's `attrs.gender` (`male` or `female`);
//! - the word written right before a name in the document, when `lexicon/gender-male.txt` or
//!   `lexicon/gender-female.txt` lists it: an honorific ("Mr Lavrov", "Mrs May"), a title that
//!   says it whoever holds it ("Queen Margrethe", "Crown Prince Mohammed bin Salman", "Kremlin
//!   spokesman Dmitry Peskov"), a noun of kinship ("his wife Jill Biden"). Only the word next to
//!   the name counts: in "Lord Chancellor Liz Truss" the title next to the name is "Chancellor";
//! - such a title opening the name itself, as the gazetteer or the document writes it ("Queen
//!   Margrethe", "Sheikh Tamim bin Hamad Al Thani").
//!
//! - a gendered pronoun resolved to the person earlier in the document ("Lavrov said he …"):
//!   what the document's own pronouns said of someone holds for the pronouns after.
//!
//! What one mention says holds for the person across the document ("Mrs May … May said …
//! she"). Sources that disagree (a record and a cue, or two cues) leave the gender unknown.
//! People the gazetteer does not list carry the gender their mentions state too, and so do titles
//! of someone unnamed ("the spokeswoman"), which compete for a pronoun as unknown people do.

use rustc_hash::FxHashMap;

use crate::lexicon::{Lexicon, ListId};

use super::context::Context;
use super::index::{GazIdx, TokenIdx, UnknownIdx};
use super::mentions::{Key, Mentions, Pending};

/// A person's gender, as a source states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
}

impl Gender {
    /// `male` or `female`, as a gazetteer record's `attrs.gender` writes it.
    pub(super) fn parse(s: &str) -> Option<Gender> {
        match s.trim() {
            "male" => Some(Gender::Male),
            "female" => Some(Gender::Female),
            _ => None,
        }
    }

    /// Index in a pair of per-gender tables.
    pub(super) fn index(self) -> usize {
        match self {
            Gender::Male => 0,
            Gender::Female => 1,
        }
    }
}

/// Every gendered word of `lexicon` -> its gender (a word in both lists is in neither).
pub(super) fn gendered_words(lexicon: &Lexicon) -> FxHashMap<Box<str>, Gender> {
    let mut map: FxHashMap<Box<str>, Gender> = FxHashMap::default();
    let mut both = Vec::new();
    for (list, gender) in [(ListId::GenderMale, Gender::Male), (ListId::GenderFemale, Gender::Female)] {
        for w in lexicon[list].entries() {
            if map.insert(w.into(), gender).is_some_and(|g| g != gender) {
                both.push(w);
            }
        }
    }
    for w in both {
        map.remove(w);
    }
    map
}

/// Combines what two sources say: agreeing, or one silent, is known; disagreeing is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Said {
    Is(Gender),
    Conflict,
}

impl Said {
    fn and(self, other: Gender) -> Said {
        match self {
            Said::Is(g) if g == other => self,
            _ => Said::Conflict,
        }
    }

    pub(super) fn gender(self) -> Option<Gender> {
        match self {
            Said::Is(g) => Some(g),
            Said::Conflict => None,
        }
    }
}

/// What one document says of its people's genders.
#[derive(Debug, Default)]
pub(super) struct Genders {
    /// Gazetteer person -> what the record and the document say.
    listed: FxHashMap<GazIdx, Said>,
    /// Unlisted person (index of `unknown.rs`'s people) -> what the document says.
    unlisted: FxHashMap<UnknownIdx, Said>,
    /// First token of an unknown person's phrase or title (as coreference's `unknown_people` holds them)
    /// -> what it says.
    at: FxHashMap<TokenIdx, Said>,
}

fn note<K: std::hash::Hash + Eq>(map: &mut FxHashMap<K, Said>, key: K, gender: Gender) {
    map.entry(key).and_modify(|s| *s = s.and(gender)).or_insert(Said::Is(gender));
}

impl Genders {
    /// The gender of gazetteer person `person`, where known.
    pub(super) fn listed(&self, person: GazIdx) -> Option<Gender> {
        self.listed.get(&person).and_then(|s| s.gender())
    }

    /// Notes that a pronoun of gender `gender` was resolved to gazetteer person `person`, where
    /// nothing said otherwise: "Lavrov said he …" makes Lavrov someone a later "she" is not. Only
    /// a pronoun resolved with no competitor left teaches this (`coref.rs` refuses the others).
    pub(super) fn learn(&mut self, person: GazIdx, gender: Gender) {
        self.listed.entry(person).or_insert(Said::Is(gender));
    }

    /// The gender of the unknown person (or unnamed title) starting at token `at`, where known.
    pub(super) fn at(&self, at: TokenIdx) -> Option<Gender> {
        self.at.get(&at).and_then(|s| s.gender())
    }
}

/// Whether someone of gender `someone` may be meant by a pronoun of gender `pronoun`.
pub(super) fn fits(someone: Option<Gender>, pronoun: Option<Gender>) -> bool {
    match (someone, pronoun) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

impl Genders {
    /// What the gazetteer and the document say of the genders of the people mentioned, and of
    /// the unknown people starting at `unknown_people`.
    pub(super) fn of(cx: &Context<'_>, mentions: &Mentions, unknown_people: &[TokenIdx]) -> Genders {
        let mut genders = Genders::default();
        for p in &mentions.list {
            match p.key {
                Key::Gaz(g) if cx.kind(g.get()) == crate::gazetteer::EntityKind::Person => {
                    if let std::collections::hash_map::Entry::Vacant(e) = genders.listed.entry(g) {
                        if let Some(said) = cx.record(g.get()).attrs.get("gender").and_then(|s| Gender::parse(s)) {
                            e.insert(Said::Is(said));
                        }
                    }
                    if let Some(cue) = gender_cue(cx, p) {
                        note(&mut genders.listed, g, cue);
                    }
                }
                Key::Unknown(k) => {
                    if let Some(cue) = gender_cue(cx, p) {
                        note(&mut genders.unlisted, k, cue);
                    }
                }
                _ => {}
            }
        }
        // the unknown people a pronoun competes with: a person's phrase, or a title of no one
        // named ("the spokeswoman"), whose own words may say it
        for p in &mentions.list {
            if let Key::Unknown(k) = p.key {
                if let Some(said) = genders.unlisted.get(&k).copied() {
                    genders.at.insert(p.phrase.start, said);
                }
            }
        }
        for &u in unknown_people {
            if genders.at.contains_key(&u) {
                continue;
            }
            // the title's last word, the one next to where a name would be
            let end = super::TITLES.starting_at(cx.text, u.get()).map_or(u.get() + 1, |t| t.0);
            if let Some(g) = cx.gender_of(cx.word(end - 1)) {
                genders.at.insert(u, Said::Is(g));
            }
        }
        genders
    }
}

/// The gender the word right before mention `p`'s name states ("Mrs May", "his wife Jill
/// Biden"), a pronoun aside.
fn gender_cue(cx: &Context<'_>, p: &Pending) -> Option<Gender> {
    if p.form == super::MentionForm::Pronoun {
        return None;
    }
    let first = p.name.start.get();
    if first > 0 {
        let sentence = cx.sentence(first);
        let mut prev = first - 1;
        // "Mr. Lavrov": the full stop of an abbreviation
        let toks = cx.text.tokens();
        if cx.word(prev) == "." && prev > 0 && toks[prev - 1].end() == toks[prev].start() {
            prev -= 1;
        }
        let before = cx.word_in(prev, sentence) && !cx.list(ListId::Pronouns).contains(cx.word(prev));
        if let Some(g) = before.then(|| cx.gender_of(cx.word(prev))).flatten() {
            return Some(g);
        }
    }
    // a name that opens with its title ("Queen Margrethe", "Sheikh Tamim bin Hamad Al Thani")
    let name = p.name.range();
    let title = name.len() >= 2 && super::TITLES.get(cx.word(first)).is_some();
    title.then(|| cx.gender_of(cx.word(first))).flatten()
}
