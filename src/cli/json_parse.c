/*
 * Read back the StatePlaintext JSON object that `tkt inspect --as state
 * --json` and `tkt open --json` print (cli.h, cli_show_state_json), so
 * that `tkt seal` accepts its own output. Strict: exactly the members
 * that printer writes (plus "structure" and "status", which are ignored
 * when they hold the values the printers use), each at most once, and
 * only the JSON that printer can produce (no floats, no exponents).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct jp {
	const uint8_t *s;
	size_t off, len;
	uint8_t *store;      /* bytes the state's views point to */
	size_t used, cap;
} jp;

static void ws(jp *p)
{
	while (p->off < p->len && (p->s[p->off] == ' ' || p->s[p->off] == '\t'
		|| p->s[p->off] == '\n' || p->s[p->off] == '\r'))
		p->off++;
}

static int eat(jp *p, char c)
{
	ws(p);
	if (p->off < p->len && p->s[p->off] == (uint8_t)c) {
		p->off++;
		return 1;
	}
	return 0;
}

static int hexdig(uint8_t c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A string; its decoded bytes are appended to the store. */
static int str(jp *p, tkt_bytes *out)
{
	size_t start;

	if (!eat(p, '"'))
		return 0;
	start = p->used;
	while (p->off < p->len && p->s[p->off] != '"') {
		uint8_t c = p->s[p->off++];
		if (c < 0x20)
			return 0;
		if (c == '\\') {
			if (p->off >= p->len)
				return 0;
			c = p->s[p->off++];
			switch (c) {
			case '"': case '\\': case '/': break;
			case 'b': c = '\b'; break;
			case 'f': c = '\f'; break;
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case 't': c = '\t'; break;
			case 'u': {
				int d[4], i;
				if (p->len - p->off < 4)
					return 0;
				for (i = 0; i < 4; i++)
					if ((d[i] = hexdig(p->s[p->off + (size_t)i])) < 0)
						return 0;
				/* the printer escapes single bytes only */
				if (d[0] != 0 || d[1] != 0)
					return 0;
				c = (uint8_t)(d[2] * 16 + d[3]);
				p->off += 4;
				break;
			}
			default:
				return 0;
			}
		}
		if (p->used >= p->cap)
			return 0;
		p->store[p->used++] = c;
	}
	if (!eat(p, '"'))
		return 0;
	out->ptr = p->store + start;
	out->len = p->used - start;
	return 1;
}

/* A string of hex digits, decoded in place in the store. */
static int hexstr(jp *p, tkt_bytes *out)
{
	tkt_bytes t;
	size_t i;
	uint8_t *w;

	if (!str(p, &t) || t.len % 2u != 0)
		return 0;
	w = p->store + (p->used - t.len);
	for (i = 0; i < t.len / 2u; i++) {
		int hi = hexdig(t.ptr[2 * i]), lo = hexdig(t.ptr[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return 0;
		w[i] = (uint8_t)(hi * 16 + lo);
	}
	p->used -= t.len / 2u;
	out->ptr = w;
	out->len = t.len / 2u;
	return 1;
}

static int uint_(jp *p, uint64_t max, uint64_t *v)
{
	uint64_t x = 0;
	size_t start;

	ws(p);
	start = p->off;
	while (p->off < p->len && p->s[p->off] >= '0' && p->s[p->off] <= '9') {
		uint64_t d = (uint64_t)(p->s[p->off] - '0');
		if (x > (max - d) / 10u)
			return 0;
		x = x * 10u + d;
		p->off++;
	}
	if (p->off == start || (p->s[start] == '0' && p->off - start > 1))
		return 0;
	*v = x;
	return 1;
}

static int lit(jp *p, const char *w)
{
	size_t n = strlen(w);

	ws(p);
	if (p->len - p->off < n || memcmp(p->s + p->off, w, n) != 0)
		return 0;
	p->off += n;
	return 1;
}

/* "0x" and exactly four hex digits, as cli_json_hex16 prints. */
static int hex16(jp *p, uint16_t *v)
{
	tkt_bytes t;
	unsigned x = 0;
	size_t i;

	if (!str(p, &t) || t.len != 6 || t.ptr[0] != '0' || t.ptr[1] != 'x')
		return 0;
	for (i = 2; i < 6; i++) {
		int d = hexdig(t.ptr[i]);
		if (d < 0)
			return 0;
		x = x * 16u + (unsigned)d;
	}
	p->used -= t.len;
	*v = (uint16_t)x;
	return 1;
}

static int same(const tkt_bytes *b, const char *s)
{
	return b->len == strlen(s) && memcmp(b->ptr, s, b->len) == 0;
}

/* Certificates: an array of hex strings, re-framed with 3-byte lengths
   into the store as the state's certificate_list contents. */
static int certs(jp *p, tkt_bytes *out)
{
	size_t start = p->used;

	if (!eat(p, '['))
		return 0;
	if (!eat(p, ']')) {
		do {
			tkt_bytes c;
			uint8_t *dst;
			if (p->cap - p->used < 3)
				return 0;
			p->used += 3;
			if (!hexstr(p, &c) || c.len == 0 || c.len > 0xFFFFFFu)
				return 0;
			/* hexstr left the certificate at the end of the store */
			dst = p->store + (p->used - c.len - 3u);
			dst[0] = (uint8_t)(c.len / 65536u);
			dst[1] = (uint8_t)(c.len / 256u % 256u);
			dst[2] = (uint8_t)(c.len % 256u);
		} while (eat(p, ','));
		if (!eat(p, ']'))
			return 0;
	}
	out->ptr = p->store + start;
	out->len = p->used - start;
	return 1;
}

int cli_state_from_json(const uint8_t *text, size_t len, tkt_state *st,
	uint8_t *store, size_t cap)
{
	jp p;
	unsigned seen = 0;
	uint64_t v;
	tkt_bytes ms = { NULL, 0 }, b;
	enum { M_VER = 1, M_SUITE = 2, M_COMP = 4, M_MS = 8, M_ID = 16,
		M_TS = 32, M_EMS = 64, M_SNI = 128, M_ALPN = 256,
		M_CERTS = 512, M_PSK = 1024, M_STRUCT = 2048, M_STATUS = 4096 };

	memset(st, 0, sizeof *st);
	p.s = text;
	p.off = 0;
	p.len = len;
	p.store = store;
	p.used = 0;
	p.cap = cap;
	if (!eat(&p, '{'))
		return 0;
	do {
		tkt_bytes key;
		unsigned bit;
		size_t mark = p.used;
		if (!str(&p, &key) || !eat(&p, ':'))
			return 0;
		p.used = mark;          /* member names are not kept */
		if (same(&key, "version")) {
			bit = M_VER;
			if (!hex16(&p, &st->version))
				return 0;
		} else if (same(&key, "cipher_suite")) {
			bit = M_SUITE;
			if (!hex16(&p, &st->cipher_suite))
				return 0;
		} else if (same(&key, "compression")) {
			bit = M_COMP;
			if (!uint_(&p, 255, &v))
				return 0;
			st->compression = (uint8_t)v;
		} else if (same(&key, "master_secret")) {
			bit = M_MS;
			if (!hexstr(&p, &ms) || ms.len != TKT_MASTER_SECRET_LEN)
				return 0;
		} else if (same(&key, "identity")) {
			bit = M_ID;
			ws(&p);
			if (p.off < p.len && p.s[p.off] == '"') {
				size_t m = p.used;
				if (!str(&p, &b))
					return 0;
				if (same(&b, "anonymous"))
					st->identity = TKT_IDENTITY_ANONYMOUS;
				else if (same(&b, "certificate"))
					st->identity = TKT_IDENTITY_CERTIFICATE;
				else if (same(&b, "psk"))
					st->identity = TKT_IDENTITY_PSK;
				else
					return 0;
				p.used = m;
			} else {
				if (!uint_(&p, 255, &v))
					return 0;
				st->identity = (uint8_t)v;
			}
		} else if (same(&key, "certificates")) {
			bit = M_CERTS;
			if (!certs(&p, &st->cert_list))
				return 0;
		} else if (same(&key, "psk_identity")) {
			bit = M_PSK;
			if (!hexstr(&p, &st->psk_identity))
				return 0;
		} else if (same(&key, "timestamp")) {
			bit = M_TS;
			if (!uint_(&p, UINT32_MAX, &v))
				return 0;
			st->timestamp = (uint32_t)v;
		} else if (same(&key, "extended_master_secret")) {
			bit = M_EMS;
			if (lit(&p, "true"))
				st->extended_ms = 1;
			else if (!lit(&p, "false"))
				return 0;
		} else if (same(&key, "server_name") || same(&key, "alpn")) {
			tkt_bytes *dst = same(&key, "alpn") ? &st->alpn : &st->server_name;
			bit = dst == &st->alpn ? M_ALPN : M_SNI;
			if (!lit(&p, "null")) {
				if (!str(&p, dst) || dst->len == 0)
					return 0;
			}
		} else if (same(&key, "structure") || same(&key, "status")) {
			size_t m = p.used;
			bit = same(&key, "status") ? M_STATUS : M_STRUCT;
			if (!str(&p, &b))
				return 0;
			if (bit == M_STRUCT ? !same(&b, "state")
				: !(same(&b, "ok") || same(&b, "ok_renew")))
				return 0;
			p.used = m;
		} else {
			return 0;
		}
		if (seen & bit)
			return 0;
		seen |= bit;
	} while (eat(&p, ','));
	if (!eat(&p, '}'))
		return 0;
	ws(&p);
	if (p.off != p.len)
		return 0;
	if ((seen & (M_VER | M_SUITE | M_COMP | M_MS | M_ID | M_TS)) !=
		(M_VER | M_SUITE | M_COMP | M_MS | M_ID | M_TS))
		return 0;
	st->master_secret = ms.ptr;
	return 1;
}
