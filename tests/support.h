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

#endif
