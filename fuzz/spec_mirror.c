/*
 * fuzz/spec_mirror.c -- see spec_mirror.h. The oracle side of the fuzz
 * harnesses: obviously correct first, fast never.
 */
#include <string.h>

#include "spec_mirror.h"

/*
 * A reader over b[0 .. n) whose failure is sticky: once a read runs past
 * the end, every later read fails too and the caller checks `bad` once
 * at the end. This keeps each predicate a straight transcription of the
 * structure definition.
 */
typedef struct sm_rd {
	const uint8_t *b;
	size_t n;
	size_t pos;
	int bad;
} sm_rd;

static sm_rd sm_reader(const uint8_t *b, size_t n)
{
	sm_rd r;

	r.b = b;
	r.n = n;
	r.pos = 0;
	r.bad = 0;
	return r;
}

static size_t sm_left(const sm_rd *r)
{
	return r->bad ? 0u : r->n - r->pos;
}

/* A big-endian unsigned integer of k bytes (k <= 4). */
static uint32_t sm_uint(sm_rd *r, size_t k)
{
	uint32_t v = 0;
	size_t i;

	if (r->bad || r->n - r->pos < k) {
		r->bad = 1;
		return 0;
	}
	for (i = 0; i < k; i++)
		v = v * 256u + r->b[r->pos + i];
	r->pos += k;
	return v;
}

static sm_span sm_bytes(sm_rd *r, size_t k)
{
	sm_span s;

	s.off = r->pos;
	s.len = k;
	if (r->bad || r->n - r->pos < k) {
		r->bad = 1;
		s.len = 0;
		return s;
	}
	r->pos += k;
	return s;
}

/* A vector with a k-byte length prefix. */
static sm_span sm_vec(sm_rd *r, size_t k)
{
	size_t len = sm_uint(r, k);

	return sm_bytes(r, len);
}

static int sm_at_end(const sm_rd *r)
{
	return !r->bad && r->pos == r->n;
}

int sm_hs(const uint8_t *b, size_t n, unsigned *type, sm_span *body)
{
	sm_rd r = sm_reader(b, n);
	unsigned t = sm_uint(&r, 1);
	sm_span v = sm_vec(&r, 3);

	if (!sm_at_end(&r))
		return 0;
	*type = t;
	*body = v;
	return 1;
}

/* The first two bytes equal the number of bytes after them. */
static int sm_double_length_shape(const uint8_t *b, size_t n)
{
	return n >= 2u && (size_t)b[0] * 256u + b[1] == n - 2u;
}

int sm_ext35(const uint8_t *b, size_t n, uint32_t flags, int *form,
	sm_span *ticket)
{
	if ((flags & ~(uint32_t)1u) != 0u)
		return 0;
	ticket->off = 0;
	ticket->len = 0;
	/* extension_data<0..2^16-1>: no body is longer. */
	if (n > 65535u)
		return 0;
	if (n == 0u) {
		*form = 0;
		return 1;
	}
	if (sm_double_length_shape(b, n)) {
		if (n == 2u && (flags & 1u) != 0u) {
			*form = 2;
			return 1;
		}
		return 0;
	}
	*form = 1;
	ticket->len = n;
	return 1;
}

int sm_ext35_rfc4507(const uint8_t *b, size_t n, int *form, sm_span *ticket)
{
	sm_rd r = sm_reader(b, n);
	sm_span t = sm_vec(&r, 2);

	if (!sm_at_end(&r))
		return 0;
	*form = t.len == 0u ? 2 : 1;
	*ticket = t;
	if (t.len == 0u)
		ticket->off = 0;
	return 1;
}

int sm_exts(const uint8_t *b, size_t n, sm_exts_view *x)
{
	sm_rd r = sm_reader(b, n);
	sm_span list = sm_vec(&r, 2);
	sm_rd e;
	size_t count = 0, n35 = 0;
	sm_exts_view res;

	if (!sm_at_end(&r))
		return 0;
	res.has35 = 0;
	res.idx35 = 0;
	res.off35 = 0;
	res.data35.off = 0;
	res.data35.len = 0;
	/* Walk the list with a reader confined to it. */
	e = sm_reader(b + list.off, list.len);
	while (sm_left(&e) > 0u) {
		size_t hdr = e.pos;
		unsigned type = sm_uint(&e, 2);
		sm_span data = sm_vec(&e, 2);

		if (e.bad)
			return 0;
		if (type == 35u) {
			n35++;
			res.has35 = 1;
			res.idx35 = count;
			res.off35 = hdr;
			res.data35.off = list.off + data.off;
			res.data35.len = data.len;
		}
		count++;
	}
	if (!sm_at_end(&e) || n35 > 1u)
		return 0;
	res.list = list;
	res.count = count;
	*x = res;
	return 1;
}

/* Common tail of both hellos: nothing, or one extensions block to the end. */
static int sm_hello_tail(const uint8_t *b, sm_rd *r, sm_hello *h)
{
	h->has_exts = 0;
	h->exts_off = r->pos;
	if (r->bad)
		return 0;
	if (r->pos == r->n)
		return 1;
	h->has_exts = 1;
	return sm_exts(b + r->pos, r->n - r->pos, &h->exts);
}

int sm_client_hello(const uint8_t *b, size_t n, sm_hello *h)
{
	sm_rd r = sm_reader(b, n);
	sm_hello v;

	v.version = sm_uint(&r, 2);
	v.random_off = sm_bytes(&r, 32).off;
	v.session_id = sm_vec(&r, 1);
	v.suites = sm_vec(&r, 2);
	v.compression = sm_vec(&r, 1);
	v.suite = 0;
	v.comp = 0;
	if (r.bad || v.version / 256u != 3u || v.session_id.len > 32u)
		return 0;
	if (v.suites.len < 2u || v.suites.len % 2u != 0u)
		return 0;
	if (v.compression.len < 1u)
		return 0;
	if (!sm_hello_tail(b, &r, &v))
		return 0;
	*h = v;
	return 1;
}

int sm_server_hello(const uint8_t *b, size_t n, sm_hello *h)
{
	sm_rd r = sm_reader(b, n);
	sm_hello v;

	v.version = sm_uint(&r, 2);
	v.random_off = sm_bytes(&r, 32).off;
	v.session_id = sm_vec(&r, 1);
	v.suite = sm_uint(&r, 2);
	v.comp = sm_uint(&r, 1);
	v.suites.off = v.suites.len = 0;
	v.compression.off = v.compression.len = 0;
	if (r.bad || v.version / 256u != 3u || v.session_id.len > 32u)
		return 0;
	if (!sm_hello_tail(b, &r, &v))
		return 0;
	*h = v;
	return 1;
}

int sm_nst(const uint8_t *b, size_t n, uint32_t *hint, sm_span *ticket)
{
	sm_rd r = sm_reader(b, n);
	uint32_t h = sm_uint(&r, 4);
	sm_span t = sm_vec(&r, 2);

	if (!sm_at_end(&r))
		return 0;
	*hint = h;
	*ticket = t;
	return 1;
}

int sm_nst_msg(const uint8_t *b, size_t n, uint32_t *hint, sm_span *ticket)
{
	unsigned type;
	sm_span body;

	if (!sm_hs(b, n, &type, &body) || type != 4u)
		return 0;
	if (!sm_nst(b + body.off, body.len, hint, ticket))
		return 0;
	ticket->off += body.off;
	return 1;
}

int sm_ticket(const uint8_t *b, size_t n, size_t iv_len, size_t mac_len,
	sm_span *iv, sm_span *state, sm_span *mac)
{
	sm_rd r = sm_reader(b, n);
	sm_span v, s, m;

	if (iv_len < 1u || iv_len > 32u || mac_len < 1u || mac_len > 64u)
		return 0;
	if (n > 65535u)
		return 0;
	(void)sm_bytes(&r, 16);
	v = sm_bytes(&r, iv_len);
	s = sm_vec(&r, 2);
	m = sm_bytes(&r, mac_len);
	if (!sm_at_end(&r))
		return 0;
	*iv = v;
	*state = s;
	*mac = m;
	return 1;
}

int sm_certs(const uint8_t *b, size_t n, size_t *count)
{
	sm_rd r = sm_reader(b, n);
	size_t c = 0;

	while (sm_left(&r) > 0u) {
		sm_span cert = sm_vec(&r, 3);

		if (r.bad || cert.len == 0u)
			return 0;
		c++;
	}
	if (!sm_at_end(&r))
		return 0;
	*count = c;
	return 1;
}

/* Known state extension types and the body lengths each allows. */
static int sm_state_ext_ok(unsigned type, size_t len)
{
	switch (type) {
	case 0u:   /* server_name */
	case 16u:  /* alpn */
		return len >= 1u && len <= 255u;
	case 23u:  /* extended_master_secret */
		return len == 0u;
	default:
		return 0;
	}
}

int sm_state(const uint8_t *b, size_t n, sm_state_view *s)
{
	sm_rd r = sm_reader(b, n);
	sm_state_view v;

	memset(&v, 0, sizeof v);
	v.version = sm_uint(&r, 2);
	v.suite = sm_uint(&r, 2);
	v.comp = sm_uint(&r, 1);
	v.ms_off = sm_bytes(&r, 48).off;
	v.identity = sm_uint(&r, 1);
	if (r.bad)
		return 0;
	if (v.identity == 1u) {
		v.certs = sm_vec(&r, 3);
		if (r.bad || !sm_certs(b + v.certs.off, v.certs.len,
				&v.cert_count))
			return 0;
	} else if (v.identity == 2u) {
		v.psk = sm_vec(&r, 2);
	} else if (v.identity != 0u) {
		return 0;
	}
	v.timestamp = sm_uint(&r, 4);
	if (r.bad)
		return 0;
	if (sm_left(&r) > 0u) {
		sm_span block = sm_vec(&r, 2);
		sm_rd e;
		int first = 1;
		unsigned prev = 0;

		/* An empty block is the non-canonical twin of no block. */
		if (!sm_at_end(&r) || block.len == 0u)
			return 0;
		v.has_block = 1;
		e = sm_reader(b + block.off, block.len);
		while (sm_left(&e) > 0u) {
			unsigned type = sm_uint(&e, 2);
			sm_span data = sm_vec(&e, 2);

			if (e.bad || !sm_state_ext_ok(type, data.len))
				return 0;
			if (!first && type <= prev)
				return 0;
			first = 0;
			prev = type;
			data.off += block.off;
			if (type == 0u)
				v.server_name = data;
			else if (type == 16u)
				v.alpn = data;
			else
				v.ems = 1;
		}
		if (!sm_at_end(&e))
			return 0;
	}
	*s = v;
	return 1;
}
