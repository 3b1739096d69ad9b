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

use crate::lexicon::ListId;
use std::ops::Range;

use crate::gazetteer::{EntityKind, Office};
use crate::text::{normalize, TokenKind};

use super::context::Context;
use super::gender::{self, Gender, Genders};
use super::index::{GazIdx, TokenIdx, Tokens};
use super::mentions::{Key, Mentions, Pending};
use super::roles::Unnamed;
use super::titles::{Family, TitleOffice, TITLES};
use super::words::list;
use super::{has_lowercase, MentionForm};

/// A title that names no office holder by itself, which may refer to someone named before.
#[derive(Debug, Clone)]
pub(super) struct Description {
    /// The tokens of the phrase ("Kazakh leader").
    phrase: Tokens,
    /// The tokens of the title ("leader").
    title: Tokens,
    office: TitleOffice,
    /// The state it is of (none: "the president").
    owner: Option<GazIdx>,
}

impl Description {
    pub(super) fn new(phrase: Range<usize>, title: Range<usize>, office: TitleOffice, owner: Option<usize>) -> Self {
        Description { phrase: Tokens::new(phrase), title: Tokens::new(title), office, owner: owner.map(GazIdx::new) }
    }

    /// Whether its title starts at token `i`.
    pub(super) fn starts_at(&self, i: usize) -> bool {
        self.title.start.get() == i
    }
}

/// A person mention a later reference may point to.
#[derive(Debug, Clone, Copy)]
struct Antecedent {
    /// First token of its phrase.
    start: TokenIdx,
    sentence: u32,
    person: GazIdx,
    /// Opens its sentence or its main clause.
    subject: bool,
}

/// What a pronoun asks of the people before it besides their places.
struct Asked<'g> {
    /// The pronoun's gender.
    gender: Option<Gender>,
    genders: &'g Genders,
    /// The pronouns and descriptions left unresolved so far, by position.
    refused: &'g [TokenIdx],
}

/// The coreference pass.
pub(super) struct Coreference<'c, 'a> {
    cx: &'c Context<'a>,
    mentions: &'c mut Mentions,
    /// Titles that name no office holder by themselves, from the roles pass.
    descriptions: Vec<Description>,
    /// Where people start whom resolution cannot name: titles of unknown names (from the roles
    /// pass) and people no gazetteer lists (from the mentions), in order.
    unknown_people: Vec<TokenIdx>,
}

impl<'c, 'a> Coreference<'c, 'a> {
    /// Links the pronouns and definite descriptions of the text to people named before them: a
    /// mention of the person for each, added to `mentions` in text order.
    pub(super) fn run(cx: &'c Context<'a>, unnamed: Unnamed, mentions: &'c mut Mentions) {
        let Unnamed { descriptions, people } = unnamed;
        Coreference { cx, mentions, descriptions, unknown_people: people }.coreference();
    }

    fn coreference(&mut self) {
        let cx = self.cx;
        let toks = cx.text.tokens();
        // people no gazetteer lists, named after a title (see `unknown.rs`), are someone a pronoun
        // may mean: they compete as unknown people, so that "he" after one is not taken for a
        // person named before
        let before = self.unknown_people.len();
        self.unknown_people.extend(self.mentions.list.iter().filter_map(|p| match p.key {
            Key::Unknown(_) => Some(p.phrase.start),
            _ => None,
        }));
        if self.unknown_people.len() > before {
            self.unknown_people.sort_unstable();
            self.unknown_people.dedup();
        }
        // the references, in text order: (tokens, the description it is, if it is one)
        let mut refs: Vec<(Tokens, Option<usize>)> = Vec::new();
        let mut d = 0;
        let norm = cx.text.normalized().as_bytes();
        for (i, t) in toks.iter().enumerate() {
            // a pronoun is two or three bytes: most words are turned away by their length
            if t.kind() != TokenKind::Word || !cx.resolver.words.short_pronoun(&norm[t.norm()]) {
                continue;
            }
            while d < self.descriptions.len() && self.descriptions[d].phrase.start.get() <= i {
                refs.push((self.descriptions[d].phrase, Some(d)));
                d += 1;
            }
            if self.pronoun_can_refer(i) {
                refs.push((Tokens::new(i..i + 1), None));
            }
        }
        refs.extend(self.descriptions[d..].iter().enumerate().map(|(k, x)| (x.phrase, Some(d + k))));
        if refs.is_empty() {
            return;
        }

        // the people named, by position: every person mention made so far
        let mut named: Vec<Antecedent> = self
            .mentions
            .list
            .iter()
            .filter_map(|p| match p.key {
                Key::Gaz(g) if cx.kind(g.get()) == EntityKind::Person => {
                    let start = p.phrase.start.get();
                    Some(Antecedent {
                        start: p.phrase.start,
                        sentence: cx.sentence(start) as u32,
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
        let mut genders = Genders::of(self.cx, self.mentions, &self.unknown_people);
        // the references linked so far, which later ones may point to in turn
        let mut linked: Vec<Antecedent> = Vec::new();
        let mut window: Vec<Antecedent> = Vec::new();
        // per sentence and pronoun gender, where its first unknown person who may be meant starts
        // (see `first_unknown_person`), found once, when first asked
        let mut unknown = vec![[None; 2]; cx.sentences.len()];
        // the pronouns and descriptions left unresolved so far: each stands for someone who may be
        // meant again ("Zelensky thanked him for his support": "his" may be whoever "him" is)
        let mut refused: Vec<TokenIdx> = Vec::new();
        let mut added: Vec<Pending> = Vec::new();
        for (tokens, description) in refs {
            let (start, end) = (tokens.start.get(), tokens.end.get());
            let sentence = cx.sentence(start);
            let depth = if description.is_none() { 2 } else { 3 };
            let lowest = sentence.saturating_sub(depth) as u32;
            window.clear();
            // a pronoun's gender rules out the people of the other (see `gender.rs`)
            let pronoun = if description.is_none() { cx.gender_of(cx.word(start)) } else { None };
            for list in [&named, &linked] {
                let k = list.partition_point(|a| a.start.get() < start);
                let near = list[..k].iter().rev().take_while(|a| a.sentence >= lowest);
                window.extend(near.filter(|a| gender::fits(genders.listed(a.person), pronoun)));
            }
            let person = match description.map(|d| &self.descriptions[d]) {
                None => {
                    let asked = Asked { gender: pronoun, genders: &genders, refused: &refused };
                    self.pronoun_antecedent(start, sentence, lowest as usize, &window, &mut unknown, &asked)
                }
                Some(d) => self.description_antecedent(d, lowest as usize, &window),
            };
            let Some(person) = person else {
                refused.push(tokens.start);
                continue;
            };
            if let Some(g) = pronoun {
                genders.learn(person, g);
            }
            let mut pending = Pending::new(Key::Gaz(person), start..end, MentionForm::Pronoun);
            // it refers to an entity named elsewhere, and never stands for one on its own
            pending.tentative = true;
            pending.acts_for = cx.resolver.role_on(cx.gazetteer, person.get(), cx.date).map(|(_, o)| GazIdx::new(o));
            added.push(pending);
            self.mentions.taken.insert_range(start..end);
            linked.push(Antecedent {
                start: tokens.start,
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
        let old = std::mem::take(&mut self.mentions.list);
        let mut merged = Vec::with_capacity(old.len() + added.len());
        let mut added = added.into_iter().peekable();
        for p in old {
            while let Some(a) = added.next_if(|a| a.phrase.start < p.phrase.start) {
                merged.push(a);
            }
            merged.push(p);
        }
        merged.extend(added);
        self.mentions.list = merged;
    }

    /// Whether the pronoun at `i` stands on its own (not inside a name or a pattern entity, not
    /// "his" before a title or a name, whose phrase it only introduces), outside quotations and
    /// leading clauses.
    fn pronoun_can_refer(&self, i: usize) -> bool {
        let cx = self.cx;
        let sentence = cx.sentence(i);
        let info = cx.sentences[sentence];
        if info.all_caps || info.title_case || self.mentions.taken.contains(i) || cx.in_pattern(i).is_some() {
            return false;
        }
        if cx.spans.at(i).is_some_and(|s| self.mentions.decided(s).is_some()) {
            return false;
        }
        let next = i + 1;
        // "He Lifeng": a name the gazetteer does not know
        if cx.word_in(next, sentence) && cx.capitalised(next) && !cx.is_in(cx.word(next), list::CALENDAR) {
            return false;
        }
        if matches!(cx.word(i), "his" | "her") && cx.word_in(next, sentence) {
            let in_unit = self.mentions.taken.contains(next)
                || cx.spans.at(next).is_some_and(|s| self.mentions.decided(s).is_some());
            if in_unit || TITLES.starting_at(cx.text, next).is_some() {
                return false;
            }
        }
        let first = info.first_word.get();
        let mut quotes = 0;
        let mut comma = false;
        for t in first..i {
            match cx.word(t) {
                "\"" => quotes += 1,
                "," => comma = true,
                _ => {}
            }
        }
        // a quotation before the sentence's first word ("\"He …") counts too
        quotes += (cx.text.sentences()[sentence].tokens().start..first).filter(|&t| cx.word(t) == "\"").count();
        if quotes % 2 == 1 {
            return false;
        }
        comma || !cx.list(ListId::Subordinators).contains(cx.word(first))
    }

    /// "him", or "her" not followed by what it possesses ("thanked her for", "met her.").
    fn is_object_pronoun(&self, i: usize) -> bool {
        let cx = self.cx;
        match cx.word(i) {
            "him" => true,
            "her" => !cx.word_in(i + 1, cx.sentence(i)) || cx.is_in(cx.word(i + 1), list::FUNCTION),
            _ => false,
        }
    }

    /// Whether the phrase starting at token `start` opens its sentence, or its main clause after
    /// an opening phrase and a comma ("In Astana, Tokayev said …"), an article aside.
    fn opens_clause(&self, start: usize) -> bool {
        let cx = self.cx;
        let first = cx.sentences[cx.sentence(start)].first_word.get();
        let mut at = start;
        if at > first && cx.word(at - 1) == "the" {
            at -= 1;
        }
        at == first || (at > first + 1 && cx.word(at - 1) == ",")
    }

    /// The person the pronoun at `start` refers to: see the module's documentation. `window`
    /// holds the people the pronoun's gender allows.
    fn pronoun_antecedent(
        &self,
        start: usize,
        sentence: usize,
        lowest: usize,
        window: &[Antecedent],
        unknown: &mut [[Option<Option<TokenIdx>>; 2]],
        asked: &Asked<'_>,
    ) -> Option<GazIdx> {
        // (a pronoun without a gender would look at the male table, where no one is turned away
        // for theirs either: every pronoun of the list has one)
        let g = asked.gender.map_or(0, Gender::index);
        let mut unknown_in = |s: usize, before: usize| {
            let first = *unknown[s][g].get_or_insert_with(|| self.first_unknown_person(s, asked.gender, asked.genders));
            let range = self.cx.text.sentences()[s].tokens();
            let k = asked.refused.partition_point(|&r| r.get() < range.start);
            // a pronoun left unresolved is someone, of its own gender
            let pronoun = asked.refused[k..]
                .iter()
                .take_while(|&&r| r.get() < range.end.min(before))
                .any(|&r| gender::fits(self.cx.gender_of(self.cx.word(r.get())), asked.gender));
            pronoun || first.is_some_and(|u| u.get() < before)
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
    fn description_antecedent(&self, d: &Description, lowest: usize, window: &[Antecedent]) -> Option<GazIdx> {
        let cx = self.cx;
        let TitleOffice::Office(office) = d.office else { return None };
        let (start, end) = (d.title.start.get(), d.title.end.get());
        let owner = d.owner.map(GazIdx::get);
        let sentence = cx.sentence(start);
        // "the president of the company", "the president's" aside: a title followed by "of" names
        // an owner that resolution did not find
        if cx.word_in(end, sentence) && cx.word(end) == "of" {
            return None;
        }
        let title = cx.normalized(start, end);
        let fam = cx.resolver.words.family(title);
        // someone the gazetteer does not know, under a title of the same kind, competes
        let lowest_token = cx.text.sentences()[lowest].tokens().start;
        let k = self.unknown_people.partition_point(|&u| u.get() < start);
        for &u in self.unknown_people[..k].iter().rev().take_while(|&&u| u.get() >= lowest_token) {
            let u = u.get();
            if let Some((u_end, TitleOffice::Office(o))) = TITLES.starting_at(cx.text, u) {
                let same = match (fam, cx.family_of(u, u_end)) {
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
            if found == Some(a.person) || !self.fits_description(a.person.get(), title, office, fam, owner) {
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
        let cx = self.cx;
        let roles = &cx.record(person).roles;
        roles.iter().enumerate().filter(|(_, role)| role.held_on(cx.date)).any(|(k, role)| {
            if let Some(owner) = owner {
                let leads = matches!(role.office, Office::HeadOfState | Office::HeadOfGovernment);
                return leads && cx.resolver.role_owner[person][k] == Some(owner);
            }
            if office != Office::Other {
                return cx.resolver.role_fits(cx.gazetteer, person, k, office, fam);
            }
            let role_title = normalize(&role.title);
            if title == "minister" {
                // "the minister": a minister of any portfolio but the head of government
                let role_fam = cx.resolver.role_family[person][k];
                role_fam == Some(Family::ForeignMinister)
                    || (role_fam.is_none() && role_title.ends_with("minister") && role.office == Office::Other)
            } else {
                role_title == title
            }
        })
    }

    /// Where sentence `sentence` first names a person the gazetteer does not know (if it does) whom a pronoun of gender `pronoun` may mean: a title before an unknown name
    /// (not one of the other gender: "Queen …", "the spokeswoman" are no "he"), or a run of two
    /// or more capitalised words that no name, title or pattern covers and that does not end like
    /// an institution ("Foreign Ministry"). Headlines, whose words are all capitalised, tell
    /// nothing by their runs.
    fn first_unknown_person(&self, sentence: usize, pronoun: Option<Gender>, genders: &Genders) -> Option<TokenIdx> {
        let cx = self.cx;
        let range = cx.text.sentences()[sentence].tokens();
        let k = self.unknown_people.partition_point(|&u| u.get() < range.start);
        let titled = self.unknown_people[k..]
            .iter()
            .take_while(|&&u| u.get() < range.end)
            .find(|&&u| gender::fits(genders.at(u), pronoun))
            .copied();
        let info = cx.sentences[sentence];
        if info.title_case || info.all_caps {
            return titled;
        }
        // the spans are sorted: one cursor walks them along the sentence
        let spans = cx.spans.as_slice();
        let mut s = spans.partition_point(|sp| sp.end() <= range.start);
        let mut run = 0;
        let mut i = range.start;
        let person_like = |start: usize, end: usize| {
            let after_article = start > 0 && cx.word(start - 1) == "the";
            !after_article && !cx.list(ListId::InstitutionWords).contains(cx.word(end - 1))
        };
        while i <= range.end {
            let mut name_word = i < range.end && cx.is_word(i) && cx.capitalised(i);
            if name_word {
                while s < spans.len() && spans[s].end() <= i {
                    s += 1;
                }
                let in_name = s < spans.len() && spans[s].start() <= i && self.mentions.decided(s).is_some();
                name_word = !in_name
                    && !self.mentions.taken.contains(i)
                    && has_lowercase(cx.text.token_original(i))
                    && cx.in_pattern(i).is_none()
                    && !cx.is_in(cx.word(i), list::FUNCTION | list::CALENDAR);
            }
            // a title is no name: it breaks a run
            let title_end = if name_word { TITLES.starting_at(cx.text, i).map(|t| t.0) } else { None };
            if name_word && title_end.is_none() {
                run += 1;
                i += 1;
                continue;
            }
            if run >= 2 && person_like(i - run, i) {
                let at = TokenIdx::new(i - run);
                return Some(titled.map_or(at, |t| t.min(at)));
            }
            run = 0;
            i = title_end.unwrap_or(i + 1);
        }
        titled
    }
}
