//! The embedded default gazetteers in a compact binary form, written at build time by `build.rs`
//! from `gazetteers/*.jsonl`: reading it costs a tenth of parsing the JSON (no escapes, no key
//! matching, no date parsing), which is most of what starting a process costs.
//!
//! Layout (integers are LEB128): `ATTG2`, the length of the strings and the strings (every
//! distinct string of the records once, UTF-8, checked once here), then the number of files and
//! per file its label, its record count and per record: line, column, id, kind
//! (byte), name, aliases (count; text, case byte — 3 when the file gives none —, form byte),
//! attrs (count; key, value, sorted by key), roles (count; title, office byte, of, start, end,
//! actor), members (count; id), priority (zigzag), source. A date is 0 (none), 1 and year, month,
//! day, or 2 and text; a string is where it starts in the strings and its length; an optional
//! string is 0, or 1 and the string. The strings once, not each where it is used, make the data
//! 2.6 MB instead of 4.3 MB, and checking them as UTF-8 once saves a tenth of reading it.
//!
//! `tests/gazetteers.rs` checks that this decodes to exactly what the JSON Lines reader makes of
//! the same files.

use std::collections::BTreeMap;

use super::{Alias, AliasForm, CasePolicy, EntityKind, EntityRecord, Office, Role};
use crate::date::Date;
use crate::error::Location;

/// The compact form of [`super::DEFAULT_FILES`].
static DEFAULTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteers.bin"));

/// The records of every default file, with their places, in file order; an error names what is
/// broken (which only a build script out of step with this reader can cause).
pub(super) fn default_records() -> Result<Vec<(EntityRecord, Location)>, String> {
    let mut r = Reader { bytes: DEFAULTS, at: 0, strings: "" };
    if r.take(5)? != b"ATTG2" {
        return Err("the compact gazetteers do not start with ATTG2".into());
    }
    let length = r.uint()?;
    r.strings = std::str::from_utf8(r.take(length)?).map_err(|e| e.to_string())?;
    let files = r.uint()?;
    let mut out = Vec::new();
    for _ in 0..files {
        let label = r.str()?;
        let count = r.uint()?;
        out.reserve(count);
        for _ in 0..count {
            let (line, column) = (r.uint()?, r.uint()?);
            let record = r.record().map_err(|e| format!("{label}:{line}: {e}"))?;
            out.push((record, Location::new(label, line, column)));
        }
    }
    if r.at != r.bytes.len() {
        return Err("trailing bytes after the compact gazetteers".into());
    }
    Ok(out)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    strings: &'a str,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&end| end <= self.bytes.len()).ok_or("truncated")?;
        let b = &self.bytes[self.at..end];
        self.at = end;
        Ok(b)
    }

    fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    fn uint(&mut self) -> Result<usize, String> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return usize::try_from(n).map_err(|_| "integer too large".into());
            }
        }
        Err("integer too long".into())
    }

    fn str(&mut self) -> Result<&'a str, String> {
        let (start, n) = (self.uint()?, self.uint()?);
        start.checked_add(n).and_then(|end| self.strings.get(start..end)).ok_or_else(|| "bad string".into())
    }

    fn string(&mut self) -> Result<String, String> {
        self.str().map(str::to_string)
    }

    fn optional(&mut self) -> Result<Option<String>, String> {
        match self.byte()? {
            0 => Ok(None),
            _ => self.string().map(Some),
        }
    }

    fn date(&mut self) -> Result<Option<Date>, String> {
        match self.byte()? {
            0 => Ok(None),
            1 => {
                let (y, m, d) = (self.uint()?, self.uint()?, self.uint()?);
                let date = (|| Date::new(i32::try_from(y).ok()?, u8::try_from(m).ok()?, u8::try_from(d).ok()?))();
                date.map(Some).ok_or_else(|| format!("invalid date {y}-{m}-{d}"))
            }
            _ => self.str()?.parse().map(Some).map_err(|e: crate::error::Error| e.to_string()),
        }
    }

    fn record(&mut self) -> Result<EntityRecord, String> {
        let id = self.string()?;
        let kind = *EntityKind::ALL.get(usize::from(self.byte()?)).ok_or("bad kind")?;
        let name = self.string()?;
        let aliases = (0..self.uint()?)
            .map(|_| {
                let text = self.string()?;
                let case = match self.byte()? {
                    0 => CasePolicy::Exact,
                    1 => CasePolicy::Capitalized,
                    2 => CasePolicy::Insensitive,
                    _ => CasePolicy::default_for(&text),
                };
                let form = match self.byte()? {
                    0 => AliasForm::Name,
                    1 => AliasForm::Short,
                    2 => AliasForm::Surname,
                    3 => AliasForm::Abbreviation,
                    4 => AliasForm::Adjective,
                    _ => AliasForm::Former,
                };
                Ok(Alias { text, case, form })
            })
            .collect::<Result<Vec<_>, String>>()?;
        // sorted by key: the map is built in one pass
        let attrs = (0..self.uint()?)
            .map(|_| Ok((self.string()?, self.string()?)))
            .collect::<Result<BTreeMap<_, _>, String>>()?;
        let roles = (0..self.uint()?)
            .map(|_| {
                let title = self.string()?;
                let office = match self.byte()? {
                    0 => Office::HeadOfState,
                    1 => Office::HeadOfGovernment,
                    2 => Office::ForeignMinister,
                    3 => Office::HeadOfOrganization,
                    _ => Office::Other,
                };
                let of = self.string()?;
                let (start, end) = (self.date()?, self.date()?);
                Ok(Role { title, office, of, start, end, actor: self.optional()? })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let members = (0..self.uint()?).map(|_| self.string()).collect::<Result<Vec<_>, String>>()?;
        let zigzag = self.uint()? as u64;
        let priority = i32::try_from(((zigzag >> 1) as i64) ^ -((zigzag & 1) as i64)).map_err(|e| e.to_string())?;
        let source = self.optional()?;
        Ok(EntityRecord { id, kind, name, aliases, attrs, roles, members, priority, source })
    }
}
