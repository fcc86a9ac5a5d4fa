/*
 * Defined names through libxlsxwriter 1.1.4, whose workbook_define_name()
 * holds a name and its formula in 128-byte buffers, splits "Sheet!name" at
 * the first '!' and has overflow bugs (fixed in 1.1.8): every name is
 * checked against Excel's rules and those limits first.  Print titles and
 * print areas become the sheet's own settings.
 */
#include <stdio.h>
#include <string.h>

#include "writer/writer.h"

#define WX_NAME_MAX 127         /* LXW_DEFINED_NAME_LENGTH less the NUL */

/* ---- defined names --------------------------------------------------- */

static bool name_char(unsigned char c, bool first)
{
    if (c >= 0x80 || c == '_' || c == '\\' || (c >= 'A' && c <= 'Z') ||
        (c >= 'a' && c <= 'z'))
        return true;
    return !first && ((c >= '0' && c <= '9') || c == '.' || c == '?');
}

/* "R1C1", "r", "C12": what Excel reads as R1C1 references. */
static bool looks_r1c1(const char *s)
{
    if (*s == 'R' || *s == 'r') {
        s++;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    if (*s == 'C' || *s == 'c') {
        s++;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    return *s == '\0';
}

bool wx_defined_name_valid(const char *name)
{
    const unsigned char *p = (const unsigned char *)name;
    uint32_t r, c;

    if (!name || !*name || strlen(name) > 255)
        return false;
    if (!name_char(*p, true))
        return false;
    for (p++; *p; p++)
        if (!name_char(*p, false))
            return false;
    if (looks_r1c1(name) || rag_cell_ref_parse(name, &r, &c))
        return false;
    return true;
}

/* Skip "'Sheet 1'!" or "Sheet1!" at the start of a reference. */
static const char *skip_sheet(const char *s)
{
    const char *bang = NULL, *p = s;
    bool quoted = false;

    for (; *p; p++) {
        if (*p == '\'')
            quoted = !quoted;
        else if (*p == '!' && !quoted)
            bang = p;
    }
    return bang ? bang + 1 : s;
}

/* Parse "$1:$3" (rows) or "$A:$B" (columns) or "A1:B2" (range), '$'s
 * allowed: kind 'r', 'c' or 'a'. */
static bool parse_area(const char *s, char *kind, rag_range *out)
{
    char buf[64], *colon;
    size_t n = 0;
    const char *p;
    uint32_t a, b;

    for (p = s; *p && n + 1 < sizeof buf; p++)
        if (*p != '$')
            buf[n++] = *p;
    if (*p)
        return false;
    buf[n] = '\0';
    if (rag_range_parse(buf, out)) {
        *kind = 'a';
        return true;
    }
    colon = strchr(buf, ':');
    if (!colon)
        return false;
    *colon = '\0';
    if (rg_parse_u32(buf, &a) && rg_parse_u32(colon + 1, &b) && a >= 1 &&
        b >= a && b <= RAG_MAX_ROWS) {
        *kind = 'r';
        out->first_row = a - 1;
        out->last_row = b - 1;
        out->first_col = 0;
        out->last_col = RAG_MAX_COLS - 1;
        return true;
    }
    {
        char r1[80], r2[80];
        uint32_t row, c1, c2;
        snprintf(r1, sizeof r1, "%s1", buf);
        snprintf(r2, sizeof r2, "%s1", colon + 1);
        if (rag_cell_ref_parse(r1, &row, &c1) &&
            rag_cell_ref_parse(r2, &row, &c2) && c1 <= c2) {
            *kind = 'c';
            out->first_col = c1;
            out->last_col = c2;
            out->first_row = 0;
            out->last_row = RAG_MAX_ROWS - 1;
            return true;
        }
    }
    return false;
}

/* _xlnm.Print_Titles: "'S'!$1:$2,'S'!$A:$A" through the API. */
static bool print_titles(rag_wsheet *ws, const char *formula)
{
    char part[128];
    const char *p = formula;
    bool any = false;

    while (*p) {
        size_t n = 0;
        bool quoted = false;
        char kind;
        rag_range r;
        while (p[n] && (quoted || p[n] != ',')) {
            if (p[n] == '\'')
                quoted = !quoted;
            n++;
        }
        if (n >= sizeof part)
            return false;
        memcpy(part, p, n);
        part[n] = '\0';
        if (!parse_area(skip_sheet(part), &kind, &r) || kind == 'a')
            return false;
        if (kind == 'r')
            worksheet_repeat_rows(ws->ws, r.first_row, r.last_row);
        else
            worksheet_repeat_columns(ws->ws, (lxw_col_t)r.first_col,
                                     (lxw_col_t)r.last_col);
        any = true;
        p += n;
        if (*p == ',')
            p++;
    }
    return any;
}

static bool print_area(rag_wsheet *ws, const char *formula)
{
    char kind;
    rag_range r;

    if (strchr(formula, ',') || !parse_area(skip_sheet(formula), &kind, &r))
        return false;
    return worksheet_print_area(ws->ws, r.first_row, (lxw_col_t)r.first_col,
                                r.last_row, (lxw_col_t)r.last_col) ==
           LXW_NO_ERROR;
}

/* Has this name been defined in this scope already? */
static bool name_defined(rag_writer *w, int16_t index, const char *name)
{
    lxw_defined_name *d;
    TAILQ_FOREACH(d, w->wb->defined_names, list_pointers)
        if (d->index == index && rg_streq_nocase(d->name, name))
            return true;
    return false;
}

rag_status rag_writer_define_name(rag_writer *w, rag_wsheet *sheet,
                                  const char *name, const char *formula,
                                  bool hidden, rag_error *err)
{
    char full[WX_NAME_MAX + 1];
    int16_t index = sheet ? (int16_t)sheet->index : -1;
    bool xlnm;
    lxw_error e;
    lxw_defined_name *d;
    rag_status st;

    if (!w || !name || !formula)
        return rg_fail(err, RAG_ERR_USAGE, "no writer, name or formula");
    st = wx_workbook(w, err);
    if (st != RAG_OK)
        return st;
    if (*formula == '=')
        formula++;
    xlnm = !strncmp(name, "_xlnm.", 6);
    if (xlnm && !strcmp(name + 6, "_FilterDatabase"))
        return RAG_OK; /* worksheet_autofilter() writes its own */
    if (xlnm && sheet && !strcmp(name + 6, "Print_Titles") &&
        print_titles(sheet, formula))
        return RAG_OK;
    if (xlnm && sheet && !strcmp(name + 6, "Print_Area") &&
        print_area(sheet, formula))
        return RAG_OK;
    /* libxlsxwriter 1.1.4 holds names and formulas in 128-byte buffers
     * and splits "Sheet!name" at the first '!'. */
    if ((!xlnm && !wx_defined_name_valid(name)) ||
        (xlnm && !wx_defined_name_valid(name + 6)) || !*formula ||
        strlen(formula) > WX_NAME_MAX ||
        (sheet && strchr(sheet->name, '!')) ||
        (size_t)snprintf(full, sizeof full, "%s%s%s",
                         sheet ? sheet->name : "", sheet ? "!" : "",
                         name) >= sizeof full ||
        name_defined(w, index, name)) {
        wx_loss(w, RAG_LOSS_NAMES);
        return RAG_OK;
    }
    e = workbook_define_name(w->wb, full, formula);
    if (e != LXW_NO_ERROR) {
        wx_loss(w, RAG_LOSS_NAMES);
        return RAG_OK;
    }
    if (hidden) {
        /* workbook_define_name() has no hidden flag; the struct does. */
        TAILQ_FOREACH(d, w->wb->defined_names, list_pointers)
            if (d->index == index && !strcmp(d->name, name))
                d->hidden = 1;
    }
    return RAG_OK;
}
