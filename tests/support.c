#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "support.h"

const char *shared_path(const char *rel)
{
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s/%s", RAG_SHARED_DIR, rel);
    return buf;
}

const char *data_path(const char *rel)
{
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s/%s", RAG_TEST_DATA, rel);
    return buf;
}

bool shared_available(void)
{
    struct stat st;
    return stat(RAG_SHARED_DIR "/fixtures", &st) == 0;
}

bool ci_set(void)
{
    const char *ci = getenv("CI");
    return ci && *ci;
}
