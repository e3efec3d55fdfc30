/*
 * SessionTicket extension body: tkt_ext35_decode, tkt_ext35_decode_rfc4507,
 * tkt_ext35_size, tkt_ext35_encode. Vectors from RFC 5077 Appendix A.
 */
#include <stdint.h>
#include <string.h>

#include "tkt/codec.h"
#include "check.h"

#define CANARY 0xA5u

static uint8_t buf[65536 + 2], enc[65536 + 2], ref[65536 + 2];

static void put16(uint8_t *p, size_t v)
{
	p[0] = (uint8_t)(v / 256u % 256u);
	p[1] = (uint8_t)(v % 256u);
}

static void dec_fail(const uint8_t *b, size_t len, uint32_t flags,
	tkt_status want, size_t want_at)
{
	tkt_ext35 out, before;
	size_t at = 12345;

	memset(&out, CANARY, sizeof out);
	before = out;
	CHECK_EQ(tkt_ext35_decode(b, len, flags, &out, &at), want);
	CHECK_EQ(at, want_at);
	CHECK(memcmp(&out, &before, sizeof out) == 0);
}

static void rfc4507_fail(const uint8_t *b, size_t len, tkt_status want,
	size_t want_at)
{
	tkt_ext35 out, before;
	size_t at = 12345;

	memset(&out, CANARY, sizeof out);
	before = out;
	CHECK_EQ(tkt_ext35_decode_rfc4507(b, len, &out, &at), want);
	CHECK_EQ(at, want_at);
	CHECK(memcmp(&out, &before, sizeof out) == 0);
}

/* Every capacity below the needed size writes nothing. */
static void check_caps(const tkt_ext35 *v, size_t need)
{
	size_t cap, w;

	memset(enc, CANARY, need + 1);
	memcpy(ref, enc, need + 1);
	for (cap = 0; cap < need; cap++) {
		if (cap == 300 && need > 1000)
			cap = need - 300;
		w = 0;
		CHECK_EQ(tkt_ext35_encode(v, enc, cap, &w), TKT_ERR_BUFFER_TOO_SMALL);
		CHECK_EQ(w, need);
		CHECK_MEM(enc, need + 1, ref, need + 1);
	}
}

/* An accepted body: decode gives `form`, re-encoding gives the same
   bytes, encoding the value and decoding again gives the same value. */
static void check_ok(const uint8_t *b, size_t len, uint32_t flags,
	tkt_ext35_form form)
{
	tkt_ext35 d, d2;
	size_t at = 0, w = 0;

	CHECK_EQ(tkt_ext35_decode(b, len, flags, &d, &at), TKT_OK);
	CHECK_EQ(at, len);
	CHECK_EQ(d.form, form);
	if (form == TKT_EXT35_TICKET) {
		CHECK(d.ticket.ptr == b);
		CHECK_EQ(d.ticket.len, len);
	} else {
		CHECK(d.ticket.ptr == NULL);
		CHECK_EQ(d.ticket.len, 0);
	}
	CHECK_EQ(tkt_ext35_size(&d), len);
	memset(enc, CANARY, len + 1);
	CHECK_EQ(tkt_ext35_encode(&d, enc, len + 1, &w), TKT_OK);
	CHECK_EQ(w, len);
	CHECK_MEM(enc, len, b, len);
	CHECK_EQ(enc[len], CANARY);
	CHECK_EQ(tkt_ext35_decode(enc, w, flags, &d2, &at), TKT_OK);
	CHECK_EQ(d2.form, d.form);
	CHECK_MEM(d2.ticket.ptr, d2.ticket.len, d.ticket.ptr, d.ticket.len);
	check_caps(&d, len);
}

static void test_appendix_a(void)
{
	/* RFC 5077 Appendix A: a 256-byte ticket starting FF FF.
	   RFC 5077 encoding: extension_data is the ticket itself. */
	size_t i, at;
	tkt_ext35 d;

	buf[0] = 0xff;
	buf[1] = 0xff;
	for (i = 2; i < 256; i++)
		buf[i] = (uint8_t)i;
	check_ok(buf, 256, 0, TKT_EXT35_TICKET);
	check_ok(buf, 256, TKT_EXT35_ALLOW_RFC4507_EMPTY, TKT_EXT35_TICKET);
	rfc4507_fail(buf, 256, TKT_ERR_TRUNCATED, 0);

	/* RFC 4507 encoding of the same ticket: 01 00 FF FF ..: refused as
	   legacy, but readable with the explicit RFC 4507 decoder. */
	memmove(buf + 2, buf, 256);
	buf[0] = 0x01;
	buf[1] = 0x00;
	dec_fail(buf, 258, 0, TKT_ERR_LEGACY, 0);
	dec_fail(buf, 258, TKT_EXT35_ALLOW_RFC4507_EMPTY, TKT_ERR_LEGACY, 0);
	CHECK_EQ(tkt_ext35_decode_rfc4507(buf, 258, &d, &at), TKT_OK);
	CHECK_EQ(at, 258);
	CHECK_EQ(d.form, TKT_EXT35_TICKET);
	CHECK(d.ticket.ptr == buf + 2);
	CHECK_EQ(d.ticket.len, 256);
	CHECK(d.ticket.ptr[0] == 0xff && d.ticket.ptr[1] == 0xff);
	/* the RFC 4507 decoder: every truncation, lengths off by one */
	for (i = 0; i < 258; i++)
		rfc4507_fail(buf, i, TKT_ERR_TRUNCATED, 0);
	buf[258] = 0;
	rfc4507_fail(buf, 259, TKT_ERR_TRAILING, 258);
	put16(buf, 257);
	rfc4507_fail(buf, 258, TKT_ERR_TRUNCATED, 0);
	put16(buf, 255);
	rfc4507_fail(buf, 258, TKT_ERR_TRAILING, 257);
	/* ...and the shape check sees the off-by-one lengths as tickets */
	check_ok(buf, 258, 0, TKT_EXT35_TICKET);
	put16(buf, 257);
	check_ok(buf, 258, 0, TKT_EXT35_TICKET);

	/* Empty extension, RFC 5077 encoding: 00 23 00 00 */
	check_ok(NULL, 0, 0, TKT_EXT35_EMPTY);
	check_ok(buf, 0, TKT_EXT35_ALLOW_RFC4507_EMPTY, TKT_EXT35_EMPTY);
	/* Empty extension, RFC 4507 encoding: 00 23 00 02 00 00 */
	buf[0] = 0;
	buf[1] = 0;
	dec_fail(buf, 2, 0, TKT_ERR_LEGACY, 0);
	check_ok(buf, 2, TKT_EXT35_ALLOW_RFC4507_EMPTY, TKT_EXT35_RFC4507_EMPTY);
	CHECK_EQ(tkt_ext35_decode_rfc4507(buf, 2, &d, &at), TKT_OK);
	CHECK_EQ(d.form, TKT_EXT35_RFC4507_EMPTY);
	CHECK_EQ(d.ticket.len, 0);
	CHECK(d.ticket.ptr == NULL);
	rfc4507_fail(buf, 1, TKT_ERR_TRUNCATED, 0);
	rfc4507_fail(NULL, 0, TKT_ERR_TRUNCATED, 0);
	/* its length off by one: 00 01 is a 2-byte ticket, and with one more
	   byte (00 01 xx) the legacy shape again */
	put16(buf, 1);
	check_ok(buf, 2, TKT_EXT35_ALLOW_RFC4507_EMPTY, TKT_EXT35_TICKET);
	buf[2] = 0x33;
	dec_fail(buf, 3, TKT_EXT35_ALLOW_RFC4507_EMPTY, TKT_ERR_LEGACY, 0);
	put16(buf, 0);
	buf[2] = 0;
	buf[3] = 0;
	rfc4507_fail(buf, 3, TKT_ERR_TRAILING, 2);
	/* 00 00 00 00: legacy shape? be16 = 0 != 2: a 4-byte ticket */
	check_ok(buf, 4, 0, TKT_EXT35_TICKET);
}

static void test_boundaries(void)
{
	size_t i;

	/* 1-byte tickets cannot have the legacy shape */
	for (i = 0; i < 256; i++) {
		buf[0] = (uint8_t)i;
		check_ok(buf, 1, 0, TKT_EXT35_TICKET);
	}
	/* 2-byte tickets: only 00 00 has the shape */
	buf[0] = 0x12;
	buf[1] = 0x34;
	check_ok(buf, 2, 0, TKT_EXT35_TICKET);
	/* every truncation of a valid ticket is still a valid (shorter)
	   ticket, unless the prefix has the legacy shape */
	for (i = 0; i < 300; i++)
		buf[i] = (uint8_t)(0x80u + i % 64u);
	for (i = 1; i <= 300; i++)
		check_ok(buf, i, 0, TKT_EXT35_TICKET);
	put16(buf, 298);
	dec_fail(buf, 300, 0, TKT_ERR_LEGACY, 0);

	/* largest body; one byte more is refused */
	for (i = 0; i < 65536; i++)
		buf[i] = (uint8_t)(i % 251u);
	check_ok(buf, 65535, 0, TKT_EXT35_TICKET);
	dec_fail(buf, 65536, 0, TKT_ERR_BAD_LENGTH, 0);
	put16(buf, 65533);
	dec_fail(buf, 65535, 1, TKT_ERR_LEGACY, 0);

	/* unknown flags */
	dec_fail(buf, 5, 2, TKT_ERR_ARG, 0);
	dec_fail(buf, 0, 3, TKT_ERR_ARG, 0);
	dec_fail(buf, 5, 0x80000000u, TKT_ERR_ARG, 0);
}

static void enc_fail(const tkt_ext35 *v, size_t cap)
{
	size_t w = 77;

	memset(enc, CANARY, 8);
	memcpy(ref, enc, 8);
	CHECK_EQ(tkt_ext35_size(v), 0);
	CHECK_EQ(tkt_ext35_encode(v, enc, cap, &w), TKT_ERR_ARG);
	CHECK_EQ(w, 0);
	CHECK_MEM(enc, 8, ref, 8);
}

static void test_encode(void)
{
	tkt_ext35 v;
	size_t w;
	static const uint8_t t[4] = { 0x01, 0x02, 0x03, 0x04 };
	static const uint8_t legacy[4] = { 0x00, 0x02, 0xab, 0xcd };

	v.ticket.ptr = t;
	v.form = TKT_EXT35_EMPTY;
	v.ticket.len = 1;
	enc_fail(&v, 8);
	v.form = TKT_EXT35_RFC4507_EMPTY;
	enc_fail(&v, 8);
	v.form = TKT_EXT35_TICKET;
	v.ticket.len = 0;
	enc_fail(&v, 8);
	v.ticket.len = 65536;
	enc_fail(&v, 8);
	v.form = (tkt_ext35_form)3;
	v.ticket.len = 0;
	enc_fail(&v, 8);
	v.ticket.len = 4;
	enc_fail(&v, 8);

	/* EMPTY needs no space at all */
	v.form = TKT_EXT35_EMPTY;
	v.ticket.ptr = NULL;
	v.ticket.len = 0;
	w = 77;
	CHECK_EQ(tkt_ext35_encode(&v, NULL, 0, &w), TKT_OK);
	CHECK_EQ(w, 0);
	/* RFC4507_EMPTY is 00 00 */
	v.form = TKT_EXT35_RFC4507_EMPTY;
	memset(enc, CANARY, 4);
	CHECK_EQ(tkt_ext35_size(&v), 2);
	CHECK_EQ(tkt_ext35_encode(&v, enc, 4, &w), TKT_OK);
	CHECK_EQ(w, 2);
	CHECK(enc[0] == 0 && enc[1] == 0 && enc[2] == CANARY);
	check_caps(&v, 2);

	/* a ticket with the RFC 4507 shape is written as given; decoding
	   those bytes then reports TKT_ERR_LEGACY (documented) */
	v.form = TKT_EXT35_TICKET;
	v.ticket.ptr = legacy;
	v.ticket.len = sizeof legacy;
	CHECK_EQ(tkt_ext35_encode(&v, enc, sizeof enc, &w), TKT_OK);
	CHECK_MEM(enc, w, legacy, sizeof legacy);
	dec_fail(enc, w, 0, TKT_ERR_LEGACY, 0);
	check_caps(&v, 4);
}

int main(void)
{
	test_appendix_a();
	test_boundaries();
	test_encode();
	return check_summary("test_ext35");
}
