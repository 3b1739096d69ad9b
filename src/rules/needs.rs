//! What a sentence must hold for a pattern to match, read off the compiled program: the entity
//! kinds of the slots every match fills, and the words every match holds.
//!
//! The trigger scan's anchors come from the pattern's syntax and leave out punctuation; a
//! program knows more. Every jump of a program goes forward, so an instruction lies on every path
//! from the start to `Match` unless some jump passes over it: those instructions are what every
//! match has. A sentence without a mention that can fill one of a pattern's slots is then no
//! candidate for it, and a pattern whose parts are all optional but for a mark such as `-` need
//! only run where that mark occurs.

use super::compile::{Inst, Kinds, Program, NO_PC};
use super::engine::{self, Unit, UnitKind, WordSets};
use super::index::{TableId, WordId};
use crate::resolve::Resolution;

/// What the mentions of a sentence offer slots: how many units they make at most, and of which
/// kinds (their own, and those they act for).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Offer {
    kinds: Kinds,
    units: usize,
}

impl Offer {
    /// Whether the sentence has no mention a slot could take.
    pub fn is_empty(self) -> bool {
        self.units == 0
    }
}

/// A part every match of a pattern has: it takes one unit or more, after those of the parts
/// before it.
#[derive(Debug, Clone, Copy)]
enum Part {
    Word(WordId),
    Set(usize),
    /// One of the words of a table of one-word branches (an alternation of only such branches).
    Table(TableId),
    Slot(Kinds),
}

/// The parts every match of `program` has, in order: those of the instructions no jump passes
/// over (none when a jump goes back, which the compiler never makes). `over` is a buffer.
fn parts(program: &Program, over: &mut Vec<i32>) -> Vec<Part> {
    let n = program.insts.len();
    // how many jumps pass over each instruction, as differences
    over.clear();
    over.resize(n + 1, 0);
    let mut forward = true;
    let mut jump = |from: usize, to: usize| {
        if to <= from || to > n {
            forward = false;
        } else if to > from + 1 {
            over[from + 1] += 1;
            over[to] -= 1;
        }
    };
    for (pc, inst) in program.insts.iter().enumerate() {
        match *inst {
            Inst::Word(_) | Inst::Regex(_) | Inst::Set(_) | Inst::Slot { .. } | Inst::Gap(_) => jump(pc, pc + 1),
            Inst::Split(a, b) => {
                jump(pc, a);
                jump(pc, b);
            }
            Inst::Jmp(to) => jump(pc, to),
            Inst::Words { next, end, .. } => {
                jump(pc, end.index());
                if next != NO_PC {
                    jump(pc, next.index());
                }
            }
            Inst::Match => {}
        }
    }
    if !forward {
        return Vec::new();
    }
    let mut passed = 0;
    let mut parts = Vec::new();
    for (inst, d) in program.insts.iter().zip(over.iter()) {
        passed += d;
        if passed != 0 {
            continue;
        }
        parts.push(match *inst {
            Inst::Word(w) => Part::Word(w),
            Inst::Set(i) => Part::Set(i),
            Inst::Words { words, next, .. } if next == NO_PC => Part::Table(words),
            Inst::Slot { kinds, .. } => Part::Slot(kinds),
            _ => continue,
        });
    }
    parts
}

/// What each pattern of a rule set needs of a sentence.
#[derive(Debug, Clone, Default)]
pub(crate) struct Needs {
    /// Per pattern, the parts every match has, in order.
    parts: Vec<Box<[Part]>>,
    /// Per pattern, the kinds of each slot every match fills (a mention of the sentence must be
    /// of one of them, or act for one), and how many such slots there are: each takes units of
    /// its own.
    slots: Vec<(Box<[Kinds]>, usize)>,
}

impl Needs {
    /// The needs of `programs`, and for each the first word every match holds, if any.
    pub fn new<'p>(programs: impl Iterator<Item = &'p Program>) -> (Needs, Vec<Option<WordId>>) {
        let (mut needs, mut words) = (Needs::default(), Vec::new());
        let mut over = Vec::new();
        for program in programs {
            let parts = parts(program, &mut over);
            words.push(parts.iter().find_map(|part| match *part {
                Part::Word(w) => Some(w),
                _ => None,
            }));
            let mut masks: Vec<Kinds> = parts
                .iter()
                .filter_map(|part| match *part {
                    Part::Slot(kinds) => Some(kinds),
                    _ => None,
                })
                .collect();
            let count = masks.len();
            masks.sort_unstable();
            masks.dedup();
            needs.slots.push((masks.into_boxed_slice(), count));
            needs.parts.push(parts.into_boxed_slice());
        }
        (needs, words)
    }

    /// How many units of a sentence a match of pattern `p` (`program`) can start at: it starts
    /// at the first part every match has at the latest, and each of those parts needs a unit of
    /// its own after the one before. The latest units the parts can take are found from the end.
    pub fn starts(
        &self,
        p: usize,
        program: &Program,
        units: &[Unit],
        sets: &WordSets,
        resolution: &Resolution,
    ) -> usize {
        let takes = |part: Part, unit: &Unit| match part {
            Part::Word(w) => unit.word == w,
            Part::Set(i) => sets.contains(i, unit.word),
            Part::Table(t) => program.words[t].iter().any(|&(w, _)| w == unit.word),
            Part::Slot(kinds) => match unit.kind() {
                UnitKind::Entity(m) => engine::slot_entity(resolution, m, kinds).is_some(),
                UnitKind::Token(_) => false,
            },
        };
        let mut at = units.len();
        for &part in self.parts[p].iter().rev() {
            match units[..at].iter().rposition(|unit| takes(part, unit)) {
                Some(u) => at = u,
                None => return 0,
            }
        }
        if self.parts[p].is_empty() {
            units.len()
        } else {
            at + 1
        }
    }

    /// Whether a sentence whose mentions offer `offer` may hold a match of pattern `p`.
    #[inline]
    pub fn met(&self, p: usize, offer: Offer) -> bool {
        let (masks, count) = &self.slots[p];
        offer.units >= *count && masks.iter().all(|&m| m.meets(offer.kinds))
    }
}

/// The kinds of the mentions that are units of sentences, one sentence after another: each
/// mention is looked at once.
pub(crate) struct MentionKinds<'r> {
    resolution: &'r Resolution,
    /// The first mention not passed yet.
    next: usize,
}

impl<'r> MentionKinds<'r> {
    pub fn new(resolution: &'r Resolution) -> MentionKinds<'r> {
        MentionKinds { resolution, next: 0 }
    }

    /// What the mentions starting in `tokens` (which come after those of the last call) offer
    /// slots.
    pub fn of(&mut self, tokens: std::ops::Range<usize>) -> Offer {
        let (mentions, entities) = (&self.resolution.mentions, &self.resolution.entities);
        while self.next < mentions.len() && mentions[self.next].tokens.start < tokens.start {
            self.next += 1;
        }
        let mut offer = Offer::default();
        while self.next < mentions.len() && mentions[self.next].tokens.start < tokens.end {
            let m = &mentions[self.next];
            // a unit of the sentence only when not nested in another (`engine::units_into`)
            if !m.nested && m.tokens.end > m.tokens.start {
                // (one that overlaps an earlier one makes no unit either: counted, it only makes a
                // pattern a candidate)
                offer.units += 1;
                for e in std::iter::once(m.entity).chain(m.acts_for) {
                    if let Some(e) = entities.get(e) {
                        offer.kinds.insert(e.kind);
                    }
                }
            }
            self.next += 1;
        }
        offer
    }
}

#[cfg(test)]
mod tests {
    use super::super::compile::{compile, Context, Vocab};
    use super::super::syntax::parse_pattern;
    use super::*;
    use crate::gazetteer::EntityKind;
    use crate::lexicon::{Lexicon, ListId};

    fn program(p: &str) -> (Program, Vocab) {
        let (mut vocab, mut sets) = (Vocab::default(), Vec::new());
        let mut regexes = rustc_hash::FxHashMap::default();
        let common = &Lexicon::embedded()[ListId::CommonTriggerWords];
        let mut cx = Context {
            vocab: &mut vocab,
            sets: &mut sets,
            regexes: &mut regexes,
            set_ids: rustc_hash::FxHashMap::default(),
            common,
        };
        let program = compile(&parse_pattern(p, &Default::default()).unwrap(), &mut cx).unwrap();
        (program, vocab)
    }

    /// The parts every match has, as text.
    fn described(p: &str) -> Vec<String> {
        let (program, vocab) = program(p);
        parts(&program, &mut Vec::new())
            .into_iter()
            .map(|part| match part {
                Part::Word(w) => vocab.word(w).to_string(),
                Part::Set(_) => "<set>".into(),
                Part::Table(t) => {
                    let mut words: Vec<&str> = program.words[t].iter().map(|&(w, _)| vocab.word(w)).collect();
                    words.sort_unstable();
                    words.join("|")
                }
                Part::Slot(kinds) => {
                    let names: Vec<&str> =
                        EntityKind::ALL.iter().filter(|k| kinds.contains(**k)).map(|k| k.as_str()).collect();
                    format!("{{{}}}", names.join("|"))
                }
            })
            .collect()
    }

    #[test]
    fn every_match_has_the_parts_no_jump_passes_over() {
        // optional parts, gaps and alternations with a longer branch are not needed; a one-word
        // alternation is one part
        assert_eq!(
            described("{subject:person} [, …3 ,] (met|meets) [with] …2 {object:country} - (deal|peace deal)"),
            ["{person}", "meets|met", "{country}", "-"]
        );
        assert_eq!(
            described("{subject:person} (met|held talks with) {object:person|country}"),
            ["{person}", "{person|country}"]
        );
        // a pattern of optional words around a mark needs the mark
        assert_eq!(
            described("[the] {subject:country} - {object:country} [(truce|deal)]"),
            ["{country}", "-", "{country}"]
        );
    }

    #[test]
    fn slot_kinds_are_met_by_own_kinds_or_those_acted_for() {
        let (program, _) = program("{subject:person} met {object:country|place}");
        let (needs, _) = Needs::new(std::iter::once(&program));
        let offer = |kinds: &[EntityKind], units| Offer { kinds: Kinds::of(kinds), units };
        assert!(needs.met(0, offer(&[EntityKind::Person, EntityKind::Place], 2)));
        // both slots need a unit of their own
        assert!(!needs.met(0, offer(&[EntityKind::Person, EntityKind::Place], 1)));
        assert!(!needs.met(0, offer(&[EntityKind::Person, EntityKind::Organization], 3)));
        assert!(!needs.met(0, Offer::default()));
    }
}
