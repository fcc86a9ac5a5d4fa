/*
 * The words of the council workbooks ragbook had not seen (issue 9), one
 * table per family: statuses by meaning (prefixes, negation, quantities,
 * new dates), leads with titles and posts with brackets, dotted refs,
 * money as councils write it.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "support.h"

#include "recognise/parse.h"

/* ---- statuses --------------------------------------------------------- */

static void test_status_words_by_meaning(void **state)
{
    static const struct {
        const char *text;
        rag_progress want;
    } cases[] = {
        /* prefixes make another word */
        {"Re-planned", RAG_PROGRESS_REPROGRAMMED},
        {"Re-programmed", RAG_PROGRESS_REPROGRAMMED},
        {"Replanned", RAG_PROGRESS_REPROGRAMMED},
        {"Reprogrammed/extended", RAG_PROGRESS_REPROGRAMMED},
        {"Re-scheduled", RAG_PROGRESS_REPROGRAMMED},
        {"In-complete", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"Incomplete", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"Uncompleted", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"Planned", RAG_PROGRESS_PROGRAMMED},
        {"Programmed dates", RAG_PROGRESS_PROGRAMMED},
        /* negation */
        {"Not on track", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"Not complete", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"Not yet complete", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"Not started", RAG_PROGRESS_PROGRAMMED},
        {"Not yet started", RAG_PROGRESS_PROGRAMMED},
        {"On track", RAG_PROGRESS_ON_TARGET},
        {"In progress", RAG_PROGRESS_ON_TARGET},
        /* quantities, with their comparison */
        {"Late (less than 4 weeks)", RAG_PROGRESS_ONE_MONTH_BEHIND},
        {"Late (more than 4 weeks)", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"Slipped by over a month", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"Slipped by up to a month", RAG_PROGRESS_ONE_MONTH_BEHIND},
        {"Up to 1 month late", RAG_PROGRESS_ONE_MONTH_BEHIND},
        {"Less than one month behind", RAG_PROGRESS_ONE_MONTH_BEHIND},
        {"More than 1 month behind", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"Over one month behind", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"One month behind", RAG_PROGRESS_ONE_MONTH_BEHIND},
        {"1 month behind", RAG_PROGRESS_ONE_MONTH_BEHIND},
        {"2 months behind", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"30 days late", RAG_PROGRESS_ONE_MONTH_BEHIND},
        {"Delayed by more than 30 days", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"Delayed within 4 weeks", RAG_PROGRESS_ONE_MONTH_BEHIND},
        {"Behind schedule (1-3 months)", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"Late 1 month +", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"No more than 1 month late", RAG_PROGRESS_ONE_MONTH_BEHIND},
        /* a figure too long to be a quantity (was a signed overflow) */
        {"Late by 4978661360 weeks", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        /* a new date is a reprogramme */
        {"New end date agreed", RAG_PROGRESS_REPROGRAMMED},
        {"Revised date agreed", RAG_PROGRESS_REPROGRAMMED},
        {"Deadline extended", RAG_PROGRESS_REPROGRAMMED},
        {"Timescale revised", RAG_PROGRESS_REPROGRAMMED},
        {"Postponed", RAG_PROGRESS_REPROGRAMMED},
        {"Progressing as planned", RAG_PROGRESS_ON_TARGET},
        {"Deferred", RAG_PROGRESS_SUSPENDED},
        /* the rest as before */
        {"Suspended", RAG_PROGRESS_SUSPENDED},
        {"On hold", RAG_PROGRESS_SUSPENDED},
        {"Complete", RAG_PROGRESS_COMPLETE},
        {"Completed", RAG_PROGRESS_COMPLETE},
        {"Programmed", RAG_PROGRESS_PROGRAMMED},
        /* a RAG initial set off from its words says the status */
        {"R - significant issues", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"G: on track", RAG_PROGRESS_ON_TARGET},
        {"A (slipping)", RAG_PROGRESS_ONE_MONTH_BEHIND},
        {"A review of the policy", RAG_PROGRESS_NONE},
        /* not amber by its "A"; "under way" says in progress */
        {"A review is under way", RAG_PROGRESS_ON_TARGET},
        {"Green (complete)", RAG_PROGRESS_COMPLETE},
        /* done in part is under way, not done */
        {"Partially complete", RAG_PROGRESS_ON_TARGET},
        {"Substantially completed", RAG_PROGRESS_ON_TARGET},
        {"Ahead of schedule", RAG_PROGRESS_ON_TARGET},
        /* phrases whose inner words would mislead */
        {"Risk of delay", RAG_PROGRESS_ONE_MONTH_BEHIND},
        {"Will not be achieved", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"Target unlikely to be met", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"Likely to be met", RAG_PROGRESS_ON_TARGET},
        {"Not likely to be met", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"Stalled", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"Yet to start", RAG_PROGRESS_PROGRAMMED},
        {"Not yet commenced", RAG_PROGRESS_PROGRAMMED},
        {"Progressing", RAG_PROGRESS_ON_TARGET},
        {"Not progressing", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        /* a figure alone is a result, not a status; a bound makes it one */
        {"5.8 days", RAG_PROGRESS_NONE},
        {"2 months", RAG_PROGRESS_NONE},
        {"Up to 1 month", RAG_PROGRESS_ONE_MONTH_BEHIND},
        {"Monthly Progress Update", RAG_PROGRESS_NONE},
        /* done in councils' other words: handed to routine work, put to
         * the board to close, a tick; "Met" only alone */
        {"Business as usual", RAG_PROGRESS_COMPLETE},
        {"Complete - now BAU", RAG_PROGRESS_COMPLETE},
        {"Embedded", RAG_PROGRESS_COMPLETE},
        {"Proposed for closure", RAG_PROGRESS_COMPLETE},
        {"Recommend closure", RAG_PROGRESS_COMPLETE},
        {"\xe2\x9c\x94", RAG_PROGRESS_COMPLETE},
        {" \xe2\x9c\x93 ", RAG_PROGRESS_COMPLETE},
        {"Met", RAG_PROGRESS_COMPLETE},
        {"The board met in June", RAG_PROGRESS_NONE},
        {"Partially met", RAG_PROGRESS_ON_TARGET},
        {"In train", RAG_PROGRESS_ON_TARGET},
        {"Underway", RAG_PROGRESS_ON_TARGET},
        {"Carried forward", RAG_PROGRESS_REPROGRAMMED},
        {"Merged with A3", RAG_PROGRESS_SUSPENDED},
        /* a key's colours in words of how much is wrong */
        {"Significant issues", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"Serious concerns", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"Requires intervention", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"Little or no progress", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"Substantial slippage", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"Critical", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"Some concerns", RAG_PROGRESS_ONE_MONTH_BEHIND},
        {"Minor issues", RAG_PROGRESS_ONE_MONTH_BEHIND},
        {"Needs attention", RAG_PROGRESS_ONE_MONTH_BEHIND},
        {"Limited progress", RAG_PROGRESS_ONE_MONTH_BEHIND},
        {"No issues", RAG_PROGRESS_ON_TARGET},
        {"No significant issues", RAG_PROGRESS_ON_TARGET},
        {"Good progress", RAG_PROGRESS_ON_TARGET},
        {"Satisfactory", RAG_PROGRESS_ON_TARGET},
        {"Unsatisfactory", RAG_PROGRESS_OVER_ONE_MONTH_BEHIND},
        {"Good", RAG_PROGRESS_ON_TARGET},
        {"Good links with the CCG", RAG_PROGRESS_NONE},
        {"", RAG_PROGRESS_NONE},
    };
    size_t i, bad = 0;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rag_progress got = rg_status_of(cases[i].text, strlen(cases[i].text));
        if (got != cases[i].want && ++bad)
            print_error("'%s': got %s, want %s\n", cases[i].text,
                     rag_progress_name(got) ? rag_progress_name(got) : "none",
                     rag_progress_name(cases[i].want)
                         ? rag_progress_name(cases[i].want)
                         : "none");
    }
    assert_int_equal(bad, 0);
}

/* An action ended without being done is closed (never overdue); one
 * paused, or whose closure is denied, is still owed. */
static void test_closed_words_end_an_action(void **state)
{
    static const struct {
        const char *text;
        bool closed;
    } cases[] = {
        {"Cancelled", true},
        {"Withdrawn", true},
        {"Superseded by HB4", true},
        {"No longer required", true},
        {"No longer applicable - service outsourced", true},
        {"Risk accepted", true},
        {"Not required", true},
        {"Merged with A3", true},
        {"Not applicable", true},
        {"Not cancelled", false},
        {"Never withdrawn", false},
        {"On hold", false},
        {"Suspended", false},
        {"Deferred", false},
        {"Complete", false},
        {"Required by March", false},
        {"", false},
    };
    size_t i, bad = 0;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bool got = rg_status_closed(cases[i].text, strlen(cases[i].text));
        if (got != cases[i].closed && ++bad)
            print_error("'%s': closed %d, want %d\n", cases[i].text, got,
                        cases[i].closed);
    }
    assert_int_equal(bad, 0);
}

/* ---- leads and refs --------------------------------------------------- */

static void test_leads_keep_titles_and_posts_whole(void **state)
{
    static const struct {
        const char *text;
        const char *want[4];
    } cases[] = {
        {"Cllr Jo Marsh", {"Cllr Jo Marsh"}},
        {"Councillor Ann Lee", {"Councillor Ann Lee"}},
        {"Cllr Jo Marsh Ann Lee", {"Cllr Jo Marsh", "Ann Lee"}},
        {"Cllr Smith Ann Lee", {"Cllr Smith", "Ann Lee"}},
        {"Cllr Smith Mrs Jones", {"Cllr Smith", "Mrs Jones"}},
        {"Head of Service (Housing Options)",
         {"Head of Service (Housing Options)"}},
        {"Service Manager (Revenues) / Jo Marsh",
         {"Service Manager (Revenues)", "Jo Marsh"}},
    };
    size_t i, bad = 0;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rg_span sp[8];
        const char *t = cases[i].text;
        size_t n = rg_split_leads(t, strlen(t), sp, 8), k;
        bool same = n <= 4 && (n == 4 || !cases[i].want[n]);
        for (k = 0; k < n && k < 4; k++)
            same = same && cases[i].want[k] &&
                   strlen(cases[i].want[k]) == sp[k].len &&
                   !memcmp(cases[i].want[k], t + sp[k].start, sp[k].len);
        if (!same) {
            bad++;
            print_error("'%s': %zu leads, first '%.*s'\n", t, n,
                        n ? (int)sp[0].len : 0, n ? t + sp[0].start : "");
        }
    }
    assert_int_equal(bad, 0);
}

static void test_dotted_refs_have_parents(void **state)
{
    static const struct {
        const char *text, *ref, *parent;
    } cases[] = {
        {"1.1", "1.1", "1"},
        {"1.1.a", "1.1.a", "1.1"},
        {"2.3.b", "2.3.b", "2.3"},
        {"2.3-b", "2.3-b", "2.3"},
        {"1.1.2", "1.1.2", "1.1"},
        {"3", "3", ""},
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char ref[32], parent[32];
        const char *t = cases[i].text;
        if (!rg_parse_ref(t, strlen(t), ref, sizeof ref, parent,
                          sizeof parent))
            fail_msg("'%s' is no ref", t);
        if (strcmp(ref, cases[i].ref) || strcmp(parent, cases[i].parent))
            fail_msg("'%s': ref '%s' parent '%s'", t, ref, parent);
    }
}

/* ---- money ------------------------------------------------------------ */

static void test_money_as_councils_write_it(void **state)
{
    static const struct {
        const char *text;
        double value;
    } cases[] = {
        {"\xc2\xa3" "80k", 80000},     {"\xc2\xa3" "1.2m", 1200000},
        {"(45)", -45},                   {"(\xc2\xa3" "45k)", -45000},
        {"-45", -45},                    {"1,234", 1234},
        {"(see note) 12", 12},
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rg_figure f;
        const char *t = cases[i].text;
        if (!rg_parse_figure(t, strlen(t), &f))
            fail_msg("'%s': no figure", t);
        if (fabs(f.value - cases[i].value) > 1e-9)
            fail_msg("'%s': got %.17g", t, f.value);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_status_words_by_meaning),
        cmocka_unit_test(test_closed_words_end_an_action),
        cmocka_unit_test(test_leads_keep_titles_and_posts_whole),
        cmocka_unit_test(test_dotted_refs_have_parents),
        cmocka_unit_test(test_money_as_councils_write_it),
    };
    return cmocka_run_group_tests_name("words", tests, NULL, NULL);
}
