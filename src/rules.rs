//! Relations stage: rules that say who did what to whom, and test themselves.
//!
//! (Skeleton: the rule language and its compiler land in a following change.)

use crate::document::RelationKind;
use crate::error::{Error, Location, Result};
use crate::resolve::Resolution;
use crate::text::Text;

/// A relation found by a rule, before ids are attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationMatch {
    /// What happened.
    pub kind: RelationKind,
    /// Index into [`Resolution::entities`].
    pub subject: usize,
    /// Index into [`Resolution::entities`].
    pub object: usize,
    /// Index of the rule in its [`RuleSet`].
    pub rule: usize,
    /// Original byte span of the evidence.
    pub start: usize,
    /// Original byte span of the evidence, exclusive.
    pub end: usize,
    /// Named arguments (`amount`, `document`, `mood`).
    pub args: std::collections::BTreeMap<String, String>,
}

/// One rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Its id, `relation/name`.
    pub id: String,
    /// The relation it finds.
    pub relation: RelationKind,
    /// Where it was defined.
    pub location: Location,
}

/// A compiled set of rules.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
}

/// The default rule files, embedded at compile time: `(label, contents)`.
pub const DEFAULT_FILES: &[(&str, &str)] = &[("rules/diplomacy.toml", include_str!("../rules/diplomacy.toml"))];

impl RuleSet {
    /// An empty rule set.
    pub fn new() -> RuleSet {
        RuleSet::default()
    }

    /// The rules.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Adds the rules of a rule file held in memory; `label` names it in errors.
    ///
    /// # Errors
    /// A syntax error, with file, line and column.
    pub fn add_str(&mut self, label: &str, text: &str) -> Result<()> {
        let _: toml::Table = toml::from_str(text).map_err(|e| Error::Rules {
            location: e
                .span()
                .map_or_else(|| Location::new(label, 0, 0), |s| Location::from_offset(label, text, s.start)),
            message: e.message().to_string(),
        })?;
        Ok(())
    }

    /// Adds the rules of `other` after these.
    ///
    /// # Errors
    /// When a rule id repeats.
    pub fn extend(&mut self, other: RuleSet) -> Result<()> {
        self.rules.extend(other.rules);
        Ok(())
    }

    /// Finds the relations of a resolved text.
    pub fn apply(&self, _text: &Text<'_>, _resolution: &Resolution) -> Vec<RelationMatch> {
        Vec::new()
    }
}
