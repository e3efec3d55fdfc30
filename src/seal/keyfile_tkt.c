/*
 * The native `tkt` key file: text, one key per line, every field named
 * and in a fixed order so that each key set has exactly one encoding
 * (spec/formats.md, "The tkt key file"):
 *
 *   tkt-keys 1
 *   # comment
 *   key suite=aes256-gcm name=<32 hex> aes=<hex> hmac=- introduced=<dec> encrypt=<dec|forever> decrypt=<dec|forever>
 *
 * Lowercase hex, decimal without leading zeros, single spaces, LF ends
 * every line (the last one too). Comment and empty lines are ignored.
 */
#include <string.h>

#include "internal.h"
#include "keyfile.h"

#ifndef TKT_NO_KEYFILES

#define HEADER "tkt-keys 1\n"

typedef struct cur {
	const uint8_t *b;
	size_t off, len;
} cur;

static int lit(cur *c, const char *s)
{
	size_t n = strlen(s);

	if (c->len - c->off < n || memcmp(c->b + c->off, s, n) != 0)
		return 0;
	c->off += n;
	return 1;
}

static int hexval(uint8_t ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	return -1;
}

/* Exactly `n` bytes as 2n lowercase hex digits. */
static int hex(cur *c, uint8_t *out, size_t n)
{
	size_t i;

	if (c->len - c->off < 2u * n)
		return 0;
	for (i = 0; i < n; i++) {
		int hi = hexval(c->b[c->off + 2u * i]);
		int lo = hexval(c->b[c->off + 2u * i + 1u]);
		if (hi < 0 || lo < 0)
			return 0;
		out[i] = (uint8_t)(hi * 16 + lo);
	}
	c->off += 2u * n;
	return 1;
}

/* A decimal uint64 without leading zeros, or "forever". */
static int num(cur *c, uint64_t *v)
{
	uint64_t x = 0;
	size_t start = c->off;

	if (lit(c, "forever")) {
		*v = TKT_FOREVER;
		return 1;
	}
	while (c->off < c->len && c->b[c->off] >= '0' && c->b[c->off] <= '9') {
		uint64_t d = (uint64_t)(c->b[c->off] - '0');
		if (x > (UINT64_MAX - d) / 10u)
			return 0;
		x = x * 10u + d;
		c->off++;
	}
	if (c->off == start || (c->b[start] == '0' && c->off - start > 1))
		return 0;
	/* "forever" is the only spelling of UINT64_MAX */
	if (x == TKT_FOREVER)
		return 0;
	*v = x;
	return 1;
}

static tkt_status key_line(cur *c, tkt_key *k)
{
	memset(k, 0, sizeof *k);
	if (!lit(c, "key suite="))
		return TKT_ERR_SYNTAX;
	/* longest name first: "rfc5077" is a prefix of "rfc5077-aes256" */
	if (lit(c, "rfc5077-aes256 "))
		k->suite = TKT_SUITE_RFC5077_AES256;
	else if (lit(c, "rfc5077 "))
		k->suite = TKT_SUITE_RFC5077;
	else if (lit(c, "aes256-gcm "))
#ifdef TKT_NO_GCM
		return TKT_ERR_UNSUPPORTED;  /* known, but left out of this build */
#else
		k->suite = TKT_SUITE_AES256_GCM;
#endif
	else
		return TKT_ERR_SYNTAX;
	k->aes_len = tkt_suite_aes_len(k->suite);
	if (!lit(c, "name=") || !hex(c, k->name, TKT_KEY_NAME_LEN) ||
	    !lit(c, " aes=") || !hex(c, k->aes, k->aes_len) || !lit(c, " hmac="))
		return TKT_ERR_SYNTAX;
	if (k->suite == TKT_SUITE_AES256_GCM) {
		if (!lit(c, "-"))
			return TKT_ERR_SYNTAX;
	} else if (hex(c, k->hmac, 32)) {
		k->hmac_len = 32;
	} else if (hex(c, k->hmac, 16)) {
		k->hmac_len = 16;
	} else {
		return TKT_ERR_SYNTAX;
	}
	if (!lit(c, " introduced=") || !num(c, &k->introduced) ||
	    k->introduced == TKT_FOREVER ||
	    !lit(c, " encrypt=") || !num(c, &k->encrypt_for) ||
	    !lit(c, " decrypt=") || !num(c, &k->decrypt_for) || !lit(c, "\n"))
		return TKT_ERR_SYNTAX;
	return tkt_key_check(k);
}

tkt_status tkt_kf_tkt_parse(const uint8_t *buf, size_t len,
	tkt_key *keys, size_t cap, size_t *count)
{
	cur c;
	size_t n = 0, i;
	tkt_status st;

	c.b = buf;
	c.off = 0;
	c.len = len;
	if (!lit(&c, HEADER))
		return TKT_ERR_SYNTAX;
	while (c.off < c.len) {
		if (c.b[c.off] == '\n') {
			c.off++;
			continue;
		}
		if (c.b[c.off] == '#') {
			while (c.off < c.len && c.b[c.off] != '\n')
				c.off++;
			if (!lit(&c, "\n"))
				return TKT_ERR_SYNTAX;
			continue;
		}
		if (n >= cap)
			return TKT_ERR_FULL;
		st = key_line(&c, &keys[n]);
		if (st != TKT_OK)
			return st;
		/* a file with two keys of one name has no single meaning */
		for (i = 0; i < n; i++)
			if (memcmp(keys[i].name, keys[n].name, TKT_KEY_NAME_LEN) == 0)
				return TKT_ERR_KEY;
		n++;
	}
	*count = n;
	return TKT_OK;
}

/* Appenders that count what they would write past cap. */
typedef struct sink {
	uint8_t *out;
	size_t cap, len;
} sink;

static void put(sink *s, const char *p, size_t n)
{
	if (s->len <= s->cap && n <= s->cap - s->len)
		memcpy(s->out + s->len, p, n);
	s->len += n;
}

static void puts_(sink *s, const char *p)
{
	put(s, p, strlen(p));
}

static void put_hex(sink *s, const uint8_t *p, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		char h[2];
		h[0] = digits[p[i] / 16u];
		h[1] = digits[p[i] % 16u];
		put(s, h, 2);
	}
}

static void put_num(sink *s, uint64_t v)
{
	char d[21];
	size_t i = sizeof d;

	if (v == TKT_FOREVER) {
		puts_(s, "forever");
		return;
	}
	do {
		d[--i] = (char)('0' + v % 10u);
		v /= 10u;
	} while (v != 0);
	put(s, d + i, sizeof d - i);
}

tkt_status tkt_kf_tkt_write(const tkt_key *keys, size_t n, uint8_t *out,
	size_t cap, size_t *written)
{
	sink s;
	size_t i, j;

	for (i = 0; i < n; i++) {
		if (tkt_key_check(&keys[i]) != TKT_OK ||
		    keys[i].introduced == TKT_FOREVER)
			return TKT_ERR_ARG;
		for (j = 0; j < i; j++)
			if (memcmp(keys[i].name, keys[j].name, TKT_KEY_NAME_LEN) == 0)
				return TKT_ERR_ARG;
	}
	/* first pass measures, second writes: nothing is written if short */
	s.out = out;
	s.cap = 0;
	s.len = 0;
	for (j = 0; j < 2; j++) {
		puts_(&s, HEADER);
		for (i = 0; i < n; i++) {
			const tkt_key *k = &keys[i];
			puts_(&s, "key suite=");
			puts_(&s, tkt_suite_name(k->suite));
			puts_(&s, " name=");
			put_hex(&s, k->name, TKT_KEY_NAME_LEN);
			puts_(&s, " aes=");
			put_hex(&s, k->aes, k->aes_len);
			puts_(&s, " hmac=");
			if (k->hmac_len == 0)
				puts_(&s, "-");
			else
				put_hex(&s, k->hmac, k->hmac_len);
			puts_(&s, " introduced=");
			put_num(&s, k->introduced);
			puts_(&s, " encrypt=");
			put_num(&s, k->encrypt_for);
			puts_(&s, " decrypt=");
			put_num(&s, k->decrypt_for);
			puts_(&s, "\n");
		}
		if (j == 0) {
			if (s.len > cap) {
				*written = s.len;
				return TKT_ERR_BUFFER_TOO_SMALL;
			}
			s.cap = cap;
			s.len = 0;
		}
	}
	*written = s.len;
	return TKT_OK;
}

#else
/* Left out by TKT_NO_KEYFILES (tkt/config.h); ISO C wants a declaration
   in every translation unit. */
typedef int tkt_keyfile_tkt_left_out;
#endif
