/*
 * fuzz/ticket_common.h -- the protected-ticket harness body, shared by
 * fuzz_ticket.c (RFC 5077 layout, iv 16 / mac 32) and fuzz_ticket_gcm.c
 * (aes256-gcm layout, nonce 12 / tag 16): one layout per target keeps
 * each corpus meaningful for its own layout.
 */
#ifndef TKT_FUZZ_TICKET_COMMON_H
#define TKT_FUZZ_TICKET_COMMON_H

#include "fuzz_common.h"

static tkt_status ticket_enc(const void *v, uint8_t *out, size_t cap,
	size_t *written)
{
	return tkt_ticket_encode((const tkt_ticket *)v, out, cap, written);
}

static void ticket_decode_check(const uint8_t *data, size_t size,
	size_t iv_len, size_t mac_len)
{
	tkt_ticket v;
	size_t at = (size_t)-1;
	sm_span iv, st_span, mac;
	int accept;
	tkt_status st;

	memset(&v, FZ_CANARY, sizeof v);
	st = tkt_ticket_decode(data, size, iv_len, mac_len, &v, &at);
	accept = sm_ticket(data, size, iv_len, mac_len, &iv, &st_span, &mac);
	FZ_CHECK((st == TKT_OK) == (accept == 1));
	if (st != TKT_OK) {
		FZ_CHECK(fz_untouched(&v, sizeof v));
		if (iv_len < 1u || iv_len > TKT_IV_MAX || mac_len < 1u ||
		    mac_len > TKT_MAC_MAX)
			FZ_CHECK(st == TKT_ERR_ARG);
		else
			FZ_CHECK(fz_is_decode_error(st));
		FZ_CHECK(st == TKT_ERR_ARG || at <= size);
		return;
	}
	FZ_CHECK(at == size);
	FZ_CHECK(v.key_name == data);
	FZ_CHECK(fz_points_at(v.iv, data, iv.off, iv.len));
	FZ_CHECK(fz_points_at(v.encrypted_state, data, st_span.off,
		st_span.len));
	FZ_CHECK(fz_points_at(v.mac, data, mac.off, mac.len));
	FZ_CHECK(fz_points_at(v.mac_input, data, 0, mac.off));
	FZ_CHECK(tkt_ticket_size(&v) == size);
	fz_check_encoder(ticket_enc, &v, data, size);
}

/* Encode a value built from the input, then decode it back. */
static void ticket_value_roundtrip(const uint8_t *data, size_t size,
	size_t iv_len, size_t mac_len)
{
	fz_input in;
	tkt_ticket v, w;
	tkt_bytes name;
	size_t n, at, want;
	uint8_t *buf;
	tkt_status st;

	in.p = data;
	in.n = size;
	name = fz_take_bytes(&in, TKT_KEY_NAME_LEN);
	v.iv = fz_take_bytes(&in, iv_len);
	v.mac = fz_take_bytes(&in, mac_len);
	v.encrypted_state = fz_take_bytes(&in, in.n);
	v.mac_input.ptr = NULL;
	v.mac_input.len = 0;
	if (name.len < TKT_KEY_NAME_LEN || v.iv.len < iv_len ||
	    v.mac.len < mac_len)
		return;   /* not enough input to build a value of this layout */
	v.key_name = name.ptr;
	want = TKT_KEY_NAME_LEN + iv_len + 2u + v.encrypted_state.len + mac_len;
	if (want > 65535u) {
		FZ_CHECK(tkt_ticket_size(&v) == 0u);
		fz_check_encoder_rejects(ticket_enc, &v, want + 1u);
		return;
	}
	n = tkt_ticket_size(&v);
	FZ_CHECK(n == want);
	buf = fz_alloc(want);
	memcpy(buf, name.ptr, TKT_KEY_NAME_LEN);
	memcpy(buf + TKT_KEY_NAME_LEN, v.iv.ptr, iv_len);
	buf[TKT_KEY_NAME_LEN + iv_len] =
		(uint8_t)(v.encrypted_state.len / 256u);
	buf[TKT_KEY_NAME_LEN + iv_len + 1u] =
		(uint8_t)(v.encrypted_state.len % 256u);
	if (v.encrypted_state.len > 0u)
		memcpy(buf + TKT_KEY_NAME_LEN + iv_len + 2u,
			v.encrypted_state.ptr, v.encrypted_state.len);
	memcpy(buf + want - mac_len, v.mac.ptr, mac_len);
	fz_check_encoder(ticket_enc, &v, buf, want);
	st = tkt_ticket_decode(buf, want, iv_len, mac_len, &w, &at);
	FZ_CHECK(st == TKT_OK);
	if (st == TKT_OK) {
		FZ_CHECK(memcmp(w.key_name, name.ptr, TKT_KEY_NAME_LEN) == 0);
		FZ_CHECK(fz_same(w.iv, v.iv));
		FZ_CHECK(fz_same(w.encrypted_state, v.encrypted_state));
		FZ_CHECK(fz_same(w.mac, v.mac));
	}
	free(buf);
}

/*
 * Values whose iv or mac length no layout has (0, or past TKT_IV_MAX /
 * TKT_MAC_MAX): size 0 and the encoder refuses them without reading the
 * fields (the over-long ones point at too few readable bytes on purpose).
 */
static void ticket_bad_lengths(const uint8_t *data, size_t size)
{
	static const uint8_t name[TKT_KEY_NAME_LEN];
	tkt_ticket v;
	int i;

	for (i = 0; i < 4; i++) {
		memset(&v, 0, sizeof v);
		v.key_name = name;
		v.iv = fz_range(data, 0, size < 12u ? size : 12u);
		v.mac = fz_range(data, 0, size < 16u ? size : 16u);
		v.encrypted_state = fz_range(data, 0, size);
		if (i == 0)
			v.iv.len = 0;
		else if (i == 1)
			v.iv.len = TKT_IV_MAX + 1u;
		else if (i == 2)
			v.mac.len = 0;
		else
			v.mac.len = TKT_MAC_MAX + 1u;
		FZ_CHECK(tkt_ticket_size(&v) == 0u);
		fz_check_encoder_rejects(ticket_enc, &v, 64u);
	}
}

static void ticket_run(const uint8_t *data, size_t size, size_t iv_len,
	size_t mac_len)
{
	ticket_bad_lengths(data, size);
	ticket_decode_check(data, size, iv_len, mac_len);
	ticket_value_roundtrip(data, size, iv_len, mac_len);
	/* Layout arguments outside their ranges are refused up front. */
	ticket_decode_check(data, size, 0, mac_len);
	ticket_decode_check(data, size, TKT_IV_MAX + 1u, mac_len);
	ticket_decode_check(data, size, iv_len, 0);
	ticket_decode_check(data, size, iv_len, TKT_MAC_MAX + 1u);
}

#endif
