/*
 * One home for writing an output file (issues 10 and 16).  Every file
 * ragbook writes goes through here: the workbooks of the writer
 * (writer/output.c: copy, convert, consolidate, the report), the package
 * editor's (edit/zio.c: convert in place, merge) and the command's text
 * outputs (cli/options.c: dump -o, cells -o, validate -o).
 *
 *   rg_same_file()       "the output is not an input": one device, one inode.
 *   rg_outfile_open()    the file being written, in the target's directory
 *                        so that putting it in place stays on one file
 *                        system.  On Linux it is an unnamed file
 *                        (O_TMPFILE): a run killed at any point (SIGKILL
 *                        included) leaves nothing behind.  Where the file
 *                        system refuses O_TMPFILE (or /proc is missing) it
 *                        is a hidden file ".rgb-XXXXXX", short so that it
 *                        fits beside any name the file system accepts, and
 *                        locked (flock) while this run owns it.
 *   rg_outfile_commit()  flushed to the disk (fsync), then put in place:
 *                        the unnamed file is linked (linkat) straight to the
 *                        target's name when there is none; over an existing
 *                        target it is linked to a hidden ".rgb-XXXXXX" and
 *                        renamed over the target, since linkat cannot
 *                        replace a file and rename(2) is the one atomic
 *                        replace.  Only a kill in the microseconds between
 *                        that linkat and that rename leaves a ".rgb-" file.
 *   "/dev/fd/N"          a target naming the caller's open descriptor N
 *                        (the public API's convention, ragbook/write.h;
 *                        the command's -o -): the file is written unnamed
 *                        in TMPDIR (else /tmp), and rg_outfile_commit()
 *                        copies its bytes into N's file (emptied first;
 *                        left empty if the copy fails part-way).  Nothing
 *                        is named, so no kill can leave anything there
 *                        (where O_TMPFILE is refused, a hidden name
 *                        removed the moment it is made, as
 *                        rg_scratch_open(); only without /proc, where
 *                        libxlsxwriter could not open an unnamed file, a
 *                        hidden ".rgb-XXXXXX" kept while it is written).
 *   rg_outfile_stale()   the temporary files earlier runs left beside a
 *                        target (".rgb-XXXXXX", and the older
 *                        ".ragbook-XXXXXX" and ".NAME.ragbook-XXXXXX"),
 *                        for the command to name in a warning: never
 *                        deleted, they may be someone's.
 *
 * The functions return 0 or an errno value, and never print: the command
 * compiles this file too (as it does alloc.c), without the library's error
 * type.
 *
 * Fault injection (as sqlite's): rg_io_fail_after(kind, n) makes the n-th
 * (0-based) operation of that kind, and every later one, fail, so tests
 * can walk every output path through each failure.
 */
#ifndef RG_UTIL_OUTFILE_H
#define RG_UTIL_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util/util.h"

/* true when a and b both exist and are one file (device and inode). */
bool rg_same_file(const char *a, const char *b);

typedef struct rg_outfile rg_outfile;

/* 0 and *out, or an errno value (EACCES, ENOSPC, ENOMEM, ...) and NULL.
 * A target "/dev/fd/N" needs N open for writing on a regular file (EBADF
 * when it is not open for writing, ESPIPE for a pipe, a socket or a
 * device). */
/* The system's temporary directory: TMPDIR when set and not empty, else
 * /tmp. */
const char *rg_tmpdir(void);
int rg_outfile_open(const char *target, rg_outfile **out);
/* N when target is "/dev/fd/N" (digits only), else -1. */
int rg_outfile_target_fd(const char *target);
/* target's directory (TMPDIR, else /tmp, for "/dev/fd/N") and leaf: the
 * name a file that stays unnamed is opened under, where only its
 * directory counts (convert's side workbook, merge's passes).  Newly
 * allocated (rg_free); NULL when out of memory. */
char *rg_outfile_beside(const char *target, const char *leaf);
/* A descriptor open for reading and writing on the file (kept by o). */
int rg_outfile_fd(const rg_outfile *o);
/* A name that opens the file, for libraries that write by name
 * (libxlsxwriter, minizip): "/proc/self/fd/N" or the hidden file. */
const char *rg_outfile_name(const rg_outfile *o);
/* The target's directory ("." when the target names none); TMPDIR (else
 * /tmp) for a target "/dev/fd/N". */
const char *rg_outfile_dir(const rg_outfile *o);
/* fsync, then put in place as the target.  0, or an errno value with the
 * target untouched and nothing left.  Frees o either way.  For a target
 * "/dev/fd/N": the bytes copied into N's file instead (no fsync). */
int rg_outfile_commit(rg_outfile *o);
/* Drop the file (nothing is left) and free o.  NULL is a no-op. */
void rg_outfile_abort(rg_outfile *o);

/* A scratch file in dir that no one can see and no kill can leave: an
 * unnamed file (O_TMPFILE), or where that is refused a hidden
 * ".rgb-XXXXXX" removed the moment it is made.  dir NULL: tmpfile().
 * NULL with errno set when it cannot be made. */
FILE *rg_scratch_open(const char *dir);

/* The names of temporary files beside target that no running ragbook
 * holds (their writer died), appended to names as ", "-separated base
 * names; returns how many. */
size_t rg_outfile_stale(const char *target, rg_buf *names);

/* ---- fault injection ------------------------------------------------ */

typedef enum rg_io_kind {
    RG_IO_WRITE,  /* a write of bytes to an output (editor, text outputs) */
    RG_IO_ZIP,    /* a zip entry finished (editor, fix-ups, libxlsxwriter) */
    RG_IO_SYNC,   /* the fsync before an output is put in place */
    RG_IO_RENAME, /* putting an output in place (linkat or rename) */
    RG_IO_KINDS
} rg_io_kind;

/* Operation n (0-based) of kind, and every later one, fails; -1: none.
 * Resets the count of that kind. */
void rg_io_fail_after(rg_io_kind kind, long n);
/* Tests: true makes every output a hidden named file, the path taken
 * where O_TMPFILE is refused. */
void rg_outfile_force_named(bool on);
/* How many operations of kind were counted since the last reset. */
long rg_io_count(rg_io_kind kind);
/* Counts one operation of kind; true when it is to fail (errno is EIO). */
bool rg_io_fails(rg_io_kind kind);

#endif
