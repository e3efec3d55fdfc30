/*
 * libFuzzer harness for the seal layer's parsers of untrusted bytes, run
 * briefly by tests/seal/run.sh (a smoke run, not a campaign). The first
 * input byte picks the target:
 *   0..5  tkt_keyfile_parse in format 1 + b % 6; oracle: an accepted file
 *         written back in its format and parsed again gives the same keys
 *         (and the same bytes for the fixed binary layouts)
 *   6     tkt_open on a ring of one key of each suite, with every key name
 *         planted so that inputs reach the MAC check; oracle: nothing but
 *         the documented statuses, and outputs only on success
 *   7     cli_state_from_json (the `tkt seal` JSON reader)
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tkt/seal.h"
#include "cli.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int same_keys(const tkt_key *a, const tkt_key *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (a[i].suite != b[i].suite || a[i].aes_len != b[i].aes_len ||
		    a[i].hmac_len != b[i].hmac_len ||
		    memcmp(a[i].name, b[i].name, 16) != 0 ||
		    memcmp(a[i].aes, b[i].aes, a[i].aes_len) != 0 ||
		    memcmp(a[i].hmac, b[i].hmac, a[i].hmac_len) != 0 ||
		    a[i].introduced != b[i].introduced ||
		    a[i].encrypt_for != b[i].encrypt_for ||
		    a[i].decrypt_for != b[i].decrypt_for)
			return 0;
	}
	return 1;
}

static void fuzz_keyfile(tkt_keyfile_format f, const uint8_t *p, size_t n)
{
	static tkt_key k[8], k2[8];
	static uint8_t out[4096];
	size_t cnt = 0, cnt2 = 0, w = 0;

	if (tkt_keyfile_parse(f, p, n, k, 8, &cnt) != TKT_OK)
		return;
	/* only the native format may hold no key at all */
	if ((cnt == 0 && f != TKT_KEYFILE_TKT) || cnt > 8)
		abort();
	if (tkt_keyfile_write(f, k, cnt, out, sizeof out, &w) != TKT_OK)
		abort();
	if (tkt_keyfile_parse(f, out, w, k2, 8, &cnt2) != TKT_OK || cnt2 != cnt ||
	    !same_keys(k, k2, cnt))
		abort();
	if ((f == TKT_KEYFILE_NGINX || f == TKT_KEYFILE_APACHE ||
	     f == TKT_KEYFILE_OPENSSL80 || f == TKT_KEYFILE_LIGHTTPD) &&
	    (w != n || memcmp(out, p, n) != 0))
		abort();
}

static void fuzz_open(const uint8_t *p, size_t n)
{
	static tkt_ring_key slots[3];
	static tkt_ring ring;
	static int ready;
	static uint8_t t[70000], buf[70000];
	tkt_state st, sentinel;
	tkt_status s;
	size_t i;

	if (!ready) {
		static const tkt_suite suites[3] = { TKT_SUITE_RFC5077,
			TKT_SUITE_RFC5077_AES256, TKT_SUITE_AES256_GCM };
		tkt_ring_init(&ring, slots, 3);
		for (i = 0; i < 3; i++) {
			tkt_key k;
			memset(&k, 0, sizeof k);
			k.suite = suites[i];
			memset(k.name, (int)('A' + i), 16);
			k.aes_len = tkt_suite_aes_len(suites[i]);
			memset(k.aes, (int)(i + 1), k.aes_len);
			k.hmac_len = i == 2 ? 0 : 32;
			memset(k.hmac, (int)(i + 0x40), k.hmac_len);
			k.encrypt_for = TKT_FOREVER;
			k.decrypt_for = TKT_FOREVER;
			if (tkt_ring_add(&ring, &k) != TKT_OK)
				abort();
		}
		ready = 1;
	}
	if (n > sizeof t - 16)
		return;
	/* byte 0 of the input chooses the planted key name */
	memcpy(t, p, n);
	if (n >= 17) {
		memset(t, 'A' + p[0] % 3, 16);
	}
	memset(&sentinel, 0x5A, sizeof sentinel);
	st = sentinel;
	s = tkt_open(&ring, NULL, 1700000000u, t, n, buf, sizeof buf, &st, NULL, NULL);
	switch (s) {
	case TKT_OK:
	case TKT_OK_RENEW:
		break;
	case TKT_EMPTY:
	case TKT_ERR_NOT_OURS:
	case TKT_ERR_BAD_MAC:
	case TKT_ERR_MALFORMED:
	case TKT_ERR_EXPIRED:
	case TKT_ERR_POLICY:
		if (memcmp(&st, &sentinel, sizeof st) != 0)
			abort();
		break;
	default:
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t store[70000];
	tkt_state st;

	if (size < 1)
		return 0;
	if (data[0] < 6)
		fuzz_keyfile((tkt_keyfile_format)(1 + data[0] % 6), data + 1, size - 1);
	else if (data[0] == 6)
		fuzz_open(data + 1, size - 1);
	else if (data[0] == 7 && size - 1 < sizeof store)
		(void)cli_state_from_json(data + 1, size - 1, &st, store, sizeof store);
	return 0;
}
