/*
 * fuzz/fuzz_hs.c -- handshake message header: tkt_hs_decode and
 * tkt_hs_encode_header. Input: a whole handshake message.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Encode a header for (type, body_len) and decode header + body again. */
static void hs_value_roundtrip(const uint8_t *data, size_t size)
{
	fz_input in;
	uint8_t type;
	size_t body_len, written = (size_t)-1;
	uint8_t hdr[4];
	uint8_t *msg;
	tkt_hs v;
	size_t at;
	tkt_status st;

	in.p = data;
	in.n = size;
	type = (uint8_t)fz_take_u8(&in);
	body_len = fz_take_u32(&in);
	memset(hdr, FZ_CANARY, sizeof hdr);
	st = tkt_hs_encode_header(type, body_len, hdr, sizeof hdr, &written);
	if (body_len > TKT_HS_MAX_BODY) {
		FZ_CHECK(st == TKT_ERR_ARG);
		FZ_CHECK(written == 0u);
		FZ_CHECK(fz_untouched(hdr, sizeof hdr));
		return;
	}
	FZ_CHECK(st == TKT_OK && written == 4u);
	if (st != TKT_OK || body_len > in.n)
		return;
	msg = fz_alloc(4u + body_len);
	memcpy(msg, hdr, 4);
	memcpy(msg + 4, in.p, body_len);
	st = tkt_hs_decode(msg, 4u + body_len, &v, &at);
	FZ_CHECK(st == TKT_OK);
	FZ_CHECK(st != TKT_OK || (v.type == type && v.body.len == body_len &&
		v.body.ptr == msg + 4));
	free(msg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tkt_hs v;
	size_t at = (size_t)-1, written = (size_t)-1;
	unsigned type = 0;
	sm_span body;
	int accept;
	tkt_status st;
	uint8_t *out;

	memset(&v, FZ_CANARY, sizeof v);
	st = tkt_hs_decode(data, size, &v, &at);
	accept = sm_hs(data, size, &type, &body);
	FZ_CHECK((st == TKT_OK) == (accept == 1));
	FZ_CHECK(at <= size);
	if (st != TKT_OK) {
		FZ_CHECK(fz_is_decode_error(st));
		FZ_CHECK(fz_untouched(&v, sizeof v));
	} else {
		FZ_CHECK(at == size);
		FZ_CHECK(v.type == type);
		FZ_CHECK(fz_points_at(v.body, data, body.off, body.len));
		/* Decode then encode: the same 4 header bytes. */
		out = fz_alloc(4);
		st = tkt_hs_encode_header(v.type, v.body.len, out, 4, &written);
		FZ_CHECK(st == TKT_OK && written == 4u);
		FZ_CHECK(memcmp(out, data, 4) == 0);
		free(out);
		out = fz_alloc(3);
		written = (size_t)-1;
		st = tkt_hs_encode_header(v.type, v.body.len, out, 3, &written);
		FZ_CHECK(st == TKT_ERR_BUFFER_TOO_SMALL && written == 4u);
		FZ_CHECK(fz_untouched(out, 3));
		free(out);
	}
	hs_value_roundtrip(data, size);
	return 0;
}
