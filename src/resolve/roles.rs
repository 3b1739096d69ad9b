//! The roles pass: titles without names ("the Kazakh president", "Russia's foreign minister",
//! "the president of Kazakhstan", "his Kazakh counterpart") are the office holder on the
//! document's date; a title before a name no gazetteer lists introduces that person instead
//! (`unknown.rs`, asked first for each title, since a title belongs to one or the other).
//!
//! What names no one known is returned ([`Unnamed`]) for coreference: descriptions ("the
//! president") that may refer to someone named before, and titles of people resolution cannot
//! name, whom a pronoun may mean.

use crate::gazetteer::{EntityKind, Office};
use crate::lexicon::ListId;
use crate::text::normalize;

use super::classes::TokenClasses;
use super::context::Context;
use super::coref::Description;
use super::decide::Named;
use super::index::{GazIdx, PendingIdx, TokenIdx};
use super::mentions::{Key, Mentions, Pending};
use super::titles::{TitleOffice, TITLES};
use super::unknown::Unknown;
use super::words::list;
use super::MentionForm;

/// The titles that name no one known.
#[derive(Debug, Default)]
pub(super) struct Unnamed {
    /// Titles that name no office holder by themselves ("the president", "the Kazakh leader"),
    /// in order: candidates for coreference.
    pub(super) descriptions: Vec<Description>,
    /// The first tokens of titles of people the gazetteer does not know, in order: people a
    /// pronoun may refer to, whom resolution cannot name.
    pub(super) people: Vec<TokenIdx>,
}

/// The roles pass.
pub(super) struct Roles<'c, 'a> {
    cx: &'c Context<'a>,
    classes: &'c TokenClasses<'c>,
    named: &'c Named,
    unknown: &'c mut Unknown,
    mentions: &'c mut Mentions,
    unnamed: Unnamed,
}

impl<'c, 'a> Roles<'c, 'a> {
    /// Resolves the titles of the text, the longest at each start, left to right.
    #[inline(never)]
    pub(super) fn run(
        cx: &'c Context<'a>,
        classes: &'c TokenClasses<'c>,
        named: &'c Named,
        unknown: &'c mut Unknown,
        mentions: &'c mut Mentions,
    ) -> Unnamed {
        let mut pass = Roles { cx, classes, named, unknown, mentions, unnamed: Unnamed::default() };
        pass.roles();
        pass.unnamed
    }

    fn roles(&mut self) {
        let cx = self.cx;
        let spans = cx.spans.as_slice();
        // every title of the text, the longest at each start (as `TITLES.starting_at` gives it)
        let titles = TITLES.all_in(cx.text, self.classes);
        let mut next = 0;
        // the first span that ends after a token (spans are sorted and disjoint)
        let mut s = 0;
        while next < titles.len() {
            let (i, end, office) = titles[next];
            next += 1;
            while s < spans.len() && spans[s].end() <= i {
                s += 1;
            }
            let decided = s < spans.len() && spans[s].start() <= i && self.mentions.decided(s).is_some();
            if self.mentions.taken.contains(i) || decided {
                continue;
            }
            let unknown = self.unknown.titled(cx, self.named, self.mentions, i, end);
            if let Some(p) = unknown.or_else(|| self.role_at(i, end, office)) {
                let phrase = self.mentions.get(p).phrase();
                self.mentions.taken.insert_range(phrase);
            } else {
                // a title that names no one known is still someone ("the US envoy", "the Sri
                // Lankan prime minister"): a pronoun nearby may mean that one (see `coref.rs`),
                // unless it is a description coreference will look at, or a word as often used of
                // no one ("in general", "a leader in", "the chair")
                let described = self.unnamed.descriptions.last().is_some_and(|d| d.starts_at(i));
                let listed = self.unnamed.people.last() == Some(&TokenIdx::new(i));
                let title = cx.normalized(i, end);
                let vague = cx.list(ListId::UnownedTitles).contains(title);
                if !described && !listed && !vague {
                    self.unnamed.people.push(TokenIdx::new(i));
                }
            }
            // the scan goes on after the title, whether or not it named an office holder
            while titles.get(next).is_some_and(|t| t.0 < end) {
                next += 1;
            }
        }
    }

    /// The office holder the title at tokens `start..end` names with its owner ("the Kazakh
    /// president", "the president of Kazakhstan"): pushes the mention and returns its index. A
    /// title that names no one known goes to `unnamed` instead, for coreference.
    fn role_at(&mut self, start: usize, end: usize, office: TitleOffice) -> Option<PendingIdx> {
        let cx = self.cx;
        let toks = cx.text.tokens();
        let sentence = cx.sentence(start);
        // a name we do not know follows: the title is that person's, not the office holder's
        if end < toks.len() && cx.word_in(end, sentence) && cx.capitalised(end) && !cx.title_case(sentence) {
            let w = cx.word(end);
            let known = cx.spans.at(end).is_some_and(|s| self.mentions.decided(s).is_some());
            if !known && !cx.is_in(w, list::CALENDAR) && w != "of" {
                // someone the gazetteer does not know: "he" or "the minister" may be this one
                self.unnamed.people.push(TokenIdx::new(start));
                return None;
            }
        }
        let mut phrase = start..end;
        let mut owner = None;
        if let Some((owner_start, o)) = self.mentions.owner_before(self.cx, start) {
            owner = Some(o);
            phrase.start = owner_start;
        } else if end + 1 < toks.len() && cx.word(end) == "of" {
            let mut at = end + 1;
            if cx.word(at) == "the" {
                at += 1;
            }
            if let Some(s) = cx.spans.starting_at(at) {
                if cx.sentence(at) == sentence {
                    if let Some(o) = self.mentions.owner_at(self.cx, s) {
                        owner = Some(o);
                        phrase.end = cx.spans.get(s).end();
                    }
                }
            }
        }
        let Some(owner) = owner else {
            // "the president" with no owner: someone named before, if anyone (see `coref.rs`)
            if start > 0 && cx.word(start - 1) == "the" && !matches!(office, TitleOffice::Counterpart) {
                self.unnamed.descriptions.push(Description::new(start..end, start..end, office, None));
            }
            return None;
        };
        if !cx.same_pattern(phrase.start, phrase.end - 1) || cx.in_pattern(phrase.start).is_some() {
            return None;
        }
        if phrase.start > 0 && cx.is_in(cx.word(phrase.start - 1), list::NOT_NOW) {
            return None;
        }
        let (office, same_title) = match office {
            TitleOffice::Office(o) => (o, None),
            TitleOffice::Counterpart => {
                // the office of the person this one is the counterpart of: the last person named
                let (at, person) = self.named.last_before(start)?;
                if cx.sentence(at) + 1 < sentence {
                    return None;
                }
                let role = cx.resolver.role_on(cx.gazetteer, person, cx.date)?.0;
                (role.office, Some(normalize(&role.title)))
            }
        };
        // the one person holding one of `holders`' roles on the date, if exactly one does
        let sole_holder = |holders: &[(usize, usize)]| {
            let mut current = holders.iter().filter(|(p, k)| cx.record(*p).roles[*k].held_on(cx.date));
            let (person, _) = *current.next()?;
            (!current.any(|(p, _)| *p != person)).then_some(person)
        };
        // a counterpart holds the same title where the owner has one (a president's counterpart
        // is the other country's president, even where its president heads the government and a
        // supreme leader the state), else the same office
        let by_title = same_title.as_ref().and_then(|t| cx.resolver.titled(owner, t)).and_then(sole_holder);
        let person = match by_title {
            Some(person) => person,
            None if office == Office::Other => {
                let title = cx.normalized(start, end);
                match cx.resolver.titled(owner, title).and_then(sole_holder) {
                    Some(person) => person,
                    None => {
                        // "the Kazakh leader": a state's leader named before, if anyone
                        if title == "leader" && cx.kind(owner) == EntityKind::Country {
                            let d = Description::new(phrase, start..end, TitleOffice::Office(office), Some(owner));
                            self.unnamed.descriptions.push(d);
                        }
                        return None;
                    }
                }
            }
            None => {
                // the title as written decides among the owner's offices (see `Resolver::holder`)
                let fam = match &same_title {
                    Some(t) => cx.resolver.words.family(t),
                    None => cx.family_of(start, end),
                };
                cx.resolver.holder(cx.gazetteer, owner, office, fam, cx.date)?
            }
        };
        let mut pending = Pending::new(Key::Gaz(GazIdx::new(person)), phrase, MentionForm::Role);
        pending.acts_for = Some(GazIdx::new(owner));
        // (the decide pass, which alone reads who was seen last, is over)
        Some(self.mentions.push(pending))
    }
}
