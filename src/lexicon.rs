//! The word lists attache's stages read, embedded from the top-level `lexicon/` folder: one list
//! a file, one entry a line, `#` comments. A list changes by editing its file, not the code.
//!
//! | file | read by | what |
//! |---|---|---|
//! | `function-words.txt` | resolve | capitalised words that open sentences without being names |
//! | `title-case-small.txt` | resolve | short words headlines leave in lower case |
//! | `calendar.txt` | resolve | days and months |
//! | `common-words.txt` | resolve | capitalised common words that are no name |
//! | `name-suffixes.txt` | resolve | words after a name that continue it ("Jr") |
//! | `geo-modifiers.txt` | resolve | words that make a place of a name ("northern") |
//! | `group-nouns.txt` | resolve | nouns after a name that make it a group |
//! | `news-verbs.txt` | resolve | verbs that make a capitalised first word an actor |
//! | `locatives.txt` | resolve | words before a name that make it a location |
//! | `not-now.txt` | resolve | words before a title: no longer, or not yet, in office |
//! | `particles.txt` | matcher, resolve | name particles ("bin", "von", "al") |
//! | `honorifics.txt`, `vague-titles.txt`, `not-acting-titles.txt` | resolve | titles that vouch for less |
//! | `not-name-words.txt`, `institution-words.txt`, `leading-words.txt` | resolve | capitalised words that are no person's name |
//! | `pronouns.txt`, `subordinators.txt` | resolve (coreference) | pronouns; words opening a clause before the main one |
//! | `gender-male.txt`, `gender-female.txt` | resolve (coreference) | words that say a person's gender (pronouns, honorifics, titles, kin) |
//! | `abbreviations.txt` | text | abbreviations whose full stop ends no sentence |
//! | `common-trigger-words.txt` | rules | words too common to trigger a pattern |
//! | `negation.txt`, `modality.txt`, `auxiliaries.txt`, `linking-words.txt` | rules | words that negate, make future, qualify or link |
//! | `determiners.txt` | rules | words before a mention that join its unit ("the", "his") |
//! | `suppositions.txt`, `cancellations.txt` | rules | words before a match that deny or suppose it; words after it that call it off |
//! | `agents.tsv`, `agents-extra.tsv`, `group-*.txt` | resolve (groups) | agent nouns and their sectors |
//! | `sectors.tsv` | resolve (groups) | CAMEO sector codes to PLOVER's |
//! | `org-heads.tsv` | resolve (named organisations) | head words of organisations named after a country ("Airways") |

use rustc_hash::FxHashSet;

/// One embedded list: the file it comes from and its text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct List {
    /// The file, as `lexicon/<name>` (for messages about the list).
    #[cfg_attr(not(test), allow(dead_code))]
    pub file: &'static str,
    /// Its text.
    pub text: &'static str,
}

impl List {
    /// The entries: lines without comments and surrounding space, empty lines skipped.
    pub(crate) fn entries(self) -> impl Iterator<Item = &'static str> {
        self.text.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty())
    }
}

/// A list's entries, as a set.
#[derive(Debug)]
pub(crate) struct Words {
    set: FxHashSet<&'static str>,
}

impl Words {
    pub(crate) fn new(list: List) -> Words {
        Words { set: list.entries().collect() }
    }

    /// Whether `w` is an entry, as written.
    pub(crate) fn contains(&self, w: impl AsRef<str>) -> bool {
        self.set.contains(w.as_ref())
    }

    /// Whether `w` is an entry, ASCII case aside (entries are lower case).
    pub(crate) fn contains_ignore_case(&self, w: &str) -> bool {
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            self.set.contains(w.to_ascii_lowercase().as_str())
        } else {
            self.set.contains(w)
        }
    }
}

/// A list loaded once, as a set.
macro_rules! words {
    ($(#[$doc:meta])* $name:ident, $list:ident) => {
        $(#[$doc])*
        pub(crate) static $name: once_cell::sync::Lazy<Words> = once_cell::sync::Lazy::new(|| Words::new($list));
    };
}

macro_rules! list {
    ($name:ident, $file:literal) => {
        pub(crate) const $name: List =
            List { file: concat!("lexicon/", $file), text: include_str!(concat!("../lexicon/", $file)) };
    };
}

list!(FUNCTION_WORDS, "function-words.txt");
list!(TITLE_CASE_SMALL, "title-case-small.txt");
list!(CALENDAR, "calendar.txt");
list!(COMMON_WORDS, "common-words.txt");
list!(NAME_SUFFIXES, "name-suffixes.txt");
list!(GEO_MODIFIERS, "geo-modifiers.txt");
list!(GROUP_NOUNS, "group-nouns.txt");
list!(NEWS_VERBS, "news-verbs.txt");
list!(LOCATIVES, "locatives.txt");
list!(NOT_NOW, "not-now.txt");
list!(PARTICLES_LIST, "particles.txt");
list!(VAGUE_TITLES_LIST, "vague-titles.txt");
list!(NOT_ACTING_LIST, "not-acting-titles.txt");
list!(HONORIFICS_LIST, "honorifics.txt");
list!(NOT_NAME_LIST, "not-name-words.txt");
list!(PRONOUNS_LIST, "pronouns.txt");
list!(SUBORDINATORS_LIST, "subordinators.txt");
list!(INSTITUTIONS_LIST, "institution-words.txt");
list!(LEADING_LIST, "leading-words.txt");
list!(ABBREVIATIONS_LIST, "abbreviations.txt");
list!(COMMON_TRIGGER_LIST, "common-trigger-words.txt");
list!(AGENTS, "agents.tsv");
list!(AGENTS_EXTRA, "agents-extra.tsv");
list!(GROUP_COLLECTIVES, "group-collectives.txt");
list!(GROUP_MODIFIERS, "group-modifiers.txt");
list!(GROUP_FOLLOWERS, "group-followers.txt");
list!(GROUP_COUNTED, "group-counted.txt");
list!(SECTORS, "sectors.tsv");
list!(ORG_HEADS, "org-heads.tsv");
list!(NEGATION_LIST, "negation.txt");
list!(MODALITY_LIST, "modality.txt");
list!(AUXILIARIES_LIST, "auxiliaries.txt");
list!(LINKING_LIST, "linking-words.txt");
list!(GENDER_MALE, "gender-male.txt");
list!(GENDER_FEMALE, "gender-female.txt");
list!(SUPPOSITIONS_LIST, "suppositions.txt");
list!(CANCELLATIONS_LIST, "cancellations.txt");
list!(DETERMINERS, "determiners.txt");

words!(
    /// Particles of names, whose capitalisation varies ("Mohammed bin Salman", "al-Burhan").
    PARTICLES, PARTICLES_LIST
);
words!(
    /// Titles too vague to vouch for a name.
    VAGUE_TITLES, VAGUE_TITLES_LIST
);
words!(
    /// Titles that are no office of the owner before them.
    NOT_ACTING, NOT_ACTING_LIST
);
words!(
    /// Titles that say nothing of a role.
    HONORIFICS, HONORIFICS_LIST
);
words!(
    /// Capitalised words of titles and bodies, no part of a name.
    NOT_NAME, NOT_NAME_LIST
);
words!(
    /// Personal pronouns that refer to one person.
    PRONOUNS, PRONOUNS_LIST
);
words!(
    /// Words that open a clause before the main one.
    SUBORDINATORS, SUBORDINATORS_LIST
);
words!(
    /// Last words that make a run of capitalised words an institution.
    INSTITUTIONS, INSTITUTIONS_LIST
);
words!(
    /// Capitalised words that open a phrase without being part of a name (as written).
    LEADING, LEADING_LIST
);
words!(
    /// Abbreviations whose full stop ends no sentence.
    ABBREVIATIONS, ABBREVIATIONS_LIST
);
words!(
    /// Verbs that make a capitalised word before them an actor ("Chad said").
    NEWS_VERB_SET, NEWS_VERBS
);
words!(
    /// Words that negate the event after them.
    NEGATION, NEGATION_LIST
);
words!(
    /// Words that put the event after them in the future.
    MODALITY, MODALITY_LIST
);
words!(
    /// Words that only qualify the verb after them.
    AUXILIARIES, AUXILIARIES_LIST
);
words!(
    /// Words that link parts: never a match's trigger.
    LINKING, LINKING_LIST
);
words!(
    /// Words before a match that deny its clause or only suppose it.
    SUPPOSITIONS, SUPPOSITIONS_LIST
);
words!(
    /// Words after a match that call it off.
    CANCELLATIONS, CANCELLATIONS_LIST
);
words!(
    /// Words too common to trigger a pattern.
    COMMON_TRIGGER, COMMON_TRIGGER_LIST
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_agent_line_is_a_phrase_a_tab_and_a_sector_code() {
        for list in [AGENTS, AGENTS_EXTRA] {
            for (n, line) in list.text.lines().enumerate() {
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                let fields: Vec<&str> = line.split('\t').collect();
                assert!(
                    fields.len() == 2 && !fields[0].trim().is_empty(),
                    "{}:{}: expected `phrase<TAB>SECTOR`, found {line:?}",
                    list.file,
                    n + 1
                );
                let sector = fields[1].trim();
                assert!(
                    !sector.is_empty() && sector.len() % 3 == 0 && sector.bytes().all(|b| b.is_ascii_uppercase()),
                    "{}:{}: sector `{sector}` is not a run of three-letter codes",
                    list.file,
                    n + 1
                );
            }
        }
    }

    #[test]
    fn no_word_states_both_genders() {
        let male: std::collections::HashSet<&str> = GENDER_MALE.entries().collect();
        for w in GENDER_FEMALE.entries() {
            assert!(!male.contains(w), "`{w}` is in both {} and {}", GENDER_MALE.file, GENDER_FEMALE.file);
        }
        // every pronoun of the coreference list has a gender
        for p in PRONOUNS_LIST.entries() {
            assert!(male.contains(p) || GENDER_FEMALE.entries().any(|w| w == p), "pronoun `{p}` has no gender");
        }
    }

    #[test]
    fn every_list_has_entries_in_lower_case_without_duplicates() {
        for list in [
            FUNCTION_WORDS,
            TITLE_CASE_SMALL,
            CALENDAR,
            COMMON_WORDS,
            NAME_SUFFIXES,
            GEO_MODIFIERS,
            GROUP_NOUNS,
            NEWS_VERBS,
            LOCATIVES,
            NOT_NOW,
            PARTICLES_LIST,
            VAGUE_TITLES_LIST,
            NOT_ACTING_LIST,
            HONORIFICS_LIST,
            NOT_NAME_LIST,
            PRONOUNS_LIST,
            SUBORDINATORS_LIST,
            INSTITUTIONS_LIST,
            LEADING_LIST,
            ABBREVIATIONS_LIST,
            COMMON_TRIGGER_LIST,
            NEGATION_LIST,
            MODALITY_LIST,
            AUXILIARIES_LIST,
            LINKING_LIST,
            GENDER_MALE,
            GENDER_FEMALE,
            SUPPOSITIONS_LIST,
            CANCELLATIONS_LIST,
            DETERMINERS,
        ] {
            let entries: Vec<&str> = list.entries().collect();
            assert!(!entries.is_empty(), "{} is empty", list.file);
            let mut seen = std::collections::HashSet::new();
            for e in &entries {
                // (leading words are compared as written: "The", "His")
                if list.file != LEADING_LIST.file {
                    assert_eq!(*e, e.to_lowercase(), "{}: `{e}` is not lower case", list.file);
                }
                assert!(seen.insert(*e), "{}: `{e}` twice", list.file);
            }
        }
    }
}
