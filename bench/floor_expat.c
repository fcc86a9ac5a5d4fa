/*
 * A second floor for the benchmark: what any reader built on minizip and
 * expat (as ragbook is) must pay before it does anything with a cell.
 * Inflates each named part of an XLSX file and runs it through expat with
 * start, end and character-data handlers that only count, the same three
 * handlers ragbook sets.  Not part of ragbook; built by bench/bench.py.
 *
 *     floor_expat FILE.xlsx PART...
 *     cc -O2 floor_expat.c $(pkg-config --cflags --libs minizip expat zlib)
 */
#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <unzip.h>

static unsigned long elements, texts;

static void XMLCALL on_start(void *d, const XML_Char *n, const XML_Char **a)
{
    (void)d; (void)n; (void)a;
    elements++;
}

static void XMLCALL on_end(void *d, const XML_Char *n)
{
    (void)d; (void)n;
}

static void XMLCALL on_text(void *d, const XML_Char *s, int len)
{
    (void)d; (void)s; (void)len;
    texts++;
}

int main(int argc, char **argv)
{
    static char buf[1 << 16];
    unzFile z;
    int i;

    if (argc < 3) {
        fprintf(stderr, "usage: floor_expat FILE.xlsx PART...\n");
        return 2;
    }
    if (!(z = unzOpen64(argv[1]))) {
        fprintf(stderr, "floor_expat: %s: not a zip\n", argv[1]);
        return 2;
    }
    for (i = 2; i < argc; i++) {
        XML_Parser p = XML_ParserCreate(NULL);
        int n;

        XML_SetElementHandler(p, on_start, on_end);
        XML_SetCharacterDataHandler(p, on_text);
        if (unzLocateFile(z, argv[i], 1) != UNZ_OK ||
            unzOpenCurrentFile(z) != UNZ_OK) {
            fprintf(stderr, "floor_expat: %s: no part %s\n", argv[1], argv[i]);
            return 2;
        }
        while ((n = unzReadCurrentFile(z, buf, sizeof buf)) > 0) {
            if (XML_Parse(p, buf, n, XML_FALSE) != XML_STATUS_OK)
                break;
        }
        if (n < 0 || XML_Parse(p, "", 0, XML_TRUE) != XML_STATUS_OK) {
            fprintf(stderr, "floor_expat: %s: %s: %s\n", argv[1], argv[i],
                    n < 0 ? "inflate error"
                          : XML_ErrorString(XML_GetErrorCode(p)));
            return 2;
        }
        unzCloseCurrentFile(z);
        XML_ParserFree(p);
    }
    unzClose(z);
    printf("%lu elements, %lu text events\n", elements, texts);
    return 0;
}
