"""Stage 1a of people: reading one office holder from the Factbook's executive-branch text
("President Kasym-Zhomart TOKAYEV (since 20 March 2019)") into a title, name, surname, given names,
start date and other spellings; and the title news uses for it."""

import re

from ..common import MONTH_WORD, parse_date
from ..curated import (CAPS_SKIP, HOG_TITLES, HOLDER_TITLE_STOP, HOS_TITLE_WORDS, HOS_TITLES, PARTICLES, TITLE_PLACES_EXTRA,
                       TITLE_WORDS)


def canonical_title(raw, office):
    """The title news puts before the name, from the Factbook's wording."""
    t = raw.strip(" ,")
    if office == "head-of-state":
        for w in HOS_TITLES:
            if re.search(r"\b" + re.escape(w) + r"\b", t, re.I):
                return w
        for w, canon in HOS_TITLE_WORDS:
            if re.search(w, t):
                return canon
    else:
        for w, canon in HOG_TITLES:
            if re.search(r"\b" + re.escape(w) + r"\b", t, re.I):
                return canon or w
    return "President" if office == "head-of-state" else "Prime Minister"


def is_caps(tok):
    letters = re.sub(r"[^A-Za-zÀ-ÿ]", "", tok)
    if len(letters) < 2:
        return False
    parts = re.split(r"[-']", tok)
    return any(len(re.sub(r"[^A-Za-zÀ-ÿ]", "", p)) >= 2 and re.sub(r"[^A-Za-zÀ-ÿ]", "", p).isupper() for p in parts)


def cap_word(w, first=False):
    def one(p):
        if not p:
            return p
        if p.lower() in PARTICLES:
            return p.lower()
        if re.fullmatch(r"[IVX]+", p) and not first:  # a regnal number, unless it is the name ("XI Jinping")
            return p
        return p[0].upper() + p[1:].lower()
    return "-".join("'".join(one(q) for q in p.split("'")) for p in w.split("-"))


# Text before or around a holder's name that is not the name (each seen in the Factbook editions).
NOTIFICATION = re.compile(r"^\s*Notification Statement:\s*the United States (?:does not )?recogni[sz]es? .*? as "
                          r"(?:the )?(?:[Ii]nterim )?[Pp]resident of [A-Z][a-z]+\s*")
VACANT = re.compile(r"^\s*(?:[A-Za-z-]+\s+){0,3}\(?vacant\)?(?=[\s;,.]|$)", re.I)
ALSO_SPELLED = re.compile(r"\s*[;,]?\s*(\()?\balso (?:spelled|known as|referred to as)\s+([^;()|]*?)\s*(?(1)\)|(?=[;(|]|$))")
# "former President Bashar al-ASAD was overthrown by Islamist rebels on 8 December 2024": the day
# the holder named before it took over, when the text gives no "since".
FORMER_ON = re.compile(r"^[^;]*;?\s*(?:note\s*-?\s*)?former\s+[A-Z][^;]*?\bon\s+(\d{1,2}\s+" + MONTH_WORD + r"\s+\d{4})")
EVENT_ON = re.compile(r"\bon\s+(\d{1,2}\s+" + MONTH_WORD + r"\s+\d{4})")


def title_places(by_iso3):
    """Country and territory names (lower case): a place name after "of" belongs to the title
    ("Queen of Australia Elizabeth II"), as do a few bodies ("President of the Presidency")."""
    places = set()
    for r in by_iso3.values():
        places.update(t.lower() for t in [r.name, *(a[0] for a in r.aliases if a[2] == "name")])
    places.update(TITLE_PLACES_EXTRA)
    return places


def parse_holder(seg, places):
    """'President Kasym-Zhomart TOKAYEV (since 20 March 2019); ...' -> {title, name, surname, given,
    caps_first, since, alts}; {"vacant": True, "since": day it fell vacant or None} for "President
    (vacant)"; None when no holder can be read. `places` are the names `title_places` gives."""
    seg = seg.strip().lstrip("|").strip()
    seg = NOTIFICATION.sub("", seg)
    if VACANT.match(seg):
        m = EVENT_ON.search(seg[:400])
        return {"vacant": True, "since": parse_date(m.group(1)) if m else None}
    # "King WACHIRALONGKON; also spelled Vajiralongkorn", "SONEXAY (also spelled SONXAI) Siphandon":
    # the other spelling is an alias, the clause is not part of the name
    alts = []
    first_since = seg.find("since")

    def also(m):
        if (first_since < 0 or m.start() < first_since) and re.search(r"[A-Z]", m.group(2)):
            alts.append((m.group(2).strip(" ,"), bool(m.group(1))))
        return " "
    seg = ALSO_SPELLED.sub(also, seg)
    # parenthetical words before the name ("Taoiseach (Prime Minister) Micheál MARTIN", "Homeland
    # (CNSP) General Abdourahame TIANI", "Maj. Gen. (ret.) Muhammadu BUHARI") are not part of the
    # title or the name; one word after a given name is the name the holder goes by ("Anthony (Tony)
    # BLAIR", "Khadga Prasad (KP) Sharma OLI": "Tony Blair", "KP Sharma Oli")
    nick_at = None
    while True:
        m = re.search(r"\([^()]*\)", seg)
        if not m or "since" in m.group(0) or re.search(r"[;|]| note ", seg[:m.start()]):
            break
        if any(is_caps(t) and t not in CAPS_SKIP for t in seg[:m.start()].replace('"', " ").split()):
            break
        before = seg[:m.start()].split()
        if (nick_at is None and re.fullmatch(r"\(([A-Z][a-z]+|[A-Z]{2})\)", m.group(0)) and before
                and re.match(r"^([A-ZÀ-Ý][a-zà-ÿ]+|[A-Z]\.)$", before[-1]) and before[-1] not in TITLE_WORDS):
            nick_at = (m.group(0)[1:-1], len(seg[:m.start()].rstrip()))
        seg = seg[:m.start()].rstrip() + " " + seg[m.end():].lstrip()
    head = re.split(r"[(;]| \| | note ", seg, maxsplit=1)[0]
    paren = ""
    m = re.search(r"\(([^()]*(?:\([^()]*\)[^()]*)*)\)", seg[len(head):len(head) + 400])
    if m and seg[len(head):].lstrip().startswith("("):
        paren = m.group(1)
    toks = [t.strip('"') for t in head.replace(",", " , ").split() if t.strip('"')]
    toks = [t for t in toks if not t.endswith("-elect") and t not in ("Jr.", "Sr.")]
    caps_at = [i for i, t in enumerate(toks) if is_caps(t) and t not in CAPS_SKIP]
    if not caps_at:
        return untitled_case_holder(toks, seg, head)
    k = caps_at[0]
    # "President of the TISA Hamid KARZAI", "CNSP President Abdourahamane TCHIANI": a short
    # acronym before the holder's name is not the name
    later = [i for i in caps_at if i > k + 1]
    # (but not a short surname after given names: "Captain Regent Maria Luisa BERTI and ...")
    if (later and len(toks[k]) <= 5 and (k + 1 == len(toks) or not is_caps(toks[k + 1]))
            and len(re.sub(r"[^A-Z]", "", toks[k])) == len(toks[k])
            and not (k > 0 and re.match(r"^[A-ZÀ-Ý][a-zà-ÿ]", toks[k - 1]) and toks[k - 1] not in TITLE_WORDS)):
        k = later[0]
    j = k
    # the given names before the surname; a capitalised word after "of" belongs to the title
    # ("President of the Government of Spain Pedro SANCHEZ")
    while (j > 0 and k - j < 4 and (re.match(r"^[A-ZÀ-Ý\"]", toks[j - 1]) or (toks[j - 1] in PARTICLES and j - 1 > 0
           and toks[j - 2] not in TITLE_WORDS)) and toks[j - 1] not in TITLE_WORDS
           and toks[j - 1].rstrip("s") not in TITLE_WORDS and not is_caps(toks[j - 1])
           and not (j >= 2 and toks[j - 2] in ("of", "the"))):
        j -= 1
    # "Queen of Australia Elizabeth II", "President of French Polynesia Oscar TEMARU": a place name
    # after "of" belongs to the title
    of = max((i for i in range(k) if toks[i] == "of"), default=None)
    if of is not None and of + 1 < k:
        a = of + 2 if toks[of + 1] == "the" else of + 1
        for b in range(k, a, -1):
            if " ".join(toks[a:b]).lower() in places:
                j = max(j, b)
                break
    # a given name may be initials ("Donald J."): the walk above accepts them.
    title = " ".join(toks[:j]).strip(" ,")
    given = [t for t in toks[j:k]]
    e = k
    caps = []
    while e < len(toks) and (is_caps(toks[e]) or (caps and toks[e].lower() in PARTICLES and e + 1 < len(toks) and is_caps(toks[e + 1]))):
        caps.append(toks[e])
        e += 1
    trailing = []
    while e < len(toks) and (re.match(r"^[A-ZÀ-Ý]", toks[e]) or toks[e].lower() in PARTICLES or re.match(r"^(al|el|as|ad|ar|ash|at|az)-", toks[e])) and toks[e] not in ("Jr.", "Sr.") and toks[e] not in TITLE_WORDS:
        trailing.append(toks[e])
        e += 1
    # a long title is a council's ("Sovereign Council Chair and Commander-in-Chief of the Sudanese
    # Armed Forces General"); one with a digit is a note's sentence, not a title
    if not caps or len(title) > 90 or re.search(r"\d|\b(is|was|has|had|who|which|former|son|daughter)\b", title):
        return None
    if title.lower().startswith(tuple(HOLDER_TITLE_STOP)):
        return None
    caps_first = not given
    surname = " ".join(cap_word(t, i == 0) for i, t in enumerate(caps) if i == 0 or not re.fullmatch(r"[IVX]+", t))
    surname_caps = [t for t in caps]
    name = " ".join([*given, *(cap_word(t, i == 0) for i, t in enumerate(caps)), *trailing])
    name = name.replace(" ,", ",").strip(" ,")
    since = holder_since(seg, head, paren)
    names = []  # (other spelling, its surname or None, whether it is the name the holder goes by)
    if nick_at is not None:  # the nickname and the words after it
        rest = head[nick_at[1]:].split()
        rest_name = [cap_word(t, False) if is_caps(t) else t for t in rest if t in caps or t in trailing or t in given]
        if rest_name and any(t in caps for t in rest):
            names.append((" ".join([nick_at[0], *rest_name]), None, True))
    for alt, inside in alts:
        words = alt.split()
        if inside and len(words) == 1:  # "SONEXAY (also spelled SONXAI) Siphandon": one word respelled
            names.append((" ".join(cap_word(words[0], True) if t == caps[0] else cap_word(t, i == 0) if t in caps else t
                                   for i, t in enumerate([*given, *caps, *trailing])), cap_word(words[0], True), False))
        elif all(re.match(r"^[A-ZÀ-Ý]", w) for w in words):
            sur = next((cap_word(w, True) for w in words if is_caps(w)), words[0] if len(words) == 1 else None)
            names.append((" ".join(cap_word(w, i == 0) if is_caps(w) else w for i, w in enumerate(words)), sur, False))
    return {"title": title, "name": name, "surname": surname, "given": given, "trailing": trailing,
            "caps_first": caps_first, "since": since, "caps": surname_caps, "alts": names}


def holder_since(seg, head, paren):
    """The start date of the holder named by `head`: "(since DATE)" right after the name or after
    other parentheses of the same holder ("Keir STARMER (Labor) (since 5 July 2024)"), but not
    another holder's ("...; Vice President Najah al-ATTAR (since 23 March 2006)"); else a date in the
    first parenthesis; else the day a "former" holder left ("Ahmad al-Shara'; former President Bashar
    al-ASAD was overthrown by Islamist rebels on 8 December 2024")."""
    rest = seg[len(head):len(head) + 400]
    sm = re.search(r"\bsince\s*(?:NA\s*)?([^;)]*)", rest)
    if sm:
        between = rest[:sm.start()]
        if not (re.search(r"\||\bnote\b", between)
                or any(is_caps(t) and t not in CAPS_SKIP for t in re.sub(r"[()\"]", " ", between).split())):
            d = parse_date(sm.group(1))
            if d:
                return d
    if paren:
        dates = re.findall(r"(?:\d{1,2}\s+)?" + MONTH_WORD + r"\s+\d{4}", paren)
        if dates and "since" not in paren:
            m = re.search(r"((?:\d{1,2}\s+)?" + MONTH_WORD + r"\s+\d{4})[^\d]*$", paren)
            if m:
                return parse_date(m.group(1))
    m = FORMER_ON.search(seg[len(head):len(head) + 400])
    if m:
        return parse_date(m.group(1))
    return None


def untitled_case_holder(toks, seg, head):
    """A holder whose surname is not in capitals ("Ahmad al-Shara'", "Prime Minister Manuel Osa Nsue
    Nsua", "Prime Minister Milos Vucevic"): the title words, then two to five capitalised words (or
    particles), the last of them the surname. The title may be missing; the caller then takes the
    office's usual title."""
    i = 0
    while i < len(toks) and (toks[i].strip(",") in TITLE_WORDS or (i and toks[i] in ("of", "the", "and"))):
        i += 1
    rest = [t.rstrip("'’").strip(",") for t in toks[i:]]
    rest = [t for t in rest if t]
    if not 2 <= len(rest) <= 5 or not re.match(r"^[A-ZÀ-Ý][a-zà-ÿ]", rest[0]):
        return None
    if not all(re.match(r"^[A-ZÀ-Ý][a-zà-ÿ'’-]+$", t) or t in PARTICLES or re.match(r"^(al|el|as|ad|ar|ash|at|az)-[A-Z]", t)
               for t in rest):
        return None
    if any(t in TITLE_WORDS for t in rest) or re.search(r"\d", head):
        return None
    title = " ".join(toks[:i]).strip(" ,")
    return {"title": title, "name": " ".join(rest), "surname": rest[-1], "given": rest[:-1], "trailing": [],
            "caps_first": False, "since": holder_since(seg, head, ""), "caps": [rest[-1].upper()], "alts": []}


MARK = re.compile(r"(chief of state and head of government|chief of state|head of government)\s*:", re.I)


def exec_segments(text):
    ms = list(MARK.finditer(text))
    out = []
    for i, m in enumerate(ms):
        end = ms[i + 1].start() if i + 1 < len(ms) else len(text)
        seg = text[m.end():end]
        seg = re.split(r"\bcabinet\s*:|\belections?\s*:|\belection results\s*:", seg, flags=re.I)[0]
        out.append((m.group(1).lower(), seg))
    return out
