/*
 * Single keys: validation, generation, fingerprints, erasure.
 */
#include <string.h>

#include "internal.h"

tkt_status tkt_key_check(const tkt_key *k)
{
	size_t aes = tkt_suite_aes_len(k->suite);

#ifdef TKT_NO_GCM
	if (k->suite == TKT_SUITE_AES256_GCM)
		return TKT_ERR_UNSUPPORTED;
#endif
	if (aes == 0 || k->aes_len != aes)
		return TKT_ERR_ARG;
	if (k->suite == TKT_SUITE_AES256_GCM) {
		if (k->hmac_len != 0)
			return TKT_ERR_ARG;
	} else if (k->hmac_len != 16 && k->hmac_len != 32) {
		return TKT_ERR_ARG;
	}
	/* CVE-2020-13777: a zero key makes every ticket readable. */
	if (tkt_ct_is_zero(k->aes, k->aes_len))
		return TKT_ERR_KEY;
	if (k->hmac_len != 0 && tkt_ct_is_zero(k->hmac, k->hmac_len))
		return TKT_ERR_KEY;
	/* One secret used for two jobs is a configuration mistake. */
	if (k->hmac_len == k->aes_len && tkt_ct_eq(k->aes, k->hmac, k->aes_len))
		return TKT_ERR_KEY;
	return TKT_OK;
}

tkt_status tkt_key_generate(tkt_key *k, tkt_suite s, uint64_t now,
	tkt_drbg *rng)
{
	size_t aes = tkt_suite_aes_len(s);
	tkt_status st;

	tkt_secure_zero(k, sizeof *k);
#ifdef TKT_NO_GCM
	if (s == TKT_SUITE_AES256_GCM)
		return TKT_ERR_UNSUPPORTED;
#endif
	if (aes == 0)
		return TKT_ERR_ARG;
	k->suite = s;
	k->aes_len = aes;
	k->hmac_len = s == TKT_SUITE_AES256_GCM ? 0 : 32;
	st = tkt_drbg_generate(rng, k->name, sizeof k->name);
	if (st == TKT_OK)
		st = tkt_drbg_generate(rng, k->aes, k->aes_len);
	if (st == TKT_OK && k->hmac_len != 0)
		st = tkt_drbg_generate(rng, k->hmac, k->hmac_len);
	if (st == TKT_OK)
		st = tkt_key_check(k);
	if (st != TKT_OK) {
		tkt_secure_zero(k, sizeof *k);
		return st;
	}
	k->introduced = now;
	k->encrypt_for = TKT_FOREVER;
	k->decrypt_for = TKT_FOREVER;
	return TKT_OK;
}

void tkt_key_fingerprint(const tkt_key *k, uint8_t out[TKT_FINGERPRINT_LEN])
{
	static const char label[] = "tkt key fingerprint v1";
	const char *sn = tkt_suite_name(k->suite);
	br_sha256_context h;
	uint8_t d[32];
	size_t aes = k->aes_len <= sizeof k->aes ? k->aes_len : sizeof k->aes;
	size_t mac = k->hmac_len <= sizeof k->hmac ? k->hmac_len : sizeof k->hmac;

	/* Labels end with their NUL, so the fields cannot shift into
	   each other. */
	br_sha256_init(&h);
	br_sha256_update(&h, label, sizeof label);
	br_sha256_update(&h, sn, strlen(sn) + 1u);
	br_sha256_update(&h, k->name, sizeof k->name);
	br_sha256_update(&h, k->aes, aes);
	br_sha256_update(&h, k->hmac, mac);
	br_sha256_out(&h, d);
	memcpy(out, d, TKT_FINGERPRINT_LEN);
	tkt_secure_zero(d, sizeof d);
	tkt_secure_zero(&h, sizeof h);
}

void tkt_key_make_decrypt_only(tkt_key *k)
{
	k->encrypt_for = 0;
	k->decrypt_for = TKT_FOREVER;
}

void tkt_key_clear(tkt_key *k)
{
	tkt_secure_zero(k, sizeof *k);
}
