/*
 * HMAC_DRBG (SHA-256) seeded from getrandom(2) only: BearSSL 0.6's
 * system seeder uses RDRAND without checking it, which a broken CPU turns
 * into a constant. Reseeding after fork() keeps a child from repeating
 * its parent's IVs and nonces (fatal for GCM). Output is drawn a pool at
 * a time: BearSSL's generate re-keys HMAC twice per call, which would
 * otherwise cost more than sealing the ticket.
 */
#include <errno.h>
#include <string.h>
#include <sys/random.h>
#include <sys/types.h>
#include <unistd.h>

#include "internal.h"

#define TKT_DRBG_SEED_LEN 48
#define TKT_DRBG_RESEED_REFILLS 65536u

/* Fill buf from getrandom(), retrying on EINTR and short reads. */
static int get_seed(uint8_t *buf, size_t len)
{
	size_t off = 0;

	while (off < len) {
		ssize_t r = getrandom(buf + off, len - off, 0);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		off += (size_t)r;
	}
	return 0;
}

tkt_status tkt_drbg_init(tkt_drbg *d)
{
	uint8_t seed[TKT_DRBG_SEED_LEN];

	tkt_secure_zero(d, sizeof *d);
	if (get_seed(seed, sizeof seed) != 0)
		return TKT_ERR_RNG;
	br_hmac_drbg_init(&d->drbg, &br_sha256_vtable, seed, sizeof seed);
	tkt_secure_zero(seed, sizeof seed);
	d->pid = (long)getpid();
	d->seeded = 1;
	return TKT_OK;
}

/* Mix fresh getrandom() bytes into the state and drop the pool. */
static tkt_status reseed(tkt_drbg *d)
{
	uint8_t seed[TKT_DRBG_SEED_LEN];
	int r = get_seed(seed, sizeof seed);

	tkt_secure_zero(d->pool, sizeof d->pool);
	d->left = 0;
	if (r != 0) {
		tkt_secure_zero(seed, sizeof seed);
		return TKT_ERR_RNG;
	}
	br_hmac_drbg_update(&d->drbg, seed, sizeof seed);
	tkt_secure_zero(seed, sizeof seed);
	d->pid = (long)getpid();
	d->calls = 0;
	return TKT_OK;
}

tkt_status tkt_drbg_generate(tkt_drbg *d, void *out, size_t len)
{
	if (len > 65536u) {
		tkt_secure_zero(out, len);
		return TKT_ERR_ARG;
	}
	if (!d->seeded) {
		tkt_secure_zero(out, len);
		return TKT_ERR_RNG;
	}
	if (d->pid != (long)getpid() && reseed(d) != TKT_OK) {
		tkt_secure_zero(out, len);
		return TKT_ERR_RNG;
	}
	if (len > sizeof d->pool) {
		br_hmac_drbg_generate(&d->drbg, out, len);
		return TKT_OK;
	}
	if (d->left < len) {
		if (d->calls >= TKT_DRBG_RESEED_REFILLS && reseed(d) != TKT_OK) {
			tkt_secure_zero(out, len);
			return TKT_ERR_RNG;
		}
		br_hmac_drbg_generate(&d->drbg, d->pool, sizeof d->pool);
		d->left = sizeof d->pool;
		d->calls++;
	}
	{
		uint8_t *src = d->pool + (sizeof d->pool - d->left);
		memcpy(out, src, len);
		tkt_secure_zero(src, len);
		d->left -= len;
	}
	return TKT_OK;
}

void tkt_drbg_clear(tkt_drbg *d)
{
	tkt_secure_zero(d, sizeof *d);
}
