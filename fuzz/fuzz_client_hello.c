/*
 * fuzz/fuzz_client_hello.c -- ClientHello body: tkt_client_hello_decode,
 * _size, _encode; and tkt_hello_set_ext35 / tkt_hello_remove_ext35 on the
 * message built around it. Input: the body (after the handshake header).
 */
#include "hello_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static tkt_status ch_enc(const void *v, uint8_t *out, size_t cap,
	size_t *written)
{
	return tkt_client_hello_encode((const tkt_client_hello *)v, out, cap,
		written);
}

/* Encode a value built from the input and decode it back. */
static void ch_value_roundtrip(const uint8_t *data, size_t size)
{
	fz_input in;
	tkt_client_hello v, w;
	tkt_bytes random;
	size_t sid_len, suites_len, comp_len, n, k, at;
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
	suites_len = fz_take_u16(&in) % 70u;
	comp_len = fz_take_u8(&in) % 4u;
	random = fz_take_bytes(&in, TKT_RANDOM_LEN);
	if (random.len < TKT_RANDOM_LEN)
		return;
	v.random = random.ptr;
	v.session_id = fz_take_bytes(&in, sid_len);
	v.cipher_suites = fz_take_bytes(&in, suites_len);
	v.compression = fz_take_bytes(&in, comp_len);
	v.has_extensions = (int)(flags % 2u);
	if (v.has_extensions) {
		/* The rest must be a block the codec accepts. */
		if (tkt_exts_decode(in.p, in.n, &v.exts, &at) != TKT_OK)
			return;
	}
	valid = v.version / 256u == 3u && v.session_id.len <= 32u &&
		v.cipher_suites.len >= 2u && v.cipher_suites.len % 2u == 0u &&
		v.compression.len >= 1u;
	if (!valid) {
		FZ_CHECK(tkt_client_hello_size(&v) == 0u);
		fz_check_encoder_rejects(ch_enc, &v, size + 16u);
		return;
	}
	n = 2u + 32u + 1u + v.session_id.len + 2u + v.cipher_suites.len + 1u +
		v.compression.len + (v.has_extensions ? 2u + v.exts.list.len : 0u);
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
	buf[k++] = (uint8_t)(v.cipher_suites.len / 256u);
	buf[k++] = (uint8_t)(v.cipher_suites.len % 256u);
	memcpy(buf + k, v.cipher_suites.ptr, v.cipher_suites.len);
	k += v.cipher_suites.len;
	buf[k++] = (uint8_t)v.compression.len;
	memcpy(buf + k, v.compression.ptr, v.compression.len);
	k += v.compression.len;
	if (v.has_extensions) {
		buf[k++] = (uint8_t)(v.exts.list.len / 256u);
		buf[k++] = (uint8_t)(v.exts.list.len % 256u);
		if (v.exts.list.len)
			memcpy(buf + k, v.exts.list.ptr, v.exts.list.len);
	}
	FZ_CHECK(tkt_client_hello_size(&v) == n);
	fz_check_encoder(ch_enc, &v, buf, n);
	st = tkt_client_hello_decode(buf, n, &w, &at);
	FZ_CHECK(st == TKT_OK);
	if (st == TKT_OK) {
		FZ_CHECK(w.version == v.version);
		FZ_CHECK(memcmp(w.random, v.random, 32) == 0);
		FZ_CHECK(fz_same(w.session_id, v.session_id));
		FZ_CHECK(fz_same(w.cipher_suites, v.cipher_suites));
		FZ_CHECK(fz_same(w.compression, v.compression));
		FZ_CHECK(w.has_extensions == v.has_extensions);
		FZ_CHECK(!v.has_extensions || fz_same(w.exts.list, v.exts.list));
	}
	free(buf);
}

/*
 * A decoded (valid) value with one field made invalid at a time: size 0,
 * and the encoder refuses it without reading anything (NULL pointers and
 * lengths past what the pointers cover, so a read would be reported).
 */
static void ch_invalid_fields(const tkt_client_hello *good)
{
	tkt_client_hello v;
	int i;

	for (i = 0; i < 9; i++) {
		v = *good;
		switch (i) {
		case 0: v.random = NULL; break;
		case 1: v.session_id.len = 1; v.session_id.ptr = NULL; break;
		case 2: v.cipher_suites.len = 65536; v.cipher_suites.ptr = NULL; break;
		case 3: v.cipher_suites.ptr = NULL; break;
		case 4: v.compression.len = 256; v.compression.ptr = NULL; break;
		case 5: v.compression.ptr = NULL; break;
		case 6: v.has_extensions = 2; break;
		case 7: v.has_extensions = 1; v.exts.list.len = 65536;
			v.exts.list.ptr = NULL; break;
		default: v.has_extensions = 1; v.exts.list.len = 4;
			v.exts.list.ptr = NULL; break;
		}
		FZ_CHECK(tkt_client_hello_size(&v) == 0u);
		fz_check_encoder_rejects(ch_enc, &v, 64u);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tkt_client_hello v;
	sm_hello m;
	size_t at = (size_t)-1;
	int accept;
	tkt_status st;
	uint8_t *msg;

	memset(&v, FZ_CANARY, sizeof v);
	st = tkt_client_hello_decode(data, size, &v, &at);
	accept = sm_client_hello(data, size, &m);
	FZ_CHECK((st == TKT_OK) == (accept == 1));
	FZ_CHECK(at <= size);
	if (st != TKT_OK) {
		FZ_CHECK(fz_is_decode_error(st));
		FZ_CHECK(fz_untouched(&v, sizeof v));
		msg = hello_wrap(TKT_HS_CLIENT_HELLO, data, size);
		hello_rewrite_rejects(msg, 4u + size);
		free(msg);
	} else {
		FZ_CHECK(at == size);
		FZ_CHECK(v.version == m.version);
		FZ_CHECK(v.random == data + m.random_off);
		FZ_CHECK(fz_points_at(v.session_id, data, m.session_id.off,
			m.session_id.len));
		FZ_CHECK(fz_points_at(v.cipher_suites, data, m.suites.off,
			m.suites.len));
		FZ_CHECK(fz_points_at(v.compression, data, m.compression.off,
			m.compression.len));
		FZ_CHECK((v.has_extensions != 0) == (m.has_exts != 0));
		if (m.has_exts) {
			FZ_CHECK(fz_points_at(v.exts.list, data,
				m.exts_off + m.exts.list.off, m.exts.list.len));
			FZ_CHECK(v.exts.count == m.exts.count);
			FZ_CHECK((v.exts.has_ext35 != 0) == (m.exts.has35 != 0));
		}
		FZ_CHECK(tkt_client_hello_size(&v) == size);
		fz_check_encoder(ch_enc, &v, data, size);
		ch_invalid_fields(&v);
		hello_set_null_data(TKT_HS_CLIENT_HELLO, data, size);
		hello_rewrite_check(TKT_HS_CLIENT_HELLO, data, size, &m, 0,
			NULL, 0);
		hello_rewrite_check(TKT_HS_CLIENT_HELLO, data, size, &m, 1,
			data, size / 3u);
		/* A message of another type is refused. */
		msg = hello_wrap(TKT_HS_NEW_SESSION_TICKET, data, size);
		hello_rewrite_rejects(msg, 4u + size);
		free(msg);
	}
	/* The input taken as a whole message: refused unless a hello. */
	if (!hello_msg_ok(data, size))
		hello_rewrite_rejects(data, size);
	ch_value_roundtrip(data, size);
	return 0;
}
