"""What is worth asking: the rules that leave a dated fact out of the quiz, each with the reason it prints.

A teacher tests events with an actor and an action a student could know: a war began, a treaty was
signed, a law passed. Not when somebody said something, a dateline, a share price, a forecast or a
timetable. The rules below are tried in order; the first that matches is the reason `preview` and
`content_report` show. Add a word to a list, or a rule to RULES, to change what is asked.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from quiz.content.events import TITLE_KINDS, Event
from quiz.content.timespan import Point, Precision, Span

# When somebody said, announced or declined to comment: the saying is not the event.
REPORTING_VERBS = frozenset(
    """
    say tell announce add state report confirm deny claim note comment decline respond reply insist
    argue explain acknowledge warn tweet post ask quote disclose reveal brief testify urge stress
    """.split()
)
# The day figures came out is not an event: "figures published on Monday", "a survey released on 23 May".
RELEASE_VERBS = frozenset({"publish", "release", "show", "take", "issue", "conduct"})
FIGURE_SOURCES = frozenset({"figures", "data", "survey", "poll", "statistics", "numbers", "report", "index"})
# Figures of a market day or a company's quarter.
MARKET_WORDS = frozenset(
    """
    share shares stock stocks dividend dividends earnings revenue revenues profit profits
    quarterly per-share nasdaq dow ftse nikkei dax sensex trading traded bond bonds yield yields futures
    index indexes indices points cents
    """.split()
)
# A figure that rose, fell or stood at a level is a statistic, not an event.
FIGURE_VERBS = frozenset(
    """
    be stand reach rise fall climb drop total peak grow burn earn trade close gain lose cost sell post
    handle carry serve attract welcome employ produce export import
    """.split()
)
CURRENCY_SIGNS = frozenset("$£€¥")
MEASURES = frozenset(
    "percent per % million billion trillion dollars euros pounds yen acres hectares tonnes tons barrels"
    " points".split()
)
# A forecast, a plan or a promise dates what has not happened: "pledged to inject capital by April".
FORECAST_VERBS = frozenset(
    "expect forecast project predict anticipate estimate hope pledge promise plan intend vow aim".split()
)
FORECAST_WORDS = frozenset({"expected", "likely", "forecast", "projected", "predicted", "set to"})
# Words of a timetable: "meets every Monday", "held each year".
SCHEDULE_LEADS = frozenset({"every", "each"})
SCHEDULE_UNITS = frozenset(
    "day week month year morning evening night weekend monday tuesday wednesday thursday friday saturday"
    " sunday summer winter spring autumn".split()
)
SCHEDULE_WORDS = frozenset({"annually", "weekly", "fortnightly"})
# "By 1900 the city had some 350,000 inhabitants": a head count, true for years, not an event.
HEAD_COUNTS = frozenset(
    "inhabitants residents population people citizens members employees staff cases".split()
)
NOT_AVAILABLE = frozenset({"available", "unavailable", "reached"})
# A date something is compared with is not an event: "up 3 percent from a year earlier", "year-ago results".
COMPARISON_PREPOSITIONS = frozenset({"from", "than", "as", "over", "versus"})
COMPARISON_DATES = ("year-ago", "year-earlier", "year earlier", "a year ago", "last year's")


@dataclass(frozen=True)
class Candidate:
    """A dated fact as the rules see it."""

    event: Event
    span: Span
    in_dateline: bool
    published: datetime.date | None
    when: str = ""  # the date words as written
    approximate: bool = False  # "around 1400", "c. 1070": dates near it are as right
    about_an_event: bool = False  # the title names a war or a battle: "the country" may be either side

    @cached_property
    def words(self) -> frozenset[str]:
        """Return the words of the dated clause and of the event as said ("Figures were published")."""
        said = re.findall(r"[\w%$£€¥'-]+", f"{self.event.text} {self.event.cloze}".lower())
        return frozenset(self.event.clause_words) | frozenset(said)


@dataclass(frozen=True)
class Rule:
    reason: str
    applies: Callable[[Candidate], bool]


def _reporting(candidate: Candidate) -> bool:
    event, words = candidate.event, candidate.words
    if event.verb in REPORTING_VERBS or event.governor in REPORTING_VERBS:
        return True
    released = event.verb in RELEASE_VERBS or event.governor in RELEASE_VERBS
    if released and FIGURE_SOURCES & words:  # "figures published on Monday showed", "a poll taken in May"
        return True
    return "comment" in words or ("not" in words and bool(NOT_AVAILABLE & words))


def _market(candidate: Candidate) -> bool:
    words = candidate.event.clause_words
    has_number = any(word[:1].isdigit() or word in {"%", "percent", "cents", "points"} for word in words)
    if MARKET_WORDS & candidate.words:
        return has_number
    # "Inflation was 1.3 percent in June", "the number stood at 563", "trade fell to 1.4 billion dollars".
    figure = any(
        (word[:1].isdigit() and following in MEASURES) or (word in CURRENCY_SIGNS and following[:1].isdigit())
        for word, following in itertools.pairwise(words)
    )
    return (figure or "stood" in words) and candidate.event.verb in FIGURE_VERBS


def _head_count(candidate: Candidate) -> bool:
    pairs = itertools.pairwise(candidate.event.clause_words)
    counted = any(word[:1].isdigit() and following in HEAD_COUNTS for word, following in pairs)
    return counted and candidate.event.verb in {"have", "number", "record", "count", "register"}


def _forecast(candidate: Candidate) -> bool:
    event = candidate.event
    if event.future or event.verb in FORECAST_VERBS or FORECAST_WORDS & candidate.words:
        return True
    published = candidate.published
    return published is not None and candidate.span.start > Point(
        published.year, published.month, published.day
    )


def _comparison(candidate: Candidate) -> bool:
    preposition = candidate.event.preposition
    # "fought a war from 1998 to 2000" is a range, not "up 3 percent from a year earlier"
    if preposition in COMPARISON_PREPOSITIONS and not (preposition == "from" and candidate.span.is_range):
        return True
    when = candidate.when.casefold()
    return when.startswith(("year-ago", "year-earlier")) or (
        when in COMPARISON_DATES and bool({"same", "up", "down", "compared"} & candidate.words)
    )


def _schedule(candidate: Candidate) -> bool:
    words = candidate.event.clause_words
    pairs = itertools.pairwise(words)
    return any(first in SCHEDULE_LEADS and second in SCHEDULE_UNITS for first, second in pairs) or bool(
        SCHEDULE_WORDS & candidate.words
    )


# The article's own day or year: asking it asks when the article came out.
OWN_DATES = frozenset(
    {
        "today", "tonight", "this morning", "this afternoon", "this evening", "earlier today", "later today",
        "this year", "the year", "the current year", "the fiscal year", "year-end", "the end of the year",
        "earlier this year", "earlier in the year",
    }
)  # fmt: skip


# Words that date a story's news by the paper's own calendar: "on Thursday", "yesterday", "last night".
NEWS_DAY_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight night morning".split()
)
NEWS_DAYS = 2  # a day named so up to two days before publication is the story's own news


def _own_date(candidate: Candidate) -> bool:
    return candidate.when.casefold().strip() in OWN_DATES


def _news_of_the_day(candidate: Candidate) -> bool:
    """Tell whether a day is the story's own: asking it asks the dateline ("opened on Thursday")."""
    published, span, when = candidate.published, candidate.span, candidate.when.casefold()
    if published is None or span.precision is not Precision.DAY or span.is_range:
        return False
    if not NEWS_DAY_WORDS & set(when.split()) or span.start.year < datetime.MINYEAR:
        return False
    days = (published - datetime.date(*span.start)).days
    return 0 <= days <= NEWS_DAYS


def _unnamed(candidate: Candidate) -> bool:
    noun = candidate.event.unnamed
    news = candidate.published is not None
    return bool(noun) and (news or candidate.about_an_event or noun not in TITLE_KINDS)


RULES: tuple[Rule, ...] = (
    Rule("dateline", lambda candidate: candidate.in_dateline),
    # "born in Mainz around 1400": 1403 would be no wrong answer.
    Rule("an approximate date", lambda candidate: candidate.approximate),
    Rule("the article's own day or year", _own_date),
    Rule("reporting verb", _reporting),
    Rule("market figure", _market),
    Rule("head count", _head_count),
    Rule("comparison", _comparison),
    Rule("forecast", _forecast),
    Rule("recurring schedule", _schedule),
    # "The figure is nearer 30,000 today", "the outbreak is taught in every course": true, but no event.
    Rule("present state", lambda candidate: candidate.event.present and not candidate.event.future),
    # Teachers rating samples blind called "the bridge opened on Thursday" asking the dateline.
    Rule("the story's own day", _news_of_the_day),
    # "The committee met", "the crew splashed down": which one? In news, "the city" too: a headline
    # rarely says. An article of reference is about its title, and its "city" is the one it names;
    # not in an article about a battle or a war, whose "country" may be either side's.
    Rule("no named subject", _unnamed),
)


def left_out_because(candidate: Candidate) -> str:
    """Return why a dated fact is not worth asking, or "" when it is."""
    for rule in RULES:
        if rule.applies(candidate):
            return rule.reason
    if not candidate.event.cloze:
        return candidate.event.reason or "no clean question"
    return ""
