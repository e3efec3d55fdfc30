/*
 * fuzz/fuzz_nst_msg.c -- the whole NewSessionTicket handshake message:
 * tkt_nst_decode_msg, tkt_nst_msg_size, tkt_nst_encode_msg.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static tkt_status nst_msg_enc(const void *v, uint8_t *out, size_t cap,
	size_t *written)
{
	return tkt_nst_encode_msg((const tkt_nst *)v, out, cap, written);
}

static void nst_msg_value_roundtrip(const uint8_t *data, size_t size)
{
	fz_input in;
	tkt_nst v, w;
	uint8_t *buf;
	size_t n, body, at;
	tkt_status st;

	in.p = data;
	in.n = size;
	v.lifetime_hint = fz_take_u32(&in);
	v.ticket = fz_take_bytes(&in, in.n);
	if (v.ticket.len > 65535u) {
		FZ_CHECK(tkt_nst_msg_size(&v) == 0u);
		fz_check_encoder_rejects(nst_msg_enc, &v, 12u + v.ticket.len);
		return;
	}
	body = 6u + v.ticket.len;
	n = tkt_nst_msg_size(&v);
	FZ_CHECK(n == 4u + body);
	buf = fz_alloc(4u + body);
	buf[0] = 4;
	buf[1] = (uint8_t)(body / 65536u);
	buf[2] = (uint8_t)((body / 256u) % 256u);
	buf[3] = (uint8_t)(body % 256u);
	buf[4] = (uint8_t)(v.lifetime_hint / 16777216u);
	buf[5] = (uint8_t)((v.lifetime_hint / 65536u) % 256u);
	buf[6] = (uint8_t)((v.lifetime_hint / 256u) % 256u);
	buf[7] = (uint8_t)(v.lifetime_hint % 256u);
	buf[8] = (uint8_t)(v.ticket.len / 256u);
	buf[9] = (uint8_t)(v.ticket.len % 256u);
	if (v.ticket.len > 0u)
		memcpy(buf + 10, v.ticket.ptr, v.ticket.len);
	fz_check_encoder(nst_msg_enc, &v, buf, 4u + body);
	st = tkt_nst_decode_msg(buf, 4u + body, &w, &at);
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
	st = tkt_nst_decode_msg(data, size, &v, &at);
	accept = sm_nst_msg(data, size, &hint, &t);
	FZ_CHECK((st == TKT_OK) == (accept == 1));
	FZ_CHECK(at <= size);
	if (st != TKT_OK) {
		FZ_CHECK(fz_is_decode_error(st));
		FZ_CHECK(fz_untouched(&v, sizeof v));
		/* A wrong msg_type is the one cause the mirror can name. */
		if (size >= 4u && data[0] != 4u)
			FZ_CHECK(st == TKT_ERR_BAD_TYPE);
	} else {
		FZ_CHECK(at == size);
		FZ_CHECK(v.lifetime_hint == hint);
		FZ_CHECK(fz_points_at(v.ticket, data, t.off, t.len));
		FZ_CHECK(tkt_nst_msg_size(&v) == size);
		fz_check_encoder(nst_msg_enc, &v, data, size);
	}
	nst_msg_value_roundtrip(data, size);
	return 0;
}
