//! The first pass: the matcher's names aligned to whole tokens ([`Spans`], each with its candidate
//! entities) and the entities found by pattern ([`Patterns`]: money, treaties, summits).
//!
//! Nothing here decides what a name refers to; it only says where names may be. What covers a
//! token is found by binary search in the sorted lists, never kept per token.

use super::words::Words;
use crate::lexicon::{ListId, WordList};
use std::cell::Cell;
use std::ops::Range;

use crate::gazetteer::{AliasForm, CasePolicy, EntityKind};
use crate::matcher::{Matcher, RawMatch};
use crate::text::Text;

use super::index::{FindIdx, GazIdx, TokenIdx, Tokens};
use super::{form_rank, gallop, patterns, TokenSet};

/// One candidate entity of a span.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cand {
    pub(super) gaz: GazIdx,
    pub(super) form: AliasForm,
    pub(super) case: CasePolicy,
}

impl Cand {
    #[inline]
    pub(super) fn gaz(self) -> usize {
        self.gaz.get()
    }
}

/// A gazetteer name found in the text, aligned to whole tokens.
#[derive(Debug, Clone, Copy)]
pub(super) struct Span {
    pub(super) tokens: Tokens,
    /// Its candidates, `cands_start..cands_end` in [`Spans::cands`] (offsets of that list).
    cands_start: u32,
    cands_end: u32,
}

impl Span {
    #[inline]
    pub(super) fn tokens(&self) -> Range<usize> {
        self.tokens.range()
    }

    #[inline]
    pub(super) fn start(&self) -> usize {
        self.tokens.start.get()
    }

    #[inline]
    pub(super) fn end(&self) -> usize {
        self.tokens.end.get()
    }

    /// Whether the context left it no candidate.
    #[inline]
    pub(super) fn is_empty(&self) -> bool {
        self.cands_start == self.cands_end
    }
}

/// The spans of a text, sorted by start and disjoint.
#[derive(Debug, Default)]
pub(super) struct Spans {
    spans: Vec<Span>,
    /// The candidates of every span, one span after the other.
    cands: Vec<Cand>,
    /// The span being decided, where [`Spans::at`] looks first (a hint the decide pass sets).
    near: Cell<u32>,
}

impl Spans {
    #[inline]
    pub(super) fn len(&self) -> usize {
        self.spans.len()
    }

    #[inline]
    pub(super) fn get(&self, s: usize) -> &Span {
        &self.spans[s]
    }

    #[inline]
    pub(super) fn as_slice(&self) -> &[Span] {
        &self.spans
    }

    /// The candidates of span `s`.
    #[inline]
    pub(super) fn cands(&self, s: usize) -> &[Cand] {
        let span = &self.spans[s];
        &self.cands[span.cands_start as usize..span.cands_end as usize]
    }

    /// Tells [`Spans::at`] that the questions are now about the tokens around span `s`.
    #[inline]
    pub(super) fn look_near(&self, s: usize) {
        self.near.set(s as u32);
    }

    /// The span that covers token `t`.
    #[inline]
    pub(super) fn at(&self, t: usize) -> Option<usize> {
        // most questions are about the tokens next to the span being decided: search the few
        // spans around it when they surround the token, all of them otherwise
        let near = self.near.get() as usize;
        let (lo, hi) = (near.saturating_sub(2), (near + 3).min(self.spans.len()));
        let (lo, hi) = if lo < hi && self.spans[lo].start() <= t && t < self.spans[hi - 1].end() {
            (lo, hi)
        } else {
            (0, self.spans.len())
        };
        let s = lo + self.spans[lo..hi].partition_point(|s| s.start() <= t).checked_sub(1)?;
        (t < self.spans[s].end()).then_some(s)
    }

    /// The span that starts at token `t`.
    #[inline]
    pub(super) fn starting_at(&self, t: usize) -> Option<usize> {
        self.at(t).filter(|&s| self.spans[s].start() == t)
    }
}

/// The entities found by pattern, and which tokens each covers.
#[derive(Debug, Default)]
pub(super) struct Patterns {
    /// The pattern entities kept, and their tokens.
    pub(super) finds: Vec<(patterns::Found, Range<usize>)>,
    /// The tokens of each pattern entity, as disjoint sorted `(start, end, find)`: a later find
    /// owns the tokens it shares with an earlier one. Phrases never cross the edge of one, so units
    /// never overlap.
    cover: Vec<(TokenIdx, TokenIdx, FindIdx)>,
}

impl Patterns {
    /// The pattern entity that covers token `t`.
    #[inline]
    pub(super) fn at(&self, t: usize) -> Option<FindIdx> {
        let k = self.cover.partition_point(|p| p.0.get() <= t).checked_sub(1)?;
        let (_, end, find) = self.cover[k];
        (t < end.get()).then_some(find)
    }

    /// Tokens `a` and `b` lie in the same pattern entity, or both outside any.
    #[inline]
    pub(super) fn same(&self, a: usize, b: usize) -> bool {
        self.at(a) == self.at(b)
    }

    /// Records that pattern entity `find` covers `tokens`, over any earlier one there.
    fn paint(&mut self, tokens: Range<usize>, find: FindIdx) {
        let (start, end) = (TokenIdx::new(tokens.start), TokenIdx::new(tokens.end));
        let list = &mut self.cover;
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
            list.push((start, end, find));
        }
        rest.sort_unstable();
        list.extend(rest);
    }
}

/// What the candidates pass finds.
pub(super) struct Candidates {
    pub(super) spans: Spans,
    pub(super) patterns: Patterns,
    /// Tokens inside a money amount or a pattern entity: no other mention takes them.
    pub(super) taken: TokenSet,
}

impl Candidates {
    /// The spans of the matcher's raw matches, and the pattern entities of the text.
    pub(super) fn find(matcher: &Matcher, words: &Words, text: &Text<'_>, matches: &[RawMatch]) -> Candidates {
        let mut found = Candidates {
            spans: collect_spans(matcher, text, matches),
            patterns: Patterns::default(),
            taken: TokenSet::new(text.tokens().len()),
        };
        found.collect_patterns(text, words.list(ListId::LeadingWords));
        found
    }

    /// Finds money, documents and events; names inside an amount are dropped, names inside a
    /// document or event stay as nested mentions, and a pattern that cuts a name in two is dropped.
    fn collect_patterns(&mut self, text: &Text<'_>, leading: &WordList) {
        for found in patterns::find_with(text, leading) {
            let tokens = tokens_of(text, found.start, found.end);
            if tokens.is_empty() {
                continue;
            }
            let spans = &mut self.spans;
            if found.kind == EntityKind::Money {
                for t in tokens.clone() {
                    if let Some(s) = spans.at(t) {
                        let span = &mut spans.spans[s];
                        span.cands_end = span.cands_start;
                    }
                }
                self.taken.insert_range(tokens.clone());
            } else {
                let cut = |t: usize| spans.at(t).map(|s| spans.spans[s].tokens());
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
            self.patterns.paint(tokens.clone(), FindIdx::new(self.patterns.finds.len()));
            self.patterns.finds.push((found, tokens));
        }
    }
}

/// Groups the raw matches by span, keeping those that cover whole tokens.
fn collect_spans(matcher: &Matcher, text: &Text<'_>, matches: &[RawMatch]) -> Spans {
    let toks = text.tokens();
    let mut out = Spans::default();
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
            let cands_start = out.cands.len();
            for m in &matches[i..j] {
                let c = matcher.candidate(m.candidate);
                // a former name ("Mandatory Palestine", "Rhodesia", "Zaire") is not today's
                // state: the span stays (no shorter name inside it is taken either), with no
                // entity, rather than a state the name no longer named
                if c.form == AliasForm::Former {
                    continue;
                }
                let cand = Cand { gaz: GazIdx::new(c.entity), form: c.form, case: c.case };
                match out.cands[cands_start..].iter_mut().find(|x| x.gaz == cand.gaz) {
                    Some(x) if form_rank(x.form) < form_rank(cand.form) => *x = cand,
                    Some(_) => {}
                    None => out.cands.push(cand),
                }
            }
            // the matcher reports names in order and never two over one token
            debug_assert!(out.spans.last().map_or(true, |s| s.end() <= first));
            out.spans.push(Span {
                tokens: Tokens::new(first..last),
                cands_start: cands_start as u32,
                cands_end: out.cands.len() as u32,
            });
        }
        i = j;
    }
    out
}

/// The tokens of an original byte span, snapped outwards to whole tokens.
pub(super) fn tokens_of(text: &Text<'_>, start: usize, end: usize) -> Range<usize> {
    let toks = text.tokens();
    let first = toks.partition_point(|t| t.end() <= start);
    let last = toks.partition_point(|t| t.start() < end);
    first..last.max(first)
}
