//! Tests of the text stage.

use super::*;

fn words(t: &Text<'_>) -> Vec<String> {
    (0..t.tokens().len()).map(|i| t.token_text(i).to_string()).collect()
}

fn sentences(src: &str) -> Vec<&str> {
    let t = Text::new(src);
    t.sentences().iter().map(|s| &src[s.span()]).collect()
}

#[test]
fn folds_case_quotes_dashes_and_space() {
    let t = Text::new("China\u{2019}s  Xi \u{2013} \u{201C}Peace\u{201D}\r\n");
    assert_eq!(t.normalized(), "china's xi - \"peace\"");
    assert_eq!(words(&t), ["china", "'s", "xi", "-", "\"", "peace", "\""]);
    let tok = &t.tokens()[0];
    assert_eq!(&t.original()[tok.span()], "China");
    let tok = &t.tokens()[1];
    assert_eq!(&t.original()[tok.span()], "\u{2019}s");
    assert_eq!(t.tokens()[1].kind(), TokenKind::Possessive);
}

#[test]
fn offsets_survive_dropped_and_multibyte_characters() {
    let src = "A\u{200D}\u{202E}b É\u{301}t\u{0130}x";
    let t = Text::new(src);
    for tok in t.tokens() {
        assert!(src.is_char_boundary(tok.start()) && src.is_char_boundary(tok.end()));
    }
    let last = t.tokens().last().unwrap();
    assert!(src[last.span()].ends_with('x'));
}

#[test]
fn every_normalised_offset_maps_to_a_boundary_in_order() {
    for src in [
        "  \u{200B}Ab\u{2019}c  d\u{00A0}\u{00A0}e\u{0301}f\u{0130}g\u{FEFF}h \u{201C}i\u{201D}\t\n",
        "\u{0130}\u{0130}x\u{2014}\u{2014}y",
        "é\u{301}\u{301}  z",
        "",
        "   ",
    ] {
        let t = Text::new(src);
        let n = t.normalized().len();
        let (mut last_start, mut last_end) = (0, 0);
        for i in 0..=n {
            let (s, e) = (t.to_original_start(i), t.to_original_end(i));
            assert!(src.is_char_boundary(s) && src.is_char_boundary(e), "{src:?} at {i}");
            assert!(s >= last_start && e >= last_end, "{src:?} at {i}");
            (last_start, last_end) = (s, e);
        }
        assert_eq!(t.to_original_start(n), src.len());
        assert_eq!(t.to_original_end(0), 0);
        for (i, tok) in t.tokens().iter().enumerate() {
            assert_eq!(Text::new(&src[tok.span()]).normalized(), t.token_text(i), "{src:?}");
        }
    }
}

#[test]
fn spans_map_exactly_around_folded_characters() {
    let src = "x \u{201C}Iran\u{201D}\u{00A0}\u{00A0}and  \u{200B}Chad";
    let t = Text::new(src);
    assert_eq!(t.normalized(), "x \"iran\" and chad");
    let span = |s: &str| {
        let i = t.normalized().find(s).unwrap();
        &src[t.to_original(i..i + s.len())]
    };
    assert_eq!(span("iran"), "Iran");
    assert_eq!(span("\"iran\""), "\u{201C}Iran\u{201D}");
    assert_eq!(span("and"), "and");
    assert_eq!(span("chad"), "Chad");
    assert_eq!(span("\" and"), "\u{201D}\u{00A0}\u{00A0}and");
}

#[test]
fn combining_accents_compose_so_both_spellings_match() {
    let composed = Text::new("Andr\u{e9} Sall\u{e9}");
    let decomposed = Text::new("ANDRE\u{301} Salle\u{301}");
    assert_eq!(composed.normalized(), decomposed.normalized());
    assert_eq!(decomposed.token_original(0), "ANDRE\u{301}");
    // two marks: e, dot below, circumflex is one letter
    assert_eq!(Text::new("Vie\u{323}\u{302}t").normalized(), "vi\u{1EC7}t");
    // a mark after a space stays where it is
    assert_eq!(Text::new("a \u{301}b").normalized(), "a \u{301}b");
}

#[test]
fn ascii_words_agree_with_unicode_segmentation() {
    // a small deterministic generator over the characters the rules care about
    let alphabet = b"ab1_.:',;-!\"Z9 ";
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..3000 {
        let mut s = Vec::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = (seed % 40) as usize + 1;
        let mut x = seed;
        for _ in 0..len {
            s.push(alphabet[(x % alphabet.len() as u64) as usize]);
            x /= alphabet.len() as u64;
            if x == 0 {
                x = seed.rotate_left(17) | 1;
            }
        }
        let s = String::from_utf8(s).unwrap();
        let mut ours = Vec::new();
        ascii_words(s.as_bytes(), &mut |a, b| ours.push(&s[a..b]));
        let theirs: Vec<&str> = s.split_word_bounds().filter(|w| !w.starts_with(' ')).collect();
        assert_eq!(ours, theirs, "{s:?}");
    }
}

#[test]
fn ascii_prefixes_and_words_next_to_other_characters() {
    let long = "a".repeat(70);
    assert_eq!(ascii_prefix_len(format!("{long}\u{e9}").as_bytes()), 70);
    assert_eq!(ascii_prefix_len(long.as_bytes()), 70);
    assert_eq!(ascii_prefix_len("\u{e9}a".as_bytes()), 0);
    let t = Text::new("Caf\u{e9} talks: S\u{e3}o Paulo, 3.5 percent. na\u{ef}ve x.y \u{201c}z\u{201d}");
    assert_eq!(
        words(&t),
        [
            "caf\u{e9}",
            "talks",
            ":",
            "s\u{e3}o",
            "paulo",
            ",",
            "3.5",
            "percent",
            ".",
            "na\u{ef}ve",
            "x.y",
            "\"",
            "z",
            "\""
        ]
    );
}

#[test]
fn sentences_split_on_full_stops_and_lines_but_not_abbreviations() {
    assert_eq!(
        sentences("Mr. Xi met Dr. Smith in the U.S. on Monday. Then he left.\nA headline\nand a wrapped line"),
        ["Mr. Xi met Dr. Smith in the U.S. on Monday.", "Then he left.", "A headline\nand a wrapped line"]
    );
}

#[test]
fn sentence_rules_for_numbers_initials_quotes_and_other_terminators() {
    assert_eq!(sentences("It rose 1.5 percent. It fell."), ["It rose 1.5 percent.", "It fell."]);
    assert_eq!(sentences("John F. Kennedy spoke. Then?! Yes."), ["John F. Kennedy spoke.", "Then?!", "Yes."]);
    assert_eq!(sentences("\"We agree.\" Then they left."), ["\"We agree.\"", "Then they left."]);
    assert_eq!(sentences("talks etc. and more. Done"), ["talks etc. and more.", "Done"]);
    assert_eq!(sentences("the U.S., China and others"), ["the U.S., China and others"]);
    assert_eq!(sentences("Line one.\r\nLine two"), ["Line one.", "Line two"]);
    assert_eq!(sentences("\u{5317}\u{4EAC}\u{3002}\u{4E0A}\u{6D77}"), ["\u{5317}\u{4EAC}\u{3002}", "\u{4E0A}\u{6D77}"]);
}

#[test]
fn plural_possessive() {
    let t = Text::new("the US' tariff and the leaders' talks");
    let kinds: Vec<TokenKind> = t.tokens().iter().map(|t| t.kind()).collect();
    assert_eq!(kinds[2], TokenKind::Possessive);
    assert_eq!(kinds[7], TokenKind::Possessive);
}

#[test]
fn packed_tokens_keep_kind_and_sentence() {
    let t = Text::new("Xi's 3 talks. The leaders' deal!\nA second line. And a third, with 2 numbers.");
    let kinds: Vec<TokenKind> = t.tokens().iter().map(Token::kind).collect();
    use TokenKind::*;
    assert_eq!(kinds[..7], [Word, Possessive, Number, Word, Punct, Word, Word]);
    assert_eq!(kinds[7], Possessive);
    assert_eq!(t.sentences().len(), 4);
    for (s, sentence) in t.sentences().iter().enumerate() {
        for i in sentence.tokens() {
            assert_eq!(t.tokens()[i].sentence(), s);
            assert_eq!(t.tokens()[i].span(), t.tokens()[i].start()..t.tokens()[i].end());
        }
    }
    let debug = format!("{:?}", t.tokens()[7]);
    assert!(debug.contains("kind: Possessive") && debug.contains("sentence: 1"), "{debug}");
}

#[test]
fn char_boundaries_round_down() {
    let s = "a\u{e9}\u{20ac}";
    assert_eq!([0, 1, 2, 3, 4, 5, 6, 7].map(|i| floor_char_boundary(s, i)), [0, 1, 1, 3, 3, 3, 6, 6]);
}

#[test]
fn empty_and_blank_inputs() {
    assert!(Text::new("").tokens().is_empty());
    assert!(Text::new(" \n\t ").sentences().is_empty());
    assert_eq!(Text::new(" \n\t ").to_original_start(0), 4);
}

#[test]
fn the_offset_map_stays_sparse_on_plain_text() {
    let t = Text::new("Kazakh President Kassym-Jomart Tokayev met Xi in Astana. Talks went well.\n\nNext paragraph.");
    // one group for the paragraph break, none for the single spaces and ASCII words
    assert_eq!(t.groups.len(), 1);
}

#[test]
fn the_eight_byte_skip_of_sentence_splitting_misses_no_line_break_or_terminator() {
    let alphabet: &[u8] = b"aZ 0,-'\".!?\n\r\t@[\x7f\x80\xc3\xa9\xe2\xff";
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..20_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let bytes: Vec<u8> = (0..8).map(|k| alphabet[(seed >> (k * 5)) as usize % alphabet.len()]).collect();
        let flags = may_end(word_at(&bytes, 0));
        let first = if flags == 0 { 8 } else { flags.trailing_zeros() as usize / 8 };
        assert!(bytes[..first].iter().all(|&b| !matches!(b, b'\n' | b'\r' | b'.' | b'!' | b'?' | 0x80..)), "{bytes:?}");
        assert!(first == 8 || bytes[first] < b'@' || bytes[first] >= 0x80, "{bytes:?}");
    }
}
