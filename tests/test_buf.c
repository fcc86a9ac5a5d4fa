/* The growable byte buffer and rg_grow. */
#include <string.h>

#include "support.h"
#include "util/util.h"

static void test_buf_append_keeps_text_nul_terminated(void **state)
{
    rg_buf b = {NULL, 0, 0};
    (void)state;
    assert_true(rg_buf_append(&b, "abc", 3));
    assert_true(rg_buf_puts(&b, "de"));
    assert_true(rg_buf_putc(&b, 'f'));
    assert_true(rg_buf_append(&b, "ignored", 0));
    assert_int_equal(b.len, 6);
    assert_string_equal(b.data, "abcdef");
    rg_buf_free(&b);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, 0);
}

static void test_buf_printf_handles_long_output(void **state)
{
    rg_buf b = {NULL, 0, 0};
    char want[1001];
    (void)state;
    memset(want, 'x', 1000);
    want[1000] = '\0';
    assert_true(rg_buf_printf(&b, "%s=%d", "n", 42));
    assert_true(rg_buf_printf(&b, "|%s", want)); /* past the 256 fast path */
    assert_int_equal(b.len, 4 + 1 + 1000);
    assert_memory_equal(b.data, "n=42|", 5);
    assert_memory_equal(b.data + 5, want, 1000);
    assert_int_equal(b.data[b.len], '\0');
    rg_buf_free(&b);
}

static void test_buf_reset_empties_but_keeps_memory(void **state)
{
    rg_buf b = {NULL, 0, 0};
    size_t cap;
    (void)state;
    assert_true(rg_buf_puts(&b, "hello"));
    cap = b.cap;
    rg_buf_reset(&b);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.data, "");
    assert_int_equal(b.cap, cap);
    rg_buf_free(&b);
    rg_buf_reset(&b); /* on an empty buffer: harmless */
}

static void test_buf_append_fails_cleanly_without_memory(void **state)
{
    rg_buf b = {NULL, 0, 0};
    (void)state;
    assert_true(rg_buf_puts(&b, "kept"));
    rg_alloc_fail_after(0);
    assert_false(rg_buf_append(&b, "0123456789012345678901234567890123", 34));
    assert_false(rg_buf_printf(&b, "%0300d", 1));
    rg_alloc_fail_after(-1);
    assert_string_equal(b.data, "kept"); /* unchanged and still valid */
    assert_int_equal(b.len, 4);
    assert_false(rg_buf_append(&b, "x", SIZE_MAX)); /* overflow */
    rg_buf_free(&b);
}

static void test_grow_refuses_overflowing_sizes(void **state)
{
    void *items = NULL;
    size_t cap = 0;
    (void)state;
    assert_true(rg_grow(&items, &cap, 10, 4));
    assert_true(cap >= 10);
    assert_false(rg_grow(&items, &cap, SIZE_MAX / 2 + 2, 1));
    assert_false(rg_grow(&items, &cap, SIZE_MAX / 8, 16));
    assert_non_null(items); /* still the old block */
    assert_true(rg_grow(&items, &cap, 5, 4)); /* already big enough */
    rg_free(items);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf_append_keeps_text_nul_terminated),
        cmocka_unit_test(test_buf_printf_handles_long_output),
        cmocka_unit_test(test_buf_reset_empties_but_keeps_memory),
        cmocka_unit_test(test_buf_append_fails_cleanly_without_memory),
        cmocka_unit_test(test_grow_refuses_overflowing_sizes),
    };
    return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}
