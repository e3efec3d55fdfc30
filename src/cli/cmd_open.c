/*
 * tkt open --keys FILE [--keys FILE...] [--key-format F] [--suite S]
 *          [--now UNIX] [--lifetime SECONDS] [--json] TICKET
 *
 * TICKET (a file or "-") is raw bytes or hex text. Prints the decoded
 * StatePlaintext (it includes the master secret); with --json the object
 * `tkt inspect --as state --json` prints, plus "status": "ok" or
 * "ok_renew". Exit status (one line on stderr when not 0):
 *   0 OK or OK_RENEW   3 NOT_OURS   4 BAD_MAC   5 MALFORMED (and POLICY)
 *   6 EXPIRED          7 EMPTY      2 usage or I/O error
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tkt/seal.h"
#include "cli.h"

#define OPEN_EXIT_OK 0
#define OPEN_EXIT_USAGE 2
#define OPEN_MAX_KEYFILES 16

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

static int exit_for(tkt_status s)
{
	switch (s) {
	case TKT_OK:
	case TKT_OK_RENEW:       return 0;
	case TKT_ERR_NOT_OURS:   return 3;
	case TKT_ERR_BAD_MAC:    return 4;
	case TKT_ERR_MALFORMED:
	case TKT_ERR_POLICY:     return 5;
	case TKT_ERR_EXPIRED:    return 6;
	case TKT_EMPTY:          return 7;
	default:                 return OPEN_EXIT_USAGE;
	}
}

int cmd_open(int argc, char **argv)
{
	char *keyfiles[OPEN_MAX_KEYFILES];
	size_t nkf = 0;
	const char *format = NULL, *suite = NULL, *path = NULL;
	uint64_t now, lifetime = 0;
	int json = 0, a, rc;
	time_t t = time(NULL);
	tkt_ring ring;
	tkt_ring_key *slots = NULL;
	cli_input in;
	tkt_policy pol;
	tkt_state st;
	uint8_t *buf;
	tkt_status s;

	now = t < 0 ? 0 : (uint64_t)t;
	for (a = 1; a < argc; a++) {
		const char *v = a + 1 < argc ? argv[a + 1] : NULL;
		if (strcmp(argv[a], "--keys") == 0 && v != NULL &&
		    nkf < OPEN_MAX_KEYFILES)
			keyfiles[nkf++] = argv[++a];
		else if (strcmp(argv[a], "--key-format") == 0 && v != NULL)
			format = argv[++a];
		else if (strcmp(argv[a], "--suite") == 0 && v != NULL)
			suite = argv[++a];
		else if (strcmp(argv[a], "--now") == 0 && u64_arg(v, &now))
			a++;
		else if (strcmp(argv[a], "--lifetime") == 0 && u64_arg(v, &lifetime)
			&& lifetime <= UINT32_MAX)
			a++;
		else if (strcmp(argv[a], "--json") == 0)
			json = 1;
		else if (strcmp(argv[a], "--help") == 0 || strcmp(argv[a], "-h") == 0) {
			printf("usage: tkt open --keys FILE [--key-format F] [--suite S] [--now UNIX] [--lifetime S] [--json] TICKET\n"
				"exit: 0 ok/ok_renew, 3 not ours, 4 bad mac, 5 malformed, 6 expired, 7 empty, 2 usage/io\n");
			return OPEN_EXIT_OK;
		} else if ((argv[a][0] != '-' || argv[a][1] == 0) && path == NULL)
			path = argv[a];
		else {
			cli_error("open: bad argument '%s' (tkt open --help)", argv[a]);
			return OPEN_EXIT_USAGE;
		}
	}
	if (nkf == 0 || path == NULL) {
		cli_error("open: --keys FILE and TICKET are required");
		return OPEN_EXIT_USAGE;
	}
	if (cli_ring_load(keyfiles, nkf, format, suite, &ring, &slots) != 0)
		return OPEN_EXIT_USAGE;
	if (cli_read_input(path, CLI_INPUT_AUTO, &in) != 0) {
		cli_ring_free(&ring, slots);
		return OPEN_EXIT_USAGE;
	}
	buf = malloc(in.len + 1u);
	if (buf == NULL) {
		cli_error("out of memory");
		cli_input_free(&in);
		cli_ring_free(&ring, slots);
		return OPEN_EXIT_USAGE;
	}
	memset(&pol, 0, sizeof pol);
	pol.lifetime = (uint32_t)lifetime;
	s = tkt_open(&ring, &pol, now, in.data, in.len, buf, in.len + 1u, &st,
		NULL, NULL);
	rc = exit_for(s);
	if (rc == 0) {
		cli_text out;
		cli_text_init(&out);
		if (json) {
			cli_json j;
			cli_json_init(&j, &out);
			cli_json_obj_begin(&j, NULL);
			cli_json_str(&j, "structure", "state");
			cli_show_state_json_members(&j, &st);
			cli_json_str(&j, "status", s == TKT_OK ? "ok" : "ok_renew");
			cli_json_obj_end(&j);
			(void)cli_json_finish(&j);
		} else {
			cli_text_printf(&out, "status: %s\n",
				s == TKT_OK ? "ok" : "ok_renew");
			cli_show_state_text(&out, &st, "");
		}
		if (cli_text_flush(&out) != CLI_EXIT_OK)
			rc = OPEN_EXIT_USAGE;
	} else {
		cli_error("open: %s (%s)", tkt_strerror((int)s), tkt_status_name((int)s));
	}
	tkt_secure_zero(buf, in.len + 1u);
	free(buf);
	cli_input_free(&in);
	cli_ring_free(&ring, slots);
	return rc;
}
