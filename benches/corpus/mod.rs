//! A generator of news-like benchmark text, of our own making.
//!
//! Sentences come from templates written for this benchmark (no text is taken from any article);
//! their slots are filled with names drawn from a gazetteer. Between templated sentences go
//! sentences without names, so that the density of names can be set: [`Corpus::names_per_kb`]
//! is what real English wire news shows (about 9 gazetteer names per KB, measured with attache's
//! own matcher on agency articles; the figure is printed by the benchmark for the text generated).
//! Paragraph breaks, headlines, quotes, numbers and curly punctuation appear at news-like rates.

use attache::{EntityKind, Gazetteer};

/// Names by kind, drawn from a gazetteer.
pub struct Names {
    people: Vec<String>,
    countries: Vec<String>,
    places: Vec<String>,
    orgs: Vec<String>,
    adjectives: Vec<String>,
}

impl Names {
    pub fn from_gazetteer(g: &Gazetteer) -> Names {
        let mut n = Names { people: vec![], countries: vec![], places: vec![], orgs: vec![], adjectives: vec![] };
        for e in g.entities() {
            let list = match e.kind {
                EntityKind::Person => &mut n.people,
                EntityKind::Country => &mut n.countries,
                EntityKind::Place => &mut n.places,
                EntityKind::Organization => &mut n.orgs,
                _ => continue,
            };
            list.push(e.name.clone());
            for a in &e.aliases {
                match a.form {
                    attache::AliasForm::Adjective if e.kind == EntityKind::Country => n.adjectives.push(a.text.clone()),
                    attache::AliasForm::Abbreviation if e.kind == EntityKind::Organization => {
                        n.orgs.push(a.text.clone())
                    }
                    _ => {}
                }
            }
        }
        for (list, fallback) in [
            (&mut n.people, "Jane Roe"),
            (&mut n.countries, "Freedonia"),
            (&mut n.places, "Springfield"),
            (&mut n.orgs, "Union of Example States"),
            (&mut n.adjectives, "Freedonian"),
        ] {
            if list.is_empty() {
                list.push(fallback.to_string());
            }
        }
        n
    }

    pub fn any(&self, rng: &mut Rng) -> &str {
        match rng.below(4) {
            0 => rng.pick(&self.people),
            1 => rng.pick(&self.countries),
            2 => rng.pick(&self.places),
            _ => rng.pick(&self.orgs),
        }
    }
}

/// A small deterministic generator (xorshift64*), so every run benchmarks the same text.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a, T: AsRef<str>>(&mut self, items: &'a [T]) -> &'a str {
        items[self.below(items.len())].as_ref()
    }
}

// Our own sentences. Slots: {P} person, {C} country, {L} place, {O} organisation, {A} a country
// adjective, {N} a number, {D} a weekday.
const NAMED: &[&str] = &[
    "{A} President {P} held talks with {P} in {L} on {D}.",
    "{P} met {P} on the sidelines of the {O} summit in {L}.",
    "{C} and {C} signed an agreement on energy cooperation worth {N} million dollars.",
    "{C} pledged {N} billion yuan to {O} for reconstruction after the floods.",
    "\u{201C}We are ready to deepen our partnership,\u{201D} {P} told reporters in {L}.",
    "The foreign ministers of {C}, {C} and {C} agreed to meet again in {L} next month.",
    "{O} called on {C} to release the detained journalists.",
    "{P} will pay a state visit to {C} from {D}, the ministry said.",
    "Officials from {C} said {P}\u{2019}s visit to {L} would focus on trade.",
    "{C} joined {O} in {N}, according to its foreign ministry.",
    "Speaking in {L}, {P} urged {C} and {C} to resolve the dispute through dialogue.",
    "The {A} delegation, led by {P}, arrived in {L} on {D} evening.",
];

const PLAIN: &[&str] = &[
    "The talks lasted about {N} hours and ended without a joint statement.",
    "Analysts expect little change in policy in the coming months.",
    "Trade between the two sides rose {N} percent last year, official figures show.",
    "The ministry did not respond to a request for comment.",
    "Both sides described the meeting as frank and constructive.",
    "A spokesperson said further details would be released later this week.",
    "The agreement covers customs, transport links and the exchange of students.",
    "Prices of wheat and fuel have risen sharply since the spring.",
    "Several hundred people gathered outside the parliament building on {D}.",
    "It was the third such meeting this year \u{2014} and the first since the elections.",
    "The project, which began in {N}, is expected to be completed by the end of the decade.",
    "Observers said the outcome would depend on talks scheduled for the autumn.",
];

const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Writes news-like text.
pub struct Corpus<'n> {
    names: &'n Names,
    /// Target density of gazetteer names per 1,000 bytes.
    pub names_per_kb: f64,
}

impl<'n> Corpus<'n> {
    pub fn new(names: &'n Names) -> Corpus<'n> {
        Corpus { names, names_per_kb: 9.0 }
    }

    /// About `bytes` bytes of text (cut at a sentence end), the same for the same `seed`.
    pub fn generate(&self, bytes: usize, seed: u64) -> String {
        let mut rng = Rng::new(seed);
        let mut out = String::with_capacity(bytes + 256);
        let mut names = 0usize;
        let mut in_paragraph = 0;
        while out.len() < bytes {
            if in_paragraph == 0 {
                // a headline now and then, then a paragraph
                if rng.below(6) == 0 {
                    let name = self.names.any(&mut rng).to_string();
                    out.push_str(&format!("{name} and partners weigh new steps\n\n"));
                    names += 1;
                }
                in_paragraph = 2 + rng.below(4);
            }
            // pick a named sentence while the density is below target
            let want = self.names_per_kb * (out.len() as f64 + 100.0) / 1000.0;
            let template = if (names as f64) < want { rng.pick(NAMED) } else { rng.pick(PLAIN) };
            names += self.fill(template, &mut rng, &mut out);
            in_paragraph -= 1;
            out.push_str(if in_paragraph == 0 { "\n\n" } else { " " });
        }
        out
    }

    fn fill(&self, template: &str, rng: &mut Rng, out: &mut String) -> usize {
        let n = self.names;
        let mut count = 0;
        let mut rest = template;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let slot = &rest[i + 1..i + 2];
            rest = &rest[i + 3..];
            let value = match slot {
                "P" => rng.pick(&n.people).to_string(),
                "C" => rng.pick(&n.countries).to_string(),
                "L" => rng.pick(&n.places).to_string(),
                "O" => rng.pick(&n.orgs).to_string(),
                "A" => rng.pick(&n.adjectives).to_string(),
                "D" => rng.pick(DAYS).to_string(),
                _ => (1 + rng.below(2000)).to_string(),
            };
            count += usize::from(matches!(slot, "P" | "C" | "L" | "O" | "A"));
            out.push_str(&value);
        }
        out.push_str(rest);
        count
    }
}

/// The hostile shapes of issue 7, about `bytes` long each: `(label, text)`.
pub fn hostile(names: &Names, bytes: usize) -> Vec<(&'static str, String)> {
    HOSTILE.iter().map(|&shape| (shape, hostile_shape(names, shape, bytes))).collect()
}

/// The hostile shapes of issue 7, by name.
pub const HOSTILE: &[&str] = &["one-name-repeated", "no-spaces", "no-sentence-ends", "coordinated-list"];

/// One hostile shape of about `bytes` bytes (news-like text for any other name).
pub fn hostile_shape(names: &Names, shape: &str, bytes: usize) -> String {
    let mut rng = Rng::new(7);
    match shape {
        "one-name-repeated" => {
            let unit = format!("{} ", names.countries.first().map_or("Freedonia", String::as_str));
            unit.repeat(bytes / unit.len() + 1)
        }
        "no-spaces" => {
            let mut s = String::with_capacity(bytes + 64);
            while s.len() < bytes {
                s.push_str(&names.any(&mut rng).replace(' ', ""));
                s.push_str("-abc");
            }
            s
        }
        "no-sentence-ends" => {
            let corpus = Corpus::new(names).generate(bytes, 11);
            corpus.chars().filter(|c| !matches!(c, '.' | '!' | '?' | '\n')).collect()
        }
        "coordinated-list" => {
            let mut list = String::with_capacity(bytes + 64);
            while list.len() < bytes {
                list.push_str(names.any(&mut rng));
                list.push_str(", ");
            }
            list.push_str("and Freedonia met.");
            list
        }
        _ => Corpus::new(names).generate(bytes, 11),
    }
}
