//! Resolve stage: from raw gazetteer matches to entities, the way news writes names.
//!
//! The matcher finds every name; resolution decides what each one refers to, merges the mentions
//! of one entity, and adds the mentions that no gazetteer lists:
//!
//! - **titles before names** ("Chinese President Xi Jinping", "his Kazakh counterpart Kassym-Jomart
//!   Tokayev"): one person mention whose phrase covers title and owner; the owner ("Chinese") stays a
//!   nested mention of its country and picks the person when a surname is ambiguous;
//! - **roles without names** ("the Kazakh president", "Russia's foreign minister", "the president of
//!   Kazakhstan"): the office holder on the document's date, from the gazetteer's dated roles;
//! - **short names and surnames** ("Xi", "Tokayev"): a surname that several people share resolves
//!   through an earlier mention in the document, a title, or the one person in office on the date,
//!   else not at all; a surname never fires inside a longer capitalised name ("Hunter Biden"); the
//!   first and last words of a full name given earlier also resolve ("Kim" after "Kim Jong Un"),
//!   whether or not the gazetteer lists them;
//! - **possessives** ("China's Xi" folds the country into the person's phrase when it is his);
//! - **hyphenated compounds** ("China-Kyrgyzstan-Uzbekistan railway"): each country a mention, also
//!   inside a listed name ("China-Central Asia Summit" keeps China and Central Asia, nested);
//! - **capitals as metonyms** ("Beijing commits …"): the place mention stands for its country
//!   ([`ResolvedMention::acts_for`]), unless it is a location ("in Beijing", "Astana, Kazakhstan");
//! - **demonyms** ("Kazakh") and **groups** ("Central Asian countries" is one mention of the region);
//! - **pattern entities**: amounts of money, treaties and agreements, summits (see `patterns.rs`);
//! - **titles by what they are called**: "the South Korean prime minister" is the holder of a
//!   prime minister's title there, never the president who heads the government; "the Iranian
//!   president" is the president, not the supreme leader who heads the state (`titles::Family`);
//! - **coreference**: "he", "her", "the president", "the Kazakh leader" refer back to the one
//!   person they can mean among those named just before, else to no one (see `coref.rs`);
//! - **ambiguity**: names that are common words ("May", "Turkey", "Chad") need context at the start
//!   of a sentence or next to other capitalised words; candidates of several kinds are ranked by
//!   context, gazetteer priority, name form and kind.
//!
//! # Who acts for whom
//!
//! A capital used as an actor, and a person who holds an office of a country or an organisation on
//! the document's date, carry `acts_for`: the rules engine lets a slot of kind country take such a
//! mention. That is the convention of event data (ICEWS, CAMEO): "Xi pledged …" is China's
//! government acting. Rules that want the person keep a person slot, which `acts_for` does not
//! change.
//!
//! Resolution is linear in the length of the document: every look-up is by token position or
//! through a hash map, never a scan of earlier mentions.

mod actors;
mod coref;
mod groups;
mod patterns;
mod titles;
mod unknown;

use std::cell::{Cell, OnceCell};
use std::collections::BTreeMap;
use std::ops::Range;

use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;

use crate::date::Date;
use crate::gazetteer::{slug, AliasForm, CasePolicy, EntityKind, EntityRecord, Gazetteer, Office, Role};
use crate::lexicon;
use crate::matcher::{Matcher, RawMatch};
use crate::text::{normalize, Text, TokenKind};

use self::titles::{family, Family, TitleOffice, TITLES};

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionForm {
    /// A name or alias from the gazetteer.
    Name,
    /// A short name or surname, resolved through an earlier full mention or the date.
    Short,
    /// A title or role without a name ("the Kazakh president"), resolved by date.
    Role,
    /// A demonym or adjective ("Kazakh", "Central Asian").
    Adjective,
    /// A capital standing for its country's government ("Beijing commits …").
    Metonym,
    /// A group of a region's members ("Central Asian countries"), or a group of actors named
    /// by country and sector ("Syrian opposition leaders", see `groups.rs`).
    Group,
    /// An entity found by pattern, not by gazetteer (a treaty, an amount of money).
    Pattern,
    /// A pronoun ("he", "her") or a definite description ("the president") that refers back to a
    /// person named earlier in the document (see `coref.rs`). It never makes an entity of its own.
    Pronoun,
}

/// An entity of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedEntity {
    /// Stable id.
    pub id: String,
    /// What it is.
    pub kind: EntityKind,
    /// Canonical name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Attributes.
    pub attrs: BTreeMap<String, String>,
    /// Its index in the gazetteer, if it came from one.
    pub gazetteer: Option<usize>,
}

impl ResolvedEntity {
    /// Whether its name describes it rather than names it: a document or event found by pattern
    /// whose last word is not capitalised ("a peace agreement", "the Tokyo summit"), unlike
    /// "the Treaty of Aachen" or "the China-Central Asia Summit". Such a phrase names nothing to
    /// link or count: it is neither listed in the output nor a party to a relation (a rule may
    /// still keep its text as an argument, `document = "gas deal"`).
    pub fn is_description(&self) -> bool {
        let described = matches!(self.kind, EntityKind::Document | EntityKind::Event) && self.gazetteer.is_none();
        described && self.name.split_whitespace().last().is_some_and(|w| !w.starts_with(char::is_uppercase))
    }
}

/// A resolved mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedMention {
    /// Index into [`Resolution::entities`].
    pub entity: usize,
    /// For a capital or a person acting for a state: the entity it stands for (index into
    /// [`Resolution::entities`]). Rules whose slot wants that kind use it.
    pub acts_for: Option<usize>,
    /// Original byte span of the name itself.
    pub start: usize,
    /// Original byte span of the name itself, exclusive.
    pub end: usize,
    /// The tokens of the whole phrase that rules see as one unit ("Chinese President Xi Jinping").
    pub tokens: Range<usize>,
    /// The sentence.
    pub sentence: usize,
    /// How it names the entity.
    pub form: MentionForm,
    /// Lies inside another mention's phrase (the "Chinese" of "Chinese President Xi"): listed in
    /// the output, but not a unit for rules.
    pub nested: bool,
}

/// Entities and mentions of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolution {
    /// The entities.
    pub entities: Vec<ResolvedEntity>,
    /// The mentions, sorted by `tokens.start`, then by length (longest first).
    pub mentions: Vec<ResolvedMention>,
}

/// Resolution knowledge compiled once from a gazetteer.
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    /// Per gazetteer entity: the country a capital is the capital of.
    capital_of: Vec<Option<usize>>,
    /// Per gazetteer entity: the country a person belongs to.
    person_country: Vec<Option<usize>>,
    /// Per gazetteer entity, per role: the entity the role is of.
    role_owner: Vec<Vec<Option<usize>>>,
    /// Per gazetteer entity, per role: the family of its title ("Premier" and "Prime Minister").
    role_family: Vec<Vec<Option<Family>>>,
    /// (owner, office) -> (person, role index), for "the Kazakh president".
    holders: FxHashMap<(usize, Office), Vec<(usize, usize)>>,
    /// (owner, normalised title) -> (person, role index), for "Russia's defence minister".
    titled: FxHashMap<(usize, String), Vec<(usize, usize)>>,
    /// Slug of every name of an organisation, document or event -> the entity: a summit found by
    /// pattern ("the China-Central Asia summit") is the gazetteer's entry when it has one.
    named: FxHashMap<String, usize>,
}

/// The resolver's word lists (`lexicon/`), as bits of one look-up.
mod list {
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

/// Every word of the lists above -> the lists it is in: one hash probe answers for all of them,
/// where a scan of a list costs a comparison per entry.
static LISTS: Lazy<FxHashMap<&'static str, u16>> = Lazy::new(|| {
    let lists = [
        (lexicon::FUNCTION_WORDS, list::FUNCTION),
        (lexicon::CALENDAR, list::CALENDAR),
        (lexicon::COMMON_WORDS, list::COMMON),
        (lexicon::NAME_SUFFIXES, list::SUFFIX),
        (lexicon::GEO_MODIFIERS, list::GEO),
        (lexicon::GROUP_NOUNS, list::GROUP),
        (lexicon::NEWS_VERBS, list::VERB),
        (lexicon::LOCATIVES, list::LOCATIVE),
        (lexicon::NOT_NOW, list::NOT_NOW),
    ];
    let mut map = FxHashMap::default();
    for (words, bit) in lists {
        for w in words.entries() {
            *map.entry(w).or_insert(0) |= bit;
        }
    }
    map
});

/// Whether normalised word `w` is in any of the lists `lists` (bits of [`list`]).
fn is_in(w: &str, lists: u16) -> bool {
    LISTS.get(w).is_some_and(|&bits| bits & lists != 0)
}

fn form_rank(form: AliasForm) -> u8 {
    match form {
        AliasForm::Name => 5,
        AliasForm::Former | AliasForm::Abbreviation => 4,
        AliasForm::Short | AliasForm::Adjective => 3,
        AliasForm::Surname => 1,
    }
}

fn kind_rank(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Country => 4,
        EntityKind::Organization => 3,
        EntityKind::Place => 2,
        EntityKind::Person => 1,
        _ => 0,
    }
}

fn office_rank(office: Office) -> u8 {
    match office {
        Office::HeadOfState => 0,
        Office::HeadOfGovernment => 1,
        Office::ForeignMinister => 2,
        Office::HeadOfOrganization => 3,
        Office::Other => 4,
    }
}

/// The gazetteer entity a reference names: an id, or an ISO3 code for a country.
fn lookup(gazetteer: &Gazetteer, reference: &str) -> Option<usize> {
    if reference.contains(':') {
        gazetteer.index_of(reference)
    } else {
        gazetteer.index_of(&format!("country:{}", reference.to_uppercase()))
    }
}

impl Resolver {
    /// Prepares resolution for `gazetteer`: capitals, people's countries, office holders.
    pub fn new(gazetteer: &Gazetteer) -> Resolver {
        // compiled here rather than on first use, so that resolving the first text is not slow
        patterns::compile();
        Lazy::force(&LISTS);
        Lazy::force(&TITLES);
        let entities = gazetteer.entities();
        let mut r = Resolver {
            capital_of: vec![None; entities.len()],
            person_country: vec![None; entities.len()],
            role_owner: vec![Vec::new(); entities.len()],
            role_family: vec![Vec::new(); entities.len()],
            ..Resolver::default()
        };
        for (i, e) in entities.iter().enumerate() {
            if matches!(e.kind, EntityKind::Organization | EntityKind::Document | EntityKind::Event) {
                for name in e.names() {
                    r.named.entry(slug(&name.text)).or_insert(i);
                }
            }
            if e.kind == EntityKind::Place {
                r.capital_of[i] = e
                    .attrs
                    .get("capital_of")
                    .and_then(|c| lookup(gazetteer, c))
                    .filter(|&c| entities[c].kind == EntityKind::Country);
            }
            if e.kind != EntityKind::Person {
                continue;
            }
            r.role_owner[i] = e.roles.iter().map(|role| gazetteer.index_of(&role.of)).collect();
            r.role_family[i] = e.roles.iter().map(|role| family(&normalize(&role.title))).collect();
            for (k, role) in e.roles.iter().enumerate() {
                if let Some(owner) = r.role_owner[i][k] {
                    r.holders.entry((owner, role.office)).or_default().push((i, k));
                    let title = normalize(&role.title);
                    r.titled.entry((owner, title)).or_default().push((i, k));
                }
            }
            r.person_country[i] = e.attrs.get("country").and_then(|c| lookup(gazetteer, c)).or_else(|| {
                r.role_owner[i].iter().flatten().copied().find(|&o| entities[o].kind == EntityKind::Country)
            });
        }
        r
    }

    /// The role `person` holds on `date` that matters most (head of state first), with its owner.
    fn role_on<'g>(&self, gazetteer: &'g Gazetteer, person: usize, date: Date) -> Option<(&'g Role, usize)> {
        let record = gazetteer.entities().get(person)?;
        let owners = self.role_owner.get(person)?;
        record
            .roles
            .iter()
            .zip(owners)
            .filter(|(role, _)| role.held_on(date))
            .filter_map(|(role, owner)| Some((role, (*owner)?)))
            // the highest office, at home before abroad (a French president is also an Andorran
            // co-prince)
            .min_by_key(|&(role, owner)| (office_rank(role.office), Some(owner) != self.person_country[person]))
    }

    /// Whether role `k` of `person` is what a title of `office` and `family` names: a title of a
    /// family names the roles of that family whatever their office ("Iranian President" is the
    /// president, a head of government, not the supreme leader), and roles of no family of that
    /// office ("Irish Prime Minister" is the Taoiseach); a title of no family names its office.
    fn role_fits(&self, gazetteer: &Gazetteer, person: usize, k: usize, office: Office, fam: Option<Family>) -> bool {
        let Some(role) = gazetteer.entities().get(person).and_then(|e| e.roles.get(k)) else { return false };
        let role_fam = self.role_family.get(person).and_then(|f| f.get(k).copied()).flatten();
        match (fam, role_fam) {
            (Some(f), Some(r)) => f == r,
            _ => role.office == office,
        }
    }

    /// The one person holding, on `date`, a role of `owner` that a title of `office` and `fam`
    /// names ([`Resolver::role_fits`]), if exactly one does. With no such holder, none: "the South
    /// Korean prime minister" is never the South Korean president, even though he heads the
    /// government.
    fn holder(
        &self,
        gazetteer: &Gazetteer,
        owner: usize,
        office: Office,
        fam: Option<Family>,
        date: Date,
    ) -> Option<usize> {
        const OFFICES: [Office; 5] = [
            Office::HeadOfState,
            Office::HeadOfGovernment,
            Office::ForeignMinister,
            Office::HeadOfOrganization,
            Office::Other,
        ];
        let mut found = None;
        // a family crosses offices; a title of no family looks at its own office only
        let offices: &[Office] = if fam.is_some() { &OFFICES } else { std::slice::from_ref(&office) };
        for &o in offices {
            for &(p, k) in self.holders.get(&(owner, o)).map_or(&[][..], Vec::as_slice) {
                let role = &gazetteer.entities()[p].roles[k];
                if !role.held_on(date) || !self.role_fits(gazetteer, p, k, office, fam) {
                    continue;
                }
                match found {
                    Some(q) if q != p => return None,
                    _ => found = Some(p),
                }
            }
        }
        found
    }

    /// Resolves the raw matches of one text, as of `date`.
    pub fn resolve(
        &self,
        gazetteer: &Gazetteer,
        matcher: &Matcher,
        text: &Text<'_>,
        matches: &[RawMatch],
        date: Date,
    ) -> Resolution {
        let mut run = Run::new(self, gazetteer, matcher, text, date);
        run.collect_spans(matches);
        run.collect_patterns();
        // in text order, so that short names see the full names before them
        let mut next = 0;
        for i in 0..text.tokens().len() {
            while next < run.spans.len() && run.spans[next].start as usize <= i {
                run.decide(next);
                next += 1;
            }
            // spans are sorted and disjoint: only the last one started can cover token `i`
            let in_span = next > 0 && i < run.spans[next - 1].end as usize;
            if !in_span && !run.taken.contains(i) {
                run.local_name(i);
            }
        }
        run.roles();
        run.unknown_surnames();
        run.coreference();
        let mut resolution = run.finish();
        groups::find_groups(groups::Agents::defaults(), text, &mut resolution);
        actors::code_actors(self, gazetteer, date, &mut resolution);
        resolution
    }
}

/// Sorts `items` by `key`, stably, in place when they are nearly sorted already: each item moves
/// back past the few before it that it precedes. (A stable sort takes a buffer half as long as
/// the items, which at the end of resolving is the largest thing alive.) Past a budget of moves
/// linear in the length, the ordinary stable sort finishes the work.
fn sort_nearly_sorted<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    let mut budget = 4 * items.len() + 64;
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j]) < key(&items[j - 1]) {
            if budget == 0 {
                items.sort_by_key(key);
                return;
            }
            budget -= 1;
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// `from + items[from..].partition_point(pred)`, found by galloping from `from`: the answer is
/// usually a step or two away, where a binary search over the rest would take twenty.
fn gallop<T>(items: &[T], from: usize, pred: impl Fn(&T) -> bool) -> usize {
    // every item of `from..lo` satisfies `pred`; the first that does not lies before `hi`
    let (mut lo, mut hi, mut step) = (from, items.len(), 1);
    while lo + step - 1 < items.len() {
        let probe = lo + step - 1;
        if !pred(&items[probe]) {
            hi = probe;
            break;
        }
        lo = probe + 1;
        step *= 2;
    }
    lo + items[lo..hi].partition_point(pred)
}

/// Sentinel for "none" in the `u32` indices below.
const NONE: u32 = u32::MAX;

/// One candidate entity of a span.
#[derive(Debug, Clone, Copy)]
struct Cand {
    gaz: u32,
    form: AliasForm,
    case: CasePolicy,
}

impl Cand {
    fn gaz(self) -> usize {
        self.gaz as usize
    }
}

/// A gazetteer name found in the text, aligned to whole tokens. Indices are `u32`: a document
/// holds fewer tokens than that, and a dense text (one name after another) has a span every few
/// bytes, so their size counts.
#[derive(Debug, Clone, Copy)]
struct Span {
    /// Its tokens, `start..end`.
    start: u32,
    end: u32,
    /// Its candidates, `cands_start..cands_end` in [`Run::cands`].
    cands_start: u32,
    cands_end: u32,
    /// The pending mention it became, or `NONE`.
    decided: u32,
}

impl Span {
    fn tokens(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// What a mention refers to before entities are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Gaz(u32),
    Pattern(u32),
    /// A person no gazetteer lists, named after a title (see `unknown.rs`).
    Unknown(u32),
}

/// A mention before entities are numbered (token ranges as `u32`, like [`Span`]).
#[derive(Debug, Clone)]
struct Pending {
    key: Key,
    /// The entity it acts for, or `NONE`.
    acts_for: u32,
    /// The name's tokens (start/end of the mention).
    name: Range<u32>,
    /// The phrase's tokens (the unit rules see).
    phrase: Range<u32>,
    form: MentionForm,
    /// Kept only if its entity has another, sure mention.
    tentative: bool,
    /// Its place among the mentions kept, which breaks ties when they are sorted.
    order: u32,
}

impl Pending {
    fn new(key: Key, tokens: Range<usize>, form: MentionForm) -> Pending {
        let tokens = tokens.start as u32..tokens.end as u32;
        Pending { key, acts_for: NONE, name: tokens.clone(), phrase: tokens, form, tentative: false, order: 0 }
    }

    fn phrase(&self) -> Range<usize> {
        self.phrase.start as usize..self.phrase.end as usize
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

/// What resolution needs to know of a sentence.
#[derive(Debug, Clone, Copy)]
struct SentenceInfo {
    /// Its first word (its first token when it has none).
    first_word: u32,
    /// Written in title case (a headline).
    title_case: bool,
    /// Written in capitals.
    all_caps: bool,
}

/// A set of token indices, one bit each: a per-token flag costs an eighth of a byte.
#[derive(Debug, Clone, Default)]
struct TokenSet {
    words: Vec<u64>,
}

impl TokenSet {
    fn new(len: usize) -> TokenSet {
        TokenSet { words: vec![0; len.div_ceil(64)] }
    }

    fn insert(&mut self, i: usize) {
        self.words[i / 64] |= 1 << (i % 64);
    }

    fn insert_range(&mut self, range: Range<usize>) {
        for i in range {
            self.insert(i);
        }
    }

    fn contains(&self, i: usize) -> bool {
        self.words.get(i / 64).is_some_and(|w| (w >> (i % 64)) & 1 == 1)
    }
}

/// The state of resolving one document.
///
/// Nothing here is kept per token but one bit: what covers a token (a span, a pattern entity) is
/// found by binary search in the sorted lists of spans and pattern entities.
struct Run<'a> {
    r: &'a Resolver,
    g: &'a Gazetteer,
    m: &'a Matcher,
    text: &'a Text<'a>,
    date: Date,
    /// Sorted by start, disjoint.
    spans: Vec<Span>,
    /// The candidates of every span, one span after the other.
    cands: Vec<Cand>,
    /// The pattern entities kept, and their tokens.
    finds: Vec<(patterns::Found, Range<usize>)>,
    /// The tokens of each pattern entity, as disjoint sorted `(start, end, find)`: a later find
    /// owns the tokens it shares with an earlier one. Phrases never cross the edge of one, so units
    /// never overlap.
    in_pattern: Vec<(u32, u32, u32)>,
    /// Tokens inside a person's phrase, a money amount or a pattern entity.
    taken: TokenSet,
    sentences: Vec<SentenceInfo>,
    pending: Vec<Pending>,
    /// Person -> the order of its latest mention (for short names).
    last_seen: FxHashMap<u32, u32>,
    /// People mentioned so far: (first token, gazetteer index), in order.
    people: Vec<(u32, u32)>,
    /// Words of the full names mentioned so far ("kim", "wang", "bush") -> the person: news
    /// shortens any name it has given in full, whether or not the gazetteer lists the short form.
    local: FxHashMap<&'a str, u32>,
    /// Buffers of `decide`, kept between spans.
    people_buf: Vec<(Cand, u8)>,
    others_buf: Vec<Cand>,
    /// The span being decided, where [`Run::span_at`] looks first.
    near: Cell<u32>,
    /// People no gazetteer lists, named after a title.
    unknown: unknown::Unknown,
    /// Titles that name no office holder by themselves ("the president", "the Kazakh leader"), in
    /// order: candidates for coreference.
    descriptions: Vec<coref::Description>,
    /// The first tokens of titles before names the gazetteer does not know: people a pronoun may
    /// refer to, whom resolution cannot name.
    unknown_people: Vec<u32>,
}

/// Whether `w` has at least `n` characters.
fn at_least_chars(w: &str, n: usize) -> bool {
    w.len() >= n && (w.len() >= 4 * n || w.chars().nth(n - 1).is_some())
}

/// Whether `w` has a lower-case letter.
fn has_lowercase(w: &str) -> bool {
    if w.is_ascii() {
        w.bytes().any(|b| b.is_ascii_lowercase())
    } else {
        w.chars().any(char::is_lowercase)
    }
}

/// Whether `w` lower-cased is one of `lexicon/title-case-small.txt`. Only ASCII lower-cases to these words
/// (the Kelvin sign, the one other letter that lower-cases to ASCII, makes a `k`, which none has).
fn title_case_small(w: &str) -> bool {
    static SMALL: Lazy<Vec<&'static str>> = Lazy::new(|| lexicon::TITLE_CASE_SMALL.entries().collect());
    w.len() <= 4 && SMALL.iter().any(|s| w.eq_ignore_ascii_case(s))
}

impl<'a> Run<'a> {
    fn new(r: &'a Resolver, g: &'a Gazetteer, m: &'a Matcher, text: &'a Text<'a>, date: Date) -> Run<'a> {
        let toks = text.tokens();
        let mut sentences = Vec::with_capacity(text.sentences().len());
        for s in text.sentences() {
            let mut first_word = None;
            // longer words, and how many are capitalised; words of two bytes or more, and how many
            // are in capitals
            let (mut long, mut upper, mut letters, mut caps) = (0usize, 0usize, 0usize, 0usize);
            for i in s.tokens() {
                if toks[i].kind() != TokenKind::Word {
                    continue;
                }
                first_word.get_or_insert(i);
                let w = text.token_original(i);
                if at_least_chars(w, 3) && !title_case_small(w) {
                    long += 1;
                    upper += usize::from(w.chars().next().is_some_and(char::is_uppercase));
                }
                if w.len() >= 2 {
                    letters += 1;
                    caps += usize::from(!has_lowercase(w));
                }
            }
            sentences.push(SentenceInfo {
                first_word: first_word.unwrap_or(s.tokens().start) as u32,
                // a headline in title case: every longer word capitalised
                title_case: long >= 3 && upper == long,
                all_caps: letters >= 3 && caps * 10 >= letters * 8,
            });
        }
        Run {
            r,
            g,
            m,
            text,
            date,
            spans: Vec::new(),
            cands: Vec::new(),
            finds: Vec::new(),
            in_pattern: Vec::new(),
            taken: TokenSet::new(toks.len()),
            sentences,
            pending: Vec::new(),
            last_seen: FxHashMap::default(),
            people: Vec::new(),
            local: FxHashMap::default(),
            people_buf: Vec::new(),
            others_buf: Vec::new(),
            near: Cell::new(0),
            unknown: unknown::Unknown::default(),
            descriptions: Vec::new(),
            unknown_people: Vec::new(),
        }
    }

    fn record(&self, gaz: usize) -> &'a EntityRecord {
        &self.g.entities()[gaz]
    }

    fn kind(&self, gaz: usize) -> EntityKind {
        self.record(gaz).kind
    }

    fn word(&self, i: usize) -> &'a str {
        self.text.token_text(i)
    }

    fn capitalised(&self, i: usize) -> bool {
        self.text.token_original(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn sentence(&self, i: usize) -> usize {
        self.text.tokens()[i].sentence()
    }

    fn title_case(&self, sentence: usize) -> bool {
        self.sentences[sentence].title_case
    }

    fn is_word(&self, i: usize) -> bool {
        self.text.tokens().get(i).is_some_and(|t| t.kind() == TokenKind::Word)
    }

    /// Token `i` exists, is a word, and is in sentence `sentence`.
    fn word_in(&self, i: usize, sentence: usize) -> bool {
        self.is_word(i) && self.sentence(i) == sentence
    }

    /// The span that covers token `t`.
    fn span_at(&self, t: usize) -> Option<usize> {
        // most questions are about the tokens next to the span being decided: search the few
        // spans around it when they surround the token, all of them otherwise
        let near = self.near.get() as usize;
        let (lo, hi) = (near.saturating_sub(2), (near + 3).min(self.spans.len()));
        let (lo, hi) = if lo < hi && self.spans[lo].start as usize <= t && t < self.spans[hi - 1].end as usize {
            (lo, hi)
        } else {
            (0, self.spans.len())
        };
        let s = lo + self.spans[lo..hi].partition_point(|s| s.start as usize <= t).checked_sub(1)?;
        (t < self.spans[s].end as usize).then_some(s)
    }

    /// The candidates of span `s`.
    fn cands(&self, s: usize) -> &[Cand] {
        let span = &self.spans[s];
        &self.cands[span.cands_start as usize..span.cands_end as usize]
    }

    /// The pending mention span `s` became.
    fn decided(&self, s: usize) -> Option<usize> {
        let p = self.spans[s].decided;
        (p != NONE).then_some(p as usize)
    }

    /// The pattern entity (index into `finds`) that covers token `t`.
    fn in_pattern(&self, t: usize) -> Option<usize> {
        let k = self.in_pattern.partition_point(|p| p.0 as usize <= t).checked_sub(1)?;
        let (_, end, find) = self.in_pattern[k];
        (t < end as usize).then_some(find as usize)
    }

    /// Groups the raw matches by span, keeping those that cover whole tokens.
    fn collect_spans(&mut self, matches: &[RawMatch]) {
        let toks = self.text.tokens();
        let mut i = 0;
        // matches come in text order: each search for a token starts where the last one ended
        let (mut from, mut from_norm) = (0, 0);
        while i < matches.len() {
            let mut j = i + 1;
            while j < matches.len() && matches[j].norm == matches[i].norm {
                j += 1;
            }
            let norm = &matches[i].norm;
            if norm.start < from_norm {
                from = 0;
            }
            let first = gallop(toks, from, |t| t.norm().start < norm.start);
            let last = gallop(toks, first, |t| t.norm().start < norm.end);
            (from, from_norm) = (first, norm.start);
            // a name must start and end on token boundaries: "Xi" is not a name inside "Xi'an"
            let aligned = first < last
                && toks[first].norm().start == norm.start
                && toks[last - 1].norm().end == norm.end
                && toks[first].sentence() == toks[last - 1].sentence();
            if aligned {
                let cands_start = self.cands.len();
                for m in &matches[i..j] {
                    let c = self.m.candidate(m.candidate);
                    let cand = Cand { gaz: c.entity as u32, form: c.form, case: c.case };
                    match self.cands[cands_start..].iter_mut().find(|x| x.gaz == cand.gaz) {
                        Some(x) if form_rank(x.form) < form_rank(cand.form) => *x = cand,
                        Some(_) => {}
                        None => self.cands.push(cand),
                    }
                }
                // the matcher reports names in order and never two over one token
                debug_assert!(self.spans.last().map_or(true, |s| s.end as usize <= first));
                self.spans.push(Span {
                    start: first as u32,
                    end: last as u32,
                    cands_start: cands_start as u32,
                    cands_end: self.cands.len() as u32,
                    decided: NONE,
                });
            }
            i = j;
        }
    }

    /// The tokens of an original byte span, snapped outwards to whole tokens.
    fn tokens_of(&self, start: usize, end: usize) -> Range<usize> {
        let toks = self.text.tokens();
        let first = toks.partition_point(|t| t.end() <= start);
        let last = toks.partition_point(|t| t.start() < end);
        first..last.max(first)
    }

    /// Records that pattern entity `find` covers `tokens`, over any earlier one there.
    fn paint_pattern(&mut self, tokens: Range<usize>, find: usize) {
        let (start, end) = (tokens.start as u32, tokens.end as u32);
        let list = &mut self.in_pattern;
        // finds come sorted by start: only the last intervals can meet this one
        let mut rest = Vec::new();
        while let Some(&(s, e, k)) = list.last() {
            if s < start {
                break;
            }
            list.pop();
            if e > end {
                rest.push((s.max(end), e, k));
            }
        }
        if let Some(last) = list.last_mut() {
            if last.1 > start {
                let (e, k) = (last.1, last.2);
                last.1 = start;
                if e > end {
                    rest.push((end, e, k));
                }
            }
        }
        if start < end {
            list.push((start, end, find as u32));
        }
        rest.sort_unstable();
        list.extend(rest);
    }

    /// Finds money, documents and events; names inside an amount are dropped, names inside a
    /// document or event stay as nested mentions, and a pattern that cuts a name in two is dropped.
    fn collect_patterns(&mut self) {
        for found in patterns::find(self.text.original()) {
            let tokens = self.tokens_of(found.start, found.end);
            if tokens.is_empty() {
                continue;
            }
            if found.kind == EntityKind::Money {
                for t in tokens.clone() {
                    if let Some(s) = self.span_at(t) {
                        self.spans[s].cands_end = self.spans[s].cands_start;
                    }
                }
                self.taken.insert_range(tokens.clone());
            } else {
                let cut = |t: usize| self.span_at(t).map(|s| self.spans[s].tokens());
                // the gazetteer knows this very name (or a longer one): its entry wins
                if cut(tokens.start).is_some_and(|s| s.start <= tokens.start && s.end >= tokens.end) {
                    continue;
                }
                let head_cut = cut(tokens.start).is_some_and(|s| s.start < tokens.start || s.end > tokens.end);
                let tail_cut = cut(tokens.end - 1).is_some_and(|s| s.end > tokens.end || s.start < tokens.start);
                if head_cut || tail_cut {
                    continue;
                }
                self.taken.insert_range(tokens.clone());
            }
            self.paint_pattern(tokens.clone(), self.finds.len());
            self.finds.push((found, tokens));
        }
    }

    /// The word before `i` in its sentence is a capitalised word that is not a name we know, a
    /// title, or a function word: `i` continues someone else's name ("Hunter Biden").
    fn continues_a_name(&self, first: usize) -> bool {
        if first == 0 {
            return false;
        }
        let prev = first - 1;
        let sentence = self.sentence(first);
        if !self.word_in(prev, sentence) || !self.capitalised(prev) || self.title_case(sentence) {
            return false;
        }
        if is_in(self.word(prev), list::FUNCTION) {
            return false;
        }
        self.span_at(prev).is_none() && TITLES.ending_at(self.text, first).is_none()
    }

    /// A place that ends a longer name the gazetteer does not list: "Real Madrid", "Bank of
    /// England", "University of Tokyo" (but "Western Europe", "President of France").
    fn inside_a_longer_name(&self, first: usize) -> bool {
        if first == 0 {
            return false;
        }
        let prev = first - 1;
        if self.continues_a_name(first) {
            return !is_in(self.word(prev), list::GEO);
        }
        self.word(prev) == "of" && self.sentence(prev) == self.sentence(first) && self.continues_a_name(prev)
    }

    /// The word after the span is a capitalised word that is no name we know: the span is the
    /// start of a longer name ("Putin Street", "Jordan Peterson").
    fn followed_by_a_name(&self, last: usize) -> bool {
        let toks = self.text.tokens();
        if last >= toks.len() || last == 0 {
            return false;
        }
        let sentence = self.sentence(last - 1);
        if !self.word_in(last, sentence) || !self.capitalised(last) || self.title_case(sentence) {
            return false;
        }
        let w = self.word(last);
        if self.span_at(last).is_some() || is_in(w, list::CALENDAR) || TITLES.starting_at(self.text, last).is_some() {
            return false;
        }
        true
    }

    /// The next token starts a span that may name a person, in the same sentence, with nothing
    /// between them (headlines in title case aside, where every word is capitalised).
    fn followed_by_a_person(&self, last: usize) -> bool {
        if last >= self.text.tokens().len() || last == 0 {
            return false;
        }
        let sentence = self.sentence(last - 1);
        if !self.word_in(last, sentence) || !self.capitalised(last) || self.title_case(sentence) {
            return false;
        }
        self.span_at(last).is_some_and(|s| {
            self.spans[s].start as usize == last
                && self.cands(s).iter().any(|c| self.kind(c.gaz()) == EntityKind::Person)
        })
    }

    /// The next word is a suffix that makes a new name ("Niger Delta", "Putin Street").
    fn followed_by_suffix(&self, last: usize) -> bool {
        last < self.text.tokens().len()
            && self.word_in(last, self.sentence(last - 1))
            && self.capitalised(last)
            && is_in(self.word(last), list::SUFFIX)
    }

    /// Whether token `i` opens its sentence (after quotes and brackets).
    fn sentence_initial(&self, i: usize) -> bool {
        self.sentences.get(self.sentence(i)).is_some_and(|s| s.first_word as usize == i)
    }

    /// The entity a mention decided at span `s` names, when it can own an office (a country or an
    /// organisation).
    fn owner_at(&self, s: usize) -> Option<usize> {
        let p = self.decided(s)?;
        let Key::Gaz(gaz) = self.pending[p].key else { return None };
        let gaz = gaz as usize;
        matches!(self.kind(gaz), EntityKind::Country | EntityKind::Organization).then_some(gaz)
    }

    /// A decided span that ends just before token `end` (or before a possessive that does).
    fn owner_before(&self, end: usize) -> Option<(usize, usize)> {
        if end == 0 {
            return None;
        }
        let toks = self.text.tokens();
        let mut at = end;
        if toks[at - 1].kind() == TokenKind::Possessive {
            at -= 1;
        }
        if at == 0 {
            return None;
        }
        let s = self.span_at(at - 1)?;
        if self.spans[s].end as usize != at || self.sentence(at - 1) != self.sentence(end - 1) {
            return None;
        }
        Some((self.spans[s].start as usize, self.owner_at(s)?))
    }

    fn title_before(&self, first: usize) -> Option<TitleContext> {
        let (mut title_start, office) = TITLES.ending_at(self.text, first)?;
        let family = self.family_of(title_start, first);
        // stacked titles ("Supreme Leader Ayatollah …"): the phrase takes them all, the office is
        // the one next to the name
        for _ in 0..3 {
            match TITLES.ending_at(self.text, title_start) {
                Some((start, _)) => title_start = start,
                None => break,
            }
        }
        let (start, owner) = match self.owner_before(title_start) {
            Some((start, owner)) => (start, Some(owner)),
            None => (title_start, None),
        };
        let former = start > 0 && is_in(self.word(start - 1), list::NOT_NOW);
        Some(TitleContext { start, office, family, owner, former })
    }

    /// The family of the title that tokens `start..end` spell.
    fn family_of(&self, start: usize, end: usize) -> Option<Family> {
        let toks = self.text.tokens();
        family(&self.text.normalized()[toks[start].norm().start..toks[end - 1].norm().end])
    }

    /// How well a person fits a title: 3 holds that office of that owner on the date, 2 held it
    /// once, 1 belongs to the owner, 0 nothing known.
    fn fits(&self, person: usize, title: &TitleContext) -> u8 {
        let record = self.record(person);
        let owners = &self.r.role_owner[person];
        let office_ok = |k: usize| match title.office {
            TitleOffice::Office(Office::Other) | TitleOffice::Counterpart => true,
            TitleOffice::Office(o) => self.r.role_fits(self.g, person, k, o, title.family),
        };
        let owner_ok = |k: usize| title.owner.is_none() || owners.get(k).copied().flatten() == title.owner;
        let mut best = 0;
        for (k, role) in record.roles.iter().enumerate() {
            if owner_ok(k) && office_ok(k) {
                let now = role.held_on(self.date);
                let started = role.start.map_or(true, |start| start <= self.date);
                // the holder on the date; after "former", one whose term is over
                let apt = if title.former { started && !now } else { now };
                best = best.max(if apt { 3 } else { 2 });
            } else if owner_ok(k) && title.owner.is_some() {
                best = best.max(1);
            }
        }
        if title.owner.is_some() && self.r.person_country[person] == title.owner {
            best = best.max(1);
        }
        best
    }

    fn holds_office_on_date(&self, person: usize) -> bool {
        self.record(person).roles.iter().any(|r| r.held_on(self.date))
    }

    fn last_seen(&self, person: usize) -> Option<u32> {
        self.last_seen.get(&(person as u32)).copied()
    }

    /// Decides span `i`: which entity, which form, which phrase.
    fn decide(&mut self, i: usize) {
        self.near.set(i as u32);
        let span = self.spans[i];
        if span.cands_start == span.cands_end {
            return;
        }
        let tokens = span.tokens();
        let (first, last) = (tokens.start, tokens.end);
        let sentence = self.sentence(first);
        let single = tokens.len() == 1;
        let common = single && is_in(self.word(first), list::COMMON);
        let initial = self.sentence_initial(first);
        let written_capitalised = self.capitalised(first);
        let mut people = std::mem::take(&mut self.people_buf);
        let mut others = std::mem::take(&mut self.others_buf);
        people.clear();
        others.clear();
        let any_person = self.cands(i).iter().any(|c| self.kind(c.gaz()) == EntityKind::Person);
        // what the context says, worked out once, when first asked
        let (continues, follows, suffix, longer) = (OnceCell::new(), OnceCell::new(), OnceCell::new(), OnceCell::new());
        let continues = || *continues.get_or_init(|| self.continues_a_name(first));
        let follows = || *follows.get_or_init(|| self.followed_by_a_name(last));
        let suffix = || *suffix.get_or_init(|| self.followed_by_suffix(last));
        let longer = || *longer.get_or_init(|| self.inside_a_longer_name(first));
        let mut title = if any_person { self.title_before(first) } else { None };
        // "President Joe Biden" where the gazetteer knows only "Joseph Biden": a title that fits
        // the surname's person vouches for the unknown first name between them
        let mut given_name = false;
        if any_person && title.is_none() && continues() && self.same_pattern(first - 1, first) {
            title = self.title_before(first - 1);
            given_name = title.is_some();
        }

        // drop candidates that the context rules out
        for &c in self.cands(i) {
            if c.case == CasePolicy::Exact && self.sentences[sentence].all_caps && single {
                // an acronym in a line of capitals is just a word ("LET US TALK")
                continue;
            }
            if self.kind(c.gaz()) == EntityKind::Person {
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
                    if (continues() && !vouched) || follows() || self.followed_by_a_person(last) {
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
                if matches!(self.kind(c.gaz()), EntityKind::Country | EntityKind::Place)
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
        if people.len() > 1 && people.iter().any(|p| self.holds_office_on_date(p.0.gaz())) {
            people.retain(|p| self.holds_office_on_date(p.0.gaz()));
        }
        if people.len() > 1 {
            let all_full = people.iter().all(|p| p.0.form == AliasForm::Name);
            let top = people.iter().map(|p| self.record(p.0.gaz()).priority).max().unwrap_or(0);
            let at_top = people.iter().filter(|p| self.record(p.0.gaz()).priority == top).count();
            if all_full && at_top == 1 {
                people.retain(|p| self.record(p.0.gaz()).priority == top);
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
            (context, self.record(c.gaz()).priority, form_rank(c.form), kind_rank(kind))
        };
        let mut best: Option<((u8, i32, u8, u8), Cand)> = None;
        let mut consider = |key: (u8, i32, u8, u8), c: Cand| {
            // `max_by_key` keeps the last of equal maxima
            if best.as_ref().map_or(true, |b| key >= b.0) {
                best = Some((key, c));
            }
        };
        for &c in &others {
            let context = u8::from(within.is_some() && self.country_code(c.gaz()) == within);
            consider(rank(context, c, self.kind(c.gaz())), c);
        }
        if let Some((c, fit)) = person {
            let context = u8::from(person_context) + u8::from(fit > 0 || title.is_some());
            consider(rank(context, c, EntityKind::Person), c);
        }
        self.people_buf = people;
        self.others_buf = others;
        let Some((_, chosen)) = best else { return };

        let kind = self.kind(chosen.gaz());
        let mut pending = Pending::new(Key::Gaz(chosen.gaz), tokens.clone(), MentionForm::Name);
        // "Turkey prices …" opens a sentence; "Turkey's …" does not leave the doubt
        pending.tentative = match kind {
            EntityKind::Person => {
                // a lone surname opening a sentence (or in a title-case line) may be a common
                // word ("Tax revenues rose"): it needs another mention or a verb after it
                chosen.form == AliasForm::Surname
                    && (initial || self.title_case(sentence))
                    && !person_context
                    && title.is_none()
                    && !self.acts_next(last)
            }
            _ => common && initial && !self.acts_next(last),
        };
        match kind {
            EntityKind::Person => {
                if given_name {
                    pending.name.start = (first - 1) as u32;
                }
                self.decide_person(&mut pending, chosen, title.as_ref());
            }
            EntityKind::Place
                if !self.record(chosen.gaz()).members.is_empty()
                    && self.is_group(last)
                    && self.same_pattern(first, last) =>
            {
                pending.phrase.end = (last + 1) as u32;
                pending.name.end = (last + 1) as u32;
                pending.form = MentionForm::Group;
            }
            EntityKind::Place => {
                if let Some(country) = self.r.capital_of[chosen.gaz()] {
                    if !self.is_location(first, last) {
                        pending.form = MentionForm::Metonym;
                        pending.acts_for = country as u32;
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
        self.spans[i].decided = self.pending.len() as u32;
        self.pending.push(pending);
        if matches!(kind, EntityKind::Organization | EntityKind::Event | EntityKind::Document) {
            self.compound_parts(&tokens);
        }
    }

    /// The countries and regions of a hyphenated compound inside a longer name ("China-Central
    /// Asia Summit"), as nested mentions: the automaton reports only the longest name.
    fn compound_parts(&mut self, tokens: &Range<usize>) {
        let toks = self.text.tokens();
        let is_hyphen = |t: usize| toks[t].kind() == TokenKind::Punct && self.text.token_text(t) == "-";
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
        let toks = self.text.tokens();
        let base = toks[part.start].start();
        let inner = Text::new(&self.text.original()[base..toks[part.end - 1].end()]);
        let found = self.m.find_all(&inner);
        let mut k = 0;
        while k < found.len() {
            let mut j = k + 1;
            while j < found.len() && found[j].norm == found[k].norm {
                j += 1;
            }
            let entity = found[k..j]
                .iter()
                .map(|f| self.m.candidate(f.candidate).entity)
                .filter(|&g| match self.kind(g) {
                    EntityKind::Country => true,
                    EntityKind::Place => !self.record(g).members.is_empty(),
                    _ => false,
                })
                .max_by_key(|&g| self.record(g).priority);
            let range = self.tokens_of(base + found[k].start, base + found[k].end);
            if let Some(g) = entity {
                if !range.is_empty() && range.start >= outer.start && range.end <= outer.end && range != *outer {
                    self.pending.push(Pending::new(Key::Gaz(g as u32), range, MentionForm::Name));
                }
            }
            k = j;
        }
    }

    /// Tokens `a` and `b` lie in the same pattern entity, or both outside any.
    fn same_pattern(&self, a: usize, b: usize) -> bool {
        self.in_pattern(a) == self.in_pattern(b)
    }

    /// What follows a name at the start of a sentence shows it is one: a possessive ("Chad's"), a
    /// verb of news ("Chad said"), or a list of countries ("Chad and Niger").
    fn acts_next(&self, last: usize) -> bool {
        let toks = self.text.tokens();
        let Some(next) = toks.get(last) else { return false };
        if next.kind() == TokenKind::Possessive {
            return true;
        }
        if next.sentence() != toks[last - 1].sentence() {
            return false;
        }
        let w = self.word(last);
        if is_in(w, list::VERB) {
            return true;
        }
        if matches!(w, "and" | "or" | "," | "-") {
            if let Some(s) = self.span_at(last + 1) {
                return self.spans[s].start as usize == last + 1
                    && self.cands(s).iter().any(|c| self.kind(c.gaz()) == EntityKind::Country);
            }
        }
        false
    }

    /// The country code of the place named just before ", " ("Atlanta, Georgia": Atlanta's).
    fn place_before_comma(&self, first: usize) -> Option<&'a str> {
        if first < 2 || self.word(first - 1) != "," || self.sentence(first - 2) != self.sentence(first) {
            return None;
        }
        let s = self.span_at(first - 2)?;
        let Key::Gaz(g) = self.pending[self.decided(s)?].key else { return None };
        let g = g as usize;
        (self.kind(g) == EntityKind::Place).then(|| self.country_code(g)).flatten()
    }

    /// The ISO3 code of a country, or of the country a place lies in.
    fn country_code(&self, gaz: usize) -> Option<&'a str> {
        let record = self.record(gaz);
        match record.kind {
            EntityKind::Country => record.attrs.get("iso3").map(String::as_str).or(record.id.strip_prefix("country:")),
            EntityKind::Place => record.attrs.get("country").map(String::as_str),
            _ => None,
        }
    }

    fn is_group(&self, last: usize) -> bool {
        last < self.text.tokens().len()
            && self.word_in(last, self.sentence(last - 1))
            && is_in(self.word(last), list::GROUP)
    }

    /// A capital written as a place, not as an actor: after a locative word ("in Beijing"), before a
    /// comma and a country ("Astana, Kazakhstan"), or listed after such a place ("in Beijing and
    /// Moscow").
    fn is_location(&self, first: usize, last: usize) -> bool {
        let toks = self.text.tokens();
        let sentence = self.sentence(first);
        if toks.get(last).is_some_and(|t| t.kind() == TokenKind::Possessive) {
            // "part of Beijing's strategy": a possessor acts, wherever it stands
            return false;
        }
        // a dateline ("BEIJING, June 17 -") is where the story was filed
        let written = &self.text.original()[toks[first].start()..toks[last - 1].end()];
        if self.sentence_initial(first) && written.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
            return true;
        }
        // "Moscow-based", "Beijing-backed": part of an adjective
        if last + 1 < toks.len() && self.word(last) == "-" && self.is_word(last + 1) && !self.capitalised(last + 1) {
            return true;
        }
        if first > 0 && self.sentence(first - 1) == sentence {
            let prev = self.word(first - 1);
            if is_in(prev, list::LOCATIVE) {
                return true;
            }
            if (prev == "and" || prev == "or" || prev == ",") && first >= 2 {
                if let Some(p) = self.span_at(first - 2).and_then(|s| self.decided(s)) {
                    let q = &self.pending[p];
                    if let Key::Gaz(g) = q.key {
                        if self.r.capital_of[g as usize].is_some() && q.form == MentionForm::Name {
                            return true;
                        }
                    }
                }
            }
        }
        if last + 1 < toks.len() && self.word(last) == "," && self.sentence(last + 1) == sentence {
            if let Some(s) = self.span_at(last + 1) {
                if self.cands(s).iter().any(|c| self.kind(c.gaz()) == EntityKind::Country) {
                    return true;
                }
            }
        }
        false
    }

    /// A capitalised word that no gazetteer name covers, but that is part of a full name given
    /// earlier in the document: "Kim" after "Kim Jong Un", "Wang" after "Wang Yi".
    fn local_name(&mut self, i: usize) {
        if self.local.is_empty() || !self.is_word(i) || !self.capitalised(i) {
            return;
        }
        let Some(&person) = self.local.get(self.word(i)) else { return };
        let person = person as usize;
        if self.continues_a_name(i) || self.followed_by_a_name(i + 1) {
            return;
        }
        let title = self.title_before(i);
        if title.as_ref().is_some_and(|t| t.owner.is_some() && self.fits(person, t) == 0) {
            return;
        }
        let mut pending = Pending::new(Key::Gaz(person as u32), i..i + 1, MentionForm::Short);
        let cand = Cand { gaz: person as u32, form: AliasForm::Short, case: CasePolicy::Capitalized };
        self.decide_person(&mut pending, cand, title.as_ref());
        self.pending.push(pending);
    }

    /// Registers the first and last words of a full name for [`Run::local_name`].
    fn register_name(&mut self, name: Range<usize>, person: usize) {
        const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "v"];
        let is_name_word = |t: usize| self.is_word(t) && self.capitalised(t) && !SUFFIXES.contains(&self.word(t));
        let Some(first) = name.clone().find(|&t| is_name_word(t)) else { return };
        let Some(last) = name.rev().find(|&t| is_name_word(t)) else { return };
        if first == last {
            return;
        }
        for (t, min_len) in [(first, 2), (last, 3)] {
            let w = self.word(t);
            let usable =
                at_least_chars(w, min_len) && !is_in(w, list::FUNCTION | list::CALENDAR) && TITLES.get(w).is_none();
            if usable {
                self.local.insert(w, person as u32);
            }
        }
    }

    fn decide_person(&mut self, pending: &mut Pending, chosen: Cand, title: Option<&TitleContext>) {
        let person = chosen.gaz();
        let first = pending.name.start as usize;
        if !matches!(chosen.form, AliasForm::Surname | AliasForm::Short) {
            self.register_name(pending.name.start as usize..pending.name.end as usize, person);
        }
        if matches!(chosen.form, AliasForm::Surname | AliasForm::Short) {
            pending.form = MentionForm::Short;
        }
        let role = self.r.role_on(self.g, person, self.date);
        pending.acts_for = role.map_or(NONE, |(_, owner)| owner as u32);
        if let Some(t) = title {
            if self.same_pattern(t.start, first) {
                pending.phrase.start = t.start as u32;
            }
        } else if let Some((start, owner)) = self.owner_before(first) {
            // "China's Xi": the possessor is the person's own country
            let possessive = first > 0 && self.text.tokens()[first - 1].kind() == TokenKind::Possessive;
            let own = Some(owner) == self.r.person_country[person] || owner as u32 == pending.acts_for;
            if possessive && own && self.same_pattern(start, first) {
                pending.phrase.start = start as u32;
            }
        }
        self.taken.insert_range(pending.phrase());
        let order = self.pending.len() as u32;
        self.last_seen.insert(person as u32, order);
        self.people.push((first as u32, person as u32));
    }

    /// Roles without names: "the Kazakh president", "Russia's foreign minister", "the president of
    /// Kazakhstan", "his Kazakh counterpart".
    fn roles(&mut self) {
        // every title of the text, the longest at each start (as `TITLES.starting_at` gives it)
        let titles = TITLES.all_in(self.text);
        let mut next = 0;
        // the first span that ends after a token (spans are sorted and disjoint)
        let mut s = 0;
        while next < titles.len() {
            let (i, end, office) = titles[next];
            next += 1;
            while s < self.spans.len() && self.spans[s].end as usize <= i {
                s += 1;
            }
            let decided = s < self.spans.len() && self.spans[s].start as usize <= i && self.decided(s).is_some();
            if self.taken.contains(i) || decided {
                continue;
            }
            if let Some(p) = self.titled_unknown(i, end).or_else(|| self.role_at(i, end, office)) {
                let phrase = self.pending[p].phrase();
                self.taken.insert_range(phrase);
            } else {
                // a title that names no one known is still someone ("the US envoy", "the Sri
                // Lankan prime minister"): a pronoun nearby may mean that one (see `coref.rs`),
                // unless it is a description coreference will look at, or a word as often used of
                // no one ("in general", "a leader in", "the chair")
                let described = self.descriptions.last().is_some_and(|d| d.starts_at(i));
                let listed = self.unknown_people.last() == Some(&(i as u32));
                let toks = self.text.tokens();
                let title = &self.text.normalized()[toks[i].norm().start..toks[end - 1].norm().end];
                let vague = matches!(title, "general" | "gen." | "chair" | "leader" | "speaker");
                if !described && !listed && !vague {
                    self.unknown_people.push(i as u32);
                }
            }
            // the scan goes on after the title, whether or not it named an office holder
            while titles.get(next).is_some_and(|t| t.0 < end) {
                next += 1;
            }
        }
    }

    fn role_at(&mut self, start: usize, end: usize, office: TitleOffice) -> Option<usize> {
        let toks = self.text.tokens();
        let sentence = self.sentence(start);
        // a name we do not know follows: the title is that person's, not the office holder's
        if end < toks.len() && self.word_in(end, sentence) && self.capitalised(end) && !self.title_case(sentence) {
            let w = self.word(end);
            let known = self.span_at(end).is_some_and(|s| self.decided(s).is_some());
            if !known && !is_in(w, list::CALENDAR) && w != "of" {
                // someone the gazetteer does not know: "he" or "the minister" may be this one
                self.unknown_people.push(start as u32);
                return None;
            }
        }
        let mut phrase = start..end;
        let mut owner = None;
        if let Some((owner_start, o)) = self.owner_before(start) {
            owner = Some(o);
            phrase.start = owner_start;
        } else if end + 1 < toks.len() && self.word(end) == "of" {
            let mut at = end + 1;
            if self.word(at) == "the" {
                at += 1;
            }
            if let Some(s) = self.span_at(at) {
                if self.spans[s].start as usize == at && self.sentence(at) == sentence {
                    if let Some(o) = self.owner_at(s) {
                        owner = Some(o);
                        phrase.end = self.spans[s].end as usize;
                    }
                }
            }
        }
        let Some(owner) = owner else {
            // "the president" with no owner: someone named before, if anyone (see `coref.rs`)
            if start > 0 && self.word(start - 1) == "the" && !matches!(office, TitleOffice::Counterpart) {
                self.descriptions.push(coref::Description::new(start..end, start..end, office, None));
            }
            return None;
        };
        if !self.same_pattern(phrase.start, phrase.end - 1) || self.in_pattern(phrase.start).is_some() {
            return None;
        }
        if phrase.start > 0 && is_in(self.word(phrase.start - 1), list::NOT_NOW) {
            return None;
        }
        let (office, same_title) = match office {
            TitleOffice::Office(o) => (o, None),
            TitleOffice::Counterpart => {
                // the office of the person this one is the counterpart of: the last person named
                let k = self.people.partition_point(|p| (p.0 as usize) < start);
                let (at, person) = *self.people[..k].last()?;
                if self.sentence(at as usize) + 1 < sentence {
                    return None;
                }
                let role = self.r.role_on(self.g, person as usize, self.date)?.0;
                (role.office, Some(normalize(&role.title)))
            }
        };
        // the one person holding one of `holders`' roles on the date, if exactly one does
        let sole_holder = |holders: &[(usize, usize)]| {
            let mut current = holders.iter().filter(|(p, k)| self.record(*p).roles[*k].held_on(self.date));
            let (person, _) = *current.next()?;
            (!current.any(|(p, _)| *p != person)).then_some(person)
        };
        // a counterpart holds the same title where the owner has one (a president's counterpart
        // is the other country's president, even where its president heads the government and a
        // supreme leader the state), else the same office
        let by_title =
            same_title.as_ref().and_then(|t| self.r.titled.get(&(owner, t.clone()))).and_then(|h| sole_holder(h));
        let person = match by_title {
            Some(person) => person,
            None if office == Office::Other => {
                let title = &self.text.normalized()[toks[start].norm().start..toks[end - 1].norm().end];
                match self.r.titled.get(&(owner, title.to_string())).and_then(|h| sole_holder(h)) {
                    Some(person) => person,
                    None => {
                        // "the Kazakh leader": a state's leader named before, if anyone
                        if title == "leader" && self.kind(owner) == EntityKind::Country {
                            let d =
                                coref::Description::new(phrase, start..end, TitleOffice::Office(office), Some(owner));
                            self.descriptions.push(d);
                        }
                        return None;
                    }
                }
            }
            None => {
                // the title as written decides among the owner's offices (see `Resolver::holder`)
                let fam = match &same_title {
                    Some(t) => family(t),
                    None => self.family_of(start, end),
                };
                self.r.holder(self.g, owner, office, fam, self.date)?
            }
        };
        let p = self.pending.len();
        let mut pending = Pending::new(Key::Gaz(person as u32), phrase, MentionForm::Role);
        pending.acts_for = owner as u32;
        self.pending.push(pending);
        self.last_seen.insert(person as u32, p as u32);
        Some(p)
    }

    /// Numbers the entities, drops unconfirmed mentions, marks nesting.
    fn finish(mut self) -> Resolution {
        let toks = self.text.tokens();
        // what decided the mentions is no longer needed: free it before the output grows
        self.spans = Vec::new();
        self.cands = Vec::new();
        self.in_pattern = Vec::new();
        self.local = FxHashMap::default();
        self.taken = TokenSet::default();
        self.sentences = Vec::new();
        self.people = Vec::new();
        self.last_seen = FxHashMap::default();
        for (k, (found, tokens)) in self.finds.iter().enumerate() {
            let known = match found.kind {
                EntityKind::Money => None,
                _ => self.r.named.get(&slug(&found.name)).copied(),
            };
            let key = known.map_or(Key::Pattern(k as u32), |g| Key::Gaz(g as u32));
            self.pending.push(Pending::new(key, tokens.clone(), MentionForm::Pattern));
        }
        let mut sure: FxHashMap<Key, bool> = FxHashMap::default();
        for p in &self.pending {
            *sure.entry(p.key).or_insert(false) |= !p.tentative;
        }
        let mut pending = std::mem::take(&mut self.pending);
        pending.retain(|p| sure.get(&p.key) == Some(&true));
        drop(sure);
        // in place: a stable sort would take a buffer half as long
        for (k, p) in pending.iter_mut().enumerate() {
            p.order = k as u32;
        }
        pending.sort_unstable_by_key(|p| (p.phrase.start, std::cmp::Reverse(p.phrase.end), p.order));

        let mut out = Resolution::default();
        out.mentions.reserve_exact(pending.len());
        let mut index: FxHashMap<Key, usize> = FxHashMap::default();
        let mut ids: FxHashMap<String, usize> = FxHashMap::default();
        let mut max_end = 0;
        for p in pending {
            let nested = p.phrase.end <= max_end;
            let mut phrase = p.phrase.clone();
            if !nested && phrase.start < max_end {
                // a phrase that straddles the end of the unit before it ("President of Kazakhstan
                // President Tokayev"): units for rules own their tokens, so it keeps only the
                // tokens after that unit, or goes when its name lies inside that unit
                if p.name.start < max_end {
                    continue;
                }
                phrase.start = max_end;
            }
            let entity = self.entity(&mut out, &mut index, &mut ids, p.key);
            let acts_for =
                (p.acts_for != NONE).then(|| self.entity(&mut out, &mut index, &mut ids, Key::Gaz(p.acts_for)));
            max_end = max_end.max(phrase.end);
            let (name_start, name_last) = (p.name.start as usize, p.name.end as usize - 1);
            out.mentions.push(ResolvedMention {
                entity,
                acts_for,
                start: toks[name_start].start(),
                end: toks[name_last].end(),
                tokens: phrase.start as usize..phrase.end as usize,
                sentence: toks[name_start].sentence(),
                form: p.form,
                nested,
            });
        }
        // a trimmed phrase can now start after mentions nested in the unit before it
        sort_nearly_sorted(&mut out.mentions, |m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
        out
    }

    fn entity(
        &self,
        out: &mut Resolution,
        index: &mut FxHashMap<Key, usize>,
        ids: &mut FxHashMap<String, usize>,
        key: Key,
    ) -> usize {
        if let Some(&i) = index.get(&key) {
            return i;
        }
        let entity = match key {
            Key::Gaz(g) => {
                let g = g as usize;
                let record = self.record(g);
                let mut attrs = record.attrs.clone();
                if record.kind == EntityKind::Person {
                    if let Some((role, owner)) = self.r.role_on(self.g, g, self.date) {
                        attrs.insert("role".into(), format!("{} of {}", role.title, self.record(owner).name));
                    }
                    if let Some(country) = self.r.person_country[g] {
                        let c = self.record(country);
                        let iso3 = c.attrs.get("iso3").cloned();
                        attrs.insert(
                            "country".into(),
                            iso3.unwrap_or_else(|| c.id.trim_start_matches("country:").into()),
                        );
                    }
                }
                ResolvedEntity {
                    id: record.id.clone(),
                    kind: record.kind,
                    name: record.name.clone(),
                    aliases: Vec::new(),
                    attrs,
                    gazetteer: Some(g),
                }
            }
            Key::Unknown(k) => self.unknown_entity(k as usize),
            Key::Pattern(k) => {
                let found = &self.finds[k as usize].0;
                ResolvedEntity {
                    id: found.id(),
                    kind: found.kind,
                    name: found.name.clone(),
                    aliases: Vec::new(),
                    attrs: BTreeMap::new(),
                    gazetteer: None,
                }
            }
        };
        // two pattern finds with one id are one entity
        if let Some(&i) = ids.get(&entity.id) {
            index.insert(key, i);
            return i;
        }
        ids.insert(entity.id.clone(), out.entities.len());
        out.entities.push(entity);
        index.insert(key, out.entities.len() - 1);
        out.entities.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const G: &str = concat!(
        "{\"id\":\"country:KAZ\",\"kind\":\"country\",\"name\":\"Kazakhstan\",\"aliases\":[{\"text\":\"Kazakh\",\"form\":\"adjective\"}]}\n",
        "{\"id\":\"place:astana\",\"kind\":\"place\",\"name\":\"Astana\",\"attrs\":{\"capital_of\":\"country:KAZ\"}}\n",
        "{\"id\":\"person:a-b\",\"kind\":\"person\",\"name\":\"Aidar Bekov\",\"aliases\":[{\"text\":\"Bekov\",\"form\":\"surname\"}],",
        "\"roles\":[{\"title\":\"Foreign Minister\",\"office\":\"foreign-minister\",\"of\":\"country:KAZ\",\"start\":\"2020-01-01\"},",
        "{\"title\":\"President\",\"office\":\"head-of-state\",\"of\":\"country:KAZ\",\"start\":\"2024-01-01\"}]}\n",
    );

    fn setup() -> (Gazetteer, Matcher, Resolver) {
        let mut g = Gazetteer::new();
        g.add_str("t", G).unwrap();
        let m = Matcher::new(&g).unwrap();
        let r = Resolver::new(&g);
        (g, m, r)
    }

    fn run(text: &str, date: &str) -> Resolution {
        let (g, m, r) = setup();
        let t = Text::new(text);
        let matches = m.find_all(&t);
        r.resolve(&g, &m, &t, &matches, date.parse().unwrap())
    }

    #[test]
    fn galloping_finds_what_a_binary_search_finds() {
        let items: Vec<u32> = (0..100).map(|i| i / 3).collect();
        for from in 0..items.len() {
            for x in 0..36 {
                let want = from + items[from..].partition_point(|&v| v < x);
                assert_eq!(gallop(&items, from, |&v| v < x), want, "{from} {x}");
            }
        }
    }

    #[test]
    fn nearly_sorted_sorting_is_a_stable_sort() {
        // pairs sorted by their first: a few out of place, then all reversed (past the budget)
        let nearly: Vec<(u32, u32)> = (0..200).map(|i| (if i % 17 == 0 { i / 2 } else { i }, i)).collect();
        let reversed: Vec<(u32, u32)> = (0..200).map(|i| ((200 - i) / 3, i)).collect();
        for items in [nearly, reversed] {
            let mut mine = items.clone();
            sort_nearly_sorted(&mut mine, |p| p.0);
            let mut stable = items;
            stable.sort_by_key(|p| p.0);
            assert_eq!(mine, stable);
        }
    }

    #[test]
    fn compiles_capitals_and_office_holders() {
        let (g, _, r) = setup();
        let kaz = g.index_of("country:KAZ").unwrap();
        assert_eq!(r.capital_of[g.index_of("place:astana").unwrap()], Some(kaz));
        assert_eq!(r.holders[&(kaz, Office::HeadOfState)].len(), 1);
        assert_eq!(r.person_country[g.index_of("person:a-b").unwrap()], Some(kaz));
    }

    #[test]
    fn role_on_a_date_prefers_the_highest_office() {
        let (g, _, r) = setup();
        let p = g.index_of("person:a-b").unwrap();
        let (role, _) = r.role_on(&g, p, "2025-01-01".parse().unwrap()).unwrap();
        assert_eq!(role.office, Office::HeadOfState);
        let (role, _) = r.role_on(&g, p, "2021-01-01".parse().unwrap()).unwrap();
        assert_eq!(role.office, Office::ForeignMinister);
        assert!(r.role_on(&g, p, "2019-01-01".parse().unwrap()).is_none());
    }

    #[test]
    fn mentions_are_sorted_and_nested_inside_phrases() {
        let res = run("Astana said the Kazakh president met Kazakh Foreign Minister Aidar Bekov.", "2021-06-01");
        let got: Vec<(&str, MentionForm, bool)> =
            res.mentions.iter().map(|m| (res.entities[m.entity].id.as_str(), m.form, m.nested)).collect();
        // in 2021 the president is not in the gazetteer: "the Kazakh president" stays a country
        assert_eq!(
            got,
            [
                ("place:astana", MentionForm::Metonym, false),
                ("country:KAZ", MentionForm::Adjective, false),
                ("person:a-b", MentionForm::Name, false),
                ("country:KAZ", MentionForm::Adjective, true),
            ]
        );
        assert_eq!(res.mentions[2].tokens, 6..11);
        // one entity per id
        assert_eq!(res.entities.iter().filter(|e| e.id == "country:KAZ").count(), 1);
    }

    #[test]
    fn role_attribute_follows_the_date() {
        let res = run("Bekov spoke.", "2025-01-01");
        assert_eq!(res.entities[0].attrs.get("role").map(String::as_str), Some("President of Kazakhstan"));
        let res = run("Bekov spoke.", "2021-01-01");
        assert_eq!(res.entities[0].attrs.get("role").map(String::as_str), Some("Foreign Minister of Kazakhstan"));
    }

    #[test]
    fn a_title_before_an_unknown_name_is_not_the_office_holder() {
        // the name is a person of its own (see `unknown.rs`), not the holder of the office
        let res = run("Former Kazakh President Nurlan Abenov spoke.", "2025-01-01");
        let ids: Vec<&str> = res.mentions.iter().map(|m| res.entities[m.entity].id.as_str()).collect();
        assert_eq!(ids, ["person:nurlan-abenov", "country:KAZ"]);
        let res = run("The Kazakh President spoke.", "2025-01-01");
        let ids: Vec<&str> = res.mentions.iter().map(|m| res.entities[m.entity].id.as_str()).collect();
        assert_eq!(ids, ["person:a-b", "country:KAZ"]);
    }
}
