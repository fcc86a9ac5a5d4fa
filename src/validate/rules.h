/*
 * Validation internals: the context every rule writes its findings to, the
 * rule families (one file each), and the small helpers they share for
 * dates, numbers and words.  Names are rg_ (internal, hidden).
 */
#ifndef RG_VALIDATE_RULES_H
#define RG_VALIDATE_RULES_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "ragbook/validate.h"

/* What a rule sees: the model, the options resolved, and the list it adds
 * to.  The first failure to add (out of memory) is kept in status and
 * later findings are dropped. */
typedef struct rg_vctx {
    const rag_model *model;
    const rag_validate_options *opts;
    rag_findings *out;
    const char *file;
    rag_date as_of;        /* never year 0 */
    double tolerance;      /* amber band for indicators without one */
    rag_status status;
} rg_vctx;

/* true when rule id is not switched off. */
bool rg_rule_on(const rg_vctx *c, rag_rule_id id);

/* Add a finding of rule id at loc on plan p's sheet (p may be NULL for a
 * finding with no sheet).  ref and period may be NULL.  Does nothing when
 * the rule is off or an earlier add failed. */
void rg_emit(rg_vctx *c, rag_rule_id id, const rag_plan *p, rag_loc loc,
             const char *ref, const char *period, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* rg_emit at most at INFO (target-missing where the sheet says "data
 * only"); nothing when the rule is off. */
void rg_emit_info(rg_vctx *c, rag_rule_id id, const rag_plan *p,
                  rag_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* The same for a sheet of the workbook that need not hold a plan. */
void rg_emit_sheet(rg_vctx *c, rag_rule_id id, const char *sheet,
                   size_t sheet_index, rag_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Internal: add a finding with its strings copied (message printed from
 * fmt).  Used by rg_emit and rag_findings_add_unreadable. */
rag_status rg_findings_add(rag_findings *list, const rag_finding *proto,
                           const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

/* Sort list by sheet, row and column, keeping the rules' order within a
 * cell. */
void rg_findings_sort_by_place(rag_findings *list);

/* Stable sort of n findings by cmp. */
void rg_findings_stable_sort(rag_finding *items, size_t n,
                             int (*cmp)(const rag_finding *,
                                        const rag_finding *));

/* ---- the rule families ----------------------------------------------- */

/* indicators.c: variance-mismatch, rag-mismatch, target-missing,
 * actual-missing, plan-not-required, narrative-missing (indicators). */
void rg_check_indicators(rg_vctx *c, const rag_plan *p);

/* recovery.c: period-outside-year, finance-arithmetic, recovery-shortfall,
 * status-missing, narrative-missing (periods), milestone-overdue
 * (milestones), date-invalid (periods and milestones). */
void rg_check_recovery(rg_vctx *c, const rag_plan *p);

/* actions.c: lead-missing, ref-duplicate, ref-orphan, milestone-overdue
 * (actions), date-invalid (actions). */
void rg_check_actions(rg_vctx *c, const rag_plan *p);

/* legend.c: legend-unknown-fill, legend-ambiguous for p, and
 * conditional-colours for every sheet of the workbook
 * (rg_check_sheets). */
void rg_check_legend(rg_vctx *c, const rag_plan *p);
void rg_check_sheets(rg_vctx *c);

/* ---- helpers (validate.c) -------------------------------------------- */

/* Days since 1970-01-01 of a real date; 0 for year 0. */
long rg_vdays(rag_date d);
/* "2009-09-07" into buf (>= 11 bytes); "" for year 0.  Returns buf. */
char *rg_vdate(rag_date d, char *buf);
/* Today, local time. */
rag_date rg_vtoday(void);
/* The number of days in month m of year y (0 for a month out of range). */
int rg_vmonth_days(int y, int m);

/* true when s is NULL or only white space. */
bool rg_vblank(const char *s);
/* s shortened to at most max characters (UTF-8 aware) with "..." added
 * when cut, white space runs collapsed, into buf.  Returns buf. */
const char *rg_vshort(const char *s, size_t max, char *buf, size_t size);
/* How a message names action a: its ref (with its group where refs
 * start afresh in each: "1 (Payroll 2022/23)"); else its words in quotes,
 * shortened ("'Review the phone menu'"), so an officer can find a row of a
 * plan without refs; else "an action".  Into buf; returns what to print. */
const char *rg_vaction(const rag_plan *p, const rag_action *a, char *buf,
                       size_t size);
/* true when a and b are equal ignoring ASCII case and outer spaces. */
bool rg_vsame(const char *a, const char *b);

/* v with dec decimals ("-19.4"); dec < 0 gives the shortest form with at
 * most 6 decimals.  Never prints "-0". */
char *rg_vnum(double v, int dec, char *buf, size_t size);
/* Decimals needed to show v exactly, at most max. */
int rg_vdecimals(double v, int max);
/* Pounds with thousands separators: "£80,000", "-£1,234.50". */
char *rg_vmoney(double pounds, char *buf, size_t size);

/* The latest date written in due words: "30/09/2010", "2010-09-30",
 * "Interim 30/09/2009 Full 30/09/2010" (the later), a financial year
 * "2023/2024", "2023/24" or "23/24" (its 31 March).  false when none. */
bool rg_vdue_from_text(const char *text, rag_date *out);

/* Why the first day-first date written in text ("31/09/2024") is no
 * date, as " (September has 30 days)" or " (there is no month 13)", into
 * buf; "" when text holds no such date.  Returns buf. */
const char *rg_vdate_why(const char *text, char *buf, size_t size);

/* The first year of the finance's financial year (2023 for 2023/24), from
 * year_start or the year's words; 0 when not known. */
int rg_vyear_start(const rag_finance *f);

/* The text of the cell at loc on p's sheet when the workbook is there and
 * the cell holds text; else NULL. */
const char *rg_vcell_text(const rg_vctx *c, const rag_plan *p, rag_loc loc);

#endif
