//! Titles and role words ("President", "foreign minister", "counterpart"), from the embedded
//! `gazetteers/titles.tsv`.

use once_cell::sync::Lazy;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::gazetteer::Office;
use crate::text::Text;

/// What a title says about the office of the person it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum TitleOffice {
    /// One of the gazetteer's offices.
    Office(Office),
    /// "counterpart": the office of the person it is the counterpart of.
    Counterpart,
}

/// The title table: normalised title -> office; `max_tokens` bounds the look-up window.
#[derive(Debug, Clone, Default)]
pub(crate) struct Titles {
    by_text: FxHashMap<String, TitleOffice>,
    /// Every prefix and every suffix of a title: a span of tokens can be a title only if its first
    /// token's text is a prefix and its last token's a suffix. Most tokens fail the first probe, so
    /// a look-up rarely builds and hashes a span of several tokens.
    heads: FxHashSet<String>,
    tails: FxHashSet<String>,
    max_tokens: usize,
    /// The longest title, in bytes.
    max_len: usize,
}

const TITLES_TSV: &str = include_str!("../../gazetteers/titles.tsv");

/// The embedded table. Its validity is a unit test, so a broken line cannot ship.
pub(crate) static TITLES: Lazy<Titles> = Lazy::new(|| Titles::parse(TITLES_TSV).unwrap_or_default());

impl Titles {
    /// Parses `title<TAB>office` lines.
    pub(crate) fn parse(text: &str) -> Result<Titles, String> {
        let mut titles = Titles::default();
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
            self.heads.insert(title[..i].to_string());
            self.tails.insert(title[i..].to_string());
        }
        self.by_text.insert(title.to_string(), office);
    }

    /// The office of the normalised title `text`.
    pub(crate) fn get(&self, text: &str) -> Option<TitleOffice> {
        self.by_text.get(text).copied()
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
        if span.len() > self.max_len || !self.heads.contains(text.token_text(start)) {
            return None;
        }
        self.get(&text.normalized()[span])
    }

    /// The longest title that ends just before token `end` (tokens `start..end`, one sentence).
    pub(crate) fn ending_at(&self, text: &Text<'_>, end: usize) -> Option<(usize, TitleOffice)> {
        let toks = text.tokens();
        if end == 0 || end > toks.len() || !self.tails.contains(text.token_text(end - 1)) {
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

    /// The longest title that starts at token `start` (tokens `start..end`, one sentence).
    pub(crate) fn starting_at(&self, text: &Text<'_>, start: usize) -> Option<(usize, TitleOffice)> {
        let toks = text.tokens();
        if start >= toks.len() || !self.heads.contains(text.token_text(start)) {
            return None;
        }
        let sentence = toks[start].sentence();
        let highest = (start + self.max_tokens).min(toks.len());
        (start + 1..=highest).rev().find_map(|end| {
            if toks[end - 1].sentence() != sentence || !self.tails.contains(text.token_text(end - 1)) {
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
