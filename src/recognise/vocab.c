/*
 * The vocabularies: every word recognition looks for, with what it means.
 * Entries are in normal form (see rg_norm in vocab.h).  Where two entries
 * could both match, rg_vocab_prefix takes the longest and rg_vocab_find
 * the first, so the more specific phrase goes first in the find tables.
 */

#include "recognise/vocab.h"

/* Table headers: Ref / Action / Lead / When / Position statement, and the
 * other words councils use for them. */
const rg_word rg_header_words[] = {
    {"ref", RG_COL_REF}, {"refs", RG_COL_REF}, {"reference", RG_COL_REF},
    {"ref no", RG_COL_REF}, {"no", RG_COL_REF}, {"number", RG_COL_REF},
    {"id", RG_COL_REF}, {"action ref", RG_COL_REF}, {"item", RG_COL_REF},
    {"#", RG_COL_REF}, {"action no", RG_COL_REF}, {"action id", RG_COL_REF},
    {"item no", RG_COL_REF}, {"rec no", RG_COL_REF},

    {"action", RG_COL_ACTION}, {"action area", RG_COL_ACTION},
    {"actions", RG_COL_ACTION}, {"task", RG_COL_ACTION},
    {"activity", RG_COL_ACTION}, {"description", RG_COL_ACTION},
    {"action description", RG_COL_ACTION}, {"key action", RG_COL_ACTION},
    {"improvement action", RG_COL_ACTION}, {"action required", RG_COL_ACTION},
    {"actions required", RG_COL_ACTION}, {"what", RG_COL_ACTION},
    {"recommendation", RG_COL_ACTION}, {"deliverable", RG_COL_ACTION},
    {"milestone", RG_COL_ACTION}, {"issue", RG_COL_ACTION},
    {"area for improvement", RG_COL_ACTION}, {"objective", RG_COL_ACTION},
    {"action / task", RG_COL_ACTION}, {"planned action", RG_COL_ACTION},

    {"lead", RG_COL_LEAD}, {"who", RG_COL_LEAD}, {"owner", RG_COL_LEAD},
    {"action owner", RG_COL_LEAD}, {"responsible", RG_COL_LEAD},
    {"responsible officer", RG_COL_LEAD}, {"lead officer", RG_COL_LEAD},
    {"officer", RG_COL_LEAD}, {"by whom", RG_COL_LEAD},
    {"responsibility", RG_COL_LEAD}, {"accountable", RG_COL_LEAD},
    {"lead officer s", RG_COL_LEAD}, {"person responsible", RG_COL_LEAD},
    {"assigned to", RG_COL_LEAD},

    {"when", RG_COL_DUE}, {"due", RG_COL_DUE}, {"due date", RG_COL_DUE},
    {"deadline", RG_COL_DUE}, {"target date", RG_COL_DUE},
    {"timescale", RG_COL_DUE}, {"timescales", RG_COL_DUE},
    {"by when", RG_COL_DUE}, {"completion date", RG_COL_DUE},
    {"date due", RG_COL_DUE}, {"target completion", RG_COL_DUE},
    {"target completion date", RG_COL_DUE}, {"end date", RG_COL_DUE},
    {"date", RG_COL_DUE}, {"timeline", RG_COL_DUE},
    {"date for completion", RG_COL_DUE}, {"revised date", RG_COL_DUE},

    {"position statement", RG_COL_COMMENT}, {"position", RG_COL_COMMENT},
    {"current position", RG_COL_COMMENT}, {"progress", RG_COL_COMMENT},
    {"progress update", RG_COL_COMMENT}, {"progress to date", RG_COL_COMMENT},
    {"update", RG_COL_COMMENT}, {"comment", RG_COL_COMMENT},
    {"comments", RG_COL_COMMENT}, {"commentary", RG_COL_COMMENT},
    {"notes", RG_COL_COMMENT}, {"corrective action", RG_COL_COMMENT},
    {"latest update", RG_COL_COMMENT}, {"narrative", RG_COL_COMMENT},
    {"remarks", RG_COL_COMMENT},

    {"rag", RG_COL_STATUS}, {"rag status", RG_COL_STATUS},
    {"status", RG_COL_STATUS}, {"rag rating", RG_COL_STATUS},
    {"rating", RG_COL_STATUS}, {"red / amber / green", RG_COL_STATUS},
    {"brag", RG_COL_STATUS}, {"progress status", RG_COL_STATUS},

    {"priority", RG_COL_OTHER}, {"outcome", RG_COL_OTHER},
    {"outcomes", RG_COL_OTHER}, {"resources", RG_COL_OTHER},
    {"cost", RG_COL_OTHER}, {"measure of success", RG_COL_OTHER},
    {"success measure", RG_COL_OTHER}, {"evidence", RG_COL_OTHER},
    {"risk", RG_COL_OTHER}, {"start date", RG_COL_OTHER},
    {"theme", RG_COL_OTHER}, {"source", RG_COL_OTHER},
    {NULL, 0}};

/* A legend's words, and words written in a status column.  Found anywhere
 * in the text, first match wins: specific phrases come first. */
const rg_word rg_status_words[] = {
    {"over one month behind", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"over 1 month behind", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"more than one month behind", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"more than 1 month behind", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"over one month late", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"over 1 month late", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"more than one month late", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"more than 1 month late", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"over a month", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"more than a month", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"one month behind", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"1 month behind", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"up to 1 month late", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"up to one month late", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"up to a month late", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"less than 1 month late", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"less than one month late", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"one month late", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"1 month late", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"slightly behind", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"slipped", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"slipping", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"minor slippage", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"minor delay", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"at risk", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"significantly behind", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"seriously behind", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"off track", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"off target", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"missed", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"not on target", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"not started", RAG_PROGRESS_PROGRAMMED},
    {"not yet started", RAG_PROGRESS_PROGRAMMED},
    {"not yet due", RAG_PROGRESS_PROGRAMMED},
    {"not due", RAG_PROGRESS_PROGRAMMED},
    {"programmed dates", RAG_PROGRESS_PROGRAMMED},
    {"programmed", RAG_PROGRESS_PROGRAMMED},
    {"planned dates", RAG_PROGRESS_PROGRAMMED},
    {"planned", RAG_PROGRESS_PROGRAMMED},
    {"scheduled", RAG_PROGRESS_PROGRAMMED},
    {"future", RAG_PROGRESS_PROGRAMMED},
    {"re - programmed", RAG_PROGRESS_REPROGRAMMED},
    {"reprogrammed", RAG_PROGRESS_REPROGRAMMED},
    {"rescheduled", RAG_PROGRESS_REPROGRAMMED},
    {"re - scheduled", RAG_PROGRESS_REPROGRAMMED},
    {"extended", RAG_PROGRESS_REPROGRAMMED},
    {"revised date", RAG_PROGRESS_REPROGRAMMED},
    {"revised target", RAG_PROGRESS_REPROGRAMMED},
    {"new date", RAG_PROGRESS_REPROGRAMMED},
    {"date changed", RAG_PROGRESS_REPROGRAMMED},
    {"reprofiled", RAG_PROGRESS_REPROGRAMMED},
    {"re - profiled", RAG_PROGRESS_REPROGRAMMED},
    {"deferred", RAG_PROGRESS_REPROGRAMMED},
    {"suspended", RAG_PROGRESS_SUSPENDED},
    {"on hold", RAG_PROGRESS_SUSPENDED},
    {"paused", RAG_PROGRESS_SUSPENDED},
    {"cancelled", RAG_PROGRESS_SUSPENDED},
    {"withdrawn", RAG_PROGRESS_SUSPENDED},
    {"stopped", RAG_PROGRESS_SUSPENDED},
    {"not complete", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"completed", RAG_PROGRESS_COMPLETE},
    {"complete", RAG_PROGRESS_COMPLETE},
    {"achieved", RAG_PROGRESS_COMPLETE},
    {"done", RAG_PROGRESS_COMPLETE},
    {"closed", RAG_PROGRESS_COMPLETE},
    {"finished", RAG_PROGRESS_COMPLETE},
    {"delivered", RAG_PROGRESS_COMPLETE},
    {"on target", RAG_PROGRESS_ON_TARGET},
    {"on track", RAG_PROGRESS_ON_TARGET},
    {"on schedule", RAG_PROGRESS_ON_TARGET},
    {"in progress", RAG_PROGRESS_ON_TARGET},
    {"on time", RAG_PROGRESS_ON_TARGET},
    {"ongoing", RAG_PROGRESS_ON_TARGET},
    {"behind schedule", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"delayed", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"overdue", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"late", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"behind", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    /* Colour words alone, as in a BRAG status column. */
    {"blue", RAG_PROGRESS_COMPLETE},
    {"green", RAG_PROGRESS_ON_TARGET},
    {"amber", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"red", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {NULL, 0}};

/* A comment that starts with one of these says the action is done. */
const rg_word rg_complete_words[] = {
    {"complete", RAG_PROGRESS_COMPLETE},
    {"completed", RAG_PROGRESS_COMPLETE},
    {"achieved", RAG_PROGRESS_COMPLETE},
    {"done", RAG_PROGRESS_COMPLETE},
    {"finished", RAG_PROGRESS_COMPLETE},
    {"closed", RAG_PROGRESS_COMPLETE},
    {"action complete", RAG_PROGRESS_COMPLETE},
    {"action completed", RAG_PROGRESS_COMPLETE},
    {"fully complete", RAG_PROGRESS_COMPLETE},
    {"now complete", RAG_PROGRESS_COMPLETE},
    {NULL, 0}};

/* Form labels, matched at the start of a label cell (longest wins). */
const rg_word rg_label_words[] = {
    {"indicator title", RG_LBL_TITLE}, {"indicator", RG_LBL_TITLE},
    {"indicator name", RG_LBL_TITLE}, {"measure", RG_LBL_TITLE},
    {"measure title", RG_LBL_TITLE}, {"pi", RG_LBL_TITLE},
    {"pi title", RG_LBL_TITLE}, {"kpi", RG_LBL_TITLE},
    {"performance indicator", RG_LBL_TITLE}, {"kpi title", RG_LBL_TITLE},
    {"indicator description", RG_LBL_TITLE},
    {"performance measure", RG_LBL_TITLE},

    {"strategic director lead", RG_LBL_DIRECTOR},
    {"strategic director", RG_LBL_DIRECTOR}, {"director", RG_LBL_DIRECTOR},
    {"lead director", RG_LBL_DIRECTOR}, {"executive lead", RG_LBL_DIRECTOR},
    {"corporate director", RG_LBL_DIRECTOR},
    {"departmental lead", RG_LBL_LEAD}, {"lead officer", RG_LBL_LEAD},
    {"responsible officer", RG_LBL_LEAD}, {"service lead", RG_LBL_LEAD},
    {"lead", RG_LBL_LEAD}, {"head of service", RG_LBL_LEAD},
    {"owner", RG_LBL_OWNER}, {"plan owner", RG_LBL_OWNER},
    {"programme lead", RG_LBL_OWNER}, {"project lead", RG_LBL_OWNER},
    {"programme owner", RG_LBL_OWNER}, {"sponsor", RG_LBL_OWNER},
    {"lead director", RG_LBL_DIRECTOR}, {"lead member", RG_LBL_DIRECTOR},
    {"indicator owner", RG_LBL_OWNER}, {"accountable officer", RG_LBL_OWNER},

    {"target", RG_LBL_TARGET}, {"target this period", RG_LBL_TARGET},
    {"annual target", RG_LBL_TARGET}, {"target for period", RG_LBL_TARGET},
    {"period target", RG_LBL_TARGET}, {"target for the year", RG_LBL_TARGET},
    {"target value", RG_LBL_TARGET}, {"quarterly target", RG_LBL_TARGET},
    {"target date", RG_LBL_OTHER_DATE},
    {"performance this period", RG_LBL_ACTUAL},
    {"performance this quarter", RG_LBL_ACTUAL},
    {"performance", RG_LBL_ACTUAL}, {"actual", RG_LBL_ACTUAL},
    {"actual performance", RG_LBL_ACTUAL},
    {"current performance", RG_LBL_ACTUAL},
    {"actual this period", RG_LBL_ACTUAL}, {"outturn", RG_LBL_ACTUAL},
    {"result", RG_LBL_ACTUAL}, {"result this period", RG_LBL_ACTUAL},
    {"performance to date", RG_LBL_ACTUAL},
    {"+ / - target", RG_LBL_VARIANCE}, {"+ - target", RG_LBL_VARIANCE},
    {"variance", RG_LBL_VARIANCE}, {"variance from target", RG_LBL_VARIANCE},
    {"variance to target", RG_LBL_VARIANCE},
    {"variance against target", RG_LBL_VARIANCE},
    {"difference", RG_LBL_VARIANCE}, {"difference from target",
                                      RG_LBL_VARIANCE},
    {"+ / - variance", RG_LBL_VARIANCE},
    {"rag", RG_LBL_RAG}, {"rag status", RG_LBL_RAG},
    {"rag rating", RG_LBL_RAG}, {"status", RG_LBL_RAG},
    {"current rag", RG_LBL_RAG}, {"rating", RG_LBL_RAG},
    {"performance status", RG_LBL_RAG},
    {"non - compliance reason", RG_LBL_REASON},
    {"reason for non - compliance", RG_LBL_REASON},
    {"reason", RG_LBL_REASON}, {"reasons", RG_LBL_REASON},
    {"reason for variance", RG_LBL_REASON},
    {"reasons for underperformance", RG_LBL_REASON},
    {"explanation", RG_LBL_REASON},
    {"explanation of performance", RG_LBL_REASON},
    {"commentary", RG_LBL_REASON}, {"comment", RG_LBL_REASON},
    {"comments", RG_LBL_REASON},
    {"period", RG_LBL_PERIOD}, {"reporting period", RG_LBL_PERIOD},
    {"quarter", RG_LBL_PERIOD}, {"frequency", RG_LBL_PERIOD},
    {"polarity", RG_LBL_POLARITY}, {"direction", RG_LBL_POLARITY},
    {"direction of travel", RG_LBL_OTHER_DATE},
    {"good performance is", RG_LBL_POLARITY},
    {"good performance", RG_LBL_POLARITY}, {"higher or lower",
                                            RG_LBL_POLARITY},
    {"tolerance", RG_LBL_TOLERANCE}, {"amber tolerance", RG_LBL_TOLERANCE},
    {"amber threshold", RG_LBL_TOLERANCE},
    {"unit", RG_LBL_UNIT}, {"units", RG_LBL_UNIT},
    {"unit of measure", RG_LBL_UNIT},
    {"what", RG_LBL_ACTION_TEXT}, {"how", RG_LBL_ACTION_TEXT},
    {"who", RG_LBL_ACTION_TEXT}, {"when", RG_LBL_ACTION_TEXT},

    {"directorate", RG_LBL_DIRECTORATE}, {"department", RG_LBL_DIRECTORATE},
    {"combined tracker ref", RG_LBL_REFERENCE},
    {"tracker ref", RG_LBL_REFERENCE}, {"reference", RG_LBL_REFERENCE},
    {"ref", RG_LBL_REFERENCE}, {"plan ref", RG_LBL_REFERENCE},
    {"recovery plan ref", RG_LBL_REFERENCE},
    {"service director", RG_LBL_SERVICE_DIRECTOR},
    {"assistant director", RG_LBL_SERVICE_DIRECTOR},
    {"head of service", RG_LBL_SERVICE_DIRECTOR},
    {"service area", RG_LBL_SERVICE_AREA}, {"service", RG_LBL_SERVICE_AREA},
    {"budget area", RG_LBL_SERVICE_AREA},
    {"service manager", RG_LBL_SERVICE_MANAGER},
    {"budget holder", RG_LBL_SERVICE_MANAGER},
    {"budget manager", RG_LBL_SERVICE_MANAGER},
    {"activity / cost centre", RG_LBL_COST_CENTRE},
    {"cost centre", RG_LBL_COST_CENTRE}, {"cost center", RG_LBL_COST_CENTRE},
    {"cost code", RG_LBL_COST_CENTRE}, {"budget code", RG_LBL_COST_CENTRE},
    {"on target ?", RG_LBL_ON_TARGET}, {"on track ?", RG_LBL_ON_TARGET},
    {"is the plan on target", RG_LBL_ON_TARGET},
    {"is the plan on track", RG_LBL_ON_TARGET},
    {"rag status for quarter", RG_LBL_ON_TARGET},
    {"provide narrative", RG_LBL_NARRATIVE},
    {"provide narrative below", RG_LBL_NARRATIVE},
    {"narrative", RG_LBL_NARRATIVE}, {"progress update", RG_LBL_NARRATIVE},
    {"update", RG_LBL_NARRATIVE}, {"quarterly update", RG_LBL_NARRATIVE},

    /* Section headings: words that would otherwise read as a label. */
    {"indicator overview", RG_LBL_HEADING},
    {"current situation", RG_LBL_HEADING},
    {"actions", RG_LBL_HEADING}, {"performance action plan",
                                  RG_LBL_HEADING},
    {"performance improvement plan", RG_LBL_HEADING},
    {"performance action plan template", RG_LBL_HEADING},
    {"improvement plan", RG_LBL_HEADING}, {"action plan", RG_LBL_HEADING},
    {"quarterly monitoring", RG_LBL_HEADING},
    {"timescale for budget deficit recovery", RG_LBL_HEADING},
    {"deficit recovery plan", RG_LBL_HEADING},

    {"date", RG_LBL_REPORT_DATE}, {"report date", RG_LBL_REPORT_DATE},
    {"date of report", RG_LBL_REPORT_DATE},
    {"reporting date", RG_LBL_REPORT_DATE},
    {"as at", RG_LBL_REPORT_DATE}, {"position as at", RG_LBL_REPORT_DATE},
    {"position at", RG_LBL_REPORT_DATE}, {"as of", RG_LBL_REPORT_DATE},
    {"updated", RG_LBL_REPORT_DATE}, {"last updated", RG_LBL_REPORT_DATE},
    {"date updated", RG_LBL_REPORT_DATE},
    {"date of update", RG_LBL_REPORT_DATE},
    {"progress as at", RG_LBL_REPORT_DATE},
    {"update as at", RG_LBL_REPORT_DATE},
    {NULL, 0}};

/* A recovery plan's milestone table header. */
const rg_word rg_milestone_words[] = {
    {"milestone details", RG_MS_TEXT}, {"milestone", RG_MS_TEXT},
    {"key milestones", RG_MS_TEXT}, {"milestone description", RG_MS_TEXT},
    {"action", RG_MS_TEXT}, {"description", RG_MS_TEXT},
    {"£", RG_MS_AMOUNT}, {"amount", RG_MS_AMOUNT}, {"value", RG_MS_AMOUNT},
    {"saving", RG_MS_AMOUNT}, {"estimated amount", RG_MS_AMOUNT},
    {"amount £", RG_MS_AMOUNT}, {"£ 000", RG_MS_AMOUNT},
    {"estimated saving", RG_MS_AMOUNT},
    {"date", RG_MS_DATE}, {"estimated date", RG_MS_DATE},
    {"due date", RG_MS_DATE}, {"target date", RG_MS_DATE},
    {"when", RG_MS_DATE}, {"timescale", RG_MS_DATE},
    {"deadline", RG_MS_DATE}, {"delivery date", RG_MS_DATE},
    {NULL, 0}};

/* Finance words inside a recovery plan's labels. */
const rg_word rg_fin_words[] = {
    {"pressure", RG_FIN_PRESSURE}, {"overspend", RG_FIN_PRESSURE},
    {"deficit", RG_FIN_PRESSURE}, {"shortfall", RG_FIN_PRESSURE},
    {"outturn", RG_FIN_OUTTURN}, {"out turn", RG_FIN_OUTTURN},
    {"actual spend", RG_FIN_OUTTURN}, {"forecast", RG_FIN_OUTTURN},
    {"budget", RG_FIN_BUDGET},
    {"prior year", RG_FIN_PRIOR}, {"previous year", RG_FIN_PRIOR},
    {"last year", RG_FIN_PRIOR}, {"current year", RG_FIN_CURRENT},
    {"this year", RG_FIN_CURRENT},
    {"£ 000", RG_FIN_THOUSANDS}, {"£ k", RG_FIN_THOUSANDS},
    {"£ thousands", RG_FIN_THOUSANDS}, {"000s", RG_FIN_THOUSANDS},
    {"thousands", RG_FIN_THOUSANDS},
    {"£ m", RG_FIN_MILLIONS}, {"£ millions", RG_FIN_MILLIONS},
    {NULL, 0}};

/* A stated RAG, or the answer to "On Target ?". */
const rg_word rg_rag_words[] = {
    {"green", RAG_RATING_GREEN}, {"g", RAG_RATING_GREEN},
    {"yes", RAG_RATING_GREEN}, {"on target", RAG_RATING_GREEN},
    {"on track", RAG_RATING_GREEN},
    {"amber", RAG_RATING_AMBER}, {"a", RAG_RATING_AMBER},
    {"partial", RAG_RATING_AMBER}, {"partially", RAG_RATING_AMBER},
    {"red", RAG_RATING_RED}, {"r", RAG_RATING_RED}, {"no", RAG_RATING_RED},
    {"off target", RAG_RATING_RED}, {"off track", RAG_RATING_RED},
    {NULL, 0}};

/* Which way an indicator should go: explicit statements first, then the
 * words of titles that imply it. */
const rg_word rg_direction_words[] = {
    {"lower is better", RG_DIR_LOWER}, {"less is better", RG_DIR_LOWER},
    {"smaller is better", RG_DIR_LOWER}, {"lower the better", RG_DIR_LOWER},
    {"low is good", RG_DIR_LOWER}, {"low is better", RG_DIR_LOWER},
    {"minimise", RG_DIR_LOWER}, {"minimize", RG_DIR_LOWER},
    {"higher is better", RG_DIR_HIGHER}, {"more is better", RG_DIR_HIGHER},
    {"bigger is better", RG_DIR_HIGHER}, {"higher the better",
                                          RG_DIR_HIGHER},
    {"high is good", RG_DIR_HIGHER}, {"high is better", RG_DIR_HIGHER},
    {"maximise", RG_DIR_HIGHER}, {"maximize", RG_DIR_HIGHER},
    {"goal post", RG_DIR_BAND}, {"goalpost", RG_DIR_BAND},
    {"within band", RG_DIR_BAND}, {"within range", RG_DIR_BAND},
    {"within budget", RG_DIR_BAND}, {"on budget", RG_DIR_BAND},
    {"held within", RG_DIR_BAND}, {"within tolerance", RG_DIR_BAND},
    {NULL, 0}};

/* What an indicator's title implies about its direction. */
const rg_word rg_direction_hints[] = {
    {"lower is better", RG_DIR_LOWER}, {"higher is better", RG_DIR_HIGHER},
    {"spend against budget", RG_DIR_BAND}, {"budget variance", RG_DIR_BAND},
    {"variance against budget", RG_DIR_BAND},
    {"variance to budget", RG_DIR_BAND},
    {"spend to budget", RG_DIR_BAND}, {"within budget", RG_DIR_BAND},
    {"budget monitoring", RG_DIR_BAND}, {"forecast outturn", RG_DIR_BAND},
    {"reduce", RG_DIR_LOWER}, {"reduction", RG_DIR_LOWER},
    {"reducing", RG_DIR_LOWER},
    {"time taken", RG_DIR_LOWER}, {"processing time", RG_DIR_LOWER},
    {"processing times", RG_DIR_LOWER}, {"average time", RG_DIR_LOWER},
    {"average number of days", RG_DIR_LOWER},
    {"number of days", RG_DIR_LOWER}, {"days to process", RG_DIR_LOWER},
    {"waiting time", RG_DIR_LOWER}, {"sickness absence", RG_DIR_LOWER},
    {"days lost", RG_DIR_LOWER}, {"arrears", RG_DIR_LOWER},
    {"error rate", RG_DIR_LOWER}, {"complaints received", RG_DIR_LOWER},
    {"overpayments", RG_DIR_LOWER}, {"days to", RG_DIR_LOWER},
    {"vacancy rate", RG_DIR_LOWER}, {"turnover", RG_DIR_LOWER},
    {"void", RG_DIR_LOWER}, {"voids", RG_DIR_LOWER},
    {"delayed", RG_DIR_LOWER}, {"missed", RG_DIR_LOWER},
    {"backlog", RG_DIR_LOWER}, {"outstanding", RG_DIR_LOWER},
    {"abandoned", RG_DIR_LOWER}, {"complaints", RG_DIR_LOWER},
    {"errors", RG_DIR_LOWER}, {"overdue", RG_DIR_LOWER},
    {"late", RG_DIR_LOWER}, {"avoidable", RG_DIR_LOWER},
    {"sickness", RG_DIR_LOWER}, {"absence", RG_DIR_LOWER},
    {"temporary accommodation", RG_DIR_LOWER},
    {"fly tipping", RG_DIR_LOWER}, {"fly - tipping", RG_DIR_LOWER},
    {"cost per", RG_DIR_LOWER}, {"average wait", RG_DIR_LOWER},
    {NULL, 0}};

/* A heading or title that says what a form is. */
const rg_word rg_kind_words[] = {
    {"performance action plan", RG_KIND_INDICATOR},
    {"performance improvement plan", RG_KIND_INDICATOR},
    {"indicator overview", RG_KIND_INDICATOR},
    {"deficit recovery plan", RG_KIND_RECOVERY},
    {"budget recovery plan", RG_KIND_RECOVERY},
    {"recovery plan", RG_KIND_RECOVERY},
    {"savings plan", RG_KIND_RECOVERY},
    {"quarterly monitoring", RG_KIND_MONITORING},
    {"timescale for budget deficit recovery", RG_KIND_MILESTONES},
    {"data only", RG_KIND_DATA_ONLY}, {"contextual", RG_KIND_DATA_ONLY},
    {"key", RG_KIND_KEY}, {"legend", RG_KIND_KEY}, {"colour key",
                                                   RG_KIND_KEY},
    {NULL, 0}};

/* Units of an indicator's figures, in its title or beside them. */
const rg_word rg_unit_words[] = {
    {"%", RAG_UNIT_PERCENT}, {"percentage", RAG_UNIT_PERCENT},
    {"percent", RAG_UNIT_PERCENT}, {"per cent", RAG_UNIT_PERCENT},
    {"proportion", RAG_UNIT_PERCENT}, {"rate", RAG_UNIT_PERCENT},
    {"days", RAG_UNIT_DAYS}, {"working days", RAG_UNIT_DAYS},
    {"calendar days", RAG_UNIT_DAYS}, {"day", RAG_UNIT_DAYS},
    {"£", RAG_UNIT_GBP}, {"pounds", RAG_UNIT_GBP}, {"cost", RAG_UNIT_GBP},
    {"spend", RAG_UNIT_GBP}, {"income", RAG_UNIT_GBP},
    {"number", RAG_UNIT_COUNT}, {"number of", RAG_UNIT_COUNT},
    {"count", RAG_UNIT_COUNT}, {"no of", RAG_UNIT_COUNT},
    {NULL, 0}};

const rg_word rg_month_words[] = {
    {"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2},
    {"march", 3}, {"mar", 3}, {"april", 4}, {"apr", 4}, {"may", 5},
    {"june", 6}, {"jun", 6}, {"july", 7}, {"jul", 7}, {"august", 8},
    {"aug", 8}, {"september", 9}, {"sept", 9}, {"sep", 9},
    {"october", 10}, {"oct", 10}, {"november", 11}, {"nov", 11},
    {"december", 12}, {"dec", 12}, {NULL, 0}};

const rg_word rg_quarter_words[] = {
    {"quarter 1", 1}, {"quarter one", 1}, {"q1", 1}, {"qtr 1", 1},
    {"quarter 2", 2}, {"quarter two", 2}, {"q2", 2}, {"qtr 2", 2},
    {"quarter 3", 3}, {"quarter three", 3}, {"q3", 3}, {"qtr 3", 3},
    {"quarter 4", 4}, {"quarter four", 4}, {"q4", 4}, {"qtr 4", 4},
    {"first quarter", 1}, {"second quarter", 2}, {"third quarter", 3},
    {"fourth quarter", 4}, {NULL, 0}};

const rg_word rg_name_particles[] = {
    {"de", 1}, {"van", 1}, {"von", 1}, {"der", 1}, {"den", 1}, {"le", 1},
    {"la", 1}, {"du", 1}, {"da", 1}, {"di", 1}, {"del", 1}, {"dos", 1},
    {"st", 1}, {"bin", 1}, {"al", 1}, {"ap", 1}, {NULL, 0}};

const rg_word rg_name_titles[] = {
    {"mr", 1}, {"mrs", 1}, {"ms", 1}, {"miss", 1}, {"dr", 1}, {"cllr", 1},
    {"councillor", 1}, {"prof", 1}, {"sir", 1}, {"dame", 1}, {NULL, 0}};

/* Words that name a team or a post, not a person: a lead that holds one
 * ("HR Team", "Finance Manager", "ICT Service") is one lead, not names
 * run together. */
const rg_word rg_role_words[] = {
    {"team", 1}, {"teams", 1}, {"manager", 1}, {"managers", 1},
    {"officer", 1}, {"officers", 1}, {"service", 1}, {"services", 1},
    {"unit", 1}, {"group", 1}, {"board", 1}, {"panel", 1},
    {"department", 1}, {"directorate", 1}, {"director", 1},
    {"directors", 1}, {"head", 1}, {"section", 1}, {"partnership", 1},
    {"staff", 1}, {"committee", 1}, {"council", 1}, {"lead", 1},
    {"leads", 1}, {"leader", 1}, {"leaders", 1}, {"coordinator", 1},
    {"advisor", 1}, {"adviser", 1}, {"consultant", 1},
    {"network", 1}, {"forum", 1}, {"project", 1}, {"programme", 1},
    {"all", 1}, {NULL, 0}};

/* Words that make a line of a title block the plan's title (rather than
 * the council's name above it). */
const rg_word rg_title_words[] = {
    {"plan", 1}, {"tracker", 1}, {"programme", 1}, {"program", 1},
    {"progress", 1}, {"objective", 1}, {"monitoring", 1},
    {"improvement", 1}, {"update", 1}, {"report", 1}, {"action", 1},
    {"actions", 1}, {"recovery", 1}, {"performance", 1}, {"strategy", 1},
    {"project", 1}, {NULL, 0}};

const rg_vocab_table rg_vocab_tables[] = {
    {"header", rg_header_words},       {"status", rg_status_words},
    {"complete", rg_complete_words},   {"label", rg_label_words},
    {"milestone", rg_milestone_words}, {"finance", rg_fin_words},
    {"rag", rg_rag_words},             {"direction", rg_direction_words},
    {"direction hint", rg_direction_hints},
    {"kind", rg_kind_words},           {"unit", rg_unit_words},
    {"month", rg_month_words},         {"quarter", rg_quarter_words},
    {"particle", rg_name_particles},   {"title", rg_name_titles},
    {"role", rg_role_words},
    {"plan title", rg_title_words},
    {NULL, NULL}};
