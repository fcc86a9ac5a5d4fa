/*
 * ragbook copy: re-write a workbook's grid through libxlsxwriter, with
 * nothing it can keep lost, and a warning for each kind of thing it cannot
 * keep (charts, comments, conditional formats...).  The output goes to a
 * temporary file beside the target and is renamed into place at the end;
 * the input is never overwritten.
 */
#include <getopt.h>
#include <string.h>

#include "cli/cli.h"

int cmd_copy(int argc, char **argv)
{
    static const struct option opts[] = {
        {"streaming", no_argument, NULL, 's'},
        {"in-memory", no_argument, NULL, 'm'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    rag_write_options wo;
    const char *in, *out;
    rag_workbook *wb = NULL;
    rag_writer *w = NULL;
    rag_error err;
    rag_status st;
    size_t lost[RAG_LOSS_COUNT];
    int c, k;

    memset(&wo, 0, sizeof wo);
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 's':
            wo.mode = RAG_WRITE_STREAMING;
            break;
        case 'm':
            wo.mode = RAG_WRITE_NORMAL;
            break;
        case 'h':
            return cli_finish(cli_help("copy"));
        default:
            return cli_bad_option("copy", c, argv, opts);
        }
    }
    if (argc - optind != 2)
        return cli_usage_error("copy", argc - optind < 2
                                           ? "give an input and an output file"
                                           : "one input and one output file");
    in = argv[optind];
    out = argv[optind + 1];
    if (cli_workbook_output("copy", &out) != RAG_EXIT_OK)
        return RAG_EXIT_TROUBLE;
    rag_error_clear(&err);
    if (rag_workbook_open(in, NULL, &wb, &err) != RAG_OK)
        return cli_file_error(in, &err);
    wo.inputs = &in;
    wo.input_count = 1;
    rag_error_clear(&err);
    if (rag_writer_open(out, &wo, &w, &err) != RAG_OK) {
        rag_workbook_free(wb);
        return cli_file_error(out, &err);
    }
    st = rag_writer_copy_workbook(w, wb, NULL, &err);
    if (st != RAG_OK) {
        rag_writer_abort(w);
        rag_workbook_free(wb);
        return cli_file_error(err.file[0] ? err.file : out, &err);
    }
    rag_error_clear(&err);
    st = rag_writer_close_counting(w, lost, RAG_LOSS_COUNT, &err);
    rag_workbook_free(wb);
    if (st != RAG_OK)
        return cli_file_error(out, &err);
    /* One line per kind of loss, once the copy is in place. */
    for (k = 0; k < RAG_LOSS_COUNT; k++)
        if (lost[k])
            fprintf(stderr, "ragbook: %s: warning: %s\n", in,
                    rag_loss_message((rag_loss)k));
    return cli_finish(RAG_EXIT_OK);
}
