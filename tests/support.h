/* Shared by the cmocka tests: cmocka's includes, and paths. */
#ifndef RG_TEST_SUPPORT_H
#define RG_TEST_SUPPORT_H

#include <stdarg.h> /* cmocka 1.1.5 needs these four before <cmocka.h> */
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>

/* "<shared>/<rel>" in a static buffer (one at a time). */
const char *shared_path(const char *rel);
/* "<tests/data>/<rel>" in a static buffer (one at a time). */
const char *data_path(const char *rel);
/* true when the shared folder (fixtures, corpus) is there. */
bool shared_available(void);
/* true when the environment says this is CI (CI set and not empty). */
bool ci_set(void);

/* Skips the running test when the shared folder is missing, but fails it
 * when CI is set: a test that cannot find its data must not pass by
 * skipping (issue 16).  A macro because cmocka's skip() and fail_msg()
 * name the caller's file and line. */
#define NEED_SHARED()                                                         \
    do {                                                                      \
        if (shared_available())                                               \
            break;                                                            \
        if (ci_set())                                                         \
            fail_msg("%s/fixtures is missing (CI is set: no skipping)",       \
                     RAG_SHARED_DIR);                                         \
        print_message("SKIP: no %s/fixtures\n", RAG_SHARED_DIR);              \
        skip();                                                               \
    } while (0)

#endif
