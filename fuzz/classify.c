/*
 * fuzz/classify.c -- `classify <target> <file>` prints "valid" or
 * "invalid": whether the spec mirror accepts the file as an input of that
 * target. corpus-min uses it to file new campaign inputs under
 * corpus/<target>/valid/ or invalid/ without consulting the codec, and
 * fuzz-smoke checks every corpus file's label with it.
 *
 * Built with -DTKT_CLASSIFY_SEAL (and the library, -lbearssl) it also
 * knows the seal-layer targets, which have no spec mirror:
 *   keyfile  valid = tkt_keyfile_parse accepts the file (the library's
 *            verdict: the label check then holds the parser to the labels
 *            fuzz/make_seeds.py wrote from the key-file spec);
 *   open     valid = fuzz_open.c's independent model of tkt_open expects
 *            TKT_OK or TKT_OK_RENEW (the harness itself is included).
 * and with -DTKT_CLASSIFY_BEARSSL (src/bearssl linked too):
 *   bearssl  valid = the tkt server accepted the ticket, or the tkt client
 *            took in a NewSessionTicket (fuzz_bearssl.c's fb_label; the
 *            harness runs the input, oracles included).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spec_mirror.h"

#ifdef TKT_CLASSIFY_SEAL
#include "fuzz_open.c"
#endif
#ifdef TKT_CLASSIFY_BEARSSL
/* The harness without its entry point (fuzz_open.c has one already). */
#define FB_NO_ENTRY
#include "fuzz_bearssl.c"

static int classify_bearssl(const uint8_t *b, size_t n)
{
	fb_run run;

	fb_one(b, n, &run);
	return fb_label(b, n, &run);
}
#endif
#ifdef TKT_CLASSIFY_SEAL

static int classify_keyfile(const uint8_t *b, size_t n)
{
	tkt_key keys[8];
	size_t count = 0, cap;

	if (n < 1u)
		return 0;
	/* The input layout of fuzz_keyfile.c: format and capacity byte. */
	cap = (size_t)(b[0] / 8u) % 5u;
	if (cap == 4u)
		cap = 8u;
	return tkt_keyfile_parse((tkt_keyfile_format)(b[0] % 8u), b + 1,
		n - 1u, keys, cap, &count) == TKT_OK;
}
#endif

static int classify(const char *t, const uint8_t *b, size_t n)
{
	unsigned type;
	int form;
	uint32_t hint;
	sm_span s1, s2, s3;
	sm_exts_view x;
	sm_hello h;
	sm_state_view st;

	if (strcmp(t, "hs") == 0)
		return sm_hs(b, n, &type, &s1);
	if (strcmp(t, "ext35") == 0)
		return sm_ext35(b, n, 0, &form, &s1);
	if (strcmp(t, "exts") == 0)
		return sm_exts(b, n, &x);
	if (strcmp(t, "client_hello") == 0)
		return sm_client_hello(b, n, &h);
	if (strcmp(t, "server_hello") == 0)
		return sm_server_hello(b, n, &h);
	if (strcmp(t, "nst") == 0)
		return sm_nst(b, n, &hint, &s1);
	if (strcmp(t, "nst_msg") == 0)
		return sm_nst_msg(b, n, &hint, &s1);
	if (strcmp(t, "ticket") == 0)
		return sm_ticket(b, n, 16, 32, &s1, &s2, &s3);
	if (strcmp(t, "ticket_gcm") == 0)
		return sm_ticket(b, n, 12, 16, &s1, &s2, &s3);
	if (strcmp(t, "state") == 0)
		return sm_state(b, n, &st);
#ifdef TKT_CLASSIFY_SEAL
	if (strcmp(t, "keyfile") == 0)
		return classify_keyfile(b, n);
	if (strcmp(t, "open") == 0)
		return fz_open_expected_ok(b, n);
#endif
#ifdef TKT_CLASSIFY_BEARSSL
	if (strcmp(t, "bearssl") == 0)
		return classify_bearssl(b, n);
#endif
	return -1;
}

int main(int argc, char **argv)
{
	static uint8_t buf[1u << 20];
	size_t n;
	FILE *f;
	int r;

	if (argc != 3 || (f = fopen(argv[2], "rb")) == NULL) {
		fprintf(stderr, "usage: classify <target> <file>\n");
		return 2;
	}
	n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	r = classify(argv[1], buf, n);
	if (r < 0) {
		fprintf(stderr, "classify: unknown target %s\n", argv[1]);
		return 2;
	}
	puts(r ? "valid" : "invalid");
	return 0;
}
