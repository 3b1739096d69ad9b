//! People the gazetteer does not list, introduced by a title: "Rwandan Foreign Minister Olivier
//! Nduhungirehe", "UN envoy Jean Arnault", "his Congolese counterpart Therese Kayikwamba Wagner".
//!
//! Two steps of the passes (see `mod.rs`): the roles pass asks [`Unknown::titled`] first of
//! every title, since a title names either someone new or an office holder; after the titles,
//! [`Unknown::surnames`] finds the surnames of the people introduced. [`Unknown`] is what they
//! find, which the output pass makes entities of.
//!
//! News names new office holders every day; the gazetteer always lags. A title is strong evidence
//! that the capitalised words after it are a person's name, so the name becomes a person entity of
//! the document, and its last word ("Nduhungirehe said …") a short mention of it further on.
//!
//! Precision comes first (a person who is not there costs as much as one missed):
//!
//! - the title is one of the title table's ([`TITLES`]), but not the vaguest ("head", "chief");
//! - the name is two to four capitalised words of the title's sentence (with particles such as
//!   "bin", "al-", "von", "de" between them); it stops at punctuation, a possessive, a day or month,
//!   another title or a known name; words that belong to titles or organisations ("Executive",
//!   "Ministry") mean the capitals are no name at all; a headline in title case or in capitals is
//!   never read this way;
//! - one word after a title ("Foreign Minister Nduhungirehe") is a name only when it is the last
//!   word of a full name introduced earlier, and a surname alone resolves only after that full
//!   name and only when no two people introduced share it;
//! - a known person's name never turns up here: its span is decided first, and a scan that runs
//!   into a person's name gives up (the words before it are that person's given names).
//!
//! # Ids
//!
//! An unlisted person's id is `person:<slug of the name as written>`, like a gazetteer person's.
//! When the gazetteer already uses that id (a listed person of the same name whom the matcher did
//! not find, say because the text spells the name differently), the id takes the first free suffix
//! `-2`, `-3`, …: an unlisted person never borrows a listed person's id, so it can never pick up that
//! person's attributes or be merged with a different person who merely shares the name. Two
//! mentions of one name in the document are one entity.
//!
//! # Who acts for whom
//!
//! Like a listed office holder, an unlisted person whose title has an owner ("Rwandan", "UN",
//! "of France") acts for that owner, unless the title is no office of it (an honorific, a
//! legislator, a cleric, a governor or mayor, an opposition leader) or the person holds it no
//! longer ("former").

use crate::lexicon::ListId;
use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use crate::gazetteer::{slug, EntityKind};
use crate::text::TokenKind;

use super::context::Context;
use super::decide::Named;
use super::index::{GazIdx, PendingIdx, TokenIdx, UnknownIdx};
use super::mentions::{Key, Mentions, Pending};
use super::titles::{TitleOffice, TITLES};
use super::words::list;
use super::{MentionForm, ResolvedEntity};

/// A person of the document that no gazetteer lists.
#[derive(Debug, Clone)]
struct Person {
    id: String,
    name: String,
    attrs: BTreeMap<String, String>,
    /// The entity the person acts for.
    acts_for: Option<GazIdx>,
    /// The owner of the person's title (a country or an organisation).
    owner: Option<GazIdx>,
    /// The first token of the person's first mention.
    first: TokenIdx,
}

/// The unlisted people of one document: what this pass finds, which the output pass makes
/// entities of.
#[derive(Debug, Clone, Default)]
pub(super) struct Unknown {
    people: Vec<Person>,
    /// Slug of a name -> the person.
    by_slug: FxHashMap<String, UnknownIdx>,
    /// First or last word of a name (normalised) -> the person (none when two people share it),
    /// and whether it is the last word.
    surnames: FxHashMap<String, (Option<UnknownIdx>, bool)>,
    /// The latest unlisted person with a title of an office: (first token, title as written).
    last_titled: Option<(TokenIdx, String)>,
}

/// Reading the name after one title.
struct Titled<'c, 'a> {
    cx: &'c Context<'a>,
    named: &'c Named,
    mentions: &'c mut Mentions,
    unknown: &'c mut Unknown,
}

/// A name found after a title.
struct Scan {
    /// Its tokens.
    end: usize,
    /// How many words it has (particles aside).
    words: usize,
    /// Mentions of one-word organisations or places inside it ("Wagner"), to be dropped.
    absorbed: Vec<PendingIdx>,
}

/// Title-cases the words of a title as written ("foreign minister" -> "Foreign Minister").
fn title_words(written: &str) -> String {
    let mut out = String::with_capacity(written.len());
    for (k, w) in written.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        if k > 0 && matches!(w, "of" | "for" | "the" | "and" | "on") {
            out.push_str(w);
            continue;
        }
        let mut chars = w.chars();
        if let Some(c) = chars.next() {
            out.extend(c.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

impl Unknown {
    /// The title at tokens `start..end` followed by a name that no gazetteer lists: pushes the
    /// person's mention (its phrase covers the owner and the title) and returns its index. The
    /// roles pass asks this first of every title.
    pub(super) fn titled(
        &mut self,
        cx: &Context<'_>,
        named: &Named,
        mentions: &mut Mentions,
        start: usize,
        end: usize,
    ) -> Option<PendingIdx> {
        Titled { cx, named, mentions, unknown: self }.titled_unknown(start, end)
    }

    /// After the titles: the surnames of the unlisted people, wherever they stand alone after the
    /// full name ("Nduhungirehe said …").
    pub(super) fn surnames(&self, cx: &Context<'_>, mentions: &mut Mentions) {
        if self.surnames.is_empty() {
            return;
        }
        let from = self.people.iter().map(|p| p.first.get()).min().unwrap_or(0);
        for i in from..cx.text.tokens().len() {
            if !cx.is_word(i) || mentions.taken.contains(i) || !cx.capitalised(i) {
                continue;
            }
            let Some(&(Some(k), _)) = self.surnames.get(cx.word(i)) else { continue };
            if self.person(k).first.get() >= i || cx.in_pattern(i).is_some() {
                continue;
            }
            // after a title, the word was the title's to take ("Sheikh Khalid" is someone else)
            if TITLES.ending_at(cx.text, i).is_some() {
                continue;
            }
            // a one-word organisation or place of the same name yields to the person ("Wagner")
            let mut absorbed = None;
            if let Some(s) = cx.spans.at(i) {
                if cx.spans.get(s).tokens() != (i..i + 1) {
                    continue;
                }
                if let Some(p) = mentions.decided(s) {
                    if !absorbable(cx, mentions, p) {
                        continue;
                    }
                    absorbed = Some(p);
                }
            }
            if cx.continues_a_name(i) || cx.followed_by_a_name(i + 1) {
                continue;
            }
            // a surname that opens a sentence may be a common word ("Black smoke rose"): it needs
            // a verb or a possessive after it
            if (cx.sentence_initial(i) || cx.title_case(cx.sentence(i))) && !cx.acts_next(i + 1) {
                continue;
            }
            if let Some(p) = absorbed {
                mentions.drop(p);
            }
            let mut pending = Pending::new(Key::Unknown(k), i..i + 1, MentionForm::Short);
            pending.acts_for = self.person(k).acts_for;
            mentions.push(pending);
            mentions.taken.insert(i);
        }
    }

    /// The entity of unlisted person `k`.
    pub(super) fn entity(&self, k: UnknownIdx) -> ResolvedEntity {
        let p = self.person(k);
        ResolvedEntity {
            id: p.id.clone(),
            kind: EntityKind::Person,
            name: p.name.clone(),
            aliases: Vec::new(),
            attrs: p.attrs.clone(),
            gazetteer: None,
        }
    }

    fn person(&self, k: UnknownIdx) -> &Person {
        &self.people[k.get()]
    }
}

/// Mention `p` names a person.
fn is_person(cx: &Context<'_>, mentions: &Mentions, p: PendingIdx) -> bool {
    matches!(mentions.get(p).key, Key::Gaz(g) if cx.kind(g.get()) == EntityKind::Person)
}

/// Mention `p` is a one-word organisation or place that a name may take over.
fn absorbable(cx: &Context<'_>, mentions: &Mentions, p: PendingIdx) -> bool {
    match mentions.get(p).key {
        Key::Gaz(g) => matches!(cx.kind(g.get()), EntityKind::Organization | EntityKind::Place),
        _ => false,
    }
}

impl Titled<'_, '_> {
    /// The title at tokens `start..end` followed by a name that no gazetteer lists: pushes the
    /// person's mention (its phrase covers the owner and the title) and returns its index.
    fn titled_unknown(&mut self, start: usize, end: usize) -> Option<PendingIdx> {
        let cx = self.cx;
        let toks = cx.text.tokens();
        let sentence = cx.sentence(start);
        let info = cx.sentences[sentence];
        if info.title_case || info.all_caps || end >= toks.len() {
            return None;
        }
        let title_text = &cx.text.normalized()[toks[start].norm().start..toks[end - 1].norm().end];
        if cx.list(ListId::VagueTitles).contains(title_text) {
            return None;
        }
        // "Foreign Minister of France Jean-Noel Barrot": the owner comes after the title
        let mut at = end;
        let mut of_owner = None;
        if cx.word(end) == "of" && cx.word_in(end + 1, sentence) {
            at = end + 1;
            if cx.word(at) == "the" {
                at += 1;
            }
            let s = cx.spans.starting_at(at)?;
            of_owner = Some(self.mentions.owner_at(self.cx, s)?);
            at = cx.spans.get(s).end();
        }
        // "Rwanda's foreign minister, Olivier Nduhungirehe, said": a name set off by commas
        let apposition = of_owner.is_none() && cx.word(end) == ",";
        if apposition {
            at = end + 1;
        }
        if !cx.word_in(at, sentence) || !cx.capitalised(at) {
            return None;
        }
        let scan = self.scan_name(at, sentence)?;
        let closed = toks.get(scan.end).is_some_and(|t| t.sentence() == sentence) && cx.word(scan.end) == ",";
        if apposition && !closed {
            return None;
        }
        let one_word = scan.words == 1;
        // one word is a name only as the last word of a full name given before
        let known = if one_word {
            if scan.end != at + 1 {
                return None;
            }
            // the last word only: "Sheikh Mohammed" is no one named Mohammed before
            let (Some(k), true) = *self.unknown.surnames.get(cx.word(at))? else { return None };
            (self.unknown.person(k).first.get() < at).then_some(k)?;
            Some(k)
        } else {
            None
        };

        // the titles (stacked ones too: "Supreme Leader Ayatollah …"), the owner before them or
        // after "of", and the capitalised words that belong to the title ("Attorney General")
        let title_end = end;
        let stack = self.title_stack(title_end);
        let mut title_start = stack.first()?.0;
        let (mut phrase_start, mut owner) = (title_start, of_owner);
        if of_owner.is_none() {
            if let Some((s, o)) = self.mentions.owner_before(self.cx, title_start) {
                (phrase_start, owner) = (s, Some(o));
            } else {
                title_start = self.title_prefix(title_start);
                phrase_start = title_start;
                if let Some((s, o)) = self.mentions.owner_before(self.cx, title_start) {
                    (phrase_start, owner) = (s, Some(o));
                }
            }
        }
        if !cx.same_pattern(phrase_start, scan.end - 1) || cx.in_pattern(phrase_start).is_some() {
            return None;
        }
        let former = phrase_start > 0 && cx.is_in(cx.word(phrase_start - 1), list::NOT_NOW);
        let acting = !former && stack.iter().any(|t| !cx.list(ListId::NotActingTitles).contains(&t.1));
        let next_to_name = stack.last().map_or("", |t| t.1.as_str());
        let counterpart = TITLES.get(next_to_name) == Some(TitleOffice::Counterpart);

        let k = match known {
            Some(k) => {
                // "Foreign Minister Nduhungirehe": the same person, if the owner agrees
                let p = self.unknown.person(k);
                if owner.is_some_and(|o| p.owner.is_some_and(|q| q.get() != o)) {
                    return None;
                }
                k
            }
            None => {
                // "President Denis Sassou Nguesso" for the listed "Denis Sassou-Nguesso": a name
                // written another way whose slug is a listed person's id, of the title's country,
                // is that person
                if let Some(g) = self.listed_namesake(at..scan.end, owner) {
                    for p in scan.absorbed {
                        self.mentions.drop(p);
                    }
                    let mut pending = Pending::new(Key::Gaz(GazIdx::new(g)), at..scan.end, MentionForm::Name);
                    pending.phrase.start = TokenIdx::new(phrase_start);
                    pending.acts_for = owner.filter(|_| acting).map(GazIdx::new);
                    return Some(self.mentions.push(pending));
                }
                let toks = cx.text.tokens();
                let written = &cx.text.original()[toks[title_start].start()..toks[title_end - 1].end()];
                // a counterpart holds the title of the person before, when there is one
                let title = if counterpart { self.counterpart_title(start) } else { Some(title_words(written)) };
                let honorific = stack.iter().all(|t| cx.list(ListId::Honorifics).contains(&t.1));
                let role = title.as_ref().filter(|_| !former && !honorific).map(|title| match owner {
                    Some(o) => format!("{title} of {}", cx.record(o).name),
                    None => title.clone(),
                });
                let acts_for = owner.filter(|_| acting).map(GazIdx::new);
                let k = self.add_unknown(at..scan.end, owner, role, acts_for);
                if let Some(title) = title.filter(|_| !former && !honorific) {
                    self.unknown.last_titled = Some((TokenIdx::new(at), title));
                }
                k
            }
        };
        for p in scan.absorbed {
            self.mentions.drop(p);
        }
        let mut pending = Pending::new(Key::Unknown(k), at..scan.end, MentionForm::Name);
        if one_word {
            pending.form = MentionForm::Short;
        }
        pending.phrase.start = TokenIdx::new(phrase_start);
        pending.acts_for = owner.filter(|_| acting).map(GazIdx::new);
        if known.is_some() && pending.acts_for.is_none() && !former {
            pending.acts_for = self.unknown.person(k).acts_for;
        }
        Some(self.mentions.push(pending))
    }

    /// The capitalised words of a name from token `at` (see the module's documentation).
    fn scan_name(&self, at: usize, sentence: usize) -> Option<Scan> {
        let cx = self.cx;
        let toks = cx.text.tokens();
        let joined = |a: usize, b: usize| toks[a].end() == toks[b].start();
        let (mut t, mut words, mut plain, mut end) = (at, 0, 0, at);
        let mut absorbed = Vec::new();
        while cx.word_in(t, sentence) {
            // a group: words joined by hyphens ("Jean-Noel", "al-Burhan"), or an initial ("F.")
            let mut g = t + 1;
            while g + 1 < toks.len()
                && cx.word(g) == "-"
                && joined(g - 1, g)
                && joined(g, g + 1)
                && cx.word_in(g + 1, sentence)
            {
                g += 2;
            }
            let w = cx.word(t);
            let particle = cx.list(ListId::Particles).contains(w) && !cx.capitalised(t);
            if particle && g == t + 1 {
                // a particle between words of the name
                if words == 0 {
                    return None;
                }
                t = g;
                continue;
            }
            let head = if particle { t + 2 } else { t };
            if !cx.capitalised(head) {
                break;
            }
            if cx.is_in(w, list::CALENDAR) || (cx.is_in(w, list::FUNCTION) && !particle) {
                break;
            }
            if TITLES.starting_at(cx.text, t).is_some() {
                // a title after the title ("Supreme Leader Ayatollah …"): the next one decides
                if words == 0 {
                    return None;
                }
                break;
            }
            let mut known = None;
            let mut stop = false;
            for u in (t..g).filter(|&u| toks[u].kind() == TokenKind::Word) {
                let part = cx.word(u);
                if cx.list(ListId::NotNameWords).contains(part)
                    || cx.is_in(part, list::GEO | list::SUFFIX | list::GROUP)
                {
                    return None;
                }
                let original = cx.text.token_original(u);
                if original.chars().count() >= 2 && !original.chars().any(char::is_lowercase) {
                    // an acronym
                    stop = true;
                }
                if cx.in_pattern(u).is_some() {
                    stop = true;
                }
                if let Some(s) = cx.spans.at(u) {
                    let one = cx.spans.get(s).tokens() == (t..g) && g == t + 1;
                    match self.mentions.decided(s) {
                        Some(p) if is_person(self.cx, self.mentions, p) => return None,
                        Some(p) if one && absorbable(self.cx, self.mentions, p) => known = Some(p),
                        Some(_) => stop = true,
                        // a name whose candidates the context ruled out is just words
                        None => {}
                    }
                }
            }
            if stop {
                break;
            }
            // an initial takes its full stop
            if g == t + 1 && w.len() == 1 && g < toks.len() && cx.word(g) == "." && joined(t, g) {
                g += 1;
            }
            words += 1;
            match known {
                Some(p) => absorbed.push(p),
                None => plain += 1,
            }
            end = g;
            t = g;
        }
        ((1..=4).contains(&words) && plain >= 1).then_some(Scan { end, words, absorbed })
    }

    /// Capitalised words just before a title that are no known name: part of it ("Attorney
    /// General", "Kremlin spokesman"), at most three.
    fn title_prefix(&self, start: usize) -> usize {
        let cx = self.cx;
        let sentence = cx.sentence(start);
        let mut s = start;
        while s > 0 && start - s < 3 {
            let prev = s - 1;
            if !cx.word_in(prev, sentence) || !cx.capitalised(prev) || cx.spans.at(prev).is_some() {
                break;
            }
            let w = cx.word(prev);
            if cx.is_in(w, list::FUNCTION | list::CALENDAR | list::NOT_NOW | list::VERB) {
                break;
            }
            s = prev;
        }
        s
    }

    /// The titles that end at token `end`, stacked ("Supreme Leader Ayatollah"), as (first token,
    /// normalised text), the one next to the name last.
    fn title_stack(&self, end: usize) -> Vec<(usize, String)> {
        let cx = self.cx;
        let toks = cx.text.tokens();
        let mut stack = Vec::new();
        let mut at = end;
        while let Some((s, _)) = TITLES.ending_at(cx.text, at) {
            stack.push((s, cx.text.normalized()[toks[s].norm().start..toks[at - 1].norm().end].to_string()));
            if stack.len() == 4 {
                break;
            }
            at = s;
        }
        stack.reverse();
        stack
    }

    /// The title of the person a counterpart before token `start` is the counterpart of: the
    /// latest person named with a title, listed or not, in this sentence or the one before.
    fn counterpart_title(&self, start: usize) -> Option<String> {
        let cx = self.cx;
        let sentence = cx.sentence(start);
        let listed = self.named.last_before(start).and_then(|(at, person)| {
            let (role, _) = cx.resolver.role_on(cx.gazetteer, person, cx.date)?;
            Some((at, role.title.clone()))
        });
        let unlisted = self.unknown.last_titled.clone().filter(|t| t.0.get() < start).map(|(at, t)| (at.get(), t));
        let (at, title) = match (listed, unlisted) {
            (Some(a), Some(b)) => {
                if a.0 > b.0 {
                    a
                } else {
                    b
                }
            }
            (a, b) => a.or(b)?,
        };
        (cx.sentence(at) + 1 >= sentence).then_some(title)
    }

    /// The listed person whose id and name are the slug of the name written at `name` (written
    /// with spaces for dashes, say), when the title's owner is none, not a country, or the
    /// person's country.
    fn listed_namesake(&self, name: std::ops::Range<usize>, owner: Option<usize>) -> Option<usize> {
        let cx = self.cx;
        let s = slug(&self.name_written(name));
        let g = cx.gazetteer.index_of(&format!("person:{s}"))?;
        let record = cx.record(g);
        // the id says little by itself (a listed "Jean-Baptiste Arnault" may be `person:jean-arnault`):
        // the name or an alias must be the name written, but for its dashes and case
        let named = slug(&record.name) == s || record.aliases.iter().any(|a| slug(&a.text) == s);
        if record.kind != EntityKind::Person || !named {
            return None;
        }
        match owner.filter(|&o| cx.kind(o) == EntityKind::Country) {
            Some(o) if cx.country_code(o) != record.attrs.get("country").map(String::as_str) => None,
            _ => Some(g),
        }
    }

    /// The name at `name` as written, its white space made single spaces.
    fn name_written(&self, name: std::ops::Range<usize>) -> String {
        let toks = self.cx.text.tokens();
        let written = &self.cx.text.original()[toks[name.start].start()..toks[name.end - 1].end()];
        written.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Adds (or finds) the unlisted person named by tokens `name`.
    fn add_unknown(
        &mut self,
        name: std::ops::Range<usize>,
        owner: Option<usize>,
        role: Option<String>,
        acts_for: Option<GazIdx>,
    ) -> UnknownIdx {
        let cx = self.cx;
        let written = self.name_written(name.clone());
        let s = slug(&written);
        if let Some(&k) = self.unknown.by_slug.get(&s) {
            return k;
        }
        let mut id = format!("person:{s}");
        let mut n = 2;
        while cx.gazetteer.index_of(&id).is_some() {
            id = format!("person:{s}-{n}");
            n += 1;
        }
        let mut attrs = BTreeMap::new();
        // a country's official, or an official of a state body ("Kremlin spokesman Dmitry Peskov")
        let country = owner.and_then(|o| match cx.kind(o) {
            EntityKind::Organization => cx.record(o).attrs.get("country").map(String::as_str),
            _ => cx.country_code(o),
        });
        if let Some(code) = country {
            attrs.insert("country".into(), code.to_string());
        }
        if let Some(role) = role {
            attrs.insert("role".into(), role);
        }
        let k = UnknownIdx::new(self.unknown.people.len());
        self.unknown.people.push(Person {
            id,
            name: written,
            attrs,
            acts_for,
            owner: owner.map(GazIdx::new),
            first: TokenIdx::new(name.start),
        });
        self.unknown.by_slug.insert(s, k);
        // the first and last words of the name, for "Nduhungirehe said" and "Mao said" (a family
        // name comes first in some languages, last in others); not the end of "Sang-mok"
        let words = |t: &usize| cx.is_word(*t);
        let first = (name.start..name.end).find(words).filter(|&t| cx.capitalised(t));
        let last = (name.start..name.end).rev().find(words).filter(|&t| cx.capitalised(t));
        for (t, min_chars, is_last) in [(first, 2, false), (last, 3, true)] {
            let Some(t) = t else { continue };
            let w = cx.word(t);
            let usable = w.chars().count() >= min_chars
                && !cx.is_in(w, list::FUNCTION | list::CALENDAR | list::COMMON)
                && TITLES.get(w).is_none();
            if usable {
                let entry = self.unknown.surnames.entry(w.to_string()).or_insert((Some(k), is_last));
                if entry.0 != Some(k) {
                    entry.0 = None;
                }
                entry.1 |= is_last;
            }
        }
        k
    }
}
