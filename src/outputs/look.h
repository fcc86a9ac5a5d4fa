/*
 * How ragbook's generated sheets look to a committee: text colours chosen
 * by contrast, statuses named in the workbook's own words, month codes
 * derived from those words, and every generated sheet printed the same
 * way.  Used by the Summary, Issues, the validation report and the
 * updated input sheets.  Internal (rg_look_).
 */
#ifndef RG_OUTPUTS_LOOK_H
#define RG_OUTPUTS_LOOK_H

#include <stdbool.h>
#include <stdint.h>

#include "ragbook/model.h"
#include "ragbook/write.h"

/* WCAG 2.1 AA for normal text: a contrast ratio of at least 4.5:1. */
#define RG_LOOK_MIN_CONTRAST 4.5

/* The longest month code, with its terminator. */
#define RG_LOOK_CODE_SIZE 8

/* WCAG 2.1 relative luminance of an RGB colour (0 black .. 1 white). */
double rg_look_luminance(uint32_t rgb);
/* (L1 + 0.05) / (L2 + 0.05), the lighter over the darker: 1 .. 21.
 * RAG_NO_COLOR counts as black for ink and white for a fill. */
double rg_look_contrast(uint32_t ink, uint32_t fill);
/* Black or white, whichever stands out more on fill: at least 4.58:1 on
 * any colour (the two meet at luminance 0.179); RAG_NO_COLOR for none. */
uint32_t rg_look_ink(uint32_t fill);
/* ink (RAG_NO_COLOR: the default black) if it reads on fill at 4.5:1,
 * else rg_look_ink(fill). */
uint32_t rg_look_keep_ink(uint32_t ink, uint32_t fill);

/*
 * The words for status s in plan p: its key's label when the key names
 * it, else the words the plan's status column of wb (may be NULL) uses
 * for it (the first action's), else the standard words ("On target").
 * Column words are copied into buf (size >= 64); the others are the
 * model's or static.
 */
const char *rg_look_status_words(const rag_workbook *wb, const rag_plan *p,
                                 rag_progress s, char *buf, size_t size);

/* The longest words a status column gives for a status (look.c), with
 * the terminator. */
#define RG_LOOK_WORDS_SIZE 41

/* The words plan p's status column gives for each status ("" for none),
 * kept while its sheet is loaded: convert releases each sheet's cells
 * once the sheet is edited (rag_sheet_unload), before the Summary. */
typedef struct rg_look_words {
    char w[RAG_PROGRESS_COUNT][RG_LOOK_WORDS_SIZE];
} rg_look_words;

/* Fill out from wb's loaded cells (wb may be NULL: no words). */
void rg_look_keep_words(const rag_workbook *wb, const rag_plan *p,
                        rg_look_words *out);

/* rg_look_status_words() with the column's words taken from kept (NULL:
 * none); what it returns lives as long as kept, the key or the model. */
const char *rg_look_status_words_kept(const rg_look_words *kept,
                                      const rag_plan *p, rag_progress s);

/*
 * The code written into a coloured month cell of plan p for status s,
 * from the key's words: the initials of the words that carry meaning
 * ("On track" OT, "More than 1 month late" M1M, "Completed" C), at most
 * three, unique in the plan; "?" for a colour the key does not name.
 * Into out (RG_LOOK_CODE_SIZE bytes).
 */
const char *rg_look_code(const rag_plan *p, rag_progress s, char *out);
/* true when text (len bytes) is a code rg_look_code() gives for p, or a
 * code of the standard words (an older conversion's). */
bool rg_look_is_code(const rag_plan *p, const char *text, size_t len);

/* Print ws as a committee paper: A4 landscape, one page wide, rows
 * first..last on every page (none when last < first), page numbers in
 * the footer. */
rag_status rg_look_print(rag_wsheet *ws, uint32_t first, uint32_t last,
                         rag_error *err);

#endif
