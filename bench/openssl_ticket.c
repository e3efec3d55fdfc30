/*
 * The OpenSSL 3 contenders; see openssl_ticket.h for what each one is and
 * why. Every step of openssl-libssl below has its counterpart, in the
 * same order, in libssl 3.0's ticket code.
 */
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "openssl_ticket.h"

static const char *cbc_name(size_t aes_len)
{
	return aes_len == 16 ? "AES-128-CBC" : "AES-256-CBC";
}

/* libssl's ssl_hmac_new(): fetch "HMAC", new context, free the fetch. */
static EVP_MAC_CTX *fresh_hmac(void)
{
	EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
	EVP_MAC_CTX *ctx = mac != NULL ? EVP_MAC_CTX_new(mac) : NULL;

	EVP_MAC_free(mac);
	return ctx;
}

/* libssl's ssl_hmac_init(ctx, key, len, "SHA256"). */
static int hmac_key(EVP_MAC_CTX *ctx, const uint8_t *key, size_t len)
{
	OSSL_PARAM params[2];

	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
		(char *)(uintptr_t)"SHA256", 0);
	params[1] = OSSL_PARAM_construct_end();
	return EVP_MAC_init(ctx, key, len, params);
}

size_t ossl_libssl_ticket_len(size_t n)
{
	return 16u + 16u + (n + 16u - n % 16u) + 32u;
}

int ossl_libssl_seal(const ossl_ticket_keys *k, const uint8_t *state,
	size_t n, uint8_t *out, size_t cap, size_t *written)
{
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	EVP_MAC_CTX *hctx = fresh_hmac();
	EVP_CIPHER *cipher = NULL;
	uint8_t *senc = NULL;
	uint8_t iv[16];
	int len = 0, lenfinal = 0, ret = OSSL_TICKET_ERROR;
	size_t total = ossl_libssl_ticket_len(n), maclen = 0;

	*written = 0;
	if (ctx == NULL || hctx == NULL || cap < total)
		goto end;
	/* libssl: i2d_SSL_SESSION into a malloc'd buffer (the copy stands
	   for the encoding, which is not timed here). */
	senc = OPENSSL_malloc(n);
	if (senc == NULL)
		goto end;
	memcpy(senc, state, n);
	cipher = EVP_CIPHER_fetch(NULL, cbc_name(k->aes_len), NULL);
	if (cipher == NULL
	    || RAND_bytes(iv, (int)sizeof iv) <= 0
	    || !EVP_EncryptInit_ex(ctx, cipher, NULL, k->aes, iv)
	    || hmac_key(hctx, k->hmac, sizeof k->hmac) <= 0)
		goto end;
	memcpy(out, k->name, 16);
	memcpy(out + 16, iv, 16);
	if (!EVP_EncryptUpdate(ctx, out + 32, &len, senc, (int)n)
	    || !EVP_EncryptFinal(ctx, out + 32 + len, &lenfinal)
	    || EVP_MAC_update(hctx, out, 32u + (size_t)len + (size_t)lenfinal) <= 0
	    || EVP_MAC_final(hctx, out + 32 + len + lenfinal, &maclen, 32) <= 0
	    || maclen != 32)
		goto end;
	*written = 32u + (size_t)len + (size_t)lenfinal + 32u;
	ret = OSSL_TICKET_OK;
end:
	EVP_CIPHER_free(cipher);
	OPENSSL_free(senc);
	EVP_MAC_CTX_free(hctx);
	EVP_CIPHER_CTX_free(ctx);
	return ret;
}

int ossl_libssl_open(const ossl_ticket_keys *k, const uint8_t *t,
	size_t len, uint8_t *check_out, size_t *check_len)
{
	/* libssl creates both contexts before it looks at the key name. */
	EVP_MAC_CTX *hctx = fresh_hmac();
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	EVP_CIPHER *cipher = NULL;
	uint8_t mac[32];
	uint8_t *sdec = NULL;
	size_t maclen = 0, eticklen;
	int slen = 0, declen = 0, ret = OSSL_TICKET_ERROR;

	if (hctx == NULL || ctx == NULL || len < 16u + 16u + 16u + 32u)
		goto end;
	if (memcmp(t, k->name, 16) != 0) {
		ret = OSSL_TICKET_NOT_OURS;
		goto end;
	}
	cipher = EVP_CIPHER_fetch(NULL, cbc_name(k->aes_len), NULL);
	if (cipher == NULL
	    || hmac_key(hctx, k->hmac, sizeof k->hmac) <= 0
	    || EVP_DecryptInit_ex(ctx, cipher, NULL, k->aes, t + 16) <= 0)
		goto end;
	EVP_CIPHER_free(cipher);
	cipher = NULL;
	eticklen = len - 32u;
	if (EVP_MAC_update(hctx, t, eticklen) <= 0
	    || EVP_MAC_final(hctx, mac, &maclen, sizeof mac) <= 0)
		goto end;
	if (CRYPTO_memcmp(mac, t + eticklen, 32) != 0) {
		ret = OSSL_TICKET_BAD_MAC;
		goto end;
	}
	eticklen -= 32u;
	sdec = OPENSSL_malloc(eticklen);
	if (sdec == NULL
	    || EVP_DecryptUpdate(ctx, sdec, &slen, t + 32, (int)eticklen) <= 0
	    || EVP_DecryptFinal(ctx, sdec + slen, &declen) <= 0)
		goto end;
	slen += declen;
	if (check_out != NULL) {
		memcpy(check_out, sdec, (size_t)slen);
		*check_len = (size_t)slen;
	}
	ret = OSSL_TICKET_OK;
end:
	EVP_CIPHER_free(cipher);
	OPENSSL_free(sdec);
	EVP_CIPHER_CTX_free(ctx);
	EVP_MAC_CTX_free(hctx);
	return ret;
}

int ossl_limit_init(ossl_limit *l, const ossl_ticket_keys *k, int gcm)
{
	const EVP_CIPHER *c = gcm ? EVP_aes_256_gcm()
		: (k->aes_len == 16 ? EVP_aes_128_cbc() : EVP_aes_256_cbc());

	memset(l, 0, sizeof *l);
	l->gcm = gcm;
	memcpy(l->name, k->name, 16);
	l->enc = EVP_CIPHER_CTX_new();
	l->dec = EVP_CIPHER_CTX_new();
	if (l->enc == NULL || l->dec == NULL
	    || !EVP_EncryptInit_ex(l->enc, c, NULL, k->aes, NULL)
	    || !EVP_DecryptInit_ex(l->dec, c, NULL, k->aes, NULL))
		return -1;
	if (!gcm) {
		l->hmac = fresh_hmac();
		if (l->hmac == NULL || hmac_key(l->hmac, k->hmac, 32) <= 0)
			return -1;
	}
	return 0;
}

void ossl_limit_free(ossl_limit *l)
{
	EVP_CIPHER_CTX_free(l->enc);
	EVP_CIPHER_CTX_free(l->dec);
	EVP_MAC_CTX_free(l->hmac);
	memset(l, 0, sizeof *l);
}

int ossl_limit_seal(ossl_limit *l, const uint8_t *state, size_t n,
	uint8_t *out, size_t cap, size_t *written)
{
	size_t iv_len = l->gcm ? 12u : 16u;
	size_t hdr = 16u + iv_len + 2u;
	size_t body = l->gcm ? n : n + 16u - n % 16u;
	size_t total = hdr + body + (l->gcm ? 16u : 32u), maclen = 0;
	int len = 0, fin = 0;

	*written = 0;
	if (cap < total)
		return OSSL_TICKET_ERROR;
	memcpy(out, l->name, 16);
	if (l->iv_left < iv_len) {
		if (RAND_bytes(l->iv_pool, (int)sizeof l->iv_pool) <= 0)
			return OSSL_TICKET_ERROR;
		l->iv_left = sizeof l->iv_pool;
	}
	memcpy(out + 16, l->iv_pool + sizeof l->iv_pool - l->iv_left, iv_len);
	l->iv_left -= iv_len;
	out[hdr - 2] = (uint8_t)(body / 256u);
	out[hdr - 1] = (uint8_t)(body % 256u);
	/* Same key, new IV: the schedule is kept. */
	if (!EVP_EncryptInit_ex(l->enc, NULL, NULL, NULL, out + 16))
		return OSSL_TICKET_ERROR;
	if (l->gcm) {
		if (!EVP_EncryptUpdate(l->enc, NULL, &len, out, (int)hdr)
		    || !EVP_EncryptUpdate(l->enc, out + hdr, &len, state, (int)n)
		    || !EVP_EncryptFinal_ex(l->enc, out + hdr + len, &fin)
		    || !EVP_CIPHER_CTX_ctrl(l->enc, EVP_CTRL_GCM_GET_TAG, 16,
			out + hdr + body))
			return OSSL_TICKET_ERROR;
	} else {
		if (!EVP_EncryptUpdate(l->enc, out + hdr, &len, state, (int)n)
		    || !EVP_EncryptFinal_ex(l->enc, out + hdr + len, &fin)
		    || (size_t)len + (size_t)fin != body
		    /* NULL key: re-initialise with the precomputed pads */
		    || EVP_MAC_init(l->hmac, NULL, 0, NULL) <= 0
		    || EVP_MAC_update(l->hmac, out, hdr + body) <= 0
		    || EVP_MAC_final(l->hmac, out + hdr + body, &maclen, 32) <= 0)
			return OSSL_TICKET_ERROR;
	}
	*written = total;
	return OSSL_TICKET_OK;
}

int ossl_limit_open(ossl_limit *l, const uint8_t *t, size_t len,
	uint8_t *buf, size_t cap, size_t *n)
{
	size_t iv_len = l->gcm ? 12u : 16u;
	size_t tag_len = l->gcm ? 16u : 32u;
	size_t hdr = 16u + iv_len + 2u, body, maclen = 0;
	uint8_t mac[32];
	int out_len = 0, fin = 0;

	if (len < hdr + tag_len)
		return OSSL_TICKET_ERROR;
	if (memcmp(t, l->name, 16) != 0)
		return OSSL_TICKET_NOT_OURS;
	body = (size_t)t[hdr - 2] * 256u + t[hdr - 1];
	if (hdr + body + tag_len != len || cap < body)
		return OSSL_TICKET_ERROR;
	if (l->gcm) {
		/* OpenSSL decrypts as it goes and checks the tag at Final. */
		if (!EVP_DecryptInit_ex(l->dec, NULL, NULL, NULL, t + 16)
		    || !EVP_DecryptUpdate(l->dec, NULL, &out_len, t, (int)hdr)
		    || !EVP_DecryptUpdate(l->dec, buf, &out_len, t + hdr,
			(int)body)
		    || !EVP_CIPHER_CTX_ctrl(l->dec, EVP_CTRL_GCM_SET_TAG, 16,
			(void *)(uintptr_t)(t + hdr + body)))
			return OSSL_TICKET_ERROR;
		if (EVP_DecryptFinal_ex(l->dec, buf + out_len, &fin) <= 0)
			return OSSL_TICKET_BAD_MAC;
	} else {
		if (EVP_MAC_init(l->hmac, NULL, 0, NULL) <= 0
		    || EVP_MAC_update(l->hmac, t, hdr + body) <= 0
		    || EVP_MAC_final(l->hmac, mac, &maclen, sizeof mac) <= 0)
			return OSSL_TICKET_ERROR;
		if (CRYPTO_memcmp(mac, t + hdr + body, 32) != 0)
			return OSSL_TICKET_BAD_MAC;
		if (!EVP_DecryptInit_ex(l->dec, NULL, NULL, NULL, t + 16)
		    || !EVP_DecryptUpdate(l->dec, buf, &out_len, t + hdr,
			(int)body)
		    || !EVP_DecryptFinal_ex(l->dec, buf + out_len, &fin))
			return OSSL_TICKET_ERROR;
	}
	*n = (size_t)out_len + (size_t)fin;
	return OSSL_TICKET_OK;
}
