/*
 * ragbook validate: a pool of threads takes the files one by one (read,
 * recognise, validate); the main thread prints each file's findings in
 * the order the files were given, as soon as that file and every file
 * before it are done, so output order is the same for any --jobs.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/validate_run.h"
#include "ragbook/report.h"

typedef struct vjob {
    const char *path;
    rag_findings *findings;  /* NULL until done, or when out of memory */
    size_t plan_count;
    bool unreadable;         /* not a readable workbook */
    char reason[768];        /* why, for stderr and the report */
    int status;              /* this file's exit status */
    bool done;
} vjob;

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
    if (rag_model_build(wb, &cfg->model, &m, &err) != RAG_OK) {
        unreadable(j, cfg, &err);
        rag_workbook_free(wb);
        return;
    }
    m->file = j->path; /* findings name the file as it was given */
    j->plan_count = m->plan_count;
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

static void print_json(const rag_finding *f)
{
    char ref[16];

    fputs("{\"file\": ", stdout);
    json_cstr(stdout, f->file);
    fputs(", \"sheet\": ", stdout);
    json_cstr(stdout, f->sheet);
    fputs(", \"cell\": ", stdout);
    json_cstr(stdout, f->sheet && f->has_cell
                          ? rag_cell_ref_format(f->row, f->col, ref)
                          : NULL);
    fputs(", \"rule\": ", stdout);
    json_cstr(stdout, f->rule);
    fputs(", \"severity\": ", stdout);
    json_cstr(stdout, rag_severity_name(f->severity));
    fputs(", \"message\": ", stdout);
    json_cstr(stdout, f->message);
    if (f->ref) {
        fputs(", \"ref\": ", stdout);
        json_cstr(stdout, f->ref);
    }
    if (f->period) {
        fputs(", \"period\": ", stdout);
        json_cstr(stdout, f->period);
    }
    fputs("}\n", stdout);
}

static void progress(const vrun_config *cfg, size_t done, bool clear)
{
    if (!cfg->progress)
        return;
    if (clear)
        fputs("\r\033[K", stderr);
    else
        fprintf(stderr, "\r\033[Kragbook validate: %zu/%zu files", done,
                cfg->file_count);
    fflush(stderr);
}

/* Print job j: its stderr line, then its findings. */
static void print_job(const vrun_config *cfg, const vjob *j)
{
    size_t i;

    if (j->status == RAG_EXIT_TROUBLE) {
        fflush(stdout);
        fprintf(stderr, "ragbook: %s: %s\n", j->path,
                j->reason[0] ? j->reason : "out of memory");
    }
    for (i = 0; j->findings && i < j->findings->count; i++) {
        if (cfg->json)
            print_json(&j->findings->items[i]);
        else
            print_text(cfg, &j->findings->items[i]);
    }
    if (cfg->progress)
        fflush(stdout);
}

/* ---- the run ------------------------------------------------------------ */

static int write_report(const vrun_config *cfg, const vjob *jobs)
{
    rag_report_file *files = calloc(cfg->file_count ? cfg->file_count : 1,
                                   sizeof *files);
    rag_error err;
    size_t i;
    int status = RAG_EXIT_OK;

    if (!files) {
        fprintf(stderr, "ragbook: %s: out of memory\n", cfg->report);
        return RAG_EXIT_TROUBLE;
    }
    for (i = 0; i < cfg->file_count; i++) {
        files[i].path = jobs[i].path;
        files[i].plan_count = jobs[i].plan_count;
        files[i].unreadable = jobs[i].unreadable;
        files[i].reason = jobs[i].unreadable ? jobs[i].reason : NULL;
        files[i].findings = jobs[i].findings;
    }
    rag_error_clear(&err);
    if (rag_report_write(cfg->report, files, cfg->file_count, &err) != RAG_OK)
        status = cli_file_error(cfg->report, &err);
    free(files);
    return status;
}

int vrun(const vrun_config *cfg)
{
    vpool pool;
    pthread_t *threads;
    size_t i, started = 0, want, finished;
    int status = RAG_EXIT_OK;

    memset(&pool, 0, sizeof pool);
    pool.cfg = cfg;
    pool.jobs = calloc(cfg->file_count ? cfg->file_count : 1,
                       sizeof *pool.jobs);
    want = cfg->jobs < cfg->file_count ? cfg->jobs : cfg->file_count;
    threads = calloc(want ? want : 1, sizeof *threads);
    if (!pool.jobs || !threads) {
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
        print_job(cfg, j);
        progress(cfg, finished, false);
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

    if (cfg->report) {
        int rs = write_report(cfg, pool.jobs);
        if (rs > status)
            status = rs;
    }
    for (i = 0; i < cfg->file_count; i++)
        rag_findings_free(pool.jobs[i].findings);
    pthread_cond_destroy(&pool.cv);
    pthread_mutex_destroy(&pool.mu);
    free(threads);
    free(pool.jobs);
    return status;
}
