/*
 * The command's documentation, made at build time by tools/ragdoc.c from
 * docs/man/ragbook*.scd, the one source of the man pages, --help and
 * docs/cli.md.
 */
#ifndef RG_CLI_DOC_H
#define RG_CLI_DOC_H

#include <stddef.h>

typedef struct cli_doc {
    const char *name;    /* "cells"; "" for ragbook(1) itself */
    const char *summary; /* the NAME line's words after "ragbook-x - " */
    const char *help;    /* the page up to "; --help ends here", as text */
} cli_doc;

extern const cli_doc cli_docs[];
extern const size_t cli_doc_count;

#endif
