/*
 * fuzz/hello_common.h -- checks shared by the ClientHello and ServerHello
 * harnesses: tkt_hello_set_ext35 / tkt_hello_remove_ext35 on a whole
 * message, against expected bytes built by hand from the mirror's view.
 */
#ifndef TKT_FUZZ_HELLO_COMMON_H
#define TKT_FUZZ_HELLO_COMMON_H

#include "fuzz_common.h"

/* A handshake message of type `type` around `body`. */
static uint8_t *hello_wrap(uint8_t type, const uint8_t *body, size_t n)
{
	uint8_t *m = fz_alloc(4u + n);

	m[0] = type;
	m[1] = (uint8_t)(n / 65536u);
	m[2] = (uint8_t)((n / 256u) % 256u);
	m[3] = (uint8_t)(n % 256u);
	if (n > 0u)
		memcpy(m + 4, body, n);
	return m;
}

/*
 * The expected result of set (set = 1, data d) or remove (set = 0) on the
 * hello body `body` (n bytes) that the mirror decoded as h. Returns the
 * whole message, or NULL if the result cannot be encoded (too long).
 * `drop_empty`: when removing the only extension, drop the whole block
 * instead of leaving an empty one (codec.h allows either reading of
 * "keeping every other byte"; the harness accepts both).
 */
static uint8_t *hello_expected(uint8_t type, const uint8_t *body, size_t n,
	const sm_hello *h, int set, const uint8_t *d, size_t dlen,
	int drop_empty, size_t *out_len)
{
	const uint8_t *blk = body + h->exts_off;
	size_t list_len = h->has_exts ? h->exts.list.len : 0u;
	size_t old35 = h->has_exts && h->exts.has35 ?
		4u + h->exts.data35.len : 0u;
	size_t head = h->has_exts && h->exts.has35 ? h->exts.off35 : list_len;
	size_t new_list, body_len, k;
	int block;
	uint8_t *m;

	if (!set && old35 == 0u) {
		*out_len = 4u + n;
		return hello_wrap(type, body, n);
	}
	new_list = list_len - old35 + (set ? 4u + dlen : 0u);
	if (new_list > 65535u)
		return NULL;
	block = !(drop_empty && new_list == 0u);
	body_len = h->exts_off + (block ? 2u + new_list : 0u);
	m = fz_alloc(4u + body_len);
	m[0] = type;
	m[1] = (uint8_t)(body_len / 65536u);
	m[2] = (uint8_t)((body_len / 256u) % 256u);
	m[3] = (uint8_t)(body_len % 256u);
	memcpy(m + 4, body, h->exts_off);
	k = 4u + h->exts_off;
	if (block) {
		m[k] = (uint8_t)(new_list / 256u);
		m[k + 1u] = (uint8_t)(new_list % 256u);
		k += 2u;
		if (head > 0u)
			memcpy(m + k, blk + 2, head);
		k += head;
		if (set) {
			m[k] = 0;
			m[k + 1u] = 35;
			m[k + 2u] = (uint8_t)(dlen / 256u);
			m[k + 3u] = (uint8_t)(dlen % 256u);
			if (dlen > 0u)
				memcpy(m + k + 4u, d, dlen);
			k += 4u + dlen;
		}
		if (list_len > head + old35)
			memcpy(m + k, blk + 2 + head + old35,
				list_len - head - old35);
	}
	*out_len = 4u + body_len;
	return m;
}

static void hello_rewrite_check(uint8_t type, const uint8_t *body, size_t n,
	const sm_hello *h, int set, const uint8_t *d, size_t dlen)
{
	uint8_t *msg = hello_wrap(type, body, n);
	uint8_t *want = NULL, *alt = NULL, *out;
	size_t want_len = 0, alt_len = 0, written = (size_t)-1, cap;
	tkt_status st;

	want = hello_expected(type, body, n, h, set, d, dlen, 0, &want_len);
	alt = hello_expected(type, body, n, h, set, d, dlen, 1, &alt_len);
	if (want == NULL) {
		cap = 4u + n + 4u + dlen + 8u;
		out = fz_alloc(cap);
		st = tkt_hello_set_ext35(msg, 4u + n, d, dlen, out, cap,
			&written);
		FZ_CHECK(st == TKT_ERR_ARG && written == 0u);
		FZ_CHECK(fz_untouched(out, cap));
		free(out);
		free(msg);
		return;
	}
	/* Generous capacity first: learn the length the codec chose. */
	cap = want_len + 8u;
	out = fz_alloc(cap);
	st = set ? tkt_hello_set_ext35(msg, 4u + n, d, dlen, out, cap, &written) :
		tkt_hello_remove_ext35(msg, 4u + n, out, cap, &written);
	FZ_CHECK(st == TKT_OK);
	if (st == TKT_OK) {
		FZ_CHECK((written == want_len &&
			memcmp(out, want, want_len) == 0) ||
			(written == alt_len && memcmp(out, alt, alt_len) == 0));
		FZ_CHECK(fz_untouched(out + written, cap - written));
		/* One byte short: refused, nothing written, size reported. */
		free(out);
		cap = written - 1u;
		out = fz_alloc(cap);
		want_len = written;
		written = (size_t)-1;
		st = set ? tkt_hello_set_ext35(msg, 4u + n, d, dlen, out, cap,
				&written) :
			tkt_hello_remove_ext35(msg, 4u + n, out, cap, &written);
		FZ_CHECK(st == TKT_ERR_BUFFER_TOO_SMALL && written == want_len);
		FZ_CHECK(fz_untouched(out, cap));
	}
	free(out);
	free(want);
	free(alt);
	free(msg);
}

/* The rewriters refuse a message that is not a hello of type 1 or 2. */
static void hello_rewrite_rejects(const uint8_t *msg, size_t len)
{
	uint8_t *out = fz_alloc(len + 64u);
	size_t written = (size_t)-1;
	static const uint8_t d[4] = { 1, 2, 3, 4 };
	tkt_status st;

	st = tkt_hello_set_ext35(msg, len, d, sizeof d, out, len + 64u,
		&written);
	FZ_CHECK(st != TKT_OK && written == 0u);
	FZ_CHECK(fz_untouched(out, len + 64u));
	written = (size_t)-1;
	st = tkt_hello_remove_ext35(msg, len, out, len + 64u, &written);
	FZ_CHECK(st != TKT_OK && written == 0u);
	FZ_CHECK(fz_untouched(out, len + 64u));
	free(out);
}

/* Data announced but absent (NULL, length 4): refused before any work. */
static void hello_set_null_data(uint8_t type, const uint8_t *body, size_t n)
{
	uint8_t *msg = hello_wrap(type, body, n);
	uint8_t *out = fz_alloc(4u + n + 64u);
	size_t written = (size_t)-1;
	tkt_status st;

	st = tkt_hello_set_ext35(msg, 4u + n, NULL, 4, out, 4u + n + 64u,
		&written);
	FZ_CHECK(st == TKT_ERR_ARG && written == 0u);
	FZ_CHECK(fz_untouched(out, 4u + n + 64u));
	free(out);
	free(msg);
}

/* Both hellos: is the whole input a hello message the mirror accepts? */
static int hello_msg_ok(const uint8_t *data, size_t size)
{
	unsigned type = 0;
	sm_span body;
	sm_hello h;

	if (!sm_hs(data, size, &type, &body))
		return 0;
	if (type == 1u)
		return sm_client_hello(data + 4, body.len, &h);
	if (type == 2u)
		return sm_server_hello(data + 4, body.len, &h);
	return 0;
}

#endif
