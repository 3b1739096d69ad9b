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
//!
//! # Passes
//!
//! [`Resolver::resolve`] runs these passes in this order, each a type (or function) in its own
//! file. What every pass reads and none changes is one `Context` (`context.rs`: the
//! resolver's indexes, the gazetteer, the matcher, the text, the date, what is known of each
//! sentence, the candidate names), passed by `&`; the mentions found so far are
//! `Mentions` (`mentions.rs`), passed by `&mut` to the passes that add to them; what else a
//! pass produces, it returns. To change one heuristic, open its pass's file:
//!
//! | pass | file | what it decides |
//! |---|---|---|
//! | candidates | `candidates.rs` | where names may be: the matcher's names aligned to whole tokens, with their candidate entities; money, treaties and summits found by pattern (`patterns/`) |
//! | word classes | `classes.rs` | what each token's word may be or start (a title's first or last piece, an agent phrase's first word, a word of the lexicon's lists), from one probe per token into a table built once per resolver: the roles (titles) and groups passes visit only the tokens whose classes say they can start something |
//! | decide | `decide.rs` | which entity each name is, or none (context, form, date, people named before; titles before names, possessives, capitals as metonyms, compounds); words of full names given before ("Kim" after "Kim Jong Un") |
//! | roles | `roles.rs` | titles without names ("the Kazakh president"): the office holder on the date (`Resolver::holder`, `titles.rs` for the title table and families) |
//! | people introduced by title | `unknown.rs` | names no gazetteer lists after a title ("Foreign Minister Olivier Nduhungirehe"), asked first for each title by the roles pass; then their surnames alone |
//! | coreference | `coref.rs` (`gender.rs`) | whom "he", "her", "the president" refer back to, if one person plainly |
//! | output | `output.rs` | entities numbered, unconfirmed mentions dropped, mentions in order, nested ones marked, who acts for whom |
//! | named organisations | `named_orgs.rs` | a country or city that begins an organisation's name ("British Airways"): the organisation, which no gazetteer lists |
//! | groups | `groups.rs` | actors named by country and sector ("Syrian opposition leaders") |
//! | actor codes | `actors.rs` | each entity's actor code (`attrs.actor`) |
//!
//! Indexes inside resolution are typed (`index.rs`: a token, a gazetteer entity, a mention, a
//! pattern entity, an unlisted person), so that one is never taken for another.

mod actors;
mod candidates;
mod classes;
mod context;
mod coref;
mod decide;
mod gender;
mod groups;
mod index;
mod mentions;
mod named_orgs;
mod output;
mod patterns;
mod roles;
mod titles;
mod unknown;
mod words;

use std::collections::BTreeMap;
use std::ops::Range;

use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;

use crate::date::Date;
use crate::gazetteer::{slug, AliasForm, EntityKind, Gazetteer, Office, Role};
use crate::lexicon::Lexicon;
use crate::matcher::{Matcher, RawMatch};
use crate::text::{normalize, Text};
use std::sync::Arc;

use self::candidates::Candidates;
use self::context::Context;
use self::coref::Coreference;
use self::decide::Decide;
use self::mentions::Mentions;
use self::output::Output;
use self::roles::Roles;
pub(crate) use self::titles::Family;
use self::titles::TITLES;
use self::unknown::Unknown;

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
#[derive(Debug, Clone)]
pub struct Resolver {
    /// Per gazetteer entity: the country a capital is the capital of.
    capital_of: Vec<Option<usize>>,
    /// Per gazetteer entity: the country a person belongs to.
    person_country: Vec<Option<usize>>,
    /// Per gazetteer entity, per role: the entity the role is of.
    role_owner: PerRole<Option<usize>>,
    /// Per gazetteer entity, per role: the family of its title ("Premier" and "Prime Minister").
    role_family: PerRole<Option<Family>>,
    /// (owner, office) -> (person, role index), for "the Kazakh president".
    holders: FxHashMap<(usize, Office), Vec<(usize, usize)>>,
    /// (owner, normalised title's number in `titles`) -> (person, role index), for "Russia's
    /// defence minister".
    titled: FxHashMap<(usize, u32), Vec<(usize, usize)>>,
    /// The normalised titles of the roles, numbered: a few hundred among some 27,000 roles.
    titles: FxHashMap<Box<str>, u32>,
    /// Slug of every name of an organisation, document or event -> the entity: a summit found by
    /// pattern ("the China-Central Asia summit") is the gazetteer's entry when it has one.
    named: FxHashMap<String, usize>,
    /// The group pass's agent nouns when a user's agents dictionary extends the embedded ones.
    agents: Option<std::sync::Arc<groups::Agents>>,
    /// The word lists the passes read.
    words: words::Words,
    /// The classes of the words the passes look for (`classes.rs`), built on first use from the
    /// word lists, the titles and the agent phrases.
    classes: once_cell::sync::OnceCell<classes::WordClasses>,
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
        return gazetteer.index_of(reference);
    }
    // the id of a country code, on the stack: the resolver looks up one for every person
    const PREFIX: &[u8] = b"country:";
    let mut id = [0u8; 32];
    if reference.is_ascii() && reference.len() <= id.len() - PREFIX.len() {
        let (head, tail) = id.split_at_mut(PREFIX.len());
        head.copy_from_slice(PREFIX);
        tail[..reference.len()].copy_from_slice(reference.as_bytes());
        tail[..reference.len()].make_ascii_uppercase();
        let id = std::str::from_utf8(&id[..PREFIX.len() + reference.len()]).ok()?;
        return gazetteer.index_of(id);
    }
    gazetteer.index_of(&format!("country:{}", reference.to_uppercase()))
}

/// Per gazetteer entity, a value per role, in one vector (a vector per entity would be 31,000
/// allocations to build).
#[derive(Debug, Clone, Default)]
struct PerRole<T> {
    /// Per entity: where its roles' values start in `values`; one more at the end.
    starts: Vec<u32>,
    values: Vec<T>,
}

impl<T> PerRole<T> {
    fn with_capacity(entities: usize) -> PerRole<T> {
        let mut starts = Vec::with_capacity(entities + 1);
        starts.push(0);
        PerRole { starts, values: Vec::new() }
    }

    /// Adds the values of the next entity.
    fn push(&mut self, values: impl IntoIterator<Item = T>) {
        self.values.extend(values);
        self.starts.push(u32::try_from(self.values.len()).expect("fewer than 2^32 roles"));
    }

    /// The values of entity `i`'s roles.
    fn get(&self, i: usize) -> Option<&[T]> {
        let (start, end) = (*self.starts.get(i)?, *self.starts.get(i + 1)?);
        self.values.get(start as usize..end as usize)
    }
}

impl<T> std::ops::Index<usize> for PerRole<T> {
    type Output = [T];

    fn index(&self, i: usize) -> &[T] {
        self.get(i).unwrap_or(&[])
    }
}

/// The number and family of a role's title, normalised once per distinct title.
fn title_of<'g>(
    cache: &mut FxHashMap<&'g str, (u32, Option<Family>)>,
    titles: &mut FxHashMap<Box<str>, u32>,
    words: &words::Words,
    title: &'g str,
) -> (u32, Option<Family>) {
    *cache.entry(title).or_insert_with(|| {
        let normal = normalize(title);
        let fam = words.family(&normal);
        let count = u32::try_from(titles.len()).expect("fewer than 2^32 titles");
        (*titles.entry(normal.into()).or_insert(count), fam)
    })
}

impl Resolver {
    /// This resolver with the embedded agent nouns of the group pass extended by `extra`: pairs
    /// of a phrase (lower case, words joined by one space) and its CAMEO sector code (`REB`,
    /// `GOVAGR`). A phrase given here takes its sector from here.
    pub(crate) fn with_agents(mut self, extra: &[(String, String)]) -> Resolver {
        if !extra.is_empty() {
            let agents = self.agents.as_deref().unwrap_or_else(|| groups::Agents::defaults());
            self.agents = Some(Arc::new(agents.extended(extra, self.words.lexicon())));
            // the classes of the words follow the agent phrases
            self.classes = once_cell::sync::OnceCell::new();
        }
        self
    }

    /// Prepares resolution for `gazetteer`: capitals, people's countries, office holders.
    pub fn new(gazetteer: &Gazetteer) -> Resolver {
        Resolver::with_lexicon(gazetteer, Lexicon::embedded().clone())
    }

    /// [`Resolver::new`] with the word lists of an extractor's lexicon.
    pub(crate) fn with_lexicon<'g>(gazetteer: &'g Gazetteer, lexicon: Arc<Lexicon>) -> Resolver {
        // compiled here rather than on first use, so that resolving the first text is not slow
        patterns::compile();
        Lazy::force(&TITLES);
        let entities = gazetteer.entities();
        let mut r = Resolver {
            capital_of: vec![None; entities.len()],
            person_country: vec![None; entities.len()],
            role_owner: PerRole::with_capacity(entities.len()),
            role_family: PerRole::with_capacity(entities.len()),
            // the embedded lists' agents are parsed once per process
            agents: (!Arc::ptr_eq(&lexicon, Lexicon::embedded())).then(|| Arc::new(groups::Agents::parse(&lexicon))),
            holders: FxHashMap::default(),
            titled: FxHashMap::default(),
            titles: FxHashMap::default(),
            named: FxHashMap::default(),
            words: words::Words::new(lexicon),
            classes: once_cell::sync::OnceCell::new(),
        };
        // each distinct title and reference once: a few hundred titles and countries among some
        // 27,000 roles and 18,000 people
        let mut titles: FxHashMap<&'g str, (u32, Option<Family>)> = FxHashMap::default();
        let mut references: FxHashMap<&'g str, Option<usize>> = FxHashMap::default();
        let mut reference = |r: &'g str| *references.entry(r).or_insert_with(|| lookup(gazetteer, r));
        let mut role_titles: Vec<(u32, Option<Family>)> = Vec::new();
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
                    .and_then(|c| reference(c))
                    .filter(|&c| entities[c].kind == EntityKind::Country);
            }
            if e.kind != EntityKind::Person {
                r.role_owner.push([]);
                r.role_family.push([]);
                continue;
            }
            r.role_owner.push(e.roles.iter().map(|role| gazetteer.index_of(&role.of)));
            role_titles.clear();
            role_titles.extend(e.roles.iter().map(|role| title_of(&mut titles, &mut r.titles, &r.words, &role.title)));
            r.role_family.push(role_titles.iter().map(|&(_, family)| family));
            let mut owner_country = None;
            for (k, role) in e.roles.iter().enumerate() {
                let title = role_titles[k].0;
                if let Some(owner) = r.role_owner[i][k] {
                    r.holders.entry((owner, role.office)).or_default().push((i, k));
                    r.titled.entry((owner, title)).or_default().push((i, k));
                    if owner_country.is_none() && entities[owner].kind == EntityKind::Country {
                        owner_country = Some(owner);
                    }
                }
            }
            r.person_country[i] = e.attrs.get("country").and_then(|c| reference(c)).or(owner_country);
        }
        r
    }

    /// The people holding a role of `owner` by normalised title `title`, as (person, role index).
    fn titled(&self, owner: usize, title: &str) -> Option<&[(usize, usize)]> {
        let title = *self.titles.get(title)?;
        self.titled.get(&(owner, title)).map(Vec::as_slice)
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

    /// The group pass's agent phrases: the resolver's own, or the embedded ones.
    fn agents(&self) -> &groups::Agents {
        self.agents.as_deref().unwrap_or_else(|| groups::Agents::defaults())
    }

    /// The classes of the words the passes look for.
    fn classes(&self) -> &classes::WordClasses {
        self.classes.get_or_init(|| classes::WordClasses::new(&self.words, &TITLES, self.agents()))
    }

    /// Resolves the raw matches of one text, as of `date`.
    #[inline(never)]
    pub fn resolve(
        &self,
        gazetteer: &Gazetteer,
        matcher: &Matcher,
        text: &Text<'_>,
        matches: &[RawMatch],
        date: Date,
    ) -> Resolution {
        // the passes, in order (see the table of the module's documentation): each takes what
        // it reads by `&` and what it adds to by `&mut`, and returns what it finds for the others
        let Candidates { spans, patterns, taken } = Candidates::find(matcher, &self.words, text, matches);
        let cx = Context::new(self, gazetteer, matcher, text, date, spans, patterns);
        // each token's word classes, from one probe per token
        let classes = self.classes().of(text);
        let mut mentions = Mentions::new(taken, cx.spans.len());
        // decide -> the people named, in order
        let named = Decide::run(&cx, &mut mentions);
        // roles, asking the people introduced by title first -> the titles that name no one known
        let mut unknown = Unknown::default();
        let unnamed = Roles::run(&cx, &classes, &named, &mut unknown, &mut mentions);
        drop(named);
        unknown.surnames(&cx, &mut mentions);
        Coreference::run(&cx, unnamed, &mut mentions);
        // what decided the mentions is no longer needed: free it before the output grows
        let finds = cx.into_finds();
        let output = Output { resolver: self, gazetteer, date, finds: &finds, unknown: &unknown };
        let mut resolution = output.finish(text, mentions);
        drop(finds);
        drop(unknown);
        // passes over the resolution
        named_orgs::find_named_orgs(text, &self.words, &mut resolution);
        groups::find_groups(self.agents(), text, &classes, &mut resolution);
        actors::code_actors(self, gazetteer, date, &mut resolution);
        resolution
    }
}

/// Sorts `items` by `key`, stably, in place when they are nearly sorted already: each item moves
/// back past the few before it that it precedes. (A stable sort takes a buffer half as long as
/// the items, which at the end of resolving is the largest thing alive.) Past a budget of moves
/// linear in the length, the ordinary stable sort finishes the work.
pub(crate) fn sort_nearly_sorted<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
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
