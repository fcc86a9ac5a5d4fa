/*
 * Indicator rules: variance-mismatch, rag-mismatch, target-missing,
 * actual-missing, plan-not-required and narrative-missing for indicators.
 *
 * Figures are compared the way the sheet shows them: a +/- target stated
 * to one decimal place of a percentage is right when actual - target
 * rounds to it.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util/util.h"
#include "validate/rules.h"

/* Percentages are held as fractions and shown as percentages. */
static double scale_of(const rag_indicator *ind)
{
    return ind->unit == RAG_UNIT_PERCENT ? 100.0 : 1.0;
}

/* v (in the model's terms) as the sheet would show it, with dec decimals
 * in the unit shown. */
static char *show(const rag_indicator *ind, double v, int dec, char *buf,
                  size_t size)
{
    char num[40];
    switch (ind->unit) {
    case RAG_UNIT_PERCENT:
        snprintf(buf, size, "%s%%", rg_vnum(v * 100.0, dec, num, sizeof num));
        break;
    case RAG_UNIT_DAYS:
        rg_vnum(v, dec, num, sizeof num);
        snprintf(buf, size, "%s %s", num, strcmp(num, "1") ? "days" : "day");
        break;
    case RAG_UNIT_GBP:
        rg_vmoney(v, buf, size);
        break;
    case RAG_UNIT_COUNT:
    case RAG_UNIT_NONE:
        rg_vnum(v, dec, buf, size);
        break;
    }
    return buf;
}

/* How the indicator is called in messages: its code, else its title. */
static const char *name_of(const rag_indicator *ind, char *buf, size_t size)
{
    if (!rg_vblank(ind->code))
        return rg_vshort(ind->code, 40, buf, size);
    if (!rg_vblank(ind->title)) {
        char t[128];
        snprintf(buf, size, "'%s'", rg_vshort(ind->title, 50, t, sizeof t));
        return buf;
    }
    snprintf(buf, size, "the indicator");
    return buf;
}

static bool contains_nocase(const char *s, const char *word)
{
    size_t n = strlen(word);
    if (!s)
        return false;
    for (; *s; s++) {
        size_t i;
        for (i = 0; i < n; i++)
            if (tolower((unsigned char)s[i]) != word[i])
                break;
        if (i == n)
            return true;
    }
    return false;
}

/* The field of p at cell loc (as its label or its value), or NULL. */
static const rag_field *field_at(const rag_plan *p, rag_loc loc)
{
    size_t i;
    if (!loc.set)
        return NULL;
    for (i = 0; i < p->field_count; i++) {
        const rag_field *f = &p->fields[i];
        if ((f->value_cell.set && f->value_cell.row == loc.row &&
             f->value_cell.col == loc.col) ||
            (f->label_cell.set && f->label_cell.row == loc.row &&
             f->label_cell.col == loc.col))
            return f;
    }
    return NULL;
}

/* The first field of p whose label holds one of words, or NULL. */
static const rag_field *field_named(const rag_plan *p, const char *const *w)
{
    size_t i, k;
    for (i = 0; i < p->field_count; i++)
        for (k = 0; w[k]; k++)
            if (contains_nocase(p->fields[i].label, w[k]))
                return &p->fields[i];
    return NULL;
}

/* The variance's label as the sheet words it ("+ / - Target"). */
static const char *variance_label(const rag_plan *p, const rag_indicator *ind,
                                  char *buf, size_t size)
{
    const rag_field *f = field_at(p, ind->variance_cell);
    if (f && f->label && (strchr(f->label, '+') ||
                          contains_nocase(f->label, "variance") ||
                          contains_nocase(f->label, "target"))) {
        size_t n;
        rg_vshort(f->label, 40, buf, size);
        n = strlen(buf);
        while (n && (buf[n - 1] == ':' || buf[n - 1] == ' '))
            buf[--n] = '\0';
        if (n)
            return buf;
    }
    snprintf(buf, size, "+ / - Target");
    return buf;
}

static const char *rating_word(rag_rating r)
{
    const char *w = rag_rating_word(r);
    return w ? w : "no RAG";
}

/* The RAG of an indicator at amber band tol: the one rating rule,
 * rag_rate (src/model/model.c), as recognition computes it for `dump`. */
static rag_rating rate(const rag_indicator *ind, double tol)
{
    return rag_rate(ind->target, ind->actual, ind->direction, tol);
}

static double tolerance_of(const rg_vctx *c, const rag_indicator *ind)
{
    return ind->tolerance > 0 ? ind->tolerance : c->tolerance;
}

static void variance_mismatch(rg_vctx *c, const rag_plan *p,
                              const rag_indicator *ind)
{
    double scale = scale_of(ind), stated, comp, half;
    int d, da, dt, dr;
    char label[64], s1[64], s2[64], s3[64], s4[64];

    if (!rg_rule_on(c, RAG_RULE_VARIANCE_MISMATCH) ||
        !ind->has_stated_variance || !ind->has_target || !ind->has_actual)
        return;
    stated = ind->stated_variance * scale;
    comp = (ind->actual - ind->target) * scale;
    d = ind->stated_decimals >= 0 ? ind->stated_decimals
                                  : rg_vdecimals(stated, 6);
    half = 0.5 * pow(10.0, -d);
    if (fabs(stated - comp) <= half + 1e-9 * (1.0 + fabs(comp)))
        return;
    da = rg_vdecimals(ind->actual * scale, 3);
    dt = rg_vdecimals(ind->target * scale, 3);
    da = da > d ? da : d;
    dt = dt > d ? dt : d;
    dr = da > dt ? da : dt;
    rg_emit(c, RAG_RULE_VARIANCE_MISMATCH, p,
            ind->variance_cell.set ? ind->variance_cell : ind->cell, NULL,
            NULL, "%s says %s, but %s - %s = %s",
            variance_label(p, ind, label, sizeof label),
            show(ind, ind->stated_variance, d, s1, sizeof s1),
            show(ind, ind->actual, da, s2, sizeof s2),
            show(ind, ind->target, dt, s3, sizeof s3),
            show(ind, ind->actual - ind->target, dr, s4, sizeof s4));
}

static void rag_mismatch(rg_vctx *c, const rag_plan *p,
                         const rag_indicator *ind)
{
    double tol = tolerance_of(c, ind);
    rag_rating r;
    char name[96], a[64], t[64], band[32];
    const char *how;

    if (!rg_rule_on(c, RAG_RULE_RAG_MISMATCH) ||
        ind->stated_rag == RAG_RATING_NONE || !ind->has_target ||
        !ind->has_actual || ind->to_date)
        return;
    r = rate(ind, tol);
    if (r == ind->stated_rag || r == RAG_RATING_NONE)
        return;
    rg_vnum(tol * 100.0, -1, band, sizeof band);
    switch (ind->direction) {
    case RAG_LOWER_IS_BETTER:
        how = "lower is better; AMBER when above the target by at most";
        break;
    case RAG_WITHIN_BAND:
        how = "held to a band; GREEN when either side of the target by at "
              "most";
        break;
    case RAG_HIGHER_IS_BETTER:
    default:
        how = "higher is better; AMBER when short of the target by at most";
        break;
    }
    /* a band around 0 ("+/- 1%") is the tolerance itself (rag_rate) */
    if (ind->direction == RAG_WITHIN_BAND && ind->target == 0) {
        rg_emit(c, RAG_RULE_RAG_MISMATCH, p,
                ind->rag_cell.set ? ind->rag_cell : ind->cell, NULL, NULL,
                "%s is stated %s, but %s against a band of +/- %s is %s "
                "(GREEN within it, AMBER within twice it)",
                name_of(ind, name, sizeof name),
                rating_word(ind->stated_rag),
                show(ind, ind->actual, -1, a, sizeof a),
                show(ind, tol, -1, t, sizeof t), rating_word(r));
        return;
    }
    rg_emit(c, RAG_RULE_RAG_MISMATCH, p,
            ind->rag_cell.set ? ind->rag_cell : ind->cell, NULL, NULL,
            "%s is stated %s, but %s against a target of %s is %s (%s %s%% "
            "of it)",
            name_of(ind, name, sizeof name), rating_word(ind->stated_rag),
            show(ind, ind->actual, -1, a, sizeof a),
            show(ind, ind->target, -1, t, sizeof t), rating_word(r), how,
            band);
}

static void target_actual_missing(rg_vctx *c, const rag_plan *p,
                                  const rag_indicator *ind)
{
    char name[96];

    if (!ind->has_target) {
        rag_loc at = ind->target_cell.set ? ind->target_cell : ind->cell;
        /* the target cell's own words say why ("Reduce", "Yes", "Data
         * only"); a row marked data only elsewhere has none there */
        const char *said = ind->data_only && ind->target_cell.set
                               ? rg_vcell_text(c, p, ind->target_cell)
                               : NULL;
        char t[64];
        if (ind->data_only && !rg_vblank(said))
            rg_emit_info(c, RAG_RULE_TARGET_MISSING, p, at,
                         "%s has no target figure: the sheet says '%s', so "
                         "none is expected",
                         name_of(ind, name, sizeof name),
                         rg_vshort(said, 40, t, sizeof t));
        else if (ind->data_only)
            rg_emit_info(c, RAG_RULE_TARGET_MISSING, p, at,
                         "%s has no target (the sheet marks it data only, "
                         "so none is expected)",
                         name_of(ind, name, sizeof name));
        else
            rg_emit(c, RAG_RULE_TARGET_MISSING, p, at, NULL, NULL,
                    "%s has no target: expected a figure to measure "
                    "performance against",
                    name_of(ind, name, sizeof name));
    }
    /* a measure the sheet says is not due this period (reported annually,
     * "Not due") or answers in words ("Yes", "Not achieved") owes no
     * figure: the rule is a figure owed and missing, and its severity is
     * the contract's, so nothing is said */
    if (!ind->has_actual && !ind->not_due) {
        char when[96];
        if (!rg_vblank(ind->period))
            snprintf(when, sizeof when, " (%s)",
                     rg_vshort(ind->period, 60, name, sizeof name));
        else
            when[0] = '\0';
        rg_emit(c, RAG_RULE_ACTUAL_MISSING, p,
                ind->actual_cell.set ? ind->actual_cell : ind->cell, NULL,
                NULL, "%s has no performance figure for this period%s",
                name_of(ind, name, sizeof name), when);
    }
}

static void plan_not_required(rg_vctx *c, const rag_plan *p,
                              const rag_indicator *ind)
{
    char name[96], a[64], t[64];

    if (p->kind != RAG_PLAN_INDICATOR || !ind->has_target ||
        !ind->has_actual || !rg_rule_on(c, RAG_RULE_PLAN_NOT_REQUIRED))
        return;
    if (rate(ind, 0.0) != RAG_RATING_GREEN)
        return;
    rg_emit(c, RAG_RULE_PLAN_NOT_REQUIRED, p,
            ind->actual_cell.set ? ind->actual_cell : ind->cell, NULL, NULL,
            "%s meets its target (%s against %s): a performance action "
            "plan is not required",
            name_of(ind, name, sizeof name),
            show(ind, ind->actual, -1, a, sizeof a),
            show(ind, ind->target, -1, t, sizeof t));
}

static void narrative_missing(rg_vctx *c, const rag_plan *p,
                              const rag_indicator *ind)
{
    static const char *const reason_words[] = {"reason", "narrative",
                                               "explanation", "comment",
                                               NULL};
    rag_rating r = ind->stated_rag;
    const rag_field *f;
    rag_loc at = ind->cell;
    char name[96];

    if (!rg_rule_on(c, RAG_RULE_NARRATIVE_MISSING) || !rg_vblank(ind->reason))
        return;
    if (r == RAG_RATING_NONE && ind->has_target && ind->has_actual &&
        !ind->to_date)
        r = rate(ind, tolerance_of(c, ind));
    if (r != RAG_RATING_RED && r != RAG_RATING_AMBER)
        return;
    /* A scorecard with no commentary column asks for no reasons: its rows
     * have nowhere to give one, and a warning on every red and amber row
     * would tell the service to fix the template, not its return. */
    if (p->kind == RAG_PLAN_SCORECARD && !ind->comment_cell.set)
        return;
    f = field_named(p, reason_words);
    if (ind->comment_cell.set)
        at = ind->comment_cell; /* a scorecard row's commentary cell */
    else if (f && f->value_cell.set)
        at = f->value_cell;
    else if (f && f->label_cell.set)
        at = f->label_cell;
    rg_emit(c, RAG_RULE_NARRATIVE_MISSING, p, at, NULL, NULL,
            "%s is %s but gives no reason: expected a non-compliance reason "
            "or narrative",
            name_of(ind, name, sizeof name), rating_word(r));
}

void rg_check_indicators(rg_vctx *c, const rag_plan *p)
{
    size_t i;
    for (i = 0; i < p->indicator_count && c->status == RAG_OK; i++) {
        const rag_indicator *ind = &p->indicators[i];
        variance_mismatch(c, p, ind);
        rag_mismatch(c, p, ind);
        target_actual_missing(c, p, ind);
        plan_not_required(c, p, ind);
        narrative_missing(c, p, ind);
    }
}
