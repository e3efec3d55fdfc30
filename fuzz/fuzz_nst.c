/*
 * fuzz/fuzz_nst.c -- NewSessionTicket body: tkt_nst_decode, tkt_nst_size,
 * tkt_nst_encode. Input: the body (after the handshake header).
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static tkt_status nst_enc(const void *v, uint8_t *out, size_t cap,
	size_t *written)
{
	return tkt_nst_encode((const tkt_nst *)v, out, cap, written);
}

/* Encode a value built from the input, then decode it back. */
static void nst_value_roundtrip(const uint8_t *data, size_t size)
{
	fz_input in;
	tkt_nst v, w;
	uint8_t *buf;
	size_t n, at;
	tkt_status st;

	in.p = data;
	in.n = size;
	v.lifetime_hint = fz_take_u32(&in);
	v.ticket = fz_take_bytes(&in, in.n);
	if (v.ticket.len > 65535u) {
		FZ_CHECK(tkt_nst_size(&v) == 0u);
		fz_check_encoder_rejects(nst_enc, &v, 8u + v.ticket.len);
		return;
	}
	n = tkt_nst_size(&v);
	FZ_CHECK(n == 6u + v.ticket.len);
	buf = fz_alloc(n);
	buf[0] = (uint8_t)(v.lifetime_hint / 16777216u);
	buf[1] = (uint8_t)((v.lifetime_hint / 65536u) % 256u);
	buf[2] = (uint8_t)((v.lifetime_hint / 256u) % 256u);
	buf[3] = (uint8_t)(v.lifetime_hint % 256u);
	buf[4] = (uint8_t)(v.ticket.len / 256u);
	buf[5] = (uint8_t)(v.ticket.len % 256u);
	if (v.ticket.len > 0u)
		memcpy(buf + 6, v.ticket.ptr, v.ticket.len);
	fz_check_encoder(nst_enc, &v, buf, n);
	st = tkt_nst_decode(buf, n, &w, &at);
	FZ_CHECK(st == TKT_OK);
	FZ_CHECK(st != TKT_OK || (w.lifetime_hint == v.lifetime_hint &&
		fz_same(w.ticket, v.ticket)));
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tkt_nst v;
	size_t at = (size_t)-1;
	uint32_t hint = 0;
	sm_span t;
	int accept;
	tkt_status st;

	memset(&v, FZ_CANARY, sizeof v);
	st = tkt_nst_decode(data, size, &v, &at);
	accept = sm_nst(data, size, &hint, &t);
	FZ_CHECK((st == TKT_OK) == (accept == 1));
	FZ_CHECK(at <= size);
	if (st != TKT_OK) {
		FZ_CHECK(fz_is_decode_error(st));
		FZ_CHECK(fz_untouched(&v, sizeof v));
	} else {
		FZ_CHECK(at == size);
		FZ_CHECK(v.lifetime_hint == hint);
		FZ_CHECK(fz_points_at(v.ticket, data, t.off, t.len));
		FZ_CHECK(tkt_nst_size(&v) == size);
		fz_check_encoder(nst_enc, &v, data, size);
	}
	nst_value_roundtrip(data, size);
	return 0;
}
