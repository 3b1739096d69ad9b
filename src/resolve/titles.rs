//! Titles and role words ("President", "foreign minister", "counterpart"), from the embedded
//! `gazetteers/titles.tsv`.

use once_cell::sync::Lazy;
use rustc_hash::{FxHashMap, FxHashSet};

use super::classes::TokenClasses;
use crate::gazetteer::Office;
use crate::lexicon::{Lexicon, ListId};
use crate::text::Text;

/// What a title says about the office of the person it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum TitleOffice {
    /// One of the gazetteer's offices.
    Office(Office),
    /// "counterpart": the office of the person it is the counterpart of.
    Counterpart,
}

/// Families of titles that name one kind of office whatever a state calls it. The gazetteer's
/// offices say what an office does (head of state, head of government); a title says what it is
/// called, and news names people by what they are called: South Korea's head of government is its
/// president, Iran's president is not its head of state, Britain's chancellor is not its head of
/// government. Titles of no family ("Taoiseach", "Chief Executive") are matched by office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Family {
    President,
    PrimeMinister,
    Chancellor,
    Monarch,
    SupremeLeader,
    ForeignMinister,
}

impl Family {
    /// Every family, by the name `lexicon/title-families.tsv` gives it (its check reads these too).
    pub(crate) const NAMED: [(&'static str, Family); 6] = [
        ("president", Family::President),
        ("prime-minister", Family::PrimeMinister),
        ("chancellor", Family::Chancellor),
        ("monarch", Family::Monarch),
        ("supreme-leader", Family::SupremeLeader),
        ("foreign-minister", Family::ForeignMinister),
    ];

    /// The family a `lexicon/title-families.tsv` line names.
    pub(crate) fn parse(name: &str) -> Option<Family> {
        Family::NAMED.iter().find(|(n, _)| *n == name).map(|&(_, family)| family)
    }
}

/// The families of titles of `lexicon` (`title-families.tsv`): normalised title -> family.
pub(super) fn families(lexicon: &Lexicon) -> FxHashMap<Box<str>, Family> {
    lexicon[ListId::TitleFamilies]
        .pairs()
        .filter_map(|(title, family)| Some((title.into(), Family::parse(family)?)))
        .collect()
}

/// The family of normalised title `title` (lower case, as `text::normalize` gives it), by the
/// table `families`.
pub(super) fn family_in(families: &FxHashMap<Box<str>, Family>, title: &str) -> Option<Family> {
    // the gazetteer's titles of organisations' heads ("President of the European Commission")
    families.get(title).copied().or_else(|| title.starts_with("president of ").then_some(Family::President))
}

/// The title table: normalised title -> office; `max_tokens` bounds the look-up window.
#[derive(Debug, Clone, Default)]
pub(crate) struct Titles {
    by_text: FxHashMap<String, TitleOffice>,
    /// Every prefix and every suffix of a title: a span of tokens can be a title only if its first
    /// token's text is a prefix and its last token's a suffix. Most tokens fail the first test, so
    /// a look-up rarely builds and hashes a span of several tokens.
    heads: Affixes,
    tails: Affixes,
    max_tokens: usize,
    /// The longest title, in bytes.
    max_len: usize,
}

/// The prefixes (or the suffixes) of the titles, with a test that turns most words away at once.
#[derive(Debug, Clone, Default)]
struct Affixes {
    /// Suffixes rather than prefixes.
    suffixes: bool,
    /// One bit per key of [`Affixes::key`]: the key of the one, two or three bytes a title
    /// starts with (ends with, for suffixes), which every affix that long or longer shares.
    keys: Vec<u64>,
    all: FxHashSet<Vec<u8>>,
}

impl Affixes {
    fn new(suffixes: bool) -> Affixes {
        Affixes { suffixes, keys: vec![0; 3 << 10], all: FxHashSet::default() }
    }

    /// A bit for the first (last) one, two or three bytes of `affix`: one byte and two bytes map
    /// one to one, three bytes are hashed to 16 bits.
    fn key(&self, affix: &[u8]) -> Option<usize> {
        let n = affix.len().min(3);
        let end = if self.suffixes { &affix[affix.len() - n..] } else { &affix[..n] };
        match *end {
            [] => None,
            [a] => Some(usize::from(a)),
            [a, b] => Some(1 << 16 | usize::from(a) << 8 | usize::from(b)),
            [a, b, c] => {
                let x = u32::from(a) << 16 | u32::from(b) << 8 | u32::from(c);
                Some(2 << 16 | (x.wrapping_mul(0x9E37_79B1) >> 16) as usize)
            }
            _ => None,
        }
    }

    fn insert(&mut self, affix: &str) {
        if let Some(k) = self.key(affix.as_bytes()) {
            self.keys[k / 64] |= 1 << (k % 64);
        }
        self.all.insert(affix.as_bytes().to_vec());
    }

    /// Whether `text` (bytes of a normalised text) is one of the affixes.
    #[inline]
    fn contains(&self, text: &[u8]) -> bool {
        if let Some(k) = self.key(text) {
            if self.keys.get(k / 64).map_or(true, |bits| (bits >> (k % 64)) & 1 == 0) {
                return false;
            }
        }
        self.all.contains(text)
    }
}

/// The normalised text of token `i`, as bytes (no test of character boundaries: a token's are).
#[inline]
fn token_bytes<'t>(text: &'t Text<'_>, i: usize) -> &'t [u8] {
    &text.normalized().as_bytes()[text.tokens()[i].norm()]
}

const TITLES_TSV: &str = include_str!("../../gazetteers/titles.tsv");

/// The embedded table. Its validity is a unit test, so a broken line cannot ship.
pub(crate) static TITLES: Lazy<Titles> = Lazy::new(|| Titles::parse(TITLES_TSV).unwrap_or_default());

impl Titles {
    /// Parses `title<TAB>office` lines.
    pub(crate) fn parse(text: &str) -> Result<Titles, String> {
        let mut titles = Titles { heads: Affixes::new(false), tails: Affixes::new(true), ..Titles::default() };
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let title = fields.next().unwrap_or("").trim();
            let office = fields.next().map(str::trim).ok_or_else(|| format!("titles.tsv:{}: no office", n + 1))?;
            let office = match office {
                "counterpart" => TitleOffice::Counterpart,
                "head-of-state" => TitleOffice::Office(Office::HeadOfState),
                "head-of-government" => TitleOffice::Office(Office::HeadOfGovernment),
                "foreign-minister" => TitleOffice::Office(Office::ForeignMinister),
                "head-of-organization" => TitleOffice::Office(Office::HeadOfOrganization),
                "other" => TitleOffice::Office(Office::Other),
                other => return Err(format!("titles.tsv:{}: unknown office `{other}`", n + 1)),
            };
            let norm = Text::new(title);
            if norm.tokens().is_empty() {
                return Err(format!("titles.tsv:{}: empty title", n + 1));
            }
            titles.max_tokens = titles.max_tokens.max(norm.tokens().len());
            titles.add(norm.normalized(), office);
        }
        Ok(titles)
    }

    fn add(&mut self, title: &str, office: TitleOffice) {
        self.max_len = self.max_len.max(title.len());
        for (i, _) in title.char_indices().chain(std::iter::once((title.len(), ' '))) {
            self.heads.insert(&title[..i]);
            self.tails.insert(&title[i..]);
        }
        self.by_text.insert(title.to_string(), office);
    }

    /// The office of the normalised title `text`.
    pub(crate) fn get(&self, text: &str) -> Option<TitleOffice> {
        self.by_text.get(text).copied()
    }

    /// Every prefix (`true`) and every suffix (`false`) of a title, cut at character boundaries:
    /// a span of tokens can be a title only if its first token's text is a prefix and its last
    /// token's a suffix (for `classes.rs`).
    pub(super) fn affixes(&self) -> impl Iterator<Item = (&[u8], bool)> {
        let heads = self.heads.all.iter().map(|a| (a.as_slice(), true));
        heads.chain(self.tails.all.iter().map(|a| (a.as_slice(), false)))
    }

    /// Whether `w` is a prefix of a title.
    #[cfg(test)]
    pub(super) fn is_head(&self, w: &[u8]) -> bool {
        self.heads.contains(w)
    }

    /// Whether `w` is a suffix of a title.
    #[cfg(test)]
    pub(super) fn is_tail(&self, w: &[u8]) -> bool {
        self.tails.contains(w)
    }

    /// The most tokens a title spans.
    #[cfg(test)]
    pub(crate) fn max_tokens(&self) -> usize {
        self.max_tokens
    }

    /// The office of the title that tokens `start..end` spell, if they do.
    fn span(&self, text: &Text<'_>, start: usize, end: usize) -> Option<TitleOffice> {
        let toks = text.tokens();
        let span = toks[start].norm().start..toks[end - 1].norm().end;
        if span.len() > self.max_len || !self.heads.contains(token_bytes(text, start)) {
            return None;
        }
        self.get(&text.normalized()[span])
    }

    /// [`Titles::span`] for tokens whose first is known to be a prefix of a title.
    fn span_from_head(&self, text: &Text<'_>, start: usize, end: usize) -> Option<TitleOffice> {
        let toks = text.tokens();
        let span = toks[start].norm().start..toks[end - 1].norm().end;
        if span.len() > self.max_len {
            return None;
        }
        self.get(&text.normalized()[span])
    }

    /// The longest title that ends just before token `end` (tokens `start..end`, one sentence).
    pub(crate) fn ending_at(&self, text: &Text<'_>, end: usize) -> Option<(usize, TitleOffice)> {
        let toks = text.tokens();
        if end == 0 || end > toks.len() || !self.tails.contains(token_bytes(text, end - 1)) {
            return None;
        }
        let sentence = toks[end - 1].sentence();
        let lowest = end.saturating_sub(self.max_tokens);
        (lowest..end).find_map(|start| {
            if toks[start].sentence() != sentence {
                return None;
            }
            self.span(text, start, end).map(|office| (start, office))
        })
    }

    /// Every title of `text` as `(start, end, office)`, by start: at each start the longest, as
    /// [`Titles::starting_at`] finds it. A title ends on a token that is the end of one, which
    /// few are (`classes`, the tokens' classes, say which): looking back from those costs less
    /// than looking on from every token.
    #[inline(never)]
    pub(super) fn all_in(&self, text: &Text<'_>, classes: &TokenClasses<'_>) -> Vec<(usize, usize, TitleOffice)> {
        let toks = text.tokens();
        let heads = classes.title_heads();
        let mut found = Vec::new();
        // the first head not before the window of the tail at hand (the windows move right)
        let mut h = 0;
        for &last in classes.title_tails() {
            let last = last as usize;
            let Some(token) = toks.get(last) else { continue };
            let sentence = token.sentence();
            let end = last + 1;
            let lowest = end.saturating_sub(self.max_tokens);
            while heads.get(h).is_some_and(|&s| (s as usize) < lowest) {
                h += 1;
            }
            for start in heads[h..].iter().map(|&s| s as usize).take_while(|&s| s < end) {
                if toks[start].sentence() == sentence {
                    if let Some(office) = self.span_from_head(text, start, end) {
                        found.push((start, end, office));
                    }
                }
            }
        }
        // the longest at each start
        found.sort_unstable_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
        found.dedup_by_key(|t| t.0);
        found
    }

    /// The longest title that starts at token `start` (tokens `start..end`, one sentence).
    pub(crate) fn starting_at(&self, text: &Text<'_>, start: usize) -> Option<(usize, TitleOffice)> {
        let toks = text.tokens();
        if start >= toks.len() || !self.heads.contains(token_bytes(text, start)) {
            return None;
        }
        let sentence = toks[start].sentence();
        let highest = (start + self.max_tokens).min(toks.len());
        (start + 1..=highest).rev().find_map(|end| {
            if toks[end - 1].sentence() != sentence || !self.tails.contains(token_bytes(text, end - 1)) {
                return None;
            }
            self.span(text, start, end).map(|office| (end, office))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_parses() {
        let t = Titles::parse(TITLES_TSV).unwrap();
        assert_eq!(t.get("president"), Some(TitleOffice::Office(Office::HeadOfState)));
        assert_eq!(t.get("secretary of state"), Some(TitleOffice::Office(Office::ForeignMinister)));
        assert_eq!(t.get("counterpart"), Some(TitleOffice::Counterpart));
        assert!(t.max_tokens() >= 4);
    }

    #[test]
    fn every_prefix_and_suffix_of_a_title_passes_the_affix_tests() {
        let t = Titles::parse("foreign minister\tforeign-minister\nsen.\tother\n").unwrap();
        for title in ["foreign minister", "sen."] {
            for (i, _) in title.char_indices().chain(std::iter::once((title.len(), ' '))) {
                assert!(
                    t.heads.contains(&title.as_bytes()[..i]) && t.tails.contains(&title.as_bytes()[i..]),
                    "{title} at {i}"
                );
            }
        }
        for word in ["the", "minister", "fo x", "sex"] {
            assert!(!t.heads.contains(word.as_bytes()), "{word}");
        }
        assert!(t.heads.contains(b"se") && t.tails.contains(b"minister") && !t.tails.contains(b"foreign"));
    }

    #[test]
    fn all_titles_of_a_text_are_the_longest_at_each_start() {
        let text = Text::new(
            "The Deputy Prime Minister met the foreign minister. Minister of Foreign Affairs \
             Sen. Smith, a minister, and the vice-president of the Commission spoke to the king.",
        );
        let by_token: Vec<(usize, usize, TitleOffice)> = (0..text.tokens().len())
            .filter_map(|i| TITLES.starting_at(&text, i).map(|(end, office)| (i, end, office)))
            .collect();
        let words = super::super::words::Words::new(Lexicon::embedded().clone());
        let table = super::super::classes::WordClasses::new(&words, &TITLES, super::super::groups::Agents::defaults());
        assert_eq!(TITLES.all_in(&text, &table.of(&text)), by_token);
        assert!(by_token.len() >= 6);
    }

    #[test]
    fn titles_of_one_family_whatever_a_state_calls_them() {
        let table = families(Lexicon::embedded());
        let family = |t: &str| family_in(&table, t);
        assert_eq!(family("premier"), family("prime minister"));
        assert_eq!(family("amir"), Some(Family::Monarch));
        assert_eq!(family("president of the european commission"), Some(Family::President));
        assert_ne!(family("president"), family("supreme leader"));
        assert_eq!(family("minister of foreign affairs"), Some(Family::ForeignMinister));
        // titles of no family are matched by office
        assert_eq!(family("taoiseach"), None);
        assert_eq!(family("vice president"), None);
    }

    #[test]
    fn bad_office_is_an_error() {
        assert!(Titles::parse("president\tboss\n").unwrap_err().contains("unknown office"));
    }

    #[test]
    fn longest_title_wins() {
        let text = Text::new("the Kazakh Deputy Prime Minister spoke");
        let (start, office) = TITLES.ending_at(&text, 5).unwrap();
        assert_eq!((start, office), (2, TitleOffice::Office(Office::Other)));
        let (end, office) = TITLES.starting_at(&text, 3).unwrap();
        assert_eq!((end, office), (5, TitleOffice::Office(Office::HeadOfGovernment)));
    }
}
