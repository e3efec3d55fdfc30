/*
 * fuzz/fuzz_ext35.c -- SessionTicket extension body: tkt_ext35_decode
 * (both flag settings and an unknown flag), tkt_ext35_decode_rfc4507,
 * tkt_ext35_size, tkt_ext35_encode. Input: the extension_data.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static tkt_status ext35_enc(const void *v, uint8_t *out, size_t cap,
	size_t *written)
{
	return tkt_ext35_encode((const tkt_ext35 *)v, out, cap, written);
}

/* tkt_ext35_decode with `flags`, against the mirror. */
static void ext35_decode_check(const uint8_t *data, size_t size,
	uint32_t flags)
{
	tkt_ext35 v;
	size_t at = (size_t)-1;
	int form = -1;
	sm_span t;
	int accept;
	tkt_status st;

	memset(&v, FZ_CANARY, sizeof v);
	st = tkt_ext35_decode(data, size, flags, &v, &at);
	accept = sm_ext35(data, size, flags, &form, &t);
	FZ_CHECK((st == TKT_OK) == (accept == 1));
	FZ_CHECK(at <= size);
	if (st != TKT_OK) {
		FZ_CHECK(fz_untouched(&v, sizeof v));
		if ((flags & ~TKT_EXT35_ALLOW_RFC4507_EMPTY) != 0u)
			FZ_CHECK(st == TKT_ERR_ARG);
		else if (size > 65535u)
			FZ_CHECK(st == TKT_ERR_BAD_LENGTH);
		else
			FZ_CHECK(st == TKT_ERR_LEGACY);
		return;
	}
	FZ_CHECK(at == size);
	FZ_CHECK((int)v.form == form);
	FZ_CHECK(fz_points_at(v.ticket, data, t.off, t.len));
	/* Decode then encode: the same bytes. */
	FZ_CHECK(tkt_ext35_size(&v) == size);
	fz_check_encoder(ext35_enc, &v, data, size);
}

static void ext35_rfc4507_check(const uint8_t *data, size_t size)
{
	tkt_ext35 v;
	size_t at = (size_t)-1;
	int form = -1;
	sm_span t;
	int accept;
	tkt_status st;

	memset(&v, FZ_CANARY, sizeof v);
	st = tkt_ext35_decode_rfc4507(data, size, &v, &at);
	accept = sm_ext35_rfc4507(data, size, &form, &t);
	FZ_CHECK((st == TKT_OK) == (accept == 1));
	FZ_CHECK(at <= size);
	if (st != TKT_OK) {
		FZ_CHECK(fz_is_decode_error(st));
		FZ_CHECK(fz_untouched(&v, sizeof v));
		return;
	}
	FZ_CHECK(at == size);
	FZ_CHECK((int)v.form == form);
	FZ_CHECK(fz_points_at(v.ticket, data, t.off, t.len));
	/* The RFC 4507 empty form re-encodes as the same two bytes. */
	if (v.form == TKT_EXT35_RFC4507_EMPTY)
		fz_check_encoder(ext35_enc, &v, data, size);
}

/* Encode a value built from the input, then decode it back. */
static void ext35_value_roundtrip(const uint8_t *data, size_t size)
{
	fz_input in;
	tkt_ext35 v, w;
	size_t n, at, cap;
	int valid;
	uint8_t *buf;
	tkt_status st;

	in.p = data;
	in.n = size;
	v.form = (tkt_ext35_form)(fz_take_u8(&in) % 4u);
	v.ticket = fz_take_bytes(&in, in.n);
	if (v.form == TKT_EXT35_TICKET)
		valid = v.ticket.len >= 1u && v.ticket.len <= 65535u;
	else if (v.form == TKT_EXT35_EMPTY || v.form == TKT_EXT35_RFC4507_EMPTY)
		valid = v.ticket.len == 0u;
	else
		valid = 0;   /* form 3 is not an enumerator */
	if (!valid) {
		FZ_CHECK(tkt_ext35_size(&v) == 0u);
		cap = v.ticket.len + 4u;
		fz_check_encoder_rejects(ext35_enc, &v, cap);
		return;
	}
	n = tkt_ext35_size(&v);
	buf = fz_alloc(n);
	if (v.form == TKT_EXT35_TICKET) {
		FZ_CHECK(n == v.ticket.len);
		memcpy(buf, v.ticket.ptr, v.ticket.len);
	} else if (v.form == TKT_EXT35_RFC4507_EMPTY) {
		FZ_CHECK(n == 2u);
		memset(buf, 0, n);
	} else {
		FZ_CHECK(n == 0u);
	}
	fz_check_encoder(ext35_enc, &v, buf, n);
	st = tkt_ext35_decode(buf, n, TKT_EXT35_ALLOW_RFC4507_EMPTY, &w, &at);
	if (v.form == TKT_EXT35_TICKET && n >= 2u &&
	    buf[0] * 256u + buf[1] == n - 2u) {
		/* A ticket shaped like an RFC 4507 body is ambiguous on the
		   wire (codec.h): the decoder must not take it as a ticket. */
		FZ_CHECK(st == TKT_ERR_LEGACY ||
			(n == 2u && st == TKT_OK &&
			 w.form == TKT_EXT35_RFC4507_EMPTY));
	} else {
		FZ_CHECK(st == TKT_OK);
		FZ_CHECK(st != TKT_OK || (w.form == v.form &&
			fz_same(w.ticket, v.ticket)));
	}
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ext35_decode_check(data, size, 0u);
	ext35_decode_check(data, size, TKT_EXT35_ALLOW_RFC4507_EMPTY);
	ext35_decode_check(data, size, 2u);
	ext35_rfc4507_check(data, size);
	ext35_value_roundtrip(data, size);
	return 0;
}
