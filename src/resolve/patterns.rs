//! Entities that no gazetteer lists, found by pattern: amounts of money, treaties and other
//! documents, summits and other events.

use once_cell::sync::Lazy;
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

// A capitalised word of a proper name: "Treaty", "Good-Neighbourliness", "G20", "START".
const WORD: &str = r"(?:\p{Lu}[\p{L}\p{M}\d]*(?:[-\u2010\u2011'\u2019]\p{L}[\p{L}\p{M}\d]*)*)";

static MONEY: Lazy<Regex> = Lazy::new(|| {
    let qualifier =
        r"(?:(?:more\s+than|less\s+than|over|under|about|around|nearly|almost|up\s+to|some|roughly|approximately)\s+)";
    let number = r"(?:\d[\d,]*(?:\.\d+)?)";
    let scale = r"(?:\s?(?:thousand|million|billion|trillion|bn|mn|tn|m|k)(?-u:\b))";
    let symbol = r"(?:us\$|hk\$|a\$|c\$|s\$|nz\$|\$|€|£|¥|rmb\s?|usd\s?|eur\s?|cny\s?)";
    let spelled = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|hundreds\s+of|thousands\s+of|millions\s+of|billions\s+of)";
    let unit = r"(?:yuan|renminbi|dollars?|euros?|pounds?|sterling|yen|rupees?|roubles?|rubles?|tenge|soms?|manats?|somoni|sums?|won|francs?|riyals?|dirhams?|lira|usd|eur|rmb|cny)";
    let pattern = format!(
        r"(?i)(?:(?-u:\b){qualifier})?(?:{symbol}\s?{number}{scale}?|(?-u:\b)(?:{number}|{spelled}){scale}?(?:\s*\([^()]{{1,40}}\))?\s*{unit}(?-u:\b))"
    );
    Regex::new(&pattern).expect("money pattern")
});

static PARENTHESIS: Lazy<Regex> = Lazy::new(|| Regex::new(r"\s*\([^()]*\)").expect("parenthesis pattern"));

const DOC_NOUN: &str = r"(?:Treaty|Agreement|Accords?|Convention|Declaration|Charter|Protocol|Pact|Memorandum\s+of\s+Understanding|Communiqu[eé]|Joint\s+Statement)";

static DOCUMENT_OF: Lazy<Regex> = Lazy::new(|| {
    let pattern = format!(
        r"(?-u:\b){DOC_NOUN}\s+(?:of|on|for|between|concerning)\s+(?:the\s+)?{WORD}(?:\s+(?:(?:and|of|on|for|the|between)\s+)*{WORD}){{0,7}}"
    );
    Regex::new(&pattern).expect("document pattern")
});

// A name runs up to a date: "the Treaty of Amity on Friday" is the Treaty of Amity.
static DATE_TAIL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\s+(?:on|of|for|and|the)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\b).*$")
        .expect("date pattern")
});

static DOCUMENT_NAMED: Lazy<Regex> = Lazy::new(|| {
    let pattern = format!(r"(?-u:\b){WORD}(?:\s+(?:and\s+)?{WORD}){{0,4}}\s+{DOC_NOUN}(?-u:\b)");
    Regex::new(&pattern).expect("document pattern")
});

static DOCUMENT_GENERIC: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?:landmark|historic|permanent|comprehensive|new|bilateral|long-term)\s+)*((?:free[- ]trade|trade|friendship|peace|ceasefire|cease-fire|security|defen[cs]e|cooperation|co-operation|partnership|investment|nuclear|arms|gas|energy|border|visa[- ]free|strategic\s+partnership)\s+(?:agreement|pact|treaty|deal|accord))s?(?-u:\b)",
    )
    .expect("document pattern")
});

static EVENT: Lazy<Regex> = Lazy::new(|| {
    let word = format!(r"(?:{WORD}|\p{{Lu}}+\d+)");
    let pattern = format!(
        r"(?-u:\b){word}(?:(?:\s*[-\u2010\u2011\u2013]\s*|\s+){word}){{0,3}}\s+(?:Summit|summit|Forum|forum|Conference|Games|Olympics|Expo|Congress|Dialogue)(?-u:\b)"
    );
    Regex::new(&pattern).expect("event pattern")
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

/// Every pattern entity of `text`, sorted by start; no two overlap (the longer wins).
pub(crate) fn find(text: &str) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for m in MONEY.find_iter(text) {
        let written = m.as_str();
        let bare = PARENTHESIS.replace_all(written, "");
        let name = clean_name(&bare);
        out.push(Found { kind: EntityKind::Money, start: m.start(), end: m.end(), name });
        // an amount given in a second currency inside the first: "1.5 billion (US$209 million) yuan"
        if let Some(open) = written.find('(') {
            let inner_start = m.start() + open + 1;
            if let Some(close) = text[inner_start..m.end()].find(')') {
                let inner = &text[inner_start..inner_start + close];
                if let Some(n) = MONEY.find(inner) {
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
    for m in DOCUMENT_OF.find_iter(text) {
        let end = m.start() + DATE_TAIL.find(m.as_str()).map_or(m.as_str().len(), |d| d.start());
        let name = clean_name(&text[m.start()..end]);
        out.push(Found { kind: EntityKind::Document, start: m.start(), end, name });
    }
    for m in DOCUMENT_NAMED.find_iter(text) {
        if let Some(start) = trim_leading(text, m.start(), m.end()) {
            let name = clean_name(&text[start..m.end()]);
            if name.contains(' ') {
                out.push(Found { kind: EntityKind::Document, start, end: m.end(), name });
            }
        }
    }
    for c in DOCUMENT_GENERIC.captures_iter(text) {
        let (Some(all), Some(core)) = (c.get(0), c.get(1)) else { continue };
        let name = clean_name(&core.as_str().to_lowercase()).replace("free-trade", "free trade");
        out.push(Found { kind: EntityKind::Document, start: all.start(), end: all.end(), name });
    }
    for m in EVENT.find_iter(text) {
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
        if let Some(last) = kept.last() {
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
        let got = names("The Paris Agreement holds.");
        assert_eq!(got[0].1, "Paris Agreement");
        let got = names("talks on a free-trade agreement and a historic friendship pact");
        let ids: Vec<String> =
            find("talks on a free-trade agreement and a historic friendship pact").iter().map(Found::id).collect();
        assert_eq!(ids, ["document:free-trade-agreement", "document:friendship-pact"]);
        assert_eq!(got[1].2, "historic friendship pact");
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
