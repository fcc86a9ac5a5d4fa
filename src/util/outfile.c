/*
 * Output files: see outfile.h.
 */
#define _GNU_SOURCE /* O_TMPFILE, linkat, flock */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/outfile.h"

/* The hidden name: 11 bytes, so it fits in any directory where the
 * target's own name fits (NAME_MAX is 255 on every Linux file system; a
 * name built on the target's, as ".NAME.ragbook-XXXXXX" was, did not fit
 * beside targets of 241 bytes and more). */
#define HIDDEN_PREFIX ".rgb-"
#define HIDDEN_X 6

struct rg_outfile {
    char *target;
    char *dir;
    char *hidden;     /* the hidden file (the fallback), else NULL */
    char proc[40];    /* "/proc/self/fd/N" of the unnamed file */
    int fd;
    int into;         /* a target "/dev/fd/N": N, the caller's; else -1 */
    bool unnamed;
};

bool rg_same_file(const char *a, const char *b)
{
    struct stat x, y;
    return a && b && stat(a, &x) == 0 && stat(b, &y) == 0 &&
           x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

/* ---- fault injection ------------------------------------------------ */

static long fail_at[RG_IO_KINDS] = {-1, -1, -1, -1};
static bool force_named;

void rg_outfile_force_named(bool on)
{
    force_named = on;
}
static long io_count[RG_IO_KINDS];

void rg_io_fail_after(rg_io_kind kind, long n)
{
    fail_at[kind] = n;
    io_count[kind] = 0;
}

long rg_io_count(rg_io_kind kind)
{
    return io_count[kind];
}

bool rg_io_fails(rg_io_kind kind)
{
    long n = io_count[kind]++;
    if (fail_at[kind] < 0 || n < fail_at[kind])
        return false;
    errno = EIO;
    return true;
}

/* ---- the file ------------------------------------------------------- */

static void free_outfile(rg_outfile *o)
{
    rg_free(o->hidden);
    rg_free(o->dir);
    rg_free(o->target);
    rg_free(o);
}

/* The last HIDDEN_X bytes of name, replaced by letters and digits drawn
 * from the clock, the pid and a counter (mkstemp's alphabet). */
static void fill_random(char *name)
{
    static const char abc[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static unsigned long counter;
    struct timespec ts;
    unsigned long long v;
    size_t i, n = strlen(name);

    clock_gettime(CLOCK_REALTIME, &ts);
    v = (unsigned long long)ts.tv_nsec * 2654435761u ^
        (unsigned long long)ts.tv_sec ^ ((unsigned long long)getpid() << 20) ^
        (++counter * 0x9E3779B97F4A7C15ull);
    for (i = n - HIDDEN_X; i < n; i++) {
        name[i] = abc[v % (sizeof abc - 1)];
        v = v / (sizeof abc - 1) ^ (v << 29);
    }
}

/* dir + "/" + HIDDEN_PREFIX + XXXXXX, newly allocated. */
static char *hidden_name(const char *dir)
{
    size_t n = strlen(dir);
    char *s = rg_malloc(n + 1 + sizeof HIDDEN_PREFIX + HIDDEN_X);
    if (s)
        sprintf(s, "%s/" HIDDEN_PREFIX "XXXXXX", dir);
    return s;
}

#ifdef O_TMPFILE
/* The unnamed file; false (and nothing made) when the file system or the
 * system refuses it, so that the hidden file is tried instead. */
static bool open_unnamed(rg_outfile *o)
{
    /* open() applies the umask to 0666, as for any new file. */
    o->fd = open(o->dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0666);
    if (o->fd < 0)
        return false;
    snprintf(o->proc, sizeof o->proc, "/proc/self/fd/%d", o->fd);
    /* libxlsxwriter and minizip open the file by this name, and linkat()
     * reaches it by this name: no /proc, no unnamed file. */
    if (access(o->proc, W_OK) != 0) {
        close(o->fd);
        o->fd = -1;
        return false;
    }
    o->unnamed = true;
    /* Held as on the hidden file: the name it takes for a moment in
     * link_unnamed() is not stale either. */
    (void)flock(o->fd, LOCK_EX | LOCK_NB);
    return true;
}
#endif

/* A descriptor on a file in dir with no name: O_TMPFILE, or where that
 * is refused a hidden ".rgb-XXXXXX" removed the moment it is made (a kill
 * between the two leaves it; the command's stale-file warning names it).
 * -1 with errno set when it cannot be made. */
static int scratch_fd(const char *dir)
{
    char *name;
    int fd = -1, e;

#ifdef O_TMPFILE
    if (!force_named)
        fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
#endif
    if (fd >= 0)
        return fd;
    if (!(name = hidden_name(dir))) {
        errno = ENOMEM;
        return -1;
    }
    fd = mkostemp(name, O_CLOEXEC);
    e = errno;
    if (fd >= 0)
        unlink(name);
    rg_free(name);
    errno = e;
    return fd;
}

FILE *rg_scratch_open(const char *dir)
{
    FILE *fp;
    int fd, e;

    if (!dir)
        return tmpfile();
    if ((fd = scratch_fd(dir)) < 0)
        return NULL;
    fp = fdopen(fd, "w+b");
    if (!fp) {
        e = errno;
        close(fd);
        errno = e;
    }
    return fp;
}

int rg_outfile_target_fd(const char *target)
{
    static const char prefix[] = "/dev/fd/";
    const char *p;
    long n = 0;

    if (!target || strncmp(target, prefix, sizeof prefix - 1))
        return -1;
    p = target + sizeof prefix - 1;
    if (!*p)
        return -1;
    for (; *p; p++) {
        if (*p < '0' || *p > '9' || n > 100000000)
            return -1;
        n = n * 10 + (*p - '0');
    }
    return (int)n;
}

const char *rg_tmpdir(void)
{
    const char *t = getenv("TMPDIR");
    return t && *t ? t : "/tmp";
}

char *rg_outfile_beside(const char *target, const char *leaf)
{
    const char *slash = strrchr(target, '/');
    size_t dir = slash ? (size_t)(slash - target) + 1 : 0;
    char *p;

    if (rg_outfile_target_fd(target) >= 0) {
        target = rg_tmpdir();
        dir = strlen(target);
    }
    p = rg_malloc(dir + 1 + strlen(leaf) + 1);
    if (!p)
        return NULL;
    memcpy(p, target, dir);
    if (dir && p[dir - 1] != '/')
        p[dir++] = '/';
    strcpy(p + dir, leaf);
    return p;
}

/* A target "/dev/fd/N": the caller's descriptor N must be open for
 * writing on a regular file (the bytes are put there with pwrite, after
 * emptying it); the file is written in TMPDIR, unnamed.  0 or errno. */
static int open_into(rg_outfile *o, int into)
{
    struct stat st;
    int flags = fcntl(into, F_GETFL);

    if (flags < 0)
        return EBADF;
    if ((flags & O_ACCMODE) == O_RDONLY)
        return EBADF;
    if (fstat(into, &st) != 0)
        return errno;
    if (!S_ISREG(st.st_mode))
        return S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) ||
                       S_ISCHR(st.st_mode)
                   ? ESPIPE
                   : EINVAL;
    o->into = into;
    if (!(o->dir = rg_strdup(rg_tmpdir())))
        return ENOMEM;
    if ((o->fd = scratch_fd(o->dir)) < 0)
        return errno;
    snprintf(o->proc, sizeof o->proc, "/proc/self/fd/%d", o->fd);
    /* libxlsxwriter and minizip open the file by this name */
    if (access(o->proc, W_OK) != 0) {
        close(o->fd);
        o->fd = -1;
        return 0; /* a hidden file in TMPDIR instead, as for a file */
    }
    o->unnamed = true;
    return 0;
}

/* A file target: its directory, and the unnamed file there where the
 * system allows it (else o->fd stays -1).  0 or errno. */
static int open_beside(rg_outfile *o, const char *target)
{
    const char *slash = strrchr(target, '/');
    long name_max;

    if (!(o->dir = rg_strdup(slash ? target : ".")))
        return ENOMEM;
    /* "/x.xlsx" lives in "/"; "x.xlsx" in "." */
    if (slash)
        o->dir[slash > target ? (size_t)(slash - target) : 1] = '\0';
    /* A name the directory cannot hold is refused now, not after all the
     * work (linkat and rename would refuse it at the end). */
    name_max = pathconf(o->dir, _PC_NAME_MAX);
    if (name_max > 0 && strlen(slash ? slash + 1 : target) > (size_t)name_max)
        return ENAMETOOLONG;
#ifdef O_TMPFILE
    if (!force_named)
        (void)open_unnamed(o);
#endif
    return 0;
}

/* The hidden file ".rgb-XXXXXX" in o->dir, where there is no unnamed
 * file.  0 or errno. */
static int open_hidden(rg_outfile *o)
{
    mode_t mask;

    if (!(o->hidden = hidden_name(o->dir)))
        return ENOMEM;
    o->fd = mkstemp(o->hidden);
    if (o->fd < 0) {
        int e = errno;
        rg_free(o->hidden); /* nothing made: nothing to remove */
        o->hidden = NULL;
        return e;
    }
    /* Held while this run owns the file: rg_outfile_stale() tells a file
     * being written from one left by a run that died by this lock. */
    (void)flock(o->fd, LOCK_EX | LOCK_NB);
    /* mkstemp makes it 0600; a workbook is 0666 less the umask.  umask()
     * can only be read by setting it, so it is set back at once. */
    mask = umask(022);
    umask(mask);
    if (fchmod(o->fd, 0666 & ~mask) != 0)
        return errno;
    return 0;
}

int rg_outfile_open(const char *target, rg_outfile **out)
{
    rg_outfile *o;
    int e, into;

    *out = NULL;
    if (!target || !*target)
        return EINVAL;
    o = rg_calloc(1, sizeof *o);
    if (!o)
        return ENOMEM;
    o->fd = -1;
    o->into = -1;
    if (!(o->target = rg_strdup(target))) {
        free_outfile(o);
        return ENOMEM;
    }
    into = rg_outfile_target_fd(target);
    e = into >= 0 ? open_into(o, into) : open_beside(o, target);
    if (!e && o->fd < 0)
        e = open_hidden(o);
    if (e) {
        rg_outfile_abort(o);
        return e;
    }
    *out = o;
    return 0;
}

int rg_outfile_fd(const rg_outfile *o)
{
    return o->fd;
}

const char *rg_outfile_name(const rg_outfile *o)
{
    return o->unnamed ? o->proc : o->hidden;
}

const char *rg_outfile_dir(const rg_outfile *o)
{
    return o->dir;
}

void rg_outfile_abort(rg_outfile *o)
{
    if (!o)
        return;
    if (o->hidden)
        unlink(o->hidden);
    if (o->fd >= 0)
        close(o->fd); /* the unnamed file goes with its last descriptor */
    free_outfile(o);
}

/* The directory's entry made durable too; a file system that cannot sync
 * a directory (EINVAL) has nothing to make durable. */
static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

#ifdef O_TMPFILE
/* Link the unnamed file in as the target: straight to its name when it
 * has none, else by a hidden name renamed over it.  0 or errno. */
static int link_unnamed(rg_outfile *o)
{
    char *tmp;
    int tries, e;

    if (rg_io_fails(RG_IO_RENAME))
        return errno;
    if (linkat(AT_FDCWD, o->proc, AT_FDCWD, o->target, AT_SYMLINK_FOLLOW) ==
        0)
        return 0;
    if (errno != EEXIST)
        return errno;
    if (!(tmp = hidden_name(o->dir)))
        return ENOMEM;
    /* A name no one holds: retried on the rare clash, as mkstemp does. */
    for (tries = 0; tries < 100; tries++) {
        fill_random(tmp);
        if (linkat(AT_FDCWD, o->proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0)
            break;
        if (errno != EEXIST) {
            e = errno;
            rg_free(tmp);
            return e;
        }
    }
    if (tries == 100) {
        rg_free(tmp);
        return EEXIST;
    }
    if (rename(tmp, o->target) != 0) {
        e = errno;
        unlink(tmp);
        rg_free(tmp);
        return e;
    }
    rg_free(tmp);
    return 0;
}
#endif

/* A target "/dev/fd/N": the finished file's bytes put in the caller's
 * file from its start, in place of what it held; a failure part-way
 * leaves it empty, never a part of a workbook.  0 or errno. */
static int copy_into(const rg_outfile *o)
{
    char buf[1 << 16];
    off_t at = 0;
    int e = 0;

    if (ftruncate(o->into, 0) != 0)
        return errno;
    while (!e) {
        ssize_t n = pread(o->fd, buf, sizeof buf, at), done = 0;
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            e = n < 0 ? errno : 0;
            break;
        }
        while (!e && done < n) {
            ssize_t w = rg_io_fails(RG_IO_WRITE)
                            ? -1
                            : pwrite(o->into, buf + done, (size_t)(n - done),
                                     at + done);
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0)
                e = w < 0 ? errno : EIO;
            else
                done += w;
        }
        at += n;
    }
    if (e)
        (void)ftruncate(o->into, 0);
    return e;
}

int rg_outfile_commit(rg_outfile *o)
{
    int e = 0;

    if (!o)
        return EINVAL;
    /* Into the caller's file: copied, not linked, and no fsync, since the
     * file is the caller's scratch on its way to a pipe or a socket. */
    if (o->into >= 0) {
        e = rg_io_fails(RG_IO_RENAME) ? errno : copy_into(o);
        rg_outfile_abort(o);
        return e;
    }
    if (rg_io_fails(RG_IO_SYNC) || fsync(o->fd) != 0) {
        e = errno;
        rg_outfile_abort(o);
        return e;
    }
#ifdef O_TMPFILE
    if (o->unnamed)
        e = link_unnamed(o);
    else
#endif
        if (rg_io_fails(RG_IO_RENAME) || rename(o->hidden, o->target) != 0)
        e = errno;
    if (e) {
        rg_outfile_abort(o);
        return e;
    }
    sync_dir(o->dir);
    rg_free(o->hidden); /* in place now: not to be removed */
    o->hidden = NULL;
    rg_outfile_abort(o);
    return 0;
}

/* ---- stale files ------------------------------------------------------ */

static bool all_alnum(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9')))
            return false;
    return s[n] == '\0';
}

/* One of the names ragbook's temporary files have had: ".rgb-XXXXXX"
 * (now), ".ragbook-XXXXXX" (the editor's and the text outputs' until
 * 2026-12) and ".NAME.ragbook-XXXXXX" (the writer's until 2026-12). */
static bool ours(const char *name)
{
    static const char old[] = ".ragbook-";
    size_t n = strlen(name), k = sizeof old - 1;

    if (!strncmp(name, HIDDEN_PREFIX, sizeof HIDDEN_PREFIX - 1))
        return all_alnum(name + sizeof HIDDEN_PREFIX - 1, HIDDEN_X);
    if (name[0] != '.' || n < k + HIDDEN_X)
        return false;
    return !strncmp(name + n - HIDDEN_X - k, old, k) &&
           all_alnum(name + n - HIDDEN_X, HIDDEN_X);
}

/* A regular file no live process holds locked: its writer died.  Files
 * written before the lock (older ragbooks) count as stale too. */
static bool abandoned(const char *path)
{
    struct stat st;
    bool free_lock;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);

    if (fd < 0)
        return false;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return false;
    }
    free_lock = flock(fd, LOCK_SH | LOCK_NB) == 0;
    close(fd);
    return free_lock;
}

size_t rg_outfile_stale(const char *target, rg_buf *names)
{
    const char *slash = target ? strrchr(target, '/') : NULL;
    char dir[4096], path[4096 + 256];
    struct dirent *d;
    size_t count = 0;
    DIR *dp;

    if (!target)
        return 0;
    if (slash)
        snprintf(dir, sizeof dir, "%.*s",
                 slash > target ? (int)(slash - target) : 1, target);
    else
        strcpy(dir, ".");
    if (!(dp = opendir(dir)))
        return 0;
    while ((d = readdir(dp)) != NULL) {
        if (!ours(d->d_name))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, d->d_name);
        if (!abandoned(path))
            continue;
        if (count++)
            rg_buf_puts(names, ", ");
        rg_buf_puts(names, d->d_name);
    }
    closedir(dp);
    return count;
}
