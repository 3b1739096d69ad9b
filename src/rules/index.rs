//! Typed indexes of the rule engine's tables (in the spirit of aho-corasick's `PatternID`): an
//! index says what it counts (a word of the vocabulary, a pattern, a group of required words), is
//! 4 bytes in the tables that hold many, and indexes a slice directly (`table[word]`), so the
//! conversion to `usize` lives here rather than as casts at every use.

macro_rules! index {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        #[repr(transparent)]
        pub(crate) struct $name(u32);

        impl $name {
            /// The `i`th. The tables hold far fewer than `u32::MAX` entries (a rule set of that
            /// many words or patterns could not be loaded), so `i` always fits; past it, the last
            /// value stands for all.
            #[inline]
            pub(crate) fn new(i: usize) -> $name {
                $name(u32::try_from(i).unwrap_or(u32::MAX))
            }

            /// The index as a `usize`.
            #[inline]
            pub(crate) fn index(self) -> usize {
                // u32 -> usize is lossless on the 32- and 64-bit targets attache builds for
                self.0 as usize
            }
        }

        impl<T> std::ops::Index<$name> for [T] {
            type Output = T;

            #[inline]
            fn index(&self, i: $name) -> &T {
                &self[i.index()]
            }
        }

        impl<T> std::ops::IndexMut<$name> for [T] {
            #[inline]
            fn index_mut(&mut self, i: $name) -> &mut T {
                &mut self[i.index()]
            }
        }

        impl<T> std::ops::Index<$name> for Vec<T> {
            type Output = T;

            #[inline]
            fn index(&self, i: $name) -> &T {
                &self[i.index()]
            }
        }

        impl<T> std::ops::IndexMut<$name> for Vec<T> {
            #[inline]
            fn index_mut(&mut self, i: $name) -> &mut T {
                &mut self[i.index()]
            }
        }
    };
}

index!(
    /// A word of a rule set's vocabulary ([`Vocab`](super::compile::Vocab)).
    WordId
);

impl WordId {
    /// No word: a token no pattern names, or an entity unit.
    pub(crate) const NONE: WordId = WordId(u32::MAX);

    /// The word with the fixed id `id` (the separators every vocabulary starts with).
    pub(crate) const fn fixed(id: u32) -> WordId {
        WordId(id)
    }

    /// The words of a vocabulary of `n` words, in order.
    pub(crate) fn all(n: usize) -> impl Iterator<Item = WordId> {
        (0..n).map(WordId::new)
    }

    /// The word `n` ids after this one.
    pub(crate) fn plus(self, n: usize) -> WordId {
        WordId::new(self.index() + n)
    }
}

index!(
    /// A pattern of a rule set, in the order the rules give them.
    PatternId
);

index!(
    /// A group of words some pattern requires besides its anchors (the trigger scan's `groups`).
    GroupId
);

index!(
    /// A unit of a sentence ([`Unit`](super::engine::Unit)): a token, or a mention with its words.
    UnitId
);

index!(
    /// An instruction of a pattern's [`Program`](super::compile::Program) (a program counter),
    /// where an instruction names another.
    InstId
);

impl InstId {
    /// No instruction: the end of an alternation's list of branches.
    pub(crate) const NONE: InstId = InstId(u32::MAX);
}

index!(
    /// A table of one-word branches of a [`Program`](super::compile::Program)
    /// ([`Inst::Words`](super::compile::Inst::Words)).
    TableId
);
