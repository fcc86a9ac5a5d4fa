/*
 * rag_validate(): run each rule family over each plan of a model, then put
 * the findings in sheet order.  Also the helpers the families share for
 * dates, numbers and words (rules.h).
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "read/pages.h"
#include "util/util.h"
#include "model/rules.h"
#include "validate/rules.h"

/* ---- emitting --------------------------------------------------------- */

bool rg_rule_on(const rg_vctx *c, rag_rule_id id)
{
    return c->status == RAG_OK &&
           rag_rule_severity(c->opts, id) != RAG_SEVERITY_OFF;
}

static void emit(rg_vctx *c, rag_rule_id id, rag_severity cap,
                 const char *sheet, size_t sheet_index, rag_loc loc,
                 const char *ref, const char *period, const char *fmt,
                 va_list ap) __attribute__((format(printf, 9, 0)));

static void emit(rg_vctx *c, rag_rule_id id, rag_severity cap,
                 const char *sheet, size_t sheet_index, rag_loc loc,
                 const char *ref, const char *period, const char *fmt,
                 va_list ap)
{
    rag_finding f;
    rag_severity sev = rag_rule_severity(c->opts, id);

    if (c->status != RAG_OK || sev == RAG_SEVERITY_OFF)
        return;
    if (sev > cap)
        sev = cap;
    memset(&f, 0, sizeof f);
    f.file = c->file;
    f.sheet = sheet;
    f.sheet_index = sheet ? sheet_index : 0;
    f.has_cell = sheet && loc.set;
    f.row = f.has_cell ? loc.row : 0;
    f.col = f.has_cell ? loc.col : 0;
    f.rule_id = id;
    f.rule = rag_rules(NULL)[id].name;
    f.severity = sev;
    f.ref = ref && *ref ? ref : NULL;
    f.period = period && *period ? period : NULL;
    c->status = rg_findings_add(c->out, &f, fmt, ap);
}

void rg_emit(rg_vctx *c, rag_rule_id id, const rag_plan *p, rag_loc loc,
             const char *ref, const char *period, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    emit(c, id, RAG_SEVERITY_ERROR, p ? p->sheet : NULL,
         p ? p->sheet_index : 0, loc, ref, period, fmt, ap);
    va_end(ap);
}

void rg_emit_info(rg_vctx *c, rag_rule_id id, const rag_plan *p,
                  rag_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    emit(c, id, RAG_SEVERITY_INFO, p ? p->sheet : NULL,
         p ? p->sheet_index : 0, loc, NULL, NULL, fmt, ap);
    va_end(ap);
}

void rg_emit_sheet(rg_vctx *c, rag_rule_id id, const char *sheet,
                   size_t sheet_index, rag_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    emit(c, id, RAG_SEVERITY_ERROR, sheet, sheet_index, loc, NULL, NULL,
         fmt, ap);
    va_end(ap);
}

/* ---- the driver -------------------------------------------------------- */

/* Is sheet s one ragbook generated (named by _ragbook_summary, _issues or
 * _changes, "'Sheet'!$A$1")?  Those are not the council's sheets: they are
 * neither counted nor pointed at, so converting an output again finds
 * the same. */
static bool generated(const rag_workbook *wb, const char *sheet)
{
    size_t i, k, n = strlen(sheet);
    for (i = 0; i < wb->name_count; i++) {
        const rag_defined_name *d = &wb->names[i];
        const char *v = d->value;
        if (!d->name || !v || (strcmp(d->name, "_ragbook_summary") &&
                               strcmp(d->name, "_ragbook_issues") &&
                               strcmp(d->name, "_ragbook_changes")))
            continue;
        if (*v == '\'') {
            for (v++, k = 0; *v && k <= n; v++, k++) {
                if (*v == '\'' && v[1] == '\'')
                    v++;
                else if (*v == '\'')
                    break;
                if (k == n || *v != sheet[k])
                    break;
            }
            if (k == n && *v == '\'' && v[1] == '!')
                return true;
        } else if (!strncmp(v, sheet, n) && v[n] == '!') {
            return true;
        }
    }
    return false;
}

/* A workbook read without error in which nothing was recognised: silence
 * would pass a service that changed its template for a clean return. */
static void plan_not_found(rg_vctx *c)
{
    const rag_workbook *wb = c->model->wb;
    const char *sheet = NULL;
    size_t i, first = 0, count = 0;
    rag_loc none = {0, 0, false};

    if (c->model->plan_count || !rg_rule_on(c, RAG_RULE_PLAN_NOT_FOUND))
        return;
    for (i = 0; wb && i < wb->sheet_count; i++)
        if (!generated(wb, wb->sheets[i].name) && !count++) {
            sheet = wb->sheets[i].name;
            first = i;
        }
    rg_emit_sheet(c, RAG_RULE_PLAN_NOT_FOUND, sheet, first, none,
                  "no tracker, action plan, indicator form, scorecard or "
                  "recovery plan was recognised in %zu sheet%s: `ragbook "
                  "dump --explain` shows what was looked for and why it "
                  "fell short",
                  count, count == 1 ? "" : "s");
}

rag_status rag_validate(const rag_model *m, const rag_validate_options *opts,
                        rag_findings **out, rag_error *err)
{
    rg_vctx c;
    rag_status st;
    size_t i;

    if (!out)
        return rg_fail(err, RAG_ERR_USAGE, "no place for the findings");
    *out = NULL;
    if (!m)
        return rg_fail(err, RAG_ERR_USAGE, "no model to validate");
    memset(&c, 0, sizeof c);
    st = rag_findings_new(&c.out, err);
    if (st != RAG_OK)
        return st;
    c.model = m;
    c.opts = opts;
    c.file = m->file ? m->file : m->wb && m->wb->path ? m->wb->path : "";
    if (opts && opts->as_of.year)
        c.as_of = opts->as_of;
    else if (m->as_of.year)
        c.as_of = m->as_of;
    else
        c.as_of = rg_vtoday();
    c.tolerance = opts && opts->tolerance > 0 ? opts->tolerance : 0.10;
    c.status = RAG_OK;

    for (i = 0; i < m->plan_count && c.status == RAG_OK; i++) {
        const rag_plan *p = &m->plans[i];
        rg_check_indicators(&c, p);
        rg_check_recovery(&c, p);
        rg_check_actions(&c, p);
        rg_check_legend(&c, p);
    }
    if (c.status == RAG_OK)
        rg_check_sheets(&c);
    if (c.status == RAG_OK)
        plan_not_found(&c);
    if (c.status != RAG_OK) {
        rag_findings_free(c.out);
        return rg_fail(err, c.status, "%s", rag_strerror(c.status));
    }
    rg_findings_sort_by_place(c.out);
    *out = c.out;
    return RAG_OK;
}

/* ---- dates ------------------------------------------------------------- */

int rg_vmonth_days(int y, int m)
{
    return rg_month_days(y, m);
}

long rg_vdays(rag_date d)
{
    return rag_date_days(d);
}

char *rg_vdate(rag_date d, char *buf)
{
    if (!d.year)
        buf[0] = '\0';
    else
        snprintf(buf, 11, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

rag_date rg_vtoday(void)
{
    return rag_date_today();
}

/* Read up to max digits at *p; the count read goes to *len. */
static int digits(const char *p, int max, int *len)
{
    int v = 0, n = 0;
    while (n < max && isdigit((unsigned char)p[n]))
        v = v * 10 + (p[n++] - '0');
    *len = n;
    return v;
}

bool rg_vdue_from_text(const char *text, rag_date *out)
{
    return rg_due_from_text(text, out);
}

const char *rg_vdate_why(const char *text, char *buf, size_t size)
{
    static const char *const months[12] = {
        "January", "February", "March",     "April",   "May",
        "June",    "July",     "August",    "September", "October",
        "November", "December"};
    const char *p;
    int d, m, y, ld, lm, ly;

    buf[0] = '\0';
    for (p = text; p && *p; p++) {
        if (!isdigit((unsigned char)*p) ||
            (p > text && isdigit((unsigned char)p[-1])))
            continue;
        d = digits(p, 2, &ld);
        if (p[ld] != '/' && p[ld] != '.' && p[ld] != '-')
            continue;
        m = digits(p + ld + 1, 2, &lm);
        if (!lm || p[ld + 1 + lm] != p[ld])
            continue;
        y = digits(p + ld + 2 + lm, 4, &ly);
        if (ly != 2 && ly != 4)
            continue;
        if (ly == 2)
            y = rg_two_digit_year(y);
        if (m < 1 || m > 12)
            snprintf(buf, size, " (there is no month %d)", m);
        else if (d < 1)
            snprintf(buf, size, " (there is no day 0)");
        else if (d > rg_vmonth_days(y, m))
            snprintf(buf, size, " (%s %d has %d days)", months[m - 1], y,
                     rg_vmonth_days(y, m));
        return buf;
    }
    return buf;
}

int rg_vyear_start(const rag_finance *f)
{
    if (!f)
        return 0;
    if (f->year_start)
        return f->year_start;
    return rg_fy_start_from_text(f->year);
}

/* ---- words and numbers ------------------------------------------------- */

bool rg_vblank(const char *s)
{
    if (!s)
        return true;
    for (; *s; s++)
        if (!isspace((unsigned char)*s))
            return false;
    return true;
}

bool rg_vsame(const char *a, const char *b)
{
    size_t la, lb;
    if (!a || !b)
        return a == b;
    while (isspace((unsigned char)*a))
        a++;
    while (isspace((unsigned char)*b))
        b++;
    la = strlen(a);
    lb = strlen(b);
    while (la && isspace((unsigned char)a[la - 1]))
        la--;
    while (lb && isspace((unsigned char)b[lb - 1]))
        lb--;
    if (la != lb)
        return false;
    while (la--) {
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return false;
        a++;
        b++;
    }
    return true;
}

const char *rg_vaction(const rag_plan *p, const rag_action *a, char *buf,
                       size_t size)
{
    char words[64];

    /* "1 (Procurement 2023/24)": where each audit numbers from 1, the
     * ref alone names a row of every audit */
    if (!rg_vblank(a->ref) && p->refs_by_group && a->group && size >= 8) {
        snprintf(buf, size, "%s (%s)", a->ref,
                 rg_vshort(a->group, 40, words, sizeof words));
        return buf;
    }
    if (!rg_vblank(a->ref))
        return a->ref;
    if (rg_vblank(a->text) || size < 8)
        return "an action";
    snprintf(buf, size, "'%s'", rg_vshort(a->text, 40, words, sizeof words));
    return buf;
}

const char *rg_vshort(const char *s, size_t max, char *buf, size_t size)
{
    size_t chars = 0, n = 0;
    bool space = false, cut = false;

    if (!size)
        return buf;
    buf[0] = '\0';
    if (!s)
        return buf;
    while (isspace((unsigned char)*s))
        s++;
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (isspace(ch)) {
            space = true;
            continue;
        }
        if ((ch & 0xC0) != 0x80) { /* a new character starts */
            if (chars + space >= max) {
                cut = true;
                break;
            }
            chars += 1 + space;
        }
        if (n + 2 + 3 >= size) {
            cut = true;
            break;
        }
        if (space) {
            buf[n++] = ' ';
            space = false;
        }
        buf[n++] = (char)ch;
    }
    if (cut) {
        size_t k;
        /* drop a partial UTF-8 character at the end */
        while (n && ((unsigned char)buf[n - 1] & 0xC0) == 0x80)
            n--;
        if (n && ((unsigned char)buf[n - 1] & 0x80))
            n--;
        /* and a partial word, when that keeps most of the text */
        for (k = n; k > n / 2; k--)
            if (buf[k - 1] == ' ') {
                n = k - 1;
                break;
            }
        memcpy(buf + n, "...", 3);
        n += 3;
    }
    buf[n] = '\0';
    return buf;
}

char *rg_vnum(double v, int dec, char *buf, size_t size)
{
    char *p;
    if (dec > 9)
        dec = 9;
    if (dec >= 0) {
        snprintf(buf, size, "%.*f", dec, v);
    } else {
        snprintf(buf, size, "%.6f", v);
        p = strchr(buf, '.');
        if (p) {
            char *end = p + strlen(p) - 1;
            while (end > p && *end == '0')
                *end-- = '\0';
            if (end == p)
                *end = '\0';
        }
    }
    /* "-0", "-0.0": no sign on a zero */
    if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
        memmove(buf, buf + 1, strlen(buf));
    return buf;
}

int rg_vdecimals(double v, int max)
{
    int k;
    double scaled = fabs(v);
    for (k = 0; k < max; k++) {
        if (fabs(scaled - floor(scaled + 0.5)) < 1e-6 * (1 + scaled))
            return k;
        scaled *= 10;
    }
    return max;
}

char *rg_vmoney(double pounds, char *buf, size_t size)
{
    char digits_[64], out[96];
    const char *d;
    bool neg = pounds < 0;
    double a = fabs(pounds);
    int pence = rg_vdecimals(a, 2) ? 2 : 0;
    size_t intlen, i, n = 0;

    snprintf(digits_, sizeof digits_, "%.*f", pence, a);
    d = strchr(digits_, '.');
    intlen = d ? (size_t)(d - digits_) : strlen(digits_);
    if (neg && strspn(digits_, "0.") != strlen(digits_))
        out[n++] = '-';
    memcpy(out + n, "\xC2\xA3", 2); /* £ */
    n += 2;
    for (i = 0; i < intlen && n < sizeof out - 8; i++) {
        if (i && (intlen - i) % 3 == 0)
            out[n++] = ',';
        out[n++] = digits_[i];
    }
    out[n] = '\0';
    if (d)
        snprintf(out + n, sizeof out - n, "%s", d);
    snprintf(buf, size, "%s", out);
    return buf;
}

const char *rg_vcell_text(const rg_vctx *c, const rag_plan *p, rag_loc loc)
{
    const rag_workbook *wb = c->model->wb;
    const rag_cell *cell;

    if (!wb || !p || !loc.set || p->sheet_index >= wb->sheet_count)
        return NULL;
    cell = rg_sheet_cell_at(wb, p->sheet_index, loc.row, loc.col);
    if (!cell || cell->type != RAG_CELL_STRING || !cell->text)
        return NULL;
    return cell->text;
}
