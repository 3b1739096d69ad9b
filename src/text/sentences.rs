//! Sentence splitting: terminal punctuation, closing quotes and brackets, abbreviations
//! (`lexicon/abbreviations.txt`), line breaks.

#[allow(unused_imports)]
use super::*;

/// The longest abbreviation, in bytes: no need to look further back for one.
pub(super) const LONGEST_ABBREVIATION: usize = 6;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Term {
    // a full stop: may end an abbreviation, a number or an initial
    ATerm,
    // `!`, `?` and their kin: always end a sentence
    STerm,
}

/// The UAX #29 sentence terminators (the common ones of every script).
pub(super) fn term(c: char) -> Option<Term> {
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
pub(super) fn is_close(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '\u{00AB}' | '\u{00BB}' | '\u{2018}'..='\u{201F}'
        | '\u{2039}' | '\u{203A}' | '\u{3008}'..='\u{3011}' | '\u{FF08}' | '\u{FF09}')
}

/// UAX #29 `SContinue`: after a terminator, these keep the sentence going.
pub(super) fn is_scontinue(c: char) -> bool {
    matches!(c, ',' | '-' | ':' | ';' | '\u{2013}' | '\u{2014}' | '\u{3001}' | '\u{FF0C}' | '\u{FF1A}' | '\u{FF1B}')
}

/// Line separators: each one may start a sentence (see [`sentence_starts`]).
pub(super) fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}')
}

/// The bytes that may be (or begin) a line break or a terminator: the ASCII ones and the lead
/// and continuation bytes of every other character.
static MAY_END: [bool; 256] = super::byte_flags(b"\n\r.!?", 0x80);

/// The high bit of the bytes of `x` (eight bytes of text, little-endian) that may be a line break
/// or a terminator, or begin one: every byte of a non-ASCII character and the ASCII bytes below
/// `@` but the space (digits and punctuation). Exact for the lowest flagged byte: no byte before it
/// is a line break or a terminator.
#[inline]
pub(super) fn may_end(x: u64) -> u64 {
    // a carry out of a byte of 0xC0 or more only reaches bytes after it, which is flagged itself
    let below_at = !x.wrapping_add(ONES * 0x40);
    let spaces = x ^ (ONES * u64::from(b' '));
    // exact per byte, with no carry between them: the high bit of each byte that is no space
    let not_space = (spaces & !HIGH).wrapping_add(!HIGH) | spaces;
    (x | below_at) & not_space & HIGH
}

/// Byte offsets where sentences start: the Unicode sentence boundaries (UAX #29, by a
/// hand-written linear scan of its rules), except after a known abbreviation or a single-letter
/// initial, plus every line break that is not followed by a lower-case letter (headlines, captions
/// and paragraphs carry no full stop).
// a pass of its own in profiles
#[inline(never)]
pub(super) fn sentence_starts(text: &str, abbreviations: &WordList) -> Vec<u32> {
    let bytes = text.as_bytes();
    // offsets fit in u32: a text holds at most `Text::MAX_LEN` bytes
    let mut starts = Vec::with_capacity(text.len() / 64 + 1);
    starts.push(0);
    let mut i = 0;
    while i < bytes.len() {
        // only line breaks and terminators matter; skip everything else fast, eight bytes at a
        // time: letters and spaces, flagging the bytes of other characters and the ASCII ones
        // below `@` (digits and punctuation, a few of which are line breaks or terminators; the
        // lowest flagged byte is exact)
        if i + 8 <= bytes.len() {
            let flags = may_end(word_at(bytes, i));
            if flags == 0 {
                i += 8;
                continue;
            }
            i += flags.trailing_zeros() as usize / 8;
        }
        if !MAY_END[usize::from(bytes[i])] {
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
                i = sentence_end(text, i, kind, &mut starts, abbreviations);
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
pub(super) fn sentence_end(
    text: &str,
    at: usize,
    mut kind: Term,
    starts: &mut Vec<u32>,
    abbreviations: &WordList,
) -> usize {
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
        if !closes && bytes[last] == b'.' && ends_abbreviation(&text[..last], abbreviations) {
            return after_terms;
        }
    }
    starts.push(j as u32);
    after_terms
}

/// Whether `before` (the text before a full stop) ends with a known abbreviation or a
/// single-letter initial.
pub(super) fn ends_abbreviation(before: &str, abbreviations: &WordList) -> bool {
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
        _ => abbreviations.contains_ignore_case(word),
    }
}
