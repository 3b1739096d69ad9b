//! Tests of the pattern entities.

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
        "hundreds ofthousandrenminbi, thousands ofbilliondollars, a \u{17f}terling, aDOLLARS and tenyuan",
        "the Treaty\u{301} of Rome, the Paris Summit\u{301}, a Trade Agreement\u{2019}s text, the Cairo Communiqu\u{e9}x",
        "the Ottawa Convention_ on X, the ottawa Summit, the Hanoi Declaration.on Trade, 1'000 dollars",
    ];
    for text in texts {
        assert_eq!(
            find(text),
            find_in(text, None, &crate::lexicon::Lexicon::embedded()[crate::lexicon::ListId::LeadingWords]),
            "{text}"
        );
    }
    assert_eq!(find(texts[0]).len(), 4);
}

/// Words and marks that pattern entities are made of, and their neighbours: capitalised and
/// lower-case words, triggers in several cases, numbers, currency signs and words, punctuation
/// that cuts and punctuation that does not, letters beyond ASCII, marks, odd spaces.
const PIECES: &[&str] = &[
    "Treaty",
    "treaty",
    "TREATY",
    "Agreement",
    "agreement",
    "Accords",
    "Memorandum",
    "of",
    "Understanding",
    "Joint",
    "Statement",
    "Communiqu\u{e9}",
    "Pact",
    "pact",
    "deal",
    "Deal",
    "accord",
    "Summit",
    "summit",
    "Forum",
    "forum",
    "Games",
    "Expo",
    "Dialogue",
    "G20",
    "ASEAN",
    "on",
    "for",
    "between",
    "concerning",
    "the",
    "and",
    "The",
    "met",
    "Friday",
    "Mekong",
    "Ganga",
    "Asia",
    "Pacific",
    "Good",
    "Neighbourliness",
    "Ph\u{1ea1}m",
    "\u{c9}lan",
    "\u{e9}lan",
    "Z\u{fc}rich",
    "free",
    "trade",
    "free-trade",
    "friendship",
    "historic",
    "strategic",
    "partnership",
    "nuclear",
    "arms",
    "yuan",
    "dollars",
    "US",
    "us",
    "\u{17f}om",
    "\u{17f}terling",
    "u\u{17f}d",
    "\u{212a}",
    "won",
    "rs",
    "Rs.",
    "usd",
    "eur",
    "$",
    "\u{20ac}",
    "\u{a3}",
    "1",
    "2.5",
    "3,000",
    "15",
    "\u{663}",
    "million",
    "bn",
    "m",
    "k",
    "crore",
    "more",
    "than",
    "about",
    "up",
    "to",
    "a",
    "an",
    "one",
    "hundreds",
    "some",
    "new",
    "zealand",
    "hong",
    "kong",
    "tenge",
    "(",
    ")",
    ",",
    ".",
    ";",
    ":",
    "-",
    "'",
    "\u{2019}",
    "\u{2018}",
    "\u{2010}",
    "\u{2013}",
    "\u{2014}",
    "\u{201c}",
    "\u{201d}",
    "\u{2026}",
    "\u{ab}",
    "\u{301}",
    "x",
    "ideal",
    "impact",
    "members",
    "presidents",
    "adollars",
    "tenyuan",
    "x.dollars",
    "dollar.com",
    "Treaty_",
    "xTreaty",
    "5dollars",
    "1'000",
    "Accord",
    "Communique",
    "SUMMIT",
    "agreements",
    "\u{17f}",
    "\u{e9}",
    "US$",
];
const GAPS: &[&str] = &[" ", " ", " ", "", "  ", "\n", "\u{a0}", "\u{2009}", "-", "\t"];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
    #[test]
    fn pieces_find_what_the_whole_text_finds(
        words in proptest::collection::vec(
            (proptest::sample::select(PIECES), proptest::sample::select(GAPS)), 0..40)
    ) {
        let text: String = words.iter().flat_map(|(w, g)| [*w, *g]).collect();
        proptest::prop_assert_eq!(find(&text), find_in(&text, None, &crate::lexicon::Lexicon::embedded()[crate::lexicon::ListId::LeadingWords]), "{:?}", text);
    }
}

#[test]
fn money_words_come_from_the_pattern() {
    let words = pattern_words(&MONEY.source);
    for w in ["than", "to", "of", "approximately", "us", "hk", "a", "rs", "inr", "hundreds", "bn", "lakh", "yuan"] {
        assert!(words.iter().any(|x| x == w), "{w}");
    }
    for run in ["Dollar", "MILLIONS", "t", "abillion", "am", "a", "tenyuan", "hundreds", "hong"] {
        assert!(MONEY_WORDS.may_hold(run.as_bytes()), "{run}");
    }
    for run in ["the", "percent", "cape", "signed", "coyoac", "overall"] {
        assert!(!MONEY_WORDS.may_hold(run.as_bytes()), "{run}");
    }
}

#[test]
fn pieces_skip_words_no_match_holds() {
    let text = "Officials met on the sidelines of the Collective Security Treaty Organization summit today.";
    let triggers = Triggers::find(&Text::new(text));
    let pieces = word_pieces(text, &triggers.event, Part::Event);
    let got: Vec<&str> = pieces.iter().map(|&(s, e)| &text[s..e]).collect();
    assert_eq!(got, ["he Collective Security Treaty Organization summit "]);
    let text = "Officials said trade rose by 4 million dollars \u{2014} and more.";
    let triggers = Triggers::find(&Text::new(text));
    let pieces = money_pieces(text, &triggers.money);
    let got: Vec<&str> = pieces.iter().map(|&(s, e)| &text[s..e]).collect();
    assert_eq!(got, ["y 4 million dollars "]);
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
