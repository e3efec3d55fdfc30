/*
 * Input of the `tkt` command: a whole file or standard input, as raw
 * bytes or hex text (the format is defined in cli.h).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("tkt: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int hex_value(uint8_t c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int is_space(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v'
		|| c == '\f';
}

/* A hex digit pair at text[i], i + 1 < len. */
static int is_pair(const uint8_t *text, size_t len, size_t i)
{
	return i < len && len - i >= 2 && hex_value(text[i]) >= 0
		&& hex_value(text[i + 1]) >= 0;
}

int cli_hex_text_decode(const uint8_t *text, size_t len, uint8_t *out,
	size_t *out_len)
{
	size_t i = 0, n = 0;

	for (;;) {
		while (i < len && is_space(text[i]))
			i++;
		if (i == len)
			break;
		/* one word: [0x] pair { [':'] pair } */
		if (len - i >= 2 && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X'))
			i += 2;
		if (!is_pair(text, len, i))
			return 0;
		for (;;) {
			out[n++] = (uint8_t)(hex_value(text[i]) * 16 + hex_value(text[i + 1]));
			i += 2;
			if (i < len && text[i] == ':') {
				i++;
				if (!is_pair(text, len, i))
					return 0;
				continue;
			}
			if (is_pair(text, len, i))
				continue;
			if (i == len || is_space(text[i]))
				break;
			return 0;
		}
	}
	*out_len = n;
	return 1;
}

void cli_input_free(cli_input *in)
{
	free(in->data);
	in->data = NULL;
	in->len = 0;
	in->was_hex = 0;
}

/* Read all of f into a heap buffer, refusing more than CLI_INPUT_MAX. */
static int slurp(FILE *f, const char *name, uint8_t **data, size_t *len)
{
	uint8_t *buf = NULL, *p;
	size_t n = 0, cap = 0, got;

	for (;;) {
		if (cap - n < 4096) {
			/* One byte beyond the limit tells "too large" from "exactly at it". */
			size_t ncap = cap ? cap * 2 : 65536;
			if (ncap > (size_t)CLI_INPUT_MAX + 1)
				ncap = (size_t)CLI_INPUT_MAX + 1;
			if (ncap <= n) {
				free(buf);
				cli_error("%s: input larger than %u bytes", name, CLI_INPUT_MAX);
				return CLI_EXIT_BAD;
			}
			p = realloc(buf, ncap);
			if (p == NULL) {
				free(buf);
				cli_error("%s: out of memory", name);
				return CLI_EXIT_IO;
			}
			buf = p;
			cap = ncap;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0) {
			if (ferror(f)) {
				free(buf);
				cli_error("%s: read error: %s", name, strerror(errno));
				return CLI_EXIT_IO;
			}
			break;
		}
	}
	if (n > CLI_INPUT_MAX) {
		free(buf);
		cli_error("%s: input larger than %u bytes", name, CLI_INPUT_MAX);
		return CLI_EXIT_BAD;
	}
	*data = buf;
	*len = n;
	return CLI_EXIT_OK;
}

int cli_read_input(const char *path, cli_input_mode mode, cli_input *in)
{
	const int use_stdin = path == NULL || strcmp(path, "-") == 0;
	const char *name = use_stdin ? "standard input" : path;
	FILE *f;
	uint8_t *data = NULL, *hex;
	size_t len = 0, hex_len = 0;
	int rc;

	in->data = NULL;
	in->len = 0;
	in->was_hex = 0;
	if (use_stdin) {
		f = stdin;
	} else {
		f = fopen(path, "rb");
		if (f == NULL) {
			cli_error("cannot open %s: %s", path, strerror(errno));
			return CLI_EXIT_IO;
		}
	}
	rc = slurp(f, name, &data, &len);
	if (!use_stdin)
		fclose(f);
	if (rc != CLI_EXIT_OK)
		return rc;

	if (mode == CLI_INPUT_RAW || (mode == CLI_INPUT_AUTO && len == 0)) {
		in->data = data;
		in->len = len;
		return CLI_EXIT_OK;
	}
	/* A separate buffer: a failed attempt must leave the raw bytes intact. */
	hex = malloc(len / 2 + 1);
	if (hex == NULL) {
		free(data);
		cli_error("%s: out of memory", name);
		return CLI_EXIT_IO;
	}
	if (cli_hex_text_decode(data, len, hex, &hex_len)) {
		free(data);
		in->data = hex;
		in->len = hex_len;
		in->was_hex = 1;
		return CLI_EXIT_OK;
	}
	free(hex);
	if (mode == CLI_INPUT_HEX) {
		free(data);
		cli_error("%s: not hex text (pairs of hex digits, optional 0x prefix, ':' or whitespace between bytes)", name);
		return CLI_EXIT_BAD;
	}
	in->data = data;
	in->len = len;
	return CLI_EXIT_OK;
}
