//! From a pattern's syntax tree to a small backtracking program, and the words that trigger it.

use crate::lexicon::{Lexicon, ListId, WordList};
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::index::{InstId, TableId, WordId};
use super::syntax::{Node, Part};
use super::word_regex::WordRegex;
use crate::gazetteer::EntityKind;

/// The id of a word no pattern names (and of an entity unit, which is no word).
pub(crate) const NO_WORD: WordId = WordId::NONE;
/// The id of `,`, a list separator (every vocabulary starts with the separators).
pub(crate) const COMMA: WordId = WordId::fixed(0);
/// The id of `and`.
pub(crate) const AND: WordId = WordId::fixed(1);
/// The id of `&`.
pub(crate) const AMPERSAND: WordId = WordId::fixed(2);
/// The words every vocabulary starts with, before the determiners: `COMMA`, `AND`, `AMPERSAND`.
const FIXED_WORDS: [&str; 3] = [",", "and", "&"];

/// Every word the patterns of a rule set name, each with a small id: a sentence's tokens are looked
/// up once, and the programs then compare ids instead of strings.
///
/// One-byte words (punctuation, "a") are looked up in a table by their byte. Almost every other
/// word is at most 16 bytes long: those are packed into two `u64`s and kept in a small open
/// addressing table, so looking one up is a multiplication and a comparison or two, with no
/// string hashing or comparing. Longer words go to a hash map.
#[derive(Debug, Clone)]
pub(crate) struct Vocab {
    /// One-byte words, by their byte.
    byte: Box<[WordId; 256]>,
    /// Words of 2 to 16 bytes: `(packed, length, id)`; an empty entry has length 0. Its length
    /// is a power of two, and it is at most a quarter full (most tokens looked up are no word of
    /// it, and a search for those ends at the first empty entry).
    short: Vec<([u64; 2], u32, WordId)>,
    /// `64 - log2(short.len())`.
    shift: u32,
    long: FxHashMap<Box<[u8]>, WordId>,
    words: Vec<Box<str>>,
    /// The longest word, in bytes: longer tokens need no lookup.
    longest: usize,
    /// The ids of the determiners that belong to the mention after them
    /// (`lexicon/determiners.txt`): the ids after `&`, in the list's order.
    determiners: std::ops::Range<WordId>,
}

impl Default for Vocab {
    fn default() -> Vocab {
        Vocab::new(&Lexicon::embedded()[ListId::Determiners])
    }
}

impl Vocab {
    /// A vocabulary that knows the words the engine itself looks for, with fixed ids: `,`, `and`,
    /// `&`, then `determiners`.
    pub(crate) fn new(determiners: &WordList) -> Vocab {
        let mut vocab = Vocab {
            byte: Box::new([NO_WORD; 256]),
            short: vec![([0; 2], 0, NO_WORD); 64],
            shift: 64 - 6,
            long: FxHashMap::default(),
            words: Vec::new(),
            longest: 0,
            determiners: AMPERSAND.plus(1)..AMPERSAND.plus(1),
        };
        for w in FIXED_WORDS.into_iter().chain(determiners.entries()) {
            vocab.intern(w);
        }
        // (the list has no duplicates: each determiner took the next id)
        vocab.determiners = AMPERSAND.plus(1)..AMPERSAND.plus(1 + (vocab.words.len() - FIXED_WORDS.len()));
        vocab
    }

    /// The ids of the determiners.
    pub(crate) fn determiners(&self) -> std::ops::Range<WordId> {
        self.determiners.clone()
    }
}

/// The words that [`pack`] packs.
const PACKED: std::ops::RangeInclusive<usize> = 1..=16;

/// The bytes of a word of 1 to 16 bytes in two `u64`s (little-endian, the rest zero), read with
/// at most two loads each: the bytes two overlapping loads share land in the same place.
#[inline]
fn pack(b: &[u8]) -> [u64; 2] {
    let n = b.len();
    // (the slices have the lengths asked for: the conversions cannot fail)
    let u32_at = |i: usize| u64::from(u32::from_le_bytes(b[i..i + 4].try_into().unwrap_or_default()));
    let u64_at = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or_default());
    if n > 8 {
        [u64_at(0), u64_at(n - 8) >> (8 * (16 - n))]
    } else if n >= 4 {
        [u32_at(0) | u32_at(n - 4) << (8 * (n - 4)), 0]
    } else {
        [u64::from(b[0]) | u64::from(b[n / 2]) << (8 * (n / 2)) | u64::from(b[n - 1]) << (8 * (n - 1)), 0]
    }
}

impl Vocab {
    #[inline]
    fn slot(&self, key: [u64; 2]) -> usize {
        ((key[0] ^ key[1].rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    fn insert_short(&mut self, key: [u64; 2], len: u32, id: WordId) {
        let mask = self.short.len() - 1;
        let mut i = self.slot(key);
        while self.short[i].1 != 0 {
            i = (i + 1) & mask;
        }
        self.short[i] = (key, len, id);
    }

    /// The id of `word`, added if new.
    pub fn intern(&mut self, word: &str) -> WordId {
        let id = self.id(word.as_bytes());
        if id != NO_WORD {
            return id;
        }
        let id = WordId::new(self.words.len());
        self.words.push(word.into());
        self.longest = self.longest.max(word.len());
        let n = word.len();
        if n == 1 {
            self.byte[usize::from(word.as_bytes()[0])] = id;
        } else if PACKED.contains(&n) {
            if 4 * (self.words.len() + 1) > self.short.len() {
                let grown = vec![([0; 2], 0, NO_WORD); self.short.len() * 2];
                let old = std::mem::replace(&mut self.short, grown);
                self.shift -= 1;
                for (key, len, id) in old.into_iter().filter(|e| e.1 != 0) {
                    self.insert_short(key, len, id);
                }
            }
            self.insert_short(pack(word.as_bytes()), n as u32, id);
        } else {
            self.long.insert(word.as_bytes().into(), id);
        }
        id
    }

    /// The id of the word with these bytes, or [`NO_WORD`].
    #[inline]
    pub fn id(&self, word: &[u8]) -> WordId {
        let n = word.len();
        if n > self.longest {
            return NO_WORD;
        }
        if n == 1 {
            return self.byte[usize::from(word[0])];
        }
        if !PACKED.contains(&n) {
            return self.id_long(word);
        }
        self.find(pack(word), n)
    }

    /// The id of the word at `bytes[start..end]`, which is on character boundaries: like
    /// [`Vocab::id`], reading the bytes with one or two loads where the text goes on for 16 more.
    #[inline]
    pub fn id_in(&self, bytes: &[u8], start: usize, end: usize) -> WordId {
        let n = end - start;
        if n == 1 {
            return self.byte[usize::from(bytes[start])];
        }
        if n == 0 || n > 16 || n > self.longest || bytes.len() - start < 16 {
            return self.id(&bytes[start..end]);
        }
        let u64_at = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap_or_default());
        let key = if n <= 8 {
            [u64_at(start) & (u64::MAX >> (8 * (8 - n))), 0]
        } else {
            [u64_at(start), u64_at(start + 8) & (u64::MAX >> (8 * (16 - n)))]
        };
        self.find(key, n)
    }

    #[inline]
    fn find(&self, key: [u64; 2], n: usize) -> WordId {
        let mask = self.short.len() - 1;
        let mut i = self.slot(key);
        loop {
            let (k, len, id) = self.short[i];
            if len == 0 {
                return NO_WORD;
            }
            if k == key && len == n as u32 {
                return id;
            }
            i = (i + 1) & mask;
        }
    }

    #[inline(never)]
    fn id_long(&self, word: &[u8]) -> WordId {
        self.long.get(word).copied().unwrap_or(NO_WORD)
    }

    /// The word of an id.
    pub fn word(&self, id: WordId) -> &str {
        &self.words[id]
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }
}

/// What compiling patterns shares: the rule set's vocabulary and word sets, and caches by source.
pub(crate) struct Context<'a> {
    pub vocab: &'a mut Vocab,
    /// The rule set's word sets: sorted word ids.
    pub sets: &'a mut Vec<Box<[WordId]>>,
    /// Compiled word regexes by source: `[define]` fragments put the same regex into many
    /// patterns (of many files), and compiling each copy again made loading the rules take
    /// hundreds of milliseconds.
    pub regexes: &'a mut FxHashMap<String, WordRegex>,
    /// Word sets by regex source, for the same reason: `<aux>` holds one set four times.
    pub set_ids: FxHashMap<String, usize>,
    /// Words too common to anchor a pattern (`lexicon/common-trigger-words.txt`).
    pub common: &'a WordList,
}

/// A set of entity kinds, one bit each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(crate) struct Kinds(u8);

impl Kinds {
    pub fn of(kinds: &[EntityKind]) -> Kinds {
        Kinds(kinds.iter().fold(0, |acc, k| acc | Kinds::bit(*k)))
    }

    fn bit(kind: EntityKind) -> u8 {
        1 << EntityKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
    }

    pub fn contains(self, kind: EntityKind) -> bool {
        self.0 & Kinds::bit(kind) != 0
    }

    /// Adds `kind`.
    pub fn insert(&mut self, kind: EntityKind) {
        self.0 |= Kinds::bit(kind);
    }

    /// Whether the two sets share a kind.
    pub fn meets(self, other: Kinds) -> bool {
        self.0 & other.0 != 0
    }
}

/// No instruction: the end of an alternation's list of branches.
pub(crate) const NO_PC: InstId = InstId::NONE;

/// One instruction. Instructions that consume units carry the index of their label.
#[derive(Debug, Clone)]
pub(crate) enum Inst {
    /// One word unit with this word (an id of the rule set's [`Vocab`]).
    Word(WordId),
    /// One word unit whose text matches (index into [`Program::regexes`]).
    Regex(usize),
    /// One word unit whose word is in the set (index into the rule set's word sets): a regular
    /// expression that is only an alternation of words, looked up instead of run.
    Set(usize),
    /// Branches of an alternation that are each one word (`(met|meets|meet)`), tried at once: at
    /// most one of them matches a unit. [`Program::words`]`[words]` maps each word to the `Word`
    /// instruction of its branch, which is never run but stands in the trace for it (its label,
    /// and a word for the trigger); the match goes on at `end`. If that fails, the alternation
    /// goes on with the branches after these, at `next` (or fails, at [`NO_PC`]). `last` is the
    /// last of these branches, where a failed try is reported.
    Words { words: TableId, next: InstId, end: InstId, last: InstId },
    /// One entity unit (or a coordinated list of them) of these kinds, captured in `slot`.
    Slot { slot: usize, kinds: Kinds, list: bool },
    /// Zero to `n` units of anything, fewest first.
    Gap(usize),
    /// Try `.0`, then `.1`.
    Split(usize, usize),
    /// Go on at `.0`.
    Jmp(usize),
    /// Done.
    Match,
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub(crate) struct Program {
    pub insts: Vec<Inst>,
    /// Per instruction: the pattern text it came from (empty for control instructions).
    pub labels: Vec<Arc<str>>,
    /// Per instruction: the outermost group it belongs to (`(met|meets)` for `meets`), if any,
    /// which is what a near miss says it expected (see [`Program::group`]). Shared: a group's
    /// text can be long, and every instruction inside it names it.
    pub groups: Vec<Option<Arc<str>>>,
    pub regexes: Vec<WordRegex>,
    /// The tables of [`Inst::Words`]: `(word, instruction)`, sorted by word.
    pub words: Vec<Box<[(WordId, InstId)]>>,
    /// Slot names; `subject` and `object` are always 0 and 1.
    pub slots: Vec<String>,
    /// Whether the pattern has an `{object}` slot: without one, it finds one-party events.
    pub has_object: bool,
    /// Words one of which every match contains, if the pattern has such words.
    pub anchors: Option<Vec<WordId>>,
    /// The other groups of words one of which every match contains, smallest first.
    pub requires: Vec<Vec<WordId>>,
}

impl Program {
    /// What a near miss at instruction `pc` expected: its outermost group, or its own label.
    pub fn group(&self, pc: usize) -> &str {
        self.groups[pc].as_deref().unwrap_or(&*self.labels[pc])
    }

    /// Moves the program to another rule set: `words` maps each old word id to the new one, and
    /// word sets are numbered from `sets` on.
    pub fn relink(&mut self, words: &[WordId], sets: usize) {
        let word = |w: WordId| words[w];
        for inst in &mut self.insts {
            match inst {
                Inst::Word(w) => *w = word(*w),
                Inst::Set(i) => *i += sets,
                _ => {}
            }
        }
        for table in &mut self.words {
            for (w, _) in table.iter_mut() {
                *w = word(*w);
            }
            table.sort_unstable();
        }
        for group in self.anchors.iter_mut().chain(&mut self.requires) {
            for w in group.iter_mut() {
                *w = word(*w);
            }
        }
    }
}

/// Compiles a pattern; the error says what is wrong with its slots.
pub(crate) fn compile(parts: &[Part], cx: &mut Context<'_>) -> Result<Program, String> {
    let groups: Vec<Group<'_>> = parts.iter().filter_map(|p| node_anchors(&p.node, cx.common)).collect();
    let anchors: Option<Vec<WordId>> = rarest(groups.iter().map(Group::words), cx.common)
        .map(|words| words.iter().map(|w| cx.vocab.intern(w)).collect());
    // one-letter words occur inside everything: checking for them costs more than it saves
    let mut requires: Vec<Vec<WordId>> = groups
        .iter()
        .map(Group::words)
        .filter(|g| g.iter().all(|w| w.len() > 1))
        .map(|g| g.iter().map(|w| cx.vocab.intern(w)).collect())
        .collect();
    // a pattern is only considered where one of its anchors occurs: that group needs no check;
    // the smallest groups are checked first, as the quickest to rule a pattern out
    requires.retain(|g| Some(g) != anchors.as_ref());
    requires.sort_by_key(Vec::len);
    requires.dedup();
    // (the program's length is known: its vectors are made that long at once, not grown)
    let length = length(parts) + 1;
    let mut c = Compiler {
        cx,
        program: Program {
            insts: Vec::with_capacity(length),
            labels: Vec::with_capacity(length),
            groups: Vec::with_capacity(length),
            regexes: Vec::new(),
            words: Vec::new(),
            slots: vec!["subject".into(), "object".into()],
            has_object: false,
            anchors,
            requires,
        },
        seen: [false, false],
        group: None,
        define: None,
    };
    c.sequence(parts)?;
    c.push(Inst::Match, &UNLABELLED);
    debug_assert_eq!(c.program.insts.len(), length);
    // a pattern without an object finds one-party events ("protesters marched")
    c.program.has_object = c.seen[1];
    match c.seen {
        [true, _] => Ok(c.program),
        [false, _] => Err("expected a `{subject:…}` slot in the pattern, found none".into()),
    }
}

struct Compiler<'c, 'v> {
    cx: &'c mut Context<'v>,
    program: Program,
    seen: [bool; 2],
    group: Option<Arc<str>>,
    /// The label of the outermost `<name>` being compiled: the label of every part inside it.
    define: Option<Arc<str>>,
}

/// The label of instructions no part writes (splits, jumps), shared by all.
static UNLABELLED: once_cell::sync::Lazy<Arc<str>> = once_cell::sync::Lazy::new(|| "".into());

/// The word of a branch that is one word.
fn single_word(branch: &[Part]) -> Option<&str> {
    match branch {
        [Part { node: Node::Word(w), .. }] => Some(w),
        _ => None,
    }
}

impl Compiler<'_, '_> {
    fn push(&mut self, inst: Inst, label: &Arc<str>) -> usize {
        self.program.insts.push(inst);
        self.program.labels.push(label.clone());
        self.program.groups.push(self.group.clone());
        self.program.insts.len() - 1
    }

    fn sequence(&mut self, parts: &[Part]) -> Result<(), String> {
        for part in parts {
            self.part(part)?;
        }
        Ok(())
    }

    /// The label of a part's instructions: its own, or that of the `<name>` it is inside.
    fn label<'p>(&'p self, part: &'p Part) -> &'p Arc<str> {
        self.define.as_ref().unwrap_or(&part.label)
    }

    fn part(&mut self, part: &Part) -> Result<(), String> {
        let outermost = self.group.is_none()
            && matches!(part.node, Node::Alt(_) | Node::Opt(_) | Node::Define(_))
            && !self.label(part).is_empty();
        if outermost {
            self.group = Some(self.label(part).clone());
        }
        let result = self.node(part);
        if outermost {
            self.group = None;
        }
        result
    }

    /// The word set of a regular expression that is only an alternation of words.
    fn word_set(&mut self, re: &str) -> Option<usize> {
        if let Some(&i) = self.cx.set_ids.get(re) {
            return Some(i);
        }
        let words = word_alternation(re)?;
        let mut ids: Vec<WordId> = words.map(|w| self.cx.vocab.intern(w)).collect();
        ids.sort_unstable();
        ids.dedup();
        self.cx.sets.push(ids.into());
        let i = self.cx.sets.len() - 1;
        self.cx.set_ids.insert(re.to_string(), i);
        Some(i)
    }

    fn node(&mut self, part: &Part) -> Result<(), String> {
        let label = self.label(part).clone();
        let label = &label;
        match &part.node {
            Node::Word(w) => {
                let w = self.cx.vocab.intern(w);
                self.push(Inst::Word(w), label);
            }
            Node::Regex(re) => {
                if let Some(i) = self.word_set(re) {
                    self.push(Inst::Set(i), label);
                    return Ok(());
                }
                let compiled = match self.cx.regexes.get(re) {
                    Some(compiled) => compiled.clone(),
                    None => {
                        let compiled = WordRegex::new(re).map_err(|e| format!("bad regular expression: {e}"))?;
                        self.cx.regexes.insert(re.clone(), compiled.clone());
                        compiled
                    }
                };
                self.program.regexes.push(compiled);
                let i = self.program.regexes.len() - 1;
                self.push(Inst::Regex(i), label);
            }
            Node::Slot { name, kinds, list } => {
                let slot = match self.program.slots.iter().position(|s| s == name) {
                    Some(i) if i < 2 && !self.seen[i] => {
                        self.seen[i] = true;
                        i
                    }
                    Some(_) => return Err(format!("expected each slot once in a pattern, found `{name}` twice")),
                    None => {
                        self.program.slots.push(name.clone());
                        self.program.slots.len() - 1
                    }
                };
                self.push(Inst::Slot { slot, kinds: Kinds::of(kinds), list: *list }, label);
            }
            Node::Gap(n) => {
                self.push(Inst::Gap(*n), label);
            }
            Node::Opt(seq) => {
                let split = self.push(Inst::Split(0, 0), &UNLABELLED);
                self.sequence(seq)?;
                let end = self.program.insts.len();
                self.program.insts[split] = Inst::Split(split + 1, end);
            }
            Node::Alt(branches) => self.alternation(branches)?,
            // a group of one alternative, whose parts all take the (outermost) define's label
            Node::Define(define) => {
                let outer = self.define.is_none();
                if outer {
                    self.define = Some(define.label.clone());
                }
                let result = self.sequence(&define.parts);
                if outer {
                    self.define = None;
                }
                result?;
            }
        }
        Ok(())
    }

    /// Each branch in order; a run of branches that are one word each is one [`Inst::Words`].
    fn alternation(&mut self, branches: &[Vec<Part>]) -> Result<(), String> {
        // instructions that go on after the alternation, to point there once its end is known
        let mut jumps = Vec::new();
        let mut i = 0;
        while i < branches.len() {
            let run = branches[i..].iter().take_while(|b| single_word(b).is_some()).count();
            if run >= 2 {
                let at = self.push(
                    Inst::Words {
                        words: TableId::default(),
                        next: NO_PC,
                        end: InstId::default(),
                        last: InstId::default(),
                    },
                    &UNLABELLED,
                );
                let mut table = Vec::with_capacity(run);
                for branch in &branches[i..i + run] {
                    let w = self.cx.vocab.intern(single_word(branch).unwrap_or_default());
                    let label = self.label(&branch[0]).clone();
                    let pc = InstId::new(self.push(Inst::Word(w), &label));
                    // a word given twice: the first branch is the one that matches
                    if !table.iter().any(|&(x, _)| x == w) {
                        table.push((w, pc));
                    }
                }
                table.sort_unstable();
                self.program.words.push(table.into());
                i += run;
                let next = if i < branches.len() { InstId::new(self.program.insts.len()) } else { NO_PC };
                let (words, last) =
                    (TableId::new(self.program.words.len() - 1), InstId::new(self.program.insts.len() - 1));
                self.program.insts[at] = Inst::Words { words, next, end: InstId::default(), last };
                jumps.push(at);
            } else if i + 1 < branches.len() {
                let split = self.push(Inst::Split(0, 0), &UNLABELLED);
                self.sequence(&branches[i])?;
                jumps.push(self.push(Inst::Jmp(0), &UNLABELLED));
                let next = self.program.insts.len();
                self.program.insts[split] = Inst::Split(split + 1, next);
                i += 1;
            } else {
                self.sequence(&branches[i])?;
                i += 1;
            }
        }
        let end = self.program.insts.len();
        for j in jumps {
            match &mut self.program.insts[j] {
                Inst::Jmp(to) => *to = end,
                Inst::Words { end: to, .. } => *to = InstId::new(end),
                _ => {}
            }
        }
        Ok(())
    }
}

/// The number of instructions [`Compiler::sequence`] makes of `parts`.
fn length(parts: &[Part]) -> usize {
    parts
        .iter()
        .map(|part| match &part.node {
            Node::Word(_) | Node::Regex(_) | Node::Slot { .. } | Node::Gap(_) => 1,
            Node::Opt(seq) => 1 + length(seq),
            Node::Define(define) => length(&define.parts),
            Node::Alt(branches) => {
                // as in `Compiler::alternation`
                let (mut n, mut i) = (0, 0);
                while i < branches.len() {
                    let run = branches[i..].iter().take_while(|b| single_word(b).is_some()).count();
                    if run >= 2 {
                        n += 1 + run;
                        i += run;
                    } else {
                        n += length(&branches[i]) + if i + 1 < branches.len() { 2 } else { 0 };
                        i += 1;
                    }
                }
                n
            }
        })
        .sum()
}

/// The words of a regular expression that is only `(word|word|…)`, lower case.
pub(crate) fn word_alternation(re: &str) -> Option<impl Iterator<Item = &str>> {
    let inner = re.strip_prefix('(').and_then(|r| r.strip_suffix(')')).unwrap_or(re);
    let plain =
        |w: &str| !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c.is_numeric() || c == '\'' || c == '-');
    inner.split('|').all(plain).then(|| inner.split('|'))
}

/// The words one of which every match of `parts` contains: the required part with the fewest,
/// least common and longest (so rarest) words.
fn anchors<'p>(parts: &'p [Part], common: &WordList) -> Option<Group<'p>> {
    rarest(parts.iter().filter_map(|p| node_anchors(&p.node, common)), common)
}

/// A group of words one of which a match contains: most are one word, which needs no vector.
enum Group<'p> {
    One(&'p str),
    Many(Vec<&'p str>),
}

impl<'p> Group<'p> {
    fn words(&self) -> &[&'p str] {
        match self {
            Group::One(w) => std::slice::from_ref(w),
            Group::Many(words) => words,
        }
    }
}

impl<'p> std::borrow::Borrow<[&'p str]> for Group<'p> {
    fn borrow(&self) -> &[&'p str] {
        self.words()
    }
}

/// The rarest of groups of words that matches must contain (the first of equals).
fn rarest<'p, G: std::borrow::Borrow<[&'p str]>>(groups: impl Iterator<Item = G>, common: &WordList) -> Option<G> {
    groups.min_by_key(|words| {
        let words = words.borrow();
        let shortest = words.iter().map(|w| w.len()).min().unwrap_or(0);
        let common = words.iter().filter(|w| common.contains(w)).count();
        (common, words.len(), usize::MAX - shortest)
    })
}

/// The words one of which every match of a part contains, if it is a word or an alternation of
/// parts that each have such words.
fn node_anchors<'n>(node: &'n Node, common: &WordList) -> Option<Group<'n>> {
    let branches = match node {
        Node::Word(w) if w.chars().any(char::is_alphanumeric) => return Some(Group::One(w)),
        Node::Alt(branches) => branches.as_slice(),
        Node::Define(define) => std::slice::from_ref(&define.parts),
        _ => return None,
    };
    let mut all = Vec::new();
    for b in branches {
        match anchors(b, common)? {
            Group::One(w) => all.push(w),
            Group::Many(words) => all.extend(words),
        }
    }
    all.sort_unstable();
    all.dedup();
    Some(Group::Many(all))
}

#[cfg(test)]
mod tests {
    use super::super::syntax::parse_pattern;
    use super::*;

    fn program(p: &str) -> Result<(Program, Vocab), String> {
        let (mut vocab, mut sets) = (Vocab::default(), Vec::new());
        let mut regexes = FxHashMap::default();
        let common = &Lexicon::embedded()[ListId::CommonTriggerWords];
        let mut cx = Context {
            vocab: &mut vocab,
            sets: &mut sets,
            regexes: &mut regexes,
            set_ids: FxHashMap::default(),
            common,
        };
        let program = compile(&parse_pattern(p, &Default::default()).map_err(|e| e.message)?, &mut cx)?;
        Ok((program, vocab))
    }

    fn anchors(p: &str) -> Option<Vec<String>> {
        let (program, vocab) = program(p).unwrap();
        program.anchors.map(|a| a.iter().map(|&w| vocab.word(w).to_string()).collect())
    }

    #[test]
    fn the_vocabulary_tells_words_apart() {
        let mut vocab = Vocab::default();
        let words = [
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
            "ba",
            "b\0",
            "é",
            "don't",
            "talks",
        ];
        let ids: Vec<WordId> = words.iter().map(|w| vocab.intern(w)).collect();
        // and a few hundred more, to grow the table
        for i in 0..500 {
            vocab.intern(&format!("w{i}"));
        }
        for (w, id) in words.iter().zip(&ids) {
            assert_eq!(vocab.id(w.as_bytes()), *id, "{w}");
            // inside a longer text, read with whole loads
            let text = format!("x {w} yyyyyyyyyyyyyyyyyy");
            assert_eq!(vocab.id_in(text.as_bytes(), 2, 2 + w.len()), *id, "{w}");
            assert_eq!(vocab.word(*id), *w);
        }
        assert_eq!(vocab.id(b","), COMMA);
        assert_eq!(vocab.id(b"and"), AND);
        assert_eq!(vocab.id(b"&"), AMPERSAND);
        // the determiners of the lexicon, in its order, right after the fixed words
        let list = &Lexicon::embedded()[ListId::Determiners];
        let determiners: Vec<WordId> = list.entries().map(|w| vocab.id(w.as_bytes())).collect();
        let range = vocab.determiners();
        let expected: Vec<WordId> = (0..determiners.len()).map(|i| range.start.plus(i)).collect();
        assert_eq!(determiners, expected);
        assert_eq!((range.start, range.end), (AMPERSAND.plus(1), AMPERSAND.plus(1 + determiners.len())));
        assert!(range.contains(&vocab.id(b"the")) && range.contains(&vocab.id(b"his")));
        assert_eq!(vocab.intern("abcd"), ids[3]);
        let missing =
            ["", "b", "abcdef", "abcdefg", "abcdefghij", "abcdefghijklmno", "abcdefghijklmnopqr", "aa", "ab\0"];
        for missing in missing.into_iter().chain(["w500", "x", "abcdefghijklmnoq", "bbcdefghijklmnop"]) {
            assert_eq!(vocab.id(missing.as_bytes()), NO_WORD, "{missing}");
            let text = format!("x {missing}abcdefghijklmnopqrstuvwxyz");
            assert_eq!(vocab.id_in(text.as_bytes(), 2, 2 + missing.len()), NO_WORD, "{missing}");
        }
        assert_eq!(vocab.len(), words.len() + 8 + 500);
    }

    #[test]
    fn anchors_are_the_rarest_required_words() {
        assert_eq!(anchors("{subject:person} (held|holds) talks with {object:person}"), Some(vec!["talks".into()]));
        assert_eq!(anchors("{subject:person} [visited] {object:place}"), None);
        assert_eq!(anchors("{subject} (met|meets|met with) {object}"), Some(vec!["meets".into(), "met".into()]));
    }

    #[test]
    fn runs_of_one_word_branches_are_one_instruction() {
        let (p, vocab) = program("{subject} (met|meets|sat down|met|talks) {object}").unwrap();
        let Inst::Words { words, next, end, last } = p.insts[1] else { panic!("{:?}", p.insts) };
        // `met` twice: the first branch is the one that matches
        let mut table: Vec<(&str, usize)> = p.words[words].iter().map(|&(w, pc)| (vocab.word(w), pc.index())).collect();
        table.sort_unstable();
        assert_eq!(table, [("meets", 3), ("met", 2)]);
        assert_eq!((next.index(), last.index()), (4, 3));
        // `sat down` as before, then a run of two (`met`, `talks`) that ends the alternation
        assert!(matches!(p.insts[4], Inst::Split(5, 8)));
        assert!(matches!(p.insts[8], Inst::Words { next: NO_PC, last, .. } if last.index() == 10));
        assert_eq!(end.index(), 11);
        assert!(matches!(p.insts[11], Inst::Slot { slot: 1, .. }));
        assert_eq!(&*p.labels[2], "met");
    }

    #[test]
    fn slots_are_checked() {
        let err = |p: &str| program(p).map(|_| ()).unwrap_err();
        assert!(!program("{subject} marched").unwrap().0.has_object);
        assert!(err("met {object}").contains("`{subject:…}`"));
        assert!(err("{subject} met {object} and {object}").contains("twice"));
        let (p, _) = program("{subject} gave {amount:money} to {object}").unwrap();
        assert_eq!(p.slots, ["subject", "object", "amount"]);
    }
}
