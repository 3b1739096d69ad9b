//! Matcher stage: every name and alias of every gazetteer entity, found at whole-word boundaries.
//!
//! Names are matched on the normalised text (so case, curly quotes and dash variants never stop a
//! match), leftmost-longest, whole words only; each alias's [`CasePolicy`] is then checked against
//! the original text, so `US` matches "US" but not "us".
//!
//! # Design (chosen by measurement)
//!
//! The text stage has already cut the text into words, so the matcher walks *words*, not bytes:
//! every name is stored as its sequence of normalised words (and whether a space separates each
//! word from the one before) in a trie whose edges are hash-map entries. A name can only start at
//! a word, and most words start no name, so the cost is about one hash lookup per word. Measured
//! with callgrind on the generated 1 MB news corpus and the default gazetteers: an Aho-Corasick
//! automaton (contiguous NFA, leftmost-longest, with the word-boundary checks) over the
//! lower-cased normalised text cost 73 instructions per byte, this trie 38 (the hash of every
//! word is most of it). The trie also finds the longest name that ends at a
//! word boundary (an automaton's leftmost-longest match can overrun one: "New York City" in "New
//! York Citywide" hid "New York"), and when the longest name at a word fails its case policy, a
//! shorter one at the same word is tried.
//!
//! A "word" is a token of [`Text`] (Unicode word boundaries, possessive `'s` split off), so a name
//! matches where its own words line up with the text's: "Iran" in "Iran's", "Iran-Iraq" and
//! "(Iran)", not in "Iranian".

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use crate::error::{Error, Result};
use crate::gazetteer::{AliasForm, CasePolicy, Gazetteer};
use crate::text::Text;

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
    // every distinct normalised word of any name -> its id
    words: HashMap<Box<str>, u32, Fx>,
    // (node, word id * 2 + 1 if a space comes before the word) -> child node; the root is node 0
    edges: HashMap<(u32, u32), u32, Fx>,
    // node -> the pattern that ends there, if any
    terminal: Vec<Option<u32>>,
    // pattern id -> range of `candidates`
    pattern_candidates: Vec<Range<usize>>,
    candidates: Vec<Candidate>,
}

impl Matcher {
    /// Compiles every name of every entity of `gazetteer`.
    ///
    /// # Errors
    /// When the gazetteer has more names than the matcher can number (over four billion).
    pub fn new(gazetteer: &Gazetteer) -> Result<Matcher> {
        let mut by_pattern: HashMap<String, Vec<Candidate>> = HashMap::new();
        // each distinct pattern, in order, with its words: (normalised span, space before it)
        type Words = Vec<(Range<usize>, bool)>;
        let mut order: Vec<(String, Words)> = Vec::new();
        for (entity, record) in gazetteer.entities().iter().enumerate() {
            for (alias, name) in record.names().enumerate() {
                let text = Text::new(&name.text);
                let pattern = text.normalized().to_string();
                if pattern.is_empty() {
                    continue;
                }
                let candidate = Candidate { entity, alias, case: name.case, form: name.form, text: name.text.clone() };
                let list = by_pattern.entry(pattern.clone()).or_insert_with(|| {
                    let mut words = Vec::with_capacity(text.tokens().len());
                    let mut last_end = 0;
                    for t in text.tokens() {
                        words.push((t.norm.clone(), t.norm.start > last_end));
                        last_end = t.norm.end;
                    }
                    order.push((pattern, words));
                    Vec::new()
                });
                if !list.iter().any(|c| c.entity == entity && c.case == candidate.case) {
                    list.push(candidate);
                }
            }
        }
        let too_many = || Error::Matcher("more than 2^31 distinct names or words".to_string());
        let mut m = Matcher {
            words: HashMap::default(),
            edges: HashMap::default(),
            terminal: vec![None],
            pattern_candidates: Vec::with_capacity(order.len()),
            candidates: Vec::new(),
        };
        for (pattern, words) in &order {
            let id = u32::try_from(m.pattern_candidates.len()).map_err(|_| too_many())?;
            let list = by_pattern.remove(pattern).unwrap_or_default();
            let start = m.candidates.len();
            m.candidates.extend(list);
            m.pattern_candidates.push(start..m.candidates.len());
            let mut node = 0u32;
            for (range, space) in words {
                let next_word = u32::try_from(m.words.len()).map_err(|_| too_many())?;
                let word = *m.words.entry(pattern[range.clone()].into()).or_insert(next_word);
                let key = (node, word.checked_mul(2).ok_or_else(too_many)? + u32::from(*space));
                let next_node = u32::try_from(m.terminal.len()).map_err(|_| too_many())?;
                node = *m.edges.entry(key).or_insert(next_node);
                if node == next_node {
                    m.terminal.push(None);
                }
            }
            m.terminal[node as usize].get_or_insert(id);
        }
        Ok(m)
    }

    /// Number of distinct patterns in the matcher.
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
    pub fn find_all(&self, text: &Text<'_>) -> Vec<RawMatch> {
        let tokens = text.tokens();
        let mut out = Vec::new();
        // the names that end along the current walk: (last token, pattern)
        let mut ends: Vec<(usize, u32)> = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let Some(&first) = self.words.get(text.token_text(i)) else {
                i += 1;
                continue;
            };
            ends.clear();
            let mut node = 0u32;
            let mut word = first;
            let mut j = i;
            loop {
                let space = j > i && tokens[j].norm.start > tokens[j - 1].norm.end;
                let Some(&child) = self.edges.get(&(node, word * 2 + u32::from(space))) else { break };
                node = child;
                if let Some(pattern) = self.terminal[node as usize] {
                    ends.push((j, pattern));
                }
                j += 1;
                match (j < tokens.len()).then(|| self.words.get(text.token_text(j))).flatten() {
                    Some(&w) => word = w,
                    None => break,
                }
            }
            let mut next = i + 1;
            for &(last, pattern) in ends.iter().rev() {
                let (start, end) = (tokens[i].start, tokens[last].end);
                let written = &text.original()[start..end];
                let norm = tokens[i].norm.start..tokens[last].norm.end;
                let before = out.len();
                for c in self.pattern_candidates[pattern as usize].clone() {
                    if case_agrees(self.candidates[c].case, &self.candidates[c].text, written) {
                        out.push(RawMatch { start, end, norm: norm.clone(), candidate: c });
                    }
                }
                if out.len() > before {
                    next = last + 1;
                    break;
                }
            }
            i = next;
        }
        out
    }
}

/// The Fx hash (as in rustc and Firefox): names and words are short, and SipHash's protection
/// against chosen keys is not needed for keys that come from the gazetteer.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

type Fx = BuildHasherDefault<FxHasher>;

impl FxHasher {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Whether `written` (the original text of a match) honours `policy` for an alias `alias`.
fn case_agrees(policy: CasePolicy, alias: &str, written: &str) -> bool {
    match policy {
        CasePolicy::Insensitive => true,
        CasePolicy::Exact => {
            let a = alias.chars().filter(|c| c.is_alphanumeric());
            let w = written.chars().filter(|c| c.is_alphanumeric());
            a.eq(w)
        }
        CasePolicy::Capitalized => {
            let mut w = written.chars().filter(|c| c.is_alphanumeric());
            let mut prev_letter = false;
            for a in alias.chars() {
                if !a.is_alphanumeric() {
                    prev_letter = false;
                    continue;
                }
                let Some(wc) = w.next() else { return true };
                if !prev_letter && a.is_uppercase() && !wc.is_uppercase() {
                    return false;
                }
                prev_letter = true;
            }
            true
        }
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
