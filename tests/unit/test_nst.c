/*
 * NewSessionTicket body and message: tkt_nst_decode/size/encode and the
 * _msg variants.
 */
#include <stdint.h>
#include <string.h>

#include "tkt/codec.h"
#include "check.h"

#define CANARY 0xA5u
#define BIG (4u + 6u + 65535u + 1u)

static uint8_t vec[BIG], work[BIG], enc[BIG], ref[BIG];

static void put16(uint8_t *p, size_t v)
{
	p[0] = (uint8_t)(v / 256u % 256u);
	p[1] = (uint8_t)(v % 256u);
}

static void put24(uint8_t *p, size_t v)
{
	p[0] = (uint8_t)(v / 65536u % 256u);
	p[1] = (uint8_t)(v / 256u % 256u);
	p[2] = (uint8_t)(v % 256u);
}

static void body_fail(const uint8_t *buf, size_t len, tkt_status want,
	size_t want_at)
{
	tkt_nst out, before;
	size_t at = 12345;

	memset(&out, CANARY, sizeof out);
	before = out;
	CHECK_EQ(tkt_nst_decode(buf, len, &out, &at), want);
	CHECK_EQ(at, want_at);
	CHECK(memcmp(&out, &before, sizeof out) == 0);
}

static void msg_fail(const uint8_t *buf, size_t len, tkt_status want,
	size_t want_at)
{
	tkt_nst out, before;
	size_t at = 12345;

	memset(&out, CANARY, sizeof out);
	before = out;
	CHECK_EQ(tkt_nst_decode_msg(buf, len, &out, &at), want);
	CHECK_EQ(at, want_at);
	CHECK(memcmp(&out, &before, sizeof out) == 0);
}

/* Every cap below the needed size: nothing written, size reported. The
   number of caps tried is limited for the 65535-byte ticket, where the
   first 300 and last 300 caps cover every branch. */
static void check_caps(const tkt_nst *v, int msg, size_t need)
{
	size_t cap, w;

	memset(enc, CANARY, need);
	memcpy(ref, enc, need);
	for (cap = 0; cap < need; cap++) {
		if (cap == 300 && need > 1000)
			cap = need - 300;
		w = 0;
		CHECK_EQ(msg ? tkt_nst_encode_msg(v, enc, cap, &w)
		             : tkt_nst_encode(v, enc, cap, &w),
			TKT_ERR_BUFFER_TOO_SMALL);
		CHECK_EQ(w, need);
		CHECK_MEM(enc, need, ref, need);
	}
	w = 0;
	CHECK_EQ(msg ? tkt_nst_encode_msg(v, NULL, 0, &w)
	             : tkt_nst_encode(v, NULL, 0, &w), TKT_ERR_BUFFER_TOO_SMALL);
	CHECK_EQ(w, need);
}

/* Build a body (lifetime, n ticket bytes) in vec+4 and its message in vec;
   run every check on both. */
static void check_value(uint32_t lifetime, size_t n)
{
	uint8_t *body = vec + 4;
	size_t blen = 6 + n, mlen = 10 + n, i, at, w;
	tkt_nst v, d;

	vec[0] = 4;
	put24(vec + 1, blen);
	body[0] = (uint8_t)(lifetime / 16777216u);
	body[1] = (uint8_t)(lifetime / 65536u % 256u);
	body[2] = (uint8_t)(lifetime / 256u % 256u);
	body[3] = (uint8_t)(lifetime % 256u);
	put16(body + 4, n);
	for (i = 0; i < n; i++)
		body[6 + i] = (uint8_t)(i * 7u + 3u);

	/* body: decode */
	CHECK_EQ(tkt_nst_decode(body, blen, &d, &at), TKT_OK);
	CHECK_EQ(at, blen);
	CHECK_EQ(d.lifetime_hint, lifetime);
	CHECK_EQ(d.ticket.len, n);
	CHECK(d.ticket.ptr == body + 6);
	/* decode -> encode: same bytes, nothing past them */
	CHECK_EQ(tkt_nst_size(&d), blen);
	memset(enc, CANARY, blen + 1);
	CHECK_EQ(tkt_nst_encode(&d, enc, blen + 1, &w), TKT_OK);
	CHECK_EQ(w, blen);
	CHECK_MEM(enc, blen, body, blen);
	CHECK_EQ(enc[blen], CANARY);
	/* encode -> decode: same value */
	v.lifetime_hint = lifetime;
	v.ticket.ptr = body + 6;
	v.ticket.len = n;
	CHECK_EQ(tkt_nst_encode(&v, enc, blen, &w), TKT_OK);
	CHECK_EQ(tkt_nst_decode(enc, w, &d, &at), TKT_OK);
	CHECK_EQ(d.lifetime_hint, lifetime);
	CHECK_MEM(d.ticket.ptr, d.ticket.len, v.ticket.ptr, v.ticket.len);
	check_caps(&v, 0, blen);

	/* message */
	CHECK_EQ(tkt_nst_decode_msg(vec, mlen, &d, &at), TKT_OK);
	CHECK_EQ(at, mlen);
	CHECK_EQ(d.lifetime_hint, lifetime);
	CHECK_EQ(d.ticket.len, n);
	CHECK(d.ticket.ptr == vec + 10);
	CHECK_EQ(tkt_nst_msg_size(&d), mlen);
	memset(enc, CANARY, mlen + 1);
	CHECK_EQ(tkt_nst_encode_msg(&d, enc, mlen + 1, &w), TKT_OK);
	CHECK_EQ(w, mlen);
	CHECK_MEM(enc, mlen, vec, mlen);
	CHECK_EQ(enc[mlen], CANARY);
	CHECK_EQ(tkt_nst_decode_msg(enc, w, &d, &at), TKT_OK);
	CHECK_EQ(d.lifetime_hint, lifetime);
	CHECK_MEM(d.ticket.ptr, d.ticket.len, v.ticket.ptr, v.ticket.len);
	check_caps(&v, 1, mlen);

	/* every truncation (limited to the interesting ends for big tickets) */
	for (i = 0; i < blen; i++) {
		if (i == 300 && blen > 1000)
			i = blen - 300;
		body_fail(body, i, TKT_ERR_TRUNCATED, i < 4 ? 0 : 4);
	}
	for (i = 0; i < mlen; i++) {
		if (i == 300 && mlen > 1000)
			i = mlen - 300;
		msg_fail(vec, i, TKT_ERR_TRUNCATED, i == 0 ? 0 : i < 4 ? 1 : 4);
	}
	/* one byte too many */
	memcpy(work, vec, mlen);
	work[mlen] = 0;
	body_fail(work + 4, blen + 1, TKT_ERR_TRAILING, blen);
	msg_fail(work, mlen + 1, TKT_ERR_TRAILING, mlen);

	/* ticket length off by one (n + 1 does not fit 16 bits for the
	   largest ticket) */
	memcpy(work, vec, mlen);
	if (n < 65535) {
		put16(work + 8, n + 1);
		body_fail(work + 4, blen, TKT_ERR_TRUNCATED, 4);
		msg_fail(work, mlen, TKT_ERR_BAD_LENGTH, 8);
	}
	if (n > 0) {
		put16(work + 8, n - 1);
		body_fail(work + 4, blen, TKT_ERR_TRAILING, blen - 1);
		msg_fail(work, mlen, TKT_ERR_BAD_LENGTH, mlen - 1);
	}
	/* handshake length off by one */
	memcpy(work, vec, mlen);
	put24(work + 1, blen + 1);
	msg_fail(work, mlen, TKT_ERR_TRUNCATED, 4);
	put24(work + 1, blen - 1);
	msg_fail(work, mlen, TKT_ERR_TRAILING, mlen - 1);
	/* both lengths grown by one around an extra byte: still consistent,
	   so accepted; shrinking the inner one only is BAD_LENGTH */
	if (n < 65535) {
		memcpy(work, vec, mlen);
		work[mlen] = 0x42;
		put24(work + 1, blen + 1);
		put16(work + 8, n + 1);
		CHECK_EQ(tkt_nst_decode_msg(work, mlen + 1, &d, &at), TKT_OK);
		CHECK_EQ(d.ticket.len, n + 1);
		put16(work + 8, n);
		msg_fail(work, mlen + 1, TKT_ERR_BAD_LENGTH, mlen);
	}
	/* every other handshake type */
	memcpy(work, vec, mlen);
	for (i = 0; i < 256; i++) {
		if (i == 4)
			continue;
		work[0] = (uint8_t)i;
		msg_fail(work, mlen, TKT_ERR_BAD_TYPE, 0);
		msg_fail(work, 1, TKT_ERR_BAD_TYPE, 0);
	}
}

static void test_vectors(void)
{
	/* the message of tests/vendor/example.c */
	static const uint8_t example[] = {
		0x04, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x1c, 0x20,
		0x00, 0x04, 0xde, 0xad, 0xbe, 0xef
	};
	tkt_nst d;
	size_t at;

	CHECK_EQ(tkt_nst_decode_msg(example, sizeof example, &d, &at), TKT_OK);
	CHECK_EQ(d.lifetime_hint, 7200);
	CHECK_EQ(d.ticket.len, 4);
	CHECK(d.ticket.ptr == example + 10);

	check_value(7200, 4);
	check_value(0, 0);            /* empty ticket: RFC 5077 3.3 */
	check_value(1, 1);
	check_value(0xFFFFFFFFu, 255);
	check_value(0x01020304u, 256);
	check_value(86400, 65534);
	check_value(86400, 65535);    /* the largest ticket */

	body_fail(NULL, 0, TKT_ERR_TRUNCATED, 0);
	msg_fail(NULL, 0, TKT_ERR_TRUNCATED, 0);
	/* a body too short for its lifetime, inside a consistent header */
	{
		static const uint8_t m[] = { 0x04, 0x00, 0x00, 0x02, 0x00, 0x00 };
		static const uint8_t m5[] = { 0x04, 0x00, 0x00, 0x05, 0, 0, 0, 0, 0 };
		msg_fail(m, sizeof m, TKT_ERR_BAD_LENGTH, 4);
		msg_fail(m5, sizeof m5, TKT_ERR_BAD_LENGTH, 8);
	}
}

static void test_encode_args(void)
{
	tkt_nst v;
	size_t w;

	/* a 65536-byte ticket cannot be encoded */
	v.lifetime_hint = 1;
	v.ticket.ptr = vec;
	v.ticket.len = 65536;
	CHECK_EQ(tkt_nst_size(&v), 0);
	CHECK_EQ(tkt_nst_msg_size(&v), 0);
	memset(enc, CANARY, 16);
	memcpy(ref, enc, 16);
	w = 5;
	CHECK_EQ(tkt_nst_encode(&v, enc, sizeof enc, &w), TKT_ERR_ARG);
	CHECK_EQ(w, 0);
	w = 5;
	CHECK_EQ(tkt_nst_encode_msg(&v, enc, sizeof enc, &w), TKT_ERR_ARG);
	CHECK_EQ(w, 0);
	CHECK_MEM(enc, 16, ref, 16);
	/* an empty ticket may have a NULL pointer */
	v.ticket.ptr = NULL;
	v.ticket.len = 0;
	CHECK_EQ(tkt_nst_encode(&v, enc, 6, &w), TKT_OK);
	CHECK_EQ(w, 6);
	CHECK(enc[0] == 0 && enc[3] == 1 && enc[4] == 0 && enc[5] == 0);
}

int main(void)
{
	test_vectors();
	test_encode_args();
	return check_summary("test_nst");
}
