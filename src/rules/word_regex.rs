//! A pattern's regular expression over one word (`/[a-z]+ed/`). It is only ever asked whether a
//! whole word matches, and rarely (the trigger words come first: a few hundred times in a megabyte
//! of news), so it is a Pike VM alone: building the `regex` crate's several engines for it cost
//! twice as much, at every start, as the Pike VM does (the rules' 19 word regexes, 23M → 12M
//! instructions), for searches that the Pike VM does as well on one word.

use std::sync::Arc;

use regex_automata::nfa::thompson::pikevm::{Cache, PikeVM};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;

/// Makes a Pike VM's scratch space, for the pool.
type NewCache = Box<dyn Fn() -> Cache + Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>;

/// A case-insensitive regular expression that a whole word matches or not. Cheap to clone.
#[derive(Clone)]
pub(crate) struct WordRegex(Arc<Inner>);

struct Inner {
    /// The expression as written in the pattern.
    source: String,
    vm: PikeVM,
    /// Scratch space for searches, one per thread at once (as the `regex` crate keeps it).
    caches: Pool<Cache, NewCache>,
}

impl WordRegex {
    /// Compiles `re` to match whole words, ignoring case (`^(?i:re)$`); the error is a message.
    pub(crate) fn new(re: &str) -> Result<WordRegex, String> {
        // (the overall match only: the VM is asked only whether there is one)
        let config = thompson::Config::new().which_captures(WhichCaptures::Implicit);
        let vm = PikeVM::builder().thompson(config).build(&format!("^(?i:{re})$")).map_err(|e| e.to_string())?;
        let for_caches = vm.clone();
        let caches: Pool<Cache, NewCache> = Pool::new(Box::new(move || for_caches.create_cache()));
        Ok(WordRegex(Arc::new(Inner { source: re.to_string(), vm, caches })))
    }

    /// Whether all of `word` matches.
    pub(crate) fn is_match(&self, word: &str) -> bool {
        let mut cache = self.0.caches.get();
        self.0.vm.is_match(&mut cache, word)
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
    fn a_bad_expression_is_an_error() {
        assert!(WordRegex::new("(unclosed").is_err());
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
