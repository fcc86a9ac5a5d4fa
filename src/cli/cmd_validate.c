/* ragbook validate: not built yet (see the open issues). */
#include "cli/cli.h"

int cmd_validate(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "ragbook validate: not available in this build yet\n");
    return RAG_EXIT_TROUBLE;
}
