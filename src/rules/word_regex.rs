//! A pattern's regular expression over one word (`/[a-z]+ed/`). It is only ever asked whether a
//! whole word matches, and rarely (the trigger words come first: a few hundred times in a megabyte
//! of news), so it is one Thompson NFA searched by a bounded backtracker (quick on a word) or, for
//! a word too long for it, a Pike VM: building the `regex` crate's several engines (a reverse NFA,
//! lazy DFAs) for it cost half as much again, at every start (the rules' 19 word regexes, 23.4M →
//! 15.9M instructions), for searches these do as well on one word.

use std::sync::Arc;

use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::{self, WhichCaptures, NFA};
use regex_automata::util::pool::Pool;

/// The most heap an expression's NFA may take: the `regex` crate's default `size_limit`, which
/// these expressions had when they were `regex::Regex`es.
const NFA_SIZE_LIMIT: usize = 10 * (1 << 20);

/// Scratch space of the two engines.
struct Cache {
    backtrack: backtrack::Cache,
    pikevm: pikevm::Cache,
}

/// Makes the engines' scratch space, for the pool.
type NewCache = Box<dyn Fn() -> Cache + Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>;

/// A case-insensitive regular expression that a whole word matches or not. Cheap to clone.
#[derive(Clone)]
pub(crate) struct WordRegex(Arc<Inner>);

struct Inner {
    /// The expression as written in the pattern.
    source: String,
    /// For words: quicker than the Pike VM on short texts, but only up to a length.
    backtracker: BoundedBacktracker,
    /// For longer words, which the backtracker declines.
    vm: PikeVM,
    /// Scratch space for searches, one per thread at once (as the `regex` crate keeps it).
    caches: Pool<Cache, NewCache>,
}

impl WordRegex {
    /// Compiles `re` to match whole words, ignoring case (`^(?i:re)$`); the error is a message.
    pub(crate) fn new(re: &str) -> Result<WordRegex, String> {
        // (the overall match only: the VM is asked only whether there is one); the `regex`
        // crate's bound on the size of what a user's expression compiles to, which a Thompson
        // NFA alone does not have
        let config =
            thompson::Config::new().which_captures(WhichCaptures::Implicit).nfa_size_limit(Some(NFA_SIZE_LIMIT));
        let nfa = NFA::compiler().configure(config).build(&format!("^(?i:{re})$")).map_err(|e| e.to_string())?;
        let vm = PikeVM::new_from_nfa(nfa.clone()).map_err(|e| e.to_string())?;
        let backtracker = BoundedBacktracker::new_from_nfa(nfa).map_err(|e| e.to_string())?;
        let (b, v) = (backtracker.clone(), vm.clone());
        let caches: Pool<Cache, NewCache> =
            Pool::new(Box::new(move || Cache { backtrack: b.create_cache(), pikevm: v.create_cache() }));
        Ok(WordRegex(Arc::new(Inner { source: re.to_string(), backtracker, vm, caches })))
    }

    /// Whether all of `word` matches.
    pub(crate) fn is_match(&self, word: &str) -> bool {
        let mut cache = self.0.caches.get();
        let Cache { backtrack, pikevm } = &mut *cache;
        match self.0.backtracker.try_is_match(backtrack, word) {
            Ok(found) => found,
            Err(_) => self.0.vm.is_match(pikevm, word),
        }
    }
}

impl std::fmt::Debug for WordRegex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("WordRegex").field(&self.0.source).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::WordRegex;

    #[test]
    fn whole_words_match_ignoring_case() {
        let re = WordRegex::new("[a-z]+ed").expect("compiles");
        assert!(re.is_match("signed"));
        assert!(re.is_match("SIGNED"));
        assert!(!re.is_match("signed."));
        assert!(!re.is_match("unsigned ed"));
        assert!(!re.is_match("ed"));
        let digits = WordRegex::new("[0-9][0-9,.]*").expect("compiles");
        assert!(digits.is_match("1,000.5"));
        assert!(!digits.is_match("x1"));
    }

    #[test]
    fn words_too_long_for_the_backtracker_match_as_well() {
        let re = WordRegex::new("[^a'].*").expect("compiles");
        let long = "x".repeat(1 << 20);
        assert!(re.is_match(&long));
        assert!(!re.is_match(&format!("a{long}")));
        assert!(!WordRegex::new("[a-z]+ed").expect("compiles").is_match(&format!("{long}1ed")));
    }

    #[test]
    fn a_bad_expression_is_an_error() {
        assert!(WordRegex::new("(unclosed").is_err());
        // a small expression that repeats its way past the size bound is refused, not built
        assert!(WordRegex::new("a{1000}{1000}").is_err());
    }

    #[test]
    fn clones_search_on_several_threads_at_once() {
        let re = WordRegex::new("plans?").expect("compiles");
        std::thread::scope(|s| {
            for _ in 0..4 {
                let re = re.clone();
                s.spawn(move || assert!((0..100).all(|_| re.is_match("Plans") && !re.is_match("planned"))));
            }
        });
    }
}
