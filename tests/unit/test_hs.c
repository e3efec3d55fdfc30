/*
 * Handshake header: tkt_hs_decode, tkt_hs_encode_header.
 */
#include <stdint.h>
#include <string.h>

#include "tkt/codec.h"
#include "check.h"

#define CANARY 0xA5u

static uint8_t big[4 + 300];

/* Decode must fail with `want` at `want_at` and leave *out alone. */
static void expect_fail(const uint8_t *buf, size_t len, tkt_status want,
	size_t want_at)
{
	tkt_hs out, before;
	size_t at = 12345;

	memset(&out, CANARY, sizeof out);
	before = out;
	CHECK_EQ(tkt_hs_decode(buf, len, &out, &at), want);
	CHECK_EQ(at, want_at);
	CHECK(memcmp(&out, &before, sizeof out) == 0);
}

/* A valid message: decode, check fields, re-encode the header, truncate
   it at every length, and move its length field by one either way. */
static void check_vector(const uint8_t *msg, size_t len, uint8_t type,
	size_t body_len)
{
	tkt_hs hs;
	size_t at = 0, w = 99, i;
	uint8_t hdr[8], copy[4 + 300 + 1];

	CHECK_EQ(tkt_hs_decode(msg, len, &hs, &at), TKT_OK);
	CHECK_EQ(at, len);
	CHECK_EQ(hs.type, type);
	CHECK_EQ(hs.body.len, body_len);
	CHECK(hs.body.ptr == msg + 4);

	/* decode -> encode gives the same header bytes */
	memset(hdr, CANARY, sizeof hdr);
	CHECK_EQ(tkt_hs_encode_header(hs.type, hs.body.len, hdr, 4, &w), TKT_OK);
	CHECK_EQ(w, 4);
	CHECK_MEM(hdr, 4, msg, 4);

	for (i = 0; i < len; i++)
		expect_fail(msg, i, TKT_ERR_TRUNCATED, i == 0 ? 0 : i < 4 ? 1 : 4);

	memcpy(copy, msg, len);
	/* length + 1: one byte missing */
	{
		size_t n = body_len + 1u;
		copy[1] = (uint8_t)(n / 65536u);
		copy[2] = (uint8_t)(n / 256u % 256u);
		copy[3] = (uint8_t)(n % 256u);
		expect_fail(copy, len, TKT_ERR_TRUNCATED, 4);
	}
	/* length - 1: one byte left over */
	if (body_len > 0) {
		size_t n = body_len - 1u;
		copy[1] = (uint8_t)(n / 65536u);
		copy[2] = (uint8_t)(n / 256u % 256u);
		copy[3] = (uint8_t)(n % 256u);
		expect_fail(copy, len, TKT_ERR_TRAILING, 4 + n);
	}
	/* one extra byte after a valid message */
	memcpy(copy, msg, len);
	copy[len] = 0;
	expect_fail(copy, len + 1, TKT_ERR_TRAILING, len);
}

static void test_vectors(void)
{
	static const uint8_t empty_nst[] = { 0x04, 0x00, 0x00, 0x00 };
	static const uint8_t ch[] = { 0x01, 0x00, 0x00, 0x03, 0xaa, 0xbb, 0xcc };
	static const uint8_t one[] = { 0xff, 0x00, 0x00, 0x01, 0x00 };
	size_t i;

	check_vector(empty_nst, sizeof empty_nst, 4, 0);
	check_vector(ch, sizeof ch, 1, 3);
	check_vector(one, sizeof one, 0xff, 1);

	big[0] = 2;
	big[1] = 0x00;
	big[2] = 0x01;
	big[3] = 0x2c; /* 300 */
	for (i = 4; i < sizeof big; i++)
		big[i] = (uint8_t)i;
	check_vector(big, sizeof big, 2, 300);

	/* NULL is a valid empty buffer */
	expect_fail(NULL, 0, TKT_ERR_TRUNCATED, 0);
	/* a huge announced length, tiny buffer */
	{
		static const uint8_t huge[] = { 0x01, 0xff, 0xff, 0xff, 0x00 };
		expect_fail(huge, sizeof huge, TKT_ERR_TRUNCATED, 4);
	}
}

static void test_encode(void)
{
	uint8_t out[8], ref[8];
	size_t cap, w;
	tkt_hs hs;
	size_t at;

	/* the largest body */
	memset(out, CANARY, sizeof out);
	CHECK_EQ(tkt_hs_encode_header(2, TKT_HS_MAX_BODY, out, 4, &w), TKT_OK);
	CHECK_EQ(w, 4);
	CHECK(out[0] == 2 && out[1] == 0xff && out[2] == 0xff && out[3] == 0xff);
	CHECK_EQ(out[4], CANARY);

	/* one more is refused, nothing written */
	memset(out, CANARY, sizeof out);
	memcpy(ref, out, sizeof out);
	w = 77;
	CHECK_EQ(tkt_hs_encode_header(2, TKT_HS_MAX_BODY + 1u, out, sizeof out, &w),
		TKT_ERR_ARG);
	CHECK_EQ(w, 0);
	CHECK_MEM(out, sizeof out, ref, sizeof ref);

	/* every short capacity: nothing written, needed size reported */
	for (cap = 0; cap < 4; cap++) {
		w = 77;
		CHECK_EQ(tkt_hs_encode_header(1, 5, out, cap, &w),
			TKT_ERR_BUFFER_TOO_SMALL);
		CHECK_EQ(w, 4);
		CHECK_MEM(out, sizeof out, ref, sizeof ref);
	}
	CHECK_EQ(tkt_hs_encode_header(1, 0, NULL, 0, &w), TKT_ERR_BUFFER_TOO_SMALL);
	CHECK_EQ(w, 4);

	/* encode -> decode: a header for 0x012345 and that many body bytes
	   are accepted with the same type and length */
	{
		static uint8_t msg[4 + 0x012345];
		CHECK_EQ(tkt_hs_encode_header(0x17, 0x012345, msg, sizeof msg, &w),
			TKT_OK);
		CHECK(msg[1] == 0x01 && msg[2] == 0x23 && msg[3] == 0x45);
		CHECK_EQ(tkt_hs_decode(msg, sizeof msg, &hs, &at), TKT_OK);
		CHECK_EQ(hs.type, 0x17);
		CHECK_EQ(hs.body.len, 0x012345);
		CHECK(hs.body.ptr == msg + 4);
	}
}

int main(void)
{
	test_vectors();
	test_encode();
	return check_summary("test_hs");
}
