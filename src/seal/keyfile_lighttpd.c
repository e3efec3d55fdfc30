/*
 * lighttpd `ssl.stek-file`: 92 bytes, int32 version (0), int32
 * active_ts, int32 expire_ts, all in the host's byte order (lighttpd
 * writes the struct as it is in memory), then 80 bytes in OpenSSL order:
 * name16|hmac32|aes32 (AES-256).
 */
#include <string.h>

#include "internal.h"
#include "keyfile.h"

#ifndef TKT_NO_KEYFILES

#define STEK_LEN 92u
#define STEK_HDR 12u

tkt_status tkt_kf_lighttpd_parse(const uint8_t *buf, size_t len,
	tkt_key *keys, size_t cap, size_t *count)
{
	int32_t version, active, expire;
	tkt_status st;

	if (len != STEK_LEN)
		return TKT_ERR_BAD_LENGTH;
	if (cap < 1)
		return TKT_ERR_FULL;
	/* host-endian: memcpy reads the integers exactly as written */
	memcpy(&version, buf, 4);
	memcpy(&active, buf + 4, 4);
	memcpy(&expire, buf + 8, 4);
	if (version != 0 || active < 0 || expire <= active)
		return TKT_ERR_RANGE;
	tkt_kf_from_layout(&keys[0], buf + STEK_HDR, TKT_SUITE_RFC5077_AES256,
		48, 32, 16, 32);
	st = tkt_key_check(&keys[0]);
	if (st != TKT_OK)
		return st;
	keys[0].introduced = (uint64_t)active;
	keys[0].encrypt_for = (uint64_t)expire - (uint64_t)active;
	keys[0].decrypt_for = 0;
	*count = 1;
	return TKT_OK;
}

tkt_status tkt_kf_lighttpd_write(const tkt_key *keys, size_t n, uint8_t *out,
	size_t cap, size_t *written)
{
	const tkt_key *k = &keys[0];
	uint64_t end;
	int32_t version = 0, active, expire;

	if (n != 1 || tkt_key_check(k) != TKT_OK ||
	    k->suite != TKT_SUITE_RFC5077_AES256 || k->hmac_len != 32)
		return TKT_ERR_ARG;
	/* lighttpd has one window: encrypt and decrypt both end at expire */
	end = tkt_add_sat(tkt_add_sat(k->introduced, k->encrypt_for),
		k->decrypt_for);
	if (k->introduced > INT32_MAX || end <= k->introduced)
		return TKT_ERR_ARG;
	if (end > INT32_MAX)
		end = INT32_MAX;
	if (cap < STEK_LEN) {
		*written = STEK_LEN;
		return TKT_ERR_BUFFER_TOO_SMALL;
	}
	active = (int32_t)k->introduced;
	expire = (int32_t)end;
	memcpy(out, &version, 4);
	memcpy(out + 4, &active, 4);
	memcpy(out + 8, &expire, 4);
	tkt_kf_to_layout(k, out + STEK_HDR, 48, 16);
	*written = STEK_LEN;
	return TKT_OK;
}

#else
/* Left out by TKT_NO_KEYFILES (tkt/config.h); ISO C wants a declaration
   in every translation unit. */
typedef int tkt_keyfile_lighttpd_left_out;
#endif
