/*
 * Key files: format names, dispatch, and the three fixed binary layouts
 * (nginx, apache, openssl80). The layouts differ only in field order,
 * which is exactly why the format must be named and never guessed.
 */
#include <string.h>

#include "internal.h"
#include "keyfile.h"

#ifndef TKT_NO_KEYFILES

static const struct {
	tkt_keyfile_format f;
	const char *name;
} formats[] = {
	{ TKT_KEYFILE_NGINX, "nginx" },
	{ TKT_KEYFILE_APACHE, "apache" },
	{ TKT_KEYFILE_OPENSSL80, "openssl80" },
	{ TKT_KEYFILE_HAPROXY, "haproxy" },
	{ TKT_KEYFILE_LIGHTTPD, "lighttpd" },
	{ TKT_KEYFILE_TKT, "tkt" },
};
#define N_FORMATS (sizeof formats / sizeof formats[0])

const char *tkt_keyfile_format_name(tkt_keyfile_format f)
{
	size_t i;

	for (i = 0; i < N_FORMATS; i++)
		if (formats[i].f == f)
			return formats[i].name;
	return "none";
}

tkt_status tkt_keyfile_format_from_name(const char *name,
	tkt_keyfile_format *f)
{
	size_t i;

	if (name == NULL)
		return TKT_ERR_ARG;
	for (i = 0; i < N_FORMATS; i++) {
		if (strcmp(name, formats[i].name) == 0) {
			*f = formats[i].f;
			return TKT_OK;
		}
	}
	return TKT_ERR_ARG;
}

void tkt_kf_from_layout(tkt_key *k, const uint8_t *b, tkt_suite suite,
	size_t aes_off, size_t aes_len, size_t hmac_off, size_t hmac_len)
{
	memset(k, 0, sizeof *k);
	k->suite = suite;
	memcpy(k->name, b, TKT_KEY_NAME_LEN);
	memcpy(k->aes, b + aes_off, aes_len);
	k->aes_len = aes_len;
	memcpy(k->hmac, b + hmac_off, hmac_len);
	k->hmac_len = hmac_len;
	k->introduced = 0;
	k->encrypt_for = TKT_FOREVER;
	k->decrypt_for = TKT_FOREVER;
}

void tkt_kf_to_layout(const tkt_key *k, uint8_t *b, size_t aes_off,
	size_t hmac_off)
{
	memcpy(b, k->name, TKT_KEY_NAME_LEN);
	memcpy(b + aes_off, k->aes, k->aes_len);
	memcpy(b + hmac_off, k->hmac, k->hmac_len);
}

/* The binary single-key layouts: (format, size) -> field offsets. */
static int binary_layout(tkt_keyfile_format f, size_t len, tkt_suite *suite,
	size_t *aes_off, size_t *hmac_off, size_t *aes_len, size_t *hmac_len)
{
	if (len == 48 && (f == TKT_KEYFILE_NGINX || f == TKT_KEYFILE_APACHE)) {
		*suite = TKT_SUITE_RFC5077;
		*aes_len = 16;
		*hmac_len = 16;
		/* nginx: name|aes|hmac; apache: name|hmac|aes */
		*aes_off = f == TKT_KEYFILE_NGINX ? 16 : 32;
		*hmac_off = f == TKT_KEYFILE_NGINX ? 32 : 16;
		return 1;
	}
	if (len == 80 && (f == TKT_KEYFILE_NGINX || f == TKT_KEYFILE_OPENSSL80)) {
		/* both: name|hmac32|aes32 */
		*suite = TKT_SUITE_RFC5077_AES256;
		*aes_len = 32;
		*hmac_len = 32;
		*aes_off = 48;
		*hmac_off = 16;
		return 1;
	}
	return 0;
}

static tkt_status parse_fail(tkt_key *keys, size_t cap, size_t *count,
	tkt_status st)
{
	tkt_secure_zero(keys, cap * sizeof *keys);
	*count = 0;
	return st;
}

tkt_status tkt_keyfile_parse(tkt_keyfile_format f, const uint8_t *buf,
	size_t len, tkt_key *keys, size_t cap, size_t *count)
{
	tkt_suite suite = TKT_SUITE_NONE;
	size_t aes_off = 0, hmac_off = 0, aes_len = 0, hmac_len = 0;
	tkt_status st;

	*count = 0;
	switch (f) {
	case TKT_KEYFILE_NGINX:
	case TKT_KEYFILE_APACHE:
	case TKT_KEYFILE_OPENSSL80:
		if (!binary_layout(f, len, &suite, &aes_off, &hmac_off,
			&aes_len, &hmac_len))
			return parse_fail(keys, cap, count, TKT_ERR_BAD_LENGTH);
		if (cap < 1)
			return parse_fail(keys, cap, count, TKT_ERR_FULL);
		tkt_kf_from_layout(&keys[0], buf, suite, aes_off, aes_len,
			hmac_off, hmac_len);
		st = tkt_key_check(&keys[0]);
		if (st != TKT_OK)
			return parse_fail(keys, cap, count, st);
		*count = 1;
		return TKT_OK;
	case TKT_KEYFILE_HAPROXY:
		st = tkt_kf_haproxy_parse(buf, len, keys, cap, count);
		break;
	case TKT_KEYFILE_LIGHTTPD:
		st = tkt_kf_lighttpd_parse(buf, len, keys, cap, count);
		break;
	case TKT_KEYFILE_TKT:
		st = tkt_kf_tkt_parse(buf, len, keys, cap, count);
		break;
	case TKT_KEYFILE_NONE:
	default:
		return parse_fail(keys, cap, count, TKT_ERR_ARG);
	}
	if (st != TKT_OK)
		return parse_fail(keys, cap, count, st);
	return TKT_OK;
}

tkt_status tkt_keyfile_write(tkt_keyfile_format f, const tkt_key *keys,
	size_t n, uint8_t *out, size_t cap, size_t *written)
{
	tkt_suite suite = TKT_SUITE_NONE;
	size_t aes_off = 0, hmac_off = 0, aes_len = 0, hmac_len = 0, len;

	*written = 0;
	switch (f) {
	case TKT_KEYFILE_NGINX:
	case TKT_KEYFILE_APACHE:
	case TKT_KEYFILE_OPENSSL80:
		if (n != 1 || tkt_key_check(&keys[0]) != TKT_OK)
			return TKT_ERR_ARG;
		len = keys[0].hmac_len == 16 ? 48u : 80u;
		if (!binary_layout(f, len, &suite, &aes_off, &hmac_off,
			&aes_len, &hmac_len) || keys[0].suite != suite ||
		    keys[0].aes_len != aes_len || keys[0].hmac_len != hmac_len)
			return TKT_ERR_ARG;
		if (cap < len) {
			*written = len;
			return TKT_ERR_BUFFER_TOO_SMALL;
		}
		tkt_kf_to_layout(&keys[0], out, aes_off, hmac_off);
		*written = len;
		return TKT_OK;
	case TKT_KEYFILE_HAPROXY:
		return tkt_kf_haproxy_write(keys, n, out, cap, written);
	case TKT_KEYFILE_LIGHTTPD:
		return tkt_kf_lighttpd_write(keys, n, out, cap, written);
	case TKT_KEYFILE_TKT:
		return tkt_kf_tkt_write(keys, n, out, cap, written);
	case TKT_KEYFILE_NONE:
	default:
		return TKT_ERR_ARG;
	}
}

#else
/* Left out by TKT_NO_KEYFILES (tkt/config.h); ISO C wants a declaration
   in every translation unit. */
typedef int tkt_keyfile_left_out;
#endif
