"""Write a deterministic synthetic corpus of encyclopedia-style and news-style documents.

The place, people and organisation names are invented, so no generated sentence is mistaken for a real
claim. The sentences use every date form the pipeline recognises, and numbers that are not dates.
"""

from __future__ import annotations

import calendar
import datetime
import random
import re
from dataclasses import dataclass
from pathlib import Path

from quiz.content.timespan import MONTH_NAMES, ordinal_suffix

MIN_DOCUMENT_BYTES = 3_000
MAX_DOCUMENT_BYTES = 7_000  # a document overshoots its target by up to one paragraph

CITIES = (
    "Port Merrin", "Valdoria", "Askeby", "Corran", "Lindholt", "Tessaly", "Brenmouth", "Oskara",
    "Quillon", "Raventhorpe", "Saldana", "Umbrel", "Karsk", "Westerhaven", "Dunmore", "Elsinore Bay",
)  # fmt: skip
REGIONS = (
    "the Marrow Coast",
    "Upper Vessia",
    "the Tarn Lowlands",
    "East Calder",
    "the Greyhills",
    "Norrland",
)
RIVERS = ("Arden", "Vessa", "Tarn", "Ouse Minor", "Calder", "Selm")
MOUNTAINS = ("Mount Orrin", "the Grey Peak", "Mount Alder", "the Kessel Ridge")
PEOPLE = (
    "Anna Lindqvist", "Tomas Reyes", "Mira Okafor", "Jonah Pell", "Ilse Varga", "Rafael Duarte",
    "Helena Strand", "Omar Haddad", "Lucia Bianchi", "Piet Vermeer", "Sana Qureshi", "Edwin Marsh",
)  # fmt: skip
ORGANISATIONS = (
    "the Calder Trading Company", "the Vessian League", "the Marrow Coast Railway", "the Tarn Water Board",
    "the Northern Observatory", "the Guild of Weavers", "the Harbour Trust", "the Greyhills Mining Union",
)  # fmt: skip
STRUCTURES = (
    "bridge",
    "cathedral",
    "harbour wall",
    "observatory",
    "aqueduct",
    "library",
    "town hall",
    "fort",
)
EVENTS = ("the Salt War", "the Northern Rising", "the Long Drought", "the Harbour Strike", "the Border War")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = ("two", "three", "four", "five")

ENCYCLOPEDIA_HEADINGS = ("History", "Early settlement", "Growth", "Modern period", "Architecture", "Economy")
NEWS_HEADINGS = ("What happened", "Background", "Reaction", "What comes next")

# Dated sentences of an encyclopedia article: absolute dates, and "the following year" after a date.
ENCYCLOPEDIA_DATED = (
    "{city} was founded on {dmy} by settlers from {region}.",
    "The {structure} of {city} opened on {mdy}, after {people} people had worked on it for {small} years.",
    "In {my}, {person} led an expedition up {mountain}, reaching a height of {metres} metres.",
    "The railway reached the {river} valley in {year}, and {city} doubled in size.",
    "During {event} ({range_dash}), {city} served as a supply base for {org}.",
    "The treaty of {city} ({range_hyphen}) ended the long dispute over the {river} fords.",
    "{person} governed {region} {from_to}.",
    "The {structure} was rebuilt in stone {between}.",
    "The {season} season of {org} ended with {people} people injured.",
    "{city} was known for its weaving workshops in {decade}.",
    "The oldest walls of {city} date from {century}.",
    "Traders from {region} first reached the {river} in {century_bc}.",
    "A fort stood on the site in {bc}, and a market town grew around it by {ad}.",
    "{org} signed a trade agreement with {org2} in {year}. The following year it opened an office in {city}.",
    "The {ordinal} phase of the {structure} was finished in {my}.",
)
ENCYCLOPEDIA_PLAIN = (
    "The coastal road, NH {nh}, was widened at a cost of {billion} billion dollars.",
    "The bridge of {city} is {metres} metres long and carries {people} thousand vehicles a day.",
    "{person} described {city} as the best harbour on {region}.",
    "Most of the town lies on the east bank of the {river}, {small} kilometres from the sea.",
    "The {ordinal} edition of the city charter is kept in the library of {city}.",
    "Its economy rests on fishing, weaving and the trade in salt from {region}.",
    "The old town is built of grey stone quarried near {mountain}.",
    "{org} still owns most of the warehouses along the {river}.",
    "Local historians disagree about the origin of the name {city}.",
    "The {structure} was designed by {person}, who also drew the plans of the {structure2} in {city}.",
    "Several of the first houses survive in the streets behind the {structure}.",
    "Visitors reach {city} by the coastal road or by ferry from {city2}.",
    "About {people} thousand people live in {city} and the villages around it.",
)
# Dated sentences of a news article: relative dates resolved against the publication date, and year-less ones.
NEWS_DATED = (
    "{org} said on {weekday} that {people} people had been moved from the {river} floodplain.",
    "The {structure} in {city}, damaged by floods last year, will reopen next month.",
    "{org} promised {number} years ago to rebuild the bridge on NH {nh}.",
    "{person} was elected mayor of {city} a year ago.",
    "Talks between {org} and {org2} began on {md} and resumed on {dm}.",
    "A budget of {billion} billion dollars was approved in {my}.",
    "{person}, who led {org} {from_to}, spoke at the meeting.",
    "Residents still talk about the floods of {year}; the following year the embankment was raised.",
    "The dispute over the {river} fords dates back to {century}.",
    "The first phase of the project ran {between}.",
    "{person} said the {structure} had not been repaired since {decade}.",
)
NEWS_PLAIN = (
    "Officials counted {people} damaged houses and {metres} metres of broken wall.",
    "{person} called the plan ambitious but said the money was not yet there.",
    "The {ordinal} round of talks is expected in {city}.",
    "Critics in {region} said the report left out the cost of the {structure}.",
    "{person} told reporters that the work on the {structure} would be done in stages.",
    "A spokesperson for {org} declined to comment.",
    "Shopkeepers in {city} said trade had fallen by a third.",
    "The proposal still needs the approval of {org}.",
    "According to {org}, {people} families in {city} have asked for compensation.",
    "Engineers from {city2} were brought in to inspect the {structure} in {city}.",
    "{person} said the talks with {org} were frank and useful.",
)
DATED_SHARE = 0.3  # of the sentences; the others carry no date, like most sentences of real articles
SENTENCES_PER_PARAGRAPH = (3, 6)


@dataclass(frozen=True)
class Corpus:
    directory: Path
    paths: tuple[Path, ...]
    size: int  # bytes


def write_corpus(directory: Path, *, documents: int, seed: int) -> Corpus:
    """Write `documents` documents into `directory`; the same seed always writes the same files."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    size = 0
    for index in range(documents):
        name, text = render_document(index, seed=seed)
        path = directory / name
        raw = text.encode()
        path.write_bytes(raw)
        paths.append(path)
        size += len(raw)
    return Corpus(directory=directory, paths=tuple(paths), size=size)


def render_document(index: int, *, seed: int) -> tuple[str, str]:
    """Return the file name and text of one document, which depend only on the index and the seed."""
    rng = random.Random(f"{seed}:{index}")
    if rng.random() < 0.5:
        return _encyclopedia_article(rng, index)
    return _news_article(rng, index)


def _encyclopedia_article(rng: random.Random, index: int) -> tuple[str, str]:
    subject = rng.choice(CITIES)
    name = f"{index:05d}-{_slug(subject)}.txt"
    fields = _Fields(rng, first_year=1500, last_year=2020)
    body = _body(rng, fields, (ENCYCLOPEDIA_DATED, ENCYCLOPEDIA_PLAIN), ENCYCLOPEDIA_HEADINGS, "\n")
    # Some articles have no front matter, so their title comes from the file name.
    if rng.random() < 0.3:
        return name, body
    header = [f"title: History of {subject}"]
    if rng.random() < 0.5:
        header.append(f"source: https://encyclopedia.example/wiki/{_slug(subject)}")
    return name, _front_matter(header) + body


def _news_article(rng: random.Random, index: int) -> tuple[str, str]:
    published = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(11 * 365))
    city = rng.choice(CITIES)
    title = f"{city} and {rng.choice(ORGANISATIONS)} agree on the {rng.choice(STRUCTURES)}"
    name = f"{index:05d}-news-{_slug(city)}.txt"
    fields = _Fields(rng, first_year=published.year - 40, last_year=published.year - 1)
    body = _body(rng, fields, (NEWS_DATED, NEWS_PLAIN), NEWS_HEADINGS, "\n\n")
    header = [
        f"title: {title}",
        f"source: https://news.example/{published:%Y/%m/%d}/{_slug(city)}-{index}",
        f"published: {published.isoformat()}",
    ]
    return name, _front_matter(header) + body


def _front_matter(lines: list[str]) -> str:
    return "---\n" + "\n".join(lines) + "\n---\n"


def _body(
    rng: random.Random,
    fields: _Fields,
    sentences: tuple[tuple[str, ...], tuple[str, ...]],  # dated, plain
    headings: tuple[str, ...],
    paragraph_break: str,
) -> str:
    dated, plain = sentences
    target = rng.randint(MIN_DOCUMENT_BYTES, MAX_DOCUMENT_BYTES)
    parts: list[str] = []
    seen: set[str] = set()  # real articles rarely repeat a sentence word for word
    size = 0
    while size < target:
        if parts and rng.random() < 0.15:
            parts.append(rng.choice(headings))  # a heading: a line without end punctuation
        paragraph = []
        for _ in range(rng.randint(*SENTENCES_PER_PARAGRAPH)):
            text = fields.fill(rng.choice(dated if rng.random() < DATED_SHARE else plain))
            pieces = set(text.split(". "))
            if not pieces & seen:
                seen |= pieces
                paragraph.append(text)
        if paragraph:
            parts.append(" ".join(paragraph))
            size += len(parts[-1].encode()) + len(paragraph_break)
    return paragraph_break.join(parts) + "\n"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class _Fields:
    """Fill the `{placeholders}` of a sentence template with random names, numbers and dates."""

    def __init__(self, rng: random.Random, *, first_year: int, last_year: int) -> None:
        self.rng = rng
        self.first_year = first_year
        self.last_year = last_year

    def fill(self, template: str) -> str:
        names = dict.fromkeys(re.findall(r"\{(\w+)\}", template))
        values: dict[str, str] = {}
        # {org2} is drawn after {org}, and differs from it.
        for name in sorted(names, key=lambda name: name.endswith("2")):
            base = name.removesuffix("2")
            value = getattr(self, base)()
            while base != name and value == values.get(base):
                value = getattr(self, base)()
            values[name] = value
        text = template.format_map(values)
        return text[0].upper() + text[1:]

    # Names.
    def city(self) -> str:
        return self.rng.choice(CITIES)

    def region(self) -> str:
        return self.rng.choice(REGIONS)

    def river(self) -> str:
        return self.rng.choice(RIVERS)

    def mountain(self) -> str:
        return self.rng.choice(MOUNTAINS)

    def person(self) -> str:
        return self.rng.choice(PEOPLE)

    def org(self) -> str:
        return self.rng.choice(ORGANISATIONS)

    def structure(self) -> str:
        return self.rng.choice(STRUCTURES)

    def event(self) -> str:
        return self.rng.choice(EVENTS)

    def weekday(self) -> str:
        return self.rng.choice(WEEKDAYS)

    # Numbers that are not dates.
    def metres(self) -> str:
        return f"{self.rng.randint(12, 90) * 100:,}"

    def billion(self) -> str:
        return str(self.rng.randint(2, 90))

    def nh(self) -> str:
        return str(self.rng.randint(1, 99))

    def ordinal(self) -> str:
        return ordinal_suffix(self.rng.randint(2, 9))

    def people(self) -> str:
        return str(self.rng.randint(3, 400))

    def small(self) -> str:
        return str(self.rng.randint(2, 12))

    def number(self) -> str:
        return self.rng.choice(NUMBER_WORDS)

    # Dates.
    def _year(self) -> int:
        return self.rng.randint(self.first_year, self.last_year)

    def _day(self) -> tuple[int, int, int]:
        year = self._year()
        month = self.rng.randint(1, 12)
        return year, month, self.rng.randint(1, calendar.monthrange(year, month)[1])

    def year(self) -> str:
        return str(self._year())

    def dmy(self) -> str:
        year, month, day = self._day()
        return f"{day} {MONTH_NAMES[month - 1]} {year}"

    def mdy(self) -> str:
        year, month, day = self._day()
        return f"{MONTH_NAMES[month - 1]} {day}, {year}"

    def my(self) -> str:
        return f"{self.rng.choice(MONTH_NAMES)} {self._year()}"

    def md(self) -> str:
        _, month, day = self._day()
        return f"{MONTH_NAMES[month - 1]} {day}"

    def dm(self) -> str:
        _, month, day = self._day()
        return f"{day} {MONTH_NAMES[month - 1]}"

    def _years(self) -> tuple[int, int]:
        first = self.rng.randint(self.first_year, self.last_year - 1)
        return first, self.rng.randint(first + 1, min(first + 40, self.last_year))

    def range_dash(self) -> str:
        return "{}–{}".format(*self._years())

    def range_hyphen(self) -> str:
        return "{}-{}".format(*self._years())

    def from_to(self) -> str:
        return "from {} to {}".format(*self._years())

    def between(self) -> str:
        return "between {} and {}".format(*self._years())

    def season(self) -> str:
        first = self.rng.randint(max(self.first_year, 1950), self.last_year - 1)
        return f"{first}–{(first + 1) % 100:02d}"

    def decade(self) -> str:
        return f"the {self._year() // 10 * 10}s"

    def century(self) -> str:
        return f"the {ordinal_suffix(self.rng.randint(11, 20))} century"

    def century_bc(self) -> str:
        return f"the {ordinal_suffix(self.rng.randint(1, 8))} century BC"

    def bc(self) -> str:
        return f"{self.rng.randint(5, 80) * 10} BC"

    def ad(self) -> str:
        return f"AD {self.rng.randint(20, 900)}"
