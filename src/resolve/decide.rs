//! The decide pass: which candidate each name refers to (or none), from its context, its form,
//! the document's date and the people named before; compounds and names inside names; and the
//! words of full names given before ("Kim" after "Kim Jong Un") where no gazetteer name covers
//! them.
//!
//! It reads the [`Context`] and adds a mention per name decided to [`Mentions`]; what it learns
//! of the people named (who was seen last, the words of their names) is its own, but for the
//! list of people named in order ([`Named`]), which it returns for the passes after it.

use crate::lexicon::ListId;
use std::cell::OnceCell;
use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::gazetteer::{AliasForm, CasePolicy, EntityKind, Office};
use crate::text::{Text, TokenKind};

use super::candidates::{tokens_of, Cand};
use super::context::Context;
use super::index::{GazIdx, PendingIdx, TokenIdx};
use super::mentions::{Key, Mentions, Pending};
use super::titles::{Family, TitleOffice, TITLES};
use super::words::list;
use super::{at_least_chars, form_rank, kind_rank, MentionForm};

/// The people named, in text order: (first token of the name, person). The roles pass reads it
/// for "his counterpart", the unlisted people's pass for a counterpart's title.
#[derive(Debug, Default)]
pub(super) struct Named {
    pub(super) people: Vec<(TokenIdx, GazIdx)>,
}

impl Named {
    /// The latest person named before token `start`: (first token, person).
    pub(super) fn last_before(&self, start: usize) -> Option<(usize, usize)> {
        let k = self.people.partition_point(|p| p.0.get() < start);
        self.people[..k].last().map(|&(at, person)| (at.get(), person.get()))
    }
}

/// A title before a name: "Kazakh President", "his counterpart", "Russia's Foreign Minister".
#[derive(Debug, Clone)]
struct TitleContext {
    /// First token of the phrase (the owner's, when there is one).
    start: usize,
    office: TitleOffice,
    /// The family of the title next to the name.
    family: Option<Family>,
    owner: Option<usize>,
    /// "former President …": the one who held the office before the date, not the holder.
    former: bool,
}

/// The decide pass.
pub(super) struct Decide<'c, 'a> {
    cx: &'c Context<'a>,
    mentions: &'c mut Mentions,
    /// Person -> its latest mention (for short names).
    last_seen: FxHashMap<GazIdx, PendingIdx>,
    /// People mentioned so far, in order.
    people: Vec<(TokenIdx, GazIdx)>,
    /// Words of the full names mentioned so far ("kim", "wang", "bush") -> the person: news
    /// shortens any name it has given in full, whether or not the gazetteer lists the short form.
    local: FxHashMap<&'a str, GazIdx>,
    /// Buffers of `decide`, kept between spans.
    people_buf: Vec<(Cand, u8)>,
    others_buf: Vec<Cand>,
}

impl<'c, 'a> Decide<'c, 'a> {
    /// Decides every span of the context, in text order, so that short names see the full names
    /// before them; a word that no span covers may be a word of a full name given before.
    pub(super) fn run(cx: &'c Context<'a>, mentions: &'c mut Mentions) -> Named {
        let mut pass = Decide {
            cx,
            mentions,
            last_seen: FxHashMap::default(),
            people: Vec::new(),
            local: FxHashMap::default(),
            people_buf: Vec::new(),
            others_buf: Vec::new(),
        };
        let spans = cx.spans.as_slice();
        let mut next = 0;
        for i in 0..cx.text.tokens().len() {
            while next < spans.len() && spans[next].start() <= i {
                pass.decide(next);
                next += 1;
            }
            // spans are sorted and disjoint: only the last one started can cover token `i`
            let in_span = next > 0 && i < spans[next - 1].end();
            if !in_span && !pass.mentions.taken.contains(i) {
                pass.local_name(i);
            }
        }
        Named { people: pass.people }
    }

    fn last_seen(&self, person: usize) -> Option<PendingIdx> {
        self.last_seen.get(&GazIdx::new(person)).copied()
    }

    /// Decides span `i`: which entity, which form, which phrase.
    fn decide(&mut self, i: usize) {
        let cx = self.cx;
        cx.spans.look_near(i);
        let span = *cx.spans.get(i);
        if span.is_empty() {
            return;
        }
        let tokens = span.tokens();
        let (first, last) = (tokens.start, tokens.end);
        let sentence = cx.sentence(first);
        let single = tokens.len() == 1;
        let common = single && cx.is_in(cx.word(first), list::COMMON);
        let initial = cx.sentence_initial(first);
        let written_capitalised = cx.capitalised(first);
        let mut people = std::mem::take(&mut self.people_buf);
        let mut others = std::mem::take(&mut self.others_buf);
        people.clear();
        others.clear();
        let any_person = cx.spans.cands(i).iter().any(|c| cx.kind(c.gaz()) == EntityKind::Person);
        // what the context says, worked out once, when first asked
        let (continues, follows, suffix, longer) = (OnceCell::new(), OnceCell::new(), OnceCell::new(), OnceCell::new());
        let continues = || *continues.get_or_init(|| cx.continues_a_name(first));
        let follows = || *follows.get_or_init(|| cx.followed_by_a_name(last));
        let suffix = || *suffix.get_or_init(|| cx.followed_by_suffix(last));
        let longer = || *longer.get_or_init(|| cx.inside_a_longer_name(first));
        let mut title = if any_person { self.title_before(first) } else { None };
        // "President Joe Biden" where the gazetteer knows only "Joseph Biden": a title that fits
        // the surname's person vouches for the unknown first name between them
        let mut given_name = false;
        if any_person && title.is_none() && continues() && cx.same_pattern(first - 1, first) {
            title = self.title_before(first - 1);
            given_name = title.is_some();
        }

        // drop candidates that the context rules out
        for &c in cx.spans.cands(i) {
            if c.case == CasePolicy::Exact && cx.sentences[sentence].all_caps && single {
                // an acronym in a line of capitals is just a word ("LET US TALK")
                continue;
            }
            if cx.kind(c.gaz()) == EntityKind::Person {
                let partial = matches!(c.form, AliasForm::Surname | AliasForm::Short);
                if suffix() {
                    continue;
                }
                if partial {
                    if !written_capitalised {
                        continue;
                    }
                    let seen = self.last_seen(c.gaz()).is_some();
                    let vouched = given_name && title.as_ref().is_some_and(|t| self.fits(c.gaz(), t) >= 2);
                    // "Mahamat Deby": a surname of one person that runs into another's name is
                    // the given name of the other
                    if (continues() && !vouched) || follows() || cx.followed_by_a_person(last) {
                        continue;
                    }
                    // "his Iranian counterpart Abbas …": a surname alone must belong to the owner
                    if title.as_ref().is_some_and(|t| t.owner.is_some() && self.fits(c.gaz(), t) == 0) {
                        continue;
                    }
                    if c.form == AliasForm::Surname && common && title.is_none() && !seen {
                        continue;
                    }
                }
                let fit = title.as_ref().map_or(0, |t| self.fits(c.gaz(), t));
                people.push((c, fit));
            } else {
                if c.form != AliasForm::Abbreviation && c.case != CasePolicy::Exact && suffix() {
                    continue;
                }
                if common && (continues() || follows()) {
                    continue;
                }
                if matches!(cx.kind(c.gaz()), EntityKind::Country | EntityKind::Place)
                    && c.form != AliasForm::Adjective
                    && longer()
                {
                    continue;
                }
                others.push(c);
            }
        }

        // narrow the people down to one, or none
        if people.len() > 1 {
            let best_fit = people.iter().map(|p| p.1).max().unwrap_or(0);
            if best_fit > 0 {
                people.retain(|p| p.1 == best_fit);
            }
        }
        if people.len() > 1 {
            let latest = people.iter().filter_map(|p| self.last_seen(p.0.gaz())).max();
            if let Some(latest) = latest {
                people.retain(|p| self.last_seen(p.0.gaz()) == Some(latest));
            }
        }
        if people.len() > 1 && people.iter().any(|p| cx.holds_office_on_date(p.0.gaz())) {
            people.retain(|p| cx.holds_office_on_date(p.0.gaz()));
        }
        if people.len() > 1 {
            let all_full = people.iter().all(|p| p.0.form == AliasForm::Name);
            let top = people.iter().map(|p| cx.record(p.0.gaz()).priority).max().unwrap_or(0);
            let at_top = people.iter().filter(|p| cx.record(p.0.gaz()).priority == top).count();
            if all_full && at_top == 1 {
                people.retain(|p| cx.record(p.0.gaz()).priority == top);
            } else {
                // several people share the name and nothing tells them apart: leave it unresolved
                people.clear();
            }
        }

        // rank the survivors: context first, then priority, form and kind; the first of equals wins
        let person = people.first().copied();
        let person_context = person.is_some_and(|(c, fit)| fit > 0 || self.last_seen(c.gaz()).is_some());
        let within = self.place_before_comma(first);
        let rank = |context: u8, c: Cand, kind: EntityKind| {
            (context, cx.record(c.gaz()).priority, form_rank(c.form), kind_rank(kind))
        };
        let mut best: Option<((u8, i32, u8, u8), Cand)> = None;
        let mut consider = |key: (u8, i32, u8, u8), c: Cand| {
            // `max_by_key` keeps the last of equal maxima
            if best.as_ref().map_or(true, |b| key >= b.0) {
                best = Some((key, c));
            }
        };
        for &c in &others {
            let context = u8::from(within.is_some() && cx.country_code(c.gaz()) == within);
            consider(rank(context, c, cx.kind(c.gaz())), c);
        }
        if let Some((c, fit)) = person {
            let context = u8::from(person_context) + u8::from(fit > 0 || title.is_some());
            consider(rank(context, c, EntityKind::Person), c);
        }
        self.people_buf = people;
        self.others_buf = others;
        let Some((_, chosen)) = best else { return };

        let kind = cx.kind(chosen.gaz());
        let mut pending = Pending::new(Key::Gaz(chosen.gaz), tokens.clone(), MentionForm::Name);
        // "Turkey prices …" opens a sentence; "Turkey's …" does not leave the doubt
        pending.tentative = match kind {
            EntityKind::Person => {
                // a lone surname opening a sentence (or in a title-case line) may be a common
                // word ("Tax revenues rose"): it needs another mention or a verb after it
                chosen.form == AliasForm::Surname
                    && (initial || cx.title_case(sentence))
                    && !person_context
                    && title.is_none()
                    && !cx.acts_next(last)
            }
            _ => common && initial && !cx.acts_next(last),
        };
        match kind {
            EntityKind::Person => {
                if given_name {
                    pending.name.start = TokenIdx::new(first - 1);
                }
                self.decide_person(&mut pending, chosen, title.as_ref());
            }
            EntityKind::Place
                if !cx.record(chosen.gaz()).members.is_empty() && cx.is_group(last) && cx.same_pattern(first, last) =>
            {
                pending.phrase.end = TokenIdx::new(last + 1);
                pending.name.end = TokenIdx::new(last + 1);
                pending.form = MentionForm::Group;
            }
            EntityKind::Place => {
                if let Some(country) = cx.resolver.capital_of[chosen.gaz()] {
                    if !self.is_location(first, last) {
                        pending.form = MentionForm::Metonym;
                        pending.acts_for = Some(GazIdx::new(country));
                    }
                }
                if chosen.form == AliasForm::Adjective {
                    pending.form = MentionForm::Adjective;
                }
            }
            _ => {
                if chosen.form == AliasForm::Adjective {
                    pending.form = MentionForm::Adjective;
                }
            }
        }
        let p = self.mentions.push(pending);
        self.mentions.set_decided(i, p);
        if matches!(kind, EntityKind::Organization | EntityKind::Event | EntityKind::Document) {
            self.compound_parts(&tokens);
        }
    }

    /// The countries and regions of a hyphenated compound inside a longer name ("China-Central
    /// Asia Summit"), as nested mentions: the automaton reports only the longest name.
    fn compound_parts(&mut self, tokens: &Range<usize>) {
        let toks = self.cx.text.tokens();
        let is_hyphen = |t: usize| toks[t].kind() == TokenKind::Punct && self.cx.text.token_text(t) == "-";
        if !tokens.clone().any(is_hyphen) {
            return;
        }
        // each part between hyphens on its own: the whole would only match the whole name again
        let mut part_start = tokens.start;
        for t in tokens.clone().chain(std::iter::once(tokens.end)) {
            if t < tokens.end && !is_hyphen(t) {
                continue;
            }
            if part_start < t {
                self.names_within(part_start..t, tokens);
            }
            part_start = t + 1;
        }
    }

    /// Adds the countries and regions named within `part` as mentions nested in `outer`.
    fn names_within(&mut self, part: Range<usize>, outer: &Range<usize>) {
        let cx = self.cx;
        let toks = cx.text.tokens();
        let base = toks[part.start].start();
        let inner = Text::new(&cx.text.original()[base..toks[part.end - 1].end()]);
        let found = cx.matcher.find_all(&inner);
        let mut k = 0;
        while k < found.len() {
            let mut j = k + 1;
            while j < found.len() && found[j].norm == found[k].norm {
                j += 1;
            }
            let entity = found[k..j]
                .iter()
                .map(|f| cx.matcher.candidate(f.candidate).entity)
                .filter(|&g| match cx.kind(g) {
                    EntityKind::Country => true,
                    EntityKind::Place => !cx.record(g).members.is_empty(),
                    _ => false,
                })
                .max_by_key(|&g| cx.record(g).priority);
            let range = tokens_of(cx.text, base + found[k].start, base + found[k].end);
            if let Some(g) = entity {
                if !range.is_empty() && range.start >= outer.start && range.end <= outer.end && range != *outer {
                    self.mentions.push(Pending::new(Key::Gaz(GazIdx::new(g)), range, MentionForm::Name));
                }
            }
            k = j;
        }
    }

    /// The country code of the place named just before ", " ("Atlanta, Georgia": Atlanta's).
    fn place_before_comma(&self, first: usize) -> Option<&'a str> {
        let cx = self.cx;
        if first < 2 || cx.word(first - 1) != "," || cx.sentence(first - 2) != cx.sentence(first) {
            return None;
        }
        let s = cx.spans.at(first - 2)?;
        let g = self.mentions.decided_entity(s)?;
        (cx.kind(g) == EntityKind::Place).then(|| cx.country_code(g)).flatten()
    }

    /// A capital written as a place, not as an actor: after a locative word ("in Beijing"), before a
    /// comma and a country ("Astana, Kazakhstan"), or listed after such a place ("in Beijing and
    /// Moscow").
    fn is_location(&self, first: usize, last: usize) -> bool {
        let cx = self.cx;
        let toks = cx.text.tokens();
        let sentence = cx.sentence(first);
        if toks.get(last).is_some_and(|t| t.kind() == TokenKind::Possessive) {
            // "part of Beijing's strategy": a possessor acts, wherever it stands
            return false;
        }
        // a dateline ("BEIJING, June 17 -") is where the story was filed
        let written = &cx.text.original()[toks[first].start()..toks[last - 1].end()];
        if cx.sentence_initial(first) && written.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
            return true;
        }
        // "Moscow-based", "Beijing-backed": part of an adjective
        if last + 1 < toks.len() && cx.word(last) == "-" && cx.is_word(last + 1) && !cx.capitalised(last + 1) {
            return true;
        }
        if first > 0 && cx.sentence(first - 1) == sentence {
            let prev = cx.word(first - 1);
            if cx.is_in(prev, list::LOCATIVE) {
                return true;
            }
            if (prev == "and" || prev == "or" || prev == ",") && first >= 2 {
                if let Some(p) = cx.spans.at(first - 2).and_then(|s| self.mentions.decided(s)) {
                    let q = self.mentions.get(p);
                    if let Key::Gaz(g) = q.key {
                        if cx.resolver.capital_of[g.get()].is_some() && q.form == MentionForm::Name {
                            return true;
                        }
                    }
                }
            }
        }
        if last + 1 < toks.len() && cx.word(last) == "," && cx.sentence(last + 1) == sentence {
            if let Some(s) = cx.spans.at(last + 1) {
                if cx.spans.cands(s).iter().any(|c| cx.kind(c.gaz()) == EntityKind::Country) {
                    return true;
                }
            }
        }
        false
    }

    /// A capitalised word that no gazetteer name covers, but that is part of a full name given
    /// earlier in the document: "Kim" after "Kim Jong Un", "Wang" after "Wang Yi".
    fn local_name(&mut self, i: usize) {
        let cx = self.cx;
        if self.local.is_empty() || !cx.is_word(i) || !cx.capitalised(i) {
            return;
        }
        let Some(&person) = self.local.get(cx.word(i)) else { return };
        if cx.continues_a_name(i) || cx.followed_by_a_name(i + 1) {
            return;
        }
        let title = self.title_before(i);
        if title.as_ref().is_some_and(|t| t.owner.is_some() && self.fits(person.get(), t) == 0) {
            return;
        }
        let mut pending = Pending::new(Key::Gaz(person), i..i + 1, MentionForm::Short);
        let cand = Cand { gaz: person, form: AliasForm::Short, case: CasePolicy::Capitalized };
        self.decide_person(&mut pending, cand, title.as_ref());
        self.mentions.push(pending);
    }

    /// Registers the first and last words of a full name for [`Decide::local_name`].
    fn register_name(&mut self, name: Range<usize>, person: GazIdx) {
        let cx = self.cx;
        let suffixes = cx.list(ListId::GenerationalSuffixes);
        let is_name_word = |t: usize| cx.is_word(t) && cx.capitalised(t) && !suffixes.contains(cx.word(t));
        let Some(first) = name.clone().find(|&t| is_name_word(t)) else { return };
        let Some(last) = name.rev().find(|&t| is_name_word(t)) else { return };
        if first == last {
            return;
        }
        for (t, min_len) in [(first, 2), (last, 3)] {
            let w = cx.word(t);
            let usable =
                at_least_chars(w, min_len) && !cx.is_in(w, list::FUNCTION | list::CALENDAR) && TITLES.get(w).is_none();
            if usable {
                self.local.insert(w, person);
            }
        }
    }

    fn decide_person(&mut self, pending: &mut Pending, chosen: Cand, title: Option<&TitleContext>) {
        let cx = self.cx;
        let person = chosen.gaz();
        let first = pending.name.start.get();
        if !matches!(chosen.form, AliasForm::Surname | AliasForm::Short) {
            self.register_name(pending.name.range(), chosen.gaz);
        }
        if matches!(chosen.form, AliasForm::Surname | AliasForm::Short) {
            pending.form = MentionForm::Short;
        }
        let role = cx.resolver.role_on(cx.gazetteer, person, cx.date);
        pending.acts_for = role.map(|(_, owner)| GazIdx::new(owner));
        if let Some(t) = title {
            if cx.same_pattern(t.start, first) {
                pending.phrase.start = TokenIdx::new(t.start);
            }
        } else if let Some((start, owner)) = self.mentions.owner_before(self.cx, first) {
            // "China's Xi": the possessor is the person's own country
            let possessive = first > 0 && cx.text.tokens()[first - 1].kind() == TokenKind::Possessive;
            let own = Some(owner) == cx.resolver.person_country[person] || Some(GazIdx::new(owner)) == pending.acts_for;
            if possessive && own && cx.same_pattern(start, first) {
                pending.phrase.start = TokenIdx::new(start);
            }
        }
        self.mentions.taken.insert_range(pending.phrase());
        let order = self.mentions.next_index();
        self.last_seen.insert(chosen.gaz, order);
        self.people.push((TokenIdx::new(first), chosen.gaz));
    }

    fn title_before(&self, first: usize) -> Option<TitleContext> {
        let cx = self.cx;
        let (mut title_start, office) = TITLES.ending_at(cx.text, first)?;
        let family = cx.family_of(title_start, first);
        // stacked titles ("Supreme Leader Ayatollah …"): the phrase takes them all, the office is
        // the one next to the name
        for _ in 0..3 {
            match TITLES.ending_at(cx.text, title_start) {
                Some((start, _)) => title_start = start,
                None => break,
            }
        }
        let (start, owner) = match self.mentions.owner_before(cx, title_start) {
            Some((start, owner)) => (start, Some(owner)),
            None => (title_start, None),
        };
        let former = start > 0 && cx.is_in(cx.word(start - 1), list::NOT_NOW);
        Some(TitleContext { start, office, family, owner, former })
    }

    /// How well a person fits a title: 3 holds that office of that owner on the date, 2 held it
    /// once, 1 belongs to the owner, 0 nothing known.
    fn fits(&self, person: usize, title: &TitleContext) -> u8 {
        let cx = self.cx;
        let record = cx.record(person);
        let owners = &cx.resolver.role_owner[person];
        let office_ok = |k: usize| match title.office {
            TitleOffice::Office(Office::Other) | TitleOffice::Counterpart => true,
            TitleOffice::Office(o) => cx.resolver.role_fits(cx.gazetteer, person, k, o, title.family),
        };
        let owner_ok = |k: usize| title.owner.is_none() || owners.get(k).copied().flatten() == title.owner;
        let mut best = 0;
        for (k, role) in record.roles.iter().enumerate() {
            if owner_ok(k) && office_ok(k) {
                let now = role.held_on(cx.date);
                let started = role.start.map_or(true, |start| start <= cx.date);
                // the holder on the date; after "former", one whose term is over
                let apt = if title.former { started && !now } else { now };
                best = best.max(if apt { 3 } else { 2 });
            } else if owner_ok(k) && title.owner.is_some() {
                best = best.max(1);
            }
        }
        if title.owner.is_some() && cx.resolver.person_country[person] == title.owner {
            best = best.max(1);
        }
        best
    }
}
