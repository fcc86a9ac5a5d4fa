/* JSON text: strings escaped once, here, for the `cells`, `dump` and
 * `validate` outputs alike. */
#include <string.h>

#include "util/util.h"

bool rg_json_buf(rg_buf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const char *run = s, *end = s + len, *p;
    bool ok = rg_buf_putc(b, '"');

    for (p = s; p < end && ok; p++) {
        unsigned char ch = (unsigned char)*p;
        char esc[7];
        const char *e = esc;
        size_t n = 2;

        if (ch >= 0x20 && ch != '"' && ch != '\\')
            continue;
        ok = rg_buf_append(b, run, (size_t)(p - run));
        switch (ch) {
        case '"': e = "\\\""; break;
        case '\\': e = "\\\\"; break;
        case '\n': e = "\\n"; break;
        case '\r': e = "\\r"; break;
        case '\t': e = "\\t"; break;
        default:
            memcpy(esc, "\\u00", 4);
            esc[4] = hex[ch >> 4];
            esc[5] = hex[ch & 15];
            n = 6;
            break;
        }
        ok = ok && rg_buf_append(b, e, n);
        run = p + 1;
    }
    return ok && rg_buf_append(b, run, (size_t)(end - run)) &&
           rg_buf_putc(b, '"');
}

void rg_json_string(FILE *f, const char *s, size_t len)
{
    rg_buf b = {NULL, 0, 0};

    if (rg_json_buf(&b, s, len))
        fwrite(b.data, 1, b.len, f);
    else /* out of memory: the stream's error flag tells the caller */
        fputs("\"\"", f);
    rg_buf_free(&b);
}

void rg_json_cstr(FILE *f, const char *s)
{
    if (s)
        rg_json_string(f, s, strlen(s));
    else
        fputs("null", f);
}
