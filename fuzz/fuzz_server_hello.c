/*
 * fuzz/fuzz_server_hello.c -- ServerHello body: tkt_server_hello_decode,
 * _size, _encode; and tkt_hello_set_ext35 / tkt_hello_remove_ext35 on the
 * message built around it. Input: the body (after the handshake header).
 */
#include "hello_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static tkt_status sh_enc(const void *v, uint8_t *out, size_t cap,
	size_t *written)
{
	return tkt_server_hello_encode((const tkt_server_hello *)v, out, cap,
		written);
}

/* Encode a value built from the input and decode it back. */
static void sh_value_roundtrip(const uint8_t *data, size_t size)
{
	fz_input in;
	tkt_server_hello v, w;
	tkt_bytes random;
	size_t sid_len, n, k, at;
	uint32_t flags;
	uint8_t *buf;
	int valid;
	tkt_status st;

	in.p = data;
	in.n = size;
	memset(&v, 0, sizeof v);
	v.version = (uint16_t)fz_take_u16(&in);
	flags = fz_take_u8(&in);
	sid_len = fz_take_u8(&in) % 34u;
	v.cipher_suite = (uint16_t)fz_take_u16(&in);
	v.compression = (uint8_t)fz_take_u8(&in);
	random = fz_take_bytes(&in, TKT_RANDOM_LEN);
	if (random.len < TKT_RANDOM_LEN)
		return;
	v.random = random.ptr;
	v.session_id = fz_take_bytes(&in, sid_len);
	v.has_extensions = (int)(flags % 2u);
	if (v.has_extensions) {
		if (tkt_exts_decode(in.p, in.n, &v.exts, &at) != TKT_OK)
			return;
	}
	valid = v.version / 256u == 3u && v.session_id.len <= 32u;
	if (!valid) {
		FZ_CHECK(tkt_server_hello_size(&v) == 0u);
		fz_check_encoder_rejects(sh_enc, &v, size + 16u);
		return;
	}
	n = 2u + 32u + 1u + v.session_id.len + 2u + 1u +
		(v.has_extensions ? 2u + v.exts.list.len : 0u);
	buf = fz_alloc(n);
	k = 0;
	buf[k++] = (uint8_t)(v.version / 256u);
	buf[k++] = (uint8_t)(v.version % 256u);
	memcpy(buf + k, v.random, 32);
	k += 32u;
	buf[k++] = (uint8_t)v.session_id.len;
	if (v.session_id.len)
		memcpy(buf + k, v.session_id.ptr, v.session_id.len);
	k += v.session_id.len;
	buf[k++] = (uint8_t)(v.cipher_suite / 256u);
	buf[k++] = (uint8_t)(v.cipher_suite % 256u);
	buf[k++] = v.compression;
	if (v.has_extensions) {
		buf[k++] = (uint8_t)(v.exts.list.len / 256u);
		buf[k++] = (uint8_t)(v.exts.list.len % 256u);
		if (v.exts.list.len)
			memcpy(buf + k, v.exts.list.ptr, v.exts.list.len);
	}
	FZ_CHECK(tkt_server_hello_size(&v) == n);
	fz_check_encoder(sh_enc, &v, buf, n);
	st = tkt_server_hello_decode(buf, n, &w, &at);
	FZ_CHECK(st == TKT_OK);
	if (st == TKT_OK) {
		FZ_CHECK(w.version == v.version);
		FZ_CHECK(memcmp(w.random, v.random, 32) == 0);
		FZ_CHECK(fz_same(w.session_id, v.session_id));
		FZ_CHECK(w.cipher_suite == v.cipher_suite);
		FZ_CHECK(w.compression == v.compression);
		FZ_CHECK(w.has_extensions == v.has_extensions);
		FZ_CHECK(!v.has_extensions || fz_same(w.exts.list, v.exts.list));
	}
	free(buf);
}

/* As ch_invalid_fields in fuzz_client_hello.c. */
static void sh_invalid_fields(const tkt_server_hello *good)
{
	tkt_server_hello v;
	int i;

	for (i = 0; i < 5; i++) {
		v = *good;
		switch (i) {
		case 0: v.random = NULL; break;
		case 1: v.session_id.len = 1; v.session_id.ptr = NULL; break;
		case 2: v.has_extensions = 2; break;
		case 3: v.has_extensions = 1; v.exts.list.len = 65536;
			v.exts.list.ptr = NULL; break;
		default: v.has_extensions = 1; v.exts.list.len = 4;
			v.exts.list.ptr = NULL; break;
		}
		FZ_CHECK(tkt_server_hello_size(&v) == 0u);
		fz_check_encoder_rejects(sh_enc, &v, 64u);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tkt_server_hello v;
	sm_hello m;
	size_t at = (size_t)-1;
	int accept;
	tkt_status st;
	uint8_t *msg;

	memset(&v, FZ_CANARY, sizeof v);
	st = tkt_server_hello_decode(data, size, &v, &at);
	accept = sm_server_hello(data, size, &m);
	FZ_CHECK((st == TKT_OK) == (accept == 1));
	FZ_CHECK(at <= size);
	if (st != TKT_OK) {
		FZ_CHECK(fz_is_decode_error(st));
		FZ_CHECK(fz_untouched(&v, sizeof v));
		msg = hello_wrap(TKT_HS_SERVER_HELLO, data, size);
		hello_rewrite_rejects(msg, 4u + size);
		free(msg);
	} else {
		FZ_CHECK(at == size);
		FZ_CHECK(v.version == m.version);
		FZ_CHECK(v.random == data + m.random_off);
		FZ_CHECK(fz_points_at(v.session_id, data, m.session_id.off,
			m.session_id.len));
		FZ_CHECK(v.cipher_suite == m.suite && v.compression == m.comp);
		FZ_CHECK((v.has_extensions != 0) == (m.has_exts != 0));
		if (m.has_exts) {
			FZ_CHECK(fz_points_at(v.exts.list, data,
				m.exts_off + m.exts.list.off, m.exts.list.len));
			FZ_CHECK(v.exts.count == m.exts.count);
			FZ_CHECK((v.exts.has_ext35 != 0) == (m.exts.has35 != 0));
		}
		FZ_CHECK(tkt_server_hello_size(&v) == size);
		fz_check_encoder(sh_enc, &v, data, size);
		sh_invalid_fields(&v);
		hello_set_null_data(TKT_HS_SERVER_HELLO, data, size);
		hello_rewrite_check(TKT_HS_SERVER_HELLO, data, size, &m, 0,
			NULL, 0);
		hello_rewrite_check(TKT_HS_SERVER_HELLO, data, size, &m, 1,
			data, size / 3u);
	}
	if (!hello_msg_ok(data, size))
		hello_rewrite_rejects(data, size);
	sh_value_roundtrip(data, size);
	return 0;
}
