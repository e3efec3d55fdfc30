/*
 * Unit tests of the StatePlaintext codec: tkt_state_decode, _size, _encode
 * and _next_cert (src/codec/state.c, src/codec/certs.c).
 *
 * Vectors are built field by field by a small writer that also records
 * where each length field is, so that every length can be bent by one in
 * both directions and every vector can be cut at every length.
 *
 * Built with TKT_NO_CERT_IDENTITY or TKT_NO_STATE_EXTENSIONS
 * (tkt/config.h, tests/configs), every vector and value that uses the
 * left-out part is checked for the documented refusal instead
 * (TKT_ERR_UNSUPPORTED, its offset, nothing written): see left_out() and
 * value_left_out().
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tkt/codec.h"
#include "check.h"

#define VEC_MAX   4096
#define LENS_MAX  16

/* A vector under construction: bytes plus the offsets of its length
   fields (lsize[i] is 2 or 3 bytes). */
typedef struct vec {
	uint8_t b[VEC_MAX];
	size_t n;
	size_t lpos[LENS_MAX];
	size_t lsize[LENS_MAX];
	size_t nlens;
	size_t ts_end;  /* end of the timestamp: a valid prefix if a block follows */
} vec;

static void put(vec *v, const void *p, size_t n)
{
	if (n != 0)
		memcpy(v->b + v->n, p, n);
	v->n += n;
}

static void put8(vec *v, unsigned x)
{
	v->b[v->n++] = (uint8_t)x;
}

static void put16(vec *v, size_t x)
{
	put8(v, (unsigned)(x / 256u % 256u));
	put8(v, (unsigned)(x % 256u));
}

/* A length field: recorded for the off-by-one tests. */
static void putlen(vec *v, size_t x, size_t size)
{
	v->lpos[v->nlens] = v->n;
	v->lsize[v->nlens] = size;
	v->nlens++;
	if (size == 3)
		put8(v, (unsigned)(x / 65536u % 256u));
	put16(v, x % 65536u);
}

static const uint8_t ms48[48] = {
	0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xfe, 0xdc, 0xba, 0x98,
	0x76, 0x54, 0x32, 0x10, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88,
	0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x00, 0x0f, 0x1e, 0x2d, 0x3c,
	0x4b, 0x5a, 0x69, 0x78, 0x87, 0x96, 0xa5, 0xb4, 0xc3, 0xd2, 0xe1, 0xf0
};

/* Certificates whose bytes look like DER and cannot be mistaken for a
   small length when a length field is bent. */
static const uint8_t cert_a[] = { 0x30, 0x82, 0xff, 0xee, 0xdd };
static const uint8_t cert_b[] = { 0x30, 0x81, 0xf0 };
static const uint8_t cert_c[] = { 0x30, 0x82, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5 };

static void head(vec *v, unsigned id)
{
	memset(v, 0, sizeof *v);
	put16(v, 0x0303);
	put16(v, 0xc02f);
	put8(v, 0);
	put(v, ms48, sizeof ms48);
	put8(v, id);
}

static void tail(vec *v, uint32_t ts, const char *sn, const char *alpn,
	int ems)
{
	size_t x = 0, sl = sn ? strlen(sn) : 0, al = alpn ? strlen(alpn) : 0;

	put16(v, ts / 65536u);
	put16(v, ts % 65536u);
	v->ts_end = v->n;
	if (sl)
		x += 4 + sl;
	if (al)
		x += 4 + al;
	if (ems)
		x += 4;
	if (x == 0)
		return;
	putlen(v, x, 2);
	if (sl) {
		put16(v, TKT_STATE_EXT_SERVER_NAME);
		putlen(v, sl, 2);
		put(v, sn, sl);
	}
	if (al) {
		put16(v, TKT_STATE_EXT_ALPN);
		putlen(v, al, 2);
		put(v, alpn, al);
	}
	if (ems) {
		put16(v, TKT_STATE_EXT_EXTENDED_MS);
		putlen(v, 0, 2);
	}
}

static void certs(vec *v, size_t count)
{
	static const struct { const uint8_t *p; size_t n; } c[3] = {
		{ cert_a, sizeof cert_a }, { cert_b, sizeof cert_b },
		{ cert_c, sizeof cert_c }
	};
	size_t i, total = 0;

	for (i = 0; i < count; i++)
		total += 3 + c[i].n;
	putlen(v, total, 3);
	for (i = 0; i < count; i++) {
		putlen(v, c[i].n, 3);
		put(v, c[i].p, c[i].n);
	}
}

/*
 * 1 if decoding v must give TKT_ERR_UNSUPPORTED in this build, with *at
 * the documented offset: a certificate identity (at its type, 53), or a
 * block of state extensions whose length field frames the rest of v (at
 * that field; a badly framed block keeps its own status).
 */
static int left_out(const vec *v, size_t *at)
{
#ifdef TKT_NO_CERT_IDENTITY
	if (v->n > 53 && v->b[53] == TKT_IDENTITY_CERTIFICATE) {
		*at = 53;
		return 1;
	}
#endif
#ifdef TKT_NO_STATE_EXTENSIONS
	if (v->ts_end != 0 && v->n >= v->ts_end + 2) {
		size_t blen = v->b[v->ts_end] * 256u + v->b[v->ts_end + 1];

		if (blen != 0 && blen == v->n - v->ts_end - 2) {
			*at = v->ts_end;
			return 1;
		}
	}
#endif
	(void)v;
	(void)at;
	return 0;
}

/* 1 if encoding s must give TKT_ERR_UNSUPPORTED in this build. */
static int value_left_out(const tkt_state *s)
{
#ifdef TKT_NO_CERT_IDENTITY
	if (s->identity == TKT_IDENTITY_CERTIFICATE)
		return 1;
#endif
#ifdef TKT_NO_STATE_EXTENSIONS
	if (s->extended_ms != 0 || s->server_name.len != 0 || s->alpn.len != 0)
		return 1;
#endif
	(void)s;
	return 0;
}

/* Same value: scalars, lengths and the bytes behind the pointers. */
static int same_value(const tkt_state *a, const tkt_state *b)
{
#define SAME_BYTES(x, y) ((x).len == (y).len && \
	((x).len == 0 || memcmp((x).ptr, (y).ptr, (x).len) == 0))
	return a->version == b->version && a->cipher_suite == b->cipher_suite &&
		a->compression == b->compression &&
		memcmp(a->master_secret, b->master_secret, 48) == 0 &&
		a->identity == b->identity && SAME_BYTES(a->cert_list, b->cert_list) &&
		SAME_BYTES(a->psk_identity, b->psk_identity) &&
		a->timestamp == b->timestamp && a->extended_ms == b->extended_ms &&
		SAME_BYTES(a->server_name, b->server_name) &&
		SAME_BYTES(a->alpn, b->alpn);
#undef SAME_BYTES
}

/* Everything that must hold for an accepted vector. */
static void check_valid(const vec *v)
{
	static uint8_t out[VEC_MAX + 16], tmp[VEC_MAX];
	tkt_state s, s2, canary;
	size_t at = 12345, w = 12345, cap, k, i, want_at = 0;
	tkt_status st;

	if (left_out(v, &want_at)) {
		memset(&canary, 0xa5, sizeof canary);
		memset(&s, 0xa5, sizeof s);
		CHECK_EQ(tkt_state_decode(v->b, v->n, &s, &at),
			TKT_ERR_UNSUPPORTED);
		CHECK_EQ(at, want_at);
		CHECK(memcmp(&s, &canary, sizeof s) == 0);
		return;
	}
	st = tkt_state_decode(v->b, v->n, &s, &at);
	CHECK_EQ(st, TKT_OK);
	CHECK_EQ(at, v->n);
	if (st != TKT_OK)
		return;
	CHECK_EQ(tkt_state_size(&s), v->n);

	/* decode then encode gives back the bytes */
	memset(out, 0xcc, sizeof out);
	CHECK_EQ(tkt_state_encode(&s, out, sizeof out, &w), TKT_OK);
	CHECK_EQ(w, v->n);
	CHECK_MEM(out, w, v->b, v->n);
	CHECK(out[v->n] == 0xcc);

	/* encode then decode gives back the value */
	CHECK_EQ(tkt_state_decode(out, w, &s2, &at), TKT_OK);
	CHECK(same_value(&s, &s2));

	/* every capacity short of the size: nothing written, size reported */
	for (cap = 0; cap < v->n; cap++) {
		memset(out, 0xcc, sizeof out);
		w = 0;
		st = tkt_state_encode(&s, out, cap, &w);
		CHECK_EQ(st, TKT_ERR_BUFFER_TOO_SMALL);
		CHECK_EQ(w, v->n);
		for (i = 0; i < sizeof out && out[i] == 0xcc; i++)
			;
		CHECK_EQ(i, sizeof out);
	}

	/* every proper prefix is rejected and leaves *out alone, except the
	   prefix that ends at the timestamp when a block follows: that one
	   is the same state without extensions */
	for (k = 0; k < v->n; k++) {
		memcpy(tmp, v->b, k);
		memset(&canary, 0xa5, sizeof canary);
		memset(&s2, 0xa5, sizeof s2);
		at = 99999;
		st = tkt_state_decode(tmp, k, &s2, &at);
		if (k == v->ts_end) {
			CHECK_EQ(st, TKT_OK);
			CHECK(s2.extended_ms == 0 && s2.server_name.len == 0 &&
				s2.alpn.len == 0 && s2.timestamp == s.timestamp);
		} else {
			CHECK(st != TKT_OK);
			CHECK(at <= k);
			CHECK(memcmp(&s2, &canary, sizeof s2) == 0);
		}
	}

	/* every length field bent by one either way is rejected */
	for (i = 0; i < v->nlens; i++) {
		int d;

		for (d = -1; d <= 1; d += 2) {
			size_t p = v->lpos[i], sz = v->lsize[i], x = 0, j;

			memcpy(tmp, v->b, v->n);
			for (j = 0; j < sz; j++)
				x = x * 256u + tmp[p + j];
			x = (x + (size_t)(d + 1) - 1u) % (sz == 3 ? 0x1000000u : 0x10000u);
			if (sz == 3) {
				tmp[p] = (uint8_t)(x / 65536u);
				tmp[p + 1] = (uint8_t)(x / 256u % 256u);
				tmp[p + 2] = (uint8_t)(x % 256u);
			} else {
				tmp[p] = (uint8_t)(x / 256u);
				tmp[p + 1] = (uint8_t)(x % 256u);
			}
			st = tkt_state_decode(tmp, v->n, &s2, &at);
			CHECK(st != TKT_OK);
			if (st == TKT_OK)
				fprintf(stderr, "    length at %zu bent by %d accepted\n", p, d);
		}
	}

	/* one trailing byte, and two */
	memcpy(tmp, v->b, v->n);
	tmp[v->n] = 0;
	tmp[v->n + 1] = 0;
	CHECK(tkt_state_decode(tmp, v->n + 1, &s2, &at) != TKT_OK);
	CHECK(tkt_state_decode(tmp, v->n + 2, &s2, &at) != TKT_OK);
}

static tkt_status dec(const vec *v, size_t *at)
{
	tkt_state s;

	return tkt_state_decode(v->b, v->n, &s, at);
}

#define ANY_AT ((size_t)-1)

/* Decoding v gives st at offset want_at (ANY_AT: not checked) in the
   full build, or the refusal of left_out() in a build without a part. */
static void want(const vec *v, tkt_status st, size_t want_at)
{
	size_t at = 0, lo_at = 0;

	if (left_out(v, &lo_at)) {
		st = TKT_ERR_UNSUPPORTED;
		want_at = lo_at;
	}
	CHECK_EQ(dec(v, &at), st);
	if (want_at != ANY_AT)
		CHECK_EQ(at, want_at);
}

static void test_identities(void)
{
	static const char *const sns[] = { NULL, "example.com" };
	static const char *const alpns[] = { NULL, "h2" };
	unsigned kind, k, m;
	tkt_state s;
	size_t at;
	vec v;

	/* every identity kind with every combination of extensions */
	for (kind = 0; kind < 6; kind++) {
		for (m = 0; m < 8; m++) {
			const char *sn = sns[m & 1], *alpn = alpns[(m >> 1) & 1];
			int ems = (int)(m >> 2);

			switch (kind) {
			case 0: head(&v, 0); break;
			case 1: head(&v, 1); certs(&v, 1); break;
			case 2: head(&v, 1); certs(&v, 3); break;
			case 3: head(&v, 1); certs(&v, 0); break;
			case 4: head(&v, 2); putlen(&v, 7, 2); put(&v, "client1", 7); break;
			default: head(&v, 2); putlen(&v, 0, 2); break;
			}
			tail(&v, 0x5f5e1000u + kind, sn, alpn, ems);
			check_valid(&v);
			if (left_out(&v, &at))
				continue;  /* check_valid checked the refusal */
			CHECK_EQ(tkt_state_decode(v.b, v.n, &s, &at), TKT_OK);
			CHECK_EQ(s.version, 0x0303);
			CHECK_EQ(s.cipher_suite, 0xc02f);
			CHECK_EQ(s.compression, 0);
			CHECK(s.master_secret == v.b + 5);
			CHECK_EQ(s.timestamp, 0x5f5e1000u + kind);
			CHECK_EQ(s.extended_ms, ems);
			CHECK_MEM(s.server_name.ptr, s.server_name.len, sn ? sn : "",
				sn ? strlen(sn) : 0);
			CHECK_MEM(s.alpn.ptr, s.alpn.len, alpn ? alpn : "",
				alpn ? strlen(alpn) : 0);
			k = kind == 0 ? 0 : kind <= 3 ? 1 : 2;
			CHECK_EQ(s.identity, k);
			if (kind == 1)
				CHECK_EQ(s.cert_list.len, 3 + sizeof cert_a);
			if (kind == 2)
				CHECK_EQ(s.cert_list.len,
					9 + sizeof cert_a + sizeof cert_b + sizeof cert_c);
			if (kind == 3 || kind == 5)
				CHECK(s.cert_list.len == 0 && s.psk_identity.len == 0);
			if (kind == 4)
				CHECK_MEM(s.psk_identity.ptr, s.psk_identity.len, "client1", 7);
		}
	}

	/* unknown ClientAuthenticationType */
	for (k = 3; k < 256; k += 84) {
		head(&v, k);
		tail(&v, 1, NULL, NULL, 0);
		CHECK_EQ(dec(&v, &at), TKT_ERR_RANGE);
		CHECK_EQ(at, 53);
	}
	head(&v, 255);
	tail(&v, 1, NULL, NULL, 0);
	CHECK_EQ(dec(&v, &at), TKT_ERR_RANGE);
}

static void test_cert_lists(void)
{
	static const uint8_t list_with_empty[] = {
		0, 0, 2, 0xaa, 0xbb, 0, 0, 0, 0, 0, 1, 0xcc };
	tkt_state s;
	size_t at, cur;
	tkt_bytes c;
	vec v;

	/* an empty certificate inside the list */
	head(&v, 1);
	putlen(&v, sizeof list_with_empty, 3);
	put(&v, list_with_empty, sizeof list_with_empty);
	tail(&v, 7, NULL, NULL, 0);
	want(&v, TKT_ERR_BAD_LENGTH, 57 + 5);

	/* a certificate header cut by the end of the list */
	head(&v, 1);
	putlen(&v, 2, 3);
	put8(&v, 0);
	put8(&v, 0);
	tail(&v, 7, NULL, NULL, 0);
	want(&v, TKT_ERR_BAD_LENGTH, 57);

	/* a certificate running past the list, though inside the buffer */
	head(&v, 1);
	putlen(&v, 4, 3);
	putlen(&v, 2, 3);
	put8(&v, 0x30);
	tail(&v, 0x30303030u, NULL, NULL, 0);
	want(&v, TKT_ERR_BAD_LENGTH, ANY_AT);

	/* a list running past the buffer */
	head(&v, 1);
	putlen(&v, 0x10, 3);
	want(&v, TKT_ERR_TRUNCATED, 54);

	/* next_cert over three certificates */
	head(&v, 1);
	certs(&v, 3);
	tail(&v, 9, NULL, NULL, 0);
	want(&v, TKT_OK, v.n);
#ifndef TKT_NO_CERT_IDENTITY
	CHECK_EQ(tkt_state_decode(v.b, v.n, &s, &at), TKT_OK);
	cur = 0;
	CHECK_EQ(tkt_state_next_cert(&s, &cur, &c), 1);
	CHECK_MEM(c.ptr, c.len, cert_a, sizeof cert_a);
	CHECK_EQ(cur, 3 + sizeof cert_a);
	CHECK_EQ(tkt_state_next_cert(&s, &cur, &c), 1);
	CHECK_MEM(c.ptr, c.len, cert_b, sizeof cert_b);
	CHECK_EQ(tkt_state_next_cert(&s, &cur, &c), 1);
	CHECK_MEM(c.ptr, c.len, cert_c, sizeof cert_c);
	CHECK_EQ(cur, s.cert_list.len);
	CHECK_EQ(tkt_state_next_cert(&s, &cur, &c), 0);
	CHECK_EQ(cur, s.cert_list.len);
	/* a cursor the caller made up: past the end, or inside a cert */
	cur = s.cert_list.len + 1;
	CHECK_EQ(tkt_state_next_cert(&s, &cur, &c), 0);
	cur = (size_t)-1;
	CHECK_EQ(tkt_state_next_cert(&s, &cur, &c), 0);
	cur = 4; /* 82 ff ee: runs far past the list */
	CHECK_EQ(tkt_state_next_cert(&s, &cur, &c), 0);
	CHECK_EQ(cur, 4);

#endif

	/* empty list and other identities: no certificate */
	head(&v, 1);
	certs(&v, 0);
	tail(&v, 9, NULL, NULL, 0);
	want(&v, TKT_OK, v.n);
#ifndef TKT_NO_CERT_IDENTITY
	CHECK_EQ(tkt_state_decode(v.b, v.n, &s, &at), TKT_OK);
	cur = 0;
	CHECK_EQ(tkt_state_next_cert(&s, &cur, &c), 0);
	head(&v, 2);
	putlen(&v, 3, 2);
	put(&v, "\0\0\1", 3);
	tail(&v, 9, NULL, NULL, 0);
	CHECK_EQ(tkt_state_decode(v.b, v.n, &s, &at), TKT_OK);
	s.cert_list = s.psk_identity; /* looks like a list, but identity is psk */
	cur = 0;
	CHECK_EQ(tkt_state_next_cert(&s, &cur, &c), 0);
#else
	(void)s; (void)at; (void)cur; (void)c;
#endif
}

/* One certificate filling a list of exactly 2^24 - 1 bytes: the largest
   certificate_list, decoded, iterated and re-encoded; one byte more is
   refused by the encoder. */
static void test_largest_list(void)
{
	const size_t list = 0xFFFFFFu, n = 54 + 3 + list + 4;
	uint8_t *b = malloc(n + 1), *o = malloc(n + 1);
	tkt_state s;
	size_t at, w, cur = 0;
	tkt_bytes c;

	CHECK(b != NULL && o != NULL);
	if (b == NULL || o == NULL) {
		free(b);
		free(o);
		return;
	}
	memset(b, 0x5a, n + 1);
	memcpy(b + 5, ms48, 48);
	b[53] = 1;
	b[54] = 0xff; b[55] = 0xff; b[56] = 0xff;
	b[57] = 0xff; b[58] = 0xff; b[59] = 0xfc;
#ifdef TKT_NO_CERT_IDENTITY
	/* Left out: the bytes and the value are both refused, nothing
	   written. */
	(void)cur; (void)c;
	CHECK_EQ(tkt_state_decode(b, n, &s, &at), TKT_ERR_UNSUPPORTED);
	CHECK_EQ(at, 53);
	memset(&s, 0, sizeof s);
	s.master_secret = ms48;
	s.identity = TKT_IDENTITY_CERTIFICATE;
	s.cert_list.ptr = b + 57;
	s.cert_list.len = list;
	memset(o, 0xcc, n + 1);
	w = 77;
	CHECK_EQ(tkt_state_size(&s), 0);
	CHECK_EQ(tkt_state_encode(&s, o, n + 1, &w), TKT_ERR_UNSUPPORTED);
	CHECK_EQ(w, 0);
	CHECK(o[0] == 0xcc && o[n] == 0xcc);
#else
	CHECK_EQ(tkt_state_decode(b, n, &s, &at), TKT_OK);
	CHECK_EQ(s.cert_list.len, list);
	CHECK_EQ(s.timestamp, 0x5a5a5a5au);
	CHECK_EQ(tkt_state_next_cert(&s, &cur, &c), 1);
	CHECK_EQ(c.len, list - 3);
	CHECK_EQ(tkt_state_size(&s), n);
	CHECK_EQ(tkt_state_encode(&s, o, n, &w), TKT_OK);
	CHECK_EQ(w, n);
	CHECK(memcmp(o, b, n) == 0);
	/* inner length one too large: runs past the list */
	b[59] = 0xfd;
	CHECK_EQ(tkt_state_decode(b, n, &s, &at), TKT_ERR_BAD_LENGTH);
	b[59] = 0xfc;
	/* a list of 2^24 bytes cannot be encoded */
	CHECK_EQ(tkt_state_decode(b, n, &s, &at), TKT_OK);
	s.cert_list.len = 0x1000000u;
	w = 77;
	CHECK_EQ(tkt_state_size(&s), 0);
	CHECK_EQ(tkt_state_encode(&s, o, n + 1, &w), TKT_ERR_ARG);
	CHECK_EQ(w, 0);
#endif
	free(b);
	free(o);
}

static void test_extensions(void)
{
	char name[257];
	vec v;

	memset(name, 'a', sizeof name - 1);
	name[256] = 0;

	/* 255-byte names are the largest */
	head(&v, 0);
	name[255] = 0;
	tail(&v, 1, name, name, 1);
	check_valid(&v);
	name[255] = 'a';
	/* 256 bytes: refused */
	head(&v, 0);
	tail(&v, 1, name, NULL, 0);
	want(&v, TKT_ERR_BAD_LENGTH, 60);
	head(&v, 0);
	tail(&v, 1, NULL, name, 0);
	want(&v, TKT_ERR_BAD_LENGTH, ANY_AT);

	/* empty block (00 00) */
	head(&v, 0);
	tail(&v, 1, NULL, NULL, 0);
	put16(&v, 0);
	want(&v, TKT_ERR_NONCANONICAL, 58);

	/* block of 1..3 bytes: no room for an entry header */
	{
		size_t k;

		for (k = 1; k <= 3; k++) {
			head(&v, 0);
			tail(&v, 1, NULL, NULL, 0);
			put16(&v, k);
			put(&v, "\0\0\0", k);
			want(&v, TKT_ERR_BAD_LENGTH, 60);
		}
	}

	/* one byte after the timestamp: a cut block length */
	head(&v, 0);
	tail(&v, 1, NULL, NULL, 0);
	put8(&v, 0);
	want(&v, TKT_ERR_TRUNCATED, ANY_AT);

	/* bytes after a complete block */
	head(&v, 0);
	tail(&v, 1, NULL, NULL, 1);
	put8(&v, 0);
	want(&v, TKT_ERR_TRAILING, v.n - 1);

#define ENTRY(t, body, blen) do { put16(&v, (t)); put16(&v, (blen)); \
	put(&v, (body), (blen)); } while (0)
#define BLOCK(total) do { head(&v, 0); tail(&v, 1, NULL, NULL, 0); \
	put16(&v, (total)); } while (0)

	/* out of order, duplicates, unknown types, wrong body lengths */
	BLOCK(6 + 5);
	ENTRY(16, "h2", 2);
	ENTRY(0, "a", 1);
	want(&v, TKT_ERR_ORDER, 60 + 6);
	BLOCK(5 + 5);
	ENTRY(0, "a", 1);
	ENTRY(0, "b", 1);
	want(&v, TKT_ERR_DUPLICATE, ANY_AT);
	BLOCK(4 + 4);
	ENTRY(23, "", 0);
	ENTRY(23, "", 0);
	want(&v, TKT_ERR_DUPLICATE, ANY_AT);
	BLOCK(4 + 5);
	ENTRY(23, "", 0);
	ENTRY(16, "a", 1);
	want(&v, TKT_ERR_ORDER, ANY_AT);
	BLOCK(5 + 4);
	ENTRY(0, "a", 1);
	ENTRY(1, "", 0);
	want(&v, TKT_ERR_UNKNOWN_EXT, 60 + 5);
	BLOCK(4);
	ENTRY(35, "", 0);
	want(&v, TKT_ERR_UNKNOWN_EXT, ANY_AT);
	BLOCK(4);
	ENTRY(0xffff, "", 0);
	want(&v, TKT_ERR_UNKNOWN_EXT, ANY_AT);
	/* after extended_master_secret nothing known can follow */
	BLOCK(4 + 4);
	ENTRY(23, "", 0);
	ENTRY(24, "", 0);
	want(&v, TKT_ERR_UNKNOWN_EXT, ANY_AT);
	BLOCK(5);
	ENTRY(23, "x", 1);
	want(&v, TKT_ERR_BAD_LENGTH, ANY_AT);
	BLOCK(4);
	ENTRY(0, "", 0);
	want(&v, TKT_ERR_BAD_LENGTH, ANY_AT);
	BLOCK(4);
	ENTRY(16, "", 0);
	want(&v, TKT_ERR_BAD_LENGTH, ANY_AT);
	/* an entry whose body runs past the block */
	BLOCK(4 + 2);
	put16(&v, 0);
	put16(&v, 3);
	put(&v, "ab", 2);
	want(&v, TKT_ERR_BAD_LENGTH, 60);
	/* the same with the block length covering one byte more than follows */
	BLOCK(4 + 3);
	put16(&v, 0);
	put16(&v, 3);
	put(&v, "ab", 2);
	want(&v, TKT_ERR_TRUNCATED, 58);
	/* a second entry whose header is cut by the end of the block */
	BLOCK(4 + 1 + 3);
	ENTRY(0, "a", 1);
	put(&v, "\0\x10\0", 3);
	want(&v, TKT_ERR_BAD_LENGTH, 60 + 5);
#undef ENTRY
#undef BLOCK
}

static void test_encoder_args(void)
{
	static const uint8_t bad_list[] = { 0, 0, 0 };  /* an empty cert */
	static const uint8_t cut_list[] = { 0, 0, 5, 1 };
	static const uint8_t cert_list3[] = { 0, 0, 3, 0x30, 0x81, 0xf0 };
	static uint8_t big[65536];
	uint8_t out[512];
	char name[256];
	tkt_state s, base;
	size_t w, i;
	int k;

	memset(&base, 0, sizeof base);
	base.version = 0x0303;
	base.cipher_suite = 0x009c;
	base.master_secret = ms48;
	base.identity = TKT_IDENTITY_ANONYMOUS;
	base.timestamp = 0xffffffffu;
	memset(name, 'n', sizeof name);

	/* A value that needs a left-out part is refused for that first. */
#define REFUSED() do { \
	memset(out, 0xcc, sizeof out); w = 99; \
	CHECK_EQ(tkt_state_encode(&s, out, sizeof out, &w), \
		value_left_out(&s) ? TKT_ERR_UNSUPPORTED : TKT_ERR_ARG); \
	CHECK_EQ(w, 0); CHECK_EQ(tkt_state_size(&s), 0); \
	for (i = 0; i < sizeof out && out[i] == 0xcc; i++) ; \
	CHECK_EQ(i, sizeof out); } while (0)

	s = base; s.identity = 3; REFUSED();
	s = base; s.identity = 255; REFUSED();
	s = base; s.cert_list.ptr = cert_a; s.cert_list.len = 1; REFUSED();
	s = base; s.psk_identity.ptr = cert_a; s.psk_identity.len = 1; REFUSED();
	s = base; s.identity = TKT_IDENTITY_CERTIFICATE;
	s.psk_identity.ptr = cert_a; s.psk_identity.len = 1; REFUSED();
	s = base; s.identity = TKT_IDENTITY_PSK;
	s.cert_list.ptr = cert_a; s.cert_list.len = 1; REFUSED();
	s = base; s.identity = TKT_IDENTITY_CERTIFICATE;
	s.cert_list.ptr = bad_list; s.cert_list.len = sizeof bad_list; REFUSED();
	s = base; s.identity = TKT_IDENTITY_CERTIFICATE;
	s.cert_list.ptr = cut_list; s.cert_list.len = sizeof cut_list; REFUSED();
	s = base; s.identity = TKT_IDENTITY_CERTIFICATE;
	s.cert_list.ptr = cut_list; s.cert_list.len = 2; REFUSED();
	s = base; s.identity = TKT_IDENTITY_PSK;
	s.psk_identity.ptr = big; s.psk_identity.len = 65536; REFUSED();
	for (k = -1; k <= 3; k++) {
		if (k == 0 || k == 1)
			continue;
		s = base; s.extended_ms = k; REFUSED();
	}
	s = base; s.server_name.ptr = (const uint8_t *)name;
	s.server_name.len = 256; REFUSED();
	s = base; s.alpn.ptr = (const uint8_t *)name; s.alpn.len = 256;
	REFUSED();
#if defined(TKT_NO_CERT_IDENTITY) || defined(TKT_NO_STATE_EXTENSIONS)
	/* valid values, refused only for the part left out */
	s = base; s.identity = TKT_IDENTITY_CERTIFICATE;
	s.cert_list.ptr = cert_list3; s.cert_list.len = sizeof cert_list3;
	if (value_left_out(&s))
		REFUSED();
	s = base; s.server_name.ptr = (const uint8_t *)"a"; s.server_name.len = 1;
	if (value_left_out(&s))
		REFUSED();
	s = base; s.alpn.ptr = (const uint8_t *)"h2"; s.alpn.len = 2;
	if (value_left_out(&s))
		REFUSED();
	s = base; s.extended_ms = 1;
	if (value_left_out(&s))
		REFUSED();
#endif
#undef REFUSED

	/* a certificate list is encoded after its 3-byte length */
	s = base; s.identity = TKT_IDENTITY_CERTIFICATE;
	s.cert_list.ptr = cert_list3; s.cert_list.len = sizeof cert_list3;
	w = 99;
#ifdef TKT_NO_CERT_IDENTITY
	CHECK_EQ(tkt_state_encode(&s, out, sizeof out, &w), TKT_ERR_UNSUPPORTED);
	CHECK_EQ(w, 0);
#else
	CHECK_EQ(tkt_state_encode(&s, out, sizeof out, &w), TKT_OK);
	CHECK_EQ(w, 57 + sizeof cert_list3 + 4);
	CHECK(out[54] == 0 && out[55] == 0 && out[56] == sizeof cert_list3);
	CHECK_MEM(out + 57, sizeof cert_list3, cert_list3, sizeof cert_list3);
#endif

	/* the largest psk identity is fine */
	s = base; s.identity = TKT_IDENTITY_PSK;
	s.psk_identity.ptr = big; s.psk_identity.len = 65535;
	CHECK_EQ(tkt_state_size(&s), 54 + 2 + 65535 + 4);

	/* the smallest state: anonymous, no block */
	s = base;
	CHECK_EQ(tkt_state_size(&s), 58);
	CHECK_EQ(tkt_state_encode(&s, out, 58, &w), TKT_OK);
	CHECK_EQ(w, 58);
	CHECK(out[0] == 3 && out[1] == 3 && out[2] == 0 && out[3] == 0x9c);
	CHECK(out[53] == 0 && out[54] == 0xff && out[57] == 0xff);

	/* the block is written in increasing type order */
	s.server_name.ptr = (const uint8_t *)"a"; s.server_name.len = 1;
	s.alpn.ptr = (const uint8_t *)"h2"; s.alpn.len = 2;
	s.extended_ms = 1;
#ifdef TKT_NO_STATE_EXTENSIONS
	memset(out, 0xcc, sizeof out);
	w = 99;
	CHECK_EQ(tkt_state_encode(&s, out, sizeof out, &w), TKT_ERR_UNSUPPORTED);
	CHECK_EQ(w, 0);
	CHECK_EQ(tkt_state_size(&s), 0);
	CHECK(out[0] == 0xcc);
#else
	CHECK_EQ(tkt_state_encode(&s, out, sizeof out, &w), TKT_OK);
	CHECK_EQ(w, 58 + 2 + 5 + 6 + 4);
	{
		static const uint8_t blk[] = { 0, 15, 0, 0, 0, 1, 'a', 0, 16, 0, 2,
			'h', '2', 0, 23, 0, 0 };

		CHECK_MEM(out + 58, w - 58, blk, sizeof blk);
	}
#endif
}

int main(void)
{
	test_identities();
	test_cert_lists();
	test_largest_list();
	test_extensions();
	test_encoder_args();
	return check_summary("test_state");
}
