/*
 * tkt seal --keys FILE [--keys FILE...] [--key-format F] [--suite S]
 *          [--now UNIX] [--lifetime SECONDS] [--raw] [-o OUT] STATE
 *
 * STATE (a file or "-") is a StatePlaintext: raw bytes, hex text, or the
 * JSON object that `tkt open --json` / `tkt inspect --as state --json`
 * print. The ticket sealed with the ring's encrypting key at --now
 * (default: the current time) is written as hex text and a newline, or
 * as raw bytes with --raw. Exit status 0, or 2 with one line on stderr
 * (usage, I/O, malformed state, no key able to encrypt).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tkt/seal.h"
#include "cli.h"

#define SEAL_EXIT_OK 0
#define SEAL_EXIT_ERR 2
#define SEAL_MAX_KEYFILES 16

static int u64_arg(const char *s, uint64_t *v)
{
	uint64_t x = 0;

	if (s == NULL || *s == 0)
		return 0;
	for (; *s != 0; s++) {
		uint64_t d;
		if (*s < '0' || *s > '9')
			return 0;
		d = (uint64_t)(*s - '0');
		if (x > (UINT64_MAX - d) / 10u)
			return 0;
		x = x * 10u + d;
	}
	*v = x;
	return 1;
}

/* 1 if the text's first non-blank byte opens a JSON object. */
static int looks_json(const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r')
			continue;
		return p[i] == '{';
	}
	return 0;
}

int cmd_seal(int argc, char **argv)
{
	char *keyfiles[SEAL_MAX_KEYFILES];
	size_t nkf = 0, w = 0;
	const char *format = NULL, *suite = NULL, *out = NULL, *state_path = NULL;
	uint64_t now, lifetime = TKT_MAX_HINT;
	int raw = 0, a, rc;
	time_t t = time(NULL);
	tkt_ring ring;
	tkt_ring_key *slots = NULL;
	cli_input in;
	tkt_state st;
	uint8_t *store = NULL, *ticket = NULL;
	tkt_drbg rng;
	tkt_status s;
	uint32_t hint = 0;

	now = t < 0 ? 0 : (uint64_t)t;
	for (a = 1; a < argc; a++) {
		const char *v = a + 1 < argc ? argv[a + 1] : NULL;
		if (strcmp(argv[a], "--keys") == 0 && v != NULL &&
		    nkf < SEAL_MAX_KEYFILES)
			keyfiles[nkf++] = argv[++a];
		else if (strcmp(argv[a], "--key-format") == 0 && v != NULL)
			format = argv[++a];
		else if (strcmp(argv[a], "--suite") == 0 && v != NULL)
			suite = argv[++a];
		else if (strcmp(argv[a], "-o") == 0 && v != NULL)
			out = argv[++a];
		else if (strcmp(argv[a], "--now") == 0 && u64_arg(v, &now))
			a++;
		else if (strcmp(argv[a], "--lifetime") == 0 && u64_arg(v, &lifetime)
			&& lifetime <= UINT32_MAX)
			a++;
		else if (strcmp(argv[a], "--raw") == 0)
			raw = 1;
		else if (strcmp(argv[a], "--help") == 0 || strcmp(argv[a], "-h") == 0) {
			printf("usage: tkt seal --keys FILE [--key-format F] [--suite S] [--now UNIX] [--lifetime S] [--raw] [-o OUT] STATE\n");
			return SEAL_EXIT_OK;
		} else if ((argv[a][0] != '-' || argv[a][1] == 0) && state_path == NULL)
			state_path = argv[a];
		else {
			cli_error("seal: bad argument '%s' (tkt seal --help)", argv[a]);
			return SEAL_EXIT_ERR;
		}
	}
	if (nkf == 0 || state_path == NULL) {
		cli_error("seal: --keys FILE and STATE are required");
		return SEAL_EXIT_ERR;
	}
	rc = cli_ring_load(keyfiles, nkf, format, suite, &ring, &slots);
	if (rc != 0)
		return SEAL_EXIT_ERR;
	if (cli_read_input(state_path, CLI_INPUT_RAW, &in) != 0) {
		cli_ring_free(&ring, slots);
		return SEAL_EXIT_ERR;
	}
	rc = SEAL_EXIT_ERR;
	store = malloc(in.len + 1u);
	if (store == NULL) {
		cli_error("out of memory");
		goto done;
	}
	if (looks_json(in.data, in.len)) {
		if (!cli_state_from_json(in.data, in.len, &st, store, in.len + 1u)) {
			cli_error("seal: %s: not a state JSON object", state_path);
			goto done;
		}
	} else {
		size_t n = 0, at = 0;
		if (!cli_hex_text_decode(in.data, in.len, store, &n)) {
			memcpy(store, in.data, in.len);
			n = in.len;
		}
		s = tkt_state_decode(store, n, &st, &at);
		if (s != TKT_OK) {
			cli_error("seal: %s: offset %u: %s (%s)", state_path,
				(unsigned)at, tkt_strerror((int)s), tkt_status_name((int)s));
			goto done;
		}
	}
	ticket = malloc(tkt_state_size(&st) + TKT_SEAL_MAX_OVERHEAD);
	if (ticket == NULL) {
		cli_error("out of memory");
		goto done;
	}
	if (tkt_drbg_init(&rng) != TKT_OK) {
		cli_error("seal: no randomness available");
		goto done;
	}
	s = tkt_seal(&ring, &rng, &st, now, (uint32_t)lifetime, ticket,
		tkt_state_size(&st) + TKT_SEAL_MAX_OVERHEAD, &w, &hint);
	tkt_drbg_clear(&rng);
	if (s != TKT_OK) {
		cli_error("seal: %s (%s)", tkt_strerror((int)s), tkt_status_name((int)s));
		goto done;
	}
	{
		FILE *f = stdout;
		if (out != NULL && strcmp(out, "-") != 0) {
			f = fopen(out, "wb");
			if (f == NULL) {
				cli_error("seal: cannot write %s", out);
				goto done;
			}
		}
		if (raw) {
			(void)fwrite(ticket, 1, w, f);
		} else {
			size_t i;
			for (i = 0; i < w; i++)
				fprintf(f, "%02x", ticket[i]);
			fputc('\n', f);
		}
		if (ferror(f) || (f != stdout ? fclose(f) : fflush(f)) != 0) {
			cli_error("seal: write failed");
			goto done;
		}
	}
	rc = SEAL_EXIT_OK;
done:
	if (store != NULL) {
		tkt_secure_zero(store, in.len + 1u);
		free(store);
	}
	free(ticket);
	tkt_secure_zero(in.data, in.len);
	cli_input_free(&in);
	cli_ring_free(&ring, slots);
	return rc;
}
