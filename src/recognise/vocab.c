/*
 * The vocabularies: every word recognition looks for, with what it means.
 * Entries are in normal form (see rg_norm in vocab.h).  Where two entries
 * could both match, rg_vocab_prefix takes the longest and rg_vocab_find
 * the first, so the more specific phrase goes first in the find tables.
 */

#include "recognise/vocab.h"

#include <string.h>

/* Table headers: Ref / Action / Lead / When / Position statement, and the
 * other words councils use for them. */
const rg_word rg_header_words[] = {
    {"ref", RG_COL_REF}, {"refs", RG_COL_REF}, {"reference", RG_COL_REF},
    {"ref no", RG_COL_REF}, {"no", RG_COL_REF}, {"number", RG_COL_REF},
    {"id", RG_COL_REF}, {"action ref", RG_COL_REF}, {"item", RG_COL_REF},
    {"#", RG_COL_REF}, {"action no", RG_COL_REF}, {"action id", RG_COL_REF},
    {"item no", RG_COL_REF}, {"rec no", RG_COL_REF}, {"rec ref", RG_COL_REF},
    {"recommendation ref", RG_COL_REF}, {"recommendation no", RG_COL_REF},

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
    /* programme trackers list projects, not actions */
    {"project", RG_COL_ACTION}, {"project name", RG_COL_ACTION},
    {"project title", RG_COL_ACTION}, {"workstream", RG_COL_ACTION},
    {"scheme", RG_COL_ACTION}, {"initiative", RG_COL_ACTION},
    {"proposal", RG_COL_ACTION}, {"saving proposal", RG_COL_ACTION},
    {"savings proposal", RG_COL_ACTION}, {"savings proposals", RG_COL_ACTION},

    {"lead", RG_COL_LEAD}, {"who", RG_COL_LEAD}, {"owner", RG_COL_LEAD},
    {"action owner", RG_COL_LEAD}, {"responsible", RG_COL_LEAD},
    {"responsible officer", RG_COL_LEAD}, {"lead officer", RG_COL_LEAD},
    {"officer", RG_COL_LEAD}, {"by whom", RG_COL_LEAD},
    /* a committee's action log: "Action agreed | Action by | Deadline",
     * who is to act (as "action", it split the log into two tables) */
    {"action by", RG_COL_LEAD}, {"actioned by", RG_COL_LEAD},
    {"responsibility", RG_COL_LEAD}, {"accountable", RG_COL_LEAD},
    {"lead officer s", RG_COL_LEAD}, {"person responsible", RG_COL_LEAD},
    {"assigned to", RG_COL_LEAD}, {"sponsor", RG_COL_LEAD},
    {"project sponsor", RG_COL_LEAD}, {"project lead", RG_COL_LEAD},
    {"project manager", RG_COL_LEAD}, {"senior responsible owner", RG_COL_LEAD},
    {"sro", RG_COL_LEAD}, {"accountable officer", RG_COL_LEAD},
    {"responsible person", RG_COL_LEAD}, {"lead member", RG_COL_LEAD},
    /* a savings tracker's leads */
    {"budget holder", RG_COL_LEAD}, {"budget manager", RG_COL_LEAD},

    {"when", RG_COL_DUE}, {"due", RG_COL_DUE}, {"due date", RG_COL_DUE},
    {"deadline", RG_COL_DUE}, {"target date", RG_COL_DUE},
    {"timescale", RG_COL_DUE}, {"timescales", RG_COL_DUE},
    {"by when", RG_COL_DUE}, {"completion date", RG_COL_DUE},
    {"date due", RG_COL_DUE}, {"target completion", RG_COL_DUE},
    {"target completion date", RG_COL_DUE}, {"end date", RG_COL_DUE},
    {"date", RG_COL_DUE}, {"timeline", RG_COL_DUE},
    {"date for completion", RG_COL_DUE}, {"revised date", RG_COL_DUE},
    {"implementation date", RG_COL_DUE}, {"due by", RG_COL_DUE},
    {"timeframe", RG_COL_DUE}, {"milestone date", RG_COL_DUE},
    {"key milestone date", RG_COL_DUE}, {"expected completion", RG_COL_DUE},
    {"expected completion date", RG_COL_DUE},
    {"expected date", RG_COL_DUE},
    /* a project's milestones: "Baseline date | Forecast date | Actual
     * date", the forecast the revised due (table.c revised_heading), the
     * actual the day it was done (done_date_heading); longer than
     * "forecast", a savings tracker's figure */
    {"baseline date", RG_COL_DUE}, {"baseline completion date", RG_COL_DUE},
    {"baseline end date", RG_COL_DUE}, {"forecast date", RG_COL_DUE},
    {"forecast end date", RG_COL_DUE},
    {"forecast completion date", RG_COL_DUE},

    /* dates that are not when the action is due */
    {"date raised", RG_COL_OTHER}, {"date identified", RG_COL_OTHER},
    {"date opened", RG_COL_OTHER}, {"date added", RG_COL_OTHER},
    {"date logged", RG_COL_OTHER}, {"date updated", RG_COL_OTHER},
    {"date agreed", RG_COL_OTHER}, {"date of last update", RG_COL_OTHER},
    {"date of report", RG_COL_OTHER}, {"review date", RG_COL_OTHER},
    {"last updated", RG_COL_OTHER}, {"last reviewed", RG_COL_OTHER},
    {"date closed", RG_COL_OTHER}, {"date completed", RG_COL_OTHER},
    /* a committee's action log: when the action was agreed ("Date of
     * meeting" as "date" made every action due the day it was set) */
    {"date of meeting", RG_COL_OTHER}, {"meeting date", RG_COL_OTHER},
    {"meeting", RG_COL_OTHER}, {"date of committee", RG_COL_OTHER},
    {"committee date", RG_COL_OTHER},
    /* a savings tracker's figures and grouping: known, of no role here
     * (unknown, five of them kept its table from being read at all) */
    {"directorate", RG_COL_OTHER}, {"forecast", RG_COL_OTHER},
    {"forecast delivery", RG_COL_OTHER}, {"variance", RG_COL_OTHER},
    {"budget", RG_COL_OTHER},

    {"position statement", RG_COL_COMMENT}, {"position", RG_COL_COMMENT},
    {"current position", RG_COL_COMMENT}, {"progress", RG_COL_COMMENT},
    {"progress update", RG_COL_COMMENT}, {"progress to date", RG_COL_COMMENT},
    {"update", RG_COL_COMMENT}, {"comment", RG_COL_COMMENT},
    {"comments", RG_COL_COMMENT}, {"commentary", RG_COL_COMMENT},
    {"notes", RG_COL_COMMENT}, {"corrective action", RG_COL_COMMENT},
    {"latest update", RG_COL_COMMENT}, {"narrative", RG_COL_COMMENT},
    {"remarks", RG_COL_COMMENT}, {"auditor comment", RG_COL_COMMENT},
    {"auditor comments", RG_COL_COMMENT}, {"audit comment", RG_COL_COMMENT},
    {"audit comments", RG_COL_COMMENT}, {"what has happened", RG_COL_COMMENT},

    {"rag", RG_COL_STATUS}, {"rag status", RG_COL_STATUS},
    {"status", RG_COL_STATUS}, {"rag rating", RG_COL_STATUS},
    {"rating", RG_COL_STATUS}, {"red / amber / green", RG_COL_STATUS},
    {"brag", RG_COL_STATUS}, {"progress status", RG_COL_STATUS},
    {"how are we doing", RG_COL_STATUS},
    {"open / closed", RG_COL_STATUS}, {"open or closed", RG_COL_STATUS},

    {"priority", RG_COL_OTHER}, {"outcome", RG_COL_OTHER},
    {"outcomes", RG_COL_OTHER}, {"resources", RG_COL_OTHER},
    {"cost", RG_COL_OTHER}, {"measure of success", RG_COL_OTHER},
    {"success measure", RG_COL_OTHER}, {"evidence", RG_COL_OTHER},
    {"risk", RG_COL_OTHER}, {"start date", RG_COL_OTHER},
    {"theme", RG_COL_OTHER}, {"source", RG_COL_OTHER},
    {NULL, 0}};

/* A scorecard's header: which column holds what of each indicator.
 * Matched at the start of a heading (longest wins), also after words of
 * time ("2023/24 Target"). */
const rg_word rg_scorecard_words[] = {
    {"code", RG_SC_CODE}, {"pi code", RG_SC_CODE}, {"kpi code", RG_SC_CODE},
    {"indicator code", RG_SC_CODE}, {"measure code", RG_SC_CODE},
    {"pi ref", RG_SC_CODE}, {"kpi ref", RG_SC_CODE}, {"ref", RG_SC_CODE},
    {"reference", RG_SC_CODE}, {"ref no", RG_SC_CODE}, {"no", RG_SC_CODE},
    {"id", RG_SC_CODE}, {"pi no", RG_SC_CODE}, {"kpi no", RG_SC_CODE},
    {"indicator ref", RG_SC_CODE}, {"measure ref", RG_SC_CODE},
    {"pi", RG_SC_TITLE}, {"kpi", RG_SC_TITLE}, {"indicator", RG_SC_TITLE},
    {"indicators", RG_SC_TITLE}, {"measure", RG_SC_TITLE},
    {"measures", RG_SC_TITLE}, {"performance indicator", RG_SC_TITLE},
    {"performance measure", RG_SC_TITLE}, {"indicator title", RG_SC_TITLE},
    {"indicator name", RG_SC_TITLE}, {"indicator description", RG_SC_TITLE},
    {"measure title", RG_SC_TITLE}, {"measure description", RG_SC_TITLE},
    {"measure name", RG_SC_TITLE}, {"kpi title", RG_SC_TITLE},
    {"kpi description", RG_SC_TITLE}, {"pi title", RG_SC_TITLE},
    {"pi description", RG_SC_TITLE}, {"description", RG_SC_TITLE},
    {"title", RG_SC_TITLE}, {"key performance indicator", RG_SC_TITLE},
    {"polarity", RG_SC_POLARITY}, {"good performance is", RG_SC_POLARITY},
    {"good performance", RG_SC_POLARITY}, {"good is", RG_SC_POLARITY},
    {"direction", RG_SC_POLARITY}, {"aim", RG_SC_POLARITY},
    {"better if", RG_SC_POLARITY}, {"higher or lower", RG_SC_POLARITY},
    {"high or low", RG_SC_POLARITY}, {"desired direction", RG_SC_POLARITY},
    {"preferred direction", RG_SC_POLARITY},
    {"what good looks like", RG_SC_POLARITY},
    {"target", RG_SC_TARGET}, {"annual target", RG_SC_TARGET},
    {"targets", RG_SC_TARGET}, {"year end target", RG_SC_TARGET},
    {"full year target", RG_SC_TARGET}, {"yearly target", RG_SC_TARGET},
    {"target for year", RG_SC_TARGET}, {"target for the year", RG_SC_TARGET},
    {"target date", RG_SC_OTHER},
    {"actual", RG_SC_ACTUAL}, {"latest", RG_SC_ACTUAL},
    {"latest performance", RG_SC_ACTUAL}, {"current performance",
                                          RG_SC_ACTUAL},
    {"latest actual", RG_SC_ACTUAL}, {"year to date", RG_SC_ACTUAL},
    {"ytd", RG_SC_ACTUAL}, {"ytd actual", RG_SC_ACTUAL},
    {"cumulative", RG_SC_ACTUAL}, {"cumulative to date", RG_SC_ACTUAL},
    {"cumulative actual", RG_SC_ACTUAL}, {"ytd performance", RG_SC_ACTUAL},
    /* the year's target, variance and RAG so far, not its figure */
    {"ytd target", RG_SC_TARGET}, {"year to date target", RG_SC_TARGET},
    {"cumulative target", RG_SC_TARGET}, {"ytd variance", RG_SC_VARIANCE},
    {"year to date variance", RG_SC_VARIANCE},
    {"ytd rag", RG_SC_RAG}, {"ytd status", RG_SC_RAG},
    {"ytd rag status", RG_SC_RAG}, {"year to date rag", RG_SC_RAG},
    {"year to date status", RG_SC_RAG}, {"cumulative rag", RG_SC_RAG},
    {"performance", RG_SC_ACTUAL}, {"result", RG_SC_ACTUAL},
    {"current", RG_SC_ACTUAL}, {"actual to date", RG_SC_ACTUAL},
    {"outturn", RG_SC_ACTUAL}, {"actual performance", RG_SC_ACTUAL},
    /* "Previous quarter | This quarter | Target": the report's own period
     * is the actual, the one before it history */
    {"this quarter", RG_SC_ACTUAL}, {"current quarter", RG_SC_ACTUAL},
    {"this period", RG_SC_ACTUAL}, {"current period", RG_SC_ACTUAL},
    {"this month", RG_SC_ACTUAL}, {"current month", RG_SC_ACTUAL},
    {"previous quarter", RG_SC_OTHER}, {"last quarter", RG_SC_OTHER},
    {"previous period", RG_SC_OTHER}, {"last period", RG_SC_OTHER},
    {"previous month", RG_SC_OTHER}, {"last month", RG_SC_OTHER},
    {"variance", RG_SC_VARIANCE}, {"+ / - target", RG_SC_VARIANCE},
    {"variance to target", RG_SC_VARIANCE},
    {"variance from target", RG_SC_VARIANCE},
    {"rag", RG_SC_RAG}, {"rag status", RG_SC_RAG}, {"status", RG_SC_RAG},
    {"rag rating", RG_SC_RAG}, {"rating", RG_SC_RAG},
    {"performance status", RG_SC_RAG}, {"current rag", RG_SC_RAG},
    {"current status", RG_SC_RAG}, {"red / amber / green", RG_SC_RAG},
    {"r / a / g", RG_SC_RAG},
    {"latest rag", RG_SC_RAG}, {"latest status", RG_SC_RAG},
    {"overall rag", RG_SC_RAG}, {"overall status", RG_SC_RAG},
    {"overall rating", RG_SC_RAG}, {"traffic light", RG_SC_RAG},
    {"traffic light status", RG_SC_RAG}, {"traffic light rating", RG_SC_RAG},
    {"direction of travel", RG_SC_TRAVEL}, {"dot", RG_SC_TRAVEL},
    {"d o t", RG_SC_TRAVEL}, {"trend", RG_SC_TRAVEL},
    {"travel", RG_SC_TRAVEL}, {"direction of trend", RG_SC_TRAVEL},
    {"change since last", RG_SC_TRAVEL}, {"improving or declining",
                                          RG_SC_TRAVEL},
    {"compared to last", RG_SC_TRAVEL}, {"trend since last", RG_SC_TRAVEL},
    {"comment", RG_SC_COMMENT}, {"comments", RG_SC_COMMENT},
    {"commentary", RG_SC_COMMENT}, {"narrative", RG_SC_COMMENT},
    {"notes", RG_SC_COMMENT}, {"explanation", RG_SC_COMMENT},
    {"explanation of variance", RG_SC_COMMENT},
    {"explanation of performance", RG_SC_COMMENT},
    {"reason", RG_SC_COMMENT}, {"reasons", RG_SC_COMMENT},
    {"reason for variance", RG_SC_COMMENT},
    {"performance commentary", RG_SC_COMMENT},
    {"comments / actions", RG_SC_COMMENT}, {"remedial action",
                                           RG_SC_COMMENT},
    {"update", RG_SC_COMMENT}, {"analysis", RG_SC_COMMENT},
    {"unit", RG_SC_UNIT}, {"units", RG_SC_UNIT},
    {"unit of measure", RG_SC_UNIT}, {"measure type", RG_SC_UNIT},
    {"format", RG_SC_UNIT},
    {"baseline", RG_SC_OTHER}, {"last year", RG_SC_OTHER},
    {"previous year", RG_SC_OTHER}, {"prior year", RG_SC_OTHER},
    {"outturn", RG_SC_OTHER}, {"frequency", RG_SC_OTHER},
    {"lead", RG_SC_OTHER}, {"owner", RG_SC_OTHER},
    {"lead officer", RG_SC_OTHER}, {"service", RG_SC_OTHER},
    {"portfolio", RG_SC_OTHER}, {"benchmark", RG_SC_OTHER},
    {"comparator", RG_SC_OTHER}, {"tolerance", RG_SC_OTHER},
    {"priority", RG_SC_OTHER}, {"theme", RG_SC_OTHER},
    {"directorate", RG_SC_OTHER}, {"reporting frequency", RG_SC_OTHER},
    {"data source", RG_SC_OTHER}, {"source", RG_SC_OTHER},
    {NULL, 0}};

/* A legend's words, and words written in a status column.  Found anywhere
 * in the text, first match wins: specific phrases come first. */
const rg_word rg_status_words[] = {
    /* first, so the words inside them ("delay", "achieved", "started")
     * do not decide: a risk of delay is a warning, not a delay; what
     * will not be achieved is behind, not done */
    {"risk of delay", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"risk of slippage", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"will not be met", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"will not be achieved", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"will not be delivered", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"unlikely to be met", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"unlikely to be achieved", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"unlikely to be delivered", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"not achievable", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"likely to be met", RAG_PROGRESS_ON_TARGET},
    {"likely to be achieved", RAG_PROGRESS_ON_TARGET},
    {"expected to be met", RAG_PROGRESS_ON_TARGET},
    {"expected to be achieved", RAG_PROGRESS_ON_TARGET},
    {"stalled", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"blocked", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    /* the words a key gives its colours by how much is wrong:
     * "Significant issues" in red, "Some concerns" in amber, "No issues"
     * in green; the ones with "no" first, so their "issues" does not
     * decide */
    {"no issues", RAG_PROGRESS_ON_TARGET},
    {"no concerns", RAG_PROGRESS_ON_TARGET},
    {"no significant issues", RAG_PROGRESS_ON_TARGET},
    {"no major issues", RAG_PROGRESS_ON_TARGET},
    {"no significant concerns", RAG_PROGRESS_ON_TARGET},
    {"significant issues", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"major issues", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"serious issues", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"significant concerns", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"serious concerns", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"major concerns", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"intervention required", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"requires intervention", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"no progress", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"little progress", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"unsatisfactory", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"some concerns", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"minor concerns", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"some issues", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"minor issues", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"issues to resolve", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"issues to be resolved", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"needs attention", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"requires attention", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"attention required", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"limited progress", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"some progress", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"risk to delivery", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"good progress", RAG_PROGRESS_ON_TARGET},
    {"satisfactory progress", RAG_PROGRESS_ON_TARGET},
    {"satisfactory", RAG_PROGRESS_ON_TARGET},
    {"yet to start", RAG_PROGRESS_PROGRAMMED},
    {"yet to begin", RAG_PROGRESS_PROGRAMMED},
    {"not commenced", RAG_PROGRESS_PROGRAMMED},
    {"not yet commenced", RAG_PROGRESS_PROGRAMMED},
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
    {"significant delay", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"significant delays", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"significant slippage", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"substantial slippage", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"considerable slippage", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"major delay", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"major slippage", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"serious delay", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"severe delay", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"slightly behind", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"slight delay", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"some slippage", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"some delay", RAG_PROGRESS_ONE_MONTH_BEHIND},
    {"slippage", RAG_PROGRESS_ONE_MONTH_BEHIND},
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
    {"progressing as planned", RAG_PROGRESS_ON_TARGET},
    {"going to plan", RAG_PROGRESS_ON_TARGET},
    {"as planned", RAG_PROGRESS_ON_TARGET},
    {"according to plan", RAG_PROGRESS_ON_TARGET},
    {"progressing well", RAG_PROGRESS_ON_TARGET},
    {"progressing to plan", RAG_PROGRESS_ON_TARGET},
    {"progressing", RAG_PROGRESS_ON_TARGET},
    {"exceeding target", RAG_PROGRESS_ON_TARGET},
    {"in line with plan", RAG_PROGRESS_ON_TARGET},
    {"on course", RAG_PROGRESS_ON_TARGET},
    {"on plan", RAG_PROGRESS_ON_TARGET},
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
    {"carried forward", RAG_PROGRESS_REPROGRAMMED},
    {"deferred", RAG_PROGRESS_SUSPENDED},
    {"suspended", RAG_PROGRESS_SUSPENDED},
    {"on hold", RAG_PROGRESS_SUSPENDED},
    {"paused", RAG_PROGRESS_SUSPENDED},
    {"cancelled", RAG_PROGRESS_SUSPENDED},
    {"withdrawn", RAG_PROGRESS_SUSPENDED},
    {"stopped", RAG_PROGRESS_SUSPENDED},
    {"not complete", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    /* An audit follow-up's words: a recommendation implemented in part is
     * under way, one not implemented has not started (past its date the
     * overdue rules say so), one superseded is closed without being done. */
    {"partially implemented", RAG_PROGRESS_ON_TARGET},
    {"partly implemented", RAG_PROGRESS_ON_TARGET},
    /* done in part is under way, not done: read as complete, such an
     * action past its date escaped the overdue rule */
    {"partially complete", RAG_PROGRESS_ON_TARGET},
    {"partially completed", RAG_PROGRESS_ON_TARGET},
    {"partly complete", RAG_PROGRESS_ON_TARGET},
    {"partly completed", RAG_PROGRESS_ON_TARGET},
    {"part complete", RAG_PROGRESS_ON_TARGET},
    {"part completed", RAG_PROGRESS_ON_TARGET},
    {"substantially complete", RAG_PROGRESS_ON_TARGET},
    {"substantially completed", RAG_PROGRESS_ON_TARGET},
    {"largely complete", RAG_PROGRESS_ON_TARGET},
    {"nearly complete", RAG_PROGRESS_ON_TARGET},
    {"almost complete", RAG_PROGRESS_ON_TARGET},
    {"partially achieved", RAG_PROGRESS_ON_TARGET},
    {"partly achieved", RAG_PROGRESS_ON_TARGET},
    {"partially met", RAG_PROGRESS_ON_TARGET},
    {"partly met", RAG_PROGRESS_ON_TARGET},
    /* under way in other words ("In train" is the civil service's) */
    {"in train", RAG_PROGRESS_ON_TARGET},
    {"underway", RAG_PROGRESS_ON_TARGET},
    {"under way", RAG_PROGRESS_ON_TARGET},
    {"not implemented", RAG_PROGRESS_PROGRAMMED},
    {"not yet implemented", RAG_PROGRESS_PROGRAMMED},
    {"implemented", RAG_PROGRESS_COMPLETE},
    {"superseded", RAG_PROGRESS_SUSPENDED},
    {"no longer applicable", RAG_PROGRESS_SUSPENDED},
    {"no longer required", RAG_PROGRESS_SUSPENDED},
    {"no longer needed", RAG_PROGRESS_SUSPENDED},
    {"no longer relevant", RAG_PROGRESS_SUSPENDED},
    {"not required", RAG_PROGRESS_SUSPENDED},
    {"risk accepted", RAG_PROGRESS_SUSPENDED},
    {"abandoned", RAG_PROGRESS_SUSPENDED},
    {"canceled", RAG_PROGRESS_SUSPENDED},
    /* folded into another action: closed here without being done */
    {"merged with", RAG_PROGRESS_SUSPENDED},
    {"merged into", RAG_PROGRESS_SUSPENDED},
    {"incorporated into", RAG_PROGRESS_SUSPENDED},
    {"subsumed", RAG_PROGRESS_SUSPENDED},
    {"not applicable", RAG_PROGRESS_SUSPENDED},
    /* done and handed to the service's routine work, or done and put to
     * the board to close: complete, never overdue */
    {"business as usual", RAG_PROGRESS_COMPLETE},
    {"bau", RAG_PROGRESS_COMPLETE},
    {"now embedded", RAG_PROGRESS_COMPLETE},
    {"fully embedded", RAG_PROGRESS_COMPLETE},
    {"mainstreamed", RAG_PROGRESS_COMPLETE},
    {"proposed for closure", RAG_PROGRESS_COMPLETE},
    {"recommended for closure", RAG_PROGRESS_COMPLETE},
    {"recommend closure", RAG_PROGRESS_COMPLETE},
    {"ready for closure", RAG_PROGRESS_COMPLETE},
    {"ready to close", RAG_PROGRESS_COMPLETE},
    {"proposed to close", RAG_PROGRESS_COMPLETE},
    {"fully met", RAG_PROGRESS_COMPLETE},
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
    {"ahead of schedule", RAG_PROGRESS_ON_TARGET},
    {"ahead of target", RAG_PROGRESS_ON_TARGET},
    {"ahead", RAG_PROGRESS_ON_TARGET},
    {"ongoing", RAG_PROGRESS_ON_TARGET},
    {"behind schedule", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"delayed", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
    {"delay", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
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

/* Form labels, matched at the start of a label cell (longest wins). */
const rg_word rg_label_words[] = {
    {"indicator title", RG_LBL_TITLE}, {"indicator", RG_LBL_TITLE},
    {"indicator name", RG_LBL_TITLE}, {"measure", RG_LBL_TITLE},
    {"measure title", RG_LBL_TITLE}, {"pi", RG_LBL_TITLE},
    {"pi title", RG_LBL_TITLE}, {"kpi", RG_LBL_TITLE},
    {"performance indicator", RG_LBL_TITLE}, {"kpi title", RG_LBL_TITLE},
    {"indicator description", RG_LBL_TITLE},
    {"performance measure", RG_LBL_TITLE},
    /* the indicator's code on a line of its own ("KPI Reference: KPI
     * 07"), not its title */
    {"kpi reference", RG_LBL_REFERENCE}, {"kpi ref", RG_LBL_REFERENCE},
    {"pi reference", RG_LBL_REFERENCE}, {"pi ref", RG_LBL_REFERENCE},
    {"indicator reference", RG_LBL_REFERENCE},
    {"indicator ref", RG_LBL_REFERENCE},
    {"measure reference", RG_LBL_REFERENCE},
    {"measure ref", RG_LBL_REFERENCE}, {"kpi code", RG_LBL_REFERENCE},
    {"pi code", RG_LBL_REFERENCE}, {"indicator code", RG_LBL_REFERENCE},
    {"measure code", RG_LBL_REFERENCE}, {"kpi no", RG_LBL_REFERENCE},
    {"kpi number", RG_LBL_REFERENCE}, {"pi number", RG_LBL_REFERENCE},

    {"strategic director lead", RG_LBL_DIRECTOR},
    {"strategic director", RG_LBL_DIRECTOR}, {"director", RG_LBL_DIRECTOR},
    {"lead director", RG_LBL_DIRECTOR}, {"executive lead", RG_LBL_DIRECTOR},
    {"corporate director", RG_LBL_DIRECTOR},
    {"accountable director", RG_LBL_DIRECTOR},
    {"responsible director", RG_LBL_DIRECTOR},
    {"executive director", RG_LBL_DIRECTOR},
    {"director responsible", RG_LBL_DIRECTOR},
    {"cabinet member", RG_LBL_DIRECTOR}, {"portfolio holder", RG_LBL_DIRECTOR},
    {"lead cabinet member", RG_LBL_DIRECTOR},
    {"accountable manager", RG_LBL_LEAD}, {"responsible manager", RG_LBL_LEAD},
    {"officer responsible", RG_LBL_LEAD}, {"lead manager", RG_LBL_LEAD},
    {"departmental lead", RG_LBL_LEAD}, {"lead officer", RG_LBL_LEAD},
    {"responsible officer", RG_LBL_LEAD}, {"service lead", RG_LBL_LEAD},
    {"lead", RG_LBL_LEAD}, {"head of service", RG_LBL_LEAD},
    {"owner", RG_LBL_OWNER}, {"plan owner", RG_LBL_OWNER},
    {"programme lead", RG_LBL_OWNER}, {"project lead", RG_LBL_OWNER},
    {"programme owner", RG_LBL_OWNER}, {"sponsor", RG_LBL_OWNER},
    {"lead director", RG_LBL_DIRECTOR}, {"lead member", RG_LBL_DIRECTOR},
    {"indicator owner", RG_LBL_OWNER}, {"accountable officer", RG_LBL_OWNER},
    {"programme sponsor", RG_LBL_OWNER}, {"project sponsor", RG_LBL_OWNER},
    {"executive sponsor", RG_LBL_OWNER}, {"plan lead", RG_LBL_OWNER},
    {"senior responsible owner", RG_LBL_OWNER}, {"sro", RG_LBL_OWNER},
    {"responsible owner", RG_LBL_OWNER}, {"plan sponsor", RG_LBL_OWNER},

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
    /* the period before the one reported, beside it on an exception
     * form: "Performance last quarter" was read as the actual (24 days
     * for 22, a false rag-mismatch) */
    {"performance last quarter", RG_LBL_PREVIOUS},
    {"performance previous quarter", RG_LBL_PREVIOUS},
    {"performance last period", RG_LBL_PREVIOUS},
    {"performance previous period", RG_LBL_PREVIOUS},
    {"performance last month", RG_LBL_PREVIOUS},
    {"performance previous month", RG_LBL_PREVIOUS},
    {"performance last year", RG_LBL_PREVIOUS},
    {"performance previous year", RG_LBL_PREVIOUS},
    {"actual last quarter", RG_LBL_PREVIOUS},
    {"actual previous quarter", RG_LBL_PREVIOUS},
    {"actual last year", RG_LBL_PREVIOUS},
    {"last quarter", RG_LBL_PREVIOUS}, {"previous quarter", RG_LBL_PREVIOUS},
    {"last period", RG_LBL_PREVIOUS}, {"previous period", RG_LBL_PREVIOUS},
    {"last month", RG_LBL_PREVIOUS}, {"previous month", RG_LBL_PREVIOUS},
    {"performance this month", RG_LBL_ACTUAL},
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
    /* an exception report's remedy for the indicator above it */
    {"action being taken", RG_LBL_ACTION_TEXT},
    {"actions being taken", RG_LBL_ACTION_TEXT},
    {"action taken", RG_LBL_ACTION_TEXT},
    {"actions taken", RG_LBL_ACTION_TEXT},
    {"actions to improve", RG_LBL_ACTION_TEXT},
    {"action to improve", RG_LBL_ACTION_TEXT},
    {"improvement actions", RG_LBL_ACTION_TEXT},
    {"remedial action", RG_LBL_ACTION_TEXT},
    {"remedial actions", RG_LBL_ACTION_TEXT},
    {"corrective action", RG_LBL_ACTION_TEXT},
    {"actions planned", RG_LBL_ACTION_TEXT},
    {"planned actions", RG_LBL_ACTION_TEXT},
    {"next steps", RG_LBL_ACTION_TEXT},

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
    /* the day the plan was last reviewed is the day its statuses were
     * given, as "Last updated" is */
    {"last reviewed", RG_LBL_REPORT_DATE},
    {"date last reviewed", RG_LBL_REPORT_DATE},
    {"last review", RG_LBL_REPORT_DATE},
    {"last review date", RG_LBL_REPORT_DATE},
    {"reviewed", RG_LBL_REPORT_DATE}, {"date reviewed", RG_LBL_REPORT_DATE},
    {"date of update", RG_LBL_REPORT_DATE},
    {"progress as at", RG_LBL_REPORT_DATE},
    {"update as at", RG_LBL_REPORT_DATE},
    /* the end of the period reported on is the date things are judged at */
    {"period ending", RG_LBL_REPORT_DATE},
    {"period end", RG_LBL_REPORT_DATE},
    {"quarter ending", RG_LBL_REPORT_DATE},
    {"month ending", RG_LBL_REPORT_DATE},
    {"data as at", RG_LBL_REPORT_DATE},
    {NULL, 0}};

/* A recovery plan's milestone table header. */
const rg_word rg_milestone_words[] = {
    {"milestone details", RG_MS_TEXT}, {"milestone", RG_MS_TEXT},
    {"key milestones", RG_MS_TEXT}, {"milestone description", RG_MS_TEXT},
    {"action", RG_MS_TEXT}, {"description", RG_MS_TEXT},
    /* other templates' words for the steps that recover the deficit */
    {"actions", RG_MS_TEXT}, {"recovery action", RG_MS_TEXT},
    {"recovery actions", RG_MS_TEXT}, {"mitigating action", RG_MS_TEXT},
    {"mitigating actions", RG_MS_TEXT}, {"mitigation", RG_MS_TEXT},
    {"savings proposal", RG_MS_TEXT}, {"savings proposals", RG_MS_TEXT},
    {"saving proposal", RG_MS_TEXT}, {"proposal", RG_MS_TEXT},
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
    /* A status stated against the target in words: met or ahead is green;
     * short of it but inside the tolerance (the amber band) is amber;
     * missed beyond it is red.  "Above" and "below" target are left out:
     * which is good depends on the polarity. */
    {"target met", RAG_RATING_GREEN}, {"met", RAG_RATING_GREEN},
    {"target achieved", RAG_RATING_GREEN}, {"achieved", RAG_RATING_GREEN},
    {"ahead of target", RAG_RATING_GREEN}, {"exceeded", RAG_RATING_GREEN},
    {"target exceeded", RAG_RATING_GREEN},
    {"better than target", RAG_RATING_GREEN},
    {"on or better than target", RAG_RATING_GREEN},
    {"within tolerance", RAG_RATING_AMBER},
    {"nearly achieved", RAG_RATING_AMBER}, {"nearly met", RAG_RATING_AMBER},
    {"almost achieved", RAG_RATING_AMBER}, {"almost met", RAG_RATING_AMBER},
    {"within target tolerance", RAG_RATING_AMBER},
    {"slightly off target", RAG_RATING_AMBER},
    {"slightly off track", RAG_RATING_AMBER},
    {"just off target", RAG_RATING_AMBER},
    {"near target", RAG_RATING_AMBER}, {"close to target", RAG_RATING_AMBER},
    {"narrowly missed", RAG_RATING_AMBER}, {"at risk", RAG_RATING_AMBER},
    {"target not met", RAG_RATING_RED}, {"not met", RAG_RATING_RED},
    {"not achieved", RAG_RATING_RED}, {"target missed", RAG_RATING_RED},
    {"missed", RAG_RATING_RED}, {"outside tolerance", RAG_RATING_RED},
    {"worse than target", RAG_RATING_RED},
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

/* A polarity cell's words, where it states no rule of the table above:
 * a verb of the aim ("Reduce", "Aim to reduce", "Decreasing",
 * "Increase"), read anywhere in a target cell too, as a target of
 * "Reduce" says the way as plainly as a polarity of "Reduce".  A negated
 * verb goes first: "No increase" caps a figure. */
const rg_word rg_direction_verbs[] = {
    {"no increase", RG_DIR_LOWER}, {"not increase", RG_DIR_LOWER},
    {"no reduction", RG_DIR_HIGHER}, {"no decrease", RG_DIR_HIGHER},
    {"not reduce", RG_DIR_HIGHER}, {"not decrease", RG_DIR_HIGHER},
    {"reduce", RG_DIR_LOWER}, {"reduction", RG_DIR_LOWER},
    {"reducing", RG_DIR_LOWER}, {"decrease", RG_DIR_LOWER},
    {"decreasing", RG_DIR_LOWER}, {"increase", RG_DIR_HIGHER},
    {"increasing", RG_DIR_HIGHER}, {NULL, 0}};

/* A polarity cell's single words, read only there (a title or a target
 * saying "low" or "more" says nothing of the way): "Lower", "Smaller",
 * "Down is good", "Bigger".  The lower ones first, as the sheets checked
 * say "lower" beside "higher" only to explain it ("Lower (higher rate is
 * worse)" has not been seen; "Minimise (lower is better)" has). */
const rg_word rg_polarity_words[] = {
    {"lower", RG_DIR_LOWER}, {"low", RG_DIR_LOWER},
    {"smaller", RG_DIR_LOWER}, {"down", RG_DIR_LOWER},
    {"less", RG_DIR_LOWER}, {"fewer", RG_DIR_LOWER},
    {"higher", RG_DIR_HIGHER}, {"high", RG_DIR_HIGHER},
    {"bigger", RG_DIR_HIGHER}, {"larger", RG_DIR_HIGHER},
    {"up", RG_DIR_HIGHER}, {"more", RG_DIR_HIGHER}, {NULL, 0}};

/* An arrow alone is a polarity ("Good is: \u2193"); the normal form keeps
 * letters and digits only, so arrows are looked for in the raw text. */
static int polarity_arrow(const char *s)
{
    static const char *const down[] = {"\xe2\x86\x93", "\xe2\xac\x87",
                                       "\xe2\x96\xbc", "\xe2\x96\xbe",
                                       NULL};
    static const char *const up[] = {"\xe2\x86\x91", "\xe2\xac\x86",
                                     "\xe2\x96\xb2", "\xe2\x96\xb4",
                                     NULL};
    size_t k;
    for (k = 0; down[k]; k++)
        if (strstr(s, down[k]))
            return RG_DIR_LOWER;
    for (k = 0; up[k]; k++)
        if (strstr(s, up[k]))
            return RG_DIR_HIGHER;
    return 0;
}

int rg_polarity_direction(const char *s)
{
    char norm[256];
    int dir;

    if (!s)
        return 0;
    dir = polarity_arrow(s);
    if (dir > 0)
        return dir;
    rg_norm(s, strlen(s), norm, sizeof norm);
    dir = rg_vocab_find(rg_direction_words, norm, NULL);
    if (dir <= 0)
        dir = rg_vocab_find(rg_direction_verbs, norm, NULL);
    if (dir <= 0)
        dir = rg_vocab_find(rg_polarity_words, norm, NULL);
    return dir > 0 ? dir : 0;
}

/* The target's words: its bound ("Below 20"), else its verb ("Reduce"). */
static int target_words_direction(const char *s, size_t len)
{
    char norm[128];
    int dir = rg_target_direction(s, len);
    if (dir > 0 || !s || !len)
        return dir;
    rg_norm(s, len, norm, sizeof norm);
    dir = rg_vocab_find(rg_direction_verbs, norm, NULL);
    return dir > 0 ? dir : 0;
}

rag_direction rg_indicator_direction(const char *polarity, int stated,
                                     const char *target, size_t target_len,
                                     const char *title, rag_unit unit)
{
    int dir = rg_polarity_direction(polarity);
    if (dir <= 0)
        dir = stated;
    if (dir <= 0)
        dir = target_words_direction(target, target_len);
    if (dir <= 0)
        dir = rg_title_direction(title, unit);
    /* days taken (to pay, to relet, to decide) are better fewer */
    if (dir <= 0 && unit == RAG_UNIT_DAYS)
        dir = RG_DIR_LOWER;
    return dir == RG_DIR_LOWER  ? RAG_LOWER_IS_BETTER
           : dir == RG_DIR_BAND ? RAG_WITHIN_BAND
                                : RAG_HIGHER_IS_BETTER;
}

bool rg_target_is_band(const char *s, size_t len)
{
    size_t i, j;

    for (i = 0; s && i < len; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            return false; /* "100 +/- 5": a band around 100, not read */
        if (i + 1 < len && (unsigned char)s[i] == 0xC2 &&
            (unsigned char)s[i + 1] == 0xB1)
            return true; /* "\u00b1" */
        if (s[i] != '+')
            continue;
        /* "+/-", "+ / -", "+-" */
        for (j = i + 1; j < len && s[j] == ' '; j++)
            ;
        if (j < len && s[j] == '/')
            for (j++; j < len && s[j] == ' '; j++)
                ;
        if (j < len && s[j] == '-')
            return true;
    }
    return false;
}

bool rg_target_owes_no_figure(const char *s, size_t len)
{
    char norm[128];
    size_t i;

    if (!s || !len)
        return false;
    rg_norm(s, len, norm, sizeof norm);
    if (rg_vocab_find(rg_no_target_words, norm, NULL) > 0 ||
        rg_vocab_exact(rg_outcome_words, norm) == 2)
        return true;
    /* a direction alone: "Reduce" states the aim and owes no figure;
     * "Reduce to 20" owes its 20 */
    for (i = 0; i < len; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return false;
    return rg_vocab_find(rg_direction_verbs, norm, NULL) > 0;
}

/* Words that make a figure the year's so far, not one period's: a
 * heading ("Year to date", "YTD Actual", "Cumulative"), a title, a form's
 * label ("Actual (Q2 cumulative)"). */
const rg_word rg_to_date_words[] = {
    {"year to date", 1}, {"ytd", 1}, {"to date", 1}, {"cumulative", 1},
    {"cumulatively", 1}, {NULL, 0}};

/* A heading of how often a measure is reported: "Frequency",
 * "Reporting frequency", "Reporting cycle". */
const rg_word rg_frequency_heads[] = {
    {"frequency", 1}, {"reporting frequency", 1}, {"reporting cycle", 1},
    {"how often", 1}, {NULL, 0}};

/* A frequency that reports once a year ("Annual", "Yearly"): read as a
 * prefix of the cell, as "Annual (Q4)" is. */
const rg_word rg_annual_words[] = {
    {"annual", 1}, {"annually", 1}, {"yearly", 1}, {"once a year", 1},
    {"year end", 1}, {NULL, 0}};

/* A period's cell that says no figure is owed for it yet: "Annual
 * measure", "Reported annually", "Not due", "N/A".  Read as a prefix of
 * the cell ("N/A - reported in Q4"). */
const rg_word rg_not_due_words[] = {
    {"annual measure", 1}, {"annual indicator", 1}, {"annual figure", 1},
    {"reported annually", 1}, {"reported at year end", 1},
    {"annual only", 1}, {"not due", 1}, {"not yet due", 1},
    {"n / a", 1}, {"na", 1}, {"not applicable", 1},
    {"not available until", 1}, {NULL, 0}};

/* A yes/no measure's outcome in words, where a figure would go: "Yes",
 * "Achieved", "Not met", "In place".  As a target it owes no figure
 * (rg_target_owes_no_figure); as an actual it is the period's answer, not
 * a missing figure (each was a false target-missing or actual-missing).
 * The whole cell, so "Achieved 92%" stays a figure.  2: the words of a
 * target; 1: an answer only ("No" is never a target). */
const rg_word rg_outcome_words[] = {
    {"yes", 2}, {"achieved", 2}, {"met", 2}, {"complete", 2},
    {"completed", 2}, {"in place", 2}, {"delivered", 2}, {"published", 2},
    {"no", 1}, {"not achieved", 1}, {"not met", 1}, {"not complete", 1},
    {"not completed", 1}, {"not in place", 1}, {"not delivered", 1},
    {"not published", 1}, {"partially achieved", 1}, {"partially met", 1},
    {"partially complete", 1}, {"partially", 1}, {"partial", 1},
    {NULL, 0}};

/* A target's own words of its bound ("Below 20", "95% or above"), read
 * in order: negated bounds first, as "no more than" holds "more than". */
const rg_word rg_target_bounds[] = {
    {"no more than", RG_DIR_LOWER}, {"not more than", RG_DIR_LOWER},
    {"no greater than", RG_DIR_LOWER}, {"no higher than", RG_DIR_LOWER},
    {"not to exceed", RG_DIR_LOWER}, {"not exceed", RG_DIR_LOWER},
    {"no less than", RG_DIR_HIGHER}, {"not less than", RG_DIR_HIGHER},
    {"no fewer than", RG_DIR_HIGHER}, {"no lower than", RG_DIR_HIGHER},
    {"below", RG_DIR_LOWER}, {"under", RG_DIR_LOWER},
    {"less than", RG_DIR_LOWER}, {"fewer than", RG_DIR_LOWER},
    {"lower than", RG_DIR_LOWER}, {"at most", RG_DIR_LOWER},
    {"maximum", RG_DIR_LOWER}, {"max", RG_DIR_LOWER},
    {"or less", RG_DIR_LOWER}, {"or below", RG_DIR_LOWER},
    {"or fewer", RG_DIR_LOWER}, {"or under", RG_DIR_LOWER},
    {"or lower", RG_DIR_LOWER}, {"up to", RG_DIR_LOWER},
    {"above", RG_DIR_HIGHER}, {"over", RG_DIR_HIGHER},
    {"more than", RG_DIR_HIGHER}, {"greater than", RG_DIR_HIGHER},
    {"higher than", RG_DIR_HIGHER}, {"at least", RG_DIR_HIGHER},
    {"minimum", RG_DIR_HIGHER}, {"min", RG_DIR_HIGHER},
    {"or more", RG_DIR_HIGHER}, {"or above", RG_DIR_HIGHER},
    {"or higher", RG_DIR_HIGHER}, {"or over", RG_DIR_HIGHER},
    {"or greater", RG_DIR_HIGHER}, {"exceed", RG_DIR_HIGHER},
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
    /* what councils work to bring down, named in the title alone */
    {"residential care", RG_DIR_LOWER}, {"nursing care", RG_DIR_LOWER},
    {"landfill", RG_DIR_LOWER}, {"emissions", RG_DIR_LOWER},
    {"exclusions", RG_DIR_LOWER}, {"reoffending", RG_DIR_LOWER},
    {"re - offending", RG_DIR_LOWER},
    {"killed or seriously injured", RG_DIR_LOWER},
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
    {"all", 1}, {"partner", 1}, {"partners", 1}, {"specialist", 1},
    {"analyst", 1}, {"administrator", 1}, {"accountant", 1},
    {"auditor", 1}, {"planner", 1}, {"assistant", 1}, {"executive", 1},
    {"commissioner", 1}, {"engineer", 1}, {"surveyor", 1},
    {"solicitor", 1}, {"owner", 1}, {"office", 1}, {"desk", 1},
    {"support", 1},
    /* posts by their initials: Assistant/Deputy Director, Head of Service,
     * Chief Executive/Finance/Operating Officer, Senior Responsible Owner */
    {"ad", 1}, {"dd", 1}, {"hos", 1}, {"ceo", 1}, {"cfo", 1}, {"coo", 1},
    {"sro", 1}, {"dass", 1}, {"dcs", 1}, {NULL, 0}};

/* Words that begin one person's post ("Head of ...", "Director of ...",
 * "AD Commissioning", "Cabinet Member for ..."), and words that end one
 * ("Revenues Manager"): "Director of Place & Head of Planning" is two
 * leads, "Head of Legal and Democratic Services" one.  Matched whole,
 * without the plural (parse_text.c word_exact). */
const rg_word rg_post_heads[] = {
    {"head", 1}, {"director", 1}, {"assistant", 1}, {"deputy", 1},
    {"chief", 1}, {"interim", 1}, {"acting", 1}, {"cabinet", 1},
    {"portfolio", 1}, {"ad", 1}, {"dd", 1}, {"hos", 1}, {"ceo", 1},
    {"cfo", 1}, {"coo", 1}, {"sro", 1}, {"senior", 1}, {"principal", 1},
    {NULL, 0}};
/* The initials of a post end one too, after its service or grade:
 * "Finance BP" (business partner), "Principal EP" (educational
 * psychologist), "ICT PM" (project manager), "Senior SW" (social worker),
 * "IRO", "DPO", "SIRO"; a lead split them into two (parse_text.c
 * split_names joins them to the words before). */
const rg_word rg_post_ends[] = {
    {"manager", 1}, {"officer", 1}, {"director", 1}, {"lead", 1},
    {"leader", 1}, {"coordinator", 1}, {"advisor", 1}, {"adviser", 1},
    {"consultant", 1}, {"specialist", 1}, {"analyst", 1},
    {"administrator", 1}, {"accountant", 1}, {"auditor", 1},
    {"planner", 1}, {"engineer", 1}, {"surveyor", 1}, {"solicitor", 1},
    {"commissioner", 1}, {"owner", 1}, {"executive", 1},
    {"controller", 1}, {"treasurer", 1}, {"member", 1}, {"holder", 1},
    {"bp", 1}, {"ep", 1}, {"pm", 1}, {"sw", 1}, {"iro", 1}, {"dpo", 1},
    {"siro", 1}, {NULL, 0}};

/* Words of a post's grade, not its service: "Strategic Director, Place"
 * and "Corporate Director, Resources" are posts that name no service
 * until the comma (parse_text.c generic_post), one lead. */
const rg_word rg_post_grades[] = {
    {"strategic", 1}, {"corporate", 1}, {"operational", 1}, {NULL, 0}};

/* Given names common among council officers, for "Smith, Jane" (a
 * surname first, then the given name: one lead) against "Smith, Jones"
 * (two people by surname).  Names as often surnames ("Lee", "Ali") are
 * left out; a name here before the comma makes the parts two people by
 * their first names ("Mark, Sue"). */
const rg_word rg_given_names[] = {
    {"adam", 1}, {"adrian", 1}, {"alan", 1}, {"alex", 1},
    {"alexander", 1}, {"alexandra", 1}, {"alice", 1}, {"alison", 1},
    {"amanda", 1}, {"amy", 1}, {"andrea", 1}, {"andrew", 1}, {"andy", 1},
    {"angela", 1}, {"ann", 1}, {"anna", 1}, {"anne", 1}, {"anthony", 1},
    {"barbara", 1}, {"ben", 1}, {"benjamin", 1}, {"beth", 1}, {"bob", 1},
    {"brian", 1}, {"carl", 1}, {"carol", 1}, {"caroline", 1},
    {"catherine", 1}, {"charlotte", 1}, {"chloe", 1}, {"chris", 1},
    {"christine", 1}, {"christopher", 1}, {"claire", 1}, {"clare", 1},
    {"colin", 1}, {"craig", 1}, {"dan", 1}, {"daniel", 1}, {"darren", 1},
    {"dave", 1}, {"david", 1}, {"dawn", 1}, {"dean", 1}, {"debbie", 1},
    {"deborah", 1}, {"diane", 1}, {"donna", 1}, {"edward", 1},
    {"elaine", 1}, {"eleanor", 1}, {"elizabeth", 1}, {"emily", 1},
    {"emma", 1}, {"fiona", 1}, {"gareth", 1}, {"gary", 1}, {"gemma", 1},
    {"geoff", 1}, {"george", 1}, {"gillian", 1}, {"graham", 1},
    {"hannah", 1}, {"hayley", 1}, {"helen", 1}, {"ian", 1}, {"jack", 1},
    {"jackie", 1}, {"jacqueline", 1}, {"james", 1}, {"jane", 1},
    {"janet", 1}, {"jason", 1}, {"jennifer", 1}, {"jenny", 1},
    {"jessica", 1}, {"jo", 1}, {"joanna", 1}, {"joanne", 1}, {"joe", 1},
    {"john", 1}, {"jon", 1}, {"jonathan", 1}, {"joseph", 1},
    {"judith", 1}, {"julia", 1}, {"julie", 1}, {"karen", 1},
    {"kate", 1}, {"kathryn", 1}, {"katie", 1}, {"keith", 1},
    {"kelly", 1}, {"kerry", 1}, {"kevin", 1}, {"kim", 1}, {"laura", 1},
    {"lauren", 1}, {"lesley", 1}, {"linda", 1}, {"lisa", 1},
    {"lorraine", 1}, {"louise", 1}, {"lucy", 1}, {"lynn", 1},
    {"marc", 1}, {"margaret", 1}, {"maria", 1}, {"marie", 1},
    {"mark", 1}, {"martin", 1}, {"mary", 1}, {"matt", 1},
    {"matthew", 1}, {"michael", 1}, {"michelle", 1}, {"mike", 1},
    {"natalie", 1}, {"neil", 1}, {"nicholas", 1}, {"nick", 1},
    {"nicola", 1}, {"nigel", 1}, {"ola", 1}, {"oliver", 1}, {"paul", 1},
    {"paula", 1}, {"pauline", 1}, {"peter", 1}, {"phil", 1},
    {"philip", 1}, {"priya", 1}, {"rachel", 1}, {"raj", 1},
    {"rebecca", 1}, {"richard", 1}, {"rob", 1}, {"robert", 1},
    {"roger", 1}, {"ruth", 1}, {"ryan", 1}, {"sally", 1}, {"sam", 1},
    {"samantha", 1}, {"sandra", 1}, {"sarah", 1}, {"scott", 1},
    {"sean", 1}, {"sharon", 1}, {"simon", 1}, {"sophie", 1},
    {"stephanie", 1}, {"stephen", 1}, {"steve", 1}, {"steven", 1},
    {"stuart", 1}, {"sue", 1}, {"susan", 1}, {"teresa", 1},
    {"thomas", 1}, {"tim", 1}, {"timothy", 1}, {"tom", 1}, {"tony", 1},
    {"tracey", 1}, {"tracy", 1}, {"vicki", 1}, {"victoria", 1},
    {"wendy", 1}, {"william", 1}, {"zoe", 1}, {NULL, 0}};

/* Words that make a line of a title block the plan's title (rather than
 * the council's name above it). */
const rg_word rg_title_words[] = {
    {"plan", 1}, {"tracker", 1}, {"programme", 1}, {"program", 1},
    {"progress", 1}, {"objective", 1}, {"monitoring", 1},
    {"improvement", 1}, {"update", 1}, {"report", 1}, {"action", 1},
    {"actions", 1}, {"recovery", 1}, {"performance", 1}, {"strategy", 1},
    {"project", 1}, {NULL, 0}};

/* A target's words that say there is deliberately none ("Monitor only",
 * "No target set", "Baseline year"): the indicator is reported for
 * information, as one marked "data only", so a missing target is no
 * error.  Read in the target cell (and a scorecard row's polarity or,
 * with no target, its commentary), never across a form, where "Baseline"
 * labels a figure. */
const rg_word rg_no_target_words[] = {
    {"data only", 1}, {"contextual", 1}, {"monitor only", 1},
    {"monitoring only", 1}, {"for monitoring", 1}, {"no target", 1},
    {"not targeted", 1}, {"target not set", 1}, {"trend only", 1},
    {"information only", 1}, {"for information", 1}, {"baseline", 1},
    {"baseline year", 1}, {NULL, 0}};

/* A row's first words that make it a note under a table, not a row of
 * it: "Notes" or "Note 1" in the code column with its text beside,
 * "NB", "Footnote", "Source".  Read as a prefix ("note 1", "notes"). */
const rg_word rg_note_words[] = {
    {"note", 1}, {"nb", 1}, {"n b", 1}, {"footnote", 1}, {"source", 1},
    {"please note", 1}, {NULL, 0}};

/* Words that end an action without its being done: a recommendation
 * withdrawn, superseded or whose risk management accepted is no longer
 * owed, so it is never overdue (a council officer does not chase it),
 * though its status stays what rg_status_words make of the words. */
const rg_word rg_closed_words[] = {
    {"cancelled", 1}, {"canceled", 1}, {"withdrawn", 1}, {"superseded", 1},
    {"no longer required", 1}, {"no longer applicable", 1},
    {"no longer needed", 1}, {"no longer relevant", 1},
    {"not required", 1}, {"abandoned", 1}, {"risk accepted", 1},
    {"merged with", 1}, {"merged into", 1}, {"incorporated into", 1},
    {"subsumed", 1}, {"not applicable", 1},
    {NULL, 0}};

const rg_vocab_table rg_vocab_tables[] = {
    {"header", rg_header_words},       {"status", rg_status_words},
    {"scorecard", rg_scorecard_words},
    {"label", rg_label_words},
    {"milestone", rg_milestone_words}, {"finance", rg_fin_words},
    {"rag", rg_rag_words},             {"direction", rg_direction_words},
    {"direction verb", rg_direction_verbs},
    {"polarity", rg_polarity_words},
    {"direction hint", rg_direction_hints},
    {"target bound", rg_target_bounds},
    {"kind", rg_kind_words},           {"unit", rg_unit_words},
    {"month", rg_month_words},         {"quarter", rg_quarter_words},
    {"particle", rg_name_particles},   {"title", rg_name_titles},
    {"role", rg_role_words},
    {"post head", rg_post_heads},      {"post end", rg_post_ends},
    {"post grade", rg_post_grades},    {"given name", rg_given_names},
    {"plan title", rg_title_words},
    {"closed", rg_closed_words},
    {"no target", rg_no_target_words},
    {"note", rg_note_words},
    {"to date", rg_to_date_words},
    {"frequency head", rg_frequency_heads},
    {"annual", rg_annual_words},
    {"not due", rg_not_due_words},
    {NULL, NULL}};
