//! Matching: the units of a sentence, a backtracking run of one compiled pattern over them, and
//! the negation and modality checks around a match.
//!
//! Every run has a step budget, gaps and lists have a fixed maximum length, and a run that takes
//! more than a few steps remembers the states that failed (each is then tried once per sentence),
//! so a pattern can be slow only up to a constant: nothing here goes exponential on long
//! sentences, and a sentence costs at most its units times the pattern's instructions.

use crate::lexicon::{Lexicon, ListId};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::ops::Range;

use super::compile::{Inst, Program, AMPERSAND, AND, COMMA, NO_PC, NO_WORD};
use super::index::{InstId, WordId};
use crate::resolve::{MentionForm, Resolution};
use crate::text::Text;

/// Steps one pattern may take over one sentence, over all start positions.
pub(crate) const STEP_BUDGET: usize = 20_000;
/// Units before the trigger word searched for negation and modality.
const WINDOW: usize = 5;
/// Members of one coordinated list.
const MAX_LIST: usize = 12;
/// The most `(instruction, unit)` states a run remembers as failed (bits): beyond, a very long
/// sentence is left to the step budget.
const MAX_MEMO: usize = 1 << 20;
/// Steps a pattern takes over a sentence before it remembers failed states: most take a handful,
/// and setting up the memory would cost more than it saves.
pub(crate) const MEMO_AFTER: usize = 256;

/// What a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitKind {
    /// A token (index into [`Text::tokens`]).
    Token(usize),
    /// A mention (index into [`Resolution::mentions`]).
    Entity(usize),
}

/// One unit of a sentence: a token, or a whole mention phrase.
///
/// Kept at 16 bytes (a sentence without ends can hold millions of units): indices and offsets as
/// `u32`, which hold any offset of a [`Text`] ([`Text::MAX_LEN`] is 1 GiB).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Unit {
    /// The token or mention index, with [`ENTITY`] set for a mention.
    index: u32,
    /// The token's word id in the rule set's vocabulary ([`NO_WORD`] for an entity, or a word no
    /// pattern names).
    pub word: WordId,
    /// Original byte span.
    start: u32,
    end: u32,
}

/// The bit of [`Unit::index`] that marks a mention.
const ENTITY: u32 = 1 << 31;

const _: () = assert!(std::mem::size_of::<Unit>() == 16);

impl Unit {
    fn token(i: usize, word: WordId, span: Range<usize>) -> Unit {
        Unit { index: i as u32, word, start: span.start as u32, end: span.end as u32 }
    }

    fn entity(m: usize, span: Range<usize>) -> Unit {
        Unit { index: m as u32 | ENTITY, word: NO_WORD, start: span.start as u32, end: span.end as u32 }
    }

    /// What it is.
    #[inline]
    pub fn kind(&self) -> UnitKind {
        let i = (self.index & !ENTITY) as usize;
        if self.index & ENTITY != 0 {
            UnitKind::Entity(i)
        } else {
            UnitKind::Token(i)
        }
    }

    /// Original byte offset of its start.
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Original byte offset of its end.
    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }
}

/// The units of the sentence whose tokens are `tokens`: a non-nested mention replaces the tokens it
/// covers (the first, longest, mention of a start wins), with a determiner ("the", "his") just
/// before it. `words` holds the word id of each of the tokens.
pub(crate) fn units(
    text: &Text<'_>,
    resolution: &Resolution,
    tokens: Range<usize>,
    words: &[WordId],
    determiners: Range<WordId>,
) -> Vec<Unit> {
    let mut out = Vec::with_capacity(tokens.len());
    units_into(text, resolution, tokens, words, determiners, &mut out);
    out
}

/// [`units`], into `out` (cleared first).
pub(crate) fn units_into(
    text: &Text<'_>,
    resolution: &Resolution,
    tokens: Range<usize>,
    words: &[WordId],
    determiners: Range<WordId>,
    out: &mut Vec<Unit>,
) {
    out.clear();
    let all = text.tokens();
    let mentions = &resolution.mentions;
    let mut m = mentions.partition_point(|x| x.tokens.start < tokens.start);
    let mut i = tokens.start;
    while i < tokens.end {
        while m < mentions.len() && (mentions[m].tokens.start < i || mentions[m].nested) {
            m += 1;
        }
        // tokens before the next mention are units of their own
        let next = if m < mentions.len() { mentions[m].tokens.start.min(tokens.end) } else { tokens.end };
        // (the token just before a mention may be its determiner: it is looked at below)
        if i + 1 < next {
            let run = i..next - 1;
            out.extend(
                all[run.clone()]
                    .iter()
                    .zip(&words[run.start - tokens.start..run.end - tokens.start])
                    .zip(run)
                    .map(|((token, &word), i)| Unit::token(i, word, token.span())),
            );
            i = next - 1;
        }
        if i >= tokens.end {
            break;
        }
        // a determiner before a mention belongs to it: "the United States", "his Kazakh
        // counterpart Kassym-Jomart Tokayev"
        let article = i + 1 < tokens.end
            && m < mentions.len()
            && mentions[m].tokens.start == i + 1
            && mentions[m].tokens.end > i + 1
            && determiners.contains(&words[i - tokens.start]);
        let at = if article { i + 1 } else { i };
        if m < mentions.len() && mentions[m].tokens.start == at && mentions[m].tokens.end > at {
            let end = mentions[m].tokens.end.min(tokens.end);
            let mut unit = Unit::entity(m, all[i].start()..all[end - 1].end());
            // a pronoun is a person and still its word: "on his third visit" reads as written
            if mentions[m].form == MentionForm::Pronoun && i == at && end == at + 1 {
                unit.word = words[at - tokens.start];
            }
            out.push(unit);
            i = end;
            m += 1;
        } else {
            out.push(Unit::token(i, words[i - tokens.start], all[i].span()));
            i += 1;
        }
    }
}

/// The word sets of a rule set, as bit sets over its vocabulary.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordSets {
    bits: Vec<u64>,
    /// `u64`s per set.
    stride: usize,
}

impl WordSets {
    pub fn new(sets: &[Box<[WordId]>], vocabulary: usize) -> WordSets {
        let stride = vocabulary.div_ceil(64);
        let mut bits = vec![0; stride * sets.len()];
        for (i, set) in sets.iter().enumerate() {
            for &w in set.iter() {
                bits[i * stride + w.index() / 64] |= 1 << (w.index() % 64);
            }
        }
        WordSets { bits, stride }
    }

    #[inline]
    pub fn contains(&self, set: usize, word: WordId) -> bool {
        word != NO_WORD && self.bits[set * self.stride + word.index() / 64] & (1 << (word.index() % 64)) != 0
    }
}

/// A successful run: which instruction consumed which units.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Run<'r> {
    pub trace: &'r [(usize, Range<usize>)],
}

/// How far a failed run got: the parts matched, and the instruction and unit where it stopped.
#[derive(Debug, Clone, Default)]
pub(crate) struct Partial {
    pub trace: Vec<(usize, Range<usize>)>,
    pub failed_at: Option<(usize, usize)>,
}

/// Buffers a [`Vm`] reuses from one pattern to the next.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    trace: Vec<(usize, Range<usize>)>,
    failed: Vec<u64>,
    stack: Vec<Back>,
}

/// An alternative left to try, with the length the trace had then.
#[derive(Debug)]
enum Back {
    /// Go on at `(pc, pos)`.
    State { pc: usize, pos: usize, trace: usize },
    /// Instruction `pc` consumes `from..to` instead (a longer gap, a shorter list).
    Consume { pc: usize, from: usize, to: usize, trace: usize },
    /// A branch of [`Inst::Words`] matched at `pos` and what follows failed: the branches after
    /// the run, at `next` (reporting the failure at `last` first, if that was not the branch).
    Words { last: InstId, next: InstId, pos: usize, trace: usize, report: bool },
}

pub(crate) struct Vm<'a> {
    pub program: &'a Program,
    pub units: &'a [Unit],
    pub text: &'a Text<'a>,
    pub resolution: &'a Resolution,
    sets: &'a WordSets,
    /// The word lists of negation, modality and linking.
    moods: &'a Moods,
    pub steps: usize,
    trace: Vec<(usize, Range<usize>)>,
    /// `(instruction, unit)` states already tried, one bit each (`units + 1` per instruction): a
    /// state that failed once fails again, from any start, so each is tried at most once and a run
    /// over a sentence costs at most its instructions times its units. Empty until
    /// [`MEMO_AFTER`] steps have been taken, and when too big or tracking.
    failed: Vec<u64>,
    /// Whether `failed` may be used.
    memo: bool,
    /// The steps after which `failed` is used ([`MEMO_AFTER`]).
    pub memo_after: usize,
    /// The alternatives left to try.
    stack: Vec<Back>,
    /// Whether the furthest partial match is tracked.
    pub track: bool,
    pub partial: Partial,
}

impl<'a> Vm<'a> {
    pub fn new(
        program: &'a Program,
        units: &'a [Unit],
        text: &'a Text<'a>,
        resolution: &'a Resolution,
        sets: &'a WordSets,
        moods: &'a Moods,
        scratch: Scratch,
    ) -> Vm<'a> {
        let Scratch { mut trace, mut failed, stack } = scratch;
        trace.clear();
        failed.clear();
        Vm {
            program,
            units,
            text,
            resolution,
            sets,
            moods,
            steps: 0,
            trace,
            failed,
            memo: program.insts.len() * (units.len() + 1) <= MAX_MEMO,
            memo_after: MEMO_AFTER,
            stack,
            track: false,
            partial: Partial::default(),
        }
    }

    /// Tracks the furthest partial match (for `--explain`). Every state is then tried each time it
    /// is reached, as the furthest partial match may pass through a state that failed before.
    pub fn track(&mut self) {
        self.track = true;
        self.memo = false;
        self.failed.clear();
    }

    /// The buffers, for the next pattern.
    pub fn into_scratch(self) -> Scratch {
        Scratch { trace: self.trace, failed: self.failed, stack: self.stack }
    }

    /// Runs the program from unit `start`, and says whether it matched: then [`Vm::run`] is
    /// the match.
    pub fn run_at(&mut self, start: usize) -> bool {
        self.trace.clear();
        if self.exec(0, start) {
            // the states on the way to the match were marked too, and may match from another start
            self.failed.iter_mut().for_each(|w| *w = 0);
            true
        } else {
            false
        }
    }

    /// The last match.
    pub fn run(&self) -> Run<'_> {
        Run { trace: &self.trace }
    }

    pub(crate) fn word(&self, pos: usize) -> Option<&'a str> {
        match self.units.get(pos)?.kind() {
            UnitKind::Token(i) => Some(self.text.token_text(i)),
            UnitKind::Entity(_) => None,
        }
    }

    /// The word id of a unit ([`NO_WORD`] past the end).
    #[inline]
    fn word_id(&self, pos: usize) -> WordId {
        self.units.get(pos).map_or(NO_WORD, |u| u.word)
    }

    /// The entity a unit gives a slot of these kinds.
    fn entity(&self, pos: usize, kinds: super::compile::Kinds) -> Option<usize> {
        let UnitKind::Entity(m) = self.units.get(pos)?.kind() else { return None };
        slot_entity(self.resolution, m, kinds)
    }

    /// Notes a failure at `(pc, pos)`, which matters only when tracking.
    #[inline]
    fn fail(&mut self, pc: usize, pos: usize) {
        if self.track {
            self.note_partial(pc, pos);
        }
    }

    #[cold]
    #[inline(never)]
    fn note_partial(&mut self, pc: usize, pos: usize) {
        // a cancelled full match (marked by a last entry of `usize::MAX`) beats any partial one
        let cancelled = self.partial.trace.last().is_some_and(|(pc, _)| *pc == usize::MAX);
        if !cancelled && self.trace.len() >= self.partial.trace.len() {
            self.partial = Partial { trace: self.trace.clone(), failed_at: Some((pc, pos)) };
        }
    }

    /// Whether state `(pc, pos)` may match: false if its instruction tests one unit and that fails.
    #[inline]
    fn may_pass(&self, pc: usize, pos: usize) -> bool {
        match self.program.insts[pc] {
            Inst::Word(w) => self.word_id(pos) == w,
            Inst::Set(i) => self.sets.contains(i, self.word_id(pos)),
            Inst::Slot { kinds, .. } => self.entity(pos, kinds).is_some(),
            _ => true,
        }
    }

    /// Runs the program from `(pc, pos)`: a backtracking search, depth first, that tries the
    /// alternatives of each instruction in order (the first branch of an alternation, the
    /// shortest gap, the longest list) and keeps the ones left to try on a stack.
    fn exec(&mut self, mut pc: usize, mut pos: usize) -> bool {
        let width = self.units.len() + 1;
        self.stack.clear();
        'states: loop {
            // enter state (pc, pos)
            if !self.failed.is_empty() {
                let state = pc * width + pos;
                let (word, bit) = (state / 64, 1u64 << (state % 64));
                if self.failed[word] & bit != 0 {
                    pc = usize::MAX;
                } else {
                    // states are never entered again while being tried (every jump goes forward),
                    // and a state that succeeds ends the run (which then forgets them all):
                    // marking it on entry marks it as failed
                    self.failed[word] |= bit;
                }
            }
            if pc != usize::MAX {
                self.steps += 1;
                if self.steps > STEP_BUDGET {
                    return false;
                }
                if self.steps == self.memo_after && self.memo {
                    // (the states tried so far are not marked: they are only tried again)
                    self.failed.resize((self.program.insts.len() * width).div_ceil(64), 0);
                }
                // what the state does: goes on to another state, or fails (falling through)
                match self.program.insts[pc] {
                    Inst::Match => return true,
                    Inst::Jmp(to) => {
                        pc = to;
                        continue 'states;
                    }
                    Inst::Split(a, b) => {
                        // a first branch that fails on this unit need not be tried (though a near
                        // miss is reported where it fails)
                        if !self.track && !self.may_pass(a, pos) {
                            pc = b;
                            continue 'states;
                        }
                        self.stack.push(Back::State { pc: b, pos, trace: self.trace.len() });
                        pc = a;
                        continue 'states;
                    }
                    Inst::Word(w) => {
                        if self.word_id(pos) == w {
                            self.trace.push((pc, pos..pos + 1));
                            (pc, pos) = (pc + 1, pos + 1);
                            continue 'states;
                        }
                        self.fail(pc, pos);
                    }
                    Inst::Words { words, next, end, last } => {
                        let table = &self.program.words[words];
                        let w = self.word_id(pos);
                        let branch = if w == NO_WORD {
                            None
                        } else if table.len() <= 8 {
                            table.iter().find(|&&(x, _)| x == w).map(|&(_, pc)| pc)
                        } else {
                            table.binary_search_by_key(&w, |&(x, _)| x).ok().map(|i| table[i].1)
                        };
                        if let Some(branch) = branch {
                            let trace = self.trace.len();
                            self.stack.push(Back::Words { last, next, pos, trace, report: branch != last });
                            self.trace.push((branch.index(), pos..pos + 1));
                            (pc, pos) = (end.index(), pos + 1);
                            continue 'states;
                        }
                        self.fail(last.index(), pos);
                        if next != NO_PC {
                            pc = next.index();
                            continue 'states;
                        }
                    }
                    Inst::Regex(r) => {
                        let ok = matches!(self.units.get(pos).map(|u| u.kind()), Some(UnitKind::Token(_)))
                            && self.word(pos).is_some_and(|w| self.program.regexes[r].is_match(w));
                        if ok {
                            self.trace.push((pc, pos..pos + 1));
                            (pc, pos) = (pc + 1, pos + 1);
                            continue 'states;
                        }
                        self.fail(pc, pos);
                    }
                    Inst::Set(i) => {
                        if self.sets.contains(i, self.word_id(pos)) {
                            self.trace.push((pc, pos..pos + 1));
                            (pc, pos) = (pc + 1, pos + 1);
                            continue 'states;
                        }
                        self.fail(pc, pos);
                    }
                    Inst::Gap(n) => {
                        // fewest units first: the longer gaps wait on the stack, shortest on top
                        let max = n.min(self.units.len().saturating_sub(pos));
                        let trace = self.trace.len();
                        for k in (1..=max).rev() {
                            self.stack.push(Back::Consume { pc, from: pos, to: pos + k, trace });
                        }
                        self.trace.push((pc, pos..pos));
                        pc += 1;
                        continue 'states;
                    }
                    Inst::Slot { kinds, list, .. } => {
                        if let Some(first) = self.entity(pos, kinds) {
                            let mut end = pos + 1;
                            if list {
                                // every end of a coordinated list starting here, longest first:
                                // the shorter ones wait on the stack, the next longest on top
                                let (ends, count) = self.list(pos, first, kinds);
                                let trace = self.trace.len();
                                for &to in &ends[..count - 1] {
                                    self.stack.push(Back::Consume { pc, from: pos, to, trace });
                                }
                                end = ends[count - 1];
                            }
                            self.trace.push((pc, pos..end));
                            (pc, pos) = (pc + 1, end);
                            continue 'states;
                        }
                        self.fail(pc, pos);
                    }
                }
            }
            // the state failed: back to the latest alternative left
            loop {
                let Some(back) = self.stack.pop() else { return false };
                match back {
                    Back::State { pc: to, pos: at, trace } => {
                        self.trace.truncate(trace);
                        (pc, pos) = (to, at);
                        continue 'states;
                    }
                    Back::Consume { pc: by, from, to, trace } => {
                        self.trace.truncate(trace);
                        self.trace.push((by, from..to));
                        (pc, pos) = (by + 1, to);
                        continue 'states;
                    }
                    Back::Words { last, next, pos: at, trace, report } => {
                        self.trace.truncate(trace);
                        if report {
                            self.fail(last.index(), at);
                        }
                        if next != NO_PC {
                            (pc, pos) = (next.index(), at);
                            continue 'states;
                        }
                    }
                }
            }
        }
    }

    /// The ends of the coordinated lists of entities of `kinds` that start with the entity `first`
    /// at `pos`, shortest first, and how many there are.
    fn list(&self, pos: usize, first: usize, kinds: super::compile::Kinds) -> ([usize; MAX_LIST], usize) {
        let kind_of = |e: usize| self.resolution.entities[e].kind;
        let first = kind_of(first);
        let mut ends = [0; MAX_LIST];
        ends[0] = pos + 1;
        let mut count = 1;
        let mut at = pos + 1;
        while count < MAX_LIST {
            let mut next = at;
            let mut joined = false;
            let mut comma_and = false;
            match self.word_id(next) {
                COMMA => {
                    next += 1;
                    if matches!(self.word_id(next), AND | AMPERSAND) {
                        next += 1;
                        joined = true;
                        comma_and = true;
                    }
                }
                AND | AMPERSAND => {
                    next += 1;
                    joined = true;
                }
                _ => break,
            }
            // a bare comma joins only members of one kind: "Israel, Iran" is a list,
            // "to Ukraine, Prime Minister Shigeru Ishiba said" is not
            match self.entity(next, kinds) {
                None => break,
                Some(e) if !joined && kind_of(e) != first => break,
                Some(_) => {}
            }
            // ", and X pledged …" after a single member starts a new clause with a subject of its
            // own ("… to Ukraine, and the European Union pledged …"), where "A, B, and C signed"
            // ends a list of three
            if comma_and && count == 1 && self.mood_word(next + 1).is_some_and(|w| w.finite_verb()) {
                break;
            }
            at = next + 1;
            ends[count] = at;
            count += 1;
        }
        (ends, count)
    }
}

/// The entity mention `m` gives a slot of `kinds`: its own if its kind is listed, else the one it
/// acts for if that kind is. A group of a state's sectors ("Kenyan officials", "Russian troops")
/// fills a state's slot as itself: event data codes it as the state's sector (`KENGOV`), which
/// says more than the state alone.
pub(crate) fn slot_entity(resolution: &Resolution, m: usize, kinds: super::compile::Kinds) -> Option<usize> {
    let mention = resolution.mentions.get(m)?;
    let own = resolution.entities[mention.entity].kind;
    if kinds.contains(own) {
        return Some(mention.entity);
    }
    let acts_for = mention.acts_for.filter(|&e| kinds.contains(resolution.entities[e].kind))?;
    Some(if own == crate::gazetteer::EntityKind::Group { mention.entity } else { acts_for })
}

/// The members of a slot's units (a list skips its separators).
pub(crate) fn members<'v>(
    vm: &'v Vm<'_>,
    units: Range<usize>,
    kinds: super::compile::Kinds,
) -> impl Iterator<Item = (usize, usize)> + 'v {
    units.filter_map(move |u| match vm.units[u].kind() {
        UnitKind::Entity(m) => slot_entity(vm.resolution, m, kinds).map(|e| (e, m)),
        UnitKind::Token(_) => None,
    })
}

/// What the words around a match say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mood {
    Plain,
    Future,
    Negated,
}

/// The word lists that say what the words around a match do to it, from one lexicon, as one
/// table: a word is looked up once for all of them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Moods {
    /// Per word, the lists it is in (bits of [`Word`]).
    lists: FxHashMap<Box<str>, u8>,
}

impl Moods {
    pub fn new(lexicon: &Lexicon) -> Moods {
        let lists = lexicon.flags(&[
            (ListId::Negation, Word::NEGATION),
            (ListId::Modality, Word::MODALITY),
            (ListId::Auxiliaries, Word::AUXILIARY),
            (ListId::LinkingWords, Word::LINKING),
            (ListId::Suppositions, Word::SUPPOSITION),
            (ListId::Cancellations, Word::CANCELLATION),
            (ListId::NewsVerbs, Word::NEWS_VERB),
        ]);
        Moods { lists }
    }

    /// The word `w`, with the lists it is in.
    #[inline]
    fn word<'w>(&self, w: &'w str) -> Word<'w> {
        Word { text: w, lists: self.lists.get(w).copied().unwrap_or(0) }
    }
}

/// A word of the text and the lists of [`Moods`] it is in.
#[derive(Clone, Copy)]
struct Word<'w> {
    text: &'w str,
    lists: u8,
}

impl Word<'_> {
    const NEGATION: u8 = 1;
    const MODALITY: u8 = 1 << 1;
    const AUXILIARY: u8 = 1 << 2;
    const LINKING: u8 = 1 << 3;
    const SUPPOSITION: u8 = 1 << 4;
    const CANCELLATION: u8 = 1 << 5;
    const NEWS_VERB: u8 = 1 << 6;

    fn is(self, list: u8) -> bool {
        self.lists & list != 0
    }

    fn negator(self) -> bool {
        self.is(Word::NEGATION) || self.text.ends_with("n't")
    }

    /// Whether it reads as the finite verb of a clause after its subject: a past tense, a
    /// reporting verb, an auxiliary, a modal or a negation.
    fn finite_verb(self) -> bool {
        (self.text.len() > 4 && self.text.ends_with("ed"))
            || self.is(Word::NEWS_VERB | Word::AUXILIARY | Word::MODALITY)
            || self.negator()
    }

    fn strong_modal(self) -> bool {
        self.is(Word::MODALITY)
    }

    /// Words that only qualify the verb after them: skipped when looking for a match's trigger.
    fn auxiliary(self) -> bool {
        self.negator() || self.is(Word::MODALITY | Word::AUXILIARY)
    }

    /// Words that link parts rather than say what happened: never a match's trigger.
    fn function(self) -> bool {
        !self.text.chars().any(char::is_alphanumeric) || self.is(Word::LINKING)
    }
}

impl<'a> Vm<'a> {
    /// The word of a unit with its lists, if it is a word.
    fn mood_word(&self, pos: usize) -> Option<Word<'a>> {
        self.word(pos).map(|w| self.moods.word(w))
    }
}

/// Whether `w`, the word at unit `u`, is a modal: "set" only as "set to" ("set up a task force" is
/// done, "set to meet" is not).
fn modal_at(vm: &Vm<'_>, u: usize, w: Word<'_>) -> bool {
    w.strong_modal() && (w.text != "set" || vm.word(u + 1) == Some("to"))
}

/// Negation and modality of a run: negators or modal words in the window before its trigger (its
/// first matched word that is not an auxiliary, looking back to the nearest entity or clause mark),
/// or in its gaps; a cancellation ("was cancelled") right after it.
pub(crate) fn mood(vm: &Vm<'_>, run: Run<'_>) -> Mood {
    let program = vm.program;
    let words = || {
        run.trace
            .iter()
            .filter(|(pc, r)| matches!(program.insts[*pc], Inst::Word(_)) && !r.is_empty())
            .map(|(_, r)| r.start)
    };
    let trigger =
        words().find(|&u| vm.mood_word(u).is_some_and(|w| !w.auxiliary() && !w.function())).or_else(|| words().next());
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
            let w = vm.moods.word(w);
            if w.negator() {
                return Mood::Negated;
            }
            future |= modal_at(vm, i, w) || w.text == "to";
            seen += 1;
        }
    }
    // "denied that he had met …", "whether he would meet …", "if Trump met …", "rumours that Xi
    // would visit …": the clause the match is in is denied or only supposed
    let start = run.trace.iter().map(|(_, r)| r.start).min().unwrap_or(0);
    for w in (start.saturating_sub(WINDOW)..start).rev().map_while(|u| vm.word(u)).take(3) {
        if matches!(w, "," | ";" | ":" | "." | "\"" | "(" | ")") {
            break;
        }
        if vm.moods.word(w).is(Word::SUPPOSITION) {
            return Mood::Negated;
        }
    }
    // "the meeting between … was cancelled": a cancellation right after the match
    let end = run.trace.iter().map(|(_, r)| r.end).max().unwrap_or(0);
    for w in (end..(end + WINDOW).min(vm.units.len())).map_while(|u| vm.word(u)) {
        if vm.moods.word(w).is(Word::CANCELLATION) {
            return Mood::Negated;
        }
        if matches!(w, "," | ";" | ":" | "." | "and" | "but") {
            break;
        }
    }
    for (pc, r) in run.trace {
        // a pattern's own auxiliaries (word sets such as `<aux>`) count wherever they are
        if let Inst::Set(_) = program.insts[*pc] {
            if let Some(w) = vm.mood_word(r.start) {
                if w.negator() {
                    return Mood::Negated;
                }
                future |= modal_at(vm, r.start, w) || w.text == "to";
            }
        }
        if let Inst::Gap(_) = program.insts[*pc] {
            // a gap between commas is a parenthetical ("Putin, who has not visited …, met"):
            // what it says is not about this match
            let comma = |u: Option<usize>| u.and_then(|u| vm.word(u)) == Some(",");
            if comma(r.start.checked_sub(1)) && comma(Some(r.end)) {
                continue;
            }
            for (u, w) in r.clone().filter_map(|u| vm.mood_word(u).map(|w| (u, w))) {
                if w.negator() {
                    return Mood::Negated;
                }
                future |= modal_at(vm, u, w);
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
pub(crate) fn span(units: &[Unit], run: Run<'_>) -> (usize, usize) {
    let mut lo = usize::MAX;
    let mut hi = 0;
    for (_, r) in run.trace {
        if !r.is_empty() {
            lo = lo.min(units[r.start].start());
            hi = hi.max(units[r.end - 1].end());
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
    &text.original()[units[r.start].start()..units[r.end - 1].end()]
}

/// The named arguments a run captured (the text of each mention in a non-subject/object slot).
pub(crate) fn slot_args(vm: &Vm<'_>, run: Run<'_>) -> BTreeMap<String, String> {
    let mut args = BTreeMap::new();
    for (pc, r) in run.trace {
        if let Inst::Slot { slot, kinds, .. } = vm.program.insts[*pc] {
            if slot >= 2 {
                let name = &vm.program.slots[slot];
                // a location is an entity (its id); other arguments are text as written
                let texts: Vec<&str> = members(vm, r.clone(), kinds)
                    .map(|(e, m)| {
                        if name == "location" {
                            return vm.resolution.entities[e].id.as_str();
                        }
                        let mention = &vm.resolution.mentions[m];
                        &vm.text.original()[mention.start..mention.end]
                    })
                    .collect();
                args.insert(name.clone(), texts.join(", "));
            }
        }
    }
    args
}
