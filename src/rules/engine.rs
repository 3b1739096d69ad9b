//! Matching: the units of a sentence, a backtracking run of one compiled pattern over them, and
//! the negation and modality checks around a match.
//!
//! Every run has a step budget and gaps have a fixed maximum length, so a pattern can be slow only
//! up to a constant: nothing here goes exponential on long sentences.

use std::collections::BTreeMap;
use std::ops::Range;

use super::compile::{Inst, Program};
use crate::resolve::Resolution;
use crate::text::Text;

/// Steps one pattern may take over one sentence, over all start positions.
pub(crate) const STEP_BUDGET: usize = 20_000;
/// Units before the trigger word searched for negation and modality.
const WINDOW: usize = 5;
/// Members of one coordinated list.
const MAX_LIST: usize = 12;

/// What a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitKind {
    /// A token (index into [`Text::tokens`]).
    Token(usize),
    /// A mention (index into [`Resolution::mentions`]).
    Entity(usize),
}

/// One unit of a sentence: a token, or a whole mention phrase.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Unit {
    pub kind: UnitKind,
    /// Original byte span.
    pub start: usize,
    pub end: usize,
}

/// The units of the sentence whose tokens are `tokens`: a non-nested mention replaces the tokens it
/// covers (the first, longest, mention of a start wins), with a determiner ("the", "his") just
/// before it.
pub(crate) fn units(text: &Text<'_>, resolution: &Resolution, tokens: Range<usize>) -> Vec<Unit> {
    let all = text.tokens();
    let mentions = &resolution.mentions;
    let mut m = mentions.partition_point(|x| x.tokens.start < tokens.start);
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = tokens.start;
    while i < tokens.end {
        while m < mentions.len() && (mentions[m].tokens.start < i || mentions[m].nested) {
            m += 1;
        }
        // a determiner before a mention belongs to it: "the United States", "his Kazakh
        // counterpart Kassym-Jomart Tokayev"
        let article = i + 1 < tokens.end
            && matches!(text.token_text(i), "the" | "his" | "her" | "their" | "its")
            && m < mentions.len()
            && mentions[m].tokens.start == i + 1
            && mentions[m].tokens.end > i + 1;
        let at = if article { i + 1 } else { i };
        if m < mentions.len() && mentions[m].tokens.start == at && mentions[m].tokens.end > at {
            let end = mentions[m].tokens.end.min(tokens.end);
            out.push(Unit { kind: UnitKind::Entity(m), start: all[i].start(), end: all[end - 1].end() });
            i = end;
            m += 1;
        } else {
            out.push(Unit { kind: UnitKind::Token(i), start: all[i].start(), end: all[i].end() });
            i += 1;
        }
    }
    out
}

/// A successful run: which instruction consumed which units.
#[derive(Debug, Clone)]
pub(crate) struct Run {
    pub trace: Vec<(usize, Range<usize>)>,
}

/// How far a failed run got: the parts matched, and the instruction and unit where it stopped.
#[derive(Debug, Clone, Default)]
pub(crate) struct Partial {
    pub trace: Vec<(usize, Range<usize>)>,
    pub failed_at: Option<(usize, usize)>,
}

pub(crate) struct Vm<'a> {
    pub program: &'a Program,
    pub units: &'a [Unit],
    pub text: &'a Text<'a>,
    pub resolution: &'a Resolution,
    pub steps: usize,
    trace: Vec<(usize, Range<usize>)>,
    /// Track the furthest partial match (for `--explain`).
    pub track: bool,
    pub partial: Partial,
}

impl<'a> Vm<'a> {
    pub fn new(program: &'a Program, units: &'a [Unit], text: &'a Text<'a>, resolution: &'a Resolution) -> Vm<'a> {
        Vm { program, units, text, resolution, steps: 0, trace: Vec::new(), track: false, partial: Partial::default() }
    }

    /// Runs the program from unit `start`.
    pub fn run_at(&mut self, start: usize) -> Option<Run> {
        self.trace.clear();
        if self.step(0, start) {
            Some(Run { trace: std::mem::take(&mut self.trace) })
        } else {
            None
        }
    }

    fn word(&self, pos: usize) -> Option<&'a str> {
        match self.units.get(pos)?.kind {
            UnitKind::Token(i) => Some(self.text.token_text(i)),
            UnitKind::Entity(_) => None,
        }
    }

    /// The entity a unit gives a slot of these kinds.
    fn entity(&self, pos: usize, kinds: super::compile::Kinds) -> Option<usize> {
        let UnitKind::Entity(m) = self.units.get(pos)?.kind else { return None };
        slot_entity(self.resolution, m, kinds)
    }

    fn fail(&mut self, pc: usize, pos: usize) -> bool {
        // a cancelled full match (marked by a last entry of `usize::MAX`) beats any partial one
        let cancelled = self.partial.trace.last().is_some_and(|(pc, _)| *pc == usize::MAX);
        if self.track && !cancelled && self.trace.len() >= self.partial.trace.len() {
            self.partial = Partial { trace: self.trace.clone(), failed_at: Some((pc, pos)) };
        }
        false
    }

    fn consume(&mut self, pc: usize, units: Range<usize>) -> bool {
        let end = units.end;
        self.trace.push((pc, units));
        if self.step(pc + 1, end) {
            return true;
        }
        self.trace.pop();
        false
    }

    fn step(&mut self, pc: usize, pos: usize) -> bool {
        self.steps += 1;
        if self.steps > STEP_BUDGET {
            return false;
        }
        match &self.program.insts[pc] {
            Inst::Match => true,
            Inst::Jmp(to) => self.step(*to, pos),
            Inst::Split(a, b) => {
                let (a, b) = (*a, *b);
                self.step(a, pos) || self.step(b, pos)
            }
            Inst::Word(w) => {
                if self.word(pos) == Some(w) {
                    self.consume(pc, pos..pos + 1)
                } else {
                    self.fail(pc, pos)
                }
            }
            Inst::Regex(r) => {
                let ok = matches!(self.units.get(pos).map(|u| u.kind), Some(UnitKind::Token(_)))
                    && self.word(pos).is_some_and(|w| self.program.regexes[*r].is_match(w));
                if ok {
                    self.consume(pc, pos..pos + 1)
                } else {
                    self.fail(pc, pos)
                }
            }
            Inst::Set(i) => {
                if self.word(pos).is_some_and(|w| self.program.sets[*i].contains(w)) {
                    self.consume(pc, pos..pos + 1)
                } else {
                    self.fail(pc, pos)
                }
            }
            Inst::Gap(n) => {
                let max = (*n).min(self.units.len().saturating_sub(pos));
                for k in 0..=max {
                    if self.consume(pc, pos..pos + k) {
                        return true;
                    }
                }
                false
            }
            Inst::Slot { kinds, list, .. } => {
                let kinds = *kinds;
                if self.entity(pos, kinds).is_none() {
                    return self.fail(pc, pos);
                }
                if !*list {
                    return self.consume(pc, pos..pos + 1);
                }
                // every end of a coordinated list starting here, longest first
                let kind_of = |e: usize| self.resolution.entities[e].kind;
                let first = self.entity(pos, kinds).map(kind_of);
                let mut ends = vec![pos + 1];
                let mut at = pos + 1;
                while ends.len() < MAX_LIST {
                    let mut next = at;
                    let sep = |i: usize| self.word(i);
                    let mut joined = false;
                    match sep(next) {
                        Some(",") => {
                            next += 1;
                            if matches!(sep(next), Some("and") | Some("&")) {
                                next += 1;
                                joined = true;
                            }
                        }
                        Some("and") | Some("&") => {
                            next += 1;
                            joined = true;
                        }
                        _ => break,
                    }
                    // a bare comma joins only members of one kind: "Israel, Iran" is a list,
                    // "to Ukraine, Prime Minister Shigeru Ishiba said" is not
                    match self.entity(next, kinds) {
                        None => break,
                        Some(e) if !joined && Some(kind_of(e)) != first => break,
                        Some(_) => {}
                    }
                    at = next + 1;
                    ends.push(at);
                }
                for &end in ends.iter().rev() {
                    if self.consume(pc, pos..end) {
                        return true;
                    }
                }
                false
            }
        }
    }
}

/// The entity mention `m` gives a slot of `kinds`: its own if its kind is listed, else the one it
/// acts for if that kind is.
pub(crate) fn slot_entity(resolution: &Resolution, m: usize, kinds: super::compile::Kinds) -> Option<usize> {
    let mention = resolution.mentions.get(m)?;
    if kinds.contains(resolution.entities[mention.entity].kind) {
        return Some(mention.entity);
    }
    mention.acts_for.filter(|&e| kinds.contains(resolution.entities[e].kind))
}

/// The members of a slot's units (a list skips its separators).
pub(crate) fn members(vm: &Vm<'_>, units: Range<usize>, kinds: super::compile::Kinds) -> Vec<(usize, usize)> {
    units
        .filter_map(|u| match vm.units[u].kind {
            UnitKind::Entity(m) => slot_entity(vm.resolution, m, kinds).map(|e| (e, m)),
            UnitKind::Token(_) => None,
        })
        .collect()
}

/// What the words around a match say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mood {
    Plain,
    Future,
    Negated,
}

fn negator(w: &str) -> bool {
    matches!(
        w,
        "not"
            | "never"
            | "no"
            | "nor"
            | "cannot"
            | "refused"
            | "refuses"
            | "refuse"
            | "refusing"
            | "declined"
            | "declines"
            | "decline"
            | "declining"
            | "rejected"
            | "rejects"
            | "failed"
            | "fails"
            | "unable"
            | "without"
            | "cancelled"
            | "canceled"
            | "cancels"
            | "postponed"
            | "denied"
            | "denies"
            | "deny"
    ) || w.ends_with("n't")
}

fn strong_modal(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "would"
            | "'ll"
            | "shall"
            | "willing"
            | "ready"
            | "plans"
            | "plan"
            | "planned"
            | "planning"
            | "expected"
            | "scheduled"
            | "intends"
            | "intend"
            | "intended"
            | "hopes"
            | "aims"
            | "seeks"
            | "wants"
            | "may"
            | "might"
            | "could"
            | "set"
            | "due"
            | "poised"
            | "prepared"
            | "going"
            | "should"
            | "must"
            | "can"
    )
}

/// Words that only qualify the verb after them: skipped when looking for a match's trigger.
fn auxiliary(w: &str) -> bool {
    negator(w)
        || strong_modal(w)
        || matches!(
            w,
            "to" | "also"
                | "has"
                | "have"
                | "had"
                | "did"
                | "does"
                | "do"
                | "is"
                | "are"
                | "was"
                | "were"
                | "be"
                | "been"
                | "being"
                | "already"
                | "then"
                | "later"
                | "again"
                | "reportedly"
                | "formally"
                | "officially"
                | "jointly"
                | "both"
        )
}

/// Words that link parts rather than say what happened: never a match's trigger.
fn function(w: &str) -> bool {
    !w.chars().any(char::is_alphanumeric)
        || matches!(
            w,
            "and"
                | "or"
                | "'s"
                | "the"
                | "a"
                | "an"
                | "of"
                | "in"
                | "on"
                | "at"
                | "by"
                | "for"
                | "with"
                | "from"
                | "his"
                | "her"
                | "their"
                | "its"
        )
}

/// Negation and modality of a run: negators or modal words in the window before its trigger (its
/// first matched word that is not an auxiliary, looking back to the nearest entity or clause mark),
/// or in its gaps; a cancellation ("was cancelled") right after it.
pub(crate) fn mood(vm: &Vm<'_>, run: &Run) -> Mood {
    let program = vm.program;
    let words = || {
        run.trace
            .iter()
            .filter(|(pc, r)| matches!(program.insts[*pc], Inst::Word(_)) && !r.is_empty())
            .map(|(_, r)| r.start)
    };
    let trigger =
        words().find(|&u| vm.word(u).is_some_and(|w| !auxiliary(w) && !function(w))).or_else(|| words().next());
    let mut future = false;
    if let Some(t) = trigger {
        let mut i = t;
        let mut seen = 0;
        while i > 0 && seen < WINDOW {
            i -= 1;
            let Some(w) = vm.word(i) else { break };
            if matches!(w, "," | ";" | ":" | "\"" | "(" | ")" | "-" | "." | "?" | "!") {
                break;
            }
            if negator(w) {
                return Mood::Negated;
            }
            future |= strong_modal(w) || w == "to";
            seen += 1;
        }
    }
    // "the meeting between … was cancelled": a cancellation right after the match
    let end = run.trace.iter().map(|(_, r)| r.end).max().unwrap_or(0);
    for w in (end..(end + WINDOW).min(vm.units.len())).map_while(|u| vm.word(u)) {
        if matches!(w, "cancelled" | "canceled" | "postponed" | "scrapped" | "shelved" | "collapsed" | "aborted") {
            return Mood::Negated;
        }
        if matches!(w, "," | ";" | ":" | "." | "and" | "but") {
            break;
        }
    }
    for (pc, r) in &run.trace {
        // a pattern's own auxiliaries (word sets such as `<aux>`) count wherever they are
        if let Inst::Set(_) = program.insts[*pc] {
            if let Some(w) = vm.word(r.start) {
                if negator(w) {
                    return Mood::Negated;
                }
                future |= strong_modal(w) || w == "to";
            }
        }
        if let Inst::Gap(_) = program.insts[*pc] {
            // a gap between commas is a parenthetical ("Putin, who has not visited …, met"):
            // what it says is not about this match
            let comma = |u: Option<usize>| u.and_then(|u| vm.word(u)) == Some(",");
            if comma(r.start.checked_sub(1)) && comma(Some(r.end)) {
                continue;
            }
            for w in r.clone().filter_map(|u| vm.word(u)) {
                if negator(w) {
                    return Mood::Negated;
                }
                future |= strong_modal(w);
            }
        }
    }
    if future {
        Mood::Future
    } else {
        Mood::Plain
    }
}

/// The original span of a run's units.
pub(crate) fn span(units: &[Unit], run: &Run) -> (usize, usize) {
    let mut lo = usize::MAX;
    let mut hi = 0;
    for (_, r) in &run.trace {
        if !r.is_empty() {
            lo = lo.min(units[r.start].start);
            hi = hi.max(units[r.end - 1].end);
        }
    }
    if lo == usize::MAX {
        (0, 0)
    } else {
        (lo, hi)
    }
}

/// The original text of a run of units.
pub(crate) fn units_text<'t>(text: &Text<'t>, units: &[Unit], r: Range<usize>) -> &'t str {
    if r.is_empty() || r.end > units.len() {
        return "";
    }
    &text.original()[units[r.start].start..units[r.end - 1].end]
}

/// The named arguments a run captured (the text of each mention in a non-subject/object slot).
pub(crate) fn slot_args(vm: &Vm<'_>, run: &Run) -> BTreeMap<String, String> {
    let mut args = BTreeMap::new();
    for (pc, r) in &run.trace {
        if let Inst::Slot { slot, kinds, .. } = vm.program.insts[*pc] {
            if slot >= 2 {
                let texts: Vec<&str> = members(vm, r.clone(), kinds)
                    .iter()
                    .map(|&(_, m)| {
                        let mention = &vm.resolution.mentions[m];
                        &vm.text.original()[mention.start..mention.end]
                    })
                    .collect();
                args.insert(vm.program.slots[slot].clone(), texts.join(", "));
            }
        }
    }
    args
}
