/* The string arena: aligned bump allocation, a hard limit, one free. */
#include <stdalign.h>
#include <string.h>

#include "support.h"
#include "util/util.h"

static void test_arena_alloc_is_aligned_for_any_type(void **state)
{
    rg_arena a;
    size_t sizes[] = {1, 3, 7, 16, 17, 100, 65535, 65536, 200000, 5};
    size_t i;
    (void)state;
    rg_arena_init(&a, 0);
    for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        char *p = rg_arena_alloc(&a, sizes[i]);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % alignof(max_align_t), 0);
        memset(p, 0xAB, sizes[i]); /* ASan: the whole size is ours */
    }
    rg_arena_free(&a);
}

static void test_arena_strndup_copies_and_terminates(void **state)
{
    rg_arena a;
    char *s;
    (void)state;
    rg_arena_init(&a, 0);
    s = rg_arena_strndup(&a, "WM8 Progress", 3);
    assert_string_equal(s, "WM8");
    s = rg_arena_strndup(&a, "", 0);
    assert_string_equal(s, "");
    s = rg_arena_strdup(&a, "D16");
    assert_string_equal(s, "D16");
    assert_null(rg_arena_strdup(&a, NULL));
    s = rg_arena_printf(&a, "%s!%s", "Sheet1", "B5");
    assert_string_equal(s, "Sheet1!B5");
    rg_arena_free(&a);
}

static void test_arena_keeps_earlier_strings_when_it_grows(void **state)
{
    rg_arena a;
    char *first, *big, *after;
    (void)state;
    rg_arena_init(&a, 0);
    first = rg_arena_strdup(&a, "first");
    big = rg_arena_alloc(&a, 1 << 20); /* larger than a block */
    memset(big, 'x', 1 << 20);
    after = rg_arena_strdup(&a, "after");
    assert_string_equal(first, "first");
    assert_string_equal(after, "after");
    rg_arena_free(&a);
}

static void test_arena_limit_refuses_what_would_pass_it(void **state)
{
    rg_arena a;
    (void)state;
    rg_arena_init(&a, 100);
    assert_non_null(rg_arena_alloc(&a, 48));
    assert_null(rg_arena_alloc(&a, 64)); /* 48 + 64 > 100 */
    assert_non_null(rg_arena_alloc(&a, 16));
    assert_null(rg_arena_alloc(&a, 101));
    assert_true(a.used <= 100);
    rg_arena_free(&a);
    assert_int_equal(a.used, 0);
    assert_non_null(rg_arena_alloc(&a, 64)); /* reusable after free */
    rg_arena_free(&a);
}

static void test_arena_refuses_sizes_that_overflow(void **state)
{
    rg_arena a;
    (void)state;
    rg_arena_init(&a, 0);
    assert_null(rg_arena_alloc(&a, SIZE_MAX));
    assert_null(rg_arena_alloc(&a, SIZE_MAX - 8));
    assert_null(rg_arena_strndup(&a, "x", SIZE_MAX));
    rg_arena_free(&a);
}

static void test_arena_alloc_returns_null_when_memory_runs_out(void **state)
{
    rg_arena a;
    (void)state;
    rg_arena_init(&a, 0);
    rg_alloc_fail_after(0);
    assert_null(rg_arena_alloc(&a, 10));
    assert_null(rg_arena_strdup(&a, "x"));
    rg_alloc_fail_after(-1);
    assert_non_null(rg_arena_strdup(&a, "x"));
    rg_arena_free(&a);
    rg_arena_free(&a); /* twice is harmless */
}

/* Adopted blocks keep their strings and go with the adopting arena; the
 * adopter's head keeps its free space for what comes next. */
static void test_arena_adopt_keeps_strings_and_frees_them_once(void **state)
{
    rg_arena a, b;
    char *x, *y, *big, *z;
    (void)state;

    rg_arena_init(&a, 0);
    rg_arena_init(&b, 0);
    rg_arena_adopt(&a, &b); /* both empty */
    assert_null(a.head);
    x = rg_arena_strdup(&a, "in a");
    y = rg_arena_strdup(&b, "in b");
    big = rg_arena_alloc(&b, 200 * 1024);
    assert_non_null(x);
    assert_non_null(y);
    assert_non_null(big);
    memset(big, 'q', 200 * 1024);
    rg_arena_adopt(&a, &b);
    assert_null(b.head);
    assert_int_equal(b.used, 0);
    z = rg_arena_strdup(&a, "after");
    assert_string_equal(x, "in a");
    assert_string_equal(y, "in b");
    assert_string_equal(z, "after");
    assert_int_equal(big[200 * 1024 - 1], 'q');
    rg_arena_free(&a);
    /* into an empty arena */
    y = rg_arena_strdup(&b, "again");
    assert_non_null(y);
    rg_arena_adopt(&a, &b);
    assert_string_equal(y, "again");
    assert_null(b.head);
    rg_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_alloc_is_aligned_for_any_type),
        cmocka_unit_test(test_arena_adopt_keeps_strings_and_frees_them_once),
        cmocka_unit_test(test_arena_strndup_copies_and_terminates),
        cmocka_unit_test(test_arena_keeps_earlier_strings_when_it_grows),
        cmocka_unit_test(test_arena_limit_refuses_what_would_pass_it),
        cmocka_unit_test(test_arena_refuses_sizes_that_overflow),
        cmocka_unit_test(
            test_arena_alloc_returns_null_when_memory_runs_out),
    };
    return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
