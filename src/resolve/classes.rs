//! Word classes: what each word of a text may be or start, from one hash probe per token.
//!
//! A table built once per resolver ([`WordClasses`]) maps every word some pass looks for (a
//! word of the lexicon's lists, a first or last piece of a title, a word of an agent phrase) to
//! its classes as bits, and an agent word to its number in the group pass's phrase trie. At the
//! start of resolution one pass over the tokens looks each token's normalised text up once
//! ([`TokenClasses`]); the passes after it then visit only the tokens whose bits say they can
//! start or end something, and compare words by number, not by text. A word the table does not
//! hold has no class at all, which is what most tokens of a text get.

use super::groups::Agents;
use super::titles::Titles;
use super::words::Words;
use crate::swar::word_at;
use crate::text::Text;

/// The classes, as bits. Bits 0 to 15 are the lists of `words::list`, as they are there.
pub(super) mod class {
    /// The lists of `words::list` (`u16` bits).
    #[cfg(test)]
    pub const LISTS: u32 = 0xFFFF;
    /// A prefix of a title (its normalised text, cut at a character boundary): a title can start
    /// with this token ("foreign" of "foreign minister").
    pub const TITLE_HEAD: u32 = 1 << 16;
    /// A suffix of a title: a title can end with this token.
    pub const TITLE_TAIL: u32 = 1 << 17;
    /// The first word of an agent phrase of the group pass ("rebels", "security").
    pub const AGENT_FIRST: u32 = 1 << 18;
    /// A word that may stand between a country word and an agent noun ("senior").
    pub const GROUP_MODIFIER: u32 = 1 << 19;
    /// A word after an agent noun that ends its phrase ("said").
    pub const GROUP_FOLLOWER: u32 = 1 << 20;
    /// A count word before a bare agent noun ("two").
    pub const GROUP_COUNTED: u32 = 1 << 21;
}

/// The classes of one word.
#[derive(Debug, Clone, Copy)]
struct Class {
    bits: u32,
    /// Its number among the words of agent phrases (`Agents`), or `NO_AGENT_WORD`.
    agent: u32,
}

const NO_AGENT_WORD: u32 = u32::MAX;

/// The classes of a word with none.
const NONE: Class = Class { bits: 0, agent: NO_AGENT_WORD };

/// Every word that has a class -> its classes, built once per resolver.
#[derive(Debug, Clone)]
pub(crate) struct WordClasses {
    /// A word's normalised text -> its number in `classes`.
    ids: WordTable,
    /// The classes by number; number 0 is [`NONE`], the classes of any word not in `ids`.
    classes: Vec<Class>,
}

impl WordClasses {
    /// The classes of the words of `words`' lists, of `titles` and of `agents`.
    pub(super) fn new(words: &Words, titles: &Titles, agents: &Agents) -> WordClasses {
        let mut table = WordClasses { ids: WordTable::default(), classes: vec![NONE] };
        for (w, lists) in words.listed() {
            table.class_mut(w.as_bytes()).bits |= u32::from(lists);
        }
        for (affix, head) in titles.affixes() {
            table.class_mut(affix).bits |= if head { class::TITLE_HEAD } else { class::TITLE_TAIL };
        }
        for (w, number, first) in agents.words() {
            let c = table.class_mut(w.as_bytes());
            c.agent = number;
            if first {
                c.bits |= class::AGENT_FIRST;
            }
        }
        for (w, bit) in agents.group_words() {
            table.class_mut(w.as_bytes()).bits |= bit;
        }
        table
    }

    fn class_mut(&mut self, w: &[u8]) -> &mut Class {
        let id = match self.ids.get(w) {
            Some(id) => id,
            None => {
                let id = u32::try_from(self.classes.len()).expect("fewer than 2^32 words");
                self.ids.insert(w, id);
                self.classes.push(NONE);
                id
            }
        };
        &mut self.classes[id as usize]
    }

    /// The classes of the tokens of `text`: one probe per token.
    #[inline(never)]
    pub(super) fn of(&self, text: &Text<'_>) -> TokenClasses<'_> {
        let norm = text.normalized().as_bytes();
        let tokens = text.tokens();
        let mut ids = vec![0; tokens.len()];
        let mut lists = Positions::default();
        for (i, (id, t)) in ids.iter_mut().zip(tokens).enumerate() {
            if let Some(found) = norm.get(t.norm()).and_then(|w| self.ids.get(w)) {
                *id = found;
                let bits = self.classes[found as usize].bits;
                if bits & (class::TITLE_HEAD | class::TITLE_TAIL | class::AGENT_FIRST) != 0 {
                    lists.add(i, bits);
                }
            }
        }
        TokenClasses { table: self, ids, lists }
    }
}

/// A word's bytes as a key: its length and two words of eight bytes that together hold every
/// byte of a word of at most 16 (the first and the last eight, which overlap in a shorter word;
/// the first and last four, or one, two or three bytes, in a word shorter than eight). Two words
/// of at most 16 bytes are equal when their keys are; longer words are compared in full.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Key {
    len: usize,
    head: u64,
    tail: u64,
}

impl Key {
    #[inline]
    fn of(w: &[u8]) -> Key {
        let n = w.len();
        let (head, tail) = if n >= 8 {
            (word_at(w, 0), word_at(w, n - 8))
        } else if n >= 4 {
            (u64::from(read4(w, 0)), u64::from(read4(w, n - 4)))
        } else if n > 0 {
            (u64::from(w[0]) | u64::from(w[n / 2]) << 8 | u64::from(w[n - 1]) << 16, 0)
        } else {
            (0, 0)
        };
        Key { len: n, head, tail }
    }

    /// The key's slot among `1 << bits` (the top bits of a multiplicative hash, the best mixed).
    #[inline]
    fn slot(self, bits: u32) -> usize {
        let mixed = (self.head ^ self.tail.rotate_left(32) ^ self.len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> (64 - bits)) as usize
    }
}

/// The four bytes of `w` at `at` (which the caller keeps in bounds).
#[inline]
fn read4(w: &[u8], at: usize) -> u32 {
    let mut b = [0; 4];
    b.copy_from_slice(&w[at..at + 4]);
    u32::from_le_bytes(b)
}

/// Words -> numbers, by open addressing over [`Key`]s: a probe of a word of at most 16 bytes
/// reads it with four loads and compares no bytes, where a hash map's hashes them one by one and
/// calls a comparison of slices.
#[derive(Debug, Clone)]
struct WordTable {
    /// A power of two of slots, at most half of them full.
    slots: Vec<Slot>,
    /// The words longer than 16 bytes, by the number of their slot's `long`.
    long: Vec<Box<[u8]>>,
    len: usize,
    /// The number of slots is `1 << bits`.
    bits: u32,
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: Key,
    /// The word's number + 1 (0: an empty slot).
    id: u32,
    /// For a word longer than 16 bytes: its index in `WordTable::long`.
    long: u32,
}

impl Default for WordTable {
    fn default() -> WordTable {
        WordTable { slots: vec![Slot::default(); 16], long: Vec::new(), len: 0, bits: 4 }
    }
}

impl WordTable {
    // (inlined into the loop over the tokens, which it is most of)
    #[inline(always)]
    fn get(&self, w: &[u8]) -> Option<u32> {
        let key = Key::of(w);
        let mask = self.slots.len() - 1;
        let mut at = key.slot(self.bits);
        loop {
            let slot = &self.slots[at];
            if slot.id == 0 {
                return None;
            }
            if slot.key == key && (key.len <= 16 || self.long.get(slot.long as usize).is_some_and(|l| **l == *w)) {
                return Some(slot.id - 1);
            }
            at = (at + 1) & mask;
        }
    }

    /// Adds `w` with number `id` (`w` is not in the table yet).
    fn insert(&mut self, w: &[u8], id: u32) {
        if 2 * (self.len + 1) > self.slots.len() {
            let doubled = vec![Slot::default(); 2 * self.slots.len()];
            let old = std::mem::replace(&mut self.slots, doubled);
            self.bits += 1;
            for slot in old.into_iter().filter(|s| s.id != 0) {
                self.place(slot);
            }
        }
        let key = Key::of(w);
        let long = if key.len > 16 {
            self.long.push(w.into());
            u32::try_from(self.long.len() - 1).expect("fewer than 2^32 words")
        } else {
            0
        };
        self.place(Slot { key, id: id + 1, long });
        self.len += 1;
    }

    fn place(&mut self, slot: Slot) {
        let mask = self.slots.len() - 1;
        let mut at = slot.key.slot(self.bits);
        while self.slots[at].id != 0 {
            at = (at + 1) & mask;
        }
        self.slots[at] = slot;
    }
}

/// The classes of the tokens of one text, by token.
#[derive(Debug)]
pub(super) struct TokenClasses<'w> {
    table: &'w WordClasses,
    /// Per token: its word's number in the table (0 for a word of no class).
    ids: Vec<u32>,
    /// The tokens of the classes that passes start from.
    lists: Positions,
}

/// The tokens of a few classes, in order: a pass that starts from those visits them alone.
#[derive(Debug, Default)]
struct Positions {
    title_heads: Vec<u32>,
    title_tails: Vec<u32>,
    agent_firsts: Vec<u32>,
}

impl Positions {
    #[inline]
    fn add(&mut self, t: usize, bits: u32) {
        // (a text has fewer than 2^32 tokens: its offsets are 32 bits)
        let t = t as u32;
        if bits & class::TITLE_HEAD != 0 {
            self.title_heads.push(t);
        }
        if bits & class::TITLE_TAIL != 0 {
            self.title_tails.push(t);
        }
        if bits & class::AGENT_FIRST != 0 {
            self.agent_firsts.push(t);
        }
    }
}

impl TokenClasses<'_> {
    #[inline]
    fn class(&self, t: usize) -> Class {
        self.ids.get(t).map_or(NONE, |&id| self.table.classes[id as usize])
    }

    /// The class bits of token `t` (none past the end).
    #[inline]
    pub(super) fn bits(&self, t: usize) -> u32 {
        self.class(t).bits
    }

    /// Whether token `t` has any of the classes `bits`.
    #[inline]
    pub(super) fn any(&self, t: usize, bits: u32) -> bool {
        self.bits(t) & bits != 0
    }

    /// The number of token `t`'s word among the agent phrases' words, if it is one.
    #[inline]
    pub(super) fn agent_word(&self, t: usize) -> Option<u32> {
        Some(self.class(t).agent).filter(|&w| w != NO_AGENT_WORD)
    }

    /// The tokens that may start a title ([`class::TITLE_HEAD`]), in order.
    pub(super) fn title_heads(&self) -> &[u32] {
        &self.lists.title_heads
    }

    /// The tokens that may end a title ([`class::TITLE_TAIL`]), in order.
    pub(super) fn title_tails(&self) -> &[u32] {
        &self.lists.title_tails
    }

    /// The tokens whose word starts an agent phrase ([`class::AGENT_FIRST`]), in order.
    pub(super) fn agent_firsts(&self) -> &[u32] {
        &self.lists.agent_firsts
    }

    /// The number of tokens.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.ids.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{Lexicon, ListId};
    use crate::resolve::titles::TITLES;
    use crate::resolve::words::list;

    #[test]
    fn the_word_table_tells_words_of_every_length_apart() {
        // words of one length that differ in one byte, at every position, and long words that
        // share their first and last eight bytes
        let mut words: Vec<Vec<u8>> = Vec::new();
        for n in 0..=24 {
            for at in 0..n {
                let mut w = vec![b'a'; n];
                w[at] = b'b';
                words.push(w);
            }
            words.push(vec![b'a'; n]);
        }
        words.push("é".as_bytes().to_vec());
        let mut table = WordTable::default();
        for (id, w) in words.iter().enumerate() {
            assert_eq!(table.get(w), None);
            table.insert(w, id as u32);
        }
        for (id, w) in words.iter().enumerate() {
            assert_eq!(table.get(w), Some(id as u32), "{w:?}");
        }
        assert_eq!(table.get(b"bb"), None);
        assert_eq!(table.get("aaaaaaaaaaaaaaaaaaaaaaab".replace('b', "c").as_bytes()), None);
    }

    #[test]
    fn probes_are_short() {
        let words = Words::new(Lexicon::embedded().clone());
        let table = WordClasses::new(&words, &TITLES, Agents::defaults());
        let t = &table.ids;
        let mask = t.slots.len() - 1;
        let mut total = 0;
        let mut worst = 0;
        for (k, slot) in t.slots.iter().enumerate().filter(|(_, s)| s.id != 0) {
            let home = slot.key.slot(t.bits);
            let dist = (k + t.slots.len() - home) & mask;
            total += dist;
            worst = worst.max(dist);
        }
        eprintln!(
            "{} words in {} slots: mean distance {:.2}, worst {worst}",
            t.len,
            t.slots.len(),
            total as f64 / t.len as f64
        );
        assert!(total <= 2 * t.len, "{total}");
    }

    #[test]
    fn one_probe_answers_for_every_list() {
        let words = Words::new(Lexicon::embedded().clone());
        let agents = Agents::defaults();
        let table = WordClasses::new(&words, &TITLES, agents);
        let text =
            Text::new("The senior rebels said in January that the foreign minister of Mali, xyzzy, met two police.");
        let classes = table.of(&text);
        assert_eq!(classes.len(), text.tokens().len());
        for t in 0..text.tokens().len() {
            let w = text.token_text(t);
            let lists = classes.bits(t) & class::LISTS;
            for bit in [list::FUNCTION, list::CALENDAR, list::COMMON, list::GEO, list::VERB, list::NOT_NOW] {
                assert_eq!(lists & u32::from(bit) != 0, words.is_in(w, bit), "{w}");
            }
            assert_eq!(classes.any(t, class::TITLE_HEAD), TITLES.is_head(w.as_bytes()), "{w}");
            assert_eq!(classes.any(t, class::TITLE_TAIL), TITLES.is_tail(w.as_bytes()), "{w}");
            assert_eq!(classes.agent_word(t), agents.word_number(w), "{w}");
            assert_eq!(classes.any(t, class::AGENT_FIRST), agents.is_first_word(w), "{w}");
            let listed = |id: ListId| Lexicon::embedded()[id].entries().any(|e| e.to_lowercase() == w);
            assert_eq!(classes.any(t, class::GROUP_MODIFIER), listed(ListId::GroupModifiers), "{w}");
            assert_eq!(classes.any(t, class::GROUP_FOLLOWER), listed(ListId::GroupFollowers), "{w}");
            assert_eq!(classes.any(t, class::GROUP_COUNTED), listed(ListId::GroupCounted), "{w}");
        }
        // the lists of positions hold the tokens of their classes
        let with =
            |bit: u32| (0..text.tokens().len()).filter(|&t| classes.any(t, bit)).map(|t| t as u32).collect::<Vec<_>>();
        assert_eq!(classes.title_heads(), with(class::TITLE_HEAD));
        assert_eq!(classes.title_tails(), with(class::TITLE_TAIL));
        assert_eq!(classes.agent_firsts(), with(class::AGENT_FIRST));
        // a word of no class, and past the end
        let xyzzy = (0..text.tokens().len()).find(|&t| text.token_text(t) == "xyzzy").unwrap();
        assert_eq!((classes.bits(xyzzy), classes.agent_word(xyzzy)), (0, None));
        assert_eq!(classes.bits(text.tokens().len()), 0);
        // the words the sentence was written for have their classes
        let at = |w: &str| (0..text.tokens().len()).find(|&t| text.token_text(t) == w).unwrap();
        assert!(classes.any(at("rebels"), class::AGENT_FIRST));
        assert!(classes.any(at("foreign"), class::TITLE_HEAD) && classes.any(at("minister"), class::TITLE_TAIL));
        assert!(classes.any(at("january"), u32::from(list::CALENDAR)));
    }
}
