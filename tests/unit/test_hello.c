/*
 * ClientHello and ServerHello bodies (tkt_client_hello_* and
 * tkt_server_hello_*) and the whole-message ext 35 rewriters
 * (tkt_hello_set_ext35, tkt_hello_remove_ext35), on real OpenSSL and
 * GnuTLS messages and on synthetic boundary cases.
 */
#include <stdint.h>
#include <string.h>

#include "tkt/codec.h"
#include "check.h"
#include "hello_vectors.h"

#define CANARY 0xA5u
#define BUF (70000u)

static uint8_t work[BUF], out[BUF], out2[BUF];

typedef struct vector {
	const char *name;
	const uint8_t *msg;
	size_t len;
	int has_ticket;      /* ext 35 present */
	size_t ticket_len;   /* its extension_data length */
} vector;

static const vector vectors[] = {
	/* Ticket lengths as tshark reported them (corpus/captures/). */
	{ "openssl resumption ClientHello", ossl_ch_resume,
		sizeof ossl_ch_resume, 1, 176 },
	{ "openssl full ServerHello", ossl_sh_full, sizeof ossl_sh_full, 1, 0 },
	{ "gnutls full ClientHello", gnutls_ch_full, sizeof gnutls_ch_full,
		1, 0 },
	{ "gnutls resumption ServerHello", gnutls_sh_resume,
		sizeof gnutls_sh_resume, 0, 0 },
};

static size_t be16(const uint8_t *p)
{
	return (size_t)p[0] * 256u + p[1];
}

/* Decode a body as the message type says; 1 on TKT_OK. */
static tkt_status decode_body(uint8_t type, const uint8_t *b, size_t n,
	tkt_client_hello *ch, tkt_server_hello *sh, size_t *at)
{
	if (type == TKT_HS_CLIENT_HELLO)
		return tkt_client_hello_decode(b, n, ch, at);
	return tkt_server_hello_decode(b, n, sh, at);
}

/* Offset of the extensions block in a body (where it would start). */
static size_t ext_offset(uint8_t type, const uint8_t *b)
{
	size_t p = 35u + b[34];

	if (type == TKT_HS_SERVER_HELLO)
		return p + 3u;
	p += 2u + be16(b + p);
	return p + 1u + b[p];
}

/* A failed decode leaves its output untouched and reports an offset. */
static void expect_fail(uint8_t type, const uint8_t *b, size_t n,
	tkt_status want, size_t want_at)
{
	tkt_client_hello ch, ch0;
	tkt_server_hello sh, sh0;
	size_t at = 99999;
	tkt_status st;

	memset(&ch, CANARY, sizeof ch);
	memset(&sh, CANARY, sizeof sh);
	ch0 = ch;
	sh0 = sh;
	st = decode_body(type, b, n, &ch, &sh, &at);
	CHECK_EQ(st, want);
	CHECK_EQ(at, want_at);
	CHECK(memcmp(&ch, &ch0, sizeof ch) == 0);
	CHECK(memcmp(&sh, &sh0, sizeof sh) == 0);
}

/* Encoding into every too-small capacity writes nothing. */
static void check_caps_ch(const tkt_client_hello *v, size_t need)
{
	size_t cap, w;

	for (cap = 0; cap < need; cap += (cap < 40u || need - cap < 40u) ? 1u : 17u) {
		memset(out, CANARY, need + 1u);
		w = 0;
		CHECK_EQ(tkt_client_hello_encode(v, out, cap, &w),
			TKT_ERR_BUFFER_TOO_SMALL);
		CHECK_EQ(w, need);
		CHECK(out[0] == CANARY && out[need - 1u] == CANARY);
	}
}

static void check_caps_sh(const tkt_server_hello *v, size_t need)
{
	size_t cap, w;

	for (cap = 0; cap < need; cap++) {
		memset(out, CANARY, need + 1u);
		w = 0;
		CHECK_EQ(tkt_server_hello_encode(v, out, cap, &w),
			TKT_ERR_BUFFER_TOO_SMALL);
		CHECK_EQ(w, need);
		CHECK(out[0] == CANARY && out[need - 1u] == CANARY);
	}
}

static void test_real(const vector *t)
{
	tkt_hs hs;
	tkt_client_hello ch;
	tkt_server_hello sh;
	size_t at = 0, w = 0, k, eo;
	const uint8_t *b;
	size_t n;

	CHECK_EQ(tkt_hs_decode(t->msg, t->len, &hs, &at), TKT_OK);
	b = hs.body.ptr;
	n = hs.body.len;
	CHECK_EQ(decode_body(hs.type, b, n, &ch, &sh, &at), TKT_OK);
	CHECK_EQ(at, n);
	eo = ext_offset(hs.type, b);
	if (hs.type == TKT_HS_CLIENT_HELLO) {
		CHECK_EQ(ch.version, 0x0303);
		CHECK(ch.random == b + 2);
		CHECK_EQ(ch.session_id.len, b[34]);
		CHECK_EQ(ch.cipher_suites.len, be16(b + 35 + b[34]));
		CHECK(ch.has_extensions == 1);
		CHECK_EQ(ch.exts.list.len, n - eo - 2u);
		CHECK_EQ(ch.exts.has_ext35, t->has_ticket);
		CHECK_EQ(ch.exts.ext35.len, t->ticket_len);
		/* Both round trips. */
		CHECK_EQ(tkt_client_hello_size(&ch), n);
		CHECK_EQ(tkt_client_hello_encode(&ch, out, BUF, &w), TKT_OK);
		CHECK_MEM(out, w, b, n);
		check_caps_ch(&ch, n);
	} else {
		CHECK_EQ(sh.version, 0x0303);
		CHECK_EQ(sh.session_id.len, b[34]);
		CHECK_EQ(sh.cipher_suite, be16(b + 35 + b[34]));
		CHECK(sh.has_extensions == 1);
		CHECK_EQ(sh.exts.has_ext35, t->has_ticket);
		CHECK_EQ(sh.exts.ext35.len, t->ticket_len);
		CHECK_EQ(tkt_server_hello_size(&sh), n);
		CHECK_EQ(tkt_server_hello_encode(&sh, out, BUF, &w), TKT_OK);
		CHECK_MEM(out, w, b, n);
		check_caps_sh(&sh, n);
	}
	/*
	 * Every truncation is rejected, except the cut exactly before the
	 * extensions block: that is a valid hello without extensions.
	 */
	for (k = 0; k < n; k++) {
		tkt_client_hello c2;
		tkt_server_hello s2;
		tkt_status st = decode_body(hs.type, b, k, &c2, &s2, &at);

		if (k == eo) {
			CHECK_EQ(st, TKT_OK);
			CHECK(hs.type == TKT_HS_CLIENT_HELLO
				? c2.has_extensions == 0 : s2.has_extensions == 0);
		} else {
			CHECK(st != TKT_OK);
			CHECK(at <= k);
		}
	}
	/* Every length field one off in either direction is rejected. */
	memcpy(work, b, n);
	for (k = 0; k < 2; k++) {
		uint8_t d = k ? 0xFFu : 0x01u;   /* +1 or -1 (mod 256) */

		work[34] = (uint8_t)(b[34] + d);
		CHECK(decode_body(hs.type, work, n, &ch, &sh, &at) != TKT_OK);
		work[34] = b[34];
		work[eo + 1u] = (uint8_t)(b[eo + 1u] + d);
		CHECK(decode_body(hs.type, work, n, &ch, &sh, &at) != TKT_OK);
		work[eo + 1u] = b[eo + 1u];
		if (hs.type == TKT_HS_CLIENT_HELLO) {
			size_t cs = 35u + b[34], cm = cs + 2u + be16(b + cs);

			work[cs + 1u] = (uint8_t)(b[cs + 1u] + d);
			CHECK(decode_body(hs.type, work, n, &ch, &sh, &at) != TKT_OK);
			work[cs + 1u] = (uint8_t)(b[cs + 1u] + 2u * d);
			CHECK(decode_body(hs.type, work, n, &ch, &sh, &at) != TKT_OK);
			work[cs + 1u] = b[cs + 1u];
			work[cm] = (uint8_t)(b[cm] + d);
			CHECK(decode_body(hs.type, work, n, &ch, &sh, &at) != TKT_OK);
			work[cm] = b[cm];
		}
	}
	CHECK(memcmp(work, b, n) == 0);
	/* One byte after the block is trailing (the block length disagrees). */
	memcpy(work, b, n);
	work[n] = 0;
	expect_fail(hs.type, work, n + 1u, TKT_ERR_TRAILING, eo + 2u + be16(b + eo));
}

/* A minimal ClientHello: version, random, sid of `sid` bytes, suites, null. */
static size_t build_ch(uint8_t *b, size_t sid, int with_exts)
{
	size_t p = 0, i;

	b[p++] = 3;
	b[p++] = 3;
	for (i = 0; i < 32u; i++)
		b[p++] = (uint8_t)i;
	b[p++] = (uint8_t)sid;
	for (i = 0; i < sid; i++)
		b[p++] = 0xEE;
	b[p++] = 0;
	b[p++] = 4;
	b[p++] = 0xC0;
	b[p++] = 0x2F;
	b[p++] = 0x00;
	b[p++] = 0x9C;
	b[p++] = 1;
	b[p++] = 0;
	if (with_exts) {
		b[p++] = 0;
		b[p++] = 4;
		b[p++] = 0;
		b[p++] = 35;
		b[p++] = 0;
		b[p++] = 0;
	}
	return p;
}

static void test_session_ids(void)
{
	tkt_client_hello ch;
	tkt_server_hello sh;
	size_t sid, n, at, w;

	/* Ticketbleed (CVE-2016-9244): 0..32 accepted as is, 33 refused. */
	for (sid = 0; sid <= 33u; sid++) {
		n = build_ch(work, sid, 1);
		if (sid <= 32u) {
			CHECK_EQ(tkt_client_hello_decode(work, n, &ch, &at), TKT_OK);
			CHECK_EQ(ch.session_id.len, sid);
			CHECK(sid == 0 ? ch.session_id.ptr == NULL
				: ch.session_id.ptr == work + 35);
			CHECK_EQ(tkt_client_hello_encode(&ch, out, BUF, &w), TKT_OK);
			CHECK_MEM(out, w, work, n);
		} else {
			expect_fail(TKT_HS_CLIENT_HELLO, work, n, TKT_ERR_RANGE, 34);
		}
	}
	/* The same for a ServerHello. */
	for (sid = 0; sid <= 33u; sid++) {
		size_t i, p = 0;

		work[p++] = 3;
		work[p++] = 1;
		for (i = 0; i < 32u; i++)
			work[p++] = 0x42;
		work[p++] = (uint8_t)sid;
		for (i = 0; i < sid; i++)
			work[p++] = (uint8_t)i;
		work[p++] = 0x00;
		work[p++] = 0x2F;
		work[p++] = 0;
		if (sid <= 32u) {
			CHECK_EQ(tkt_server_hello_decode(work, p, &sh, &at), TKT_OK);
			CHECK_EQ(sh.version, 0x0301);
			CHECK_EQ(sh.cipher_suite, 0x002F);
			CHECK(sh.has_extensions == 0);
			CHECK_EQ(tkt_server_hello_encode(&sh, out, BUF, &w), TKT_OK);
			CHECK_MEM(out, w, work, p);
		} else {
			expect_fail(TKT_HS_SERVER_HELLO, work, p, TKT_ERR_RANGE, 34);
		}
	}
}

static void test_bad_fields(void)
{
	tkt_client_hello ch;
	size_t at, n;

	/* A ClientHello without extensions is valid. */
	n = build_ch(work, 0, 0);
	CHECK_EQ(tkt_client_hello_decode(work, n, &ch, &at), TKT_OK);
	CHECK(ch.has_extensions == 0 && ch.exts.has_ext35 == 0);
	CHECK_EQ(ch.compression.len, 1);
	/* Major version other than 3. */
	work[0] = 2;
	expect_fail(TKT_HS_CLIENT_HELLO, work, n, TKT_ERR_RANGE, 0);
	work[0] = 3;
	/* Empty and odd cipher suite lists. */
	work[36] = 0;
	expect_fail(TKT_HS_CLIENT_HELLO, work, n, TKT_ERR_BAD_LENGTH, 35);
	work[36] = 3;
	expect_fail(TKT_HS_CLIENT_HELLO, work, n, TKT_ERR_BAD_LENGTH, 35);
	work[36] = 4;
	/* Empty compression list. */
	work[41] = 0;
	expect_fail(TKT_HS_CLIENT_HELLO, work, n, TKT_ERR_BAD_LENGTH, 41);
	work[41] = 1;
	/* A single byte where an extensions block would start. */
	work[n] = 0;
	expect_fail(TKT_HS_CLIENT_HELLO, work, n + 1u, TKT_ERR_TRUNCATED, n);
	/* Two SessionTicket extensions. */
	n = build_ch(work, 0, 0);
	memcpy(work + n, "\x00\x08\x00\x23\x00\x00\x00\x23\x00\x00", 10);
	expect_fail(TKT_HS_CLIENT_HELLO, work, n + 10u, TKT_ERR_DUPLICATE, n + 6u);
	/* Short inputs: offsets of the field that is cut. */
	expect_fail(TKT_HS_CLIENT_HELLO, work, 0, TKT_ERR_TRUNCATED, 0);
	expect_fail(TKT_HS_CLIENT_HELLO, work, 1, TKT_ERR_TRUNCATED, 0);
	expect_fail(TKT_HS_CLIENT_HELLO, work, 20, TKT_ERR_TRUNCATED, 2);
	expect_fail(TKT_HS_CLIENT_HELLO, work, 34, TKT_ERR_TRUNCATED, 34);
	expect_fail(TKT_HS_SERVER_HELLO, work, 36, TKT_ERR_TRUNCATED, 35);
	expect_fail(TKT_HS_SERVER_HELLO, work, 37, TKT_ERR_TRUNCATED, 37);
}

static void test_encode_args(void)
{
	tkt_client_hello ch, bad;
	tkt_server_hello sh, sbad;
	size_t n = build_ch(work, 5, 1), at, w;
	static const uint8_t dup[] = { 0, 35, 0, 0, 0, 35, 0, 0 };
	static const uint8_t torn[] = { 0, 35, 0, 9 };

	CHECK_EQ(tkt_client_hello_decode(work, n, &ch, &at), TKT_OK);
#define BAD_CH(mut) do { \
	bad = ch; mut; w = 7; memset(out, CANARY, 8); \
	CHECK_EQ(tkt_client_hello_size(&bad), 0); \
	CHECK_EQ(tkt_client_hello_encode(&bad, out, BUF, &w), TKT_ERR_ARG); \
	CHECK_EQ(w, 0); CHECK(out[0] == CANARY); \
} while (0)
	BAD_CH(bad.version = 0x0203);
	BAD_CH(bad.random = NULL);
	BAD_CH(bad.session_id.len = 33);
	BAD_CH(bad.session_id.ptr = NULL);
	BAD_CH(bad.cipher_suites.len = 3);
	BAD_CH(bad.cipher_suites.len = 0);
	BAD_CH(bad.compression.len = 0);
	BAD_CH(bad.compression.len = 256);
	BAD_CH(bad.has_extensions = 2);
	BAD_CH((bad.exts.list.ptr = dup, bad.exts.list.len = sizeof dup));
	BAD_CH((bad.exts.list.ptr = torn, bad.exts.list.len = sizeof torn));
	BAD_CH(bad.exts.list.len = 65536);

	CHECK_EQ(tkt_server_hello_decode(ossl_sh_full + 4,
		sizeof ossl_sh_full - 4u, &sh, &at), TKT_OK);
	sbad = sh;
	sbad.session_id.len = 33;
	CHECK_EQ(tkt_server_hello_encode(&sbad, out, BUF, &w), TKT_ERR_ARG);
	sbad = sh;
	sbad.exts.list.ptr = dup;
	sbad.exts.list.len = sizeof dup;
	CHECK_EQ(tkt_server_hello_size(&sbad), 0);
	/* Dropping the block from a value encodes a hello without one. */
	sbad = sh;
	sbad.has_extensions = 0;
	CHECK_EQ(tkt_server_hello_encode(&sbad, out, BUF, &w), TKT_OK);
	CHECK_EQ(w, 35u + sh.session_id.len + 3u);
	CHECK_EQ(tkt_server_hello_decode(out, w, &sh, &at), TKT_OK);
	CHECK(sh.has_extensions == 0);
}

/* set then remove on a whole message; everything else stays. */
static void test_rewrite(const vector *t)
{
	static const uint8_t ticket[] = "a ticket of thirty-one bytes...";
	tkt_hs hs, hs2;
	tkt_client_hello ch;
	tkt_server_hello sh;
	const tkt_exts *x, *x2;
	size_t at, w = 0, w2 = 0, eo, cap;
	int before35;

	CHECK_EQ(tkt_hs_decode(t->msg, t->len, &hs, &at), TKT_OK);
	eo = 4u + ext_offset(hs.type, hs.body.ptr);
	decode_body(hs.type, hs.body.ptr, hs.body.len, &ch, &sh, &at);
	x = hs.type == TKT_HS_CLIENT_HELLO ? &ch.exts : &sh.exts;
	before35 = x->has_ext35;

	CHECK_EQ(tkt_hello_set_ext35(t->msg, t->len, ticket, 31, out, BUF, &w),
		TKT_OK);
	CHECK_EQ(w, t->len + 31u - (before35 ? x->ext35.len : 0u)
		+ (before35 ? 0u : 4u));
	CHECK_MEM(out + 4, eo - 4u, t->msg + 4, eo - 4u);
	CHECK_EQ(tkt_hs_decode(out, w, &hs2, &at), TKT_OK);
	CHECK_EQ(hs2.type, hs.type);
	{
		tkt_client_hello c2;
		tkt_server_hello s2;

		CHECK_EQ(decode_body(hs2.type, hs2.body.ptr, hs2.body.len, &c2,
			&s2, &at), TKT_OK);
		x2 = hs.type == TKT_HS_CLIENT_HELLO ? &c2.exts : &s2.exts;
		CHECK(x2->has_ext35 == 1);
		CHECK_MEM(x2->ext35.ptr, x2->ext35.len, ticket, 31);
		CHECK_EQ(x2->count, x->count + (before35 ? 0u : 1u));
		if (before35)
			CHECK_EQ(x2->ext35_index, x->ext35_index);
	}
	/* Removing it again gives the message without ext 35. */
	CHECK_EQ(tkt_hello_remove_ext35(out, w, out2, BUF, &w2), TKT_OK);
	CHECK_EQ(w2, t->len - (before35 ? 4u + x->ext35.len : 0u));
	CHECK_EQ(tkt_hs_decode(out2, w2, &hs2, &at), TKT_OK);
	{
		tkt_client_hello c2;
		tkt_server_hello s2;

		CHECK_EQ(decode_body(hs2.type, hs2.body.ptr, hs2.body.len, &c2,
			&s2, &at), TKT_OK);
		x2 = hs.type == TKT_HS_CLIENT_HELLO ? &c2.exts : &s2.exts;
		CHECK(x2->has_ext35 == 0);
		CHECK_EQ(x2->count, x->count - (before35 ? 1u : 0u));
	}
	/* Too small: nothing written, the size needed reported. */
	for (cap = 0; cap < w; cap += 7u) {
		size_t wn = 0;

		memset(out2, CANARY, w);
		CHECK_EQ(tkt_hello_set_ext35(t->msg, t->len, ticket, 31, out2,
			cap, &wn), TKT_ERR_BUFFER_TOO_SMALL);
		CHECK_EQ(wn, w);
		CHECK(out2[0] == CANARY && out2[w - 1u] == CANARY);
	}
	/* Truncated messages are refused with nothing written. */
	w = 5;
	CHECK(tkt_hello_set_ext35(t->msg, t->len - 1u, ticket, 31, out, BUF, &w)
		!= TKT_OK);
	CHECK_EQ(w, 0);
}

static void test_rewrite_edges(void)
{
	size_t n = build_ch(work + 4, 0, 0), w = 0, at;
	tkt_hs hs;
	tkt_client_hello ch;

	work[0] = TKT_HS_CLIENT_HELLO;
	work[1] = 0;
	work[2] = 0;
	work[3] = (uint8_t)n;
	/* No extensions block: set adds one, remove keeps the message. */
	CHECK_EQ(tkt_hello_set_ext35(work, n + 4u, NULL, 0, out, BUF, &w),
		TKT_OK);
	CHECK_EQ(w, n + 4u + 6u);
	CHECK_MEM(out + n + 4u, 6, "\x00\x04\x00\x23\x00\x00", 6);
	CHECK_EQ(out[3], n + 6u);
	CHECK_EQ(tkt_hs_decode(out, w, &hs, &at), TKT_OK);
	CHECK_EQ(tkt_client_hello_decode(hs.body.ptr, hs.body.len, &ch, &at),
		TKT_OK);
	CHECK(ch.exts.has_ext35 == 1 && ch.exts.ext35.len == 0);
	CHECK_EQ(tkt_hello_remove_ext35(work, n + 4u, out, BUF, &w), TKT_OK);
	CHECK_MEM(out, w, work, n + 4u);
	/* remove on a block holding only ext 35 keeps an empty block. */
	CHECK_EQ(tkt_hello_set_ext35(work, n + 4u, NULL, 0, out2, BUF, &w),
		TKT_OK);
	CHECK_EQ(tkt_hello_remove_ext35(out2, w, out, BUF, &w), TKT_OK);
	CHECK_EQ(w, n + 4u + 2u);
	CHECK_MEM(out + n + 4u, 2, "\x00\x00", 2);
	/* Not a hello. */
	work[0] = TKT_HS_NEW_SESSION_TICKET;
	w = 9;
	CHECK_EQ(tkt_hello_set_ext35(work, n + 4u, NULL, 0, out, BUF, &w),
		TKT_ERR_BAD_TYPE);
	CHECK_EQ(w, 0);
	CHECK_EQ(tkt_hello_remove_ext35(work, n + 4u, out, BUF, &w),
		TKT_ERR_BAD_TYPE);
	work[0] = TKT_HS_CLIENT_HELLO;
	/* Data that cannot fit in an extension. */
	CHECK_EQ(tkt_hello_set_ext35(work, n + 4u, out2, 65536, out, BUF, &w),
		TKT_ERR_ARG);
	CHECK_EQ(tkt_hello_set_ext35(work, n + 4u, NULL, 3, out, BUF, &w),
		TKT_ERR_ARG);
}

int main(void)
{
	size_t i;

	for (i = 0; i < sizeof vectors / sizeof vectors[0]; i++) {
		test_real(&vectors[i]);
		test_rewrite(&vectors[i]);
	}
	test_session_ids();
	test_bad_fields();
	test_encode_args();
	test_rewrite_edges();
	return check_summary("test_hello");
}
