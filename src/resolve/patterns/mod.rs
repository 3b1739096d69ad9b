//! Entities that no gazetteer lists, found by pattern: amounts of money, treaties and other
//! documents, summits and other events.

use crate::lexicon::WordList;
use once_cell::sync::{Lazy, OnceCell};
use regex::Regex;
use regex_automata::{meta, Input, Match, Span};

use crate::gazetteer::{slug, EntityKind};
use crate::text::Text;
use triggers::Triggers;

mod triggers;

/// An entity found by pattern in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// `Money`, `Document` or `Event`.
    pub kind: EntityKind,
    /// Original byte span.
    pub start: usize,
    /// Original byte span, exclusive.
    pub end: usize,
    /// Canonical name (the parts that identify it: no article, no parenthesis, no epithet).
    pub name: String,
}

impl Found {
    /// `kind:slug-of-name`.
    pub fn id(&self) -> String {
        format!("{}:{}", self.kind, slug(&self.name))
    }
}

/// A pattern compiled twice: as written, and with its classes cut down to ASCII.
///
/// On ASCII text both find the same matches, but the ASCII one is much cheaper: the lazy DFA of
/// a pattern made of Unicode classes (`\p{L}`, `\d`, `\s`) keeps building states as it runs.
///
/// The Unicode form is compiled only when a span with non-ASCII text first needs it: its classes
/// make it the costliest part of building an extractor, and most news never needs it.
struct Pattern {
    source: String,
    any: OnceCell<meta::Regex>,
    ascii: meta::Regex,
}

impl Pattern {
    fn new(pattern: &str) -> Pattern {
        // the same classes restricted to ASCII (`\s` is White_Space: tab to carriage return, space)
        let ascii = pattern
            .replace(r"[\p{L}\p{M}\d]", "[A-Za-z0-9]")
            .replace(r"\p{Lu}", "[A-Z]")
            .replace(r"\p{L}", "[A-Za-z]")
            .replace(r"\d", "[0-9]")
            .replace(r"\s", r"[\t\n\x0B\x0C\r ]");
        Pattern { source: pattern.to_string(), any: OnceCell::new(), ascii: build(&ascii, "entity pattern, ASCII") }
    }

    /// The regex for `hay`: the ASCII form when it does, the Unicode form otherwise.
    fn for_text(&self, hay: &str) -> &meta::Regex {
        if hay.is_ascii() {
            &self.ascii
        } else {
            self.any.get_or_init(|| build(&self.source, "entity pattern"))
        }
    }
}

/// Compiles `pattern` without a prefilter: it runs only over short pieces that hold a trigger
/// already, where a prefilter saves little, and extracting the literals of one costs most of
/// compiling these patterns (their case-insensitive alternations of words have thousands).
fn build(pattern: &str, what: &str) -> meta::Regex {
    meta::Regex::builder().configure(meta::Config::new().auto_prefilter(false)).build(pattern).expect(what)
}

// A capitalised word of a proper name: "Treaty", "Good-Neighbourliness", "G20", "START".
const WORD: &str = r"(?:\p{Lu}[\p{L}\p{M}\d]*(?:[-\u2010\u2011'\u2019]\p{L}[\p{L}\p{M}\d]*)*)";

static MONEY: Lazy<Pattern> = Lazy::new(|| {
    let qualifier =
        r"(?:(?:more\s+than|less\s+than|over|under|about|around|nearly|almost|up\s+to|some|roughly|approximately)\s+)";
    let number = r"(?:\d[\d,]*(?:\.\d+)?)";
    let scale = r"(?:\s?(?:thousand|million|billion|trillion|bn|mn|tn|m|k|crore|lakh)(?-u:\b))";
    let symbol = r"(?:us\$|hk\$|a\$|c\$|s\$|nz\$|\$|€|£|¥|₹|₩|₺|₽|rs\.?\s?|inr\s?|chf\s?|rmb\s?|usd\s?|eur\s?|cny\s?)";
    let spelled = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|hundreds\s+of|thousands\s+of|millions\s+of|billions\s+of)";
    // "won" is also a verb: it needs digits, like every other unit after a spelled number is fine
    let unit = r"(?:yuan|renminbi|(?:(?:us|american|hong\s+kong|singapore|australian|canadian|new\s+zealand|taiwan)\s+)?dollars?|euros?|pounds?|sterling|yen|rupees?|roubles?|rubles?|tenge|soms?|manats?|somoni|francs?|riyals?|dirhams?|lira|usd|eur|rmb|cny)";
    let pattern = format!(
        r"(?i)(?:(?-u:\b){qualifier})?(?:{symbol}\s?{number}{scale}?|(?-u:\b)(?:{number}|{spelled}){scale}?(?:\s*\([^()]{{1,40}}\))?\s*{unit}(?-u:\b)|(?-u:\b){number}{scale}?\s*won(?-u:\b))"
    );
    Pattern::new(&pattern)
});

static PARENTHESIS: Lazy<Regex> = Lazy::new(|| Regex::new(r"\s*\([^()]*\)").expect("parenthesis pattern"));

const DOC_NOUN: &str = r"(?:Treaty|Agreement|Accords?|Convention|Declaration|Charter|Protocol|Pact|Memorandum\s+of\s+Understanding|Communiqu[eé]|Joint\s+Statement)";

static DOCUMENT_OF: Lazy<Pattern> = Lazy::new(|| {
    let pattern = format!(
        r"(?-u:\b){DOC_NOUN}\s+(?:of|on|for|between|concerning)\s+(?:the\s+)?{WORD}(?:\s+(?:(?:and|of|on|for|the|between)\s+)*{WORD}){{0,7}}"
    );
    Pattern::new(&pattern)
});

// A name runs up to a date: "the Treaty of Amity on Friday" is the Treaty of Amity.
static DATE_TAIL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\s+(?:on|of|for|and|the)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\b).*$")
        .expect("date pattern")
});

static DOCUMENT_NAMED: Lazy<Pattern> = Lazy::new(|| {
    let pattern = format!(r"(?-u:\b){WORD}(?:\s+(?:and\s+)?{WORD}){{0,4}}\s+{DOC_NOUN}(?-u:\b)");
    Pattern::new(&pattern)
});

static DOCUMENT_GENERIC: Lazy<Pattern> = Lazy::new(|| {
    Pattern::new(
        r"(?i)(?-u:\b)(?:(?:landmark|historic|permanent|comprehensive|new|bilateral|long-term)\s+)*((?:free[- ]trade|trade|friendship|peace|ceasefire|cease-fire|security|defen[cs]e|cooperation|co-operation|partnership|investment|nuclear|arms|gas|energy|border|visa[- ]free|strategic\s+partnership)\s+(?:agreement|pact|treaty|deal|accord))s?(?-u:\b)",
    )
});

static EVENT: Lazy<Pattern> = Lazy::new(|| {
    let word = format!(r"(?:{WORD}|\p{{Lu}}+\d+)");
    let pattern = format!(
        r"(?-u:\b){word}(?:(?:\s*[-\u2010\u2011\u2013]\s*|\s+){word}){{0,3}}\s+(?:Summit|summit|Forum|forum|Conference|Games|Olympics|Expo|Congress|Dialogue)(?-u:\b)"
    );
    Pattern::new(&pattern)
});

/// Starts the name after the last word that cannot be part of it ("Heads To Astana For X Summit"
/// is the X Summit); `None` when nothing of a name is left.
fn trim_leading(text: &str, start: usize, end: usize, leading: &WordList) -> Option<usize> {
    let mut s = start;
    let mut at = start;
    for word in text[start..end].split_whitespace() {
        let offset = at + text[at..end].find(word)?;
        at = offset + word.len();
        if leading.contains(word) {
            s = at;
        }
    }
    let rest = text[s..end].trim_start();
    (!rest.is_empty()).then(|| end - rest.len())
}

fn clean_name(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where in a text a pattern may match: the searches run only over these pieces.
///
/// Running a regex over a whole news text costs far more than the cheap scans that rule most of
/// it out, and a piece with text beyond ASCII needs the costly Unicode form of the regex. So the
/// text is cut at characters that no match of the pattern can contain, and only the pieces that
/// hold a trigger (a word that every match contains) are searched: the matches found are exactly
/// those of a search over the whole text, since none crosses a cut.
///
/// What cuts, for a pattern of capitalised words: ASCII punctuation but `-` and `'`; punctuation
/// beyond ASCII that no class of the pattern takes (dashes but `‐ ‑ –`, quotes but `’`, bullets,
/// ellipses); and the first character of a word (one after white space) that cannot start a part
/// of a match, as the `m` of "met" cannot (a part starts with a capital or with one of a few
/// lower-case words). An amount of money is cut in its own way (see [`money_pieces`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// `DOCUMENT_OF`: capitalised words, "of", "on", "for", "between", "concerning", "the", "and".
    DocumentOf,
    /// `DOCUMENT_NAMED`: capitalised words, "and", and the "of" of "Memorandum of Understanding".
    DocumentNamed,
    /// `EVENT`: capitalised words, dashes, "summit", "forum".
    Event,
    /// `DOCUMENT_GENERIC`: its words, in any case.
    Generic,
}

impl Part {
    /// Whether `c`, after white space, may start a part of a match.
    fn may_start(self, c: char) -> bool {
        match self {
            // `is_uppercase` holds for every `\p{Lu}`
            Part::DocumentOf => c.is_uppercase() || matches!(c, 'o' | 'f' | 'b' | 'c' | 't' | 'a'),
            Part::DocumentNamed => c.is_uppercase() || matches!(c, 'a' | 'o'),
            Part::Event => c.is_uppercase() || matches!(c, 's' | 'f' | '-' | '\u{2010}' | '\u{2011}' | '\u{2013}'),
            // only ASCII letters and digits are ruled out: others may fold to a letter of a word
            // (`ſ` is an `s` to `(?i)`)
            Part::Generic => {
                !c.is_ascii_alphanumeric()
                    || matches!(
                        c.to_ascii_lowercase(),
                        'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'l' | 'n' | 'p' | 's' | 't' | 'v'
                    )
            }
        }
    }

    /// Whether `c`, after `prev`, cuts the pieces of this pattern.
    fn cuts(self, prev: Option<char>, c: char) -> bool {
        if c.is_ascii() {
            if c.is_ascii_punctuation() {
                return c != '-' && c != '\'';
            }
        } else if is_cutting_punctuation(c) && !matches!(c, '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2019}') {
            return true;
        }
        prev.is_some_and(char::is_whitespace) && !c.is_whitespace() && !self.may_start(c)
    }
}

/// Punctuation beyond ASCII that is no letter, mark, digit or white space: dashes and quotes
/// (U+2010 to U+2027), per mille to the end of general punctuation (U+2030 to U+205E, short of
/// the medium mathematical space), and guillemets.
fn is_cutting_punctuation(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{AB}' | '\u{BB}')
}

/// The lower-case letter runs of a pattern's source, outside escapes, classes and flags, with and
/// without a last letter made optional: every word the pattern spells.
fn pattern_words(source: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut chars = source.chars().peekable();
    let mut class = 0;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                // `\s`, `\$`, `\p{L}`, `\u2010`: no word
                match chars.next() {
                    Some('p') | Some('P') if chars.peek() == Some(&'{') => {
                        chars.by_ref().find(|&c| c == '}');
                    }
                    Some('u') => {
                        for _ in 0..4 {
                            chars.next_if(char::is_ascii_hexdigit);
                        }
                    }
                    _ => {}
                }
            }
            '[' => class += 1,
            ']' if class > 0 => class -= 1,
            '(' if chars.peek() == Some(&'?') => {
                // flags: `(?i)`, `(?-u:`
                while chars.next_if(|&c| c != ':' && c != ')').is_some() {}
            }
            c if class == 0 && c.is_ascii_alphabetic() => {
                word.push(c.to_ascii_lowercase());
                continue;
            }
            _ => {}
        }
        if !word.is_empty() {
            // `dollars?`: "dollar" too
            if c == '?' && word.len() > 1 {
                words.push(word[..word.len() - 1].to_string());
            }
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// The words of `MONEY`, as a trie over lower-case ASCII letters (see [`MoneyWords::may_hold`]).
struct MoneyWords {
    /// Per node, per letter: the next node, or 0 (the root is never a child).
    next: Vec<[u16; 26]>,
    /// Per node: a word ends there.
    end: Vec<bool>,
}

static MONEY_WORDS: Lazy<MoneyWords> = Lazy::new(|| {
    let mut trie = MoneyWords { next: vec![[0; 26]], end: vec![false] };
    for word in pattern_words(&MONEY.source) {
        let mut node = 0;
        for b in word.bytes() {
            let k = usize::from(b - b'a');
            if trie.next[node][k] == 0 {
                trie.next[node][k] = u16::try_from(trie.next.len()).expect("a small trie");
                trie.next.push([0; 26]);
                trie.end.push(false);
            }
            node = usize::from(trie.next[node][k]);
        }
        trie.end[node] = true;
    }
    trie
});

impl MoneyWords {
    /// Whether a run of ASCII letters (any case) may lie in an amount: whether it is words of
    /// `MONEY` one after the other ("a", "billion", "abillion"), the last of them perhaps cut short
    /// ("dollar" of "dollars?").
    ///
    /// Within an amount, letters run on from one word into the next only after a spelled number
    /// ("abillion"), and a word ends where the run ends (at `\b`, or before `$` or a digit): a run
    /// that is no such sequence holds no letter of an amount.
    fn may_hold(&self, run: &[u8]) -> bool {
        // bit `i` of `starts`: the first `i` letters are whole words (a run longer than the mask is
        // judged by its first letters, which only makes it more likely to hold)
        let run = &run[..run.len().min(63)];
        let mut starts: u64 = 1;
        while starts != 0 {
            // the lowest first: a word only ever marks a later start
            let from = starts.trailing_zeros() as usize;
            starts &= starts - 1;
            let mut node = 0;
            for (k, &b) in run.iter().enumerate().skip(from) {
                match self.next[node][usize::from((b | 0x20) - b'a')] {
                    0 => break,
                    n => node = usize::from(n),
                }
                if k + 1 == run.len() {
                    // the run ends on a word or inside one
                    return true;
                }
                if self.end[node] {
                    starts |= 1 << (k + 1);
                }
            }
        }
        run.is_empty()
    }
}

/// The pieces of `text` cut for `part` (see [`Part`]) that hold a trigger starting at one of
/// `hits` (sorted). No trigger starts on a cut: its first letter may start a part.
fn word_pieces(text: &str, hits: &[usize], part: Part) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    // the character before byte `i`, and where it starts
    let before = |i: usize| -> Option<(char, usize)> {
        let b = *bytes.get(i.checked_sub(1)?)?;
        if b < 0x80 {
            Some((char::from(b), i - 1))
        } else {
            text[..i].char_indices().next_back().map(|(k, c)| (c, k))
        }
    };
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for &hit in hits {
        if pieces.last().is_some_and(|&(_, end)| hit < end) {
            continue;
        }
        // back to the character after the last cut
        let mut start = hit;
        loop {
            // a letter or digit after another never cuts: runs of them go at once
            while start >= 2 && bytes[start - 1].is_ascii_alphanumeric() && bytes[start - 2].is_ascii_alphanumeric() {
                start -= 1;
            }
            let Some((c, at)) = before(start) else { break };
            let prev = before(at).map(|(p, _)| p);
            // a letter or digit within a word never cuts: the common case, at once
            let plain = c.is_ascii_alphanumeric() && !prev.is_some_and(char::is_whitespace);
            if !plain && part.cuts(prev, c) {
                break;
            }
            start = at;
        }
        // on to the next cut (the trigger's first letter never cuts; if it did, the piece would only
        // be longer than it need be)
        let mut prev = text[hit..].chars().next();
        let mut end = hit + prev.map_or(0, char::len_utf8);
        while end < bytes.len() {
            if end > 0 && bytes[end - 1].is_ascii_alphanumeric() {
                while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
                    end += 1;
                }
                if end == bytes.len() {
                    break;
                }
                prev = Some(char::from(bytes[end - 1]));
            }
            let b = bytes[end];
            let c = if b < 0x80 { char::from(b) } else { text[end..].chars().next().unwrap_or(' ') };
            let plain = c.is_ascii_alphanumeric() && !prev.is_some_and(char::is_whitespace);
            if !plain && part.cuts(prev, c) {
                break;
            }
            end += c.len_utf8();
            prev = Some(c);
        }
        pieces.push((start, end));
    }
    pieces
}

/// The longest parenthesis of `MONEY`, in characters between `(` and `)`.
const MONEY_PARENTHESIS: usize = 40;

/// A text, for finding where amounts of money may lie (see [`money_pieces`]).
struct MoneyText<'t> {
    text: &'t str,
    /// Where the `(` and `)` are.
    parens: Vec<usize>,
}

impl MoneyText<'_> {
    /// Whether the character at `i` may lie in a parenthesis of an amount: the last parenthesis
    /// before it opens, at most 40 characters before.
    fn open(&self, i: usize) -> bool {
        let k = self.parens.partition_point(|&p| p < i);
        let Some(&p) = k.checked_sub(1).and_then(|k| self.parens.get(k)) else { return false };
        let between = i - p - 1;
        self.text.as_bytes()[p] == b'('
            && (between < MONEY_PARENTHESIS
                || (between < 4 * MONEY_PARENTHESIS && self.text[p + 1..i].chars().count() < MONEY_PARENTHESIS))
    }

    /// [`MoneyText::cuts`], at once for the characters that never cut: digits, spaces, and ASCII
    /// letters after an ASCII letter or digit (most characters).
    #[inline(always)]
    fn cuts_at(&self, i: usize) -> bool {
        let bytes = self.text.as_bytes();
        let b = bytes[i];
        let never = b.is_ascii_digit()
            || b == b' '
            || (b.is_ascii_alphabetic() && i > 0 && bytes[i - 1].is_ascii_alphanumeric());
        !never && self.cuts(i)
    }

    /// Whether the character at `i` cuts: no amount holds it.
    #[inline(never)]
    fn cuts(&self, i: usize) -> bool {
        let bytes = self.text.as_bytes();
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            // the first letter of a word (after white space) that no words of the pattern spell
            if !self.text[..i].chars().next_back().is_some_and(char::is_whitespace) || self.open(i) {
                return false;
            }
            let end = bytes[i..].iter().position(|b| !b.is_ascii_alphabetic()).map_or(bytes.len(), |n| i + n);
            // `ſ` and the Kelvin sign are an `s` and a `k` to `(?i)`: the word may go on
            let folds = self.text[end..].starts_with(['\u{17f}', '\u{212a}']);
            !folds && !MONEY_WORDS.may_hold(&bytes[i..end])
        } else if b < 0x80 {
            let cut = match b {
                b'(' | b')' | b'$' => false,
                // after a digit (or a non-ASCII byte, which may belong to one): "3,000"
                b',' => i > 0 && bytes[i - 1] < 0x80 && !bytes[i - 1].is_ascii_digit() && bytes[i - 1] != b',',
                // a decimal point ("1.5") or "rs."
                b'.' => {
                    let next = bytes.get(i + 1).copied().unwrap_or(b' ');
                    let prev = if i > 0 { bytes[i - 1] } else { b' ' };
                    !(next.is_ascii_digit() || next >= 0x80 || prev >= 0x80 || prev == b's' || prev == b'S')
                }
                _ => b.is_ascii_punctuation(),
            };
            cut && !self.open(i)
        } else {
            self.text[i..].chars().next().is_some_and(is_cutting_punctuation) && !self.open(i)
        }
    }
}

/// The length of the UTF-8 character that starts with byte `b`.
#[inline(always)]
fn utf8_len(b: u8) -> usize {
    match b {
        0..=0x7f => 1,
        0xf0.. => 4,
        0xe0.. => 3,
        _ => 2,
    }
}

/// The pieces of `text` an amount of money may lie in, that hold one of `triggers` (sorted: digits,
/// numeric characters, currency words, see [`Triggers`]).
///
/// An amount holds letters, digits, white space, `$`, currency signs, `,` after a digit, `.` in
/// a number or after `rs`, and in a parenthesis of at most 40 characters anything; so outside
/// such a parenthesis, other ASCII punctuation cuts, so does the punctuation of
/// [`is_cutting_punctuation`], so do `,` and `.` where they cannot be part of a number, and so
/// does the first letter of a word (after white space) that no words of the pattern spell (see
/// [`MoneyWords::may_hold`]).
///
/// The text is read only around its triggers: from each, back to the cut before it and on to the
/// cut after it. (No trigger is a cut.)
fn money_pieces(text: &str, triggers: &[usize]) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let parens = memchr::memchr2_iter(b'(', b')', bytes).collect();
    let t = MoneyText { text, parens };
    let mut pieces = Vec::new();
    let mut from = 0;
    for &trigger in triggers {
        if trigger < from {
            continue;
        }
        // back to the cut before the trigger, on to the cut after it (a cut letter is the first of
        // its word: the rest of the word is in the piece after it)
        let mut start = trigger;
        while start > 0 {
            let mut i = start - 1;
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            if t.cuts_at(i) {
                break;
            }
            start = i;
        }
        let mut end = trigger;
        while end < bytes.len() && !t.cuts_at(end) {
            end += utf8_len(bytes[end]);
        }
        pieces.push((start, end));
        from = end + text[end..].chars().next().map_or(0, char::len_utf8);
    }
    pieces
}

/// The matches of `pattern` in `text` (as a search over the whole text would find them),
/// searching only `pieces`. A search sees the text around its piece (for `\b`), but finds only
/// matches within it.
///
/// A piece all ASCII is searched with the ASCII form: no match crosses the cuts around it, so
/// both forms find the same there.
fn matches(pattern: &Pattern, text: &str, pieces: &[(usize, usize)]) -> Vec<Match> {
    let mut out = Vec::new();
    for &(start, end) in pieces {
        let re = pattern.for_text(&text[start..end]);
        out.extend(re.find_iter(Input::new(text).span(start..end)));
    }
    out
}

/// The matches of `pattern`, with their first group, as `matches` finds them.
fn captures(pattern: &Pattern, text: &str, pieces: &[(usize, usize)]) -> Vec<(Match, Option<Span>)> {
    let mut out = Vec::new();
    for &(start, end) in pieces {
        let re = pattern.for_text(&text[start..end]);
        let mut caps = re.create_captures();
        // a plain search first: most pieces hold no match, and one with groups costs more
        for m in re.find_iter(Input::new(text).span(start..end)) {
            // the search from the match's start finds it again, now with its groups
            re.search_captures(&Input::new(text).span(m.start()..end), &mut caps);
            out.push((m, caps.get_group(1)));
        }
    }
    out
}

/// Compiles every pattern now, so that the first text resolved does not pay for it.
pub(crate) fn compile() {
    for pattern in [&MONEY, &DOCUMENT_OF, &DOCUMENT_NAMED, &DOCUMENT_GENERIC, &EVENT] {
        Lazy::force(pattern);
    }
    for re in [&PARENTHESIS, &DATE_TAIL] {
        Lazy::force(re);
    }
    Lazy::force(&MONEY_WORDS);
}

/// Every pattern entity of `text`, sorted by start; no two overlap (the longer wins). `leading`
/// are the words that open a phrase without being part of a name (`lexicon/leading-words.txt`).
pub(crate) fn find_with(text: &Text<'_>, leading: &WordList) -> Vec<Found> {
    find_in(text.original(), Some(&Triggers::find(text)), leading)
}

/// [`find_with`] the embedded lexicon's leading words.
#[cfg(test)]
fn find(text: &str) -> Vec<Found> {
    let leading = &crate::lexicon::Lexicon::embedded()[crate::lexicon::ListId::LeadingWords];
    find_with(&Text::new(text), leading)
}

/// `find_with`, searching only where a pattern may match (around `triggers`), or the whole text
/// when there are none (for tests).
fn find_in(text: &str, triggers: Option<&Triggers>, leading: &WordList) -> Vec<Found> {
    let all = [(0, text.len())];
    let (money, doc_of, doc_named, generic, event);
    if let Some(triggers) = triggers {
        money = money_pieces(text, &triggers.money);
        doc_of = word_pieces(text, &triggers.document, Part::DocumentOf);
        doc_named = word_pieces(text, &triggers.document, Part::DocumentNamed);
        generic = word_pieces(text, &triggers.generic, Part::Generic);
        event = word_pieces(text, &triggers.event, Part::Event);
    } else {
        (money, doc_of, doc_named, generic, event) =
            (all.to_vec(), all.to_vec(), all.to_vec(), all.to_vec(), all.to_vec());
    }
    let mut out: Vec<Found> = Vec::new();
    for m in matches(&MONEY, text, &money) {
        let written = &text[m.range()];
        let bare = PARENTHESIS.replace_all(written, "");
        let name = clean_name(&bare);
        out.push(Found { kind: EntityKind::Money, start: m.start(), end: m.end(), name });
        // an amount given in a second currency inside the first: "1.5 billion (US$209 million) yuan"
        if let Some(open) = written.find('(') {
            let inner_start = m.start() + open + 1;
            if let Some(close) = text[inner_start..m.end()].find(')') {
                let inner = &text[inner_start..inner_start + close];
                if let Some(n) = MONEY.for_text(inner).find(inner) {
                    out.push(Found {
                        kind: EntityKind::Money,
                        start: inner_start + n.start(),
                        end: inner_start + n.end(),
                        name: clean_name(&inner[n.range()]),
                    });
                }
            }
        }
    }
    for m in matches(&DOCUMENT_OF, text, &doc_of) {
        let written = &text[m.range()];
        let end = m.start() + DATE_TAIL.find(written).map_or(written.len(), |d| d.start());
        let name = clean_name(&text[m.start()..end]);
        out.push(Found { kind: EntityKind::Document, start: m.start(), end, name });
    }
    for m in matches(&DOCUMENT_NAMED, text, &doc_named) {
        if let Some(start) = trim_leading(text, m.start(), m.end(), leading) {
            let name = clean_name(&text[start..m.end()]);
            if name.contains(' ') {
                out.push(Found { kind: EntityKind::Document, start, end: m.end(), name });
            }
        }
    }
    for (all, core) in captures(&DOCUMENT_GENERIC, text, &generic) {
        let Some(core) = core else { continue };
        let name = clean_name(&text[core.range()].to_lowercase()).replace("free-trade", "free trade");
        out.push(Found { kind: EntityKind::Document, start: all.start(), end: all.end(), name });
    }
    for m in matches(&EVENT, text, &event) {
        if let Some(start) = trim_leading(text, m.start(), m.end(), leading) {
            let name = clean_name(&text[start..m.end()]);
            if name.contains(' ') {
                out.push(Found { kind: EntityKind::Event, start, end: m.end(), name });
            }
        }
    }
    // keep the longest of overlapping finds, except that an amount may sit inside another
    out.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut kept: Vec<Found> = Vec::with_capacity(out.len());
    for f in out {
        if let Some(last) = kept.last_mut() {
            if f.start < last.end && f.kind == EntityKind::Document && last.kind == EntityKind::Document {
                // "Tokyo Declaration" and "Declaration on Economic Partnership" are one document
                if f.end > last.end {
                    last.end = f.end;
                    last.name = clean_name(&text[last.start..last.end]);
                }
                continue;
            }
            if f.start < last.end && !(f.kind == EntityKind::Money && last.kind == EntityKind::Money) {
                continue;
            }
        }
        kept.push(f);
    }
    kept
}

#[cfg(test)]
mod tests;
