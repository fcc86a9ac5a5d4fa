/* JSON text: strings escaped once, here, for the `cells`, `dump` and
 * `validate` outputs alike. */
#include <string.h>

#include "util/util.h"

void rg_json_string(FILE *f, const char *s, size_t len)
{
    const char *run = s, *end = s + len, *p;

    putc('"', f);
    for (p = s; p < end; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch >= 0x20 && ch != '"' && ch != '\\')
            continue;
        fwrite(run, 1, (size_t)(p - run), f);
        switch (ch) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default: fprintf(f, "\\u%04x", ch); break;
        }
        run = p + 1;
    }
    fwrite(run, 1, (size_t)(end - run), f);
    putc('"', f);
}

void rg_json_cstr(FILE *f, const char *s)
{
    if (s)
        rg_json_string(f, s, strlen(s));
    else
        fputs("null", f);
}
