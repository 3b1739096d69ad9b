//! Normalising: case, quotes, dashes, space and accents folded, with a sparse map back to the
//! original bytes.

#[allow(unused_imports)]
use super::*;

/// How one original character is written in the normalised text.
pub(super) enum Fold {
    Keep(char),
    Lower,
    Space,
    Drop,
}

pub(super) fn fold(c: char) -> Fold {
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
pub(super) fn is_ascii_space(b: u8) -> bool {
    b <= b' ' || b == 0x7F
}

/// Whether eight bytes (after a visible byte or a single space before a visible one) normalise
/// to themselves but for case: visible ASCII and single spaces, not ending with a space unless
/// the byte after them (`next`) is visible (else it might start a run of them). False for some
/// that do, which the byte loop then takes.
#[inline]
fn plain_ascii(x: u64, next: u8) -> bool {
    let control = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
    let high = (x.wrapping_add(ONES) | x) & HIGH;
    let spaces = zero_bytes(x ^ (ONES * 0x20));
    control | high | (spaces & spaces >> 8) == 0 && (x >> 56 != 0x20 || next > b' ' && next < 0x7F)
}

/// Builds the normalised text and its sparse offset map in one pass.
pub(super) struct Normalizer {
    out: String,
    groups: Vec<Group>,
    // a run of white space not written yet: (original start, original end)
    space: Option<(usize, usize)>,
    // the last character written: normalised start, original start and end (for composition)
    last: Option<(usize, usize, usize)>,
}

impl Normalizer {
    /// Where normalised offset `norm` maps to under the current shift.
    pub(super) fn shifted(&self, norm: usize) -> usize {
        match self.groups.last() {
            Some(g) => g.orig_end() + (norm - g.norm_end()),
            None => norm,
        }
    }

    /// Records that normalised `norm..norm + norm_len` comes from `orig`, unless the current shift
    /// already says so (a character written with its own length, right where the shift puts it).
    pub(super) fn align(&mut self, norm: usize, norm_len: usize, orig: Range<usize>, one_to_one: bool) {
        if !(one_to_one && norm_len == orig.len() && self.shifted(norm) == orig.start) {
            self.groups.push(Group::new(norm..norm + norm_len, orig));
        }
    }

    pub(super) fn flush_space(&mut self) {
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

    pub(super) fn push_char(&mut self, c: char, orig: Range<usize>) {
        self.flush_space();
        let n = self.out.len();
        self.out.push(c);
        self.align(n, c.len_utf8(), orig.clone(), true);
        self.last = Some((n, orig.start, orig.end));
    }

    /// Composes a combining mark at `orig` with the character written just before it, if they
    /// are adjacent and [`COMPOSE`] knows the pair.
    pub(super) fn compose(&mut self, mark: char, orig: Range<usize>) -> bool {
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

    pub(super) fn run(original: &str) -> (String, Vec<Group>) {
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
                    while i + 8 < bytes.len() && plain_ascii(word_at(bytes, i), bytes[i + 8]) {
                        i += 8;
                    }
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

/// The normalised form of `s`, as [`Text::normalized`] gives it, without segmenting it: for
/// gazetteer names, which are normalised by the thousand when a matcher is built.
pub fn normalize(s: &str) -> String {
    Normalizer::run(s).0
}
