//! Matcher stage: every name and alias of every gazetteer entity in one Aho-Corasick automaton.
//!
//! Names are matched on the normalised text (so case, curly quotes and dash variants never stop a
//! match), leftmost-longest, at whole-word boundaries only; each alias's [`CasePolicy`] is then
//! checked against the original text, so `US` matches "US" but not "us".

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};

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
    automaton: AhoCorasick,
    // pattern id -> range of `candidates`
    pattern_candidates: Vec<Range<usize>>,
    candidates: Vec<Candidate>,
}

impl Matcher {
    /// Compiles every name of every entity of `gazetteer`.
    ///
    /// # Errors
    /// When the automaton exceeds the `aho-corasick` crate's limits.
    pub fn new(gazetteer: &Gazetteer) -> Result<Matcher> {
        let mut by_pattern: HashMap<String, Vec<Candidate>> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for (entity, record) in gazetteer.entities().iter().enumerate() {
            for (alias, name) in record.names().enumerate() {
                let pattern = Text::new(&name.text).normalized().to_string();
                if pattern.is_empty() {
                    continue;
                }
                let candidate = Candidate { entity, alias, case: name.case, form: name.form, text: name.text.clone() };
                let list = by_pattern.entry(pattern.clone()).or_insert_with(|| {
                    order.push(pattern);
                    Vec::new()
                });
                if !list.iter().any(|c| c.entity == entity && c.case == candidate.case) {
                    list.push(candidate);
                }
            }
        }
        let mut pattern_candidates = Vec::with_capacity(order.len());
        let mut candidates = Vec::new();
        for pattern in &order {
            let list = by_pattern.remove(pattern).unwrap_or_default();
            let start = candidates.len();
            candidates.extend(list);
            pattern_candidates.push(start..candidates.len());
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&order)
            .map_err(|e| Error::Matcher(e.to_string()))?;
        Ok(Matcher { automaton, pattern_candidates, candidates })
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

    /// Every name in `text`, in order of position, at word boundaries, with case policies applied.
    pub fn find_all(&self, text: &Text<'_>) -> Vec<RawMatch> {
        let hay = text.normalized();
        let bytes = hay.as_bytes();
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < hay.len() {
            let Some(m) = self.automaton.find(Input::new(hay).span(pos..hay.len())) else {
                break;
            };
            let (s, e) = (m.start(), m.end());
            let mut accepted = false;
            if starts_word(hay, s) && ends_word(hay, e) {
                let start = text.to_original_start(s);
                let end = text.to_original_end(e);
                let written = &text.original()[start..end];
                for c in self.pattern_candidates[m.pattern().as_usize()].clone() {
                    if case_agrees(self.candidates[c].case, &self.candidates[c].text, written) {
                        out.push(RawMatch { start, end, norm: s..e, candidate: c });
                        accepted = true;
                    }
                }
            }
            pos = if accepted {
                e
            } else {
                // a name can only start at a word start: skip to the next one
                let mut p = s + 1;
                while p < bytes.len() && !(hay.is_char_boundary(p) && starts_word(hay, p)) {
                    p += 1;
                }
                p
            };
        }
        out
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn starts_word(hay: &str, at: usize) -> bool {
    let next = hay[at..].chars().next();
    let prev = hay[..at].chars().next_back();
    match (prev, next) {
        (_, None) => false,
        (None, _) => true,
        (Some(p), Some(n)) => !(is_word_char(p) && is_word_char(n)),
    }
}

fn ends_word(hay: &str, at: usize) -> bool {
    let prev = hay[..at].chars().next_back();
    let next = hay[at..].chars().next();
    match (prev, next) {
        (_, None) => true,
        (Some(p), Some(n)) => !(is_word_char(p) && is_word_char(n)),
        (None, _) => false,
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
}
