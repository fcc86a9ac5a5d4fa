/*
 * The business rules, written once: the calendar (days in a month, day
 * numbers, two-digit years, financial years, due words to a date) and the
 * RAG rating (rag_rate in include/ragbook/model.h).  Recognition,
 * validation and every output call these, so `dump`, `validate`, `convert`
 * and `consolidate` cannot disagree about one action or one indicator.
 */
#ifndef RG_MODEL_RULES_H
#define RG_MODEL_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "ragbook/model.h"

/* Days in month m (1..12) of year y; 0 for a month that does not exist. */
int rg_month_days(int y, int m);

/* true when y-m-d is a day of the Gregorian calendar, years 1900..9999. */
bool rg_date_valid(int y, int m, int d);

/* The year a two-digit year stands for: 2000-2069 or 1970-1999. */
int rg_two_digit_year(int yy);

/* The latest date written in due words: "30/09/2010", "2010-09-30",
 * "Interim 30/09/99 Full 31/03/00" (the later), a financial year
 * "2023/2024", "2023/24" or "23/24" (its 31 March).  false when none. */
bool rg_due_from_text(const char *text, rag_date *out);

/* The first year of a financial year written in words ("2023/24" gives
 * 2023); 0 when the words hold none. */
int rg_fy_start_from_text(const char *text);

/* The RAG a cell's fill colour shows when no key says otherwise: red,
 * amber (orange to yellow) or green by hue; RAG_RATING_NONE for greys,
 * whites, blues and anything pale or dark. */
rag_rating rg_rating_of_fill(uint32_t rgb);

/* An action's status on a day when it is past its due date and not
 * complete: what it states, unless that says it is on course (on target,
 * programmed, or nothing stated), which the date contradicts; then up to
 * a month behind, or over a month behind when the date passed more than
 * 31 days ago.  Complete, suspended and reprogrammed (a new date agreed)
 * stand as stated.  due and as_of: the action's due date and the day. */
rag_progress rg_status_when_late(rag_progress stated, rag_date due,
                                 rag_date as_of);

/* true when a comment opens by saying its action is done: "Complete",
 * "Completed - letter sent", "Implemented in May", "Went live 1 August",
 * "Signed off by DMT"; not "Complete?", "Completion due in May" or "Not
 * complete".  Recognition reads such an action as complete, and
 * validation (for a model built by hand) never calls it overdue. */
bool rg_says_complete(const char *comment);

/* Colour families a key names in words ("Green = on track"). */
typedef enum rg_family {
    RG_FAMILY_NONE = 0, RG_FAMILY_RED, RG_FAMILY_AMBER, RG_FAMILY_GREEN,
    RG_FAMILY_BLUE, RG_FAMILY_PURPLE, RG_FAMILY_GREY, RG_FAMILY_WHITE,
    RG_FAMILY_BLACK
} rg_family;

/* The family of a fill colour: one of its name's shades, or NONE for the
 * colours between families (a teal, a red-orange). */
rg_family rg_family_of_fill(uint32_t rgb);
/* The family a colour word names ("green", "amber", "orange", "yellow",
 * "blue", "purple", "grey", "gray", "white", "black"), len bytes, any
 * case; NONE for other words.  *usual gets the shade a key of that word
 * is drawn with. */
rg_family rg_family_of_word(const char *w, size_t len, uint32_t *usual);

#endif
