/*
 * Colour rules: legend-unknown-fill and legend-ambiguous for a tracker's
 * key and month cells, and conditional-colours for any sheet coloured by
 * conditional-formatting rules (those colours are computed by Excel when
 * it shows the sheet; they are not in the cells, so a reader of the file
 * cannot see them as statuses).
 */
#include <stdio.h>
#include <string.h>

#include "util/util.h"
#include "validate/rules.h"

static const char *const month_names[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

/* The entry's meaning: its status, or its words when the status is not
 * known.  true when a and b mean the same. */
static bool same_meaning(const rag_legend_entry *a, const rag_legend_entry *b)
{
    if (a->status != RAG_PROGRESS_NONE || b->status != RAG_PROGRESS_NONE)
        return a->status == b->status;
    return rg_vsame(a->label, b->label);
}

static const char *progress_words(rag_progress s)
{
    switch (s) {
    case RAG_PROGRESS_PROGRAMMED:
        return "programmed";
    case RAG_PROGRESS_ON_TARGET:
        return "on target";
    case RAG_PROGRESS_ONE_MONTH_BEHIND:
        return "one month behind";
    case RAG_PROGRESS_OVER_ONE_MONTH_BEHIND:
        return "over one month behind";
    case RAG_PROGRESS_REPROGRAMMED:
        return "reprogrammed";
    case RAG_PROGRESS_SUSPENDED:
        return "suspended";
    case RAG_PROGRESS_COMPLETE:
        return "complete";
    case RAG_PROGRESS_NONE:
        break;
    }
    return "(no words)";
}

static const char *label_of(const rag_legend_entry *e, char *buf, size_t n)
{
    if (!rg_vblank(e->label))
        return rg_vshort(e->label, 40, buf, n);
    snprintf(buf, n, "%s", progress_words(e->status));
    return buf;
}

/*
 * Report each ambiguity once, at the entry that makes it: entry j gives
 * colour F a second meaning when every earlier entry of colour F agrees on
 * one meaning and j's differs; likewise for a meaning given a second
 * colour.  A key repeated page after page repeats no finding.
 */
static void ambiguous(rg_vctx *c, const rag_plan *p)
{
    const rag_legend_entry *e = p->legend;
    size_t i, j, n = p->legend_count;
    char l1[64], l2[64];

    for (j = 1; j < n && c->status == RAG_OK; j++) {
        size_t first = n;
        bool agree = true, colour_done = false;
        if (e[j].fill == RAG_NO_COLOR)
            continue;
        for (i = 0; i < j; i++) {
            if (e[i].fill != e[j].fill)
                continue;
            if (first == n)
                first = i;
            else if (!same_meaning(&e[i], &e[first]))
                agree = false;
        }
        if (first < n && agree && !same_meaning(&e[j], &e[first])) {
            rg_emit(c, RAG_RULE_LEGEND_AMBIGUOUS, p, e[j].cell, NULL, NULL,
                    "the key gives colour %06X two meanings: '%s' and "
                    "'%s'",
                    (unsigned)e[j].fill, label_of(&e[first], l1, sizeof l1),
                    label_of(&e[j], l2, sizeof l2));
            colour_done = true;
        }
        if (colour_done || e[j].status == RAG_PROGRESS_NONE)
            continue;
        first = n;
        agree = true;
        for (i = 0; i < j; i++) {
            if (e[i].status != e[j].status || e[i].fill == RAG_NO_COLOR)
                continue;
            if (first == n)
                first = i;
            else if (e[i].fill != e[first].fill)
                agree = false;
        }
        if (first < n && agree && e[j].fill != e[first].fill)
            rg_emit(c, RAG_RULE_LEGEND_AMBIGUOUS, p, e[j].cell, NULL, NULL,
                    "the key gives one meaning two colours: '%s' is %06X "
                    "and '%s' is %06X",
                    label_of(&e[first], l1, sizeof l1),
                    (unsigned)e[first].fill, label_of(&e[j], l2, sizeof l2),
                    (unsigned)e[j].fill);
    }
}

static long colour_distance(uint32_t a, uint32_t b)
{
    long dr = (long)((a >> 16) & 0xFF) - (long)((b >> 16) & 0xFF);
    long dg = (long)((a >> 8) & 0xFF) - (long)((b >> 8) & 0xFF);
    long db = (long)(a & 0xFF) - (long)(b & 0xFF);
    return dr * dr + dg * dg + db * db;
}

static void unknown_fills(rg_vctx *c, const rag_plan *p)
{
    size_t i, k;
    bool coloured = false;
    char when[48], l[64], name[72];

    for (i = 0; i < p->action_count && !coloured; i++)
        for (k = 0; k < p->actions[i].month_count; k++)
            if (p->actions[i].months[k].fill != RAG_NO_COLOR)
                coloured = true;
    if (!coloured || !rg_rule_on(c, RAG_RULE_LEGEND_UNKNOWN_FILL))
        return;
    if (!p->legend_count) {
        rg_emit(c, RAG_RULE_LEGEND_UNKNOWN_FILL, p, p->cell, NULL, NULL,
                "month cells are coloured, but the sheet has no key saying "
                "what the colours mean, so no status can be read");
        return;
    }
    for (i = 0; i < p->action_count && c->status == RAG_OK; i++) {
        const rag_action *a = &p->actions[i];
        for (k = 0; k < a->month_count; k++) {
            const rag_month *m = &a->months[k];
            const rag_legend_entry *near = NULL;
            size_t e;
            if (m->status != RAG_PROGRESS_NONE || m->fill == RAG_NO_COLOR ||
                m->fill == 0xFFFFFF)
                continue;
            for (e = 0; e < p->legend_count; e++)
                if (p->legend[e].fill != RAG_NO_COLOR &&
                    (!near || colour_distance(p->legend[e].fill, m->fill) <
                                  colour_distance(near->fill, m->fill)))
                    near = &p->legend[e];
            if (m->month >= 1 && m->month <= 12)
                snprintf(when, sizeof when, "%s %d", month_names[m->month - 1],
                         m->year);
            else
                snprintf(when, sizeof when, "a month");
            if (near)
                rg_emit(c, RAG_RULE_LEGEND_UNKNOWN_FILL, p, m->cell, a->ref,
                        NULL,
                        "%s, %s: colour %06X is not in the key, so its "
                        "status cannot be read (nearest in the key: %06X "
                        "'%s')",
                        rg_vaction(p, a, name, sizeof name), when,
                        (unsigned)m->fill, (unsigned)near->fill,
                        label_of(near, l, sizeof l));
            else
                rg_emit(c, RAG_RULE_LEGEND_UNKNOWN_FILL, p, m->cell, a->ref,
                        NULL,
                        "%s, %s: colour %06X is not in the key, so its "
                        "status cannot be read",
                        rg_vaction(p, a, name, sizeof name), when,
                        (unsigned)m->fill);
        }
    }
}

void rg_check_legend(rg_vctx *c, const rag_plan *p)
{
    if (rg_rule_on(c, RAG_RULE_LEGEND_AMBIGUOUS))
        ambiguous(c, p);
    unknown_fills(c, p);
}

/* true when a conditional format of sheet i lies over a plan of that sheet
 * (a tracker's months, an action plan's status column...): only there can
 * its colours be statuses ragbook does not read.  Conditional formats on a
 * sheet with no plan, or beside the plan, are no concern of a return's. */
static bool over_a_plan(const rag_model *m, const rag_sheet *sh, size_t i)
{
    size_t j, k;

    for (j = 0; j < m->plan_count; j++) {
        const rag_plan *p = &m->plans[j];
        const rag_range *pr = &p->range;
        if (p->sheet_index != i)
            continue;
        for (k = 0; k < sh->conditional_count; k++) {
            const rag_range *r = &sh->conditional[k];
            if (r->first_row <= pr->last_row && r->last_row >= pr->first_row &&
                r->first_col <= pr->last_col && r->last_col >= pr->first_col)
                return true;
        }
        /* ranges not listed (a count only): the sheet's plan is enough */
        if (!sh->conditional_count)
            return true;
    }
    return false;
}

void rg_check_sheets(rg_vctx *c)
{
    const rag_workbook *wb = c->model->wb;
    size_t i, k;

    if (!wb || !rg_rule_on(c, RAG_RULE_CONDITIONAL_COLOURS))
        return;
    for (i = 0; i < wb->sheet_count && c->status == RAG_OK; i++) {
        const rag_sheet *sh = &wb->sheets[i];
        rag_loc at = {0, 0, false};
        char ranges[128] = "", r[32];
        size_t len = 0;

        if (!sh->conditional_count &&
            !(sh->features & RAG_FEATURE_CONDITIONAL))
            continue;
        if (!over_a_plan(c->model, sh, i))
            continue;
        for (k = 0; k < sh->conditional_count && k < 3; k++) {
            rag_range_format(&sh->conditional[k], r);
            len += (size_t)snprintf(ranges + len, sizeof ranges - len,
                                    "%s%s", k ? ", " : " (", r);
            if (len >= sizeof ranges)
                break;
        }
        if (sh->conditional_count && len < sizeof ranges)
            snprintf(ranges + len, sizeof ranges - len, "%s)",
                     sh->conditional_count > 3 ? ", ..." : "");
        if (sh->conditional_count) {
            at.row = sh->conditional[0].first_row;
            at.col = sh->conditional[0].first_col;
            at.set = true;
        }
        rg_emit_sheet(c, RAG_RULE_CONDITIONAL_COLOURS, sh->name, i, at,
                      "this sheet is coloured by conditional formatting%s: "
                      "those colours are not cell fills, so they are not "
                      "read as statuses (letters or words in the cells are, "
                      "through the key)",
                      ranges);
    }
}
