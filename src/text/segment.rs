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
    // the stretch of the normalised text between two groups of the map that the last word mapped
    // by the cursors ended in, `lo..=hi`, where an offset maps to itself plus `shift` (wrapping):
    // most words lie in one, and map with an add instead of the cursors
    pub(super) stretch: Stretch,
    // tokens that are a lone apostrophe, which may be a plural possessive (see `finish`)
    pub(super) apostrophes: Vec<usize>,
}

/// A stretch of the normalised text between two groups of the offset map (see
/// [`Segmenter::stretch`]).
#[derive(Clone, Copy)]
pub(super) struct Stretch {
    lo: usize,
    hi: usize,
    shift: usize,
}

impl Stretch {
    /// The stretch before the first group: offsets map to themselves.
    pub(super) fn first(groups: &[Group]) -> Stretch {
        Stretch { lo: 0, hi: groups.first().map_or(usize::MAX, |g| g.norm()), shift: 0 }
    }

    /// Whether the normalised span `ns..ne` lies in the stretch.
    #[inline(always)]
    fn holds(self, ns: usize, ne: usize) -> bool {
        ns >= self.lo && ne <= self.hi
    }

    /// The original offset of normalised offset `norm` in the stretch.
    #[inline(always)]
    fn map(self, norm: usize) -> usize {
        norm.wrapping_add(self.shift)
    }
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
        let possessive = kind == TokenKind::Word && ne - ns > 2 && bytes[ne - 2] == b'\'' && bytes[ne - 1] == b's';
        let stretch = self.stretch;
        if !stretch.holds(ns, ne) {
            let start = self.start(ns);
            self.begin(start);
            self.push_word(ns..ne, start, kind, possessive);
            self.restretch();
            return;
        }
        let start = stretch.map(ns);
        self.begin(start);
        if possessive {
            let split = ne - 2;
            self.push_mapped(ns..split, start, stretch.map(split), TokenKind::Word);
            self.push_mapped(split..ne, stretch.map(split), stretch.map(ne), TokenKind::Possessive);
        } else {
            self.push_mapped(ns..ne, start, stretch.map(ne), kind);
        }
    }

    /// Sets the stretch to the one after the last group that starts before the last offset
    /// [`Segmenter::end`] mapped.
    #[cold]
    fn restretch(&mut self) {
        let groups = &self.text.groups;
        let hi = groups.get(self.before).map_or(usize::MAX, |g| g.norm());
        self.stretch = match self.before.checked_sub(1).map(|i| groups[i]) {
            Some(g) => Stretch { lo: g.norm_end(), hi, shift: g.orig_end().wrapping_sub(g.norm_end()) },
            None => Stretch { lo: 0, hi, shift: 0 },
        };
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
        self.push_mapped(norm, start, end, kind);
    }

    /// Pushes a token whose original span `start..end` is known.
    #[inline(always)]
    fn push_mapped(&mut self, norm: Range<usize>, start: usize, end: usize, kind: TokenKind) {
        debug_assert_eq!((start, end), (self.text.to_original_start(norm.start), self.text.to_original_end(norm.end)));
        if kind == TokenKind::Punct && &self.text.normalized.as_bytes()[norm.clone()] == b"'" {
            self.apostrophes.push(self.tokens.len());
        }
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

/// Where [`ascii_words`] puts the words it finds: a trait, not a closure, so that the work per
/// word is inlined into the loop that finds them (a closure there was left a call per word).
pub(super) trait Words {
    /// The word `start..end` of the chunk.
    fn word(&mut self, start: usize, end: usize);
}

impl<F: FnMut(usize, usize)> Words for F {
    fn word(&mut self, start: usize, end: usize) {
        self(start, end)
    }
}

/// The words of an ASCII chunk of the normalised text (`bytes`) that starts at `at`, made tokens.
///
/// The common word (inside the current stretch of the offset map, no possessive, no lone
/// apostrophe) is pushed here from copies of the segmenter's state kept in
/// locals, which stay in registers through the loop of [`ascii_words`]; every other word goes
/// the general way, [`Segmenter::ascii_word`], after which the copies are taken afresh.
pub(super) struct AsciiChunk<'s, 't, 'a> {
    seg: &'s mut Segmenter<'t, 'a>,
    bytes: &'s [u8],
    at: usize,
    // the segmenter's tokens, moved here for the chunk
    tokens: Vec<Token>,
    // the segmenter's stretch
    lo: usize,
    hi: usize,
    shift: usize,
    // where the next sentence starts (original offset; 0 while none is open, which has the next
    // word open one), and the current one's index
    next_start: usize,
    sentence: u32,
}

impl<'s, 't, 'a> AsciiChunk<'s, 't, 'a> {
    pub(super) fn new(seg: &'s mut Segmenter<'t, 'a>, bytes: &'s [u8], at: usize) -> AsciiChunk<'s, 't, 'a> {
        let tokens = std::mem::take(&mut seg.tokens);
        let mut chunk = AsciiChunk { seg, bytes, at, tokens, lo: 0, hi: 0, shift: 0, next_start: 0, sentence: 0 };
        chunk.load();
        chunk
    }

    /// Takes the copies of the segmenter's state afresh.
    #[inline(always)]
    fn load(&mut self) {
        let seg = &*self.seg;
        (self.lo, self.hi, self.shift) = (seg.stretch.lo, seg.stretch.hi, seg.stretch.shift);
        self.next_start = if seg.open { seg.starts[seg.next_sentence] as usize } else { 0 };
        // the sentence index fits in 30 bits (see `Text::MAX_LEN`)
        self.sentence = seg.sentence as u32;
    }

    /// Gives the tokens back to the segmenter.
    pub(super) fn finish(self) {
        self.seg.tokens = self.tokens;
    }

    /// Opens the sentence that begins at original offset `start` (or the first one).
    #[cold]
    #[inline(never)]
    fn begin(&mut self, start: usize) {
        self.seg.tokens = std::mem::take(&mut self.tokens);
        self.seg.begin(start);
        self.tokens = std::mem::take(&mut self.seg.tokens);
        self.load();
    }

    /// A word the common way does not take: the segmenter's own way.
    #[cold]
    #[inline(never)]
    fn general(&mut self, ns: usize, ne: usize, kind: Option<TokenKind>) {
        self.seg.tokens = std::mem::take(&mut self.tokens);
        match kind {
            Some(kind) => self.seg.ascii_word(self.bytes, ns, ne, kind),
            None => self.seg.word(ns, ne, None),
        }
        self.tokens = std::mem::take(&mut self.seg.tokens);
        self.load();
    }
}

impl Words for AsciiChunk<'_, '_, '_> {
    #[inline(always)]
    fn word(&mut self, start: usize, end: usize) {
        let (ns, ne) = (self.at + start, self.at + end);
        let bytes = self.bytes;
        // the kind of an ASCII word is plain from its first byte
        let (kind, plain) = match bytes[ns] {
            b'0'..=b'9' => (TokenKind::Number, true),
            b'a'..=b'z' | b'A'..=b'Z' => {
                (TokenKind::Word, ne - ns <= 2 || bytes[ne - 2] != b'\'' || bytes[ne - 1] != b's')
            }
            b'_' => return self.general(ns, ne, None),
            b'\'' => (TokenKind::Punct, ne - ns != 1),
            _ => (TokenKind::Punct, true),
        };
        // in the stretch, where an offset maps by adding `shift`, and in the open sentence
        let start = ns.wrapping_add(self.shift);
        if plain && ns >= self.lo && ne <= self.hi {
            if start >= self.next_start {
                self.begin(start);
            }
            let text = self.seg.text;
            debug_assert_eq!(
                (start, ne.wrapping_add(self.shift)),
                (text.to_original_start(ns), text.to_original_end(ne))
            );
            // every offset fits, and the sentence index in 30 bits (see `Text::MAX_LEN`)
            self.tokens.push(Token {
                start: start as u32,
                end: ne.wrapping_add(self.shift) as u32,
                norm_start: ns as u32,
                norm_end: ne as u32,
                sentence_kind: self.sentence | kind.bits(),
            });
        } else {
            self.general(ns, ne, Some(kind));
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

/// The bytes that join the runs of a word when letters or digits are on both sides: `'`, `.`,
/// `:`, `,` and `;`.
static JOINS: [bool; 256] = super::byte_flags(b"'.:,;", 256);

/// The high bit of each byte of `x` (eight ASCII bytes) that is a lower-case ASCII letter.
#[inline(always)]
fn lower_case_letters(x: u64) -> u64 {
    // bytes below 0x80: adding never carries into the next byte
    let at_least_a = x.wrapping_add(ONES * (0x80 - u64::from(b'a')));
    let past_z = x.wrapping_add(ONES * (0x80 - u64::from(b'z') - 1));
    at_least_a & !past_z & HIGH
}

/// Splits normalised ASCII text (visible characters and single spaces) into words exactly as
/// UAX #29 does within each space-free chunk: runs of letters, digits and `_`, joined across
/// `'`, `.` and `:` between letters and across `'`, `.`, `,` and `;` between digits; every other
/// character but the space alone. (Tested against `unicode-segmentation`.)
// a hot loop, inlined into its one caller with the work it does per word (see `Words`)
#[inline(always)]
pub(super) fn ascii_words(chunk: &[u8], words: &mut impl Words) {
    let wordish = |b: u8| WORDISH[usize::from(b)];
    let n = chunk.len();
    let mut i = 0;
    while i < n {
        if !wordish(chunk[i]) {
            if chunk[i] != b' ' {
                words.word(i, i + 1);
            }
            i += 1;
            continue;
        }
        let s = i;
        i += 1;
        loop {
            // lower-case letters eight at a time (the bulk of normalised text), then byte by byte
            while i + 8 <= n {
                let letters = lower_case_letters(word_at(chunk, i));
                i += (!letters & HIGH).trailing_zeros() as usize / 8;
                if letters != HIGH {
                    break;
                }
            }
            if i < n && wordish(chunk[i]) {
                i += 1;
            } else if i + 1 < n && JOINS[usize::from(chunk[i])] {
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
        words.word(s, i);
        // the space after a word is no token
        if i < n && chunk[i] == b' ' {
            i += 1;
        }
    }
}
