/*
 * Replay inputs through the fuzz target without libFuzzer: every file
 * named, and every file in every folder named, goes to
 * LLVMFuzzerTestOneInput() once.  ctest runs it over tests/data/fuzz (the
 * crashers the fuzzer found, kept small) and the fixtures, with gcc, and
 * under ASan/UBSan in the sanitizer build.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    uint8_t *data = NULL;
    size_t size = 0, cap = 0, n;

    if (!f) {
        fprintf(stderr, "replay: cannot open %s\n", path);
        return -1;
    }
    for (;;) {
        if (size == cap) {
            uint8_t *p;
            cap = cap ? cap * 2 : 65536;
            p = realloc(data, cap);
            if (!p) {
                free(data);
                fclose(f);
                return -1;
            }
            data = p;
        }
        n = fread(data + size, 1, cap - size, f);
        if (n == 0)
            break;
        size += n;
    }
    fclose(f);
    LLVMFuzzerTestOneInput(data, size);
    free(data);
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    int i, count = 0, bad = 0;

    for (i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            /* CI set: inputs that cannot be found fail (issue 16). */
            const char *ci = getenv("CI");
            fprintf(stderr, "replay: no %s (%s)\n", argv[i],
                    ci && *ci ? "CI is set: a failure" : "skipped");
            if (ci && *ci)
                bad++;
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            DIR *d = opendir(argv[i]);
            struct dirent *e;
            char **names = NULL;
            size_t n = 0, cap = 0, k;
            while (d && (e = readdir(d))) {
                char path[4096];
                struct stat fst;
                snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
                if (e->d_name[0] == '.' || stat(path, &fst) != 0 ||
                    !S_ISREG(fst.st_mode))
                    continue;
                if (n == cap) {
                    char **p;
                    cap = cap ? cap * 2 : 64;
                    p = realloc(names, cap * sizeof *names);
                    if (!p)
                        break;
                    names = p;
                }
                names[n] = malloc(strlen(path) + 1);
                if (!names[n])
                    break;
                strcpy(names[n++], path);
            }
            if (d)
                closedir(d);
            if (n > 1)
                qsort(names, n, sizeof *names, by_name);
            for (k = 0; k < n; k++) {
                if (replay_file(names[k]) == 0)
                    count++;
                else
                    bad++;
                free(names[k]);
            }
            free(names);
        } else if (replay_file(argv[i]) == 0) {
            count++;
        } else {
            bad++;
        }
    }
    printf("replay: %d inputs replayed, %d unreadable\n", count, bad);
    return bad ? 1 : 0;
}
