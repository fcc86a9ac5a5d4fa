/*
 * The model as the contract's `dump` JSON: {"file", "as_of", "plans"}.
 * Every object carries "cell"; unknowns are null; dates are YYYY-MM-DD;
 * numbers print in their shortest round-trip form.  One plan member per
 * line and one action, indicator, milestone or period per line, so that
 * dumps diff well.
 */
#include <stdio.h>
#include <string.h>

#include "model/model_impl.h"

/* A string, or null: the one escaper in src/util/json.c. */
static void jstr(FILE *f, const char *s)
{
    rg_json_cstr(f, s);
}

static void jnum(FILE *f, bool has, double v)
{
    char buf[40];
    if (!has) {
        fputs("null", f);
        return;
    }
    rg_format_double(v, buf, sizeof buf);
    fputs(buf, f);
}

static void jdate(FILE *f, rag_date d)
{
    char buf[16];
    if (!d.year)
        fputs("null", f);
    else
        fprintf(f, "\"%s\"", rag_date_format(d, buf));
}

static void jcell(FILE *f, rag_loc l)
{
    char buf[16];
    if (!l.set)
        fputs(", \"cell\": null", f);
    else
        fprintf(f, ", \"cell\": \"%s\"", rag_cell_ref_format(l.row, l.col,
                                                             buf));
}

static void fields(FILE *f, const rag_plan *p)
{
    size_t i, j;
    fputs(",\n   \"fields\": {", f);
    for (i = 0; i < p->field_count; i++) {
        const rag_field *fl = &p->fields[i];
        size_t same = 0;
        /* JSON keys are unique: a label met again gets " (2)" */
        for (j = 0; j < i; j++)
            if (!strcmp(p->fields[j].label, fl->label))
                same++;
        fputs(i ? ",\n     " : "\n     ", f);
        if (same) {
            char key[512];
            snprintf(key, sizeof key, "%s (%zu)", fl->label, same + 1);
            jstr(f, key);
        } else {
            jstr(f, fl->label);
        }
        fputs(": ", f);
        jstr(f, fl->value);
    }
    fputs(p->field_count ? "}" : "}", f);
}

/* "cell": "Key!B3" for a legend on another sheet ('My Key'!B3 when the
 * name needs quotes). */
static void jcell_on(FILE *f, const rag_model *m, const rag_plan *p,
                     size_t sheet, rag_loc l)
{
    const char *name, *s;
    char buf[16];
    bool plain = true;

    if (sheet == p->sheet_index || !m->wb || sheet >= m->wb->sheet_count ||
        !l.set) {
        jcell(f, l);
        return;
    }
    name = m->wb->sheets[sheet].name ? m->wb->sheets[sheet].name : "";
    for (s = name; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
              (*s >= '0' && *s <= '9') || *s == '_' || *s == '.'))
            plain = false;
    fputs(", \"cell\": \"", f);
    if (!plain)
        putc('\'', f);
    for (s = name; *s; s++) {
        if (*s == '\'')
            putc('\'', f); /* doubled, as Excel writes it */
        if (*s == '"' || *s == '\\')
            putc('\\', f);
        putc(*s, f);
    }
    if (!plain)
        putc('\'', f);
    fprintf(f, "!%s\"", rag_cell_ref_format(l.row, l.col, buf));
}

static void legend(FILE *f, const rag_model *m, const rag_plan *p)
{
    size_t i;
    fputs(",\n   \"legend\": [", f);
    for (i = 0; i < p->legend_count; i++) {
        const rag_legend_entry *e = &p->legend[i];
        fputs(i ? ",\n    " : "\n    ", f);
        fputs("{\"status\": ", f);
        jstr(f, rag_progress_name(e->status));
        fputs(", \"label\": ", f);
        jstr(f, e->label);
        if (e->fill == RAG_NO_COLOR) /* a key of letters: "G = On track" */
            fputs(", \"fill\": null", f);
        else
            fprintf(f, ", \"fill\": \"%06X\"",
                    (unsigned)(e->fill & 0xFFFFFF));
        if (e->code) {
            fputs(", \"code\": ", f);
            jstr(f, e->code);
        }
        jcell_on(f, m, p, e->sheet_index, e->cell);
        putc('}', f);
    }
    fputs("]", f);
}

static void action(FILE *f, const rag_action *a)
{
    size_t i;
    fputs("{\"ref\": ", f);
    jstr(f, a->ref);
    fputs(", \"parent\": ", f);
    jstr(f, a->parent);
    fputs(", \"text\": ", f);
    jstr(f, a->text);
    fputs(", \"leads\": [", f);
    for (i = 0; i < a->lead_count; i++) {
        if (i)
            fputs(", ", f);
        jstr(f, a->leads[i]);
    }
    fputs("], \"due\": ", f);
    jdate(f, a->due);
    fputs(", \"due_text\": ", f);
    jstr(f, a->due_text);
    fputs(", \"months\": [", f);
    for (i = 0; i < a->month_count; i++) {
        const rag_month *mo = &a->months[i];
        fprintf(f, "%s{\"month\": \"%04d-%02d\", \"status\": ", i ? ", " : "",
                mo->year % 10000, mo->month);
        jstr(f, rag_progress_name(mo->status));
        jcell(f, mo->cell);
        putc('}', f);
    }
    fputs("], \"status\": ", f);
    jstr(f, rag_progress_name(a->status));
    fputs(", \"comment\": ", f);
    jstr(f, a->comment);
    jcell(f, a->cell);
    putc('}', f);
}

static void indicator_fields(FILE *f, const rag_indicator *x)
{
    bool both = x->has_target && x->has_actual;
    fputs("{\"title\": ", f);
    jstr(f, x->title);
    fputs(", \"code\": ", f);
    jstr(f, x->code);
    fputs(", \"target\": ", f);
    jnum(f, x->has_target, x->target);
    fputs(", \"actual\": ", f);
    jnum(f, x->has_actual, x->actual);
    fputs(", \"unit\": ", f);
    jstr(f, rag_unit_name(x->unit));
    fputs(", \"direction\": ", f);
    jstr(f, rag_direction_name(x->direction));
    fputs(", \"variance\": ", f);
    jnum(f, both, x->variance);
    fputs(", \"stated_variance\": ", f);
    jnum(f, x->has_stated_variance, x->stated_variance);
    fputs(", \"rag\": ", f);
    jstr(f, rag_rating_name(x->rag));
    fputs(", \"stated_rag\": ", f);
    jstr(f, rag_rating_name(x->stated_rag));
    fputs(", \"period\": ", f);
    jstr(f, x->period);
}

static void indicator(FILE *f, const rag_indicator *x)
{
    indicator_fields(f, x);
    jcell(f, x->cell);
    putc('}', f);
}

/* A scorecard's row: an indicator with its period values, direction of
 * travel and commentary. */
static void scorecard_row(FILE *f, const rag_indicator *x)
{
    size_t i;
    indicator_fields(f, x);
    fputs(", \"values\": [", f);
    for (i = 0; i < x->value_count; i++) {
        fputs(i ? ", {\"period\": " : "{\"period\": ", f);
        jstr(f, x->values[i].period);
        fputs(", \"value\": ", f);
        jnum(f, true, x->values[i].value);
        jcell(f, x->values[i].cell);
        putc('}', f);
    }
    fputs("], \"travel\": ", f);
    jstr(f, x->travel);
    fputs(", \"comment\": ", f);
    jstr(f, x->comment);
    jcell(f, x->cell);
    putc('}', f);
}

static void milestone(FILE *f, const rag_milestone *ms)
{
    fputs("{\"text\": ", f);
    jstr(f, ms->text);
    fputs(", \"amount\": ", f);
    jnum(f, ms->has_amount, ms->amount);
    fputs(", \"due\": ", f);
    jdate(f, ms->due);
    fputs(", \"due_text\": ", f);
    jstr(f, ms->due_text);
    jcell(f, ms->cell);
    putc('}', f);
}

static void period(FILE *f, const rag_period *pe)
{
    fputs("{\"label\": ", f);
    jstr(f, pe->label);
    fputs(", \"end\": ", f);
    jdate(f, pe->end);
    fputs(", \"rag\": ", f);
    jstr(f, rag_rating_name(pe->rag));
    fputs(", \"narrative\": ", f);
    jstr(f, pe->narrative);
    jcell(f, pe->cell);
    putc('}', f);
}

static void finance(FILE *f, const rag_finance *fi)
{
    rag_loc at = fi->budget_prior_cell.set ? fi->budget_prior_cell
                 : fi->outturn_prior_cell.set ? fi->outturn_prior_cell
                 : fi->budget_cell.set ? fi->budget_cell
                                       : fi->pressure_cell;
    fputs("{\"unit\": ", f);
    jnum(f, true, fi->unit);
    fputs(", \"year\": ", f);
    jstr(f, fi->year);
    fputs(", \"budget_prior\": ", f);
    jnum(f, fi->has_budget_prior, fi->budget_prior);
    fputs(", \"outturn_prior\": ", f);
    jnum(f, fi->has_outturn_prior, fi->outturn_prior);
    fputs(", \"budget\": ", f);
    jnum(f, fi->has_budget, fi->budget);
    fputs(", \"pressure\": ", f);
    jnum(f, fi->has_pressure, fi->pressure);
    fputs(", \"cost_centre\": ", f);
    jstr(f, fi->cost_centre);
    jcell(f, at);
    putc('}', f);
}

/* "name": [ items, one per line ] */
#define LIST(f, name, items, count, write)                                   \
    do {                                                                     \
        size_t i_;                                                           \
        fputs(",\n   \"" name "\": [", f);                                   \
        for (i_ = 0; i_ < (count); i_++) {                                   \
            fputs(i_ ? ",\n    " : "\n    ", f);                             \
            write(f, &(items)[i_]);                                          \
        }                                                                    \
        fputs("]", f);                                                       \
    } while (0)

static void plan(FILE *f, const rag_model *m, const rag_plan *p)
{
    fputs("{\"kind\": ", f);
    jstr(f, rag_plan_kind_name(p->kind));
    fputs(", \"sheet\": ", f);
    jstr(f, p->sheet);
    jcell(f, p->cell);
    fputs(",\n   \"title\": ", f);
    jstr(f, p->title);
    fputs(", \"owner\": ", f);
    jstr(f, p->owner);
    fputs(", \"as_of\": ", f);
    jdate(f, p->as_of);
    fields(f, p);
    legend(f, m, p);
    LIST(f, "actions", p->actions, p->action_count, action);
    if (p->kind == RAG_PLAN_SCORECARD)
        LIST(f, "indicators", p->indicators, p->indicator_count,
             scorecard_row);
    else
        LIST(f, "indicators", p->indicators, p->indicator_count, indicator);
    LIST(f, "milestones", p->milestones, p->milestone_count, milestone);
    LIST(f, "periods", p->periods, p->period_count, period);
    fputs(",\n   \"finance\": ", f);
    if (p->finance)
        finance(f, p->finance);
    else
        fputs("null", f);
    putc('}', f);
}

rag_status rag_model_write_json(const rag_model *m, const char *file,
                                FILE *out, rag_error *err)
{
    size_t i;

    if (!m || !out)
        return rg_fail(err, RAG_ERR_USAGE, "no model or no output");
    fputs("{\"file\": ", out);
    jstr(out, file ? file : m->file);
    fputs(", \"as_of\": ", out);
    jdate(out, m->as_of);
    fputs(",\n \"plans\": [", out);
    for (i = 0; i < m->plan_count; i++) {
        fputs(i ? ",\n  " : "\n  ", out);
        plan(out, m, &m->plans[i]);
    }
    fputs(m->plan_count ? "\n ]}\n" : "]}\n", out);
    if (ferror(out))
        return rg_fail(err, RAG_ERR_IO, "cannot write the output");
    return RAG_OK;
}
