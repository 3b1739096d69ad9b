"""People (people.jsonl): heads of state and government from the Factbook editions 1990-2026 and
Wikidata, foreign ministers, heads of organisations; names, aliases and dated roles.

`build_people` runs the stages in order, one module each:

1. `factbook`: the executive-branch texts as holder sequences per (country, office), each holder
   read by `holders` (title, name, surname, start date, other spellings);
2. `clusters`: which holders are one person (spelling-tolerant keys from `names`);
3. `terms`: consecutive editions of one person as dated terms of office;
4. `wikidata.match_heads`: Wikidata's heads matched to those people (press spelling, QID);
5. `records`: one record per person, then records of one person merged;
6. `wikidata`: heads the Factbook lacks, foreign ministers, heads of organisations;
7. `roles`: curated terms, terms ended by successors' starts;
8. `aliases`: press spellings, safe surname aliases, titled and regnal names, spelling variants;
   then `roles.clean_roles` leaves one role per term.
"""

from . import aliases, records, roles, wikidata
from .clusters import Clusters
from .factbook import drop_copied_holders, holder_sequences
from .holders import title_places
from .terms import office_terms


def build_people(S, by_iso3, orgs, other_names=frozenset()):
    """People; `other_names` are the names and aliases of every country, place and organisation, which
    a person's surname alone must not take ("Muscat", "Medina", "Sabah", "Turk")."""
    places = title_places(by_iso3)
    seq = holder_sequences(S, by_iso3, places)
    drop_copied_holders(seq)
    people, named_in = office_terms(seq, Clusters(seq).key_of)
    name_to_iso3 = wikidata.country_by_name(by_iso3)
    wd_unmatched = wikidata.match_heads(S["heads-of-state-and-government"], people, name_to_iso3)
    recs = records.build_records(people)
    records.drop_parser_leftovers(recs)
    records.merge_same_person(recs)
    wikidata.add_unmatched_heads(recs, wd_unmatched, places)
    wikidata.add_foreign_ministers(S["foreign-ministers"], recs, name_to_iso3)
    wikidata.add_intl_officeholders(S["international-officeholders"], recs, orgs)
    roles.apply_curated_roles(recs)
    roles.end_contradicted_roles(recs, named_in)
    roles.end_at_successors(recs, named_in)
    aliases.add_press_spellings(recs)
    aliases.filter_surnames(recs, by_iso3, other_names)
    aliases.title_one_word_names(recs, other_names)
    aliases.add_regnal_names(recs)
    records.merge_titled_names(recs)
    aliases.add_unaccented(recs)
    aliases.add_article_forms(recs)
    roles.clean_roles(recs)
    return list(recs.values())
