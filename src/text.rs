//! Text stage: normalisation with an exact map back to the original bytes, words and sentences.
//!
//! The matcher and the rules work on a *normalised* copy of the input: lower case, curly quotes and
//! apostrophes folded to `'` and `"`, the dash family folded to `-`, every run of white space (and
//! control characters) one space, invisible format characters (zero-width joiners, bidi controls,
//! soft hyphens) dropped. Every normalised byte maps back to the original, so every span reported
//! to the user is a span of the text they gave.

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte in the original text.
    pub start: usize,
    /// Byte offset just past the last byte in the original text.
    pub end: usize,
    /// The token's span in the normalised text.
    pub norm: Range<usize>,
    /// Index of the sentence that holds it.
    pub sentence: usize,
    /// What it is.
    pub kind: TokenKind,
}

/// One sentence: a run of tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of its first token in the original text.
    pub start: usize,
    /// Byte offset just past its last token in the original text.
    pub end: usize,
    /// Its tokens, as indices into [`Text::tokens`].
    pub tokens: Range<usize>,
}

/// A document after the text stage.
#[derive(Debug, Clone)]
pub struct Text<'a> {
    original: &'a str,
    normalized: String,
    // For every normalised byte offset i (0..=len): the original offset where the character group
    // that starts at i begins, and where the group that ends at i ends.
    starts: Vec<u32>,
    ends: Vec<u32>,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
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

impl<'a> Text<'a> {
    /// Normalises `original`, splits it into sentences and tokens.
    pub fn new(original: &'a str) -> Text<'a> {
        let mut text = Text {
            original,
            normalized: String::with_capacity(original.len()),
            starts: Vec::with_capacity(original.len() + 1),
            ends: Vec::with_capacity(original.len() + 1),
            tokens: Vec::new(),
            sentences: Vec::new(),
        };
        text.normalize();
        text.segment();
        text
    }

    fn push_group(&mut self, s: &str, orig: Range<usize>) {
        let n = s.len();
        for i in 0..n {
            self.starts.push(orig.start as u32);
            // a group's interior ends map to its own end: spans never split a group
            if i > 0 {
                self.ends.push(orig.end as u32);
            }
        }
        self.normalized.push_str(s);
        self.ends.push(orig.end as u32);
    }

    fn normalize(&mut self) {
        let original = self.original;
        self.ends.push(0);
        let mut pending_space: Option<Range<usize>> = None;
        for (i, c) in original.char_indices() {
            let range = i..i + c.len_utf8();
            let folded = fold(c);
            if let Fold::Space = folded {
                pending_space = Some(match pending_space {
                    Some(r) => r.start..range.end,
                    None => range,
                });
                continue;
            }
            if let Fold::Drop = folded {
                continue;
            }
            if let Some(space) = pending_space.take() {
                if !self.normalized.is_empty() {
                    self.push_group(" ", space);
                }
            }
            let mut buf = [0u8; 4];
            match folded {
                Fold::Keep(k) => {
                    let s = k.encode_utf8(&mut buf);
                    self.push_group(s, range);
                }
                Fold::Lower => {
                    let lower: String = c.to_lowercase().collect();
                    self.push_group(&lower, range);
                }
                Fold::Space | Fold::Drop => unreachable!(),
            }
        }
        // the end of the normalised text maps to the end of the original
        self.starts.push(original.len() as u32);
    }

    fn segment(&mut self) {
        let original = self.original;
        let mut sentence_starts = sentence_starts(original);
        sentence_starts.push(usize::MAX);
        let mut next_sentence = 1;
        let mut sentence = 0usize;
        let mut sentence_first_token = 0usize;
        let mut sentence_open = false;
        let normalized = std::mem::take(&mut self.normalized);
        for (ns, word) in normalized.split_word_bound_indices() {
            if word == " " {
                continue;
            }
            let ne = ns + word.len();
            let start = self.to_original_start(ns);
            // a new sentence begins at this token?
            while start >= sentence_starts[next_sentence] {
                next_sentence += 1;
                if sentence_open {
                    self.close_sentence(sentence, sentence_first_token);
                    sentence += 1;
                    sentence_open = false;
                }
            }
            if !sentence_open {
                sentence_open = true;
                sentence_first_token = self.tokens.len();
            }
            let first = word.chars().next().unwrap_or(' ');
            let kind = if first.is_ascii_digit() || first.is_numeric() {
                TokenKind::Number
            } else if word.chars().any(char::is_alphanumeric) {
                TokenKind::Word
            } else {
                TokenKind::Punct
            };
            if kind == TokenKind::Word && word.len() > 2 && word.ends_with("'s") {
                let split = ne - 2;
                self.push_token(ns..split, sentence, TokenKind::Word);
                self.push_token(split..ne, sentence, TokenKind::Possessive);
            } else {
                self.push_token(ns..ne, sentence, kind);
            }
        }
        self.normalized = normalized;
        if sentence_open {
            self.close_sentence(sentence, sentence_first_token);
        }
        // a lone apostrophe right after a word ending in s is a plural possessive
        for i in 1..self.tokens.len() {
            if self.tokens[i].kind == TokenKind::Punct
                && self.tokens[i].norm.len() == 1
                && self.normalized.as_bytes()[self.tokens[i].norm.start] == b'\''
                && self.tokens[i - 1].norm.end == self.tokens[i].norm.start
                && self.tokens[i - 1].kind == TokenKind::Word
                && self.normalized[self.tokens[i - 1].norm.clone()].ends_with('s')
                && self.tokens.get(i + 1).map_or(true, |t| t.norm.start > self.tokens[i].norm.end)
            {
                self.tokens[i].kind = TokenKind::Possessive;
            }
        }
    }

    fn push_token(&mut self, norm: Range<usize>, sentence: usize, kind: TokenKind) {
        let start = self.to_original_start(norm.start);
        let end = self.to_original_end(norm.end);
        self.tokens.push(Token { start, end, norm, sentence, kind });
    }

    fn close_sentence(&mut self, _index: usize, first: usize) {
        let last = self.tokens.len();
        if last > first {
            self.sentences.push(Sentence {
                start: self.tokens[first].start,
                end: self.tokens[last - 1].end,
                tokens: first..last,
            });
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
        &self.normalized[self.tokens[i].norm.clone()]
    }

    /// The original text of token `i`.
    pub fn token_original(&self, i: usize) -> &'a str {
        &self.original[self.tokens[i].start..self.tokens[i].end]
    }

    /// The original offset where a span starting at normalised offset `norm` starts.
    pub fn to_original_start(&self, norm: usize) -> usize {
        self.starts[norm.min(self.starts.len() - 1)] as usize
    }

    /// The original offset where a span ending at normalised offset `norm` ends.
    pub fn to_original_end(&self, norm: usize) -> usize {
        self.ends[norm.min(self.ends.len() - 1)] as usize
    }

    /// The original span of a normalised span.
    pub fn to_original(&self, norm: Range<usize>) -> Range<usize> {
        self.to_original_start(norm.start)..self.to_original_end(norm.end)
    }

    /// The index of the first token that starts at or after normalised offset `norm`.
    pub fn token_at_or_after(&self, norm: usize) -> usize {
        self.tokens.partition_point(|t| t.norm.start < norm)
    }
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "maj", "capt", "sgt", "sen", "rep", "gov", "pres",
    "amb", "rev", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "approx", "dept", "est",
];

/// Byte offsets where sentences start: the Unicode sentence boundaries, except after a known
/// abbreviation or a single-letter initial, plus every line break that is not followed by a
/// lower-case letter (headlines, captions and paragraphs carry no full stop).
fn sentence_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        if line_start > 0 {
            let next = line.trim_start().chars().next();
            if !next.is_some_and(char::is_lowercase) {
                starts.push(line_start);
            }
        }
        for (i, _) in line.split_sentence_bound_indices().skip(1) {
            let before = line[..i].trim_end();
            let last_word = before
                .trim_end_matches(['.', '"', '\'', '\u{201D}', ')'])
                .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
                .next()
                .unwrap_or("");
            let abbreviation = before.ends_with('.')
                && (ABBREVIATIONS.contains(&last_word.to_lowercase().as_str())
                    || (last_word.chars().count() == 1 && last_word.chars().all(char::is_uppercase)));
            if !abbreviation && !line[i..].trim().is_empty() {
                starts.push(line_start + i);
            }
        }
        line_start = line_end;
    }
    starts.sort_unstable();
    starts.dedup();
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &Text<'_>) -> Vec<String> {
        (0..t.tokens().len()).map(|i| t.token_text(i).to_string()).collect()
    }

    #[test]
    fn folds_case_quotes_dashes_and_space() {
        let t = Text::new("China\u{2019}s  Xi \u{2013} \u{201C}Peace\u{201D}\r\n");
        assert_eq!(t.normalized(), "china's xi - \"peace\"");
        assert_eq!(words(&t), ["china", "'s", "xi", "-", "\"", "peace", "\""]);
        let tok = &t.tokens()[0];
        assert_eq!(&t.original()[tok.start..tok.end], "China");
        let tok = &t.tokens()[1];
        assert_eq!(&t.original()[tok.start..tok.end], "\u{2019}s");
        assert_eq!(t.tokens()[1].kind, TokenKind::Possessive);
    }

    #[test]
    fn offsets_survive_dropped_and_multibyte_characters() {
        let src = "A\u{200D}\u{202E}b É\u{301}t\u{0130}x";
        let t = Text::new(src);
        for tok in t.tokens() {
            assert!(src.is_char_boundary(tok.start) && src.is_char_boundary(tok.end));
        }
        let last = t.tokens().last().unwrap();
        assert!(src[last.start..last.end].ends_with('x'));
    }

    #[test]
    fn sentences_split_on_full_stops_and_lines_but_not_abbreviations() {
        let t = Text::new("Mr. Xi met Dr. Smith in the U.S. on Monday. Then he left.\nA headline\nand a wrapped line");
        let sentences: Vec<&str> = t.sentences().iter().map(|s| &t.original()[s.start..s.end]).collect();
        assert_eq!(
            sentences,
            ["Mr. Xi met Dr. Smith in the U.S. on Monday.", "Then he left.", "A headline\nand a wrapped line"]
        );
    }

    #[test]
    fn plural_possessive() {
        let t = Text::new("the US' tariff and the leaders' talks");
        let kinds: Vec<TokenKind> = t.tokens().iter().map(|t| t.kind).collect();
        assert_eq!(kinds[2], TokenKind::Possessive);
        assert_eq!(kinds[7], TokenKind::Possessive);
    }

    #[test]
    fn empty_and_blank_inputs() {
        assert!(Text::new("").tokens().is_empty());
        assert!(Text::new(" \n\t ").sentences().is_empty());
    }
}
