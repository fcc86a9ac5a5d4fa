/*
 * ragbook validate: the rule catalogue applied to a model.
 *
 * Each rule is a small check of the model (rag_model_build()) that a
 * performance or finance officer would otherwise do by eye: a +/- target
 * that does not add up, a RED period without a narrative, a milestone gone
 * past its date.  rag_validate() runs every rule that is not switched off
 * and returns the findings; findings are not errors, and the library never
 * prints them.  The rule ids are stable (they are part of the command-line
 * contract and users switch rules on and off by them).
 *
 * Ownership: a rag_findings list owns every string of its findings (they
 * are copied in), so a list outlives the model and the workbook it came
 * from.  rag_findings_free(NULL) is a harmless no-op.
 *
 * Threads: rag_validate() keeps no global state; different models may be
 * validated on different threads at the same time.
 *
 * @code
 *     rag_validate_options vo = {0};        // every rule at its default
 *     rag_findings *found;
 *     rag_validate_set_rule(&vo, "milestone-overdue=error", NULL);
 *     if (rag_validate(model, &vo, &found, &err) == RAG_OK) {
 *         for (size_t i = 0; i < found->count; i++) {
 *             char line[1024];
 *             rag_finding_format(&found->items[i], line, sizeof line);
 *             puts(line);
 *         }
 *         rag_findings_free(found);
 *     }
 * @endcode
 */
#ifndef RAGBOOK_VALIDATE_H
#define RAGBOOK_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ragbook/error.h"
#include "ragbook/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * How much a finding matters.  Ordered: a larger value is more severe.
 * RAG_SEVERITY_DEFAULT is only meaningful in rag_validate_options.rules
 * (keep the rule's own severity); a finding never carries it, nor OFF.
 */
typedef enum rag_severity {
    RAG_SEVERITY_DEFAULT = 0,
    RAG_SEVERITY_OFF,
    RAG_SEVERITY_INFO,
    RAG_SEVERITY_WARNING,
    RAG_SEVERITY_ERROR
} rag_severity;

/* The rules, in the contract's order.  New rules go at the end; ids are
 * never renumbered. */
typedef enum rag_rule_id {
    RAG_RULE_FILE_UNREADABLE = 0,
    RAG_RULE_VARIANCE_MISMATCH,
    RAG_RULE_RAG_MISMATCH,
    RAG_RULE_TARGET_MISSING,
    RAG_RULE_ACTUAL_MISSING,
    RAG_RULE_DATE_INVALID,
    RAG_RULE_PERIOD_OUTSIDE_YEAR,
    RAG_RULE_FINANCE_ARITHMETIC,
    RAG_RULE_RECOVERY_SHORTFALL,
    RAG_RULE_STATUS_MISSING,
    RAG_RULE_NARRATIVE_MISSING,
    RAG_RULE_MILESTONE_OVERDUE,
    RAG_RULE_LEAD_MISSING,
    RAG_RULE_REF_DUPLICATE,
    RAG_RULE_REF_ORPHAN,
    RAG_RULE_LEGEND_UNKNOWN_FILL,
    RAG_RULE_PLAN_NOT_REQUIRED,
    RAG_RULE_LEGEND_AMBIGUOUS,
    RAG_RULE_CONDITIONAL_COLOURS,
    RAG_RULE_PLAN_NOT_FOUND,    /* emitted by whoever runs recognition */
    RAG_RULE_PLAN_DUPLICATE,    /* across the files of one run */
    RAG_RULE_MERGE_CONFLICT,    /* rag_merge (merge.h) */
    RAG_RULE_MERGE_UNKNOWN_REF,
    RAG_RULE_MERGE_NO_MATCH,
    RAG_RULE_MERGE_UNCHANGED
} rag_rule_id;
#define RAG_RULE_COUNT 25

/* One entry of the catalogue.  Every string is static. */
typedef struct rag_rule {
    rag_rule_id id;
    const char *name;        /* the stable id: "variance-mismatch" */
    rag_severity severity;   /* its default: INFO, WARNING or ERROR */
    const char *summary;     /* one line: when it fires */
} rag_rule;

/* The catalogue: RAG_RULE_COUNT entries indexed by rag_rule_id, in the
 * contract's order.  *count (if not NULL) is set to RAG_RULE_COUNT. */
RAG_API const rag_rule *rag_rules(size_t *count);

/* The rule called name ("rag-mismatch"), or NULL when there is none. */
RAG_API const rag_rule *rag_rule_find(const char *name);

/* "error", "warning", "info", "off"; NULL for RAG_SEVERITY_DEFAULT or a
 * value out of range. */
RAG_API const char *rag_severity_name(rag_severity s);

/* Parse "off", "info", "warning" or "error" (ASCII case ignored) into
 * *out.  false, with *out untouched, for anything else. */
RAG_API bool rag_severity_parse(const char *s, rag_severity *out);

/* One finding.  Every string belongs to the list that holds it. */
typedef struct rag_finding {
    const char *file;        /* the workbook's path as given */
    const char *sheet;       /* sheet name, or NULL (file-unreadable) */
    size_t sheet_index;      /* workbook order of sheet; 0 when NULL */
    bool has_cell;           /* row and col below are set */
    uint32_t row, col;       /* 0-based: the cell a reader should look at */
    rag_rule_id rule_id;
    const char *rule;        /* static: the rule's stable id */
    rag_severity severity;   /* INFO, WARNING or ERROR */
    const char *message;     /* plain words: what was expected, what was
                                found; no location, no rule id */
    const char *ref;         /* the action's ref ("R2d"), or NULL */
    const char *period;      /* the period's label ("Q4"), or NULL */
} rag_finding;

typedef struct rg_findings_impl rg_findings_impl;

/* A list of findings; items[0..count) may be read directly. */
typedef struct rag_findings {
    rag_finding *items;
    size_t count;
    rg_findings_impl *impl;
} rag_findings;

typedef struct rag_validate_options {
    /* The date everything time-dependent is judged at (overdue
     * milestones, periods that should have been reported).  Year 0: the
     * model's as_of (the --as-of given to rag_model_build(), else the
     * workbook's report date, else today). */
    rag_date as_of;
    /* The amber band as a fraction (0.05 for 5%), used for an indicator
     * whose model gives none (tolerance <= 0).  The model already applies
     * the workbook's own band, else the one it was built with, so pass the
     * same value to rag_model_options.tolerance.  <= 0 here means 0.10. */
    double tolerance;
    /* Per-rule severity, indexed by rag_rule_id: RAG_SEVERITY_DEFAULT (0)
     * keeps the catalogue's, OFF skips the rule, INFO/WARNING/ERROR
     * override.  A zeroed struct runs every rule at its default. */
    rag_severity rules[RAG_RULE_COUNT];
} rag_validate_options;

/*
 * Apply one "ID=LEVEL" setting, as the command line's --rule takes it
 * ("variance-mismatch=off", "milestone-overdue=error").  LEVEL is off,
 * info, warning or error.  Returns RAG_OK, or RAG_ERR_USAGE with err's
 * message saying what is wrong ("unknown rule 'foo'"); opts is then
 * unchanged.
 */
RAG_API rag_status rag_validate_set_rule(rag_validate_options *opts,
                                         const char *spec, rag_error *err);

/* The severity rule id gets under opts (NULL: the default): OFF, INFO,
 * WARNING or ERROR; never DEFAULT. */
RAG_API rag_severity rag_rule_severity(const rag_validate_options *opts,
                                       rag_rule_id id);

/*
 * Run every rule that opts does not switch off over model m, and return
 * the findings in *out, ordered by sheet, then row, then column (findings
 * of one cell in the rules' order).  opts may be NULL for the defaults.
 * The findings' file is m->file (else m->wb->path).
 *
 * Returns RAG_OK (even with findings: they are not errors), or
 * RAG_ERR_NOMEM / RAG_ERR_USAGE, with *out NULL and nothing to free.
 * Free the list with rag_findings_free().
 */
RAG_API rag_status rag_validate(const rag_model *m,
                                const rag_validate_options *opts,
                                rag_findings **out, rag_error *err);

/* A new, empty list in *out.  RAG_ERR_NOMEM leaves *out NULL. */
RAG_API rag_status rag_findings_new(rag_findings **out, rag_error *err);

/* Free list and everything it owns.  NULL is a harmless no-op. */
RAG_API void rag_findings_free(rag_findings *list);

/*
 * Add the file-unreadable finding for file to list: why is the error
 * rag_workbook_read() (or rag_model_build()) gave, and becomes the message
 * ("not an XLSX file: looks like a legacy .xls workbook").  Nothing is
 * added when opts switches the rule off; that is not an error.
 * Returns RAG_OK or RAG_ERR_NOMEM (list unchanged).
 */
RAG_API rag_status rag_findings_add_unreadable(
    rag_findings *list, const char *file, const rag_error *why,
    const rag_validate_options *opts, rag_error *err);

/*
 * Add one finding to list: proto's fields (file, sheet, cell, rule_id,
 * severity, ref, period) with its strings copied, and its message printed
 * from fmt.  proto->rule is filled from rule_id when NULL.  For the
 * findings of steps other than rag_validate() (merge's, a run's
 * plan-duplicate).  RAG_ERR_USAGE for a rule id out of range or a
 * severity that is not INFO, WARNING or ERROR; RAG_ERR_NOMEM leaves list
 * as it was.
 */
RAG_API rag_status rag_findings_add(rag_findings *list,
                                    const rag_finding *proto,
                                    rag_error *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/*
 * plan-duplicate: the same plan in two files of one run.  The rule
 * compares files, so it is not part of rag_validate(): a run keeps a set
 * of the plans seen so far (their identities only, so each model can be
 * freed as the run goes) and checks each new file's plans against it.
 * Two plans are the same plan when they are of one kind and have the same
 * reference (a recovery plan's "FRB/23/007", an indicator code; spaces and
 * case ignored), or, when either has none, the same title and sheet and
 * one service's (the same owner, or where either names none, the same
 * actions or the same people leading them: one template's parks and roads
 * returns are two plans), or, when either has no title, the same sheet
 * and content.  Two different references are never the same plan.
 *
 *     rag_plan_set *seen, *mine;
 *     rag_plan_set_new(&seen, &err);
 *     for each file, in order:
 *         rag_plan_set_new(&mine, &err);
 *         rag_plan_set_add(mine, model, NULL, &err);   // may be on a thread
 *         rag_plan_set_check(seen, mine, &opts, findings, &err);
 *         rag_plan_set_free(mine);
 */
typedef struct rg_plan_set rag_plan_set;

RAG_API rag_status rag_plan_set_new(rag_plan_set **out, rag_error *err);
RAG_API void rag_plan_set_free(rag_plan_set *set);

/* Add the identity of every plan of m, named by file (NULL: m->file) as
 * the findings will name it. */
RAG_API rag_status rag_plan_set_add(rag_plan_set *set, const rag_model *m,
                                    const char *file, rag_error *err);

/* Each plan of mine (one file's) that is the same plan as one of seen
 * (the files before it) gets a plan-duplicate finding in out, on mine's
 * file and plan, naming the other file and cell; then mine's plans join
 * seen.  Nothing is added when opts switches the rule off.  *found (may
 * be NULL) is set to the number of findings added. */
RAG_API rag_status rag_plan_set_check(rag_plan_set *seen,
                                      const rag_plan_set *mine,
                                      const rag_validate_options *opts,
                                      rag_findings *out, size_t *found,
                                      rag_error *err);

/* Append copies of every finding of src to dst (which owns the copies).
 * RAG_ERR_NOMEM leaves dst as it was. */
RAG_API rag_status rag_findings_append(rag_findings *dst,
                                       const rag_findings *src,
                                       rag_error *err);

/* Sort list by file (bytewise), then severity (errors first), then sheet,
 * row and column; findings that compare equal keep their order. */
RAG_API void rag_findings_sort(rag_findings *list);

/* How many findings of list have severity s. */
RAG_API size_t rag_findings_count(const rag_findings *list, rag_severity s);

/*
 * Format f as the contract's text line, without colour or newline:
 * "in.xlsx:FRB-23-007!A41: error: Q4 ends 2023-03-31, outside 2023/24
 * [period-outside-year]" (the sheet and the cell are left out when the
 * finding has none).  Returns the length it wanted, as snprintf does.
 */
RAG_API size_t rag_finding_format(const rag_finding *f, char *buf,
                                  size_t size);

#ifdef __cplusplus
}
#endif
#endif
