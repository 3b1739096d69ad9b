//! Where the patterns' trigger words and numbers are, found from the text's tokens: one look at
//! each token, not a search of every byte.
//!
//! Every match of a pattern holds a trigger, and every trigger is one whole *run* (a longest run
//! of ASCII letters, digits and `_`, the bytes `(?-u:\b)` calls word bytes), or ends one:
//!
//! - a document (`DOCUMENT_OF`, `DOCUMENT_NAMED`): its noun starts at `\b` or after white space
//!   and ends before white space or at `\b`, case as written: the run is the noun ("Treaty",
//!   "Accords"; "Communiqu" when an `é` follows);
//! - a generic document: its noun, after white space, any case, perhaps an `s`, then `\b`;
//! - an event: its last word, after white space, then `\b`;
//! - an amount of money: a digit (or a numeric character), or else a currency word, which ends
//!   at `\b` and may be glued to the spelled number and scale before it ("adollars"): a run that
//!   ends with the currency word. `(?i)` also lets `ſ` (the long s) stand for an `s`, so where
//!   a currency word may be spelled with one, the `ſ` is a trigger itself.
//!
//! Adjacent letters and digits always lie in one token (the word rules never split them), so a
//! token of ASCII letters alone is one run: the bulk of tokens, judged from their last three
//! letters by one look-up. Any other token that may hold a letter or a digit (digits, `_`, joining
//! punctuation, bytes beyond ASCII) is split into its runs, each judged the same way.

use crate::swar::{HIGH, ONES};
use crate::text::{Text, TokenKind};
use once_cell::sync::Lazy;

/// The triggers of a text: byte offsets in the original text, each list sorted.
#[derive(Debug, Default)]
pub(super) struct Triggers {
    /// Digits, numeric characters, currency words, `ſ` (for `MONEY`).
    pub(super) money: Vec<usize>,
    /// Document nouns as written (for `DOCUMENT_OF` and `DOCUMENT_NAMED`).
    pub(super) document: Vec<usize>,
    /// Document nouns in any case (for `DOCUMENT_GENERIC`).
    pub(super) generic: Vec<usize>,
    /// Event nouns as written (for `EVENT`).
    pub(super) event: Vec<usize>,
}

/// What a trigger word triggers.
const DOCUMENT: u8 = 1;
const GENERIC: u8 = 2;
const EVENT: u8 = 4;
const CURRENCY: u8 = 8;
/// An event noun that may also be written in lower case ("summit").
const ANY_CASE: u8 = 16;

/// The trigger words, in lower case, and what each triggers: a run that is the word (document,
/// generic, event), or that ends with it (currency). Documents and events are written with a
/// capital (and the rest in lower case), or either way when `ANY_CASE`.
const WORDS: &[(&str, u8)] = &[
    ("treaty", DOCUMENT | GENERIC),
    ("agreement", DOCUMENT | GENERIC),
    ("accord", DOCUMENT | GENERIC),
    ("accords", DOCUMENT | GENERIC),
    ("pact", DOCUMENT | GENERIC),
    ("convention", DOCUMENT),
    ("declaration", DOCUMENT),
    ("charter", DOCUMENT),
    ("protocol", DOCUMENT),
    ("memorandum", DOCUMENT),
    ("communique", DOCUMENT),
    ("communiqu", DOCUMENT),
    ("joint", DOCUMENT),
    ("agreements", GENERIC),
    ("pacts", GENERIC),
    ("treatys", GENERIC),
    ("deal", GENERIC),
    ("deals", GENERIC),
    ("summit", EVENT | ANY_CASE),
    ("forum", EVENT | ANY_CASE),
    ("conference", EVENT),
    ("games", EVENT),
    ("olympics", EVENT),
    ("expo", EVENT),
    ("congress", EVENT),
    ("dialogue", EVENT),
    // `MONEY`'s units (a plural with `ſ` for its `s` ends with the singular)
    ("yuan", CURRENCY),
    ("renminbi", CURRENCY),
    ("dollar", CURRENCY),
    ("dollars", CURRENCY),
    ("euro", CURRENCY),
    ("euros", CURRENCY),
    ("pound", CURRENCY),
    ("pounds", CURRENCY),
    ("sterling", CURRENCY),
    ("yen", CURRENCY),
    ("rupee", CURRENCY),
    ("rupees", CURRENCY),
    ("rouble", CURRENCY),
    ("roubles", CURRENCY),
    ("ruble", CURRENCY),
    ("rubles", CURRENCY),
    ("tenge", CURRENCY),
    ("som", CURRENCY),
    ("soms", CURRENCY),
    ("manat", CURRENCY),
    ("manats", CURRENCY),
    ("somoni", CURRENCY),
    ("franc", CURRENCY),
    ("francs", CURRENCY),
    ("riyal", CURRENCY),
    ("riyals", CURRENCY),
    ("dirham", CURRENCY),
    ("dirhams", CURRENCY),
    ("lira", CURRENCY),
    ("usd", CURRENCY),
    ("eur", CURRENCY),
    ("rmb", CURRENCY),
    ("cny", CURRENCY),
];

/// The trigger words by their last three letters: a run whose last three letters no word ends
/// with (most runs) triggers nothing.
struct Table {
    /// Per three letters ([`key`]): 1 + the first of its words in `words` (0 for none) in the low
    /// byte, and above it, bit `8 + n` for each length `n` of a run one of them may trigger in.
    slots: Vec<u32>,
    /// The words, those with the same last three letters one after the other.
    words: Vec<Word>,
}

/// A trigger word, at most 16 letters, in lower case.
struct Word {
    /// Its bytes, the first in the lowest byte, zero beyond it.
    bytes: u128,
    len: usize,
    /// The index of its last three letters in [`Table::slots`].
    key: usize,
    what: u8,
}

/// The index in [`Table::slots`] of three letters (any case, the first in the lowest byte of
/// `x`): five bits of each.
#[inline(always)]
fn key(x: u64) -> usize {
    let x = x as usize & 0x1f_1f1f;
    x & 0x1f | x >> 3 & 0x3e0 | x >> 6 & 0x7c00
}

/// The three bytes `bytes[e - 3..e]`, the first in the lowest byte.
#[inline(always)]
fn last3(bytes: &[u8], e: usize) -> u64 {
    u64::from(bytes[e - 3]) | u64::from(bytes[e - 2]) << 8 | u64::from(bytes[e - 1]) << 16
}

static TABLE: Lazy<Table> = Lazy::new(|| {
    let mut words: Vec<Word> = WORDS
        .iter()
        .map(|&(w, what)| {
            let b = w.as_bytes();
            let n = b.len();
            let bytes = b.iter().rev().fold(0u128, |v, &x| v << 8 | u128::from(x));
            Word { bytes, len: n, key: key(last3(b, n)), what }
        })
        .collect();
    words.sort_by_key(|w| w.key);
    let mut slots = vec![0u32; 1 << 15];
    for (i, w) in words.iter().enumerate().rev() {
        let slot = &mut slots[w.key];
        *slot = *slot & !0xff | u32::from(u8::try_from(i + 1).expect("a few words"));
        // a currency word ends runs of its length and longer, the others are whole runs
        let longest = if w.what & CURRENCY != 0 { 16 } else { w.len };
        for n in w.len..=longest {
            *slot |= 1 << (8 + n);
        }
    }
    Table { slots, words }
});

/// The 8 bytes of `bytes` from `at` (zero beyond its end), the first in the lowest byte.
#[inline(always)]
fn load(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at + 8) {
        Some(b) => u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
        None => bytes.get(at..).unwrap_or_default().iter().rev().fold(0, |v, &x| v << 8 | u64::from(x)),
    }
}

/// Sixteen bytes: `lo` the first eight.
#[inline(always)]
fn wide(lo: u64, hi: u64) -> u128 {
    u128::from(hi) << 64 | u128::from(lo)
}

/// The mask of the first `n` bytes (1 to 8 of them) of a word.
#[inline(always)]
fn mask(n: usize) -> u64 {
    !0 >> (64 - 8 * n.clamp(1, 8))
}

/// Whether the bytes of `x` under `m` are ASCII letters.
#[inline(always)]
fn letters(x: u64, m: u64) -> bool {
    let y = (x | (ONES * 0x20)) & !HIGH;
    // the high bit of each byte from `a` to `z` (`y` below 0x80: adding never carries)
    let letters = y.wrapping_add(ONES * u64::from(0x80 - b'a')) & !y.wrapping_add(ONES * u64::from(0x80 - b'z' - 1));
    (!letters | x) & HIGH & m == 0
}

/// Whether the bytes of `x` under `m` are ASCII digits.
#[inline(always)]
fn digits(x: u64, m: u64) -> bool {
    let y = (x ^ (ONES * 0x30)) & !HIGH;
    // a byte below 10 keeps its high bit clear when 0x76 is added
    (x | y.wrapping_add(ONES * 0x76)) & HIGH & m == 0
}

impl Triggers {
    /// The triggers of `text`.
    pub(super) fn find(text: &Text<'_>) -> Triggers {
        let bytes = text.original().as_bytes();
        let table = &*TABLE;
        // news has a number every dozen or so tokens: room for them at once
        let mut found = Triggers { money: Vec::with_capacity(text.tokens().len() / 12), ..Triggers::default() };
        for tok in text.tokens() {
            let (s, e) = (tok.start(), tok.end());
            let n = e - s;
            match tok.kind() {
                // one character that is no letter or digit, or an "'s"
                TokenKind::Punct | TokenKind::Possessive => continue,
                TokenKind::Number if n <= 8 && digits(load(bytes, s), mask(n)) => {
                    found.money.push(s);
                    continue;
                }
                TokenKind::Word if n <= 8 => {
                    // the bulk of tokens: one look at eight bytes, one at the table
                    let x = load(bytes, s);
                    if letters(x, mask(n)) {
                        if n >= 3 {
                            found.letters(table, x >> (8 * (n - 3)), bytes, s, e);
                        }
                        continue;
                    }
                }
                TokenKind::Word
                    if n <= 16 && letters(load(bytes, s), !0) && letters(load(bytes, s + 8), mask(n - 8)) =>
                {
                    found.letters(table, last3(bytes, e), bytes, s, e);
                    continue;
                }
                _ => {}
            }
            found.split(table, text.original(), s, e);
        }
        found
    }

    /// The triggers of a token that may be more than one run of letters: its runs, its digits,
    /// its numeric characters and `ſ`.
    #[cold]
    #[inline(never)]
    fn split(&mut self, table: &Table, text: &str, s: usize, e: usize) {
        let bytes = text.as_bytes();
        let money = self.money.len();
        let mut i = s;
        while i < e {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() || b == b'_' {
                let start = i;
                while i < e && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    if bytes[i].is_ascii_digit() && (i == start || !bytes[i - 1].is_ascii_digit()) {
                        self.money.push(i);
                    }
                    i += 1;
                }
                self.run(table, bytes, start, i);
            } else if b < 0x80 {
                i += 1;
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                if c.is_numeric() || c == '\u{17f}' {
                    self.money.push(i);
                }
                i += c.len_utf8();
            }
        }
        // a currency word ends its run: after the digits of the run
        self.money[money..].sort_unstable();
    }

    /// The triggers of the run `bytes[s..e]` (any bytes of a run: letters, digits, `_`).
    fn run(&mut self, table: &Table, bytes: &[u8], s: usize, e: usize) {
        // no trigger word is longer than 16 bytes, and a currency word ends its run: the last 16
        // bytes are enough
        let s = s.max(e.saturating_sub(16));
        if e - s >= 3 {
            self.word(table, bytes, s, e);
        }
    }

    /// The triggers of the run `bytes[s..e]` of 3 to 16 bytes.
    fn word(&mut self, table: &Table, bytes: &[u8], s: usize, e: usize) {
        if bytes[e - 3..e].iter().all(u8::is_ascii_alphabetic) {
            self.letters(table, last3(bytes, e), bytes, s, e);
        }
    }

    /// The triggers of the run `bytes[s..e]` of 3 to 16 bytes that ends with three letters, the
    /// low three bytes of `end`.
    #[inline(always)]
    fn letters(&mut self, table: &Table, end: u64, bytes: &[u8], s: usize, e: usize) {
        let k = key(end);
        let slot = table.slots[k];
        if slot >> (8 + e - s) & 1 != 0 {
            self.word_at(table, (slot & 0xff) as usize - 1, k, bytes, s, e);
        }
    }

    /// [`Triggers::word`] for a run whose last three letters end trigger words (from `first`).
    #[inline(never)]
    fn word_at(&mut self, table: &Table, first: usize, k: usize, bytes: &[u8], s: usize, e: usize) {
        let n = e - s;
        let x = load(bytes, s) & mask(n);
        let y = if n > 8 { load(bytes, s + 8) & mask(n - 8) } else { 0 };
        let written = wide(x, y);
        // letters in lower case (digits keep their bytes, `_` becomes a byte of no trigger word)
        let lower = wide(x | ((ONES * 0x20) & mask(n)), if n > 8 { y | ((ONES * 0x20) & mask(n - 8)) } else { 0 });
        for w in table.words[first..].iter().take_while(|w| w.key == k) {
            if w.what & CURRENCY != 0 {
                // the run ends with it (trigger words are shorter than 16 bytes)
                if n >= w.len && (lower >> (8 * (n - w.len))) & ((1 << (8 * w.len)) - 1) == w.bytes {
                    self.money.push(s + n - w.len);
                }
                continue;
            }
            if n != w.len || lower != w.bytes {
                continue;
            }
            if w.what & GENERIC != 0 {
                self.generic.push(s);
            }
            // as written: a capital, then lower case (or all lower case, for some events)
            let written = written == lower ^ 0x20 || (w.what & ANY_CASE != 0 && written == lower);
            if written && w.what & DOCUMENT != 0 {
                self.document.push(s);
            }
            if written && w.what & EVENT != 0 {
                self.event.push(s);
            }
        }
    }
}
