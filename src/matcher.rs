//! Matcher stage: every name and alias of every gazetteer entity in Aho-Corasick automata.
//!
//! Names are matched on the normalised text (lower case, so the automaton is case-sensitive and
//! fast; curly quotes and dash variants folded), leftmost-longest, at whole words only: a match
//! must start where a token of the [`Text`] starts and end where one ends, so the automaton runs
//! anchored at token starts only. Each alias's
//! [`CasePolicy`] is then checked against the original text, so `US` matches "US" but not "us".
//!
//! When the automaton's longest match overruns a word ("New York City" in "New York Citywide") or
//! fails its case policy, the shorter names that start at the same word and end at a word
//! boundary inside it are tried, longest first, by hash lookup: no name that fits is lost to a
//! longer one that does not.
//!
//! Measured on the generated 1 MB corpus with the default gazetteers (12,379 names, `cargo bench
//! --bench pipeline`): the contiguous NFA anchored at token starts runs at about 74 MB/s and
//! builds in 50-70 ms; a non-contiguous NFA builds about 30 ms faster but searches at 44 MB/s;
//! an unanchored search over the whole text, restarted after every match inside a word, ran at
//! 37 MB/s. A word-level hash trie (tried too) was faster still, but the design keeps one
//! automaton over every name.
//!
//! The automaton is two, split by a name's first byte, which build at once on two cores; each
//! name is stored after a lead byte no name contains, which makes the failure transitions that
//! anchored searches never follow cheap to build. The search steps through the automaton itself
//! (`aho_corasick::automaton::Automaton`). Each automaton holds a name only as far as another
//! name shares its beginning, and one byte more; the rest of the name is compared with the text
//! (see [`Part`]). Measured with callgrind: the automata of the default gazetteers (30,949 names)
//! build in 90M instructions (66,000 states), where the whole names (290,000 states) took 290M
//! and one automaton of the names alone 445M; this stage searches 1 MB of news in 31M
//! instructions. A non-contiguous NFA, searched the same way, builds faster, but the stage took
//! 11.1 ms per MB against 6.4 ms.

use crate::lexicon::{Lexicon, ListId, WordList};
use crate::str_index::StrIndex;
use std::ops::Range;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous;
use aho_corasick::{Anchored, MatchKind};

use crate::error::{Error, Result};
use crate::gazetteer::{AliasForm, CasePolicy, EntityKind, Gazetteer};
use crate::text::{normalize, Text, Token};

/// One entity an alias pattern can stand for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Index of the entity in the gazetteer.
    pub entity: usize,
    /// Which name: 0 is the canonical name, `k` is alias `k - 1`.
    pub alias: usize,
    /// The alias's case policy.
    pub case: CasePolicy,
    /// The alias's form.
    pub form: AliasForm,
    /// The alias as written in the gazetteer.
    pub text: String,
}

/// A gazetteer name found in a text, for one candidate entity. A span that several entities share
/// yields one `RawMatch` per entity, one after the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMatch {
    /// Original byte offsets.
    pub start: usize,
    /// Original byte offsets, exclusive.
    pub end: usize,
    /// The span in the normalised text.
    pub norm: Range<usize>,
    /// Index into [`Matcher::candidates`].
    pub candidate: usize,
}

/// The compiled name matcher of a gazetteer.
#[derive(Debug, Clone)]
pub struct Matcher {
    // the names in two automata, split by their first byte, which build at once on two cores
    parts: [Part; 2],
    // first byte of a normalised name -> index into `parts`
    part_of: Box<[u8; 256]>,
    // the normalised names by pattern id, for the shorter names inside a rejected match
    patterns: Names,
    // pattern id -> range of `candidates`
    pattern_candidates: Vec<Range<usize>>,
    candidates: Vec<Candidate>,
    // the beginnings of the names that some candidate accepts written with a lower-case or digit
    // first character (most news words are lower case, and no name with a capital initial starts
    // at them)
    lower_starts: Prefixes,
    // the first bytes of every normalised name (see [`Prefixes`]): a word no name starts with is
    // passed over without touching the automaton
    prefixes: Prefixes,
    // particles of names (`lexicon/particles.txt`), written in either case inside a name
    particles: WordList,
}

/// The beginnings of the normalised names, for a test at each word before the automaton: most
/// words of news begin no name ("The", "He", commas and full stops), and an anchored search that
/// fails costs some 300 instructions where this test costs a dozen.
#[derive(Debug, Clone)]
struct Prefixes {
    /// Names of one byte: by that byte.
    one: Box<[bool; 256]>,
    /// The first two bytes of names of two bytes or more, and every pair that starts with a name
    /// of one byte: one bit each in a table of 2^16 bits, the one test most words fail.
    pairs: Box<[u64; 1024]>,
    /// Names of two bytes, and hashes of the first three bytes of longer names: one bit each in
    /// a table of 2^16 bits (a hash that collides only sends a word on to the automaton).
    two: Box<[u64; 1024]>,
    three: Box<[u64; 1024]>,
}

impl Prefixes {
    fn new<'a>(names: impl Iterator<Item = &'a str>) -> Prefixes {
        let mut p = Prefixes {
            one: Box::new([false; 256]),
            pairs: Box::new([0; 1024]),
            two: Box::new([0; 1024]),
            three: Box::new([0; 1024]),
        };
        for name in names {
            match *name.as_bytes() {
                [] => {}
                [a] => {
                    p.one[usize::from(a)] = true;
                    for b in 0..=255 {
                        set(&mut p.pairs, two(a, b));
                    }
                }
                [a, b] => {
                    set(&mut p.pairs, two(a, b));
                    set(&mut p.two, two(a, b));
                }
                [a, b, c, ..] => {
                    set(&mut p.pairs, two(a, b));
                    set(&mut p.three, three(a, b, c));
                }
            }
        }
        p
    }

    /// Whether some name may start at `at` of the normalised text `hay`.
    #[inline]
    fn may_start(&self, hay: &[u8], at: usize) -> bool {
        let byte = |i: usize| hay.get(at + i).copied().unwrap_or(0);
        let (a, b) = (byte(0), byte(1));
        get(&self.pairs, two(a, b))
            && (self.one[usize::from(a)] || get(&self.two, two(a, b)) || get(&self.three, three(a, b, byte(2))))
    }
}

fn two(a: u8, b: u8) -> usize {
    usize::from(a) << 8 | usize::from(b)
}

fn three(a: u8, b: u8, c: u8) -> usize {
    let key = u32::from(a) | u32::from(b) << 8 | u32::from(c) << 16;
    (key.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

fn set(bits: &mut [u64; 1024], i: usize) {
    bits[i / 64] |= 1 << (i % 64);
}

fn get(bits: &[u64; 1024], i: usize) -> bool {
    bits[i / 64] & (1 << (i % 64)) != 0
}

/// The beginnings of the names that have a candidate accepting a written form starting with a
/// lower-case letter or a digit (see [`case_agrees`]).
fn lower_starts(patterns: &Names, pattern_candidates: &[Range<usize>], candidates: &[Candidate]) -> Prefixes {
    let accepts = |c: &Candidate| {
        c.case == CasePolicy::Insensitive
            || !c.text.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_uppercase)
    };
    Prefixes::new(
        patterns
            .iter()
            .zip(pattern_candidates)
            .filter(|(_, range)| candidates[(*range).clone()].iter().any(accepts))
            .map(|(name, _)| name),
    )
}

impl Matcher {
    /// Compiles every name of every entity of `gazetteer`.
    ///
    /// # Errors
    /// When the automaton exceeds the `aho-corasick` crate's limits.
    pub fn new(gazetteer: &Gazetteer) -> Result<Matcher> {
        Matcher::with_lexicon(gazetteer, Lexicon::embedded())
    }

    /// [`Matcher::new`] with the name particles of an extractor's lexicon.
    pub(crate) fn with_lexicon(gazetteer: &Gazetteer, lexicon: &Lexicon) -> Result<Matcher> {
        let too_many = || Error::Matcher("more than 2^32 distinct names".to_string());
        // normalised name -> pattern id
        let mut ids = Names::with_capacity(gazetteer.len() * 2);
        // (pattern id, candidate) in the order of the entities and their names; grouped by
        // pattern id below, in one vector rather than one per name
        let mut found: Vec<(u32, Candidate)> = Vec::with_capacity(gazetteer.len() * 2);
        let mut pattern = String::new();
        for (entity, record) in gazetteer.entities().iter().enumerate() {
            // a person's name without its middle initials ("George Bush" for George W. Bush): the
            // way news writes it; the document's date decides between people it fits
            let short = (record.kind == EntityKind::Person)
                .then(|| without_middle_initials(&record.name))
                .flatten()
                .filter(|short| record.name != *short && record.aliases.iter().all(|a| a.text != *short));
            let names =
                record.name_forms().chain(short.as_deref().map(|s| (s, CasePolicy::default_for(s), AliasForm::Name)));
            let first = found.len();
            for (alias, (text, case, form)) in names.enumerate() {
                normalize_name_into(text, &mut pattern);
                if pattern.is_empty() {
                    continue;
                }
                let id = ids.id(&pattern).ok_or_else(too_many)?;
                // one candidate per entity and case policy: the same entity's names are the
                // entries since `first`
                if !found[first..].iter().any(|(i, c)| *i == id && c.case == case) {
                    found.push((id, Candidate { entity, alias, case, form, text: text.to_string() }));
                }
            }
        }
        // the names by id, for the automaton
        let order: Vec<&str> = ids.iter().collect();
        // the candidates grouped by pattern id, each group in the order found
        let mut starts = vec![0usize; ids.len() + 1];
        for (id, _) in &found {
            starts[*id as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let pattern_candidates: Vec<Range<usize>> = starts.windows(2).map(|w| w[0]..w[1]).collect();
        let mut slots: Vec<Option<Candidate>> = vec![None; found.len()];
        for (id, candidate) in found {
            slots[starts[id as usize]] = Some(candidate);
            starts[id as usize] += 1;
        }
        let candidates: Vec<Candidate> = slots.into_iter().flatten().collect();
        let part_of = split(&order);
        let (first, second) =
            crate::threads::join(|| Part::new(&order, &part_of, 0), || Part::new(&order, &part_of, 1));
        drop(order);
        let lower_starts = lower_starts(&ids, &pattern_candidates, &candidates);
        let prefixes = Prefixes::new(ids.iter());
        let particles = lexicon[ListId::Particles].clone();
        Ok(Matcher {
            parts: [first?, second?],
            part_of,
            patterns: ids,
            pattern_candidates,
            candidates,
            lower_starts,
            prefixes,
            particles,
        })
    }

    /// Number of distinct patterns in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.pattern_candidates.len()
    }

    /// The candidate behind a [`RawMatch::candidate`].
    pub fn candidate(&self, index: usize) -> &Candidate {
        &self.candidates[index]
    }

    /// All candidates, indexed by [`RawMatch::candidate`].
    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    /// Every name in `text`, in order of position, at word boundaries, with case policies applied:
    /// at each word, the longest name that starts there and whose case agrees; then on after it.
    #[inline(never)]
    pub fn find_all(&self, text: &Text<'_>) -> Vec<RawMatch> {
        let hay = text.normalized();
        let tokens = text.tokens();
        let mut out = Vec::new();
        let mut first = 0;
        // names start only where words start: an anchored search at each token, which for most
        // tokens stops within a byte or two
        let original = text.original().as_bytes();
        while first < tokens.len() {
            first = self.next_start(tokens, original, hay.as_bytes(), first);
            if first >= tokens.len() {
                break;
            }
            let Some(m) = self.longest(hay, tokens[first].norm().start) else {
                first += 1;
                continue;
            };
            // the tokens whose ends lie inside the match: each end is a place a name may end
            let mut last = first;
            while last + 1 < tokens.len() && tokens[last + 1].norm().end <= m.end {
                last += 1;
            }
            let mut next = first + 1;
            for k in (first..=last).rev() {
                let end = tokens[k].norm().end;
                if end > m.end {
                    continue;
                }
                let pattern = if end == m.end { Some(m.pattern) } else { self.patterns.get(&hay[m.start..end]) };
                let Some(pattern) = pattern else { continue };
                let (start, stop) = (tokens[first].start(), tokens[k].end());
                let written = &text.original()[start..stop];
                let before = out.len();
                for c in self.pattern_candidates[pattern as usize].clone() {
                    if case_agrees(self.candidates[c].case, &self.candidates[c].text, written, &self.particles) {
                        out.push(RawMatch { start, end: stop, norm: m.start..end, candidate: c });
                    }
                }
                if out.len() > before {
                    next = k + 1;
                    break;
                }
            }
            first = next;
        }
        out
    }

    /// The first token from `from` on at which some name may start, or `tokens.len()`: a word no
    /// name begins with is passed over; a word written with a lower-case letter or a digit first
    /// begins only one of the few names that may be written so.
    // a loop of its own over most tokens: with few values live, they stay in registers
    #[inline(never)]
    fn next_start(&self, tokens: &[Token], original: &[u8], hay: &[u8], from: usize) -> usize {
        let (lower, any) = (&self.lower_starts, &self.prefixes);
        let rest = tokens.get(from..).unwrap_or_default();
        let found = rest.iter().position(|t| {
            let written = original.get(t.start()).copied().unwrap_or(b'A');
            let starts = if written.is_ascii_lowercase() || written.is_ascii_digit() { lower } else { any };
            starts.may_start(hay, t.norm().start)
        });
        found.map_or(tokens.len(), |p| from + p)
    }

    /// The longest name that `hay[at..]` starts with, if any.
    fn longest(&self, hay: &str, at: usize) -> Option<Found> {
        let part = &self.parts[usize::from(self.part_of[usize::from(*hay.as_bytes().get(at)?)])];
        part.longest(hay.as_bytes(), at)
    }
}

/// The distinct normalised names, by pattern id (the order they were first met in), in one
/// buffer rather than a string each, found by their hash (see [`StrIndex`]).
#[derive(Debug, Clone)]
struct Names {
    text: String,
    // name `k` is `text[ends[k]..ends[k + 1]]`
    ends: Vec<u32>,
    index: StrIndex,
}

impl Names {
    fn with_capacity(n: usize) -> Names {
        let mut ends = Vec::with_capacity(n + 1);
        ends.push(0);
        Names { text: String::new(), ends, index: StrIndex::with_capacity(n) }
    }

    /// Number of names.
    fn len(&self) -> usize {
        self.ends.len() - 1
    }

    /// Name `k` of `text` cut at `ends`.
    fn nth<'t>(text: &'t str, ends: &[u32], k: usize) -> &'t str {
        &text[ends[k] as usize..ends[k + 1] as usize]
    }

    /// The names in the order of their ids.
    fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|k| Names::nth(&self.text, &self.ends, k))
    }

    /// The pattern id of `name`, if it is one of the names.
    fn get(&self, name: &str) -> Option<u32> {
        let id = self.index.get(name, |k| Names::nth(&self.text, &self.ends, k))?;
        // ids are below 2^32: `id` gives no others
        u32::try_from(id).ok()
    }

    /// The pattern id of `name`, a new one if it is new; `None` past 2^32 names or bytes.
    fn id(&mut self, name: &str) -> Option<u32> {
        let id = u32::try_from(self.len()).ok()?;
        let (text, ends) = (&self.text, &self.ends);
        if let Err(known) = self.index.insert(name, id as usize, |k| Names::nth(text, ends, k)) {
            return u32::try_from(known).ok();
        }
        self.text.push_str(name);
        self.ends.push(u32::try_from(self.text.len()).ok()?);
        Some(id)
    }
}

/// A name found by [`Part::longest`]: its span in the normalised text and pattern id.
struct Found {
    start: usize,
    end: usize,
    pattern: u32,
}

/// Every name's pattern starts with this byte, which names do not contain: with it, the failure
/// transition of every state is the start state, found in one step, where for the names alone
/// the automaton's build follows chains of them (a third of its cost). Searches are anchored and
/// never follow failure transitions, so they do not need them; a search starts in the state
/// after this byte. NUL, not a byte that UTF-8 never uses: the start state's transitions are a
/// list sorted by byte while the automaton builds, walked from its head for every name. Should
/// a name contain NUL, the build is slower and a state may inherit a match that does not start
/// where the search did, which [`Part::longest`] checks for.
const LEAD: u8 = 0;

/// One of the matcher's automata: the names whose first byte it has, each after [`LEAD`].
///
/// The automaton holds each name only as far as it shares its beginning with another name, and
/// one byte more (its head); the rest (its tail) is compared with the text where the head ends.
/// Past that byte no other name goes on, so the states of the tail would be a chain that only
/// this name walks: the default gazetteers' 30,949 names make 290,000 states whole, 66,000 so,
/// and the states are what the automaton's build costs. A search reports the same names: the
/// head of a name with a tail is a state no other name passes, where the search would end.
#[derive(Debug, Clone)]
struct Part {
    nfa: contiguous::NFA,
    // the state after `LEAD`, where searches start
    root: StateID,
    // the automaton's pattern id -> the matcher's
    ids: Vec<u32>,
    // the tail of the automaton's pattern `k` is `tails[tail_at[k]..tail_at[k + 1]]`
    tails: Vec<u8>,
    tail_at: Vec<u32>,
    // byte of a name or text -> the byte the automaton knows it by (see [`Part::new`])
    bytes: Box<[u8; 256]>,
}

impl Part {
    /// The automaton of the names in `names` (by pattern id) that `part_of` puts in part `which`.
    ///
    /// The automaton reads every byte renumbered, the most frequent bytes of the names first
    /// ([`LEAD`] stays itself). Its build gives each state that follows a name's match (a name
    /// that extends another: "xi" and "xi jinping") the failure transition of the dead state,
    /// which it looks up in a list of all 256 bytes, sorted: renumbered, the lookup for a letter
    /// takes a few steps instead of a hundred.
    fn new(names: &[&str], part_of: &[u8; 256], which: u8) -> Result<Part> {
        let name = |id: u32| names[id as usize].as_bytes();
        // sorted, the names that share most of a name's beginning are next to it; by their first
        // eight bytes (as a number, which orders as the bytes do) before the rest
        let mut keyed: Vec<(u64, u32)> = (0..names.len() as u32)
            .filter(|&id| name(id).first().is_some_and(|&b| part_of[usize::from(b)] == which))
            .map(|id| {
                let mut first = [0u8; 8];
                let n = name(id).len().min(8);
                first[..n].copy_from_slice(&name(id)[..n]);
                (u64::from_be_bytes(first), id)
            })
            .collect();
        keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| name(a.1).cmp(name(b.1))));
        let ids: Vec<u32> = keyed.into_iter().map(|(_, id)| id).collect();
        let common = |a: &[u8], b: &[u8]| a.iter().zip(b).take_while(|(x, y)| x == y).count();
        let shared: Vec<usize> = ids.windows(2).map(|w| common(name(w[0]), name(w[1]))).collect();
        let head_len = |k: usize| {
            let before = k.checked_sub(1).map_or(0, |j| shared[j]);
            let after = shared.get(k).copied().unwrap_or(0);
            (before.max(after) + 1).min(name(ids[k]).len())
        };
        let mut count = [0usize; 256];
        let mut tails = Vec::new();
        let mut tail_at = Vec::with_capacity(ids.len() + 1);
        tail_at.push(0);
        let mut heads = Vec::with_capacity(ids.len());
        for (k, &id) in ids.iter().enumerate() {
            let (head, tail) = name(id).split_at(head_len(k));
            for &b in head {
                count[usize::from(b)] += 1;
            }
            tails.extend_from_slice(tail);
            tail_at.push(u32::try_from(tails.len()).map_err(|_| Error::Matcher("names too long".into()))?);
            heads.push(head);
        }
        let mut order: Vec<u8> = (0..=255).filter(|&b| b != LEAD).collect();
        order.sort_by_key(|&b| std::cmp::Reverse(count[usize::from(b)]));
        let mut renumber = Box::new([LEAD; 256]);
        for (k, &b) in order.iter().enumerate() {
            renumber[usize::from(b)] = if k < usize::from(LEAD) { k as u8 } else { k as u8 + 1 };
        }
        // every pattern in one buffer: `ends[k]` is where pattern `k` ends
        let mut bytes = Vec::new();
        let mut ends = Vec::with_capacity(heads.len());
        for head in heads {
            bytes.push(LEAD);
            bytes.extend(head.iter().map(|&b| renumber[usize::from(b)]));
            ends.push(bytes.len());
        }
        let patterns = ends.iter().scan(0, |start, &end| Some(&bytes[std::mem::replace(start, end)..end]));
        let nfa = contiguous::NFA::builder()
            // leftmost-longest: states after a match get no failure transition at all
            .match_kind(MatchKind::LeftmostLongest)
            // searches are anchored, where no prefilter can help
            .prefilter(false)
            // the default depth, one deeper for the lead byte: the first two bytes of a name
            .dense_depth(4)
            .build(patterns)
            .map_err(|e| Error::Matcher(e.to_string()))?;
        let start = nfa.start_state(Anchored::Yes).map_err(|e| Error::Matcher(e.to_string()))?;
        let root = nfa.next_state(Anchored::Yes, start, LEAD);
        Ok(Part { nfa, root, ids, tails, tail_at, bytes: renumber })
    }

    /// The longest of this part's names that `hay[at..]` starts with, if any.
    fn longest(&self, hay: &[u8], at: usize) -> Option<Found> {
        let nfa = &self.nfa;
        let mut sid = self.root;
        let mut found = None;
        for (end, &byte) in hay.iter().enumerate().skip(at) {
            sid = nfa.next_state(Anchored::Yes, sid, self.bytes[usize::from(byte)]);
            if nfa.is_special(sid) {
                if nfa.is_dead(sid) {
                    break;
                }
                // a match that starts at `at` has the lead byte before it
                if nfa.is_match(sid) {
                    let pattern = nfa.match_pattern(sid, 0);
                    if nfa.pattern_len(pattern) == end + 2 - at {
                        let k = pattern.as_usize();
                        let tail = &self.tails[self.tail_at[k] as usize..self.tail_at[k + 1] as usize];
                        if hay[end + 1..].starts_with(tail) {
                            found = Some(Found { start: at, end: end + 1 + tail.len(), pattern: self.ids[k] });
                        }
                        // no other name goes on from a head with a tail
                        if !tail.is_empty() {
                            break;
                        }
                    }
                }
            }
        }
        found
    }
}

/// Which part each first byte of a name goes to: the bytes in order, cut where half of the
/// names' bytes (a measure of the automaton's states) lie on each side.
fn split(names: &[&str]) -> Box<[u8; 256]> {
    let mut weight = [0usize; 256];
    for name in names {
        if let Some(&b) = name.as_bytes().first() {
            weight[usize::from(b)] += name.len();
        }
    }
    let total: usize = weight.iter().sum();
    let mut part_of = Box::new([0u8; 256]);
    let mut sum = 0;
    for (b, w) in weight.iter().enumerate() {
        if sum * 2 >= total {
            part_of[b] = 1;
        }
        sum += w;
    }
    part_of
}

/// Whether `written` (the original text of a match) honours `policy` for an alias `alias`.
fn case_agrees(policy: CasePolicy, alias: &str, written: &str, particles: &WordList) -> bool {
    if alias.is_ascii() && written.is_ascii() {
        ascii_case_agrees(policy, alias.as_bytes(), written.as_bytes(), particles)
    } else {
        unicode_case_agrees(policy, alias, written, particles)
    }
}

/// [`case_agrees`] for any alias and text.
fn unicode_case_agrees(policy: CasePolicy, alias: &str, written: &str, particles: &WordList) -> bool {
    match policy {
        CasePolicy::Insensitive => true,
        CasePolicy::Exact => {
            let a = alias.chars().filter(|c| c.is_alphanumeric());
            let w = written.chars().filter(|c| c.is_alphanumeric());
            a.eq(w)
        }
        CasePolicy::Capitalized => {
            let mut w = written.chars().filter(|c| c.is_alphanumeric());
            let mut words = alias.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty());
            let mut first = true;
            for word in words.by_ref() {
                // a name particle inside a name is written either way ("Tamim bin Hamad al-Thani"
                // for "Al Thani", "Mohammed bin Zayed" for "Mohammed Bin Zayed"); the first word
                // of a name must always be capitalised where the alias is
                // (looked up only where a capital is missing: most words keep theirs)
                let free = |word: &str| !first && particles.contains_ignore_case(word);
                for (k, a) in word.chars().enumerate() {
                    let Some(wc) = w.next() else { return true };
                    if k == 0 && a.is_uppercase() && !wc.is_uppercase() && !free(word) {
                        return false;
                    }
                }
                first = false;
            }
            true
        }
    }
}

/// [`case_agrees`] for an ASCII alias written in ASCII, byte by byte (where the letters and
/// digits of ASCII are the alphanumeric characters, and its capitals the upper-case ones).
fn ascii_case_agrees(policy: CasePolicy, alias: &[u8], written: &[u8], particles: &WordList) -> bool {
    match policy {
        CasePolicy::Insensitive => true,
        CasePolicy::Exact => {
            let a = alias.iter().filter(|c| c.is_ascii_alphanumeric());
            let w = written.iter().filter(|c| c.is_ascii_alphanumeric());
            a.eq(w)
        }
        CasePolicy::Capitalized => {
            let mut w = written.iter().filter(|c| c.is_ascii_alphanumeric());
            let words = alias.split(|c| !c.is_ascii_alphanumeric()).filter(|word| !word.is_empty());
            let mut first = true;
            for word in words {
                // see `case_agrees`; an ASCII word is a `str` as it is
                let free =
                    |word: &[u8]| !first && std::str::from_utf8(word).is_ok_and(|w| particles.contains_ignore_case(w));
                for (k, a) in word.iter().enumerate() {
                    let Some(wc) = w.next() else { return true };
                    if k == 0 && a.is_ascii_uppercase() && !wc.is_ascii_uppercase() && !free(word) {
                        return false;
                    }
                }
                first = false;
            }
            true
        }
    }
}

/// `name` without the initials between its first and last words ("George W. Bush" → "George
/// Bush", "George H. W. Bush" → "George Bush"), when it has some and nothing else between them.
fn without_middle_initials(name: &str) -> Option<String> {
    let mut words = name.split_whitespace();
    let (first, last) = (words.next()?, words.next_back()?);
    let initial = |w: &str| {
        let mut letters = w.chars().filter(|c| *c != '.');
        let count = letters.clone().count();
        w.contains('.') && count > 0 && count <= 2 && letters.all(char::is_uppercase)
    };
    // `words` holds the middle ones now, of which there must be some
    let mut middle = words.peekable();
    (middle.peek().is_some() && middle.all(initial) && !initial(first) && first.chars().count() > 1)
        .then(|| format!("{first} {last}"))
}

#[cfg(test)]
fn normalize_name(name: &str) -> String {
    let mut out = String::new();
    normalize_name_into(name, &mut out);
    out
}

/// [`normalize`] of a name into `out` (replacing what it held: one buffer serves every name),
/// without its machinery for the common case: ASCII words apart by one space, which normalise
/// to themselves in lower case. Building the matcher normalises some 36,000 names.
fn normalize_name_into(name: &str, out: &mut String) {
    let b = name.as_bytes();
    let visible = |c: &u8| *c > b' ' && *c < 0x7F;
    let plain = b.first().is_some_and(visible)
        && b.last().is_some_and(visible)
        && b.iter().all(|c| visible(c) || *c == b' ')
        && !name.contains("  ");
    out.clear();
    if plain {
        out.push_str(name);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&normalize(name));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer() -> Gazetteer {
        let mut g = Gazetteer::new();
        g.add_str(
            "t",
            concat!(
                "{\"id\":\"country:IRN\",\"kind\":\"country\",\"name\":\"Iran\"}\n",
                "{\"id\":\"country:USA\",\"kind\":\"country\",\"name\":\"United States\",\"aliases\":[\"US\"]}\n",
                "{\"id\":\"country:TCD\",\"kind\":\"country\",\"name\":\"Chad\"}\n",
                "{\"id\":\"organization:sco\",\"kind\":\"organization\",\"name\":\"Shanghai Cooperation Organisation\",\"aliases\":[\"SCO\",\"Shanghai Cooperation Organization\"]}\n",
                "{\"id\":\"place:shanghai\",\"kind\":\"place\",\"name\":\"Shanghai\"}\n",
                "{\"id\":\"place:new-york\",\"kind\":\"place\",\"name\":\"New York\"}\n",
                "{\"id\":\"place:new-york-city\",\"kind\":\"place\",\"name\":\"New York City\",\"aliases\":[\"NEW YORK CITY\"]}\n",
            ),
        )
        .unwrap();
        g
    }

    fn found(text: &str) -> Vec<(String, String)> {
        let g = gazetteer();
        let m = Matcher::new(&g).unwrap();
        let t = Text::new(text);
        m.find_all(&t)
            .into_iter()
            .map(|r| (text[r.start..r.end].to_string(), g.entities()[m.candidate(r.candidate).entity].id.clone()))
            .collect()
    }

    #[test]
    fn a_name_whose_hash_is_taken_is_found_by_name() {
        let mut names = Names::with_capacity(2);
        assert_eq!(names.id("iran"), Some(0));
        // as if "chad" hashed like "iran"
        names.index.collide("chad", 0);
        assert_eq!(names.id("chad"), Some(1));
        assert_eq!(names.id("chad"), Some(1));
        assert_eq!(names.id("iran"), Some(0));
        assert_eq!((names.get("iran"), names.get("chad"), names.get("us")), (Some(0), Some(1), None));
        assert_eq!(names.iter().collect::<Vec<_>>(), ["iran", "chad"]);
    }

    #[test]
    fn names_normalise_as_text_does() {
        for name in
            ["Xi Jinping", "A.k.a. Abu", "  New  York ", "São Tomé", "Côte d\u{2019}Ivoire", "", " ", "US\tUK", "A-B"]
        {
            assert_eq!(normalize_name(name), normalize(name), "{name:?}");
        }
        for e in Gazetteer::defaults().unwrap().entities() {
            for name in e.names() {
                assert_eq!(normalize_name(&name.text), normalize(&name.text), "{:?}", name.text);
            }
        }
    }

    #[test]
    fn ascii_case_check_agrees_with_the_unicode_one() {
        let particles = Lexicon::embedded()[ListId::Particles].clone();
        let aliases = ["US", "New York", "Mohammed Bin Zayed Al Nahyan", "La Paz", "dpa", "U.S.", "10 Downing Street"];
        let written = [
            "US",
            "us",
            "Us",
            "NEW YORK",
            "new york",
            "New york",
            "Mohammed bin Zayed al Nahyan",
            "mohammed Bin",
            "La Paz",
            "la Paz",
            "DPA",
            "dpa",
            "U.S",
            "u.s.",
            "10 Downing Street",
            "10 downing Street",
            "",
            "New",
        ];
        for policy in [CasePolicy::Insensitive, CasePolicy::Exact, CasePolicy::Capitalized] {
            for alias in aliases {
                for w in written {
                    assert_eq!(
                        ascii_case_agrees(policy, alias.as_bytes(), w.as_bytes(), &particles),
                        unicode_case_agrees(policy, alias, w, &particles),
                        "{policy:?} {alias:?} {w:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn whole_words_only() {
        assert_eq!(found("Iranian officials"), vec![]);
        assert_eq!(found("Iran's officials").len(), 1);
    }

    #[test]
    fn acronyms_match_only_as_written() {
        assert_eq!(found("let us go"), vec![]);
        assert_eq!(found("the US said"), vec![("US".into(), "country:USA".into())]);
    }

    #[test]
    fn capitalized_names_skip_common_words() {
        assert_eq!(found("a chad of paper"), vec![]);
        assert_eq!(found("CHAD and Chad").len(), 2);
    }

    #[test]
    fn leftmost_longest_prefers_the_organisation() {
        assert_eq!(
            found("the Shanghai Cooperation Organization met"),
            vec![("Shanghai Cooperation Organization".into(), "organization:sco".into())]
        );
        assert_eq!(found("in Shanghai today"), vec![("Shanghai".into(), "place:shanghai".into())]);
    }

    #[test]
    fn curly_and_dashed_text_matches() {
        assert_eq!(found("UNITED\u{00A0}STATES\u{2019} plan").len(), 1);
    }

    #[test]
    fn the_longest_name_that_ends_at_a_word_boundary() {
        assert_eq!(found("New York Citywide plans"), vec![("New York".into(), "place:new-york".into())]);
        assert_eq!(found("New York City plans"), vec![("New York City".into(), "place:new-york-city".into())]);
    }

    #[test]
    fn a_shorter_name_when_the_longest_fails_its_case() {
        // "city" fits neither spelling of the city (capitalised "New York City", exact "NEW YORK
        // CITY"), but "NEW YORK" fits the capitalised "New York"
        assert_eq!(found("NEW YORK city"), vec![("NEW YORK".into(), "place:new-york".into())]);
    }

    #[test]
    fn particles_inside_a_name_take_either_case() {
        let mut g = Gazetteer::new();
        g.add_str(
            "t",
            concat!(
                "{\"id\":\"person:mbz\",\"kind\":\"person\",\"name\":\"Mohammed Bin Zayed Al Nahyan\"}\n",
                "{\"id\":\"place:la-paz\",\"kind\":\"place\",\"name\":\"La Paz\"}\n",
            ),
        )
        .unwrap();
        let m = Matcher::new(&g).unwrap();
        let count = |s: &str| m.find_all(&Text::new(s)).len();
        assert_eq!(count("Mohammed bin Zayed al Nahyan spoke"), 1);
        assert_eq!(count("Mohammed Bin Zayed Al Nahyan spoke"), 1);
        // the other words keep their capitals, and a name's first word is never free
        assert_eq!(count("Mohammed bin zayed al Nahyan spoke"), 0);
        assert_eq!(count("la paz"), 0);
        assert_eq!(count("La Paz"), 1);
    }

    #[test]
    fn names_written_in_lower_case_still_start_at_lower_case_words() {
        let mut g = Gazetteer::new();
        g.add_str(
            "t",
            concat!(
                "{\"id\":\"organization:dpa\",\"kind\":\"organization\",\"name\":\"dpa\"}\n",
                "{\"id\":\"organization:x\",\"kind\":\"organization\",\"name\":\"Xenon Group\",",
                "\"aliases\":[{\"text\":\"Xenon Works\",\"case\":\"insensitive\"}]}\n",
                "{\"id\":\"place:ten\",\"kind\":\"place\",\"name\":\"10 Downing Street\"}\n",
            ),
        )
        .unwrap();
        let m = Matcher::new(&g).unwrap();
        let count = |s: &str| m.find_all(&Text::new(s)).len();
        assert_eq!(count("according to dpa, the"), 1);
        assert_eq!(count("staff of xenon works left"), 1);
        assert_eq!(count("staff of xenon group left"), 0);
        assert_eq!(count("at 10 downing street"), 0);
        assert_eq!(count("at 10 Downing Street"), 1);
        assert_eq!(count("at \u{e9}10 Downing Street"), 0);
    }

    #[test]
    fn a_name_with_the_lead_byte_inside_matches_only_itself() {
        // "q\0a" fails over to the state of "a" after the lead byte, whose match it inherits
        // (had "q" been a name, the states after its match would fail nowhere)
        let names = ["a", "q\0ab"];
        let part = Part::new(&names, &[0; 256], 0).unwrap();
        let found = |hay: &[u8]| part.longest(hay, 0).map(|f| (f.pattern, f.end));
        assert_eq!(found(b"q\0a"), None);
        assert_eq!(found(b"q\0ab"), Some((1, 4)));
        assert_eq!(found(b"ab"), Some((0, 1)));
        assert_eq!(found(b"b"), None);
    }

    #[test]
    fn a_name_past_its_head_is_compared_whole() {
        // heads: "new york" (a prefix of another name), "new york c", "new yorke", "newa", "x"
        let names = ["new york city", "new york", "newark", "new yorker", "x"];
        let part = Part::new(&names, &[0; 256], 0).unwrap();
        let found = |hay: &[u8]| part.longest(hay, 0).map(|f| (f.pattern, f.end));
        assert_eq!(found(b"new york city hall"), Some((0, 13)));
        assert_eq!(found(b"new york citx"), Some((1, 8)));
        assert_eq!(found(b"new york cit"), Some((1, 8)));
        assert_eq!(found(b"new yorker"), Some((3, 10)));
        assert_eq!(found(b"new yorkers"), Some((3, 10)));
        assert_eq!(found(b"newark"), Some((2, 6)));
        assert_eq!(found(b"newar"), None);
        assert_eq!(found(b"x"), Some((4, 1)));
        assert_eq!(found(b"y"), None);
    }

    #[test]
    fn names_across_punctuation_and_possessives() {
        assert_eq!(found("(Iran)").len(), 1);
        assert_eq!(
            found("Iran-Chad talks"),
            vec![("Iran".into(), "country:IRN".into()), ("Chad".into(), "country:TCD".into())]
        );
        assert_eq!(found("Iran\u{2019}s and Chad's").len(), 2);
        assert_eq!(found("Iran  \n Chad").len(), 2);
    }
}
