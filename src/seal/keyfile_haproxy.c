/*
 * HAProxy `tls-ticket-keys`: one base64 key per line, 48 bytes
 * (name|aes16|hmac16) or 80 bytes (name|aes32|hmac32). HAProxy keeps the
 * last three lines and encrypts with the second-to-last: the last is the
 * next key (already accepted), the first the previous one.
 */
#include <string.h>

#include "internal.h"
#include "keyfile.h"

#ifndef TKT_NO_KEYFILES

#define HAPROXY_KEEP 3u

/* One line of at most 80 decoded bytes: 108 base64 characters. */
#define LINE_MAX_CHARS 108u

static tkt_status line_key(const char *s, size_t n, tkt_key *k)
{
	uint8_t raw[80];
	size_t got;

	if (n > LINE_MAX_CHARS)
		return TKT_ERR_SYNTAX;
	got = tkt_b64_decode(s, n, raw, sizeof raw);
	if (got == (size_t)-1) {
		tkt_secure_zero(raw, sizeof raw);
		return TKT_ERR_SYNTAX;
	}
	if (got == 48)
		tkt_kf_from_layout(k, raw, TKT_SUITE_RFC5077, 16, 16, 32, 16);
	else if (got == 80)
		tkt_kf_from_layout(k, raw, TKT_SUITE_RFC5077_AES256, 16, 32, 48, 32);
	tkt_secure_zero(raw, sizeof raw);
	if (got != 48 && got != 80)
		return TKT_ERR_BAD_LENGTH;
	return tkt_key_check(k);
}

tkt_status tkt_kf_haproxy_parse(const uint8_t *buf, size_t len,
	tkt_key *keys, size_t cap, size_t *count)
{
	/* a ring of the last three keys seen */
	tkt_key last[HAPROXY_KEEP];
	size_t seen = 0, pos = 0, i, kept, enc;
	tkt_status st = TKT_OK;

	while (pos < len) {
		size_t start = pos, end;
		while (pos < len && buf[pos] != '\n')
			pos++;
		end = pos;
		if (pos < len)
			pos++;                           /* the LF */
		if (end > start && buf[end - 1] == '\r')
			end--;
		if (end == start)
			continue;                        /* empty line */
		st = line_key((const char *)(buf + start), end - start,
			&last[seen % HAPROXY_KEEP]);
		if (st != TKT_OK)
			break;
		seen++;
	}
	if (st == TKT_OK && seen == 0)
		st = TKT_ERR_SYNTAX;
	kept = seen < HAPROXY_KEEP ? seen : HAPROXY_KEEP;
	if (st == TKT_OK && kept > cap)
		st = TKT_ERR_FULL;
	if (st == TKT_OK) {
		/* the second-to-last encrypts (the only one if alone) */
		enc = kept >= 2 ? kept - 2 : 0;
		for (i = 0; i < kept; i++) {
			keys[i] = last[(seen - kept + i) % HAPROXY_KEEP];
			if (i != enc)
				tkt_key_make_decrypt_only(&keys[i]);
		}
		*count = kept;
	}
	tkt_secure_zero(last, sizeof last);
	return st;
}

tkt_status tkt_kf_haproxy_write(const tkt_key *keys, size_t n, uint8_t *out,
	size_t cap, size_t *written)
{
	size_t i, raw_len, line, need;

	if (n == 0 || n > HAPROXY_KEEP)
		return TKT_ERR_ARG;
	for (i = 0; i < n; i++) {
		const tkt_key *k = &keys[i];
		int k48 = k->suite == TKT_SUITE_RFC5077 && k->hmac_len == 16;
		int k80 = k->suite == TKT_SUITE_RFC5077_AES256 && k->hmac_len == 32;
		if (tkt_key_check(k) != TKT_OK || (!k48 && !k80) ||
		    k->hmac_len != keys[0].hmac_len)
			return TKT_ERR_ARG;
	}
	raw_len = keys[0].hmac_len == 16 ? 48u : 80u;
	line = tkt_b64_encoded_len(raw_len) + 1u;
	need = line * n;
	if (cap < need) {
		*written = need;
		return TKT_ERR_BUFFER_TOO_SMALL;
	}
	for (i = 0; i < n; i++) {
		uint8_t raw[80];
		tkt_kf_to_layout(&keys[i], raw, 16, 16 + keys[i].aes_len);
		tkt_b64_encode(raw, raw_len, (char *)(out + i * line));
		out[i * line + line - 1u] = '\n';
		tkt_secure_zero(raw, sizeof raw);
	}
	*written = need;
	return TKT_OK;
}

#else
/* Left out by TKT_NO_KEYFILES (tkt/config.h); ISO C wants a declaration
   in every translation unit. */
typedef int tkt_keyfile_haproxy_left_out;
#endif
