//! The resolver's word lists ([`Words`]), from an extractor's lexicon (`lexicon/`): the lists the
//! passes look words up in, and one index that answers for nine of them in one probe.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::gender::{self, Gender};
use super::named_orgs;
use super::titles::{self, Family};
use crate::lexicon::{Lexicon, ListId, WordList};

/// The lists of the one-probe index, as bits.
pub(super) mod list {
    pub const FUNCTION: u16 = 1;
    pub const CALENDAR: u16 = 1 << 1;
    pub const COMMON: u16 = 1 << 2;
    pub const SUFFIX: u16 = 1 << 3;
    pub const GEO: u16 = 1 << 4;
    pub const GROUP: u16 = 1 << 5;
    pub const VERB: u16 = 1 << 6;
    pub const LOCATIVE: u16 = 1 << 7;
    pub const NOT_NOW: u16 = 1 << 8;
}

/// An extractor's word lists as resolution reads them.
#[derive(Debug, Clone)]
pub(crate) struct Words {
    lexicon: Arc<Lexicon>,
    /// Every word of the lists of [`list`] -> the lists it is in: one hash probe answers for all
    /// of them, where a scan of a list costs a comparison per entry.
    index: FxHashMap<Box<str>, u16>,
    /// Every word that states a gender -> that gender (see `gender.rs`).
    genders: FxHashMap<Box<str>, Gender>,
    /// Head words of organisations named after a country -> their sector (see `named_orgs.rs`).
    org_heads: FxHashMap<Box<str>, Box<str>>,
    /// Titles by family (see `titles.rs`).
    families: FxHashMap<Box<str>, Family>,
    /// The pronouns of at most three bytes, packed (see [`Words::short_pronoun`]), sorted.
    short_pronouns: Vec<u32>,
}

/// A word of at most three bytes as one number: its bytes and its length.
fn pack(w: &[u8]) -> Option<u32> {
    if w.len() > 3 {
        return None;
    }
    let byte = |k: usize| u32::from(w.get(k).copied().unwrap_or(0));
    Some(byte(0) | byte(1) << 8 | byte(2) << 16 | (w.len() as u32) << 24)
}

impl Words {
    pub(crate) fn new(lexicon: Arc<Lexicon>) -> Words {
        let index = lexicon.flags(&[
            (ListId::FunctionWords, list::FUNCTION),
            (ListId::Calendar, list::CALENDAR),
            (ListId::CommonWords, list::COMMON),
            (ListId::NameSuffixes, list::SUFFIX),
            (ListId::GeoModifiers, list::GEO),
            (ListId::GroupNouns, list::GROUP),
            (ListId::NewsVerbs, list::VERB),
            (ListId::Locatives, list::LOCATIVE),
            (ListId::NotNow, list::NOT_NOW),
        ]);
        let genders = gender::gendered_words(&lexicon);
        let org_heads = named_orgs::heads(&lexicon);
        let families = titles::families(&lexicon);
        let mut short_pronouns: Vec<u32> =
            lexicon[ListId::Pronouns].entries().filter_map(|w| pack(w.as_bytes())).collect();
        short_pronouns.sort_unstable();
        Words { lexicon, index, genders, org_heads, families, short_pronouns }
    }

    /// Whether normalised word `w` (its bytes) is a pronoun of `lexicon/pronouns.txt` of at most
    /// three bytes: a test of a number, where the list's is a hash look-up.
    pub(super) fn short_pronoun(&self, w: &[u8]) -> bool {
        pack(w).is_some_and(|k| self.short_pronouns.binary_search(&k).is_ok())
    }

    /// Whether normalised word `w` is in any of the lists `lists` (bits of [`list`]).
    pub(super) fn is_in(&self, w: &str, lists: u16) -> bool {
        self.index.get(w).is_some_and(|&bits| bits & lists != 0)
    }

    /// Every word of the lists of [`list`], with the lists it is in (for `classes.rs`).
    pub(super) fn listed(&self) -> impl Iterator<Item = (&str, u16)> {
        self.index.iter().map(|(w, &bits)| (&**w, bits))
    }

    /// Whether `w` lower-cased is one of `lexicon/title-case-small.txt` (short words headlines
    /// leave in lower case). Only ASCII lower-cases to these words (the Kelvin sign, the one other
    /// letter that lower-cases to ASCII, makes a `k`, which none has).
    pub(super) fn title_case_small(&self, w: &str) -> bool {
        w.len() <= 4 && self.lexicon[ListId::TitleCaseSmall].entries().any(|s| w.eq_ignore_ascii_case(s))
    }

    /// The gender normalised word `w` states, if it does.
    pub(super) fn gender_of(&self, w: &str) -> Option<Gender> {
        self.genders.get(w).copied()
    }

    /// The sector of organisations whose name ends in head word `written` ("Airways"), if it is one.
    pub(super) fn org_head(&self, written: &str) -> Option<&str> {
        self.org_heads.get(written).map(|s| &**s)
    }

    /// The family of normalised title `title`, if it has one.
    pub(super) fn family(&self, title: &str) -> Option<Family> {
        titles::family_in(&self.families, title)
    }

    /// The list `id`.
    pub(super) fn list(&self, id: ListId) -> &WordList {
        &self.lexicon[id]
    }

    /// The lexicon the lists come from.
    pub(super) fn lexicon(&self) -> &Arc<Lexicon> {
        &self.lexicon
    }
}
