/*
 * A program as someone embedding ragbook writes it: count the plans a
 * workbook holds.  Built by tests/cli/install.sh against an installed
 * ragbook, through pkg-config and through find_package(ragbook).
 */
#include <stdio.h>

#include <ragbook/ragbook.h>

int main(int argc, char **argv)
{
    rag_workbook *wb = NULL;
    rag_model *m = NULL;
    rag_error err;

    if (argc != 2) {
        fprintf(stderr, "usage: plans <file.xlsx>\n");
        return 2;
    }
    rag_error_clear(&err);
    if (rag_workbook_read(argv[1], NULL, &wb, &err) != RAG_OK ||
        rag_model_build(wb, NULL, &m, &err) != RAG_OK) {
        char msg[512];
        rag_error_format(&err, msg, sizeof msg);
        fprintf(stderr, "plans: %s: %s\n", argv[1], msg);
        rag_workbook_free(wb);
        return 2;
    }
    printf("ragbook %s: %zu sheets, %zu plans\n", rag_version(),
           wb->sheet_count, m->plan_count);
    rag_model_free(m);
    rag_workbook_free(wb);
    return 0;
}
