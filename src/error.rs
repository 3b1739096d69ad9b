//! The crate's error type.
//!
//! Every error that comes from a file a user wrote names the file, the line and the column, so that
//! a bad gazetteer or rule file can be fixed without guessing.

use std::fmt;
use std::path::PathBuf;

/// A position in a named source: a file path, or a label such as `<embedded gazetteers/countries.jsonl>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file (or label of an in-memory source).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl Location {
    /// A location in `file` at a 1-based `line` and `column`.
    pub fn new(file: impl Into<String>, line: usize, column: usize) -> Location {
        Location { file: file.into(), line, column }
    }

    /// The location of byte `offset` in `source`, which was read from `file`.
    pub fn from_offset(file: impl Into<String>, source: &str, offset: usize) -> Location {
        let mut offset = offset.min(source.len());
        while !source.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &source[..offset];
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = source[line_start..offset].chars().count() + 1;
        Location { file: file.into(), line, column }
    }
}

/// Turns byte offsets of one source into [`Location`]s without rescanning the source each time.
#[derive(Debug, Clone)]
pub(crate) struct LineIndex<'s> {
    file: &'s str,
    source: &'s str,
    line_starts: Vec<usize>,
}

impl<'s> LineIndex<'s> {
    /// Indexes the line starts of `source`, which was read from `file`.
    pub(crate) fn new(file: &'s str, source: &'s str) -> LineIndex<'s> {
        let line_starts = std::iter::once(0)
            .chain(source.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { file, source, line_starts }
    }

    /// The location of byte `offset`.
    pub(crate) fn location(&self, offset: usize) -> Location {
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self.line_starts[line - 1];
        let column = self.source[line_start..offset].chars().count() + 1;
        Location { file: self.file.to_string(), line, column }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// Everything that can go wrong while building an [`Extractor`](crate::Extractor) or reading input.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A gazetteer file is malformed: not a record, a missing or unknown field, a bad value.
    #[error("{location}: bad gazetteer record: {message}")]
    Gazetteer {
        /// Where.
        location: Location,
        /// What was expected and what was found.
        message: String,
    },
    /// Two gazetteer records in the same layer share an id.
    #[error("{location}: duplicate entity id `{id}` (first defined at {first})")]
    DuplicateEntity {
        /// The id.
        id: String,
        /// The second definition.
        location: Location,
        /// The first definition.
        first: Location,
    },
    /// A rule file is malformed.
    #[error("{location}: bad rule file: {message}")]
    Rules {
        /// Where.
        location: Location,
        /// What was expected and what was found.
        message: String,
    },
    /// Two rules share an id.
    #[error("{location}: duplicate rule id `{id}` (first defined at {first})")]
    DuplicateRule {
        /// The id.
        id: String,
        /// The second definition.
        location: Location,
        /// The first definition.
        first: Location,
    },
    /// A date is not `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`).
    #[error("bad date `{0}`: expected YYYY-MM-DD")]
    Date(String),
    /// Input text is not UTF-8.
    #[error("input is not valid UTF-8: invalid byte sequence at byte offset {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// A replacement word list (`lexicon/*.txt`, `*.tsv`) is malformed, or names no list.
    #[error("{location}: bad word list: {message}")]
    Lexicon {
        /// Where.
        location: Location,
        /// What is wrong.
        message: String,
    },
    /// An automaton could not be built (for example, a gazetteer too large for its limits).
    #[error("cannot build the name matcher: {0}")]
    Matcher(String),
}

/// A `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_from_offset_counts_lines_and_chars() {
        let src = "ab\ncdé\nf";
        assert_eq!(Location::from_offset("x", src, 0).to_string(), "x:1:1");
        assert_eq!(Location::from_offset("x", src, 3).to_string(), "x:2:1");
        // after "cdé": é is two bytes, one column
        assert_eq!(Location::from_offset("x", src, 7).to_string(), "x:2:4");
        assert_eq!(Location::from_offset("x", src, 99).to_string(), "x:3:2");
    }

    #[test]
    fn line_index_agrees_with_from_offset() {
        let src = "ab\ncdé\n\nf";
        let index = LineIndex::new("x", src);
        for offset in 0..=src.len() + 2 {
            assert_eq!(index.location(offset), Location::from_offset("x", src, offset), "offset {offset}");
        }
    }
}
