/*
 * The rule catalogue: ids, default severities and one-line descriptions,
 * exactly as the command-line contract lists them, and the severity
 * settings users give them (--rule ID=LEVEL).
 */
#include <string.h>

#include "util/util.h"
#include "validate/rules.h"

/* Indexed by rag_rule_id: keep in the enum's order (a unit test checks). */
static const rag_rule catalogue[RAG_RULE_COUNT] = {
    {RAG_RULE_FILE_UNREADABLE, "file-unreadable", RAG_SEVERITY_ERROR,
     "the file is not a readable XLSX workbook"},
    {RAG_RULE_VARIANCE_MISMATCH, "variance-mismatch", RAG_SEVERITY_ERROR,
     "a stated +/- target differs from actual - target beyond the sheet's "
     "rounding"},
    {RAG_RULE_RAG_MISMATCH, "rag-mismatch", RAG_SEVERITY_ERROR,
     "a stated RAG differs from the RAG computed from target, actual, "
     "direction and tolerance"},
    {RAG_RULE_TARGET_MISSING, "target-missing", RAG_SEVERITY_ERROR,
     "an indicator without a target (info only where the sheet marks it "
     "\"data only\" or \"contextual\")"},
    {RAG_RULE_ACTUAL_MISSING, "actual-missing", RAG_SEVERITY_WARNING,
     "an indicator without performance this period"},
    {RAG_RULE_DATE_INVALID, "date-invalid", RAG_SEVERITY_ERROR,
     "a date that is no date (31/09/2024)"},
    {RAG_RULE_PERIOD_OUTSIDE_YEAR, "period-outside-year", RAG_SEVERITY_ERROR,
     "a quarter's end date outside the plan's financial year (April to "
     "March)"},
    {RAG_RULE_FINANCE_ARITHMETIC, "finance-arithmetic", RAG_SEVERITY_WARNING,
     "pressure differs from prior-year outturn - this year's budget by more "
     "than the rounding of the unit shown"},
    {RAG_RULE_RECOVERY_SHORTFALL, "recovery-shortfall", RAG_SEVERITY_WARNING,
     "milestone amounts add up to less than the pressure"},
    {RAG_RULE_STATUS_MISSING, "status-missing", RAG_SEVERITY_WARNING,
     "a monitoring period with narrative but no GREEN/AMBER/RED, or one "
     "that ended before the as-of date with none"},
    {RAG_RULE_NARRATIVE_MISSING, "narrative-missing", RAG_SEVERITY_WARNING,
     "a RED or AMBER period or indicator without a narrative or reason"},
    {RAG_RULE_MILESTONE_OVERDUE, "milestone-overdue", RAG_SEVERITY_WARNING,
     "a milestone or action due before the as-of date that is not "
     "complete"},
    {RAG_RULE_LEAD_MISSING, "lead-missing", RAG_SEVERITY_WARNING,
     "an action without a lead"},
    {RAG_RULE_REF_DUPLICATE, "ref-duplicate", RAG_SEVERITY_ERROR,
     "the same ref twice in one plan"},
    {RAG_RULE_REF_ORPHAN, "ref-orphan", RAG_SEVERITY_WARNING,
     "a child ref (R2d) whose parent (R2) is not in the plan"},
    {RAG_RULE_LEGEND_UNKNOWN_FILL, "legend-unknown-fill",
     RAG_SEVERITY_WARNING, "a month cell whose colour is not in the legend"},
    {RAG_RULE_PLAN_NOT_REQUIRED, "plan-not-required", RAG_SEVERITY_INFO,
     "a performance action plan for an indicator that meets its target"},
    {RAG_RULE_LEGEND_AMBIGUOUS, "legend-ambiguous", RAG_SEVERITY_WARNING,
     "a legend that gives one colour two meanings, or one meaning two "
     "colours"},
    {RAG_RULE_CONDITIONAL_COLOURS, "conditional-colours", RAG_SEVERITY_INFO,
     "a sheet coloured by conditional-formatting rules: those colours are "
     "not cell fills and are not read as statuses"},
    {RAG_RULE_PLAN_NOT_FOUND, "plan-not-found", RAG_SEVERITY_WARNING,
     "a readable workbook in which no plan was recognised"},
    {RAG_RULE_PLAN_DUPLICATE, "plan-duplicate", RAG_SEVERITY_WARNING,
     "the same plan (kind and ref, or title and sheet) in two files of one "
     "run"},
    {RAG_RULE_MERGE_CONFLICT, "merge-conflict", RAG_SEVERITY_ERROR,
     "merge: two returns change the same master cell differently (neither "
     "is applied)"},
    {RAG_RULE_MERGE_UNKNOWN_REF, "merge-unknown-ref", RAG_SEVERITY_WARNING,
     "merge: a return's ref or code that the master lacks (not added)"},
    {RAG_RULE_MERGE_NO_MATCH, "merge-no-match", RAG_SEVERITY_WARNING,
     "merge: a return with no plan that matches the master's"},
    {RAG_RULE_MERGE_UNCHANGED, "merge-unchanged", RAG_SEVERITY_INFO,
     "merge: a master row that no return changed, listed by lead (whom to "
     "chase)"},
};

const rag_rule *rag_rules(size_t *count)
{
    if (count)
        *count = RAG_RULE_COUNT;
    return catalogue;
}

const rag_rule *rag_rule_find(const char *name)
{
    size_t i;
    if (!name)
        return NULL;
    for (i = 0; i < RAG_RULE_COUNT; i++)
        if (!strcmp(catalogue[i].name, name))
            return &catalogue[i];
    return NULL;
}

const char *rag_severity_name(rag_severity s)
{
    /* A switch without default: -Wswitch-enum names a forgotten value. */
    switch (s) {
    case RAG_SEVERITY_DEFAULT:
        return NULL;
    case RAG_SEVERITY_OFF:
        return "off";
    case RAG_SEVERITY_INFO:
        return "info";
    case RAG_SEVERITY_WARNING:
        return "warning";
    case RAG_SEVERITY_ERROR:
        return "error";
    }
    return NULL;
}

bool rag_severity_parse(const char *s, rag_severity *out)
{
    static const rag_severity all[] = {RAG_SEVERITY_OFF, RAG_SEVERITY_INFO,
                                       RAG_SEVERITY_WARNING,
                                       RAG_SEVERITY_ERROR};
    size_t i;
    if (!s)
        return false;
    for (i = 0; i < sizeof all / sizeof all[0]; i++) {
        if (rg_streq_nocase(s, rag_severity_name(all[i]))) {
            *out = all[i];
            return true;
        }
    }
    return false;
}

rag_status rag_validate_set_rule(rag_validate_options *opts,
                                 const char *spec, rag_error *err)
{
    char name[64];
    const char *eq;
    const rag_rule *rule;
    rag_severity level;
    size_t n;

    if (!opts || !spec)
        return rg_fail(err, RAG_ERR_USAGE, "no rule setting given");
    eq = strchr(spec, '=');
    if (!eq)
        return rg_fail(err, RAG_ERR_USAGE,
                       "'%s' is not ID=LEVEL (like variance-mismatch=off)",
                       spec);
    n = (size_t)(eq - spec);
    if (n >= sizeof name)
        n = sizeof name - 1;
    memcpy(name, spec, n);
    name[n] = '\0';
    rule = rag_rule_find(name);
    if (!rule)
        return rg_fail(err, RAG_ERR_USAGE, "unknown rule '%s'", name);
    if (!rag_severity_parse(eq + 1, &level))
        return rg_fail(err, RAG_ERR_USAGE,
                       "unknown level '%s' for %s (off, info, warning or "
                       "error)",
                       eq + 1, rule->name);
    opts->rules[rule->id] = level;
    return RAG_OK;
}

rag_severity rag_rule_severity(const rag_validate_options *opts,
                               rag_rule_id id)
{
    rag_severity s;
    if ((unsigned)id >= RAG_RULE_COUNT)
        return RAG_SEVERITY_OFF;
    s = opts ? opts->rules[id] : RAG_SEVERITY_DEFAULT;
    if (s == RAG_SEVERITY_DEFAULT || s > RAG_SEVERITY_ERROR)
        s = catalogue[id].severity;
    return s;
}
