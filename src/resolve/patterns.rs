//! Entities that no gazetteer lists, found by pattern: amounts of money, treaties and other
//! documents, summits and other events.

use aho_corasick::AhoCorasick;
use once_cell::sync::{Lazy, OnceCell};
use regex::Regex;

use crate::gazetteer::{slug, EntityKind};

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
    any: OnceCell<Regex>,
    ascii: Regex,
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
        Pattern {
            source: pattern.to_string(),
            any: OnceCell::new(),
            ascii: Regex::new(&ascii).expect("entity pattern, ASCII"),
        }
    }

    /// The regex for `hay`: the ASCII form when it does, the Unicode form otherwise.
    fn for_text(&self, hay: &str) -> &Regex {
        if hay.is_ascii() {
            &self.ascii
        } else {
            self.any.get_or_init(|| Regex::new(&self.source).expect("entity pattern"))
        }
    }
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

/// Capitalised words that open a sentence or a phrase without being part of a name.
const LEADING: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "Last",
    "Next",
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Annual",
    "Inaugural",
    "New",
    "Historic",
    "Landmark",
    "Both",
    "At",
    "In",
    "On",
    "After",
    "Before",
    "During",
    "Since",
    "Under",
    "With",
    "Ahead",
    "When",
    "While",
    "As",
    "And",
    "But",
    "To",
    "For",
    "Of",
    "By",
    "From",
    "Into",
    "Over",
    "Against",
    "Vs",
    "Heads",
    "Says",
    "Said",
    "Hosts",
    "Hails",
];

/// Starts the name after the last word that cannot be part of it ("Heads To Astana For X Summit"
/// is the X Summit); `None` when nothing of a name is left.
fn trim_leading(text: &str, start: usize, end: usize) -> Option<usize> {
    let mut s = start;
    let mut at = start;
    for word in text[start..end].split_whitespace() {
        let offset = at + text[at..end].find(word)?;
        at = offset + word.len();
        if LEADING.contains(&word) {
            s = at;
        }
    }
    let rest = text[s..end].trim_start();
    (!rest.is_empty()).then(|| end - rest.len())
}

fn clean_name(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where in a text a pattern may match: the searches below run only over these spans.
///
/// Running a regex over a whole news text costs far more than the cheap scans that rule most of
/// it out (the lazy DFA keeps building states). A span is cut at bytes that no match of the
/// pattern can contain, so searching the spans finds exactly the matches of the whole text; and
/// only spans holding a word that every match contains are searched.
#[derive(Clone, Copy)]
enum Scope {
    /// The whole text (the reference the spans must agree with).
    #[cfg(test)]
    Whole,
    /// Spans cut at ASCII punctuation other than `-` and `'`, holding a trigger.
    Words(&'static AhoCorasick),
    /// Spans an amount of money may cover (see `money_cut`), holding a digit or a currency word.
    Money,
}

// Every match of `DOCUMENT_OF` and `DOCUMENT_NAMED` contains one of these (case as written).
static DOC_TRIGGERS: Lazy<AhoCorasick> = Lazy::new(|| {
    let words = [
        "Treaty",
        "Agreement",
        "Accord",
        "Convention",
        "Declaration",
        "Charter",
        "Protocol",
        "Pact",
        "Memorandum",
        "Communiqu",
        "Joint",
    ];
    AhoCorasick::new(words).expect("document triggers")
});

// Every match of `DOCUMENT_GENERIC` contains one of these, in any case (none holds an `s` or a
// `k`, the only ASCII letters with non-ASCII case variants).
static GENERIC_TRIGGERS: Lazy<AhoCorasick> = Lazy::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["agreement", "pact", "treaty", "deal", "accord"])
        .expect("generic document triggers")
});

// Every match of `EVENT` ends with one of these.
static EVENT_TRIGGERS: Lazy<AhoCorasick> = Lazy::new(|| {
    let words =
        ["Summit", "summit", "Forum", "forum", "Conference", "Games", "Olympics", "Expo", "Congress", "Dialogue"];
    AhoCorasick::new(words).expect("event triggers")
});

// Every match of `MONEY` holds a digit or one of these currency words, in any case; `ſ` is the
// long s, which a case-insensitive `s` also matches.
static CURRENCY_TRIGGERS: Lazy<AhoCorasick> = Lazy::new(|| {
    let words = [
        "yuan",
        "renminbi",
        "dollar",
        "euro",
        "pound",
        "sterling",
        "\u{17f}terling",
        "yen",
        "rupee",
        "rouble",
        "ruble",
        "tenge",
        "som",
        "\u{17f}om",
        "manat",
        "franc",
        "riyal",
        "dirham",
        "lira",
        "usd",
        "u\u{17f}d",
        "eur",
        "rmb",
        "cny",
    ];
    AhoCorasick::builder().ascii_case_insensitive(true).build(words).expect("currency triggers")
});

/// Whether no match of the word patterns (documents, events) can hold byte `b`.
fn word_cut(b: u8) -> bool {
    b.is_ascii_punctuation() && b != b'-' && b != b'\''
}

/// The spans of `text` an amount of money may lie in, cut at bytes no amount can hold.
///
/// An amount holds letters, digits, spaces, `$`, currency signs, `,` after a digit, `.` in a
/// number or after `rs`, and anything inside a parenthesis; so other ASCII punctuation outside
/// an open parenthesis cuts, and so do `,` and `.` where they cannot be part of a number.
fn money_spans(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut open = false;
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let cut = match b {
            b'(' => {
                open = true;
                false
            }
            b')' => {
                open = false;
                false
            }
            _ if open => false,
            b'$' => false,
            // a digit (or a non-ASCII byte, which may belong to one) before it: "3,000"
            b',' => i > 0 && bytes[i - 1] < 0x80 && !bytes[i - 1].is_ascii_digit() && bytes[i - 1] != b',',
            // a decimal point ("1.5") or "rs."
            b'.' => {
                let next = bytes.get(i + 1).copied().unwrap_or(b' ');
                let prev = if i > 0 { bytes[i - 1] } else { b' ' };
                !(next.is_ascii_digit() || next >= 0x80 || prev >= 0x80 || prev == b's' || prev == b'S')
            }
            _ => b.is_ascii_punctuation(),
        };
        if cut {
            if start < i {
                spans.push((start, i));
            }
            start = i + 1;
        }
    }
    if start < bytes.len() {
        spans.push((start, bytes.len()));
    }
    spans
}

/// The spans of `text` cut at `word_cut` bytes that hold a match of `triggers`.
fn word_spans(text: &str, triggers: &AhoCorasick) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for hit in triggers.find_iter(text) {
        if spans.last().is_some_and(|&(_, end)| hit.start() < end) {
            continue;
        }
        let start = bytes[..hit.start()].iter().rposition(|&b| word_cut(b)).map_or(0, |p| p + 1);
        let end = bytes[hit.end()..].iter().position(|&b| word_cut(b)).map_or(bytes.len(), |p| hit.end() + p);
        spans.push((start, end));
    }
    spans
}

/// Whether a money span holds a digit or a currency word.
fn money_trigger(span: &str) -> bool {
    span.bytes().any(|b| b.is_ascii_digit())
        || (!span.is_ascii() && span.chars().any(char::is_numeric))
        || CURRENCY_TRIGGERS.is_match(span)
}

/// The matches of `re` in `text` (as `find_iter` over the whole text would give them), searching
/// only the spans of `scope`.
fn matches<'t>(pattern: &Pattern, text: &'t str, scope: Scope) -> Vec<regex::Match<'t>> {
    let spans = match scope {
        #[cfg(test)]
        Scope::Whole => return pattern.for_text(text).find_iter(text).collect(),
        Scope::Words(triggers) => word_spans(text, triggers),
        Scope::Money => money_spans(text).into_iter().filter(|&(s, e)| money_trigger(&text[s..e])).collect(),
    };
    let mut out = Vec::new();
    for (start, end) in spans {
        // the byte after the span (ASCII, it cut) stays in the haystack, for `\b` to see it
        let hay = &text[..(end + 1).min(text.len())];
        let re = pattern.for_text(&hay[start..]);
        let mut at = start;
        while let Some(m) = re.find_at(hay, at) {
            at = m.end();
            out.push(m);
        }
    }
    out
}

/// The matches of `re`, with their capture groups, as `matches` finds them.
fn captures<'t>(pattern: &Pattern, text: &'t str, scope: Scope) -> Vec<regex::Captures<'t>> {
    let spans = match scope {
        #[cfg(test)]
        Scope::Whole => return pattern.for_text(text).captures_iter(text).collect(),
        Scope::Words(triggers) => word_spans(text, triggers),
        Scope::Money => unreachable!("no money pattern has groups"),
    };
    let mut out = Vec::new();
    for (start, end) in spans {
        let hay = &text[..(end + 1).min(text.len())];
        let re = pattern.for_text(&hay[start..]);
        let mut at = start;
        while let Some(c) = re.captures_at(hay, at) {
            at = c.get(0).map_or(hay.len(), |m| m.end());
            out.push(c);
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
    for ac in [&DOC_TRIGGERS, &GENERIC_TRIGGERS, &EVENT_TRIGGERS, &CURRENCY_TRIGGERS] {
        Lazy::force(ac);
    }
}

/// Every pattern entity of `text`, sorted by start; no two overlap (the longer wins).
pub(crate) fn find(text: &str) -> Vec<Found> {
    find_in(text, None)
}

/// `find`, searching the whole text when `whole` (for tests) and only where a pattern may match
/// otherwise.
fn find_in(text: &str, whole: Option<Scope>) -> Vec<Found> {
    let scope = |s: Scope| whole.unwrap_or(s);
    let mut out: Vec<Found> = Vec::new();
    for m in matches(&MONEY, text, scope(Scope::Money)) {
        let written = m.as_str();
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
                        name: clean_name(n.as_str()),
                    });
                }
            }
        }
    }
    for m in matches(&DOCUMENT_OF, text, scope(Scope::Words(&DOC_TRIGGERS))) {
        let end = m.start() + DATE_TAIL.find(m.as_str()).map_or(m.as_str().len(), |d| d.start());
        let name = clean_name(&text[m.start()..end]);
        out.push(Found { kind: EntityKind::Document, start: m.start(), end, name });
    }
    for m in matches(&DOCUMENT_NAMED, text, scope(Scope::Words(&DOC_TRIGGERS))) {
        if let Some(start) = trim_leading(text, m.start(), m.end()) {
            let name = clean_name(&text[start..m.end()]);
            if name.contains(' ') {
                out.push(Found { kind: EntityKind::Document, start, end: m.end(), name });
            }
        }
    }
    for c in captures(&DOCUMENT_GENERIC, text, scope(Scope::Words(&GENERIC_TRIGGERS))) {
        let (Some(all), Some(core)) = (c.get(0), c.get(1)) else { continue };
        let name = clean_name(&core.as_str().to_lowercase()).replace("free-trade", "free trade");
        out.push(Found { kind: EntityKind::Document, start: all.start(), end: all.end(), name });
    }
    for m in matches(&EVENT, text, scope(Scope::Words(&EVENT_TRIGGERS))) {
        if let Some(start) = trim_leading(text, m.start(), m.end()) {
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
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(EntityKind, String, &str)> {
        find(text).into_iter().map(|f| (f.kind, f.name.clone(), &text[f.start..f.end])).collect()
    }

    #[test]
    fn money_amounts() {
        let got = names("They gave 2.4 billion yuan, then US$15 million and $3bn, then €2 million.");
        let written: Vec<&str> = got.iter().map(|g| g.2).collect();
        assert_eq!(written, ["2.4 billion yuan", "US$15 million", "$3bn", "€2 million"]);
        assert!(got.iter().all(|g| g.0 == EntityKind::Money));
    }

    #[test]
    fn money_with_a_qualifier_and_a_second_currency() {
        let got = names("a pledge of more than a billion yuan and 7 million (US$1 million) tenge");
        assert_eq!(got[0].2, "more than a billion yuan");
        assert_eq!(got[1].1, "7 million tenge");
        assert_eq!(got[2].2, "US$1 million");
    }

    #[test]
    fn more_currencies() {
        let got = names("They pledged 10 billion US dollars, Rs 500 crore and 3 trillion won; the two won praise.");
        let written: Vec<&str> = got.iter().map(|g| g.2).collect();
        assert_eq!(written, ["10 billion US dollars", "Rs 500 crore", "3 trillion won"]);
    }

    #[test]
    fn numbers_without_currency_are_not_money() {
        assert!(names("some 3,000 scholarships in 2024").is_empty());
    }

    #[test]
    fn treaties() {
        let got = names("They signed the Treaty of Lasting Amity and Mutual Trust on Friday.");
        assert_eq!(
            got,
            [(
                EntityKind::Document,
                "Treaty of Lasting Amity and Mutual Trust".into(),
                "Treaty of Lasting Amity and Mutual Trust"
            )]
        );
        let got = names("They signed the Hanoi Declaration on Digital Trade today.");
        assert_eq!(got[0].1, "Hanoi Declaration on Digital Trade");
        let got = names("The Paris Agreement holds.");
        assert_eq!(got[0].1, "Paris Agreement");
        let got = names("talks on a free-trade agreement and a historic friendship pact");
        let ids: Vec<String> =
            find("talks on a free-trade agreement and a historic friendship pact").iter().map(Found::id).collect();
        assert_eq!(ids, ["document:free-trade-agreement", "document:friendship-pact"]);
        assert_eq!(got[1].2, "historic friendship pact");
    }

    #[test]
    fn searching_spans_finds_what_searching_the_whole_text_finds() {
        let texts = [
            "They gave 2.4 billion yuan, then US$15 million and $3bn; then \u{20ac}2 million.",
            "a pledge of 7 million (about: US$1 million, roughly) tenge and Rs. 500 crore",
            "3,000,000 dollars. 1.5 billion (unclosed US$2 yuan; then 4 euros",
            "x_1 million yuan, 2_000 won, \u{17f}om 5 SOM and \u{661}\u{662} million rubles (\u{17f}terling)",
            "the Treaty of Lasting Amity and Mutual Trust on Friday; the Hanoi Declaration on Digital Trade.",
            "foo_Paris Agreement, \"Joint Statement\" and the Memorandum of Understanding between X and Y",
            "a FREE-TRADE Agreement: the historic friendship pact, a new gas deal (and an ACCORD).",
            "before the Second Mekong\u{2013}Ganga Summit, the G7 summit and the Asia-Pacific Economic Forum!",
            "Leader Heads To Astana For Mekong-Ganga Summit\nThe Tokyo Declaration on Economic Partnership",
        ];
        for text in texts {
            assert_eq!(find(text), find_in(text, Some(Scope::Whole)), "{text}");
        }
        assert_eq!(find(texts[0]).len(), 4);
    }

    #[test]
    fn events() {
        let got = names("before the Second Mekong-Ganga Summit and the G7 summit");
        let ids: Vec<String> =
            find("before the Second Mekong-Ganga Summit and the G7 summit").iter().map(Found::id).collect();
        assert_eq!(ids, ["event:mekong-ganga-summit", "event:g7-summit"]);
        assert_eq!(got[0].2, "Mekong-Ganga Summit");
        assert!(names("The summit ended.").is_empty());
        // a headline in title case does not make one long event name
        let ids: Vec<String> = find("Leader Heads To Astana For Mekong-Ganga Summit").iter().map(Found::id).collect();
        assert_eq!(ids, ["event:mekong-ganga-summit"]);
    }
}
