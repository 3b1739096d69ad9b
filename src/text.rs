//! Text stage: normalisation with an exact map back to the original bytes, words and sentences.
//!
//! The matcher and the rules work on a *normalised* copy of the input: lower case, curly quotes and
//! apostrophes folded to `'` and `"`, the dash family folded to `-`, every run of white space (and
//! control characters) one space, invisible format characters (zero-width joiners, bidi controls,
//! soft hyphens) dropped, and a Latin letter followed by a combining accent composed into its
//! precomposed form (so "E\u{301}" and "É" both become "é"; see [`COMPOSE`]). Every normalised
//! byte maps back to the original, so every span reported to the user is a span of the text they
//! gave, on UTF-8 boundaries.
//!
//! # Cost
//!
//! Normalisation, sentence splitting and word splitting are each one linear pass. The offset map
//! is sparse: news text is mostly characters whose normalised form has the same length as the
//! original (ASCII letters, single spaces, most accented letters), where the map is a constant
//! shift; only the places where the shift changes (a run of spaces, a curly quote, a dropped
//! character, a composed accent) are stored, and a lookup is a binary search over them. Pure
//! ASCII runs take a byte-at-a-time fast path, and ASCII words are split by a hand-written
//! equivalent of the Unicode word rules (UAX #29), falling back to `unicode-segmentation` for
//! words with other characters.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (and possibly digits, apostrophes, hyphens inside).
    Word,
    /// Starts with a digit: `1.5`, `3,000`, `2025`.
    Number,
    /// Anything else: punctuation and symbols, one character each.
    Punct,
    /// A possessive ending split off its word: `'s` (or a bare `'` after a plural).
    Possessive,
}

/// One token: a word, number, punctuation mark or possessive ending.
///
/// Offsets are stored as `u32` to keep a token at 20 bytes (a 100 MB document has some 18
/// million tokens); the accessors return `usize`, ready for slicing. A [`Text`] holds at most
/// [`Text::MAX_LEN`] bytes, so every offset fits. (The [`Extractor`](crate::Extractor) splits
/// longer documents into parts.)
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    norm_start: u32,
    norm_end: u32,
    // the sentence index in the low 30 bits (a text has fewer than 2^30 tokens, see
    // `Text::MAX_LEN`), the kind in the high 2
    sentence_kind: u32,
}

// Tokens are the bulk of a document's memory: keep them small.
const _: () = assert!(std::mem::size_of::<Token>() <= 20);

const KIND_SHIFT: u32 = 30;
const SENTENCE_MASK: u32 = (1 << KIND_SHIFT) - 1;

impl TokenKind {
    fn bits(self) -> u32 {
        (match self {
            TokenKind::Word => 0,
            TokenKind::Number => 1,
            TokenKind::Punct => 2,
            TokenKind::Possessive => 3,
        }) << KIND_SHIFT
    }

    fn from_bits(bits: u32) -> TokenKind {
        match bits >> KIND_SHIFT {
            0 => TokenKind::Word,
            1 => TokenKind::Number,
            2 => TokenKind::Punct,
            _ => TokenKind::Possessive,
        }
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("start", &self.start())
            .field("end", &self.end())
            .field("norm", &self.norm())
            .field("sentence", &self.sentence())
            .field("kind", &self.kind())
            .finish()
    }
}

impl Token {
    /// Byte offset of the first byte in the original text.
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset just past the last byte in the original text.
    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// The token's span in the original text: `start()..end()`.
    #[inline]
    pub fn span(&self) -> Range<usize> {
        self.start()..self.end()
    }

    /// The token's span in the normalised text.
    #[inline]
    pub fn norm(&self) -> Range<usize> {
        self.norm_start as usize..self.norm_end as usize
    }

    /// Index of the sentence that holds it, into [`Text::sentences`].
    #[inline]
    pub fn sentence(&self) -> usize {
        (self.sentence_kind & SENTENCE_MASK) as usize
    }

    /// What it is.
    #[inline]
    pub fn kind(&self) -> TokenKind {
        TokenKind::from_bits(self.sentence_kind)
    }
}

/// One sentence: a run of tokens.
///
/// Like [`Token`], it stores `u32` offsets and returns `usize`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    start: u32,
    end: u32,
    first_token: u32,
    end_token: u32,
}

const _: () = assert!(std::mem::size_of::<Sentence>() <= 16);

impl Sentence {
    /// Byte offset of its first token in the original text.
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset just past its last token in the original text.
    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Its span in the original text: `start()..end()`.
    #[inline]
    pub fn span(&self) -> Range<usize> {
        self.start()..self.end()
    }

    /// Its tokens, as indices into [`Text::tokens`].
    #[inline]
    pub fn tokens(&self) -> Range<usize> {
        self.first_token as usize..self.end_token as usize
    }
}

/// A document after the text stage.
#[derive(Debug, Clone)]
pub struct Text<'a> {
    original: &'a str,
    normalized: String,
    // The sparse offset map: the groups (a normalised span and the original span it comes from)
    // where the map is not the shift carried over from the group before. Between groups, a
    // normalised offset `n` maps to `g.orig_end + (n - g.norm_end)` of the last group `g` before
    // it (or to `n` itself before the first group).
    groups: Vec<Group>,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
}

// u32 offsets: a text holds at most `Text::MAX_LEN` bytes (see there)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Group {
    norm: u32,
    norm_end: u32,
    orig: u32,
    orig_end: u32,
}

impl Group {
    fn new(norm: Range<usize>, orig: Range<usize>) -> Group {
        Group { norm: norm.start as u32, norm_end: norm.end as u32, orig: orig.start as u32, orig_end: orig.end as u32 }
    }

    fn norm(self) -> usize {
        self.norm as usize
    }

    fn norm_end(self) -> usize {
        self.norm_end as usize
    }

    fn orig(self) -> usize {
        self.orig as usize
    }

    fn orig_end(self) -> usize {
        self.orig_end as usize
    }
}

/// How one original character is written in the normalised text.
enum Fold {
    Keep(char),
    Lower,
    Space,
    Drop,
}

fn fold(c: char) -> Fold {
    match c {
        'A'..='Z' => Fold::Lower,
        c if c.is_ascii() => {
            if c.is_ascii_whitespace() || c.is_ascii_control() {
                Fold::Space
            } else {
                Fold::Keep(c)
            }
        }
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{FF07}' => Fold::Keep('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => Fold::Keep('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' | '\u{FE58}'
        | '\u{FE63}' | '\u{FF0D}' => Fold::Keep('-'),
        // zero-width and bidi controls, soft hyphen, BOM: invisible, dropped
        '\u{00AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => Fold::Drop,
        c if c.is_whitespace() || c.is_control() => Fold::Space,
        c if c.is_uppercase() => Fold::Lower,
        c => Fold::Keep(c),
    }
}

/// ASCII white space and control characters: folded into a single space.
fn is_ascii_space(b: u8) -> bool {
    b <= b' ' || b == 0x7F
}

/// Builds the normalised text and its sparse offset map in one pass.
struct Normalizer {
    out: String,
    groups: Vec<Group>,
    // a run of white space not written yet: (original start, original end)
    space: Option<(usize, usize)>,
    // the last character written: normalised start, original start and end (for composition)
    last: Option<(usize, usize, usize)>,
}

impl Normalizer {
    /// Where normalised offset `norm` maps to under the current shift.
    fn shifted(&self, norm: usize) -> usize {
        match self.groups.last() {
            Some(g) => g.orig_end() + (norm - g.norm_end()),
            None => norm,
        }
    }

    /// Records that normalised `norm..norm + norm_len` comes from `orig`, unless the current shift
    /// already says so (a character written with its own length, right where the shift puts it).
    fn align(&mut self, norm: usize, norm_len: usize, orig: Range<usize>, one_to_one: bool) {
        if !(one_to_one && norm_len == orig.len() && self.shifted(norm) == orig.start) {
            self.groups.push(Group::new(norm..norm + norm_len, orig));
        }
    }

    fn flush_space(&mut self) {
        if let Some((s, e)) = self.space.take() {
            // leading white space is dropped, like trailing white space
            if !self.out.is_empty() {
                let n = self.out.len();
                self.out.push(' ');
                self.align(n, 1, s..e, e - s == 1);
                self.last = None;
            }
        }
    }

    fn push_char(&mut self, c: char, orig: Range<usize>) {
        self.flush_space();
        let n = self.out.len();
        self.out.push(c);
        self.align(n, c.len_utf8(), orig.clone(), true);
        self.last = Some((n, orig.start, orig.end));
    }

    /// Composes a combining mark at `orig` with the character written just before it, if they
    /// are adjacent and [`COMPOSE`] knows the pair.
    fn compose(&mut self, mark: char, orig: Range<usize>) -> bool {
        let Some((n, o, e)) = self.last else { return false };
        if e != orig.start || self.space.is_some() {
            return false;
        }
        let Some(base) = self.out[n..].chars().next() else { return false };
        let Ok(i) = COMPOSE.binary_search_by(|&(b, m, _)| (b, m).cmp(&(base, mark))) else { return false };
        let composed = COMPOSE[i].2;
        self.out.truncate(n);
        self.out.push(composed);
        let norm_end = self.out.len();
        match self.groups.last_mut() {
            Some(g) if g.norm() == n => {
                g.norm_end = norm_end as u32;
                g.orig_end = orig.end as u32;
            }
            _ => self.groups.push(Group::new(n..norm_end, o..orig.end)),
        }
        self.last = Some((n, o, orig.end));
        true
    }

    fn run(original: &str) -> (String, Vec<Group>) {
        let mut z =
            Normalizer { out: String::with_capacity(original.len()), groups: Vec::new(), space: None, last: None };
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if is_ascii_space(b) {
                    z.space = Some(z.space.map_or((i, i + 1), |(s, _)| (s, i + 1)));
                    i += 1;
                    continue;
                }
                // the fast path: a run of visible ASCII and single spaces between, one byte for
                // one byte
                z.flush_space();
                let start = i;
                let n = z.out.len();
                let visible = |b: u8| b > b' ' && b < 0x7F;
                loop {
                    while i < bytes.len() && visible(bytes[i]) {
                        i += 1;
                    }
                    if i + 1 < bytes.len() && bytes[i] == b' ' && visible(bytes[i + 1]) {
                        i += 1;
                    } else {
                        break;
                    }
                }
                z.out.push_str(&original[start..i]);
                z.out[n..].make_ascii_lowercase();
                z.align(n, 1, start..start + 1, true);
                z.last = Some((z.out.len() - 1, i - 1, i));
                continue;
            }
            let Some(c) = original[i..].chars().next() else { break };
            let range = i..i + c.len_utf8();
            i = range.end;
            match fold(c) {
                Fold::Space => z.space = Some(z.space.map_or((range.start, range.end), |(s, _)| (s, range.end))),
                Fold::Drop => {}
                Fold::Keep(k) => {
                    if !(('\u{300}'..='\u{36F}').contains(&k) && z.compose(k, range.clone())) {
                        z.push_char(k, range);
                    }
                }
                Fold::Lower => {
                    let mut lower = c.to_lowercase();
                    match (lower.next(), lower.len()) {
                        (Some(l), 0) => z.push_char(l, range),
                        // several characters (U+0130 `İ` is `i` and a combining dot): one group
                        (first, _) => {
                            z.flush_space();
                            let n = z.out.len();
                            z.out.extend(first.into_iter().chain(lower));
                            let len = z.out.len() - n;
                            z.align(n, len, range, false);
                            z.last = None;
                        }
                    }
                }
            }
        }
        // the end of the normalised text maps to the end of the original (past trailing space)
        let n = z.out.len();
        if z.shifted(n) != original.len() {
            z.groups.push(Group::new(n..n, original.len()..original.len()));
        }
        (z.out, z.groups)
    }
}

impl<'a> Text<'a> {
    /// The longest text a `Text` holds, in bytes: 1 GiB.
    ///
    /// Offsets are stored as `u32`: normalising writes at most 3 bytes for every 2 (lower-casing
    /// `İ` or `Ⱥ`), so the normalised text stays under 4 GiB; and there are fewer tokens than
    /// bytes, so a sentence index takes 30 bits. The [`Extractor`](crate::Extractor) splits longer
    /// documents into parts.
    pub const MAX_LEN: usize = 1 << 30;

    /// Normalises `original`, splits it into sentences and tokens.
    ///
    /// A text longer than [`Text::MAX_LEN`] is cut at the last character boundary within it:
    /// [`original`](Text::original) is then that prefix.
    pub fn new(original: &'a str) -> Text<'a> {
        let original = &original[..floor_char_boundary(original, Text::MAX_LEN)];
        let (normalized, groups) = Normalizer::run(original);
        let mut text = Text { original, normalized, groups, tokens: Vec::new(), sentences: Vec::new() };
        text.segment();
        text
    }

    fn segment(&mut self) {
        let mut sentence_starts = sentence_starts(self.original);
        sentence_starts.push(u32::MAX);
        let mut seg = Segmenter {
            text: self,
            starts: &sentence_starts,
            // news has a token every five to six bytes and a sentence every 70 to 80: reserve
            // that much at once (growing a large vector copies it, or at best remaps it; memory
            // reserved but never written costs no physical memory)
            tokens: Vec::with_capacity(self.normalized.len() / 5 + 8),
            sentences: Vec::with_capacity(self.normalized.len() / 64 + 1),
            next_sentence: 1,
            sentence: 0,
            first_token: 0,
            open: false,
            at_or_before: 0,
            before: 0,
        };
        // words never span a space: ASCII text is split by the fast path up to the space-free
        // chunk that holds the next non-ASCII character, and that chunk by the Unicode rules
        let normalized = self.normalized.as_str();
        let bytes = normalized.as_bytes();
        let mut s = 0;
        while s < bytes.len() {
            let non_ascii = s + ascii_prefix_len(&bytes[s..]);
            let chunk = match bytes[s..non_ascii].iter().rposition(|&b| b == b' ') {
                _ if non_ascii == bytes.len() => bytes.len(),
                Some(p) => s + p + 1,
                None => s,
            };
            ascii_words(&bytes[s..chunk], |ws, we| {
                // the kind of an ASCII word is plain from its first byte
                let kind = match bytes[s + ws] {
                    b'0'..=b'9' => Some(TokenKind::Number),
                    b'a'..=b'z' | b'A'..=b'Z' => Some(TokenKind::Word),
                    b'_' => None,
                    _ => Some(TokenKind::Punct),
                };
                seg.word(s + ws, s + we, kind)
            });
            if chunk == bytes.len() {
                break;
            }
            let e = bytes[non_ascii..].iter().position(|&b| b == b' ').map_or(bytes.len(), |p| non_ascii + p);
            for (ws, w) in normalized[chunk..e].split_word_bound_indices() {
                seg.word(chunk + ws, chunk + ws + w.len(), None);
            }
            s = e + 1;
        }
        seg.finish();
        let (mut tokens, sentences) = (seg.tokens, seg.sentences);
        // a lone apostrophe right after a word ending in s is a plural possessive
        for i in 1..tokens.len() {
            let (prev, tok) = (&tokens[i - 1], &tokens[i]);
            if tok.kind() == TokenKind::Punct
                && tok.norm_end - tok.norm_start == 1
                && bytes[tok.norm_start as usize] == b'\''
                && prev.norm_end == tok.norm_start
                && prev.kind() == TokenKind::Word
                && bytes[prev.norm_end as usize - 1] == b's'
                && tokens.get(i + 1).map_or(true, |t| t.norm_start > tok.norm_end)
            {
                tokens[i].sentence_kind = tokens[i].sentence_kind & SENTENCE_MASK | TokenKind::Possessive.bits();
            }
        }
        self.tokens = tokens;
        self.sentences = sentences;
        // give back a reservation far too large (a text of long words): not a small excess,
        // since allocators keep a block that is freed whole for the next one of its size
        if self.tokens.capacity() > 2 * self.tokens.len() {
            self.tokens.shrink_to_fit();
        }
        if self.sentences.capacity() > 2 * self.sentences.len() {
            self.sentences.shrink_to_fit();
        }
    }

    /// The original text.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The normalised text.
    pub fn normalized(&self) -> &str {
        &self.normalized
    }

    /// All tokens, in order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// All sentences, in order.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// The normalised text of token `i`.
    pub fn token_text(&self, i: usize) -> &str {
        &self.normalized[self.tokens[i].norm()]
    }

    /// The original text of token `i`.
    pub fn token_original(&self, i: usize) -> &'a str {
        &self.original[self.tokens[i].span()]
    }

    /// The original offset where a span starting at normalised offset `norm` starts (always a
    /// UTF-8 boundary of the original; an offset inside a folded character maps to its start).
    pub fn to_original_start(&self, norm: usize) -> usize {
        let norm = norm.min(self.normalized.len());
        let i = self.groups.partition_point(|g| g.norm() <= norm);
        let orig = match i.checked_sub(1).map(|i| self.groups[i]) {
            None => norm,
            Some(g) if norm < g.norm_end() => return g.orig(),
            Some(g) => g.orig_end() + (norm - g.norm_end()),
        };
        let mut orig = orig.min(self.original.len());
        while !self.original.is_char_boundary(orig) {
            orig -= 1;
        }
        orig
    }

    /// The original offset where a span ending at normalised offset `norm` ends (always a UTF-8
    /// boundary of the original; an offset inside a folded character maps to its end).
    pub fn to_original_end(&self, norm: usize) -> usize {
        let norm = norm.min(self.normalized.len());
        let i = self.groups.partition_point(|g| g.norm() < norm);
        let orig = match i.checked_sub(1).map(|i| self.groups[i]) {
            None => norm,
            Some(g) if norm <= g.norm_end() => return g.orig_end(),
            Some(g) => g.orig_end() + (norm - g.norm_end()),
        };
        let mut orig = orig.min(self.original.len());
        while !self.original.is_char_boundary(orig) {
            orig += 1;
        }
        orig
    }

    /// The original span of a normalised span.
    pub fn to_original(&self, norm: Range<usize>) -> Range<usize> {
        self.to_original_start(norm.start)..self.to_original_end(norm.end)
    }

    /// The index of the first token that starts at or after normalised offset `norm`.
    pub fn token_at_or_after(&self, norm: usize) -> usize {
        self.tokens.partition_point(|t| (t.norm_start as usize) < norm)
    }
}

/// The largest character boundary of `s` at or before `i`.
pub(crate) fn floor_char_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    // a character is at most 4 bytes: the boundary is at most 3 bytes back
    (i.saturating_sub(3)..=i).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

/// Turns word spans into tokens and sentences.
struct Segmenter<'t, 'a> {
    text: &'t Text<'a>,
    starts: &'t [u32],
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
    next_sentence: usize,
    sentence: usize,
    first_token: usize,
    open: bool,
    // words come in order: cursors into the offset map instead of a binary search per word
    // (the number of groups that start at or before, and strictly before, the last offset mapped)
    at_or_before: usize,
    before: usize,
}

impl Segmenter<'_, '_> {
    /// [`Text::to_original_start`] for offsets that never decrease.
    fn start(&mut self, norm: usize) -> usize {
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
    fn end(&mut self, norm: usize) -> usize {
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

    fn word(&mut self, ns: usize, ne: usize, kind: Option<TokenKind>) {
        let text = self.text;
        let word = &text.normalized[ns..ne];
        let start = self.start(ns);
        // a new sentence begins at this token?
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
        if kind == TokenKind::Word && word.len() > 2 && word.ends_with("'s") {
            let split = ne - 2;
            self.push(ns..split, start, TokenKind::Word);
            let split_start = self.start(split);
            self.push(split..ne, split_start, TokenKind::Possessive);
        } else {
            self.push(ns..ne, start, kind);
        }
    }

    fn push(&mut self, norm: Range<usize>, start: usize, kind: TokenKind) {
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

    fn close(&mut self) {
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

    fn finish(&mut self) {
        if self.open {
            self.close();
        }
    }
}

/// The length of the ASCII prefix of `bytes`.
fn ascii_prefix_len(bytes: &[u8]) -> usize {
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

/// Splits normalised ASCII text (visible characters and single spaces) into words exactly as
/// UAX #29 does within each space-free chunk: runs of letters, digits and `_`, joined across
/// `'`, `.` and `:` between letters and across `'`, `.`, `,` and `;` between digits; every other
/// character but the space alone. (Tested against `unicode-segmentation`.)
fn ascii_words(chunk: &[u8], mut word: impl FnMut(usize, usize)) {
    let wordish = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
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

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "maj", "capt", "sgt", "sen", "rep", "gov", "pres",
    "amb", "rev", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "approx", "dept", "est",
];

/// The longest abbreviation, in bytes: no need to look further back for one.
const LONGEST_ABBREVIATION: usize = 6;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Term {
    // a full stop: may end an abbreviation, a number or an initial
    ATerm,
    // `!`, `?` and their kin: always end a sentence
    STerm,
}

/// The UAX #29 sentence terminators (the common ones of every script).
fn term(c: char) -> Option<Term> {
    match c {
        '.' | '\u{2024}' | '\u{FE52}' | '\u{FF0E}' => Some(Term::ATerm),
        '!'
        | '?'
        | '\u{0589}'
        | '\u{061F}'
        | '\u{06D4}'
        | '\u{0964}'
        | '\u{0965}'
        | '\u{1362}'
        | '\u{203C}'
        | '\u{203D}'
        | '\u{2047}'..='\u{2049}'
        | '\u{3002}'
        | '\u{FE56}'
        | '\u{FE57}'
        | '\u{FF01}'
        | '\u{FF1F}'
        | '\u{FF61}' => Some(Term::STerm),
        _ => None,
    }
}

/// UAX #29 `Close`: quotation marks and brackets that may follow a terminator.
fn is_close(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '\u{00AB}' | '\u{00BB}' | '\u{2018}'..='\u{201F}'
        | '\u{2039}' | '\u{203A}' | '\u{3008}'..='\u{3011}' | '\u{FF08}' | '\u{FF09}')
}

/// UAX #29 `SContinue`: after a terminator, these keep the sentence going.
fn is_scontinue(c: char) -> bool {
    matches!(c, ',' | '-' | ':' | ';' | '\u{2013}' | '\u{2014}' | '\u{3001}' | '\u{FF0C}' | '\u{FF1A}' | '\u{FF1B}')
}

/// Line separators: each one may start a sentence (see [`sentence_starts`]).
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}')
}

/// Byte offsets where sentences start: the Unicode sentence boundaries (UAX #29, by a
/// hand-written linear scan of its rules), except after a known abbreviation or a single-letter
/// initial, plus every line break that is not followed by a lower-case letter (headlines, captions
/// and paragraphs carry no full stop).
fn sentence_starts(text: &str) -> Vec<u32> {
    let bytes = text.as_bytes();
    // offsets fit in u32: a text holds at most `Text::MAX_LEN` bytes
    let mut starts = Vec::with_capacity(text.len() / 64 + 1);
    starts.push(0);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // only line breaks and terminators matter; skip everything else fast
        if b < 0x80 && !matches!(b, b'\n' | b'\r' | b'.' | b'!' | b'?') {
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else { break };
        {
            if is_line_break(c) {
                let mut next = i + c.len_utf8();
                if c == '\r' && bytes.get(next) == Some(&b'\n') {
                    next += 1;
                }
                if next < bytes.len() {
                    let first = text[next..].chars().find(|&c| !c.is_whitespace() || is_line_break(c));
                    if !first.is_some_and(char::is_lowercase) {
                        starts.push(next as u32);
                    }
                }
                i = next;
                continue;
            }
            if let Some(kind) = term(c) {
                i = sentence_end(text, i, kind, &mut starts);
                continue;
            }
        }
        i += c.len_utf8();
    }
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// Decides whether the terminator at `at` ends a sentence (pushing where the next one starts)
/// and returns where to scan on.
fn sentence_end(text: &str, at: usize, mut kind: Term, starts: &mut Vec<u32>) -> usize {
    let bytes = text.as_bytes();
    // a run of terminators acts as its last one
    let mut j = at;
    let mut last = at;
    let mut count = 0;
    while let Some(c) = text[j..].chars().next() {
        match term(c) {
            Some(k) => {
                kind = k;
                last = j;
                j += c.len_utf8();
                count += 1;
            }
            None => break,
        }
    }
    let after_terms = j;
    let next = text[j..].chars().next();
    if kind == Term::ATerm {
        // SB6: "1.5"; SB7: "U.S"
        if next.is_some_and(char::is_numeric) {
            return after_terms;
        }
        let prev = text[..last].chars().next_back();
        if count == 1 && prev.is_some_and(char::is_uppercase) && next.is_some_and(char::is_uppercase) {
            return after_terms;
        }
    }
    // Close* Sp*
    let mut closes = false;
    while let Some(c) = text[j..].chars().next().filter(|&c| is_close(c)) {
        closes = true;
        j += c.len_utf8();
    }
    while let Some(c) = text[j..].chars().next().filter(|&c| c.is_whitespace() && !is_line_break(c)) {
        j += c.len_utf8();
    }
    let Some(next) = text[j..].chars().next() else { return after_terms };
    // the line rule decides at line ends; SB8a: "U.S., China", "Wait?!"
    if is_line_break(next) || is_scontinue(next) || term(next).is_some() {
        return after_terms;
    }
    if kind == Term::ATerm {
        // SB8: no break before a lower-case word ("etc. and", "3 p.m. on")
        let letter = text[j..].chars().find(|&c| c.is_alphabetic() || term(c).is_some() || is_line_break(c));
        if letter.is_some_and(char::is_lowercase) {
            return after_terms;
        }
        if !closes && bytes[last] == b'.' && ends_abbreviation(&text[..last]) {
            return after_terms;
        }
    }
    starts.push(j as u32);
    after_terms
}

/// Whether `before` (the text before a full stop) ends with a known abbreviation or a
/// single-letter initial.
fn ends_abbreviation(before: &str) -> bool {
    let before = before.trim_end_matches(['.', '"', '\'', '\u{201D}', ')']);
    // look back only as far as the longest abbreviation: linear even in "a.a.a.a…"
    let mut from = before.len().saturating_sub(LONGEST_ABBREVIATION + 1);
    while !before.is_char_boundary(from) {
        from -= 1;
    }
    let tail = &before[from..];
    let separator = tail.char_indices().rev().find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"');
    let word_start = match separator {
        Some((p, c)) => p + c.len_utf8(),
        // the word reaches the start of the text
        None if from == 0 => 0,
        // the word is longer than any abbreviation
        None => return false,
    };
    let word = &tail[word_start..];
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_uppercase() => true,
        _ => ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)),
    }
}

// generated by tools/gen_compose.py from the Unicode 14.0.0 data of Python's unicodedata
#[rustfmt::skip]
const COMPOSE: [(char, char, char); 320] = [
    ('\u{61}', '\u{300}', '\u{E0}'), ('\u{61}', '\u{301}', '\u{E1}'), ('\u{61}', '\u{302}', '\u{E2}'),
    ('\u{61}', '\u{303}', '\u{E3}'), ('\u{61}', '\u{304}', '\u{101}'), ('\u{61}', '\u{306}', '\u{103}'),
    ('\u{61}', '\u{307}', '\u{227}'), ('\u{61}', '\u{308}', '\u{E4}'), ('\u{61}', '\u{309}', '\u{1EA3}'),
    ('\u{61}', '\u{30A}', '\u{E5}'), ('\u{61}', '\u{30C}', '\u{1CE}'), ('\u{61}', '\u{30F}', '\u{201}'),
    ('\u{61}', '\u{311}', '\u{203}'), ('\u{61}', '\u{323}', '\u{1EA1}'), ('\u{61}', '\u{325}', '\u{1E01}'),
    ('\u{61}', '\u{328}', '\u{105}'), ('\u{61}', '\u{340}', '\u{E0}'), ('\u{61}', '\u{341}', '\u{E1}'),
    ('\u{62}', '\u{307}', '\u{1E03}'), ('\u{62}', '\u{323}', '\u{1E05}'), ('\u{62}', '\u{331}', '\u{1E07}'),
    ('\u{63}', '\u{301}', '\u{107}'), ('\u{63}', '\u{302}', '\u{109}'), ('\u{63}', '\u{307}', '\u{10B}'),
    ('\u{63}', '\u{30C}', '\u{10D}'), ('\u{63}', '\u{327}', '\u{E7}'), ('\u{63}', '\u{341}', '\u{107}'),
    ('\u{64}', '\u{307}', '\u{1E0B}'), ('\u{64}', '\u{30C}', '\u{10F}'), ('\u{64}', '\u{323}', '\u{1E0D}'),
    ('\u{64}', '\u{327}', '\u{1E11}'), ('\u{64}', '\u{32D}', '\u{1E13}'), ('\u{64}', '\u{331}', '\u{1E0F}'),
    ('\u{65}', '\u{300}', '\u{E8}'), ('\u{65}', '\u{301}', '\u{E9}'), ('\u{65}', '\u{302}', '\u{EA}'),
    ('\u{65}', '\u{303}', '\u{1EBD}'), ('\u{65}', '\u{304}', '\u{113}'), ('\u{65}', '\u{306}', '\u{115}'),
    ('\u{65}', '\u{307}', '\u{117}'), ('\u{65}', '\u{308}', '\u{EB}'), ('\u{65}', '\u{309}', '\u{1EBB}'),
    ('\u{65}', '\u{30C}', '\u{11B}'), ('\u{65}', '\u{30F}', '\u{205}'), ('\u{65}', '\u{311}', '\u{207}'),
    ('\u{65}', '\u{323}', '\u{1EB9}'), ('\u{65}', '\u{327}', '\u{229}'), ('\u{65}', '\u{328}', '\u{119}'),
    ('\u{65}', '\u{32D}', '\u{1E19}'), ('\u{65}', '\u{330}', '\u{1E1B}'), ('\u{65}', '\u{340}', '\u{E8}'),
    ('\u{65}', '\u{341}', '\u{E9}'), ('\u{66}', '\u{307}', '\u{1E1F}'), ('\u{67}', '\u{301}', '\u{1F5}'),
    ('\u{67}', '\u{302}', '\u{11D}'), ('\u{67}', '\u{304}', '\u{1E21}'), ('\u{67}', '\u{306}', '\u{11F}'),
    ('\u{67}', '\u{307}', '\u{121}'), ('\u{67}', '\u{30C}', '\u{1E7}'), ('\u{67}', '\u{327}', '\u{123}'),
    ('\u{67}', '\u{341}', '\u{1F5}'), ('\u{68}', '\u{302}', '\u{125}'), ('\u{68}', '\u{307}', '\u{1E23}'),
    ('\u{68}', '\u{308}', '\u{1E27}'), ('\u{68}', '\u{30C}', '\u{21F}'), ('\u{68}', '\u{323}', '\u{1E25}'),
    ('\u{68}', '\u{327}', '\u{1E29}'), ('\u{68}', '\u{32E}', '\u{1E2B}'), ('\u{68}', '\u{331}', '\u{1E96}'),
    ('\u{69}', '\u{300}', '\u{EC}'), ('\u{69}', '\u{301}', '\u{ED}'), ('\u{69}', '\u{302}', '\u{EE}'),
    ('\u{69}', '\u{303}', '\u{129}'), ('\u{69}', '\u{304}', '\u{12B}'), ('\u{69}', '\u{306}', '\u{12D}'),
    ('\u{69}', '\u{308}', '\u{EF}'), ('\u{69}', '\u{309}', '\u{1EC9}'), ('\u{69}', '\u{30C}', '\u{1D0}'),
    ('\u{69}', '\u{30F}', '\u{209}'), ('\u{69}', '\u{311}', '\u{20B}'), ('\u{69}', '\u{323}', '\u{1ECB}'),
    ('\u{69}', '\u{328}', '\u{12F}'), ('\u{69}', '\u{330}', '\u{1E2D}'), ('\u{69}', '\u{340}', '\u{EC}'),
    ('\u{69}', '\u{341}', '\u{ED}'), ('\u{69}', '\u{344}', '\u{1E2F}'), ('\u{6A}', '\u{302}', '\u{135}'),
    ('\u{6A}', '\u{30C}', '\u{1F0}'), ('\u{6B}', '\u{301}', '\u{1E31}'), ('\u{6B}', '\u{30C}', '\u{1E9}'),
    ('\u{6B}', '\u{323}', '\u{1E33}'), ('\u{6B}', '\u{327}', '\u{137}'), ('\u{6B}', '\u{331}', '\u{1E35}'),
    ('\u{6B}', '\u{341}', '\u{1E31}'), ('\u{6C}', '\u{301}', '\u{13A}'), ('\u{6C}', '\u{30C}', '\u{13E}'),
    ('\u{6C}', '\u{323}', '\u{1E37}'), ('\u{6C}', '\u{327}', '\u{13C}'), ('\u{6C}', '\u{32D}', '\u{1E3D}'),
    ('\u{6C}', '\u{331}', '\u{1E3B}'), ('\u{6C}', '\u{341}', '\u{13A}'), ('\u{6D}', '\u{301}', '\u{1E3F}'),
    ('\u{6D}', '\u{307}', '\u{1E41}'), ('\u{6D}', '\u{323}', '\u{1E43}'), ('\u{6D}', '\u{341}', '\u{1E3F}'),
    ('\u{6E}', '\u{300}', '\u{1F9}'), ('\u{6E}', '\u{301}', '\u{144}'), ('\u{6E}', '\u{303}', '\u{F1}'),
    ('\u{6E}', '\u{307}', '\u{1E45}'), ('\u{6E}', '\u{30C}', '\u{148}'), ('\u{6E}', '\u{323}', '\u{1E47}'),
    ('\u{6E}', '\u{327}', '\u{146}'), ('\u{6E}', '\u{32D}', '\u{1E4B}'), ('\u{6E}', '\u{331}', '\u{1E49}'),
    ('\u{6E}', '\u{340}', '\u{1F9}'), ('\u{6E}', '\u{341}', '\u{144}'), ('\u{6F}', '\u{300}', '\u{F2}'),
    ('\u{6F}', '\u{301}', '\u{F3}'), ('\u{6F}', '\u{302}', '\u{F4}'), ('\u{6F}', '\u{303}', '\u{F5}'),
    ('\u{6F}', '\u{304}', '\u{14D}'), ('\u{6F}', '\u{306}', '\u{14F}'), ('\u{6F}', '\u{307}', '\u{22F}'),
    ('\u{6F}', '\u{308}', '\u{F6}'), ('\u{6F}', '\u{309}', '\u{1ECF}'), ('\u{6F}', '\u{30B}', '\u{151}'),
    ('\u{6F}', '\u{30C}', '\u{1D2}'), ('\u{6F}', '\u{30F}', '\u{20D}'), ('\u{6F}', '\u{311}', '\u{20F}'),
    ('\u{6F}', '\u{31B}', '\u{1A1}'), ('\u{6F}', '\u{323}', '\u{1ECD}'), ('\u{6F}', '\u{328}', '\u{1EB}'),
    ('\u{6F}', '\u{340}', '\u{F2}'), ('\u{6F}', '\u{341}', '\u{F3}'), ('\u{70}', '\u{301}', '\u{1E55}'),
    ('\u{70}', '\u{307}', '\u{1E57}'), ('\u{70}', '\u{341}', '\u{1E55}'), ('\u{72}', '\u{301}', '\u{155}'),
    ('\u{72}', '\u{307}', '\u{1E59}'), ('\u{72}', '\u{30C}', '\u{159}'), ('\u{72}', '\u{30F}', '\u{211}'),
    ('\u{72}', '\u{311}', '\u{213}'), ('\u{72}', '\u{323}', '\u{1E5B}'), ('\u{72}', '\u{327}', '\u{157}'),
    ('\u{72}', '\u{331}', '\u{1E5F}'), ('\u{72}', '\u{341}', '\u{155}'), ('\u{73}', '\u{301}', '\u{15B}'),
    ('\u{73}', '\u{302}', '\u{15D}'), ('\u{73}', '\u{307}', '\u{1E61}'), ('\u{73}', '\u{30C}', '\u{161}'),
    ('\u{73}', '\u{323}', '\u{1E63}'), ('\u{73}', '\u{326}', '\u{219}'), ('\u{73}', '\u{327}', '\u{15F}'),
    ('\u{73}', '\u{341}', '\u{15B}'), ('\u{74}', '\u{307}', '\u{1E6B}'), ('\u{74}', '\u{308}', '\u{1E97}'),
    ('\u{74}', '\u{30C}', '\u{165}'), ('\u{74}', '\u{323}', '\u{1E6D}'), ('\u{74}', '\u{326}', '\u{21B}'),
    ('\u{74}', '\u{327}', '\u{163}'), ('\u{74}', '\u{32D}', '\u{1E71}'), ('\u{74}', '\u{331}', '\u{1E6F}'),
    ('\u{75}', '\u{300}', '\u{F9}'), ('\u{75}', '\u{301}', '\u{FA}'), ('\u{75}', '\u{302}', '\u{FB}'),
    ('\u{75}', '\u{303}', '\u{169}'), ('\u{75}', '\u{304}', '\u{16B}'), ('\u{75}', '\u{306}', '\u{16D}'),
    ('\u{75}', '\u{308}', '\u{FC}'), ('\u{75}', '\u{309}', '\u{1EE7}'), ('\u{75}', '\u{30A}', '\u{16F}'),
    ('\u{75}', '\u{30B}', '\u{171}'), ('\u{75}', '\u{30C}', '\u{1D4}'), ('\u{75}', '\u{30F}', '\u{215}'),
    ('\u{75}', '\u{311}', '\u{217}'), ('\u{75}', '\u{31B}', '\u{1B0}'), ('\u{75}', '\u{323}', '\u{1EE5}'),
    ('\u{75}', '\u{324}', '\u{1E73}'), ('\u{75}', '\u{328}', '\u{173}'), ('\u{75}', '\u{32D}', '\u{1E77}'),
    ('\u{75}', '\u{330}', '\u{1E75}'), ('\u{75}', '\u{340}', '\u{F9}'), ('\u{75}', '\u{341}', '\u{FA}'),
    ('\u{75}', '\u{344}', '\u{1D8}'), ('\u{76}', '\u{303}', '\u{1E7D}'), ('\u{76}', '\u{323}', '\u{1E7F}'),
    ('\u{77}', '\u{300}', '\u{1E81}'), ('\u{77}', '\u{301}', '\u{1E83}'), ('\u{77}', '\u{302}', '\u{175}'),
    ('\u{77}', '\u{307}', '\u{1E87}'), ('\u{77}', '\u{308}', '\u{1E85}'), ('\u{77}', '\u{30A}', '\u{1E98}'),
    ('\u{77}', '\u{323}', '\u{1E89}'), ('\u{77}', '\u{340}', '\u{1E81}'), ('\u{77}', '\u{341}', '\u{1E83}'),
    ('\u{78}', '\u{307}', '\u{1E8B}'), ('\u{78}', '\u{308}', '\u{1E8D}'), ('\u{79}', '\u{300}', '\u{1EF3}'),
    ('\u{79}', '\u{301}', '\u{FD}'), ('\u{79}', '\u{302}', '\u{177}'), ('\u{79}', '\u{303}', '\u{1EF9}'),
    ('\u{79}', '\u{304}', '\u{233}'), ('\u{79}', '\u{307}', '\u{1E8F}'), ('\u{79}', '\u{308}', '\u{FF}'),
    ('\u{79}', '\u{309}', '\u{1EF7}'), ('\u{79}', '\u{30A}', '\u{1E99}'), ('\u{79}', '\u{323}', '\u{1EF5}'),
    ('\u{79}', '\u{340}', '\u{1EF3}'), ('\u{79}', '\u{341}', '\u{FD}'), ('\u{7A}', '\u{301}', '\u{17A}'),
    ('\u{7A}', '\u{302}', '\u{1E91}'), ('\u{7A}', '\u{307}', '\u{17C}'), ('\u{7A}', '\u{30C}', '\u{17E}'),
    ('\u{7A}', '\u{323}', '\u{1E93}'), ('\u{7A}', '\u{331}', '\u{1E95}'), ('\u{7A}', '\u{341}', '\u{17A}'),
    ('\u{E2}', '\u{300}', '\u{1EA7}'), ('\u{E2}', '\u{301}', '\u{1EA5}'), ('\u{E2}', '\u{303}', '\u{1EAB}'),
    ('\u{E2}', '\u{309}', '\u{1EA9}'), ('\u{E2}', '\u{323}', '\u{1EAD}'), ('\u{E2}', '\u{340}', '\u{1EA7}'),
    ('\u{E2}', '\u{341}', '\u{1EA5}'), ('\u{E4}', '\u{304}', '\u{1DF}'), ('\u{E5}', '\u{301}', '\u{1FB}'),
    ('\u{E5}', '\u{341}', '\u{1FB}'), ('\u{E6}', '\u{301}', '\u{1FD}'), ('\u{E6}', '\u{304}', '\u{1E3}'),
    ('\u{E6}', '\u{341}', '\u{1FD}'), ('\u{E7}', '\u{301}', '\u{1E09}'), ('\u{E7}', '\u{341}', '\u{1E09}'),
    ('\u{EA}', '\u{300}', '\u{1EC1}'), ('\u{EA}', '\u{301}', '\u{1EBF}'), ('\u{EA}', '\u{303}', '\u{1EC5}'),
    ('\u{EA}', '\u{309}', '\u{1EC3}'), ('\u{EA}', '\u{323}', '\u{1EC7}'), ('\u{EA}', '\u{340}', '\u{1EC1}'),
    ('\u{EA}', '\u{341}', '\u{1EBF}'), ('\u{EF}', '\u{301}', '\u{1E2F}'), ('\u{EF}', '\u{341}', '\u{1E2F}'),
    ('\u{F2}', '\u{31B}', '\u{1EDD}'), ('\u{F3}', '\u{31B}', '\u{1EDB}'), ('\u{F4}', '\u{300}', '\u{1ED3}'),
    ('\u{F4}', '\u{301}', '\u{1ED1}'), ('\u{F4}', '\u{303}', '\u{1ED7}'), ('\u{F4}', '\u{309}', '\u{1ED5}'),
    ('\u{F4}', '\u{323}', '\u{1ED9}'), ('\u{F4}', '\u{340}', '\u{1ED3}'), ('\u{F4}', '\u{341}', '\u{1ED1}'),
    ('\u{F5}', '\u{301}', '\u{1E4D}'), ('\u{F5}', '\u{304}', '\u{22D}'), ('\u{F5}', '\u{308}', '\u{1E4F}'),
    ('\u{F5}', '\u{31B}', '\u{1EE1}'), ('\u{F5}', '\u{341}', '\u{1E4D}'), ('\u{F6}', '\u{304}', '\u{22B}'),
    ('\u{F8}', '\u{301}', '\u{1FF}'), ('\u{F8}', '\u{341}', '\u{1FF}'), ('\u{F9}', '\u{31B}', '\u{1EEB}'),
    ('\u{FA}', '\u{31B}', '\u{1EE9}'), ('\u{FC}', '\u{300}', '\u{1DC}'), ('\u{FC}', '\u{301}', '\u{1D8}'),
    ('\u{FC}', '\u{304}', '\u{1D6}'), ('\u{FC}', '\u{30C}', '\u{1DA}'), ('\u{FC}', '\u{340}', '\u{1DC}'),
    ('\u{FC}', '\u{341}', '\u{1D8}'), ('\u{103}', '\u{300}', '\u{1EB1}'), ('\u{103}', '\u{301}', '\u{1EAF}'),
    ('\u{103}', '\u{303}', '\u{1EB5}'), ('\u{103}', '\u{309}', '\u{1EB3}'), ('\u{103}', '\u{323}', '\u{1EB7}'),
    ('\u{103}', '\u{340}', '\u{1EB1}'), ('\u{103}', '\u{341}', '\u{1EAF}'), ('\u{107}', '\u{327}', '\u{1E09}'),
    ('\u{113}', '\u{300}', '\u{1E15}'), ('\u{113}', '\u{301}', '\u{1E17}'), ('\u{113}', '\u{340}', '\u{1E15}'),
    ('\u{113}', '\u{341}', '\u{1E17}'), ('\u{115}', '\u{327}', '\u{1E1D}'), ('\u{14D}', '\u{300}', '\u{1E51}'),
    ('\u{14D}', '\u{301}', '\u{1E53}'), ('\u{14D}', '\u{328}', '\u{1ED}'), ('\u{14D}', '\u{340}', '\u{1E51}'),
    ('\u{14D}', '\u{341}', '\u{1E53}'), ('\u{15B}', '\u{307}', '\u{1E65}'), ('\u{161}', '\u{307}', '\u{1E67}'),
    ('\u{169}', '\u{301}', '\u{1E79}'), ('\u{169}', '\u{31B}', '\u{1EEF}'), ('\u{169}', '\u{341}', '\u{1E79}'),
    ('\u{16B}', '\u{308}', '\u{1E7B}'), ('\u{17F}', '\u{307}', '\u{1E9B}'), ('\u{1A1}', '\u{300}', '\u{1EDD}'),
    ('\u{1A1}', '\u{301}', '\u{1EDB}'), ('\u{1A1}', '\u{303}', '\u{1EE1}'), ('\u{1A1}', '\u{309}', '\u{1EDF}'),
    ('\u{1A1}', '\u{323}', '\u{1EE3}'), ('\u{1A1}', '\u{340}', '\u{1EDD}'), ('\u{1A1}', '\u{341}', '\u{1EDB}'),
    ('\u{1B0}', '\u{300}', '\u{1EEB}'), ('\u{1B0}', '\u{301}', '\u{1EE9}'), ('\u{1B0}', '\u{303}', '\u{1EEF}'),
    ('\u{1B0}', '\u{309}', '\u{1EED}'), ('\u{1B0}', '\u{323}', '\u{1EF1}'), ('\u{1B0}', '\u{340}', '\u{1EEB}'),
    ('\u{1B0}', '\u{341}', '\u{1EE9}'), ('\u{1EB}', '\u{304}', '\u{1ED}'), ('\u{227}', '\u{304}', '\u{1E1}'),
    ('\u{229}', '\u{306}', '\u{1E1D}'), ('\u{22F}', '\u{304}', '\u{231}'), ('\u{1E37}', '\u{304}', '\u{1E39}'),
    ('\u{1E5B}', '\u{304}', '\u{1E5D}'), ('\u{1E61}', '\u{323}', '\u{1E69}'), ('\u{1E63}', '\u{307}', '\u{1E69}'),
    ('\u{1EA1}', '\u{302}', '\u{1EAD}'), ('\u{1EA1}', '\u{306}', '\u{1EB7}'), ('\u{1EB9}', '\u{302}', '\u{1EC7}'),
    ('\u{1ECD}', '\u{302}', '\u{1ED9}'), ('\u{1ECD}', '\u{31B}', '\u{1EE3}'), ('\u{1ECF}', '\u{31B}', '\u{1EDF}'),
    ('\u{1EE5}', '\u{31B}', '\u{1EF1}'), ('\u{1EE7}', '\u{31B}', '\u{1EED}'),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &Text<'_>) -> Vec<String> {
        (0..t.tokens().len()).map(|i| t.token_text(i).to_string()).collect()
    }

    fn sentences(src: &str) -> Vec<&str> {
        let t = Text::new(src);
        t.sentences().iter().map(|s| &src[s.span()]).collect()
    }

    #[test]
    fn folds_case_quotes_dashes_and_space() {
        let t = Text::new("China\u{2019}s  Xi \u{2013} \u{201C}Peace\u{201D}\r\n");
        assert_eq!(t.normalized(), "china's xi - \"peace\"");
        assert_eq!(words(&t), ["china", "'s", "xi", "-", "\"", "peace", "\""]);
        let tok = &t.tokens()[0];
        assert_eq!(&t.original()[tok.span()], "China");
        let tok = &t.tokens()[1];
        assert_eq!(&t.original()[tok.span()], "\u{2019}s");
        assert_eq!(t.tokens()[1].kind(), TokenKind::Possessive);
    }

    #[test]
    fn offsets_survive_dropped_and_multibyte_characters() {
        let src = "A\u{200D}\u{202E}b É\u{301}t\u{0130}x";
        let t = Text::new(src);
        for tok in t.tokens() {
            assert!(src.is_char_boundary(tok.start()) && src.is_char_boundary(tok.end()));
        }
        let last = t.tokens().last().unwrap();
        assert!(src[last.span()].ends_with('x'));
    }

    #[test]
    fn every_normalised_offset_maps_to_a_boundary_in_order() {
        for src in [
            "  \u{200B}Ab\u{2019}c  d\u{00A0}\u{00A0}e\u{0301}f\u{0130}g\u{FEFF}h \u{201C}i\u{201D}\t\n",
            "\u{0130}\u{0130}x\u{2014}\u{2014}y",
            "é\u{301}\u{301}  z",
            "",
            "   ",
        ] {
            let t = Text::new(src);
            let n = t.normalized().len();
            let (mut last_start, mut last_end) = (0, 0);
            for i in 0..=n {
                let (s, e) = (t.to_original_start(i), t.to_original_end(i));
                assert!(src.is_char_boundary(s) && src.is_char_boundary(e), "{src:?} at {i}");
                assert!(s >= last_start && e >= last_end, "{src:?} at {i}");
                (last_start, last_end) = (s, e);
            }
            assert_eq!(t.to_original_start(n), src.len());
            assert_eq!(t.to_original_end(0), 0);
            for (i, tok) in t.tokens().iter().enumerate() {
                assert_eq!(Text::new(&src[tok.span()]).normalized(), t.token_text(i), "{src:?}");
            }
        }
    }

    #[test]
    fn spans_map_exactly_around_folded_characters() {
        let src = "x \u{201C}Iran\u{201D}\u{00A0}\u{00A0}and  \u{200B}Chad";
        let t = Text::new(src);
        assert_eq!(t.normalized(), "x \"iran\" and chad");
        let span = |s: &str| {
            let i = t.normalized().find(s).unwrap();
            &src[t.to_original(i..i + s.len())]
        };
        assert_eq!(span("iran"), "Iran");
        assert_eq!(span("\"iran\""), "\u{201C}Iran\u{201D}");
        assert_eq!(span("and"), "and");
        assert_eq!(span("chad"), "Chad");
        assert_eq!(span("\" and"), "\u{201D}\u{00A0}\u{00A0}and");
    }

    #[test]
    fn combining_accents_compose_so_both_spellings_match() {
        let composed = Text::new("Andr\u{e9} Sall\u{e9}");
        let decomposed = Text::new("ANDRE\u{301} Salle\u{301}");
        assert_eq!(composed.normalized(), decomposed.normalized());
        assert_eq!(decomposed.token_original(0), "ANDRE\u{301}");
        // two marks: e, dot below, circumflex is one letter
        assert_eq!(Text::new("Vie\u{323}\u{302}t").normalized(), "vi\u{1EC7}t");
        // a mark after a space stays where it is
        assert_eq!(Text::new("a \u{301}b").normalized(), "a \u{301}b");
    }

    #[test]
    fn ascii_words_agree_with_unicode_segmentation() {
        // a small deterministic generator over the characters the rules care about
        let alphabet = b"ab1_.:',;-!\"Z9 ";
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            let mut s = Vec::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 12) as usize + 1;
            let mut x = seed;
            for _ in 0..len {
                s.push(alphabet[(x % alphabet.len() as u64) as usize]);
                x /= alphabet.len() as u64;
                if x == 0 {
                    x = seed.rotate_left(17) | 1;
                }
            }
            let s = String::from_utf8(s).unwrap();
            let mut ours = Vec::new();
            ascii_words(s.as_bytes(), |a, b| ours.push(&s[a..b]));
            let theirs: Vec<&str> = s.split_word_bounds().filter(|w| !w.starts_with(' ')).collect();
            assert_eq!(ours, theirs, "{s:?}");
        }
    }

    #[test]
    fn ascii_prefixes_and_words_next_to_other_characters() {
        let long = "a".repeat(70);
        assert_eq!(ascii_prefix_len(format!("{long}\u{e9}").as_bytes()), 70);
        assert_eq!(ascii_prefix_len(long.as_bytes()), 70);
        assert_eq!(ascii_prefix_len("\u{e9}a".as_bytes()), 0);
        let t = Text::new("Caf\u{e9} talks: S\u{e3}o Paulo, 3.5 percent. na\u{ef}ve x.y \u{201c}z\u{201d}");
        assert_eq!(
            words(&t),
            [
                "caf\u{e9}",
                "talks",
                ":",
                "s\u{e3}o",
                "paulo",
                ",",
                "3.5",
                "percent",
                ".",
                "na\u{ef}ve",
                "x.y",
                "\"",
                "z",
                "\""
            ]
        );
    }

    #[test]
    fn sentences_split_on_full_stops_and_lines_but_not_abbreviations() {
        assert_eq!(
            sentences("Mr. Xi met Dr. Smith in the U.S. on Monday. Then he left.\nA headline\nand a wrapped line"),
            ["Mr. Xi met Dr. Smith in the U.S. on Monday.", "Then he left.", "A headline\nand a wrapped line"]
        );
    }

    #[test]
    fn sentence_rules_for_numbers_initials_quotes_and_other_terminators() {
        assert_eq!(sentences("It rose 1.5 percent. It fell."), ["It rose 1.5 percent.", "It fell."]);
        assert_eq!(sentences("John F. Kennedy spoke. Then?! Yes."), ["John F. Kennedy spoke.", "Then?!", "Yes."]);
        assert_eq!(sentences("\"We agree.\" Then they left."), ["\"We agree.\"", "Then they left."]);
        assert_eq!(sentences("talks etc. and more. Done"), ["talks etc. and more.", "Done"]);
        assert_eq!(sentences("the U.S., China and others"), ["the U.S., China and others"]);
        assert_eq!(sentences("Line one.\r\nLine two"), ["Line one.", "Line two"]);
        assert_eq!(
            sentences("\u{5317}\u{4EAC}\u{3002}\u{4E0A}\u{6D77}"),
            ["\u{5317}\u{4EAC}\u{3002}", "\u{4E0A}\u{6D77}"]
        );
    }

    #[test]
    fn plural_possessive() {
        let t = Text::new("the US' tariff and the leaders' talks");
        let kinds: Vec<TokenKind> = t.tokens().iter().map(|t| t.kind()).collect();
        assert_eq!(kinds[2], TokenKind::Possessive);
        assert_eq!(kinds[7], TokenKind::Possessive);
    }

    #[test]
    fn packed_tokens_keep_kind_and_sentence() {
        let t = Text::new("Xi's 3 talks. The leaders' deal!\nA second line. And a third, with 2 numbers.");
        let kinds: Vec<TokenKind> = t.tokens().iter().map(Token::kind).collect();
        use TokenKind::*;
        assert_eq!(kinds[..7], [Word, Possessive, Number, Word, Punct, Word, Word]);
        assert_eq!(kinds[7], Possessive);
        assert_eq!(t.sentences().len(), 4);
        for (s, sentence) in t.sentences().iter().enumerate() {
            for i in sentence.tokens() {
                assert_eq!(t.tokens()[i].sentence(), s);
                assert_eq!(t.tokens()[i].span(), t.tokens()[i].start()..t.tokens()[i].end());
            }
        }
        let debug = format!("{:?}", t.tokens()[7]);
        assert!(debug.contains("kind: Possessive") && debug.contains("sentence: 1"), "{debug}");
    }

    #[test]
    fn char_boundaries_round_down() {
        let s = "a\u{e9}\u{20ac}";
        assert_eq!([0, 1, 2, 3, 4, 5, 6, 7].map(|i| floor_char_boundary(s, i)), [0, 1, 1, 3, 3, 3, 6, 6]);
    }

    #[test]
    fn empty_and_blank_inputs() {
        assert!(Text::new("").tokens().is_empty());
        assert!(Text::new(" \n\t ").sentences().is_empty());
        assert_eq!(Text::new(" \n\t ").to_original_start(0), 4);
    }

    #[test]
    fn the_offset_map_stays_sparse_on_plain_text() {
        let t =
            Text::new("Kazakh President Kassym-Jomart Tokayev met Xi in Astana. Talks went well.\n\nNext paragraph.");
        // one group for the paragraph break, none for the single spaces and ASCII words
        assert_eq!(t.groups.len(), 1);
    }
}
