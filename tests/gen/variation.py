"""A variation: its workbook (a grid.Book) and its ground truth.

Facts are (type, key, value): key names the thing (sheet, ref, month...),
value what an officer reads off the sheet.  Findings are dicts with rule,
sheet and optionally ref, period or row: `must` fire, `may` fire (where
the contract leaves the reading open), and anything else that fires is a
false finding.
"""
import datetime as dt

from grid import Book


class Variation:
    def __init__(self, vid, family, rng):
        self.vid, self.family, self.rng = vid, family, rng
        self.book = Book()
        self.facts = []
        self.must = []
        self.may = []
        self.traits = set()
        self.as_of = None
        self.ignored = []

    def ignore(self, ftype, key):
        """A fact the contract leaves open: neither counted nor held
        against the reader, whatever it reports."""
        self.ignored.append([ftype, list(key)])

    def fact(self, ftype, key, value):
        self.facts.append([ftype, list(key), value])

    def finding(self, rule, sheet=None, may=False, **where):
        f = {"rule": rule}
        if sheet is not None:
            f["sheet"] = sheet
        f.update({k: v for k, v in where.items() if v is not None})
        (self.may if may else self.must).append(f)

    def truth(self, writer):
        return {"id": self.vid, "family": self.family, "writer": writer,
                "as_of": self.as_of.isoformat(), "traits": sorted(self.traits),
                "facts": self.facts, "must": self.must, "may": self.may,
                "ignored": self.ignored}


def fy_of(d):
    """The financial year (April to March) holding d, by its first year."""
    return d.year if d.month >= 4 else d.year - 1


def month_end(y, m):
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def long_date(d, rng):
    """A date in words, as officers write them."""
    from words import MONTHS
    day = d.day
    if rng.random() < 0.3:
        suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        return f"{day}{suffix} {MONTHS[d.month - 1]} {d.year}"
    return f"{day} {MONTHS[d.month - 1]} {d.year}"
