"""Actor roles: national forces and governments named by country, people typed by their title.

- "<country or demonym> military|army|forces|troops|soldiers|police" -> "<Adjective> forces"
  (or "<Adjective> police"), state forces; "<country> officials|government|authorities" and a
  bare country name used as a party -> "<Adjective> government" (`actors_countries.tsv` holds
  the names, demonyms and adjectives). A bare "police", "army" or "security forces" takes the
  article's most-mentioned country.
- A person is typed by the title written next to the name ("Lieutenant General X" state
  forces, "U.N. Secretary-General X" international body, "Prime Minister X" government,
  "X, Haiti's secretary of state" government, "the leader of the ... movement, X" civil
  society); without a title a person stays "person".
Limits: no coreference ("the envoy" is not resolved to a name), a title must sit in the
same clause as the name, and the main-country guess counts names, not importance.
"""

from __future__ import annotations

import csv
import functools
import re
from importlib import resources

from spacy.tokens import Doc, Span

_FORCE = r"(?:(?:special|security|armed|government|national|regular|federal|ground)\s+)?" \
         r"(?P<noun>military|army|forces|troops|soldiers|police|policemen|police\s+officers)"
_GOVERNMENT = r"(?P<gov>officials|government|authorities|administration)"
_BARE_FORCE = re.compile(r"(?i)^(?:the\s+)?(?:(?:security|government|armed|military|state)\s+)?"
                         r"(?P<noun>army|military|police|forces|troops|soldiers|policemen)$")
_HONORIFICS = {"mawlawi", "mullah", "mr", "mrs", "ms", "dr", "sheikh", "maulvi"}
# Title words -> actor type, most specific first (a military spokesman is state forces).
_TITLES = (
    ("state forces", r"\b(?:(?<!-)General|Lieutenant|Colonel|Brigadier|Major|Admiral|Commander|"
                     r"commander|army chief|military spokes\w+|army spokes\w+|police chief|"
                     r"police spokes\w+)\b"),
    ("international body", r"(?:\bU\.N\.|\bUN\b|United Nations|Secretary-General|"
                           r"secretary-general|Humanitarian Coordinator|\benvoy\b|rapporteur)"),
    ("government", r"\b(?:President|[Pp]rime [Mm]inister|[Mm]inister|[Mm]inistry|lawmaker|"
                   r"legislator|[Gg]overnor|Commissioner|[Ss]ecretary of [Ss]tate|spokes\w+|"
                   r"officials?|[Mm]ayor|[Ss]enator|[Aa]mbassador|King|Chancellor)\b"),
    ("civil society", r"\b(?:activist|movement|campaigner|rights group|human rights)\b"),
)
_WINDOW = 12
_PUNCT_OK = {",", "'s", "’s", "'", "’", "-", "(", ")", "."}


@functools.lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], re.Pattern]:
    """Name or demonym -> adjective, and a regex matching any of them."""
    text = resources.files("dateline").joinpath("data", "actors_countries.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    table: dict[str, str] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        for name in (*row["names"].split("|"), *row["demonyms"].split("|")):
            table[name] = row["adjective"]
    names = sorted(table, key=len, reverse=True)
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return table, re.compile(rf"(?<![\w.])(?:{body})(?![\w])")


def _nation_pattern() -> str:
    table, _ = _countries()
    names = sorted(table, key=len, reverse=True)
    return "(?P<nation>" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + ")"


@functools.lru_cache(maxsize=1)
def _national_regexes() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    nation = _nation_pattern()
    lead = r"^(?:the\s+)?"
    owner = r"(?:['’]s)?\s+"
    force = re.compile(lead + nation + owner + _FORCE + "$")
    force_in = re.compile(r"(?i:^(?:the\s+)?(?:security|government|armed)\s+"
                          r"(?P<noun>forces|troops|soldiers))\s+in\s+" + nation + "$")
    government = re.compile(lead + nation + r"(?:" + owner + _GOVERNMENT + r")?$")
    return force, force_in, government


def _adjective(nation: str) -> str:
    table, _ = _countries()
    return table[re.sub(r"\s+", " ", nation)]


def national_actor(text: str, doc: Doc | None = None) -> tuple[str, str] | None:
    """(name, type) for a national force or government phrase, else None."""
    key = re.sub(r"\s+", " ", text.strip())
    force, force_in, government = _national_regexes()
    match = force.match(key) or force_in.match(key)
    if match:
        return _force_name(_adjective(match.group("nation")), match.group("noun"))
    match = government.match(key)
    if match:
        return f"{_adjective(match.group('nation'))} government", "government"
    match = _BARE_FORCE.match(key)
    if match and doc is not None:
        country = main_country(doc)
        return _force_name(country, match.group("noun")) if country else None
    return None


def _force_name(adjective: str, noun: str) -> tuple[str, str]:
    kind = "police" if noun.lower().startswith("police") else "forces"
    return f"{adjective} {kind}", "state forces"


def main_country(doc: Doc) -> str | None:
    """The adjective of the country the article names most often, or None."""
    cached = doc.user_data.get("dateline_main_country", "")
    if cached != "":
        return cached
    table, regex = _countries()
    counts: dict[str, int] = {}
    for match in regex.finditer(doc.text):
        adjective = table[re.sub(r"\s+", " ", match.group(0))]
        counts[adjective] = counts.get(adjective, 0) + 1
    best = max(counts, key=counts.get) if counts else None  # first seen wins a tie
    doc.user_data["dateline_main_country"] = best
    return best


def person_name(ent: Span) -> str:
    """A PERSON entity's name without leading honorifics ("Mawlawi", "Dr.", "Sheikh")."""
    tokens = list(ent)
    while len(tokens) > 1 and tokens[0].lower_.rstrip(".") in _HONORIFICS:
        tokens = tokens[1:]
    return ent.doc[tokens[0].i:ent.end].text


def person_actor(ent: Span, lexicon_type) -> tuple[str, str]:
    """(name without honorifics, type from the title beside it) for a PERSON entity."""
    return person_name(ent), _title_type(_title_text(ent), lexicon_type) or "person"


def _title_text(ent: Span) -> str:
    doc = ent.doc
    left = []
    i = ent.start - 1
    while i >= max(ent.sent.start, ent.start - _WINDOW):
        t = doc[i]
        verb = t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound")
        if verb or (t.is_punct and t.text not in _PUNCT_OK) or t.is_quote:
            break
        left.append(t.text_with_ws)
        i -= 1
    right = []
    if ent.end < len(doc) and doc[ent.end].text == ",":
        for t in doc[ent.end + 1:min(len(doc), ent.end + 1 + _WINDOW)]:
            if t.pos_ in ("VERB", "AUX") or t.is_punct:
                break
            right.append(t.text_with_ws)
    return "".join(reversed(left)) + " | " + "".join(right)


def _title_type(title: str, lexicon_type) -> str | None:
    state, *others = _TITLES
    if re.search(state[1], title):
        return state[0]
    found = lexicon_type(title)
    if found:
        return found
    for kind, pattern in others:
        if re.search(pattern, title):
            return kind
    return None
