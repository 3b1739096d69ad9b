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
//! What one mention says holds for the person across the document ("Mrs May … May said …
//! she"). Sources that disagree (a record and a cue, or two cues) leave the gender unknown.
//! People the gazetteer does not list carry the gender their mentions state too, and so do titles
//! of someone unnamed ("the spokeswoman"), which compete for a pronoun as unknown people do.

use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;

use crate::lexicon;

use super::{Key, Pending, Run};

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

/// Every gendered word -> its gender (a word in both lists is in neither).
static WORDS: Lazy<FxHashMap<&'static str, Gender>> = Lazy::new(|| {
    let mut map = FxHashMap::default();
    let mut both = Vec::new();
    for (list, gender) in [(lexicon::GENDER_MALE, Gender::Male), (lexicon::GENDER_FEMALE, Gender::Female)] {
        for w in list.entries() {
            if map.insert(w, gender).is_some_and(|g| g != gender) {
                both.push(w);
            }
        }
    }
    for w in both {
        map.remove(w);
    }
    map
});

/// The gender normalised word `w` states, if it does.
pub(super) fn of_word(w: &str) -> Option<Gender> {
    WORDS.get(w).copied()
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
    listed: FxHashMap<u32, Said>,
    /// Unlisted person (index of `unknown.rs`'s people) -> what the document says.
    unlisted: FxHashMap<u32, Said>,
    /// First token of an unknown person's phrase or title (as `Run::unknown_people` holds them)
    /// -> what it says.
    at: FxHashMap<u32, Said>,
}

fn note<K: std::hash::Hash + Eq>(map: &mut FxHashMap<K, Said>, key: K, gender: Gender) {
    map.entry(key).and_modify(|s| *s = s.and(gender)).or_insert(Said::Is(gender));
}

impl Genders {
    /// The gender of gazetteer person `person`, where known.
    pub(super) fn listed(&self, person: u32) -> Option<Gender> {
        self.listed.get(&person).and_then(|s| s.gender())
    }

    /// The gender of the unknown person (or unnamed title) starting at token `at`, where known.
    pub(super) fn at(&self, at: u32) -> Option<Gender> {
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

impl Run<'_> {
    /// What the gazetteer and the document say of the genders of the people mentioned.
    pub(super) fn genders(&self) -> Genders {
        let mut genders = Genders::default();
        for p in &self.pending {
            match p.key {
                Key::Gaz(g) if self.kind(g as usize) == crate::gazetteer::EntityKind::Person => {
                    if let std::collections::hash_map::Entry::Vacant(e) = genders.listed.entry(g) {
                        if let Some(said) = self.record(g as usize).attrs.get("gender").and_then(|s| Gender::parse(s)) {
                            e.insert(Said::Is(said));
                        }
                    }
                    if let Some(cue) = self.gender_cue(p) {
                        note(&mut genders.listed, g, cue);
                    }
                }
                Key::Unknown(k) if k != super::NONE => {
                    if let Some(cue) = self.gender_cue(p) {
                        note(&mut genders.unlisted, k, cue);
                    }
                }
                _ => {}
            }
        }
        // the unknown people a pronoun competes with: a person's phrase, or a title of no one
        // named ("the spokeswoman"), whose own words may say it
        for p in &self.pending {
            if let Key::Unknown(k) = p.key {
                if let Some(said) = genders.unlisted.get(&k).copied() {
                    genders.at.insert(p.phrase.start, said);
                }
            }
        }
        for &u in &self.unknown_people {
            if genders.at.contains_key(&u) {
                continue;
            }
            // the title's last word, the one next to where a name would be
            let end = super::TITLES.starting_at(self.text, u as usize).map_or(u as usize + 1, |t| t.0);
            if let Some(g) = of_word(self.word(end - 1)) {
                genders.at.insert(u, Said::Is(g));
            }
        }
        genders
    }

    /// The gender the word right before mention `p`'s name states ("Mrs May", "his wife Jill
    /// Biden"), a pronoun aside.
    fn gender_cue(&self, p: &Pending) -> Option<Gender> {
        if p.form == super::MentionForm::Pronoun {
            return None;
        }
        let first = p.name.start as usize;
        if first > 0 {
            let sentence = self.sentence(first);
            let mut prev = first - 1;
            // "Mr. Lavrov": the full stop of an abbreviation
            let toks = self.text.tokens();
            if self.word(prev) == "." && prev > 0 && toks[prev - 1].end() == toks[prev].start() {
                prev -= 1;
            }
            let before = self.word_in(prev, sentence) && !lexicon::PRONOUNS.contains(self.word(prev));
            if let Some(g) = before.then(|| of_word(self.word(prev))).flatten() {
                return Some(g);
            }
        }
        // a name that opens with its title ("Queen Margrethe", "Sheikh Tamim bin Hamad Al Thani")
        let name = p.name.start as usize..p.name.end as usize;
        let title = name.len() >= 2 && super::TITLES.get(self.word(first)).is_some();
        title.then(|| of_word(self.word(first))).flatten()
    }
}
