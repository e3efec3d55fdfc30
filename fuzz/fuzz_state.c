/*
 * fuzz/fuzz_state.c -- StatePlaintext with tkt's state extensions:
 * tkt_state_decode, tkt_state_next_cert, tkt_state_size, tkt_state_encode.
 * Input: the decrypted state bytes.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static tkt_status state_enc(const void *v, uint8_t *out, size_t cap,
	size_t *written)
{
	return tkt_state_encode((const tkt_state *)v, out, cap, written);
}

static int state_equal(const tkt_state *a, const tkt_state *b)
{
	return a->version == b->version && a->cipher_suite == b->cipher_suite &&
		a->compression == b->compression &&
		memcmp(a->master_secret, b->master_secret,
			TKT_MASTER_SECRET_LEN) == 0 &&
		a->identity == b->identity &&
		fz_same(a->cert_list, b->cert_list) &&
		fz_same(a->psk_identity, b->psk_identity) &&
		a->timestamp == b->timestamp &&
		a->extended_ms == b->extended_ms &&
		fz_same(a->server_name, b->server_name) &&
		fz_same(a->alpn, b->alpn);
}

/* The certificates the iterator yields are the list's entries, in order. */
static void state_certs_check(const tkt_state *v, size_t count)
{
	size_t cursor = 0, seen = 0, pos = 0;
	tkt_bytes cert;

	while (tkt_state_next_cert(v, &cursor, &cert) == 1) {
		size_t len;

		FZ_CHECK(seen < count);
		if (seen >= count || pos + 3u > v->cert_list.len)
			return;
		len = ((size_t)v->cert_list.ptr[pos] * 256u +
			v->cert_list.ptr[pos + 1u]) * 256u +
			v->cert_list.ptr[pos + 2u];
		FZ_CHECK(cert.len == len && cert.ptr == v->cert_list.ptr + pos + 3u);
		pos += 3u + len;
		seen++;
	}
	FZ_CHECK(seen == count);
}

/*
 * The iterator checks any cursor: from every offset it stops or yields a
 * certificate inside the list; a state of another identity has none.
 */
static void state_forged_cursors(const tkt_state *v)
{
	size_t c, cursor;
	tkt_bytes cert;
	tkt_state other;

	for (c = 0; c <= v->cert_list.len + 1u && c < 4096u; c++) {
		cursor = c;
		if (tkt_state_next_cert(v, &cursor, &cert) != 1)
			continue;
		FZ_CHECK(cert.len >= 1u && cursor == c + 3u + cert.len);
		FZ_CHECK(cursor <= v->cert_list.len &&
			cert.ptr == v->cert_list.ptr + c + 3u);
	}
	cursor = (size_t)-1;
	FZ_CHECK(tkt_state_next_cert(v, &cursor, &cert) == 0);
	other = *v;
	other.identity = TKT_IDENTITY_PSK;
	cursor = 0;
	FZ_CHECK(tkt_state_next_cert(&other, &cursor, &cert) == 0);
}

/*
 * Values one field away from a decoded (valid) one, each unencodable:
 * the encoder must refuse them all with TKT_ERR_ARG and write nothing.
 */
static uint8_t *state_big;

static void state_invalid_neighbours(const tkt_state *v)
{
	static const uint8_t name[256] = { 0 };
	tkt_state w;
	uint8_t *big;

	w = *v;
	w.identity = 3;
	fz_check_encoder_rejects(state_enc, &w, 64);
	w = *v;
	w.extended_ms = 2;
	fz_check_encoder_rejects(state_enc, &w, 64);
	w = *v;
	w.server_name.ptr = name;
	w.server_name.len = 256;
	fz_check_encoder_rejects(state_enc, &w, 64);
	w = *v;
	w.alpn.ptr = name;
	w.alpn.len = 256;
	fz_check_encoder_rejects(state_enc, &w, 64);
	w = *v;
	if (w.identity != TKT_IDENTITY_PSK) {
		w.psk_identity.ptr = name;
		w.psk_identity.len = 1;
		fz_check_encoder_rejects(state_enc, &w, 64);
	}
	w = *v;
	if (w.identity != TKT_IDENTITY_CERTIFICATE) {
		w.cert_list.ptr = name;
		w.cert_list.len = 4;
		fz_check_encoder_rejects(state_enc, &w, 64);
	}
	/* Vectors one byte over their length fields' range, backed by real
	   memory in case the encoder reads them; allocated once per process
	   because 16 MiB per run would swamp ASan's quarantine. */
	if (state_big == NULL)
		state_big = (uint8_t *)calloc(1, 0x1000000u);
	big = state_big;
	if (big == NULL)
		return;
	w = *v;
	w.identity = TKT_IDENTITY_PSK;
	w.cert_list.ptr = NULL;
	w.cert_list.len = 0;
	w.psk_identity.ptr = big;
	w.psk_identity.len = 0x10000u;
	fz_check_encoder_rejects(state_enc, &w, 64);
	w = *v;
	w.identity = TKT_IDENTITY_CERTIFICATE;
	w.psk_identity.ptr = NULL;
	w.psk_identity.len = 0;
	w.cert_list.ptr = big;
	w.cert_list.len = 0x1000000u;
	fz_check_encoder_rejects(state_enc, &w, 64);
}

/* Append the big-endian k-byte x to buf at *n. */
static void state_put(uint8_t *buf, size_t *n, size_t x, size_t k)
{
	size_t i;

	for (i = k; i > 0u; i--) {
		buf[*n + i - 1u] = (uint8_t)(x % 256u);
		x /= 256u;
	}
	*n += k;
}

static void state_put_bytes(uint8_t *buf, size_t *n, tkt_bytes b)
{
	if (b.len > 0u)
		memcpy(buf + *n, b.ptr, b.len);
	*n += b.len;
}

/*
 * Encode a value built from the input. The harness decides validity
 * itself (state_val_ok of spec/logic/state.h) and writes the canonical
 * encoding by hand, so the encoder is compared with an independent one.
 */
static void state_value_roundtrip(const uint8_t *data, size_t size)
{
	fz_input in;
	tkt_state v, w;
	tkt_bytes ms;
	size_t certs_len, psk_len, sni_len, alpn_len, count, n, at, ext_sz;
	uint8_t *buf;
	int valid;
	tkt_status st;

	in.p = data;
	in.n = size;
	memset(&v, 0, sizeof v);
	v.version = (uint16_t)fz_take_u16(&in);
	v.cipher_suite = (uint16_t)fz_take_u16(&in);
	v.compression = (uint8_t)fz_take_u8(&in);
	v.identity = (uint8_t)(fz_take_u8(&in) % 4u);
	v.timestamp = fz_take_u32(&in);
	v.extended_ms = (int)(fz_take_u8(&in) % 3u);
	certs_len = fz_take_u16(&in);
	psk_len = fz_take_u16(&in) % 300u;
	sni_len = fz_take_u16(&in) % 260u;
	alpn_len = fz_take_u16(&in) % 260u;
	ms = fz_take_bytes(&in, TKT_MASTER_SECRET_LEN);
	if (ms.len < TKT_MASTER_SECRET_LEN)
		return;
	v.master_secret = ms.ptr;
	v.cert_list = fz_take_bytes(&in, certs_len);
	v.psk_identity = fz_take_bytes(&in, psk_len);
	v.server_name = fz_take_bytes(&in, sni_len);
	v.alpn = fz_take_bytes(&in, alpn_len);
	valid = v.identity <= 2u &&
		(v.identity == TKT_IDENTITY_CERTIFICATE || v.cert_list.len == 0u) &&
		(v.identity == TKT_IDENTITY_PSK || v.psk_identity.len == 0u) &&
		sm_certs(v.cert_list.ptr, v.cert_list.len, &count) &&
		v.extended_ms <= 1 && v.server_name.len <= 255u &&
		v.alpn.len <= 255u;
	if (!valid) {
		FZ_CHECK(tkt_state_size(&v) == 0u);
		fz_check_encoder_rejects(state_enc, &v, 64u + size);
		return;
	}
	ext_sz = (v.server_name.len ? 4u + v.server_name.len : 0u) +
		(v.alpn.len ? 4u + v.alpn.len : 0u) + (v.extended_ms ? 4u : 0u);
	buf = fz_alloc(64u + size + 20u);
	n = 0;
	state_put(buf, &n, v.version, 2);
	state_put(buf, &n, v.cipher_suite, 2);
	state_put(buf, &n, v.compression, 1);
	state_put_bytes(buf, &n, ms);
	state_put(buf, &n, v.identity, 1);
	if (v.identity == TKT_IDENTITY_CERTIFICATE) {
		state_put(buf, &n, v.cert_list.len, 3);
		state_put_bytes(buf, &n, v.cert_list);
	} else if (v.identity == TKT_IDENTITY_PSK) {
		state_put(buf, &n, v.psk_identity.len, 2);
		state_put_bytes(buf, &n, v.psk_identity);
	}
	state_put(buf, &n, v.timestamp, 4);
	if (ext_sz != 0u) {
		state_put(buf, &n, ext_sz, 2);
		if (v.server_name.len) {
			state_put(buf, &n, TKT_STATE_EXT_SERVER_NAME, 2);
			state_put(buf, &n, v.server_name.len, 2);
			state_put_bytes(buf, &n, v.server_name);
		}
		if (v.alpn.len) {
			state_put(buf, &n, TKT_STATE_EXT_ALPN, 2);
			state_put(buf, &n, v.alpn.len, 2);
			state_put_bytes(buf, &n, v.alpn);
		}
		if (v.extended_ms) {
			state_put(buf, &n, TKT_STATE_EXT_EXTENDED_MS, 2);
			state_put(buf, &n, 0, 2);
		}
	}
	FZ_CHECK(tkt_state_size(&v) == n);
	fz_check_encoder(state_enc, &v, buf, n);
	st = tkt_state_decode(buf, n, &w, &at);
	FZ_CHECK(st == TKT_OK);
	FZ_CHECK(st != TKT_OK || state_equal(&v, &w));
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tkt_state v;
	sm_state_view m;
	size_t at = (size_t)-1;
	int accept;
	tkt_status st;

	memset(&v, FZ_CANARY, sizeof v);
	st = tkt_state_decode(data, size, &v, &at);
	accept = sm_state(data, size, &m);
	FZ_CHECK((st == TKT_OK) == (accept == 1));
	FZ_CHECK(at <= size);
	if (st != TKT_OK) {
		FZ_CHECK(fz_is_decode_error(st));
		FZ_CHECK(fz_untouched(&v, sizeof v));
	} else {
		FZ_CHECK(at == size);
		FZ_CHECK(v.version == m.version && v.cipher_suite == m.suite);
		FZ_CHECK(v.compression == m.comp && v.identity == m.identity);
		FZ_CHECK(v.master_secret == data + m.ms_off);
		FZ_CHECK(fz_points_at(v.cert_list, data, m.certs.off,
			m.certs.len));
		FZ_CHECK(fz_points_at(v.psk_identity, data, m.psk.off,
			m.psk.len));
		FZ_CHECK(v.timestamp == m.timestamp);
		FZ_CHECK(v.extended_ms == m.ems);
		FZ_CHECK(fz_points_at(v.server_name, data, m.server_name.off,
			m.server_name.len));
		FZ_CHECK(fz_points_at(v.alpn, data, m.alpn.off, m.alpn.len));
		if (v.identity == TKT_IDENTITY_CERTIFICATE)
			state_certs_check(&v, m.cert_count);
		state_forged_cursors(&v);
		state_invalid_neighbours(&v);
		FZ_CHECK(tkt_state_size(&v) == size);
		fz_check_encoder(state_enc, &v, data, size);
	}
	state_value_roundtrip(data, size);
	return 0;
}
