/* The date, ref, lead and figure parsers, with the seeds' awkward cases. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "support.h"

#include "recognise/parse.h"
#include "recognise/vocab.h"

/* ---- dates ------------------------------------------------------------ */

typedef struct when_case {
    const char *text;
    const char *date;   /* "YYYY-MM-DD" or "" */
    bool text_kept, invalid;
} when_case;

/* A template's example row is no action; tasks that start with words
 * like it are. */
static void test_example_rows(void **state)
{
    static const struct {
        const char *text;
        bool example;
    } cases[] = {
        {"e.g. 1.1", true},
        {"E.g. Review the charging policy", true},
        {"eg 1.1", true},
        {"Example", true},
        {"Example:", true},
        {"Example: Review the service charging policy", true},
        {"Example action", true},
        {"(Example)", true},
        {"For example, review the policy", true},
        {"Example setting by managers", false},
        {"Examine the complaints data", false},
        {"Sample audit of case files", false},
        {"Egress routes reviewed", false},
        {"1.1", false},
        {"", false},
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (rg_example_text(cases[i].text, strlen(cases[i].text)) !=
            cases[i].example)
            fail_msg("'%s': want %s", cases[i].text,
                     cases[i].example ? "example" : "no example");
}

static void test_parse_when_reads_uk_dates_and_words(void **state)
{
    static const when_case cases[] = {
        {"19/05/2009", "2009-05-19", false, false},
        {"19/5/09", "2009-05-19", false, false},
        {" 06/05/2009 ", "2009-05-06", false, false},
        {"30.06.2009", "2009-06-30", false, false},
        {"2009-06-30", "2009-06-30", false, false},
        {"7 September 2009", "2009-09-07", false, false},
        {"7th Sept 2009", "2009-09-07", false, false},
        {"24 th September 2009", "2009-09-24", false, false},
        {"7-Sep-09", "2009-09-07", false, false},
        {"September 7, 2009", "2009-09-07", false, false},
        {"31/09/2024", "", true, true},
        {"29/02/2023", "", true, true},
        {"29/02/2024", "2024-02-29", false, false},
        {"Interim 30/09/2009 Full 30/09/2010", "", true, false},
        {"by 31/03/2010", "2010-03-31", true, false},
        {"2023/2024", "", true, false},
        {"23/24", "", true, false},
        {"Q3 2023/24", "", true, false},
        {"January 2010", "", true, false},
        {"end of November", "", true, false},
        {"Ongoing", "", true, false},
        {"w/c 30/11/09", "2009-11-30", true, false},
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const when_case *c = &cases[i];
        rg_when w = rg_parse_when(c->text, strlen(c->text));
        char got[16] = "";
        if (w.date.year)
            rag_date_format(w.date, got);
        if (strcmp(got, c->date) || w.text != c->text_kept ||
            w.invalid != c->invalid)
            fail_msg("'%s': got date '%s' text %d invalid %d", c->text, got,
                     w.text, w.invalid);
    }
    assert_true(rg_parse_when("  ", 2).empty);
}

static void test_parse_fy_reads_financial_years(void **state)
{
    static const struct {
        const char *text;
        int start; /* 0: none */
    } cases[] = {
        {"2023/24", 2023},
        {"2023/2024", 2023},
        {"2023-24", 2023},
        {"22/23 Budget £'000", 2022},
        {"Pressure on this activity in 23/24 (based on 22/23 outturn)", 2023},
        {"Q3 2023/24", 2023},
        {"Monthly Progress Update 2009/10", 2009},
        {"30/06/23", 0},
        {"2016/2018", 0},
        {"10/11", 2010},
        {"10/12", 0},
        {"QUARTER 1 (to 30/06/23)", 0},
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int y = 0;
        bool found = rg_find_fy(cases[i].text, strlen(cases[i].text), &y);
        if (found != (cases[i].start != 0) || (found && y != cases[i].start))
            fail_msg("'%s': got %d (%d)", cases[i].text, y, found);
    }
}

static void test_find_date_in_headings(void **state)
{
    static const struct {
        const char *text;
        const char *date;
        int result;
    } cases[] = {
        {"QUARTER 1 (to 30/06/23)", "2023-06-30", 1},
        {"QUARTER 4 (to 31/03/23)", "2023-03-31", 1},
        {"Quarter 2 ending 30 September 2023", "2023-09-30", 1},
        {"Date: 7 September 2009", "2009-09-07", 1},
        {"as at 31/09/2024", "", -1},
        {"Monthly Progress Update", "", 0},
        {"scheduled date for interview week commencing 30/11/09",
         "2009-11-30", 1},
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rag_date d = {0, 0, 0};
        char got[16] = "";
        int r = rg_find_date(cases[i].text, strlen(cases[i].text), 0, &d,
                             NULL, NULL);
        if (r > 0)
            rag_date_format(d, got);
        if (r != cases[i].result || strcmp(got, cases[i].date))
            fail_msg("'%s': got %d '%s'", cases[i].text, r, got);
    }
}

static void test_parse_month_label_reads_headers(void **state)
{
    static const struct {
        const char *text;
        int month, year;
    } cases[] = {
        {"April", 4, 0}, {"Apr", 4, 0}, {"Sept", 9, 0}, {"Sep", 9, 0},
        {"Aug", 8, 0}, {"Mar", 3, 0}, {"Apr-09", 4, 2009},
        {"April 2009", 4, 2009}, {"Jan '10", 1, 2010}, {"MAY", 5, 0},
        {"Maybe", 0, 0}, {"Action", 0, 0}, {"March target", 0, 0},
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int m = 0, y = 0;
        bool ok = rg_parse_month_label(cases[i].text, strlen(cases[i].text),
                                       &m, &y);
        if (!ok)
            m = 0, y = 0;
        if (m != cases[i].month || y != cases[i].year)
            fail_msg("'%s': got %d %d", cases[i].text, m, y);
    }
}

static void test_parse_quarter_reads_labels(void **state)
{
    (void)state;
    assert_int_equal(rg_parse_quarter("QUARTER 1 (to 30/06/23)", 23), 1);
    assert_int_equal(rg_parse_quarter("Q3", 2), 3);
    assert_int_equal(rg_parse_quarter("Qtr 2 update", 12), 2);
    assert_int_equal(rg_parse_quarter("Fourth quarter", 14), 4);
    assert_int_equal(rg_parse_quarter("Quarterly Monitoring", 20), 0);
}

/* ---- refs ------------------------------------------------------------- */

static void test_parse_ref_finds_ref_and_parent(void **state)
{
    static const struct {
        const char *text, *ref, *parent; /* ref NULL: not a ref */
    } cases[] = {
        {"R1a", "R1a", "R1"},
        {"R1", "R1", ""},
        {"R11c", "R11c", "R11"},
        {"25.1 (R1)", "R1", ""},
        {"25.13 (R13)", "R13", ""},
        {"1.2", "1.2", "1"},
        {"1.2.3", "1.2.3", "1.2"},
        {"2a", "2a", "2"},
        {"1(a)", "1(a)", "1"},
        /* a list under a lettered or bracketed child, written whole */
        {"1.1b(i)", "1.1b(i)", "1.1b"},
        {"2(a)(ii)", "2(a)(ii)", "2(a)"},
        {"R1a(iv)", "R1a(iv)", "R1a"},
        {"Ref.", NULL, NULL},
        {"R7b.", "R7b", "R7"},
        {"HB-12", "HB-12", ""},
        {"CS/01", "CS/01", ""},
        {"CS/01a", "CS/01a", "CS/01"},
        /* serials: an audit's, a case's, a year's number; no parent */
        {"IA/23/04", "IA/23/04", ""},
        {"C/2023/101", "C/2023/101", ""},
        {"2023-01", "2023-01", ""},
        {"1-2", "1-2", "1"},
        {"#3", "3", ""},
        {"31/03/2024", NULL, NULL},
        {"1/2", NULL, NULL},
        /* section letter, a dot, a number */
        {"A.1", "A.1", ""},
        {"B.12", "B.12", ""},
        {"A.1.2", "A.1.2", "A.1"},
        {"A.", NULL, NULL},
        {"e.g.", NULL, NULL},
        {"N/A", NULL, NULL},
        {"Q1/Q2", NULL, NULL},
        {"Key Objective WM8:", NULL, NULL},
        /* a section's heading typed in the ref column */
        {"Priority 1", "Priority 1", ""},
        {"Objective 12", "Objective 12", ""},
        {"outcome 3", "outcome 3", ""},
        {"Priority 2024", NULL, NULL},
        {"Priority 1a", NULL, NULL},
        {"Priorities 1", NULL, NULL},
        {"To produce and deliver on an Improvement Plan", NULL, NULL},
        {"Owner : Head of Finance", NULL, NULL},
        {"Date:", NULL, NULL},
        {"", NULL, NULL},
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char ref[32], parent[32];
        bool ok = rg_parse_ref(cases[i].text, strlen(cases[i].text), ref,
                               sizeof ref, parent, sizeof parent);
        if (!cases[i].ref) {
            if (ok)
                fail_msg("'%s' read as ref '%s'", cases[i].text, ref);
            continue;
        }
        if (!ok || strcmp(ref, cases[i].ref) ||
            strcmp(parent, cases[i].parent))
            fail_msg("'%s': got %d '%s' parent '%s'", cases[i].text, ok,
                     ok ? ref : "", ok ? parent : "");
    }
}

/* A sub-action's label alone, numbered under the action above. */
static void test_parse_sub_ref_numbers_labels_under_the_action_above(
    void **state)
{
    static const struct {
        const char *text, *ref, *parent; /* ref NULL: no ref */
    } rows[] = {
        {"1.1b", "1.1b", "1.1"},
        {"(i)", "1.1b(i)", "1.1b"},
        {"(ii)", "1.1b(ii)", "1.1b"},
        {"1.2", "1.2", "1"},
        {"(i)", "1.2(i)", "1.2"}, /* again, under another: another ref */
        {"a)", "1.2(a)", "1.2"},  /* a new list after the numerals */
        {"2", "2", ""},
        {"(a)", "2(a)", "2"},
        {"(i)", "2(a)(i)", "2(a)"}, /* numerals under a letter */
        {"ii.", "2(a)(ii)", "2(a)"},
        {"(b)", "2(b)", "2"},       /* back to the letters */
        {"(i)", "2(b)(i)", "2(b)"},
        {"(d)", "2(d)", "2"},       /* a letter skipped: still a letter */
        {"3", "3", ""},
        {"(h)", "3(h)", "3"},
        {"(i)", "3(i)", "3"},       /* "i" after "h" is a letter */
        {"R4", "R4", ""},
        {"(A)", "R4(A)", "R4"},
        {"B)", "R4(B)", "R4"},
        /* no labels: a section's letter, words, two letters */
        {"A.", NULL, NULL},
        {"I.", NULL, NULL},
        {"(see)", NULL, NULL},
        {"ab)", NULL, NULL},
        {"e.g.", NULL, NULL},
        {"N/A", NULL, NULL},
    };
    char prev[48] = "";
    size_t i;
    (void)state;

    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const char *t = rows[i].text;
        char ref[48] = "", parent[48] = "";
        bool ok = rg_parse_ref(t, strlen(t), ref, sizeof ref, parent,
                               sizeof parent) ||
                  rg_parse_sub_ref(t, strlen(t), prev, ref, sizeof ref,
                                   parent, sizeof parent);
        if (!rows[i].ref) {
            if (ok)
                fail_msg("'%s' read as ref '%s'", t, ref);
            continue;
        }
        if (!ok || strcmp(ref, rows[i].ref) || strcmp(parent, rows[i].parent))
            fail_msg("'%s' after '%s': got %d '%s' parent '%s'", t, prev,
                     ok, ref, parent);
        snprintf(prev, sizeof prev, "%s", ref);
    }
    /* nothing above: no ref */
    {
        char ref[48], parent[48];
        assert_false(rg_parse_sub_ref("(i)", 3, NULL, ref, sizeof ref, parent,
                                      sizeof parent));
        assert_false(rg_parse_sub_ref("(i)", 3, "", ref, sizeof ref, parent,
                                      sizeof parent));
    }
}

/* ---- leads ------------------------------------------------------------ */

static void check_leads(const char *text, const char *const *want)
{
    rg_span spans[16];
    size_t n = rg_split_leads(text, strlen(text), spans, 16), i, w = 0;
    char got[512] = "";

    for (i = 0; i < n && i < 16; i++) {
        char one[128];
        snprintf(one, sizeof one, "%.*s", (int)spans[i].len,
                 text + spans[i].start);
        strncat(got, "[", sizeof got - strlen(got) - 1);
        strncat(got, one, sizeof got - strlen(got) - 1);
        strncat(got, "]", sizeof got - strlen(got) - 1);
        if (!want[w] || strcmp(want[w], one))
            w = 999;
        else
            w++;
    }
    if (w == 999 || want[w])
        fail_msg("'%s' gave %s", text, got);
}

static void test_split_leads_as_a_reader_would(void **state)
{
    static const struct {
        const char *text;
        const char *want[6];
    } cases[] = {
        {"David Taylor/ Jane Bough", {"David Taylor", "Jane Bough"}},
        {"David Taylor /Ian Sprott", {"David Taylor", "Ian Sprott"}},
        {"Kerry Herbert / Sandra Maddox / Shona Knight",
         {"Kerry Herbert", "Sandra Maddox", "Shona Knight"}},
        {"D Taylor J Bough PDT", {"D Taylor", "J Bough", "PDT"}},
        {"Vicki Lewis David Taylor", {"Vicki Lewis", "David Taylor"}},
        {"D Taylor K Herbert S Maddox S Knight",
         {"D Taylor", "K Herbert", "S Maddox", "S Knight"}},
        {"T Kristunas D Taylor", {"T Kristunas", "D Taylor"}},
        {"D Taylor PDT", {"D Taylor", "PDT"}},
        /* a name's own initials in brackets are the same person; other
         * letters in brackets are a second lead */
        {"Jo Marsh (JM)", {"Jo Marsh"}},
        {"Kim Ann Ho (KAH) / Sam Lee", {"Kim Ann Ho", "Sam Lee"}},
        {"Jo Marsh (PDT)", {"Jo Marsh", "PDT"}},
        /* a name and her post after a comma are one lead; two posts
         * joined are two, a post with "and" inside is one */
        {"Jane Smith, Head of HR", {"Jane Smith, Head of HR"}},
        /* a person and their service in brackets */
        {"Jane Doe (HR) & Peter Smith (Finance)",
         {"Jane Doe", "HR", "Peter Smith (Finance)"}},
        {"Peter Smith (Finance) / Ann Lee (Legal Services)",
         {"Peter Smith (Finance)", "Ann Lee (Legal Services)"}},
        {"Jane Smith, Head of HR / Tom Jones, Finance Manager",
         {"Jane Smith, Head of HR", "Tom Jones, Finance Manager"}},
        {"Director of Place & Head of Planning",
         {"Director of Place", "Head of Planning"}},
        {"Head of Legal and Democratic Services",
         {"Head of Legal and Democratic Services"}},
        {"Revenues and Benefits Manager & Head of HR",
         {"Revenues and Benefits Manager", "Head of HR"}},
        {"Head of Planning & Building Control",
         {"Head of Planning & Building Control"}},
        {"Health & Safety Manager", {"Health & Safety Manager"}},
        {"Head of HR, Head of Finance", {"Head of HR", "Head of Finance"}},
        {"Head of Legal and Democratic Services and Head of HR",
         {"Head of Legal and Democratic Services", "Head of HR"}},
        {"Head of Legal and Democratic Services & Finance Manager",
         {"Head of Legal and Democratic Services", "Finance Manager"}},
        {"Chief Finance Officer & Revenues and Benefits Manager",
         {"Chief Finance Officer", "Revenues and Benefits Manager"}},
        {"D Taylor I Sprott", {"D Taylor", "I Sprott"}},
        {"David Riley", {"David Riley"}},
        {"David Taylor and Jane Bough", {"David Taylor", "Jane Bough"}},
        {"J Smith & PDT", {"J Smith", "PDT"}},
        {"Smith, Jones", {"Smith", "Jones"}},
        {"Mary Ann Smith", {"Mary Ann Smith"}},
        {"D.J. Taylor", {"D.J. Taylor"}},
        {"Cllr Smith Mrs Jones", {"Cllr Smith", "Mrs Jones"}},
        {"Anna van der Berg", {"Anna van der Berg"}},
        {"PFU service manager and Team Leaders",
         {"PFU service manager and Team Leaders"}},
        {"Head of Finance", {"Head of Finance"}},
        {"HR Team", {"HR Team"}},
        {"AD Commissioning", {"AD Commissioning"}},
        {"Finance Manager / PDT", {"Finance Manager", "PDT"}},
        {"ICT Service Desk", {"ICT Service Desk"}},
        {"D TAYLOR J BOUGH", {"D TAYLOR", "J BOUGH"}},
        /* an acronym and one word: a team; a post by its words */
        {"ICT Security", {"ICT Security"}},
        {"D Taylor ICT Security", {"D Taylor", "ICT Security"}},
        {"HR Business Partner", {"HR Business Partner"}},
        {"Senior Finance Business Partner / J Bough",
         {"Senior Finance Business Partner", "J Bough"}},
        {"PDT Jo Marsh", {"PDT", "Jo Marsh"}},
        {"", {NULL}},
        /* a place held for a name: no one (lead-missing), not "N", "A" */
        {"N/A", {NULL}},
        {"TBC", {NULL}},
        {"Vacant post", {NULL}},
        {"to be confirmed", {NULL}},
        {"?", {NULL}},
        {"NA Smith", {"NA Smith"}},
        /* a place held for a name beside a name: the name alone */
        {"Jane Smith / TBC", {"Jane Smith"}},
        {"TBA, Jane Smith", {"Jane Smith"}},
        {"Jane Smith & Vacant", {"Jane Smith"}},
        {"Jane Smith (TBC)", {"Jane Smith"}},
        {"TBC / To be confirmed", {NULL}},
        /* labels before the names go; the support officer is a lead */
        {"Lead: J Smith; Support: A Taylor", {"J Smith", "A Taylor"}},
        {"Lead officer: Jane Smith", {"Jane Smith"}},
        {"Jane Smith, supported by A Taylor", {"Jane Smith", "A Taylor"}},
        {"Officer: Head of Finance", {"Head of Finance"}},
        {"Support: TBC", {NULL}},
        /* a post by its initials after its service or grade */
        {"Finance BP", {"Finance BP"}},
        {"HR BP", {"HR BP"}},
        {"Principal EP", {"Principal EP"}},
        {"ICT PM / J Bough", {"ICT PM", "J Bough"}},
        {"D Taylor J Bough BP", {"D Taylor", "J Bough BP"}},
        {"Jo Marsh, Finance BP", {"Jo Marsh, Finance BP"}},
        {"Finance BP & HR BP", {"Finance BP", "HR BP"}},
        /* a surname, then the given name or initials */
        {"Smith, Jane", {"Smith, Jane"}},
        {"SMITH, Jane", {"SMITH, Jane"}},
        {"Taylor, D.", {"Taylor, D."}},
        {"Smith, Jane; Jones, Tom", {"Smith, Jane", "Jones, Tom"}},
        {"Mark, Sue", {"Mark", "Sue"}},
        {"Finance, HR", {"Finance", "HR"}},
        /* a post that names no service, then its service */
        {"Team Manager, Fostering", {"Team Manager, Fostering"}},
        {"Head of Service, Early Help", {"Head of Service, Early Help"}},
        {"Head of Planning, Housing & Regeneration",
         {"Head of Planning, Housing & Regeneration"}},
        {"Strategic Director, Place", {"Strategic Director, Place"}},
        {"Head of Revenues, Benefits & Customer Services",
         {"Head of Revenues, Benefits & Customer Services"}},
        {"Head of HR, Finance Team", {"Head of HR", "Finance Team"}},
        {"Finance Manager, PDT", {"Finance Manager", "PDT"}},
        {"Head of Planning, Housing", {"Head of Planning", "Housing"}},
        {"Head of HR, Jane Smith & Tom Jones",
         {"Head of HR", "Jane Smith", "Tom Jones"}},
        {"Service Manager, Head of HR", {"Service Manager", "Head of HR"}},
        /* a name on one line and her post on the next: one lead */
        {"Jane Smith\nOperations Manager", {"Jane Smith"}},
        {"Jane Smith\r\nOperations Manager\nTom Jones\nFinance Manager",
         {"Jane Smith", "Tom Jones"}},
        {"Jane Smith\nAndy Taylor", {"Jane Smith", "Andy Taylor"}},
        {"Jane Smith\nHR Team", {"Jane Smith", "HR Team"}},
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_leads(cases[i].text, cases[i].want);
}

/* ---- figures ---------------------------------------------------------- */

static void test_parse_figure_reads_values_and_units(void **state)
{
    static const struct {
        const char *text;
        double value;
        rag_unit unit;
        int decimals;
        const char *rest;
    } cases[] = {
        {"90%", 0.9, RAG_UNIT_PERCENT, 0, ""},
        {"60% Quarterly figure at end of Q2", 0.6, RAG_UNIT_PERCENT, 0,
         "Quarterly figure at end of Q2"},
        {"10.6%", 0.106, RAG_UNIT_PERCENT, 1, ""},
        {"- 19.4%", -0.194, RAG_UNIT_PERCENT, 1, ""},
        {"- 19.4% %", -0.194, RAG_UNIT_PERCENT, 1, "%"},
        {"-30%", -0.3, RAG_UNIT_PERCENT, 0, ""},
        {"\xe2\x88\x92" "18.4%", -0.184, RAG_UNIT_PERCENT, 1, ""},
        {"16 days", 16, RAG_UNIT_DAYS, 0, ""},
        {"13 working days", 13, RAG_UNIT_DAYS, 0, ""},
        {"\xc2\xa3" "80,000", 80000, RAG_UNIT_GBP, 0, ""},
        {"\xc2\xa3" "264k", 264000, RAG_UNIT_GBP, 0, ""},
        {"-2", -2, RAG_UNIT_NONE, 0, ""},
        {"1,234.5", 1234.5, RAG_UNIT_NONE, 1, ""},
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rg_figure f;
        const char *t = cases[i].text;
        if (!rg_parse_figure(t, strlen(t), &f))
            fail_msg("'%s': no figure", t);
        if (fabs(f.value - cases[i].value) > 1e-12 ||
            f.unit != cases[i].unit || f.decimals != cases[i].decimals ||
            strcmp(t + f.rest, cases[i].rest))
            fail_msg("'%s': got %.17g unit %d decimals %d rest '%s'", t,
                     f.value, f.unit, f.decimals, t + f.rest);
    }
    {
        rg_figure f;
        assert_false(rg_parse_figure("Quarterly figure at end of Q2", 29, &f));
        assert_false(rg_parse_figure("N/A", 3, &f));
    }
}

/* ---- vocabulary ------------------------------------------------------- */

static void test_vocab_tables_are_in_normal_form(void **state)
{
    const rg_vocab_table *t;
    (void)state;

    for (t = rg_vocab_tables; t->name; t++) {
        const rg_word *w;
        for (w = t->words; w->text; w++) {
            char norm[128];
            rg_norm(w->text, strlen(w->text), norm, sizeof norm);
            if (strcmp(norm, w->text))
                fail_msg("%s table: '%s' should read '%s'", t->name,
                         w->text, norm);
        }
    }
}

/* The plain rule rg_vocab_find keeps however it is indexed: the first
 * entry in table order found in norm at word boundaries (a plural "s"
 * allowed), and where. */
static size_t ref_word_at(const char *p, const char *w)
{
    size_t n = strlen(w);
    if (!n || strncmp(p, w, n))
        return 0;
    if (p[n] == '\0' || p[n] == ' ')
        return n;
    return p[n] == 's' && (p[n + 1] == '\0' || p[n + 1] == ' ') ? n + 1 : 0;
}

static int ref_find(const rg_word *t, const char *norm, size_t *at)
{
    for (; t->text; t++) {
        const char *p = norm;
        for (;;) {
            if (ref_word_at(p, t->text)) {
                *at = (size_t)(p - norm);
                return t->value;
            }
            if (!(p = strchr(p, ' ')))
                break;
            p++;
        }
    }
    return -1;
}

static void check_find(const rg_vocab_table *t, const char *norm)
{
    size_t at = 0, want_at = 0;
    int got = rg_vocab_find(t->words, norm, &at);
    int want = ref_find(t->words, norm, &want_at);
    if (got != want || (want >= 0 && at != want_at))
        fail_msg("%s table, '%s': %d at %zu, want %d at %zu", t->name, norm,
                 got, at, want, want_at);
}

/* rg_vocab_find looks only under the first bytes of norm's words, by an
 * index: every entry alone, after and before other words, in pairs with
 * its neighbours (the earlier one in the table must win), and plurals. */
static void test_vocab_find_is_the_first_entry_in_table_order(void **state)
{
    const rg_vocab_table *t;
    (void)state;

    for (t = rg_vocab_tables; t->name; t++) {
        size_t i, n = 0;
        while (t->words[n].text)
            n++;
        for (i = 0; i < n; i++) {
            const char *a = t->words[i].text;
            const char *b = t->words[(i * 7 + 3) % n].text;
            const char *c = t->words[n - 1 - i].text;
            char s[512];
            check_find(t, a);
            snprintf(s, sizeof s, "the %s of it", a);
            check_find(t, s);
            snprintf(s, sizeof s, "%ss", a);
            check_find(t, s);
            snprintf(s, sizeof s, "%s %s", c, a);
            check_find(t, s);
            snprintf(s, sizeof s, "%s and %s then %s", b, a, c);
            check_find(t, s);
            snprintf(s, sizeof s, "x%s", a);
            check_find(t, s);
        }
        check_find(t, "");
        check_find(t, "nothing here at all");
    }
}

static void test_norm_and_match(void **state)
{
    char n[128];
    (void)state;

    rg_norm("+ / - Target :", 14, n, sizeof n);
    assert_string_equal(n, "+ / - target");
    rg_norm("+/- Target", 10, n, sizeof n);
    assert_string_equal(n, "+ / - target");
    rg_norm("Comment / Corrective Action", 27, n, sizeof n);
    assert_string_equal(n, "comment / corrective action");
    assert_int_equal(rg_vocab_prefix(rg_header_words, n), RG_COL_COMMENT);
    rg_norm("Ref.", 4, n, sizeof n);
    assert_int_equal(rg_vocab_prefix(rg_header_words, n), RG_COL_REF);
    rg_norm("22/23 Budget \xc2\xa3\xe2\x80\x99" "000", 21, n, sizeof n);
    assert_string_equal(n, "22 / 23 budget £ 000");
    rg_norm("Reprogrammed/extended", 21, n, sizeof n);
    assert_int_equal(rg_vocab_find(rg_status_words, n, NULL),
                     RAG_PROGRESS_REPROGRAMMED);
    rg_norm("Over one month behind", 21, n, sizeof n);
    assert_int_equal(rg_vocab_find(rg_status_words, n, NULL),
                     RAG_PROGRESS_OVER_ONE_MONTH_BEHIND);
    rg_norm("Up to 1 month late", 18, n, sizeof n);
    assert_int_equal(rg_vocab_find(rg_status_words, n, NULL),
                     RAG_PROGRESS_ONE_MONTH_BEHIND);
    rg_norm("Not started", 11, n, sizeof n);
    assert_int_equal(rg_vocab_find(rg_status_words, n, NULL),
                     RAG_PROGRESS_PROGRAMMED);
    rg_norm("Activity/Cost centres", 21, n, sizeof n);
    assert_int_equal(rg_vocab_prefix(rg_label_words, n), RG_LBL_COST_CENTRE);
    rg_norm("Q2 Performance", 14, n, sizeof n);
    assert_int_equal(rg_vocab_prefix(rg_label_words, rg_norm_skip_period(n)),
                     RG_LBL_ACTUAL);
    rg_norm("2023/24 Target", 14, n, sizeof n);
    assert_string_equal(rg_norm_skip_period(n), "target");
    rg_norm("Year to date", 12, n, sizeof n);
    assert_string_equal(rg_norm_skip_period(n), "year to date");
    rg_norm("held to \xc2\xb1" "5%", 12, n, sizeof n);
    assert_string_equal(n, "held to + / - 5 %");
    {
        const char *q = "On Target ? (Yes = GREEN; Partial (e.g. milestones "
                        "slipped) = AMBER, No = RED)";
        rg_norm(q, strlen(q), n, sizeof n);
    }
    assert_int_equal(rg_vocab_prefix(rg_label_words, n), RG_LBL_ON_TARGET);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_when_reads_uk_dates_and_words),
        cmocka_unit_test(test_example_rows),
        cmocka_unit_test(test_parse_fy_reads_financial_years),
        cmocka_unit_test(test_find_date_in_headings),
        cmocka_unit_test(test_parse_month_label_reads_headers),
        cmocka_unit_test(test_parse_quarter_reads_labels),
        cmocka_unit_test(test_parse_ref_finds_ref_and_parent),
        cmocka_unit_test(test_parse_sub_ref_numbers_labels_under_the_action_above),
        cmocka_unit_test(test_split_leads_as_a_reader_would),
        cmocka_unit_test(test_parse_figure_reads_values_and_units),
        cmocka_unit_test(test_vocab_tables_are_in_normal_form),
        cmocka_unit_test(test_norm_and_match),
        cmocka_unit_test(test_vocab_find_is_the_first_entry_in_table_order),
    };
    return cmocka_run_group_tests_name("parse", tests, NULL, NULL);
}
