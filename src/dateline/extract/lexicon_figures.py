"""Word lists for figures: what each metric is called, who reports, and what is not a count of people."""

from __future__ import annotations

# Lemma or lower-cased form -> metric. Both are looked up, so "martyred" works even
# when the small model lemmatises it oddly.
METRIC_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("kill", "killed", "die", "died", "dead", "death", "deaths", "martyr", "martyred",
         "martyrs", "slay", "slain", "slaughter", "slaughtered", "murder", "murdered",
         "massacre", "massacred", "fatality", "fatalities", "perish", "perished", "body",
         "bodies", "toll", "execute", "executed", "behead", "beheaded"), "killed"),
    **dict.fromkeys(
        ("injure", "injured", "wound", "wounded", "hurt", "injury", "injuries", "maim",
         "maimed"), "injured"),
    **dict.fromkeys(("casualty", "casualties"), "casualties"),
    **dict.fromkeys(("missing", "trap", "trapped", "unaccounted"), "missing"),
    **dict.fromkeys(
        ("detain", "detained", "arrest", "arrested", "detainee", "detainees", "jail",
         "jailed", "imprison", "imprisoned"), "detained"),
    **dict.fromkeys(
        ("displace", "displaced", "flee", "fled", "displacement", "homeless", "uproot",
         "uprooted"), "displaced"),
    **dict.fromkeys(("evacuate", "evacuated", "evacuation", "evacuee", "evacuees"), "evacuated"),
    **dict.fromkeys(
        ("hostage", "hostages", "captive", "captives", "abduct", "abducted", "kidnap",
         "kidnapped", "captivity"), "hostages"),
}

# Verbs whose subject can be the victims' killer: "11 soldiers killed 3 people" makes
# the soldiers agents, not victims, when the verb also has an object.
TRANSITIVE = {"kill", "wound", "injure", "hurt", "detain", "arrest", "displace", "abduct",
              "kidnap", "murder", "slaughter", "massacre", "slay", "execute", "maim"}

# Words saying a figure is a running total rather than one incident's count.
CUMULATIVE_CUES = {"since", "total", "toll", "overall", "altogether", "cumulative", "tally"}
CUMULATIVE_PHRASES = ("so far", "in all", "to date", "over the course of", "in total",
                      "until now", "up to now")

# Verbs of saying/reporting whose subject is a figure's reporter.
REPORT_VERBS = {"say", "report", "claim", "announce", "state", "tell", "confirm", "add",
                "estimate", "record", "document", "count", "put", "update", "publish",
                "declare", "note", "indicate", "show", "reveal", "allege", "insist"}

PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "this"}

# A number followed by one of these counts something other than people.
UNIT_WORDS = {
    "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours",
    "minute", "minutes", "second", "seconds", "decade", "decades", "century", "centuries",
    "km", "kilometre", "kilometres", "kilometer", "kilometers", "mile", "miles", "metre",
    "metres", "meter", "meters", "percent", "per", "%", "dollar", "dollars", "shekel",
    "shekels", "euro", "euros", "pound", "pounds", "ton", "tons", "tonne", "tonnes", "times",
    "acre", "acres", "square", "feet", "foot", "kg", "litres", "liters", "gallons", "am",
    "pm", "a.m.", "p.m.", "o'clock", "gmt", "bn", "m", "usd",
}
# Counted nouns that are not people: "in over 500 attacks", "six evacuation camps", "three places".
THING_NOUNS = {
    "attack", "strike", "airstrike", "raid", "incident", "operation", "bombing", "explosion",
    "blast", "rocket", "missile", "drone", "shell", "round", "shot", "bomb", "mortar", "village",
    "town", "city", "home", "house", "building", "camp", "place", "location", "site", "area",
    "vehicle", "car", "truck", "tank", "hospital", "school", "mosque", "church", "shelter",
    "province", "district", "country", "state", "region", "event", "case", "point", "checkpoint",
    "crossing", "road", "street", "neighbourhood", "neighborhood", "facility", "warehouse",
    "target", "tunnel", "aircraft", "plane", "ship", "boat", "convoy", "article", "report",
    "concert", "rally", "protest", "meeting", "election", "law", "bill", "program", "programme",
    "project", "job", "company", "firm", "shop", "store", "bank", "bus", "train", "flight", "bridge",
    "well", "farm", "field", "website", "account", "post", "document",
    # animals: "millions of dogs are killed" counts no people
    "dog", "cat", "animal", "cattle", "cow", "sheep", "goat", "chicken", "bird", "livestock",
    "horse", "camel", "donkey", "fish",
}
CURRENCY = {"$", "€", "£", "us$", "usd", "nis", "₪"}
MONTHS = {"jan", "jan.", "january", "feb", "feb.", "february", "mar", "mar.", "march", "apr",
          "apr.", "april", "may", "jun", "june", "jul", "july", "aug", "aug.", "august", "sep",
          "sep.", "sept", "sept.", "september", "oct", "oct.", "october", "nov", "nov.",
          "november", "dec", "dec.", "december"}
