//! What every pass after the first reads and none changes ([`Context`]): the resolver's indexes,
//! the gazetteer, the matcher, the text, the date, what is known of each sentence, and the
//! candidate names and pattern entities; and the questions about a name's surroundings that the
//! passes ask of it (is this word inside a longer name, does a verb follow it).

use std::ops::Range;

use crate::date::Date;
use crate::gazetteer::{EntityKind, EntityRecord, Gazetteer};
use crate::matcher::Matcher;
use crate::text::{Text, TokenKind};

use super::candidates::{Patterns, Spans};
use super::index::{FindIdx, TokenIdx};
use super::patterns::Found;
use super::titles::{Family, TITLES};
use super::words::{list, Words};
use super::{at_least_chars, has_lowercase, Resolver};
use crate::lexicon::{ListId, WordList};

/// What resolution needs to know of a sentence.
#[derive(Debug, Clone, Copy)]
pub(super) struct SentenceInfo {
    /// Its first word (its first token when it has none).
    pub(super) first_word: TokenIdx,
    /// Written in title case (a headline).
    pub(super) title_case: bool,
    /// Written in capitals.
    pub(super) all_caps: bool,
}

/// The read-only context of resolving one document, shared by `&` with every pass.
pub(super) struct Context<'a> {
    pub(super) resolver: &'a Resolver,
    pub(super) gazetteer: &'a Gazetteer,
    pub(super) matcher: &'a Matcher,
    pub(super) text: &'a Text<'a>,
    pub(super) date: Date,
    pub(super) sentences: Vec<SentenceInfo>,
    /// The gazetteer names found, from the candidates pass.
    pub(super) spans: Spans,
    /// The pattern entities found, from the candidates pass.
    pub(super) patterns: Patterns,
}

impl<'a> Context<'a> {
    /// The context of `text`, with the names and pattern entities the candidates pass found in it.
    pub(super) fn new(
        resolver: &'a Resolver,
        gazetteer: &'a Gazetteer,
        matcher: &'a Matcher,
        text: &'a Text<'a>,
        date: Date,
        spans: Spans,
        patterns: Patterns,
    ) -> Context<'a> {
        Context {
            resolver,
            gazetteer,
            matcher,
            text,
            date,
            sentences: sentences(text, &resolver.words),
            spans,
            patterns,
        }
    }

    /// The pattern entities and their tokens: all the output pass needs of this context, which
    /// it frees before the output grows.
    pub(super) fn into_finds(self) -> Vec<(Found, Range<usize>)> {
        self.patterns.finds
    }

    #[inline]
    pub(super) fn record(&self, gaz: usize) -> &'a EntityRecord {
        &self.gazetteer.entities()[gaz]
    }

    #[inline]
    pub(super) fn kind(&self, gaz: usize) -> EntityKind {
        self.record(gaz).kind
    }

    #[inline]
    pub(super) fn word(&self, i: usize) -> &'a str {
        self.text.token_text(i)
    }

    /// Whether normalised word `w` is in any of the lists `lists` (bits of [`list`]).
    #[inline]
    pub(super) fn is_in(&self, w: &str, lists: u16) -> bool {
        self.resolver.words.is_in(w, lists)
    }

    /// The gender normalised word `w` states, if it does (`lexicon/gender-*.txt`).
    #[inline]
    pub(super) fn gender_of(&self, w: &str) -> Option<super::gender::Gender> {
        self.resolver.words.gender_of(w)
    }

    /// The word list `id` of the extractor's lexicon.
    #[inline]
    pub(super) fn list(&self, id: ListId) -> &'a WordList {
        self.resolver.words.list(id)
    }

    #[inline]
    pub(super) fn capitalised(&self, i: usize) -> bool {
        self.text.token_original(i).chars().next().is_some_and(char::is_uppercase)
    }

    #[inline]
    pub(super) fn sentence(&self, i: usize) -> usize {
        self.text.tokens()[i].sentence()
    }

    #[inline]
    pub(super) fn title_case(&self, sentence: usize) -> bool {
        self.sentences[sentence].title_case
    }

    #[inline]
    pub(super) fn is_word(&self, i: usize) -> bool {
        self.text.tokens().get(i).is_some_and(|t| t.kind() == TokenKind::Word)
    }

    /// Token `i` exists, is a word, and is in sentence `sentence`.
    #[inline]
    pub(super) fn word_in(&self, i: usize, sentence: usize) -> bool {
        self.is_word(i) && self.sentence(i) == sentence
    }

    /// Whether token `i` opens its sentence (after quotes and brackets).
    #[inline]
    pub(super) fn sentence_initial(&self, i: usize) -> bool {
        self.sentences.get(self.sentence(i)).is_some_and(|s| s.first_word.get() == i)
    }

    /// The normalised text of tokens `start..end`.
    #[inline]
    pub(super) fn normalized(&self, start: usize, end: usize) -> &'a str {
        let toks = self.text.tokens();
        &self.text.normalized()[toks[start].norm().start..toks[end - 1].norm().end]
    }

    /// The family of the title that tokens `start..end` spell.
    pub(super) fn family_of(&self, start: usize, end: usize) -> Option<Family> {
        self.resolver.words.family(self.normalized(start, end))
    }

    /// The pattern entity that covers token `t`.
    #[inline]
    pub(super) fn in_pattern(&self, t: usize) -> Option<FindIdx> {
        self.patterns.at(t)
    }

    /// Tokens `a` and `b` lie in the same pattern entity, or both outside any.
    #[inline]
    pub(super) fn same_pattern(&self, a: usize, b: usize) -> bool {
        self.patterns.same(a, b)
    }

    /// The word before `i` in its sentence is a capitalised word that is not a name we know, a
    /// title, or a function word: `i` continues someone else's name ("Hunter Biden").
    pub(super) fn continues_a_name(&self, first: usize) -> bool {
        if first == 0 {
            return false;
        }
        let prev = first - 1;
        let sentence = self.sentence(first);
        if !self.word_in(prev, sentence) || !self.capitalised(prev) || self.title_case(sentence) {
            return false;
        }
        if self.is_in(self.word(prev), list::FUNCTION) {
            return false;
        }
        self.spans.at(prev).is_none() && TITLES.ending_at(self.text, first).is_none()
    }

    /// A place that ends a longer name the gazetteer does not list: "Real Madrid", "Bank of
    /// England", "University of Tokyo" (but "Western Europe", "President of France").
    pub(super) fn inside_a_longer_name(&self, first: usize) -> bool {
        if first == 0 {
            return false;
        }
        let prev = first - 1;
        if self.continues_a_name(first) {
            return !self.is_in(self.word(prev), list::GEO);
        }
        self.word(prev) == "of" && self.sentence(prev) == self.sentence(first) && self.continues_a_name(prev)
    }

    /// The word after the span is a capitalised word that is no name we know: the span is the
    /// start of a longer name ("Putin Street", "Jordan Peterson").
    pub(super) fn followed_by_a_name(&self, last: usize) -> bool {
        let toks = self.text.tokens();
        if last >= toks.len() || last == 0 {
            return false;
        }
        let sentence = self.sentence(last - 1);
        if !self.word_in(last, sentence) || !self.capitalised(last) || self.title_case(sentence) {
            return false;
        }
        let w = self.word(last);
        if self.spans.at(last).is_some()
            || self.is_in(w, list::CALENDAR)
            || TITLES.starting_at(self.text, last).is_some()
        {
            return false;
        }
        true
    }

    /// The next token starts a span that may name a person, in the same sentence, with nothing
    /// between them (headlines in title case aside, where every word is capitalised).
    pub(super) fn followed_by_a_person(&self, last: usize) -> bool {
        if last >= self.text.tokens().len() || last == 0 {
            return false;
        }
        let sentence = self.sentence(last - 1);
        if !self.word_in(last, sentence) || !self.capitalised(last) || self.title_case(sentence) {
            return false;
        }
        self.spans.starting_at(last).is_some_and(|s| self.may_be(s, EntityKind::Person))
    }

    /// Whether one of the candidates of span `s` is of kind `kind`.
    #[inline]
    pub(super) fn may_be(&self, s: usize, kind: EntityKind) -> bool {
        self.spans.cands(s).iter().any(|c| self.kind(c.gaz()) == kind)
    }

    /// The next word is a suffix that makes a new name ("Niger Delta", "Putin Street").
    pub(super) fn followed_by_suffix(&self, last: usize) -> bool {
        last < self.text.tokens().len()
            && self.word_in(last, self.sentence(last - 1))
            && self.capitalised(last)
            && self.is_in(self.word(last), list::SUFFIX)
    }

    /// A group noun follows ("Central Asian countries").
    pub(super) fn is_group(&self, last: usize) -> bool {
        last < self.text.tokens().len()
            && self.word_in(last, self.sentence(last - 1))
            && self.is_in(self.word(last), list::GROUP)
    }

    /// What follows a name at the start of a sentence shows it is one: a possessive ("Chad's"), a
    /// verb of news ("Chad said"), or a list of countries ("Chad and Niger").
    pub(super) fn acts_next(&self, last: usize) -> bool {
        let toks = self.text.tokens();
        let Some(next) = toks.get(last) else { return false };
        if next.kind() == TokenKind::Possessive {
            return true;
        }
        if next.sentence() != toks[last - 1].sentence() {
            return false;
        }
        let w = self.word(last);
        if self.is_in(w, list::VERB) {
            return true;
        }
        if matches!(w, "and" | "or" | "," | "-") {
            if let Some(s) = self.spans.at(last + 1) {
                return self.spans.get(s).start() == last + 1 && self.may_be(s, EntityKind::Country);
            }
        }
        false
    }

    /// The ISO3 code of a country, or of the country a place lies in.
    pub(super) fn country_code(&self, gaz: usize) -> Option<&'a str> {
        let record = self.record(gaz);
        match record.kind {
            EntityKind::Country => record.attrs.get("iso3").map(String::as_str).or(record.id.strip_prefix("country:")),
            EntityKind::Place => record.attrs.get("country").map(String::as_str),
            _ => None,
        }
    }

    /// Whether `person` holds an office on the document's date (a role coded `ELI`, an elite out
    /// of office, is none).
    pub(super) fn holds_office_on_date(&self, person: usize) -> bool {
        self.record(person)
            .roles
            .iter()
            .any(|r| r.held_on(self.date) && !r.actor.as_deref().is_some_and(|a| a.ends_with("ELI")))
    }
}

/// What resolution needs to know of each sentence of `text`.
fn sentences(text: &Text<'_>, words: &Words) -> Vec<SentenceInfo> {
    let toks = text.tokens();
    let mut sentences = Vec::with_capacity(text.sentences().len());
    for s in text.sentences() {
        let mut first_word = None;
        // longer words, and whether all so far are capitalised (the first in lower case settles
        // that the sentence is no title, and the words after need no look-up); words of two bytes
        // or more, and how many are in capitals
        let (mut long, mut all_upper, mut letters, mut caps) = (0usize, true, 0usize, 0usize);
        // whether the words seen settle that the sentence is neither a title nor in capitals
        let mut settled = false;
        let end = s.tokens().end;
        for i in s.tokens() {
            if toks[i].kind() != TokenKind::Word {
                continue;
            }
            first_word.get_or_insert(i);
            let w = text.token_original(i);
            if all_upper && three_chars(w) && !words.title_case_small(w) {
                long += 1;
                all_upper = w.chars().next().is_some_and(char::is_uppercase);
            }
            if w.len() >= 2 {
                letters += 1;
                caps += usize::from(!has_lower(w));
            }
            // in capitals needs four words in five in capitals: with one word in five of those
            // it could still see in lower case already, the rest cannot make it so
            if !all_upper && 5 * (letters - caps) > letters + (end - i - 1) {
                settled = true;
                break;
            }
        }
        sentences.push(SentenceInfo {
            first_word: TokenIdx::new(first_word.unwrap_or(s.tokens().start)),
            // a headline in title case: every longer word capitalised
            title_case: long >= 3 && all_upper,
            all_caps: !settled && letters >= 3 && caps * 10 >= letters * 8,
        });
    }
    sentences
}

/// `at_least_chars(w, 3)`, at once when the first three bytes are ASCII (most words).
#[inline]
fn three_chars(w: &str) -> bool {
    w.len() >= 3 && (w.as_bytes()[..3].is_ascii() || at_least_chars(w, 3))
}

/// `has_lowercase(w)`, reading an ASCII word only up to its first lower-case letter (most words:
/// the second byte).
#[inline]
fn has_lower(w: &str) -> bool {
    for &b in w.as_bytes() {
        if b.is_ascii_lowercase() {
            return true;
        }
        if b >= 0x80 {
            return has_lowercase(w);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    /// What `sentences` tells, counted over every word (it stops early once the answer is settled).
    fn counted(text: &Text<'_>, words: &Words) -> Vec<(bool, bool)> {
        let toks = text.tokens();
        let word_tokens = |s: &crate::text::Sentence| s.tokens().filter(|&i| toks[i].kind() == TokenKind::Word);
        let sentences = text.sentences().iter();
        sentences
            .map(|s| {
                let long: Vec<&str> = word_tokens(s)
                    .map(|i| text.token_original(i))
                    .filter(|w| at_least_chars(w, 3) && !words.title_case_small(w))
                    .collect();
                let upper = long.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
                let two: Vec<&str> = word_tokens(s).map(|i| text.token_original(i)).filter(|w| w.len() >= 2).collect();
                let caps = two.iter().filter(|w| !has_lowercase(w)).count();
                (long.len() >= 3 && upper == long.len(), two.len() >= 3 && caps * 10 >= two.len() * 8)
            })
            .collect()
    }

    #[test]
    fn the_quick_word_tests_tell_what_the_slow_ones_tell() {
        for w in [
            "",
            "a",
            "ab",
            "abc",
            "ABC",
            "A.B",
            "\u{e9}t\u{e9}",
            "\u{c9}TAT",
            "X\u{e9}",
            "AB\u{e9}",
            "US$",
            "\u{1d400}\u{1d401}\u{1d402}",
            "NATO",
            "Nato",
        ] {
            assert_eq!(three_chars(w), at_least_chars(w, 3), "{w}");
            assert_eq!(has_lower(w), has_lowercase(w), "{w}");
        }
    }

    #[test]
    fn sentences_stop_early_and_tell_the_same() {
        let words = Words::new(Lexicon::embedded().clone());
        let input = "Rebels Seize Key Town In The North\n\nTROOPS LEAVE THE BORDER AREA AS TALKS BEGIN\n\n\
                     the UN SAYS TROOPS WILL LEAVE THE CAPITAL SOON AFTER TALKS\n\n\
                     The minister said on Monday that talks would resume. OFFICIALS in the capital SAID NOTHING \
                     ELSE TODAY ABOUT IT. Talks Resume After A Long Pause in the capital\n\n\
                     A B C. War. Ministers Meet Again";
        let text = Text::new(input);
        let got: Vec<(bool, bool)> = sentences(&text, &words).iter().map(|s| (s.title_case, s.all_caps)).collect();
        assert_eq!(got, counted(&text, &words));
        assert!(got.iter().any(|s| s.0) && got.iter().any(|s| s.1) && got.iter().any(|s| !s.0 && !s.1));
    }
}
