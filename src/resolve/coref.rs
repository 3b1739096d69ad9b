//! Coreference: pronouns ("he", "her") and definite descriptions ("the president") that refer back
//! to a person named earlier in the document, so that rules can take them as entity slots ("He
//! later met Kazakh President Kassym-Jomart Tokayev").
//!
//! Precision comes first: a wrong link makes wrong relations, a missing one only misses some. So
//! a reference is linked only when one person is the plain answer, and left alone otherwise:
//!
//! - **pronouns** (he, she, him, his, her; never "it" or "they", which as often name states,
//!   ministries and crowds) look back over their own sentence and the two before it, nearest
//!   sentence first. The nearest sentence with a person in it decides: two different people there
//!   (or someone the gazetteer does not know, such as "Deputy Minister Aidos Nurlanov") and the
//!   pronoun stays unresolved; one person is the answer when that person is the sentence's subject
//!   (it opens the sentence, or its main clause after a comma), or when no one else appears in the
//!   rest of the window. A pronoun's gender rules out the people of the other gender before any
//!   of this (`gender.rs` says whose gender is known and how): they are neither candidates nor
//!   competitors, so "Queen Margrethe received Emmanuel Macron. He …" is Macron, the one person
//!   left, and the tests above then apply to those left, unchanged (precision first: two people
//!   left, or one who is not the subject with someone else left further back, leave the pronoun
//!   alone). Unknown people whose title says the other gender ("Kremlin spokesman …" for "she"),
//!   and unresolved pronouns of the other gender, do not compete either. Names are never read
//!   for a gender. A pronoun inside a quotation, or in a clause that opens the sentence ("After
//!   he arrived, …"), is left alone: it may point ahead, or to the speaker. An object ("briefed
//!   him") is left alone when its own sentence names someone before it who may be meant (that
//!   one is most often its clause's subject, which it cannot be), and a pronoun left unresolved
//!   counts as one more unknown person for the pronouns after it. "He" before a capitalised word
//!   is a name ("He Lifeng"), and "his" before a title or a name only introduces that phrase.
//! - **definite descriptions** ("the president", "the prime minister", "the foreign minister",
//!   "the minister") after "the", with no owner (those with one, "the Kazakh president", are
//!   office holders by date, see `role_at`), look back over their sentence and the three before
//!   it for the people whose roles on the document's date fit the title; exactly one must fit.
//!   A state's "leader" ("the Kazakh leader", "China's leader"), which no gazetteer role is
//!   called, is likewise the one head of that state's state or government in that window.
//!
//! A linked reference becomes a mention of the person already in the document, of form
//! [`MentionForm::Pronoun`], acting for the person's state as the person's own mentions do. It is
//! tentative, so it never creates an entity or keeps one alive on its own, and it changes no
//! entity's names (only names and short names become aliases). It is listed in the output's
//! `mentions` like a role mention, with `text` the pronoun or title as written and exact offsets:
//! the mentions list says where the document refers to an entity, and a relation whose evidence
//! reads "He met …" can then be traced to whom "He" is.
//!
//! Cost: one look at each word for the five pronouns; the rest runs only where one is found.

use crate::lexicon;
use std::ops::Range;

use super::gender::{self, Gender, Genders};
use super::*;

/// A title that names no office holder by itself, which may refer to someone named before.
#[derive(Debug, Clone)]
pub(super) struct Description {
    /// The tokens of the phrase ("Kazakh leader").
    phrase: Range<u32>,
    /// The tokens of the title ("leader").
    title: Range<u32>,
    office: TitleOffice,
    /// The state it is of, or `NONE` ("the president").
    owner: u32,
}

impl Description {
    pub(super) fn new(phrase: Range<usize>, title: Range<usize>, office: TitleOffice, owner: Option<usize>) -> Self {
        Description {
            phrase: phrase.start as u32..phrase.end as u32,
            title: title.start as u32..title.end as u32,
            office,
            owner: owner.map_or(NONE, |o| o as u32),
        }
    }

    /// Whether its title starts at token `i`.
    pub(super) fn starts_at(&self, i: usize) -> bool {
        self.title.start as usize == i
    }
}

/// A person mention a later reference may point to.
#[derive(Debug, Clone, Copy)]
struct Antecedent {
    /// First token of its phrase.
    start: u32,
    sentence: u32,
    person: u32,
    /// Opens its sentence or its main clause.
    subject: bool,
}

/// Not yet worked out (in the per-sentence cache of unknown people).
const UNASKED: u32 = NONE - 1;

/// What a pronoun asks of the people before it besides their places.
struct Asked<'g> {
    /// The pronoun's gender.
    gender: Option<Gender>,
    genders: &'g Genders,
    /// The pronouns and descriptions left unresolved so far, by position.
    refused: &'g [u32],
}

impl Run<'_> {
    /// Links the pronouns and definite descriptions of the text to people named before them.
    pub(super) fn coreference(&mut self) {
        let toks = self.text.tokens();
        // people no gazetteer lists, named after a title (see `unknown.rs`), are someone a pronoun
        // may mean: they compete as unknown people, so that "he" after one is not taken for a
        // person named before
        let before = self.unknown_people.len();
        self.unknown_people.extend(self.pending.iter().filter_map(|p| match p.key {
            Key::Unknown(k) if k != NONE => Some(p.phrase.start),
            _ => None,
        }));
        if self.unknown_people.len() > before {
            self.unknown_people.sort_unstable();
            self.unknown_people.dedup();
        }
        // the references, in text order: (start, end, the description it is, or `NONE`)
        let mut refs: Vec<(u32, u32, u32)> = Vec::new();
        let mut d = 0;
        for (i, t) in toks.iter().enumerate() {
            // a pronoun is two or three bytes: most words are turned away by their length
            if t.kind() != TokenKind::Word || t.norm().len() > 3 || !lexicon::PRONOUNS.contains(self.word(i)) {
                continue;
            }
            while d < self.descriptions.len() && self.descriptions[d].phrase.start as usize <= i {
                let p = &self.descriptions[d].phrase;
                refs.push((p.start, p.end, d as u32));
                d += 1;
            }
            if self.pronoun_can_refer(i) {
                refs.push((i as u32, i as u32 + 1, NONE));
            }
        }
        refs.extend(
            self.descriptions[d..].iter().enumerate().map(|(k, x)| (x.phrase.start, x.phrase.end, (d + k) as u32)),
        );
        if refs.is_empty() {
            return;
        }

        // the people named, by position: every person mention made so far
        let mut named: Vec<Antecedent> = self
            .pending
            .iter()
            .filter_map(|p| match p.key {
                Key::Gaz(g) if self.kind(g as usize) == EntityKind::Person => {
                    let start = p.phrase.start as usize;
                    Some(Antecedent {
                        start: start as u32,
                        sentence: self.sentence(start) as u32,
                        person: g,
                        subject: self.opens_clause(start),
                    })
                }
                _ => None,
            })
            .collect();
        if named.is_empty() {
            return;
        }
        named.sort_unstable_by_key(|a| a.start);
        let genders = self.genders();
        // the references linked so far, which later ones may point to in turn
        let mut linked: Vec<Antecedent> = Vec::new();
        let mut window: Vec<Antecedent> = Vec::new();
        // per sentence and pronoun gender, where its first unknown person who may be meant starts
        // (see `first_unknown_person`), found once, when first asked
        let mut unknown = vec![[UNASKED; 2]; self.sentences.len()];
        // the pronouns and descriptions left unresolved so far: each stands for someone who may be
        // meant again ("Zelensky thanked him for his support": "his" may be whoever "him" is)
        let mut refused: Vec<u32> = Vec::new();
        let mut added: Vec<Pending> = Vec::new();
        for (start, end, description) in refs {
            let (start, end) = (start as usize, end as usize);
            let sentence = self.sentence(start);
            let depth = if description == NONE { 2 } else { 3 };
            let lowest = sentence.saturating_sub(depth) as u32;
            window.clear();
            // a pronoun's gender rules out the people of the other (see `gender.rs`)
            let pronoun = if description == NONE { gender::of_word(self.word(start)) } else { None };
            for list in [&named, &linked] {
                let k = list.partition_point(|a| (a.start as usize) < start);
                let near = list[..k].iter().rev().take_while(|a| a.sentence >= lowest);
                window.extend(near.filter(|a| gender::fits(genders.listed(a.person), pronoun)));
            }
            let person = match self.descriptions.get(description as usize) {
                None => {
                    let asked = Asked { gender: pronoun, genders: &genders, refused: &refused };
                    self.pronoun_antecedent(start, sentence, lowest as usize, &window, &mut unknown, &asked)
                }
                Some(d) => self.description_antecedent(d, lowest as usize, &window),
            };
            let Some(person) = person else {
                refused.push(start as u32);
                continue;
            };
            let mut pending = Pending::new(Key::Gaz(person), start..end, MentionForm::Pronoun);
            // it refers to an entity named elsewhere, and never stands for one on its own
            pending.tentative = true;
            pending.acts_for = self.r.role_on(self.g, person as usize, self.date).map_or(NONE, |(_, o)| o as u32);
            added.push(pending);
            self.taken.insert_range(start..end);
            linked.push(Antecedent {
                start: start as u32,
                sentence: sentence as u32,
                person,
                subject: self.opens_clause(start),
            });
        }
        if added.is_empty() {
            return;
        }
        // into the mentions in text order, so that they stay nearly sorted: appended at the end,
        // they would make sorting them at the end cost a full sort
        let old = std::mem::take(&mut self.pending);
        let mut merged = Vec::with_capacity(old.len() + added.len());
        let mut added = added.into_iter().peekable();
        for p in old {
            while let Some(a) = added.next_if(|a| a.phrase.start < p.phrase.start) {
                merged.push(a);
            }
            merged.push(p);
        }
        merged.extend(added);
        self.pending = merged;
    }

    /// Whether the pronoun at `i` stands on its own (not inside a name or a pattern entity, not
    /// "his" before a title or a name, whose phrase it only introduces), outside quotations and
    /// leading clauses.
    fn pronoun_can_refer(&self, i: usize) -> bool {
        let sentence = self.sentence(i);
        let info = self.sentences[sentence];
        if info.all_caps || info.title_case || self.taken.contains(i) || self.in_pattern(i).is_some() {
            return false;
        }
        if self.span_at(i).is_some_and(|s| self.decided(s).is_some()) {
            return false;
        }
        let next = i + 1;
        // "He Lifeng": a name the gazetteer does not know
        if self.word_in(next, sentence) && self.capitalised(next) && !is_in(self.word(next), list::CALENDAR) {
            return false;
        }
        if matches!(self.word(i), "his" | "her") && self.word_in(next, sentence) {
            let in_unit = self.taken.contains(next) || self.span_at(next).is_some_and(|s| self.decided(s).is_some());
            if in_unit || TITLES.starting_at(self.text, next).is_some() {
                return false;
            }
        }
        let first = info.first_word as usize;
        let mut quotes = 0;
        let mut comma = false;
        for t in first..i {
            match self.word(t) {
                "\"" => quotes += 1,
                "," => comma = true,
                _ => {}
            }
        }
        // a quotation before the sentence's first word ("\"He …") counts too
        quotes += (self.text.sentences()[sentence].tokens().start..first).filter(|&t| self.word(t) == "\"").count();
        if quotes % 2 == 1 {
            return false;
        }
        comma || !lexicon::SUBORDINATORS.contains(self.word(first))
    }

    /// "him", or "her" not followed by what it possesses ("thanked her for", "met her.").
    fn is_object_pronoun(&self, i: usize) -> bool {
        match self.word(i) {
            "him" => true,
            "her" => !self.word_in(i + 1, self.sentence(i)) || is_in(self.word(i + 1), list::FUNCTION),
            _ => false,
        }
    }

    /// Whether the phrase starting at token `start` opens its sentence, or its main clause after
    /// an opening phrase and a comma ("In Astana, Tokayev said …"), an article aside.
    fn opens_clause(&self, start: usize) -> bool {
        let first = self.sentences[self.sentence(start)].first_word as usize;
        let mut at = start;
        if at > first && self.word(at - 1) == "the" {
            at -= 1;
        }
        at == first || (at > first + 1 && self.word(at - 1) == ",")
    }

    /// The person the pronoun at `start` refers to: see the module's documentation. `window`
    /// holds the people the pronoun's gender allows.
    fn pronoun_antecedent(
        &self,
        start: usize,
        sentence: usize,
        lowest: usize,
        window: &[Antecedent],
        unknown: &mut [[u32; 2]],
        asked: &Asked<'_>,
    ) -> Option<u32> {
        // (a pronoun without a gender would look at the male table, where no one is turned away
        // for theirs either: every pronoun of the list has one)
        let g = asked.gender.map_or(0, Gender::index);
        let mut unknown_in = |s: usize, before: usize| {
            if unknown[s][g] == UNASKED {
                unknown[s][g] = self.first_unknown_person(s, asked.gender, asked.genders);
            }
            let range = self.text.sentences()[s].tokens();
            let k = asked.refused.partition_point(|&r| (r as usize) < range.start);
            // a pronoun left unresolved is someone, of its own gender
            let pronoun = asked.refused[k..]
                .iter()
                .take_while(|&&r| (r as usize) < range.end.min(before))
                .any(|&r| gender::fits(gender::of_word(self.word(r as usize)), asked.gender));
            pronoun || (unknown[s][g] != NONE && (unknown[s][g] as usize) < before)
        };
        // an object ("briefed him") is not the subject of its own clause, and which of the other
        // people of its sentence it is takes more grammar than is known here
        if self.is_object_pronoun(start) && window.iter().any(|a| a.sentence as usize == sentence) {
            return None;
        }
        for tier in (lowest..=sentence).rev() {
            let before = if tier == sentence { start } else { usize::MAX };
            let mut here = window.iter().filter(|a| a.sentence as usize == tier);
            let Some(first) = here.clone().next() else {
                if unknown_in(tier, before) {
                    return None;
                }
                continue;
            };
            let person = first.person;
            // (two people known already settle it, without looking for unknown ones)
            if here.clone().any(|a| a.person != person) || unknown_in(tier, before) {
                return None;
            }
            if here.any(|a| a.subject) {
                return Some(person);
            }
            // not the subject: only if no one else is in the rest of the window
            let others = window.iter().any(|a| (a.sentence as usize) < tier && a.person != person)
                || (lowest..tier).any(|s| unknown_in(s, usize::MAX));
            return (!others).then_some(person);
        }
        None
    }

    /// The person the description at `start..end` ("the president") refers to: the one person of
    /// the window whose role on the date fits the title, if there is exactly one.
    fn description_antecedent(&self, d: &Description, lowest: usize, window: &[Antecedent]) -> Option<u32> {
        let TitleOffice::Office(office) = d.office else { return None };
        let (start, end) = (d.title.start as usize, d.title.end as usize);
        let owner = (d.owner != NONE).then_some(d.owner as usize);
        let sentence = self.sentence(start);
        // "the president of the company", "the president's" aside: a title followed by "of" names
        // an owner that resolution did not find
        if self.word_in(end, sentence) && self.word(end) == "of" {
            return None;
        }
        let toks = self.text.tokens();
        let title = &self.text.normalized()[toks[start].norm().start..toks[end - 1].norm().end];
        let fam = family(title);
        // someone the gazetteer does not know, under a title of the same kind, competes
        let lowest_token = self.text.sentences()[lowest].tokens().start;
        let k = self.unknown_people.partition_point(|&u| (u as usize) < start);
        for &u in self.unknown_people[..k].iter().rev().take_while(|&&u| u as usize >= lowest_token) {
            let u = u as usize;
            if let Some((u_end, TitleOffice::Office(o))) = TITLES.starting_at(self.text, u) {
                let same = match (fam, self.family_of(u, u_end)) {
                    (Some(a), Some(b)) => a == b,
                    _ => o == office,
                };
                if same {
                    return None;
                }
            }
        }
        let mut found = None;
        for a in window {
            if found == Some(a.person) || !self.fits_description(a.person as usize, title, office, fam, owner) {
                continue;
            }
            if found.is_some() {
                return None;
            }
            found = Some(a.person);
        }
        found
    }

    /// Whether a role `person` holds on the date fits the description's title (and owner: a
    /// state's "leader" heads its state or its government).
    fn fits_description(
        &self,
        person: usize,
        title: &str,
        office: Office,
        fam: Option<Family>,
        owner: Option<usize>,
    ) -> bool {
        let roles = &self.record(person).roles;
        roles.iter().enumerate().filter(|(_, role)| role.held_on(self.date)).any(|(k, role)| {
            if let Some(owner) = owner {
                let leads = matches!(role.office, Office::HeadOfState | Office::HeadOfGovernment);
                return leads && self.r.role_owner[person][k] == Some(owner);
            }
            if office != Office::Other {
                return self.r.role_fits(self.g, person, k, office, fam);
            }
            let role_title = normalize(&role.title);
            if title == "minister" {
                // "the minister": a minister of any portfolio but the head of government
                let role_fam = self.r.role_family[person][k];
                role_fam == Some(Family::ForeignMinister)
                    || (role_fam.is_none() && role_title.ends_with("minister") && role.office == Office::Other)
            } else {
                role_title == title
            }
        })
    }

    /// Where sentence `sentence` first names a person the gazetteer does not know (`NONE` if it
    /// does not) whom a pronoun of gender `pronoun` may mean: a title before an unknown name
    /// (not one of the other gender: "Queen …", "the spokeswoman" are no "he"), or a run of two
    /// or more capitalised words that no name, title or pattern covers and that does not end like
    /// an institution ("Foreign Ministry"). Headlines, whose words are all capitalised, tell
    /// nothing by their runs.
    fn first_unknown_person(&self, sentence: usize, pronoun: Option<Gender>, genders: &Genders) -> u32 {
        let range = self.text.sentences()[sentence].tokens();
        let k = self.unknown_people.partition_point(|&u| (u as usize) < range.start);
        let titled = self.unknown_people[k..]
            .iter()
            .take_while(|&&u| (u as usize) < range.end)
            .find(|&&u| gender::fits(genders.at(u), pronoun))
            .copied()
            .unwrap_or(NONE);
        let info = self.sentences[sentence];
        if info.title_case || info.all_caps {
            return titled;
        }
        // the spans are sorted: one cursor walks them along the sentence
        let mut s = self.spans.partition_point(|sp| sp.end as usize <= range.start);
        let mut run = 0;
        let mut i = range.start;
        let person_like = |start: usize, end: usize| {
            let after_article = start > 0 && self.word(start - 1) == "the";
            !after_article && !lexicon::INSTITUTIONS.contains(self.word(end - 1))
        };
        while i <= range.end {
            let mut name_word = i < range.end && self.is_word(i) && self.capitalised(i);
            if name_word {
                while s < self.spans.len() && self.spans[s].end as usize <= i {
                    s += 1;
                }
                let in_name = s < self.spans.len() && self.spans[s].start as usize <= i && self.decided(s).is_some();
                name_word = !in_name
                    && !self.taken.contains(i)
                    && has_lowercase(self.text.token_original(i))
                    && self.in_pattern(i).is_none()
                    && !is_in(self.word(i), list::FUNCTION | list::CALENDAR);
            }
            // a title is no name: it breaks a run
            let title_end = if name_word { TITLES.starting_at(self.text, i).map(|t| t.0) } else { None };
            if name_word && title_end.is_none() {
                run += 1;
                i += 1;
                continue;
            }
            if run >= 2 && person_like(i - run, i) {
                return titled.min((i - run) as u32);
            }
            run = 0;
            i = title_end.unwrap_or(i + 1);
        }
        titled
    }
}
