/* ragbook dump: not built yet (see the open issues). */
#include "cli/cli.h"

int cmd_dump(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "ragbook dump: not available in this build yet\n");
    return RAG_EXIT_TROUBLE;
}
