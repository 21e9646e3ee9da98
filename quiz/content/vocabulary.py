"""The words and calendar rules the date finder reads, kept apart from its engine.

Like HeidelTime's resource files, each table is data: adding a holiday, a modifier or a tense word means
adding a line here, not a regex in `temporal.py`.
"""

from __future__ import annotations

from typing import NamedTuple

from quiz.content import timespan

MONTHS = {name.lower(): number for number, name in enumerate(timespan.MONTH_NAMES, start=1)}
MONTHS.update({name[:3]: number for name, number in list(MONTHS.items())} | {"sept": 9})
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Counts that stand before a unit: "two years ago", "a year earlier".
NUMBER_WORDS: dict[str, int | None] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "several": None, "few": None, "a few": None, "many": None,
}  # fmt: skip

# Spelled numbers as transcripts write them: "nineteen ninety-four", "April ninth".
UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# The first half of a spelled year: "nineteen" ninety-four, "eighteen" twelve, "twenty" ten.
CENTURY_WORDS = {"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}
UNIT_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9,
}  # fmt: skip
TEEN_ORDINALS = {
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}  # fmt: skip
ORDINAL_WORDS = {**UNIT_ORDINALS, **TEEN_ORDINALS, "twentieth": 20, "thirtieth": 30}
ORDINAL_WORDS.update({f"twenty{sep}{word}": 20 + n for word, n in UNIT_ORDINALS.items() for sep in "- "})
ORDINAL_WORDS.update({f"thirty{sep}first": 31 for sep in "- "})
# "the nineties": spelled decades are read in the 20th century, the only one news of this kind writes so.
SPELLED_DECADES = {
    "twenties": 1920, "thirties": 1930, "forties": 1940, "fifties": 1950, "sixties": 1960,
    "seventies": 1970, "eighties": 1980, "nineties": 1990,
}  # fmt: skip

# Words that point at a day from the publication date, with the number of days they move.
DEICTIC_DAYS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "tomorrow": 1,
}  # fmt: skip
# "the leaders of tomorrow", "USA Today", "today's youth": an age or a name, not a day.
DEICTIC_NOT_DAY_BEFORE = r"of|USA"
DEICTIC_NOT_DAY_AFTER = r"[Ss]how|['’]s\s+(?:world|generation|youth|children|society|standards|leaders)"


class Holiday(NamedTuple):
    """A holiday of a fixed calendar: a fixed day, or the nth weekday of a month (nth -1 is the last)."""

    names: str  # a regex over the words as written
    month: int
    day: int = 0
    weekday: int = -1  # 0 is Monday
    nth: int = 0
    on_or_after: int = 1  # Election Day is the first Tuesday after the first Monday: on or after 2 November
    # A bare name is a day only as a noun after a preposition: "on Thanksgiving", not "Thanksgiving travel".
    after_preposition: bool = False


# United States holidays, as the wire stories of the corpus use them, one a line.
HOLIDAYS = (
    Holiday(r"New Year's Day|New Year’s Day", 1, 1),
    Holiday(r"New Year's Eve|New Year’s Eve", 12, 31),
    Holiday(r"Martin Luther King(?: Jr\.?)? Day", 1, weekday=0, nth=3),
    Holiday(r"Valentine's Day|Valentine’s Day", 2, 14),
    Holiday(r"Memorial Day", 5, weekday=0, nth=-1),
    Holiday(r"Independence Day|the Fourth of July|July Fourth", 7, 4),
    Holiday(r"the Fourth", 7, 4, after_preposition=True),  # "arrive early on the Fourth"
    Holiday(r"Labor Day", 9, weekday=0, nth=1),
    Holiday(r"Columbus Day", 10, weekday=0, nth=2),
    Holiday(r"Halloween", 10, 31),
    Holiday(r"Election Day", 11, weekday=1, nth=1, on_or_after=2),
    Holiday(r"Veterans Day|Veterans' Day|Armistice Day", 11, 11),
    Holiday(r"Thanksgiving Day", 11, weekday=3, nth=4),
    Holiday(r"Thanksgiving", 11, weekday=3, nth=4, after_preposition=True),
    Holiday(r"Christmas Eve", 12, 24),
    Holiday(r"Christmas Day", 12, 25),
    Holiday(r"Boxing Day", 12, 26),
)

# Modifiers keep the interval of the whole unit they modify: "mid-1994" is 1994, "the late '70s" the 1970s.
MODIFIERS = (
    "early", "mid", "late", "middle of the", "end of the", "turn of the", "beginning of the", "start of the",
    "first half of the", "second half of the", "latter half of the", "latter part of the",
)  # fmt: skip

# Phrases that name the year in focus: the publication year unless the text has moved to another year.
FOCUS_YEAR_PHRASES = (
    r"(?:earlier|later)\s+in\s+the\s+year",
    r"(?:by|at|until|toward|towards|before)\s+the\s+end\s+of\s+the\s+(?:fiscal\s+|current\s+|calendar\s+)?year",
    r"the\s+(?:end|beginning|start|middle|rest|balance)\s+of\s+the\s+(?:fiscal\s+|current\s+|calendar\s+)?year",
    r"the\s+(?:fiscal|current|past|calendar|full|entire|whole)\s+year",
    r"year-end",
    r"the\s+year",
)
# "year-ago results", "the year-earlier quarter": the year before the year in focus.
YEAR_AGO_ADJECTIVES = r"year-(?:ago|earlier)"
# Phrases that name the day in focus: the publication date unless the text has moved to another day.
FOCUS_DAY_PHRASES = (r"(?:later|earlier)\s+in\s+the\s+day",)

# A weekday that is part of a name: "Good Friday", "the Sunday Times", "Man Friday".
WEEKDAY_NAME_BEFORE = frozenset("Good Black Ash Holy Maundy Easter Palm Cyber Man Girl Bloody Super".split())
WEEKDAY_NAME_AFTER = frozenset(
    "Times Telegraph Mirror Express Herald Post Independent Tribune Mail Night School Mass Club".split()
)
# Numbers: when a number is a year and when it is a count, a measure or a code.
# Words that may stand right before a bare year ("In 1947", "the 1965 war", "by 1950", "For 1991").
YEAR_LEADS = frozenset(
    """
    in on at by of from to and or the a since until till through during after before between
    around about circa c ca early mid late end spring summer autumn fall winter year years as
    than but while when where until throughout following preceding then also only still even
    again until for that this its his her their our whose fiscal
    """.split()
)

# Words that make a number a count or a measure, not a year ("2000 troops", "1500 metres").
COUNT_NOUNS = frozenset(
    """
    km kms kilometres kilometers kilometre kilometer metres meters metre meter m mi miles mile
    feet foot ft inches kg kgs kilograms tonnes tons tonne ton lbs pounds people persons men
    women children soldiers troops workers students residents families households voters votes
    seats casualties deaths dead killed injured wounded refugees prisoners dollars usd rupees
    euros yen yuan crore crores lakh lakhs million millions billion billions trillion thousand
    hundred years months weeks days hours minutes seconds times units copies cases vehicles
    ships aircraft planes tanks guns rifles hectares acres sq square cubic calories mw kw gw mwh
    kwh points runs goals species members delegates pages words officers police policemen
    civilians pilgrims tourists visitors houses homes buildings villages schools beds patients
    doctors jobs employees staff passengers rounds missiles rockets drones feet-high metres-high
    branches stores offices shares contracts barrels cars
    gmt utc est edt cst cdt mst mdt pst pdt bst cet jst ist hrs local
    """.split()
)

# "can be reached on 1079", "the helpline, 1950": a number after these is not a year.
NOT_YEAR_LEADS = frozenset(
    "on at helpline hotline number call dial phone tel fax code pin line extension ext room flight".split()
)

# After "in 711", a year is followed by punctuation, a function word or a name, not by a noun.
SHORT_YEAR_LEADS = frozenset({"in", "since", "by", "until", "c", "circa", "year", "around", "from", "after"})

SHORT_YEAR_FOLLOWERS = frozenset(
    """
    and or the a an with when while after before as but to by in on at for he she it they his her its
    their which who that under until
    """.split()
)
# "highs in the mid-70s": without an apostrophe, "the 70s" after these words is a temperature.
WEATHER_WORDS = r"highs?|lows?|temperatures?|degrees|forecast|weather|mercury|thermometers?|readings"
# "her 1984 Volvo", "a 1967 Mustang": a model year names a car, not a date.
MODEL_NOUNS = frozenset(
    """
    volvo ford chevrolet chevy cadillac buick pontiac oldsmobile dodge chrysler plymouth lincoln mercury
    toyota honda nissan datsun mazda subaru bmw mercedes porsche jaguar volkswagen vw audi saab fiat
    mustang corvette camaro thunderbird sedan coupe convertible pickup hatchback station wagon model models
    """.split()
)

# Tense: the verb a date modifies decides its side of the publication date (see `temporal._tense`).
FUTURE_WORDS = (
    r"(?:will|shall|would|wo|'ll|’ll)(?:\s+(?:not|also|still|probably|likely|again|then|soon|be|have|been|"
    r"\w+ly))*(?:\s+[a-z]+)?",
    r"(?:is|are|was|were|be|been)\s+(?:set|due|expected|scheduled|slated|planned|poised|likely|supposed|going)"
    r"(?:\s+to\s+[a-z]+|\s+for)?",
    r"(?:is|are|was|were)\s+to\s+[a-z]+",  # "Clinton was to campaign in Toledo on Sunday"
    r"(?:plans?|planned|planning|intends?|intended|expects?|expected|hopes?|hoped|aims?|aimed|wants?|wanted"
    r"|agreed|promised|vowed|threatened|prepared|preparing|ready|likely|going|about)(?:\s+[a-z]+)?\s+to\s+[a-z]+",
    r"(?:could|might|may|should|must|can)(?:\s+(?:not|also|still|be|have))*(?:\s+[a-z]+)?",
    r"scheduled|slated|upcoming|planned|due",
    r"ahead\s+of|in\s+advance\s+of|in\s+time\s+for|leading\s+up\s+to|preparing\s+for"
    r"|(?:days|hours|weeks)\s+(?:left\s+)?before",
)
# News tells what is planned in the present tense: "the offer expires Nov. 24", "payable Jan. 5".
SCHEDULE_WORDS = (
    r"closes|opens|begins|starts|expires|resumes|ends|meets|kicks\s+off|takes\s+effect|comes\s+into\s+force"
    r"|goes\s+into\s+effect|payable|deadline|effective|in\s+force\s+from|convenes|arrives|leaves"
    # the bare present after "when" or "before": "when the walkouts resume on Thursday", "when markets reopen"
    r"|resume|reopen|open|close|begin|start|expire|convene|meet|arrive|leave"
    # a planned event in the simple present: "she travels to Ohio Monday", "voters go to the polls Tuesday";
    # not "votes", "hosts" or "reports", which are as often plural nouns
    r"|travels|testifies|campaigns|goes|go|premieres|debuts|airs|performs|previews"
)
PAST_WORDS = (
    # "the recovered debris": a participle after a determiner is an adjective, not a tense
    r"said|told|(?<!the\s)(?<!\ba\s)(?<!an\s)(?<!its\s)(?<!his\s)(?<!her\s)\w{3,}ed|was|were|had|did|met|began|took|made|came|went|held|saw|left|won|lost|fell|rose"
    r"|spoke|wrote|gave|got|sent|struck|fought|broke|flew|hit|ran|led|sold|bought|paid|built|shot|hung|stood"
    r"|found|thought|brought|caught|drew|drove|ate|grew|knew|threw|wore|swore|sank|sang|rang|shut|quit|cut"
    r"|put|beat|bid|split|spent|lent|felt|kept|slept|meant|dealt|heard|sought|taught|fled|bled"
    r"|became|overcame|withdrew|underwent|arose|awoke|upheld|overthrew"
)
# A reporting verb sets the tense of a date only right after it ("said Tuesday", "told reporters on Monday");
# in "added that the return on July 1 would bring", the date belongs to the verb after it.
REPORTING_WORDS = r"said|says|say|told|tells|added|adds|announced|reported|stated|noted|according"
# "crude for February delivery": a contract month, not a date.
MONTH_NOT_DATE_AFTER = r"delivery|contracts?|futures|options"
# Units the finder has no precision for: a mention of one is kept out of the facts with a reason, not guessed
# at ("last week" is not a day, "the third quarter" not a month).
LEFT_OUT_UNITS = r"weeks?|weekends?|quarters?|spring|summer|autumn|fall|winter"
