//! Tests that run several stages together, above them all: the rule engine's internals on texts
//! the extractor has resolved (so that no stage's own tests reach up to the extractor).

mod rules;
