/* recognise/merges.c: the merge index answers as rag_sheet_merge_at does,
 * on merges that do not overlap (any valid sheet), and stays fast and
 * safe on merges that do (a crafted one), tall or not. */
#include <stdlib.h>
#include <string.h>

#include "support.h"

#include "recognise/recognise.h"

/* A small deterministic generator, so a failure repeats. */
static uint32_t next(uint32_t *s)
{
    *s = *s * 1103515245u + 12345u;
    return (*s >> 8) & 0xFFFFFF;
}

/* n merges that do not overlap: cells of a 200 x 40 grid taken in turn */
static size_t disjoint(rag_range *m, size_t n, uint32_t *seed)
{
    static unsigned char used[200][40];
    size_t k = 0, tries;

    memset(used, 0, sizeof used);
    for (tries = 0; k < n && tries < 100000; tries++) {
        uint32_t r = next(seed) % 200, c = next(seed) % 40;
        uint32_t h = 1 + next(seed) % 6, w = 1 + next(seed) % 4, i, j;
        bool free_ = r + h <= 200 && c + w <= 40 && (h > 1 || w > 1);
        for (i = r; free_ && i < r + h; i++)
            for (j = c; free_ && j < c + w; j++)
                free_ = !used[i][j];
        if (!free_)
            continue;
        for (i = r; i < r + h; i++)
            for (j = c; j < c + w; j++)
                used[i][j] = 1;
        m[k].first_row = r;
        m[k].first_col = c;
        m[k].last_row = r + h - 1;
        m[k].last_col = c + w - 1;
        k++;
    }
    return k;
}

static void test_index_answers_as_the_walk(void **state)
{
    rag_range m[600];
    rag_sheet s;
    rg_merge_index *x;
    uint32_t seed = 7, r, c;
    (void)state;

    memset(&s, 0, sizeof s);
    s.merges = m;
    s.merge_count = disjoint(m, 600, &seed);
    assert_true(s.merge_count > 300);
    x = rg_merge_index_new(&s);
    assert_non_null(x);
    for (r = 0; r < 210; r++)
        for (c = 0; c < 45; c++)
            assert_ptr_equal(rg_merge_index_at(x, r, c),
                             rag_sheet_merge_at(&s, r, c));
    rg_merge_index_free(x);
}

/* Merges that overlap, and tall ones past what the rows hold: every
 * answer is a merge that holds the cell, or none, and nothing is read
 * out of bounds (ASan). */
static void test_index_on_crafted_merges(void **state)
{
    enum { N = 3000 };
    rag_range *m = calloc(N, sizeof *m);
    rag_sheet s;
    rg_merge_index *x;
    uint32_t seed = 11, r, c;
    size_t i;
    (void)state;

    assert_non_null(m);
    for (i = 0; i < N; i++) {
        uint32_t r0 = next(&seed) % 1000, c0 = next(&seed) % 50;
        /* a third of them a million rows tall: past the cap together */
        uint32_t h = i % 3 == 0 ? RAG_MAX_ROWS - r0 : 1 + next(&seed) % 30;
        m[i].first_row = r0;
        m[i].first_col = c0;
        m[i].last_row = r0 + h - 1;
        m[i].last_col = c0 + next(&seed) % 5;
    }
    memset(&s, 0, sizeof s);
    s.merges = m;
    s.merge_count = N;
    x = rg_merge_index_new(&s);
    assert_non_null(x);
    for (r = 0; r < 1100; r += 3)
        for (c = 0; c < 60; c++) {
            const rag_range *got = rg_merge_index_at(x, r, c);
            if (got)
                assert_true(r >= got->first_row && r <= got->last_row &&
                            c >= got->first_col && c <= got->last_col);
        }
    assert_null(rg_merge_index_at(x, RAG_MAX_ROWS + 5, 3));
    rg_merge_index_free(x);
    free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_index_answers_as_the_walk),
        cmocka_unit_test(test_index_on_crafted_merges),
    };
    return cmocka_run_group_tests_name("merges", tests, NULL, NULL);
}
