/*
 * Output buffers for the `tkt` command: plain text and a small JSON writer.
 * Output is accumulated and printed only on success (see cli.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void cli_text_init(cli_text *t)
{
	t->p = NULL;
	t->len = 0;
	t->cap = 0;
	t->oom = 0;
}

void cli_text_free(cli_text *t)
{
	free(t->p);
	cli_text_init(t);
}

/* Make room for n more bytes plus a terminating NUL (kept for vsnprintf). */
static int reserve(cli_text *t, size_t n)
{
	size_t need, cap;
	char *p;

	if (t->oom)
		return 0;
	if (n > (size_t)-1 - t->len - 1) {
		t->oom = 1;
		return 0;
	}
	need = t->len + n + 1;
	if (need <= t->cap)
		return 1;
	cap = t->cap ? t->cap : 256;
	while (cap < need)
		cap = cap > (size_t)-1 / 2 ? need : cap * 2;
	p = realloc(t->p, cap);
	if (p == NULL) {
		t->oom = 1;
		return 0;
	}
	t->p = p;
	t->cap = cap;
	return 1;
}

void cli_text_put(cli_text *t, const char *s, size_t n)
{
	if (!reserve(t, n))
		return;
	if (n > 0)
		memcpy(t->p + t->len, s, n);
	t->len += n;
	t->p[t->len] = '\0';
}

void cli_text_printf(cli_text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		t->oom = 1;
		return;
	}
	if (!reserve(t, (size_t)n))
		return;
	va_start(ap, fmt);
	(void)vsnprintf(t->p + t->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	t->len += (size_t)n;
}

void cli_text_hex(cli_text *t, const uint8_t *b, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	if (n > ((size_t)-1 - 1) / 2 || !reserve(t, 2 * n))
		return;
	for (i = 0; i < n; i++) {
		t->p[t->len++] = digits[b[i] / 16u];
		t->p[t->len++] = digits[b[i] % 16u];
	}
	t->p[t->len] = '\0';
}

int cli_text_flush(cli_text *t)
{
	int rc = CLI_EXIT_OK;

	if (t->oom) {
		cli_error("out of memory while formatting the output");
		rc = CLI_EXIT_IO;
	} else if ((t->len > 0 && fwrite(t->p, 1, t->len, stdout) != t->len)
		|| fflush(stdout) != 0) {
		cli_error("cannot write to standard output");
		rc = CLI_EXIT_IO;
	}
	cli_text_free(t);
	return rc;
}

/* ---------------------------------------------------------------- JSON */

/*
 * first[] per level: FIRST = no member yet, IS_OBJ = the container is an
 * object (its members need keys), FLAT = no line breaks inside. Level 0
 * is the document itself.
 */
#define FIRST 1
#define IS_OBJ 2
#define FLAT 4   /* an array written on one line */

void cli_json_init(cli_json *j, cli_text *out)
{
	j->out = out;
	j->depth = 0;
	j->first[0] = FIRST;
	j->bad = 0;
}

static void put_string(cli_json *j, const uint8_t *s, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	char esc[6];
	size_t i, run = 0;

	cli_text_put(j->out, "\"", 1);
	for (i = 0; i < n; i++) {
		const uint8_t c = s[i];
		const char *rep = NULL;
		size_t rlen = 2;

		switch (c) {
		case '"':  rep = "\\\""; break;
		case '\\': rep = "\\\\"; break;
		case '\n': rep = "\\n"; break;
		case '\r': rep = "\\r"; break;
		case '\t': rep = "\\t"; break;
		case '\b': rep = "\\b"; break;
		case '\f': rep = "\\f"; break;
		default:
			/* Bytes >= 0x80 are escaped too: the input is not known to be
			   UTF-8 and raw bytes would make the document invalid. */
			if (c < 0x20u || c >= 0x7fu) {
				esc[0] = '\\';
				esc[1] = 'u';
				esc[2] = '0';
				esc[3] = '0';
				esc[4] = digits[c / 16u];
				esc[5] = digits[c % 16u];
				rep = esc;
				rlen = 6;
			}
			break;
		}
		if (rep != NULL) {
			cli_text_put(j->out, (const char *)(s + i - run), run);
			run = 0;
			cli_text_put(j->out, rep, rlen);
		} else {
			run++;
		}
	}
	cli_text_put(j->out, (const char *)(s + n - run), run);
	cli_text_put(j->out, "\"", 1);
}

/* Comma, indentation and "key": before a value at the current level. */
static void member(cli_json *j, const char *key)
{
	const int in_obj = j->depth > 0 && (j->first[j->depth] & IS_OBJ) != 0;
	int i;

	if ((key != NULL) != in_obj || (j->depth == 0 && !(j->first[0] & FIRST)))
		j->bad = 1;   /* key misuse, or a second top-level value */
	if (j->depth > 0 && (j->first[j->depth] & FLAT)) {
		if (!(j->first[j->depth] & FIRST))
			cli_text_put(j->out, ", ", 2);
	} else if (j->depth > 0) {
		if (!(j->first[j->depth] & FIRST))
			cli_text_put(j->out, ",", 1);
		cli_text_put(j->out, "\n", 1);
		for (i = 0; i < j->depth; i++)
			cli_text_put(j->out, "  ", 2);
	}
	j->first[j->depth] &= ~FIRST;
	if (key != NULL) {
		put_string(j, (const uint8_t *)key, strlen(key));
		cli_text_put(j->out, ": ", 2);
	}
}

static void open_container(cli_json *j, const char *key, int flags)
{
	member(j, key);
	cli_text_put(j->out, (flags & IS_OBJ) ? "{" : "[", 1);
	if (j->depth >= CLI_JSON_DEPTH) {
		j->bad = 1;
		return;
	}
	j->depth++;
	j->first[j->depth] = FIRST | flags;
}

static void close_container(cli_json *j, int is_obj)
{
	int i;

	if (j->depth == 0 || ((j->first[j->depth] & IS_OBJ) != 0) != is_obj) {
		j->bad = 1;
		return;
	}
	if (!(j->first[j->depth] & (FIRST | FLAT))) {
		cli_text_put(j->out, "\n", 1);
		for (i = 1; i < j->depth; i++)
			cli_text_put(j->out, "  ", 2);
	}
	j->depth--;
	cli_text_put(j->out, is_obj ? "}" : "]", 1);
}

void cli_json_obj_begin(cli_json *j, const char *key) { open_container(j, key, IS_OBJ); }
void cli_json_obj_begin_flat(cli_json *j, const char *key) { open_container(j, key, IS_OBJ | FLAT); }
void cli_json_obj_end(cli_json *j) { close_container(j, 1); }
void cli_json_arr_begin(cli_json *j, const char *key) { open_container(j, key, 0); }
void cli_json_arr_begin_flat(cli_json *j, const char *key) { open_container(j, key, FLAT); }
void cli_json_arr_end(cli_json *j) { close_container(j, 0); }

void cli_json_str(cli_json *j, const char *key, const char *s)
{
	member(j, key);
	put_string(j, (const uint8_t *)s, strlen(s));
}

void cli_json_strn(cli_json *j, const char *key, const uint8_t *s, size_t n)
{
	member(j, key);
	put_string(j, s, n);
}

void cli_json_hex(cli_json *j, const char *key, const uint8_t *b, size_t n)
{
	member(j, key);
	cli_text_put(j->out, "\"", 1);
	cli_text_hex(j->out, b, n);
	cli_text_put(j->out, "\"", 1);
}

void cli_json_uint(cli_json *j, const char *key, uint64_t v)
{
	member(j, key);
	cli_text_printf(j->out, "%llu", (unsigned long long)v);
}

void cli_json_hex16(cli_json *j, const char *key, unsigned v)
{
	member(j, key);
	cli_text_printf(j->out, "\"0x%04x\"", v);
}

void cli_json_bool(cli_json *j, const char *key, int v)
{
	member(j, key);
	cli_text_put(j->out, v ? "true" : "false", v ? 4 : 5);
}

void cli_json_null(cli_json *j, const char *key)
{
	member(j, key);
	cli_text_put(j->out, "null", 4);
}

int cli_json_finish(cli_json *j)
{
	if (j->depth != 0 || (j->first[0] & FIRST))
		j->bad = 1;
	cli_text_put(j->out, "\n", 1);
	return j->bad ? -1 : 0;
}
