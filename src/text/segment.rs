//! Word splitting: an ASCII fast path equivalent to the Unicode word rules (UAX #29), and
//! `unicode-segmentation` for other words.

#[allow(unused_imports)]
use super::*;

/// Turns word spans into tokens and sentences.
pub(super) struct Segmenter<'t, 'a> {
    pub(super) text: &'t Text<'a>,
    pub(super) starts: &'t [u32],
    pub(super) tokens: Vec<Token>,
    pub(super) sentences: Vec<Sentence>,
    pub(super) next_sentence: usize,
    pub(super) sentence: usize,
    pub(super) first_token: usize,
    pub(super) open: bool,
    // words come in order: cursors into the offset map instead of a binary search per word
    // (the number of groups that start at or before, and strictly before, the last offset mapped)
    pub(super) at_or_before: usize,
    pub(super) before: usize,
}

impl Segmenter<'_, '_> {
    /// [`Text::to_original_start`] for offsets that never decrease.
    #[inline]
    pub(super) fn start(&mut self, norm: usize) -> usize {
        let groups = &self.text.groups;
        while self.at_or_before < groups.len() && groups[self.at_or_before].norm() <= norm {
            self.at_or_before += 1;
        }
        match self.at_or_before.checked_sub(1).map(|i| groups[i]) {
            Some(g) if norm < g.norm_end() => g.orig(),
            // words lie on character boundaries of the normalised text, and the shift between
            // groups is character for character: the result is a boundary of the original
            Some(g) => g.orig_end() + (norm - g.norm_end()),
            None => norm,
        }
    }

    /// [`Text::to_original_end`] for offsets that never decrease.
    #[inline]
    pub(super) fn end(&mut self, norm: usize) -> usize {
        let groups = &self.text.groups;
        while self.before < groups.len() && groups[self.before].norm() < norm {
            self.before += 1;
        }
        match self.before.checked_sub(1).map(|i| groups[i]) {
            Some(g) if norm <= g.norm_end() => g.orig_end(),
            Some(g) => g.orig_end() + (norm - g.norm_end()),
            None => norm,
        }
    }

    /// Opens a new sentence if one begins at original offset `start` (or none is open).
    #[inline]
    fn begin(&mut self, start: usize) {
        while start >= self.starts[self.next_sentence] as usize {
            self.next_sentence += 1;
            if self.open {
                self.close();
                self.sentence += 1;
                self.open = false;
            }
        }
        if !self.open {
            self.open = true;
            self.first_token = self.tokens.len();
        }
    }

    /// [`Segmenter::word`] for a word of ASCII text (`bytes` the normalised text) whose kind is
    /// plain from its first byte: the bulk of the words of news, without string slicing or a call.
    #[inline(always)]
    pub(super) fn ascii_word(&mut self, bytes: &[u8], ns: usize, ne: usize, kind: TokenKind) {
        let start = self.start(ns);
        self.begin(start);
        let possessive = kind == TokenKind::Word && ne - ns > 2 && bytes[ne - 2] == b'\'' && bytes[ne - 1] == b's';
        self.push_word(ns..ne, start, kind, possessive);
    }

    /// Pushes the word `norm` of `kind`, its possessive "'s" split off as a token of its own when
    /// it has one.
    #[inline(always)]
    fn push_word(&mut self, norm: Range<usize>, start: usize, kind: TokenKind, possessive: bool) {
        if possessive {
            let split = norm.end - 2;
            self.push(norm.start..split, start, TokenKind::Word);
            let split_start = self.start(split);
            self.push(split..norm.end, split_start, TokenKind::Possessive);
        } else {
            self.push(norm, start, kind);
        }
    }

    pub(super) fn word(&mut self, ns: usize, ne: usize, kind: Option<TokenKind>) {
        let text = self.text;
        let word = &text.normalized[ns..ne];
        let start = self.start(ns);
        // a new sentence begins at this token?
        self.begin(start);
        let kind = if let Some(kind) = kind {
            kind
        } else if word.is_ascii() {
            match word.as_bytes()[0] {
                b'0'..=b'9' => TokenKind::Number,
                _ if word.bytes().any(|b| b.is_ascii_alphanumeric()) => TokenKind::Word,
                _ => TokenKind::Punct,
            }
        } else {
            let first = word.chars().next().unwrap_or(' ');
            if first.is_numeric() {
                TokenKind::Number
            } else if word.chars().any(char::is_alphanumeric) {
                TokenKind::Word
            } else {
                TokenKind::Punct
            }
        };
        let possessive = kind == TokenKind::Word && word.len() > 2 && word.ends_with("'s");
        self.push_word(ns..ne, start, kind, possessive);
    }

    #[inline]
    pub(super) fn push(&mut self, norm: Range<usize>, start: usize, kind: TokenKind) {
        let end = self.end(norm.end);
        debug_assert!(self.text.original.is_char_boundary(start) && self.text.original.is_char_boundary(end));
        // every offset fits, and the sentence index in 30 bits (see `Text::MAX_LEN`)
        self.tokens.push(Token {
            start: start as u32,
            end: end as u32,
            norm_start: norm.start as u32,
            norm_end: norm.end as u32,
            sentence_kind: self.sentence as u32 | kind.bits(),
        });
    }

    pub(super) fn close(&mut self) {
        let tokens = &self.tokens;
        let (first, last) = (self.first_token, tokens.len());
        if last > first {
            let sentence = Sentence {
                start: tokens[first].start,
                end: tokens[last - 1].end,
                first_token: first as u32,
                end_token: last as u32,
            };
            self.sentences.push(sentence);
        }
    }

    pub(super) fn finish(&mut self) {
        if self.open {
            self.close();
        }
    }
}

/// The length of the ASCII prefix of `bytes`.
pub(super) fn ascii_prefix_len(bytes: &[u8]) -> usize {
    // whole blocks first: `is_ascii` reads a machine word at a time
    const BLOCK: usize = 32;
    let mut i = 0;
    while i + BLOCK <= bytes.len() && bytes[i..i + BLOCK].is_ascii() {
        i += BLOCK;
    }
    while i < bytes.len() && bytes[i] < 0x80 {
        i += 1;
    }
    i
}

/// ASCII letters, digits and `_`: the bytes of UAX #29 words in ASCII text.
static WORDISH: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'_';
        b += 1;
    }
    table
};

/// Splits normalised ASCII text (visible characters and single spaces) into words exactly as
/// UAX #29 does within each space-free chunk: runs of letters, digits and `_`, joined across
/// `'`, `.` and `:` between letters and across `'`, `.`, `,` and `;` between digits; every other
/// character but the space alone. (Tested against `unicode-segmentation`.)
pub(super) fn ascii_words(chunk: &[u8], mut word: impl FnMut(usize, usize)) {
    let wordish = |b: u8| WORDISH[usize::from(b)];
    let n = chunk.len();
    let mut i = 0;
    while i < n {
        if !wordish(chunk[i]) {
            if chunk[i] != b' ' {
                word(i, i + 1);
            }
            i += 1;
            continue;
        }
        let s = i;
        i += 1;
        loop {
            if i < n && wordish(chunk[i]) {
                i += 1;
            } else if i + 1 < n {
                let (p, m, x) = (chunk[i - 1], chunk[i], chunk[i + 1]);
                let letters = p.is_ascii_alphabetic() && x.is_ascii_alphabetic() && matches!(m, b'\'' | b'.' | b':');
                let digits = p.is_ascii_digit() && x.is_ascii_digit() && matches!(m, b'\'' | b'.' | b',' | b';');
                if letters || digits {
                    i += 2;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        word(s, i);
    }
}
