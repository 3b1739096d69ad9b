//! Typed indexes of resolution, in the spirit of `aho-corasick`'s `PatternID`: a token position, a
//! gazetteer entity, a mention, a pattern entity and an unlisted person are each their own type,
//! so that one is never passed where another is meant.
//!
//! They are 32 bits: a document holds fewer tokens and mentions than that, and a dense text has a
//! name every few bytes, so the size of what is kept per name counts. The indexes that are often
//! absent store their value inverted in a `NonZeroU32`, so that `Option<...>` costs no more than
//! the index itself (where the code used a `u32::MAX` sentinel before).

use std::num::NonZeroU32;
use std::ops::Range;

/// A token position in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) struct TokenIdx(u32);

impl TokenIdx {
    #[inline]
    pub(super) fn new(i: usize) -> TokenIdx {
        debug_assert!(i < u32::MAX as usize);
        TokenIdx(i as u32)
    }

    #[inline]
    pub(super) fn get(self) -> usize {
        self.0 as usize
    }
}

/// The tokens `start..end`: a `Range` that is `Copy` and half the size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tokens {
    pub(super) start: TokenIdx,
    pub(super) end: TokenIdx,
}

impl Tokens {
    #[inline]
    pub(super) fn new(range: Range<usize>) -> Tokens {
        Tokens { start: TokenIdx::new(range.start), end: TokenIdx::new(range.end) }
    }

    #[inline]
    pub(super) fn range(self) -> Range<usize> {
        self.start.get()..self.end.get()
    }
}

/// An index whose `Option` is as small as itself: it stores `!i`, which is never zero because no
/// index is `u32::MAX`.
macro_rules! non_max_index {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        pub(super) struct $name(NonZeroU32);

        impl $name {
            #[inline]
            pub(super) fn new(i: usize) -> $name {
                debug_assert!(i < u32::MAX as usize);
                // (`u32::MAX` itself, which no document reaches, would wrap to the largest index)
                $name(NonZeroU32::new(!(i as u32)).unwrap_or(NonZeroU32::MIN))
            }

            #[inline]
            pub(super) fn get(self) -> usize {
                !self.0.get() as usize
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}({})", stringify!($name), self.get())
            }
        }

        impl PartialOrd for $name {
            fn partial_cmp(&self, other: &$name) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for $name {
            fn cmp(&self, other: &$name) -> std::cmp::Ordering {
                self.get().cmp(&other.get())
            }
        }
    };
}

non_max_index!(
    /// An entity of the gazetteer (its index in `Gazetteer::entities`).
    GazIdx
);

non_max_index!(
    /// A mention found so far (its index in `Mentions::list`).
    PendingIdx
);

non_max_index!(
    /// A pattern entity (its index in `Patterns::finds`).
    FindIdx
);

non_max_index!(
    /// A person of the document that no gazetteer lists (see `unknown.rs`).
    UnknownIdx
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_of_indexes_cost_nothing() {
        assert_eq!(std::mem::size_of::<Option<GazIdx>>(), 4);
        assert_eq!(std::mem::size_of::<Option<PendingIdx>>(), 4);
        assert_eq!(std::mem::size_of::<Tokens>(), 8);
    }

    #[test]
    fn indexes_keep_their_value_and_order() {
        for i in [0, 1, 7, 1 << 20, u32::MAX as usize - 1] {
            assert_eq!(GazIdx::new(i).get(), i);
        }
        assert!(PendingIdx::new(3) < PendingIdx::new(4));
        assert!(PendingIdx::new(0) < PendingIdx::new(u32::MAX as usize - 1));
    }
}
