"""A workbook as a plain grid, written by openpyxl or xlsxwriter.

The families (families.py) lay a variation out once, as a Book of Sheets
of cells; each writer then renders the same grid, so one layout gives the
same ground truth whichever program wrote the file.  Colours are given as
Fill specs (rgb, theme with tint, indexed), and resolve() turns a spec
into the RGB a reader must report, computed here from the colour model
(never from ragbook's output).
"""
import colorsys
import datetime as dt


class Fill:
    """A solid fill: kind 'rgb' (value 'RRGGBB'), 'theme' (value the
    theme index, with tint) or 'indexed' (value the palette index)."""

    def __init__(self, kind, value, tint=0.0):
        self.kind, self.value, self.tint = kind, value, tint

    def __repr__(self):
        return f"Fill({self.kind},{self.value},{self.tint})"


def rgb(hexcode):
    return Fill("rgb", hexcode.upper())


# The theme openpyxl writes (Office 2007): in the order fills index them,
# lt1, dk1, lt2, dk2 (swapped against the scheme's order), then accents.
THEME = ["FFFFFF", "000000", "EEECE1", "1F497D", "4F81BD", "C0504D",
         "9BBB59", "8064A2", "4BACC6", "F79646"]

# The default indexed palette (ECMA-376 18.8.27), the first 64 entries.
INDEXED = [
    "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF",
    "00FFFF", "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00",
    "FF00FF", "00FFFF", "800000", "008000", "000080", "808000", "800080",
    "008080", "C0C0C0", "808080", "9999FF", "993366", "FFFFCC", "CCFFFF",
    "660066", "FF8080", "0066CC", "CCCCFF", "000080", "FF00FF", "FFFF00",
    "00FFFF", "800080", "800000", "008080", "0000FF", "00CCFF", "CCFFFF",
    "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99", "3366FF",
    "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
    "003366", "339966", "003300", "333300", "993300", "993366", "333399",
    "333333"]


def _tinted(hexcode, tint):
    """Excel's tint: HSL lightness moved toward white (tint > 0) or black
    (tint < 0) by the fraction tint (ECMA-376 18.8.19)."""
    r, g, b = (int(hexcode[i:i + 2], 16) / 255.0 for i in (0, 2, 4))
    h, l, s = colorsys.rgb_to_hls(r, g, b)
    if tint < 0:
        l = l * (1.0 + tint)
    else:
        l = l * (1.0 - tint) + tint
    r, g, b = colorsys.hls_to_rgb(h, l, s)
    return "".join(f"{int(round(x * 255)):02X}" for x in (r, g, b))


def resolve(fill):
    """The RGB ('RRGGBB') a reader should report for fill."""
    if fill.kind == "rgb":
        return fill.value
    if fill.kind == "theme":
        base = THEME[fill.value]
        return _tinted(base, fill.tint) if fill.tint else base
    return INDEXED[fill.value]


class Cell:
    __slots__ = ("value", "fill", "fmt", "bold", "underline", "colour")

    def __init__(self, value=None, fill=None, fmt=None, bold=False,
                 underline=False, colour=None):
        self.value, self.fill, self.fmt = value, fill, fmt
        self.bold, self.underline = bold, underline
        self.colour = colour  # the font's 'RRGGBB', or None


class Sheet:
    def __init__(self, name):
        self.name = name
        self.cells = {}      # (row, col), 1-based -> Cell
        self.merges = []     # (r1, c1, r2, c2)
        self.cond = []       # (r1, c1, r2, c2, text, rgb): cell == text
        self.widths = {}

    def put(self, r, c, value=None, **kw):
        cell = self.cells.get((r, c))
        if cell is None:
            cell = self.cells[(r, c)] = Cell()
        if value is not None:
            cell.value = value
        for k, v in kw.items():
            setattr(cell, k, v)
        return cell

    def merge(self, r1, c1, r2, c2):
        if (r1, c1) != (r2, c2):
            self.merges.append((r1, c1, r2, c2))


class Book:
    def __init__(self):
        self.sheets = []

    def sheet(self, name):
        s = Sheet(name)
        self.sheets.append(s)
        return s

    def uses_theme_or_indexed(self):
        return any(c.fill is not None and c.fill.kind != "rgb"
                   for s in self.sheets for c in s.cells.values())


def col_letter(c):
    s = ""
    while c:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return s


def a1(r, c):
    return f"{col_letter(c)}{r}"


DATE_FMT = "dd/mm/yyyy"


# ---- openpyxl --------------------------------------------------------------

def write_openpyxl(book, path):
    import openpyxl
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.styles.colors import Color

    def pfill(f):
        if f.kind == "rgb":
            col = Color(rgb="FF" + f.value)
        elif f.kind == "theme":
            col = Color(theme=f.value, tint=f.tint)
        else:
            col = Color(indexed=f.value)
        return PatternFill("solid", fgColor=col)

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for s in book.sheets:
        ws = wb.create_sheet(s.name)
        for (r, c), cell in sorted(s.cells.items()):
            x = ws.cell(row=r, column=c)
            if cell.value is not None:
                x.value = cell.value
            if isinstance(cell.value, (dt.date, dt.datetime)):
                x.number_format = cell.fmt or DATE_FMT
            elif cell.fmt:
                x.number_format = cell.fmt
            if cell.fill is not None:
                x.fill = pfill(cell.fill)
            if cell.bold or cell.underline or cell.colour:
                x.font = Font(bold=cell.bold,
                              underline="single" if cell.underline else None,
                              color="FF" + cell.colour if cell.colour
                              else None)
        for r1, c1, r2, c2 in s.merges:
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2,
                           end_column=c2)
        for r1, c1, r2, c2, text, colour in s.cond:
            ws.conditional_formatting.add(
                f"{a1(r1, c1)}:{a1(r2, c2)}",
                CellIsRule(operator="equal", formula=[f'"{text}"'],
                           fill=PatternFill(bgColor="FF" + colour,
                                            fill_type="solid")))
        for c, w in s.widths.items():
            ws.column_dimensions[col_letter(c)].width = w
    wb.save(path)


# ---- xlsxwriter ------------------------------------------------------------

def write_xlsxwriter(book, path):
    import xlsxwriter
    wb = xlsxwriter.Workbook(path)
    formats = {}

    def fmt(cell, date):
        key = (cell.fill.value if cell.fill else None,
               cell.fmt or (DATE_FMT if date else None), cell.bold,
               cell.underline, cell.colour)
        if key == (None, None, False, False, None):
            return None
        if key not in formats:
            props = {}
            if key[0]:
                props.update(pattern=1, bg_color="#" + key[0])
            if key[1]:
                props["num_format"] = key[1]
            if key[2]:
                props["bold"] = True
            if key[3]:
                props["underline"] = 1
            if key[4]:
                props["font_color"] = "#" + key[4]
            formats[key] = wb.add_format(props)
        return formats[key]

    for s in book.sheets:
        ws = wb.add_worksheet(s.name)
        merged_tl = {(r1, c1): (r2, c2) for r1, c1, r2, c2 in s.merges}
        inside = set()
        for r1, c1, r2, c2 in s.merges:
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    if (r, c) != (r1, c1):
                        inside.add((r, c))
        for (r, c), cell in sorted(s.cells.items()):
            if (r, c) in inside:
                continue
            v = cell.value
            is_date = isinstance(v, (dt.date, dt.datetime))
            f = fmt(cell, is_date)
            if (r, c) in merged_tl:
                r2, c2 = merged_tl[(r, c)]
                if is_date:
                    v = dt.datetime(v.year, v.month, v.day)
                ws.merge_range(r - 1, c - 1, r2 - 1, c2 - 1, v if v is not None else "",
                               f)
                continue
            if v is None:
                ws.write_blank(r - 1, c - 1, None, f)
            elif is_date:
                ws.write_datetime(r - 1, c - 1,
                                  dt.datetime(v.year, v.month, v.day), f)
            elif isinstance(v, str):
                ws.write_string(r - 1, c - 1, v, f)
            else:
                ws.write_number(r - 1, c - 1, v, f)
        for (r1, c1) in merged_tl:
            if (r1, c1) not in s.cells:
                r2, c2 = merged_tl[(r1, c1)]
                ws.merge_range(r1 - 1, c1 - 1, r2 - 1, c2 - 1, "", None)
        for r1, c1, r2, c2, text, colour in s.cond:
            ws.conditional_format(r1 - 1, c1 - 1, r2 - 1, c2 - 1, {
                "type": "cell", "criteria": "==", "value": f'"{text}"',
                "format": wb.add_format({"bg_color": "#" + colour})})
        for c, w in s.widths.items():
            ws.set_column(c - 1, c - 1, w)
    wb.close()


WRITERS = {"openpyxl": write_openpyxl, "xlsxwriter": write_xlsxwriter}
