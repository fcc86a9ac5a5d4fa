/* Number formats: the built-in codes and the date/time test. */
#include <ctype.h>
#include <stddef.h>

#include "util/util.h"

static const char *const builtin[50] = {
    [0] = "General", [1] = "0", [2] = "0.00", [3] = "#,##0",
    [4] = "#,##0.00", [5] = "\"$\"#,##0_);(\"$\"#,##0)",
    [6] = "\"$\"#,##0_);[Red](\"$\"#,##0)",
    [7] = "\"$\"#,##0.00_);(\"$\"#,##0.00)",
    [8] = "\"$\"#,##0.00_);[Red](\"$\"#,##0.00)", [9] = "0%",
    [10] = "0.00%", [11] = "0.00E+00", [12] = "# ?/?", [13] = "# ?\?/?\?",
    [14] = "mm-dd-yy", [15] = "d-mmm-yy", [16] = "d-mmm", [17] = "mmm-yy",
    [18] = "h:mm AM/PM", [19] = "h:mm:ss AM/PM", [20] = "h:mm",
    [21] = "h:mm:ss", [22] = "m/d/yy h:mm", [37] = "#,##0_);(#,##0)",
    [38] = "#,##0_);[Red](#,##0)", [39] = "#,##0.00_);(#,##0.00)",
    [40] = "#,##0.00_);[Red](#,##0.00)",
    [41] = "_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)",
    [42] = "_(\"$\"* #,##0_);_(\"$\"* \\(#,##0\\);_(\"$\"* \"-\"_);_(@_)",
    [43] = "_(* #,##0.00_);_(* \\(#,##0.00\\);_(* \"-\"??_);_(@_)",
    [44] = "_(\"$\"* #,##0.00_)_(\"$\"* \\(#,##0.00\\)_(\"$\"* \"-\"??_)_(@_)",
    [45] = "mm:ss", [46] = "[h]:mm:ss", [47] = "mmss.0", [48] = "##0.0E+0",
    [49] = "@"};

const char *rag_numfmt_builtin(uint32_t id)
{
    return id < 50 ? builtin[id] : NULL;
}

bool rag_numfmt_is_date(uint32_t id, const char *code)
{
    const char *p;

    if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))
        return true;
    if (!code)
        return false;
    for (p = code; *p; p++) {
        int c = tolower((unsigned char)*p);
        switch (c) {
        case '"': /* quoted text */
            for (p++; *p && *p != '"'; p++)
                ;
            if (!*p)
                return false;
            break;
        case '\\': /* escaped character */
        case '_':  /* space as wide as the next character */
        case '*':  /* fill with the next character */
            if (!p[1])
                return false;
            p++;
            break;
        case '[': {
            /* [Red], [$-409], [>100]: skip; [h], [mm], [ss]: elapsed time */
            const char *q = p + 1;
            int t = tolower((unsigned char)*q);
            if (t == 'h' || t == 'm' || t == 's') {
                while (tolower((unsigned char)*q) == t)
                    q++;
                if (*q == ']')
                    return true;
            }
            while (*p && *p != ']')
                p++;
            if (!*p)
                return false;
            break;
        }
        case ';': /* only the first section decides */
            return false;
        case 'd': case 'm': case 'y': case 'h': case 's':
            return true;
        default:
            break;
        }
    }
    return false;
}
