//! Helpers shared by the resolver's test files.

use attache::resolve::MentionForm;
use attache::{Date, Extractor};

/// The units rules see: (phrase as written, entity id, acts-for id, form).
pub fn units(extractor: &Extractor, text: &str, date: Date) -> Vec<(String, String, Option<String>, MentionForm)> {
    let (t, r) = extractor.analyze(text, date);
    r.mentions
        .iter()
        .filter(|m| !m.nested)
        .map(|m| {
            let toks = t.tokens();
            let phrase = text[toks[m.tokens.start].start()..toks[m.tokens.end - 1].end()].to_string();
            let acts = m.acts_for.map(|a| r.entities[a].id.clone());
            (phrase, r.entities[m.entity].id.clone(), acts, m.form)
        })
        .collect()
}
