/*
 * Protected ticket layout: tkt_ticket_decode, tkt_ticket_size,
 * tkt_ticket_encode, in the RFC 5077 layout (IV 16, MAC 32) and the
 * aes256-gcm layout (nonce 12, tag 16), and at the parameter limits.
 */
#include <stdint.h>
#include <string.h>

#include "tkt/codec.h"
#include "check.h"

#define CANARY 0xA5u

static uint8_t buf[65536 + 16], work[65536 + 16], enc[65536 + 16],
	ref[65536 + 16];

static void put16(uint8_t *p, size_t v)
{
	p[0] = (uint8_t)(v / 256u % 256u);
	p[1] = (uint8_t)(v % 256u);
}

static void dec_fail(const uint8_t *b, size_t len, size_t iv_len,
	size_t mac_len, tkt_status want, size_t want_at)
{
	tkt_ticket out, before;
	size_t at = 12345;

	memset(&out, CANARY, sizeof out);
	before = out;
	CHECK_EQ(tkt_ticket_decode(b, len, iv_len, mac_len, &out, &at), want);
	CHECK_EQ(at, want_at);
	CHECK(memcmp(&out, &before, sizeof out) == 0);
}

/* Lay out a ticket in buf: key_name 0x10.., iv 0x40.., state, mac 0xc0... */
static size_t build(size_t iv_len, size_t state_len, size_t mac_len)
{
	size_t i, p = 0;

	for (i = 0; i < 16; i++)
		buf[p++] = (uint8_t)(0x10u + i);
	for (i = 0; i < iv_len; i++)
		buf[p++] = (uint8_t)(0x40u + i);
	put16(buf + p, state_len);
	p += 2;
	for (i = 0; i < state_len; i++)
		buf[p++] = (uint8_t)(i % 253u);
	for (i = 0; i < mac_len; i++)
		buf[p++] = (uint8_t)(0xc0u + i);
	return p;
}

/* Expected TKT_ERR_TRUNCATED offset for a prefix of `len` bytes. */
static size_t trunc_at(size_t len, size_t iv_len, size_t state_len)
{
	if (len < 16)
		return 0;
	if (len < 16 + iv_len)
		return 16;
	if (len < 18 + iv_len + state_len)
		return 16 + iv_len;
	return 18 + iv_len + state_len;
}

static void check_caps(const tkt_ticket *v, size_t need)
{
	size_t cap, w;

	memset(enc, CANARY, need + 1);
	memcpy(ref, enc, need + 1);
	for (cap = 0; cap < need; cap++) {
		if (cap == 300 && need > 1000)
			cap = need - 300;
		w = 0;
		CHECK_EQ(tkt_ticket_encode(v, enc, cap, &w), TKT_ERR_BUFFER_TOO_SMALL);
		CHECK_EQ(w, need);
		CHECK_MEM(enc, need + 1, ref, need + 1);
	}
}

static void check_layout(size_t iv_len, size_t state_len, size_t mac_len)
{
	size_t len = build(iv_len, state_len, mac_len), at = 0, w = 0, i;
	size_t mac_off = 18 + iv_len + state_len;
	tkt_ticket t, d;

	CHECK_EQ(len, mac_off + mac_len);
	CHECK_EQ(tkt_ticket_decode(buf, len, iv_len, mac_len, &t, &at), TKT_OK);
	CHECK_EQ(at, len);
	CHECK(t.key_name == buf);
	CHECK(t.iv.ptr == buf + 16);
	CHECK_EQ(t.iv.len, iv_len);
	CHECK(t.encrypted_state.ptr == buf + 18 + iv_len);
	CHECK_EQ(t.encrypted_state.len, state_len);
	CHECK(t.mac.ptr == buf + mac_off);
	CHECK_EQ(t.mac.len, mac_len);
	/* RFC 5077 4: the MAC covers key_name, iv, the length and the state */
	CHECK(t.mac_input.ptr == buf);
	CHECK_EQ(t.mac_input.len, mac_off);

	/* decode -> encode */
	CHECK_EQ(tkt_ticket_size(&t), len);
	memset(enc, CANARY, len + 1);
	CHECK_EQ(tkt_ticket_encode(&t, enc, len + 1, &w), TKT_OK);
	CHECK_EQ(w, len);
	CHECK_MEM(enc, len, buf, len);
	CHECK_EQ(enc[len], CANARY);
	/* encode -> decode */
	CHECK_EQ(tkt_ticket_decode(enc, w, iv_len, mac_len, &d, &at), TKT_OK);
	CHECK_MEM(d.key_name, 16, t.key_name, 16);
	CHECK_MEM(d.iv.ptr, d.iv.len, t.iv.ptr, t.iv.len);
	CHECK_MEM(d.encrypted_state.ptr, d.encrypted_state.len,
		t.encrypted_state.ptr, t.encrypted_state.len);
	CHECK_MEM(d.mac.ptr, d.mac.len, t.mac.ptr, t.mac.len);
	check_caps(&t, len);

	/* every truncation */
	for (i = 0; i < len; i++) {
		if (i == 300 && len > 1000)
			i = len - 300;
		dec_fail(buf, i, iv_len, mac_len, TKT_ERR_TRUNCATED,
			trunc_at(i, iv_len, state_len));
	}
	/* one byte more */
	if (len < 65535) {
		memcpy(work, buf, len);
		work[len] = 0;
		dec_fail(work, len + 1, iv_len, mac_len, TKT_ERR_TRAILING, len);
	} else {
		dec_fail(buf, len + 1, iv_len, mac_len, TKT_ERR_BAD_LENGTH, 0);
	}
	/* state length off by one */
	memcpy(work, buf, len);
	if (state_len < 65535) {
		put16(work + 16 + iv_len, state_len + 1);
		dec_fail(work, len, iv_len, mac_len, TKT_ERR_TRUNCATED,
			mac_len >= 1 ? mac_off + 1 : 0);
	}
	if (state_len > 0) {
		put16(work + 16 + iv_len, state_len - 1);
		dec_fail(work, len, iv_len, mac_len, TKT_ERR_TRAILING, len - 1);
	}
	/* the wrong layout parameters: one byte more or less of IV or MAC */
	if (mac_len > 1) {
		dec_fail(buf, len, iv_len, mac_len - 1, TKT_ERR_TRAILING, len - 1);
	}
	if (mac_len < TKT_MAC_MAX)
		dec_fail(buf, len, iv_len, mac_len + 1, TKT_ERR_TRUNCATED, mac_off);
}

static void test_layouts(void)
{
	size_t s, len;

	/* RFC 5077 layout */
	check_layout(16, 0, 32);
	check_layout(16, 1, 32);
	check_layout(16, 100, 32);
	check_layout(16, 300, 32);
	/* aes256-gcm layout */
	check_layout(12, 0, 16);
	check_layout(12, 77, 16);
	/* parameter limits */
	check_layout(1, 5, 1);
	check_layout(32, 5, 64);
	/* largest encrypted_state in the RFC layout: the ticket is then
	   exactly 65535 bytes */
	check_layout(16, TKT_RFC5077_STATE_MAX, 32);
	CHECK_EQ(TKT_RFC5077_STATE_MAX, 65469);
	/* 65470: the bytes are 65536 long, refused as a whole */
	len = build(16, TKT_RFC5077_STATE_MAX + 1u, 32);
	CHECK_EQ(len, 65536);
	dec_fail(buf, len, 16, 32, TKT_ERR_BAD_LENGTH, 0);

	/* CVE-2016-6302: every length 0..96 of an RFC ticket whose state
	   length is 0; only 66 (16 + 16 + 2 + 0 + 32) is accepted */
	build(16, 0, 32);
	memset(buf + 66, 0, 40);
	for (s = 0; s <= 96; s++) {
		tkt_ticket t;
		size_t at;
		tkt_status st = tkt_ticket_decode(buf, s, 16, 32, &t, &at);
		if (s == 66)
			CHECK_EQ(st, TKT_OK);
		else
			CHECK_EQ(st, s < 66 ? TKT_ERR_TRUNCATED : TKT_ERR_TRAILING);
	}
}

static void test_args(void)
{
	tkt_ticket v;
	size_t w;
	static const uint8_t k[16], iv[64], mac[64];

	build(16, 0, 32);
	dec_fail(buf, 66, 0, 32, TKT_ERR_ARG, 0);
	dec_fail(buf, 66, 33, 32, TKT_ERR_ARG, 0);
	dec_fail(buf, 66, 16, 0, TKT_ERR_ARG, 0);
	dec_fail(buf, 66, 16, 65, TKT_ERR_ARG, 0);
	dec_fail(NULL, 0, 16, 32, TKT_ERR_TRUNCATED, 0);

	v.key_name = k;
	v.iv.ptr = iv;
	v.mac.ptr = mac;
	v.encrypted_state.ptr = buf;
	v.mac_input.ptr = NULL;
	v.mac_input.len = 12345; /* ignored */
	v.encrypted_state.len = 0;
	{
		static const size_t bad[][2] = { { 0, 32 }, { 33, 32 }, { 16, 0 },
			{ 16, 65 } };
		size_t i;
		for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			v.iv.len = bad[i][0];
			v.mac.len = bad[i][1];
			memset(enc, CANARY, 8);
			memcpy(ref, enc, 8);
			w = 9;
			CHECK_EQ(tkt_ticket_size(&v), 0);
			CHECK_EQ(tkt_ticket_encode(&v, enc, sizeof enc, &w), TKT_ERR_ARG);
			CHECK_EQ(w, 0);
			CHECK_MEM(enc, 8, ref, 8);
		}
	}
	/* too large as a whole: 65470 bytes of state in the RFC layout */
	v.iv.len = 16;
	v.mac.len = 32;
	v.encrypted_state.len = TKT_RFC5077_STATE_MAX + 1u;
	w = 9;
	CHECK_EQ(tkt_ticket_size(&v), 0);
	CHECK_EQ(tkt_ticket_encode(&v, enc, sizeof enc, &w), TKT_ERR_ARG);
	CHECK_EQ(w, 0);
	v.encrypted_state.len = TKT_RFC5077_STATE_MAX;
	CHECK_EQ(tkt_ticket_size(&v), 65535);
	/* a huge state length must not wrap the size computation */
	v.encrypted_state.len = (size_t)-1;
	CHECK_EQ(tkt_ticket_size(&v), 0);
	CHECK_EQ(tkt_ticket_encode(&v, enc, sizeof enc, &w), TKT_ERR_ARG);
}

int main(void)
{
	test_layouts();
	test_args();
	return check_summary("test_ticket");
}
