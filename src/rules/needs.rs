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
use super::index::WordId;
use crate::gazetteer::EntityKind;
use crate::resolve::Resolution;

/// A set of entity kinds as a bit mask, one bit per kind of [`EntityKind::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct KindMask(u8);

impl KindMask {
    fn of(kind: EntityKind) -> KindMask {
        KindMask(EntityKind::ALL.iter().position(|k| *k == kind).map_or(0, |i| 1 << i))
    }

    fn of_slot(kinds: Kinds) -> KindMask {
        KindMask(
            EntityKind::ALL.iter().enumerate().filter(|(_, k)| kinds.contains(**k)).fold(0, |m, (i, _)| m | 1 << i),
        )
    }

    fn meets(self, other: KindMask) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether no kind is in the set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// Per instruction of `program`, whether every match runs it (false for all when a jump goes
/// back, which the compiler never makes).
fn mandatory(program: &Program) -> Vec<bool> {
    let n = program.insts.len();
    // how many jumps pass over each instruction, as differences
    let mut over = vec![0i32; n + 1];
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
        return vec![false; n];
    }
    let mut passed = 0;
    over[..n]
        .iter()
        .map(|d| {
            passed += d;
            passed == 0
        })
        .collect()
}

/// What each pattern of a rule set needs of a sentence.
#[derive(Debug, Clone, Default)]
pub(crate) struct Needs {
    /// Per pattern, the kinds of each slot every match fills (a mention of the sentence must be
    /// of one of them, or act for one).
    slots: Vec<Box<[KindMask]>>,
}

impl Needs {
    pub fn new<'p>(programs: impl Iterator<Item = &'p Program>) -> Needs {
        let slots = programs
            .map(|program| {
                let mut masks: Vec<KindMask> = program
                    .insts
                    .iter()
                    .zip(mandatory(program))
                    .filter_map(|(inst, needed)| match *inst {
                        Inst::Slot { kinds, .. } if needed => Some(KindMask::of_slot(kinds)),
                        _ => None,
                    })
                    .collect();
                masks.sort_unstable_by_key(|m| m.0);
                masks.dedup();
                masks.into_boxed_slice()
            })
            .collect();
        Needs { slots }
    }

    /// Whether a sentence whose mentions can fill slots of `kinds` may hold a match of pattern `p`.
    #[inline]
    pub fn met(&self, p: usize, kinds: KindMask) -> bool {
        self.slots[p].iter().all(|&m| m.meets(kinds))
    }
}

/// A word every match of `program` holds, for a pattern without anchors: the first word
/// instruction every match runs.
pub(crate) fn required_word(program: &Program) -> Option<WordId> {
    program.insts.iter().zip(mandatory(program)).find_map(|(inst, needed)| match *inst {
        Inst::Word(w) if needed => Some(w),
        _ => None,
    })
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

    /// The kinds that the mentions starting in `tokens` (which come after those of the last call)
    /// can give a slot: their own, and those they act for.
    pub fn of(&mut self, tokens: std::ops::Range<usize>) -> KindMask {
        let (mentions, entities) = (&self.resolution.mentions, &self.resolution.entities);
        while self.next < mentions.len() && mentions[self.next].tokens.start < tokens.start {
            self.next += 1;
        }
        let mut kinds = KindMask::default();
        while self.next < mentions.len() && mentions[self.next].tokens.start < tokens.end {
            let m = &mentions[self.next];
            // a unit of the sentence only when not nested in another (`engine::units_into`)
            if !m.nested && m.tokens.end > m.tokens.start {
                for e in std::iter::once(m.entity).chain(m.acts_for) {
                    kinds.0 |= entities.get(e).map_or(0, |e| KindMask::of(e.kind).0);
                }
            }
            self.next += 1;
        }
        kinds
    }
}
