/*
 * ragdoc: the command's documentation is written once, as scdoc pages
 * (docs/man/ragbook*.scd); scdoc makes the man pages from them, and this tool
 * makes the rest from the same files:
 *
 *   ragdoc help OUT.c PAGE.scd...       the --help texts and one-line
 *                                       summaries, as C strings
 *   ragdoc bash OUT PAGE.scd...         the bash completion script
 *   ragdoc markdown OUT PAGE.scd...     docs/cli.md, for reading on the web
 *
 * It reads the small part of scdoc the pages use: "# SECTION" headings,
 * *bold* and _underline_ (an underscore inside a word is a letter, as in
 * scdoc), \ escapes, ``` literal blocks, tab-indented lines, "- " lists
 * and ";" comments.  The --help text is every section before the comment
 * "; --help ends here" (NAME gives the summary instead); the man page and
 * docs/cli.md have all of it.  A build-time tool: it prints, and exits 1
 * on a page it cannot use.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINES 4000
#define MAX_PAGES 16

typedef struct page {
    char name[64];    /* "cells", "" for ragbook(1) */
    char summary[256];
    char *lines[MAX_LINES];
    size_t count;
    size_t help_end;  /* first line after the --help part */
} page;

static page pages[MAX_PAGES];
static size_t page_count;

static void die(const char *what, const char *file)
{
    fprintf(stderr, "ragdoc: %s: %s\n", file, what);
    exit(1);
}

/* Text with the markup taken out, or turned into Markdown's. */
static void render(const char *s, bool markdown, FILE *out)
{
    size_t i, n = strlen(s);
    for (i = 0; i < n; i++) {
        char c = s[i];
        bool prev_word = i > 0 && isalnum((unsigned char)s[i - 1]);
        bool next_word = i + 1 < n && isalnum((unsigned char)s[i + 1]);
        if (c == '\\' && i + 1 < n) {
            if (markdown && strchr("*_", s[i + 1]))
                fputc('\\', out);
            fputc(s[++i], out);
        } else if (c == '*') {
            fputs(markdown ? "**" : "", out);
        } else if (c == '_' && (!prev_word || !next_word)) {
            fputs(markdown ? "*" : "", out);
        } else if (markdown && strchr("<>|", c)) {
            fprintf(out, "&#%d;", c);
        } else {
            fputc(c, out);
        }
    }
}

static void load(const char *path)
{
    FILE *f = fopen(path, "r");
    char buf[1024];
    page *p;
    const char *dash;

    if (!f)
        die("cannot open", path);
    if (page_count == MAX_PAGES)
        die("too many pages", path);
    p = &pages[page_count++];
    memset(p, 0, sizeof *p);
    while (fgets(buf, sizeof buf, f)) {
        buf[strcspn(buf, "\n")] = '\0';
        if (p->count == MAX_LINES)
            die("too long", path);
        if (!strcmp(buf, "; --help ends here"))
            p->help_end = p->count;
        if (buf[0] == ';')
            continue;
        p->lines[p->count] = strdup(buf);
        if (!p->lines[p->count++])
            die("out of memory", path);
    }
    fclose(f);
    if (!p->count || strncmp(p->lines[0], "ragbook", 7))
        die("the first line is not ragbook...(1)", path);
    if (!p->help_end)
        die("no '; --help ends here'", path);
    if (p->lines[0][7] == '-')
        snprintf(p->name, sizeof p->name, "%.*s",
                 (int)strcspn(p->lines[0] + 8, "("), p->lines[0] + 8);
    /* NAME: "ragbook-cells - print the raw grid" */
    {
        size_t i;
        for (i = 0; i + 2 < p->count; i++)
            if (!strcmp(p->lines[i], "# NAME"))
                break;
        if (i + 2 >= p->count || !(dash = strstr(p->lines[i + 2], " - ")))
            die("no NAME line 'ragbook-x - what it does'", path);
        snprintf(p->summary, sizeof p->summary, "%s", dash + 3);
    }
}

/* A C string literal of s (one line, its newline added). */
static void c_line(FILE *out, const char *indent, const char *s, bool raw)
{
    char *text = NULL;
    size_t len = 0, i;
    FILE *m = open_memstream(&text, &len);

    fputs(indent, m);
    if (raw)
        fputs(s, m);
    else
        render(s, false, m);
    fclose(m);
    fputs("    \"", out);
    for (i = 0; i < len; i++) {
        if (text[i] == '"' || text[i] == '\\')
            fputc('\\', out);
        if (text[i] == '\t')
            fputs("    ", out);
        else
            fputc(text[i], out);
    }
    fputs("\\n\"\n", out);
    free(text);
}

/* A literal block's line as scdoc prints it: "\\x" is "x", nothing more. */
static char *unescape(const char *s)
{
    char *u = malloc(strlen(s) + 1), *o = u;
    if (!u)
        die("out of memory", "unescape");
    for (; *s; s++) {
        if (*s == '\\' && s[1])
            s++;
        *o++ = *s;
    }
    *o = '\0';
    return u;
}

/* The text of s with its markup taken out, in a new string. */
static char *plain(const char *s)
{
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);
    render(s, false, m);
    fclose(m);
    return text;
}

/* A term and its description as --help shows them: the term at column 2,
 * the description at column 24 wrapped within 79, on the term's line
 * when the term leaves room. */
static void c_definition(FILE *out, const char *term, char *const *desc,
                         size_t n)
{
    char line[256], *t = plain(term);
    size_t col, i;

    snprintf(line, sizeof line, "  %s", t);
    col = strlen(line);
    free(t);
    if (col > 22) {
        c_line(out, "", line, true);
        line[0] = '\0';
        col = 0;
    }
    for (i = 0; i < n; i++) {
        char *d = plain(desc[i] + 1), *w = d;
        while (*w) {
            size_t len = strcspn(w, " ");
            if (col >= 24 && col + 1 + len > 79) {
                c_line(out, "", line, true);
                line[0] = '\0';
                col = 0;
            }
            if (col < 24) {
                col += (size_t)snprintf(line + strlen(line),
                                        sizeof line - strlen(line), "%*s",
                                        (int)(24 - col), "");
            } else {
                strcat(line, " ");
                col++;
            }
            snprintf(line + strlen(line), sizeof line - strlen(line),
                     "%.*s", (int)len, w);
            col += len;
            w += len;
            while (*w == ' ')
                w++;
        }
        free(d);
    }
    if (line[0])
        c_line(out, "", line, true);
}

static void help(FILE *out)
{
    size_t k, i;

    fputs("/* Made by tools/ragdoc.c from docs/man/ragbook*.scd: edit those. */\n"
          "#include \"cli/doc.h\"\n\nconst cli_doc cli_docs[] = {\n",
          out);
    for (k = 0; k < page_count; k++) {
        page *p = &pages[k];
        bool literal = false, blank = false, synopsis = false;
        bool fresh = true; /* nothing printed since the last heading */
        const char *section = "";
        fprintf(out, "  {\"%s\", \"", p->name);
        render(p->summary, false, out);
        fputs("\",\n", out);
        for (i = 1; i < p->help_end; i++) {
            const char *s = p->lines[i];
            if (!strncmp(s, "# ", 2)) {
                section = s + 2;
                synopsis = !strcmp(section, "SYNOPSIS");
                /* NAME is the summary; DESCRIPTION follows the usage
                 * with no heading of its own */
                if (strcmp(section, "NAME") && !synopsis &&
                    strcmp(section, "DESCRIPTION")) {
                    char h[64];
                    size_t j;
                    snprintf(h, sizeof h, "%s:", section);
                    for (j = 0; h[j]; j++)
                        h[j] = (char)tolower((unsigned char)h[j]);
                    c_line(out, "", "", true);
                    c_line(out, "", h, true);
                    fresh = true;
                } else if (!strcmp(section, "DESCRIPTION")) {
                    fresh = false;
                    blank = true;
                }
                continue;
            }
            if (!strcmp(section, "NAME"))
                continue;
            if (!strcmp(s, "```")) {
                literal = !literal;
                continue;
            }
            if (!s[0]) {
                blank = true;
                continue;
            }
            if (blank && !fresh)
                c_line(out, "", "", true);
            blank = fresh = false;
            if (synopsis) {
                c_line(out, i > 1 && p->lines[i - 1][0] ? "       "
                                                        : "usage: ",
                       s, false);
            } else if (!literal && s[0] != '\t' && i + 1 < p->help_end &&
                       p->lines[i + 1][0] == '\t') {
                size_t j = i + 1;
                while (j < p->help_end && p->lines[j][0] == '\t')
                    j++;
                c_definition(out, s, &p->lines[i + 1], j - i - 1);
                i = j - 1;
            } else if (literal) {
                char *u = unescape(s);
                c_line(out, "  ", u, true);
                free(u);
            } else {
                c_line(out, "  ", s, false);
            }
        }
        fputs("  },\n", out);
    }
    fprintf(out, "};\nconst size_t cli_doc_count = %zu;\n", page_count);
}

/* The options a page defines: words "*-x*" or "*--xx*" at the start of an
 * unindented line under OPTIONS, with the values "_a_|_b_" they take. */
static void bash_page(FILE *out, const page *p, bool values)
{
    bool in = false;
    size_t i;
    for (i = 1; i < p->count; i++) {
        const char *s = p->lines[i], *q;
        if (!strncmp(s, "# ", 2)) {
            in = !strcmp(s, "# OPTIONS");
            continue;
        }
        if (!in || s[0] != '*' || s[1] != '-')
            continue;
        for (q = s; (q = strstr(q, "*-")); ) {
            size_t n = strcspn(q + 1, "*");
            const char *after = q + 1 + n + 1;
            if (!values)
                fprintf(out, " %.*s", (int)n, q + 1);
            else if (*after == ' ' && after[1] == '_' && strchr(after, '|')) {
                /* "*--format* _text_|_json_" */
                const char *v = after + 1;
                fprintf(out, "        \"%s %.*s\") words=\"", p->name,
                        (int)n, q + 1);
                while (*v == '_') {
                    size_t m = strcspn(v + 1, "_");
                    fprintf(out, "%.*s ", (int)m, v + 1);
                    v += m + 2;
                    if (*v != '|')
                        break;
                    v++;
                }
                fputs("\" ;;\n", out);
            }
            q += 1 + n;
        }
    }
}

static void bash(FILE *out)
{
    size_t k;
    fputs("# bash completion for ragbook.  Made by tools/ragdoc.c from\n"
          "# docs/man/*.scd (the options each page lists): edit those.\n"
          "_ragbook()\n{\n"
          "    local cur=${COMP_WORDS[COMP_CWORD]} prev=\"\"\n"
          "    local cmd=\"\" i words=\"\"\n"
          "    [ \"$COMP_CWORD\" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD-1]}\n"
          "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
          "        case ${COMP_WORDS[i]} in -*) ;; *) cmd=${COMP_WORDS[i]};"
          " break ;; esac\n    done\n"
          "    COMPREPLY=()\n"
          "    if [ -z \"$cmd\" ]; then\n"
          "        COMPREPLY=($(compgen -W \"",
          out);
    for (k = 0; k < page_count; k++)
        if (pages[k].name[0])
            fprintf(out, "%s ", pages[k].name);
    fputs("--help --version\" -- \"$cur\"))\n        return\n    fi\n"
          "    case \"$cmd $prev\" in\n",
          out);
    for (k = 0; k < page_count; k++)
        bash_page(out, &pages[k], true);
    fputs("        *\" --as-of\"|*\" --tolerance\"|*\" --jobs\"|*\" --rule\"|"
          "*\" --sheet\")\n"
          "            return ;;\n"
          "        *\" -o\"|*\" --output\"|*\" --report\")\n"
          "            COMPREPLY=($(compgen -f -- \"$cur\"))\n"
          "            return ;;\n"
          "    esac\n"
          "    if [ -n \"$words\" ]; then\n"
          "        COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
          "        return\n    fi\n"
          "    if [[ $cur == -* ]]; then\n"
          "        case $cmd in\n",
          out);
    for (k = 0; k < page_count; k++) {
        if (!pages[k].name[0])
            continue;
        fprintf(out, "        %s) words=\"", pages[k].name);
        bash_page(out, &pages[k], false);
        fputs(" --help\" ;;\n", out);
    }
    fputs("        esac\n"
          "        COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
          "        return\n    fi\n"
          "    # workbooks and folders (no extglob needed)\n"
          "    local f IFS=$'\\n'\n"
          "    for f in $(compgen -f -- \"$cur\"); do\n"
          "        case $f in\n"
          "        *.[xX][lL][sS][xXmM]) COMPREPLY+=(\"$f\") ;;\n"
          "        *) [ -d \"$f\" ] && COMPREPLY+=(\"$f\") ;;\n"
          "        esac\n"
          "    done\n"
          "}\n"
          "complete -o filenames -F _ragbook ragbook\n",
          out);
}

static void markdown(FILE *out)
{
    size_t k, i;
    fputs("<!-- Made by tools/ragdoc.c from docs/man/*.scd (the man pages "
          "and --help\n     come from the same files): edit those, then "
          "`cmake --build build\n     --target docs`. -->\n"
          "# The ragbook command\n\n",
          out);
    for (k = 0; k < page_count; k++)
        fprintf(out, "- [ragbook%s%s](#ragbook%s%s): %s\n",
                pages[k].name[0] ? " " : "", pages[k].name,
                pages[k].name[0] ? "-" : "", pages[k].name,
                pages[k].summary);
    for (k = 0; k < page_count; k++) {
        page *p = &pages[k];
        bool literal = false, term = false;
        fprintf(out, "\n<a id=\"ragbook%s%s\"></a>\n## ragbook%s%s\n",
                p->name[0] ? "-" : "", p->name, p->name[0] ? " " : "",
                p->name);
        bool name = false, synopsis = false;
        for (i = 1; i < p->count; i++) {
            const char *s = p->lines[i];
            if (!strncmp(s, "# ", 2)) {
                name = !strcmp(s, "# NAME");
                synopsis = !strcmp(s, "# SYNOPSIS");
                if (strcmp(s, "# NAME"))
                    fprintf(out, "### %c%s", s[2], "");
                if (strcmp(s, "# NAME")) {
                    const char *c;
                    for (c = s + 3; *c; c++)
                        fputc(tolower((unsigned char)*c), out);
                    fputc('\n', out);
                }
                continue;
            }
            if (name)
                continue;
            if (synopsis && s[0]) {
                render(s, true, out);
                fputs("  \n", out);  /* a line break, as in the page */
                continue;
            }
            if (!strcmp(s, "```")) {
                literal = !literal;
                fputs("```\n", out);
                continue;
            }
            if (literal) {
                char *u = unescape(s);
                fprintf(out, "%s\n", u);
                free(u);
                continue;
            }
            if (!s[0]) {
                term = false;
                fputc('\n', out);
                continue;
            }
            if (s[0] != '\t' && i + 1 < p->count &&
                p->lines[i + 1][0] == '\t') {
                fputs("- ", out);
                render(s, true, out);
                fputs("  \n", out);
                term = true;
                continue;
            }
            if (s[0] == '\t') {
                fputs(term ? "  " : "    ", out);
                render(s + 1, true, out);
            } else {
                render(s, true, out);
            }
            fputc('\n', out);
        }
    }
}

int main(int argc, char **argv)
{
    FILE *out;
    int i;

    if (argc < 4) {
        fprintf(stderr, "usage: ragdoc help|bash|markdown OUT PAGE.scd...\n");
        return 2;
    }
    for (i = 3; i < argc; i++)
        load(argv[i]);
    out = fopen(argv[2], "w");
    if (!out)
        die("cannot write", argv[2]);
    if (!strcmp(argv[1], "help"))
        help(out);
    else if (!strcmp(argv[1], "bash"))
        bash(out);
    else if (!strcmp(argv[1], "markdown"))
        markdown(out);
    else
        die("unknown mode", argv[1]);
    if (fclose(out) != 0)
        die("cannot write", argv[2]);
    return 0;
}
