/*
 * ragbook validate: a pool of threads takes the files one by one (read,
 * recognise, validate); the main thread prints each file's findings in
 * the order the files were given, as soon as that file and every file
 * before it are done, so output order is the same for any --jobs.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/inputs.h"
#include "cli/validate_run.h"
#include "ragbook/report.h"

typedef struct vjob {
    const char *path;
    rag_findings *findings;  /* NULL until done, or when out of memory */
    size_t plan_count;
    bool unreadable;         /* not a readable workbook */
    const char *skipped;     /* what ragbook wrote it as, when it is
                                ragbook's own output: not checked */
    rag_plan_set *plans;     /* its plans' identities (plan-duplicate) */
    char reason[768];        /* why, for stderr and the report */
    int status;              /* this file's exit status */
    bool done;
} vjob;

/* What the run found, for the totals and the closing summary. */
typedef struct vtotals {
    size_t files, plans, errors, warnings, infos;
    size_t clean, with_errors, with_warnings, unreadable, skipped;
} vtotals;

typedef struct vpool {
    const vrun_config *cfg;
    vjob *jobs;
    size_t next;             /* the next job to take */
    size_t finished;         /* jobs done, in any order */
    pthread_mutex_t mu;
    pthread_cond_t cv;
} vpool;

/* ---- one file ----------------------------------------------------------- */

static void unreadable(vjob *j, const vrun_config *cfg, const rag_error *why)
{
    rag_error_format(why, j->reason, sizeof j->reason);
    j->unreadable = true;
    j->status = RAG_EXIT_TROUBLE;
    if (rag_findings_new(&j->findings, NULL) == RAG_OK &&
        rag_findings_add_unreadable(j->findings, j->path, why, &cfg->rules,
                                    NULL) != RAG_OK) {
        rag_findings_free(j->findings);
        j->findings = NULL;
    }
}

static void run_job(vjob *j, const vrun_config *cfg)
{
    rag_workbook *wb = NULL;
    rag_model *m = NULL;
    rag_error err;
    size_t i;

    rag_error_clear(&err);
    if (rag_workbook_read(j->path, NULL, &wb, &err) != RAG_OK) {
        unreadable(j, cfg, &err);
        return;
    }
    j->skipped = cli_ragbook_output(wb);
    if (j->skipped) {
        rag_workbook_free(wb);
        return;
    }
    if (rag_model_build(wb, &cfg->model, &m, &err) != RAG_OK) {
        unreadable(j, cfg, &err);
        rag_workbook_free(wb);
        return;
    }
    m->file = j->path; /* findings name the file as it was given */
    j->plan_count = m->plan_count;
    if (rag_plan_set_new(&j->plans, NULL) != RAG_OK ||
        rag_plan_set_add(j->plans, m, j->path, NULL) != RAG_OK) {
        rag_plan_set_free(j->plans);
        j->plans = NULL; /* out of memory: no plan-duplicate for it */
    }
    if (rag_validate(m, &cfg->rules, &j->findings, &err) != RAG_OK) {
        rag_error_format(&err, j->reason, sizeof j->reason);
        j->status = RAG_EXIT_TROUBLE;
    } else {
        for (i = 0; i < j->findings->count; i++)
            if (j->findings->items[i].severity == RAG_SEVERITY_ERROR)
                j->status = RAG_EXIT_FINDINGS;
    }
    rag_model_free(m);
    rag_workbook_free(wb);
}

static void *worker(void *arg)
{
    vpool *pool = arg;
    for (;;) {
        size_t i;
        pthread_mutex_lock(&pool->mu);
        i = pool->next < pool->cfg->file_count ? pool->next++ : (size_t)-1;
        pthread_mutex_unlock(&pool->mu);
        if (i == (size_t)-1)
            return NULL;
        run_job(&pool->jobs[i], pool->cfg);
        pthread_mutex_lock(&pool->mu);
        pool->jobs[i].done = true;
        pool->finished++;
        pthread_cond_broadcast(&pool->cv);
        pthread_mutex_unlock(&pool->mu);
    }
}

/* ---- printing ----------------------------------------------------------- */

static const char *sgr(const vrun_config *cfg, const char *code)
{
    return cfg->colour ? code : "";
}

static void print_text(const vrun_config *cfg, const rag_finding *f)
{
    const char *sev = rag_severity_name(f->severity);
    const char *colour = f->severity == RAG_SEVERITY_ERROR     ? "\033[1;31m"
                         : f->severity == RAG_SEVERITY_WARNING ? "\033[1;35m"
                                                               : "\033[1;36m";
    char ref[16];

    fprintf(stdout, "%s%s", sgr(cfg, "\033[1m"), f->file);
    if (f->sheet) {
        fprintf(stdout, ":%s", f->sheet);
        if (f->has_cell)
            fprintf(stdout, "!%s", rag_cell_ref_format(f->row, f->col, ref));
    }
    fprintf(stdout, ":%s %s%s:%s %s %s[%s]%s\n", sgr(cfg, "\033[0m"),
            sgr(cfg, colour), sev ? sev : "error", sgr(cfg, "\033[0m"),
            f->message, sgr(cfg, "\033[2m"), f->rule, sgr(cfg, "\033[0m"));
}

/* The file record after a file's findings (--format json). */
static void print_file_record(const vjob *j, size_t e, size_t w, size_t i)
{
    fputs("{\"file\": ", stdout);
    json_cstr(stdout, j->path);
    printf(", \"record\": \"file\", \"plans\": %zu, \"errors\": %zu, "
           "\"warnings\": %zu, \"infos\": %zu, \"status\": \"%s\"}\n",
           j->plan_count, e, w, i,
           j->unreadable ? "unreadable"
           : e           ? "errors"
           : w           ? "warnings"
                         : "clean");
}

static void progress(const vrun_config *cfg, size_t done, bool clear)
{
    if (!cfg->progress || cfg->quiet)
        return;
    if (clear)
        fputs("\r\033[K", stderr);
    else
        fprintf(stderr, "\r\033[Kragbook validate: %zu/%zu files", done,
                cfg->file_count);
    fflush(stderr);
}

/*
 * plan-duplicate for job j, whose files before it are all done: each of
 * its plans against the plans of those files (seen), then its plans join
 * them.  Runs on the main thread, in the order the files were given, so
 * the finding is on the later file whatever --jobs says.
 */
static void check_duplicates(const vrun_config *cfg, rag_plan_set *seen,
                             vjob *j)
{
    if (!seen || !j->plans)
        return;
    if (!j->findings && rag_findings_new(&j->findings, NULL) != RAG_OK)
        return;
    /* out of memory only: the file's other findings still print */
    (void)rag_plan_set_check(seen, j->plans, &cfg->rules, j->findings, NULL,
                             NULL);
}

/* Print job j: its stderr line, then its findings (those at least as
 * severe as --severity), then its file record; add it to the totals. */
static void print_job(const vrun_config *cfg, vjob *j, vtotals *t)
{
    size_t i, e = 0, w = 0, n = 0;

    if (j->skipped) {
        cli_inputs ours;
        t->skipped++;
        memset(&ours, 0, sizeof ours);
        ours.quiet = cfg->quiet;
        cli_inputs_say_ours(&ours, j->path, j->skipped);
        return;
    }
    if (j->status == RAG_EXIT_TROUBLE) {
        fflush(stdout);
        fprintf(stderr, "ragbook: %s: %s\n", j->path,
                j->reason[0] ? j->reason : "out of memory");
    }
    for (i = 0; j->findings && i < j->findings->count; i++) {
        const rag_finding *f = &j->findings->items[i];
        if (f->severity == RAG_SEVERITY_ERROR)
            e++;
        else if (f->severity == RAG_SEVERITY_WARNING)
            w++;
        else
            n++;
        if (f->severity == RAG_SEVERITY_ERROR && j->status < RAG_EXIT_FINDINGS)
            j->status = RAG_EXIT_FINDINGS; /* plan-duplicate=error */
        if (f->severity < cfg->least)
            continue;
        if (cfg->json)
            json_finding(stdout, f);
        else
            print_text(cfg, f);
    }
    if (cfg->json)
        print_file_record(j, e, w, n);
    t->files++;
    t->plans += j->plan_count;
    t->errors += e;
    t->warnings += w;
    t->infos += n;
    if (j->unreadable)
        t->unreadable++;
    else if (e)
        t->with_errors++;
    else if (w)
        t->with_warnings++;
    else
        t->clean++;
    if (cfg->progress)
        fflush(stdout);
}

static void print_totals(const vrun_config *cfg, const vtotals *t)
{
    double secs = vrun_now() - cfg->started;

    if (cfg->json)
        printf("{\"record\": \"totals\", \"files\": %zu, \"plans\": %zu, "
               "\"errors\": %zu, \"warnings\": %zu, \"infos\": %zu}\n",
               t->files, t->plans, t->errors, t->warnings, t->infos);
    if (cfg->quiet)
        return;
    fflush(stdout);
    fprintf(stderr,
            "ragbook validate: %zu file%s checked: %zu clean, %zu with "
            "errors, %zu with warnings, %zu unreadable",
            t->files, t->files == 1 ? "" : "s", t->clean, t->with_errors,
            t->with_warnings, t->unreadable);
    if (t->skipped)
        fprintf(stderr, "; %zu skipped", t->skipped);
    fprintf(stderr, " (%.1f s)\n", secs < 0 ? 0 : secs);
}

double vrun_now(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
        return 0;
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- the run ------------------------------------------------------------ */

static int write_report(const vrun_config *cfg, const vjob *jobs)
{
    rag_report_file *files = calloc(cfg->file_count ? cfg->file_count : 1,
                                   sizeof *files);
    rag_error err;
    size_t i, n = 0;
    int status = RAG_EXIT_OK;

    if (!files) {
        fprintf(stderr, "ragbook: %s: out of memory\n",
                cli_output_shown(cfg->report));
        return RAG_EXIT_TROUBLE;
    }
    for (i = 0; i < cfg->file_count; i++) {
        if (jobs[i].skipped)
            continue;
        files[n].path = jobs[i].path;
        files[n].plan_count = jobs[i].plan_count;
        files[n].unreadable = jobs[i].unreadable;
        files[n].reason = jobs[i].unreadable ? jobs[i].reason : NULL;
        files[n++].findings = jobs[i].findings;
    }
    rag_error_clear(&err);
    if (rag_report_write(cfg->report, files, n, &err) != RAG_OK)
        status = cli_file_error(cfg->report, &err);
    free(files);
    return status;
}

int vrun(const vrun_config *cfg)
{
    vpool pool;
    pthread_t *threads;
    size_t i, started = 0, want, finished;
    int status = cfg->trouble ? RAG_EXIT_TROUBLE : RAG_EXIT_OK;
    rag_plan_set *seen = NULL;
    vtotals t;

    memset(&pool, 0, sizeof pool);
    pool.cfg = cfg;
    pool.jobs = calloc(cfg->file_count ? cfg->file_count : 1,
                       sizeof *pool.jobs);
    want = cfg->jobs < cfg->file_count ? cfg->jobs : cfg->file_count;
    threads = calloc(want ? want : 1, sizeof *threads);
    memset(&t, 0, sizeof t);
    t.skipped = cfg->skipped;
    if (!pool.jobs || !threads || rag_plan_set_new(&seen, NULL) != RAG_OK) {
        free(pool.jobs);
        free(threads);
        fprintf(stderr, "ragbook: out of memory\n");
        return RAG_EXIT_TROUBLE;
    }
    for (i = 0; i < cfg->file_count; i++)
        pool.jobs[i].path = cfg->files[i];
    pthread_mutex_init(&pool.mu, NULL);
    pthread_cond_init(&pool.cv, NULL);
    for (i = 0; i < want; i++)
        if (pthread_create(&threads[started], NULL, worker, &pool) == 0)
            started++;

    for (i = 0; i < cfg->file_count; i++) {
        vjob *j = &pool.jobs[i];
        if (!started) { /* no thread could start: do the work here */
            pool.next = i + 1;
            run_job(j, cfg);
            j->done = true;
            pool.finished++;
        }
        pthread_mutex_lock(&pool.mu);
        while (!j->done) {
            size_t done = pool.finished;
            pthread_mutex_unlock(&pool.mu);
            progress(cfg, done, false);
            pthread_mutex_lock(&pool.mu);
            if (!j->done && pool.finished == done)
                pthread_cond_wait(&pool.cv, &pool.mu);
        }
        finished = pool.finished;
        pthread_mutex_unlock(&pool.mu);
        progress(cfg, 0, true);
        check_duplicates(cfg, seen, j);
        print_job(cfg, j, &t);
        progress(cfg, finished, false);
        rag_plan_set_free(j->plans);
        j->plans = NULL;
        if (j->status > status)
            status = j->status;
        if (!cfg->report) {
            rag_findings_free(j->findings);
            j->findings = NULL;
        }
    }
    for (i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    progress(cfg, 0, true);
    rag_plan_set_free(seen);

    if (cfg->report) {
        int rs = write_report(cfg, pool.jobs);
        if (rs > status)
            status = rs;
    }
    /* last, so that it is the line left on a terminal */
    print_totals(cfg, &t);
    for (i = 0; i < cfg->file_count; i++)
        rag_findings_free(pool.jobs[i].findings);
    pthread_cond_destroy(&pool.cv);
    pthread_mutex_destroy(&pool.mu);
    free(threads);
    free(pool.jobs);
    return status;
}
