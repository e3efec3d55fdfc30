/*
 * fuzz/fuzz_open.c -- tkt_open() with a fixed test key ring, held to an
 * independent re-implementation of its documented checks
 * (spec/formats.md "Order of checks in tkt_open"), and tkt_seal()
 * round trips.
 *
 * Input: flags (1 byte), time offset (1 byte), payload. Two modes:
 *   raw     the payload is the ticket. The fuzzer reaches the length,
 *           key_name, layout and MAC checks; past the MAC only with a
 *           forged tag, which the oracle would then flag.
 *   bypass  the payload is the decrypted bytes (StatePlaintext, and for
 *           the CBC suites the padding when the payload is a multiple of
 *           16 bytes, so bad padding is reachable); the harness encrypts
 *           and authenticates it itself with the chosen test key, so every
 *           input reaches padding, tkt_state_decode, time and policy.
 * The harness encrypts, authenticates and decrypts with other BearSSL
 * implementations (aes_ct, ghash_ctmul64) than the seal layer picks at run
 * time (AES-NI/ct64, PCLMUL), so a wrong key order, IV, AAD or padding in
 * either shows up as a disagreement.
 *
 * Oracles: the expected status of every input from the independent model
 * (the spec mirror decides StatePlaintext acceptance); on success the
 * returned state and info match the mirror's view of the plaintext; on
 * failure the caller's buffer is untouched before decryption and zeroed
 * after it; and seal then open gives back the same state.
 */
#include "fuzz_common.h"

#include "tkt/seal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define OPEN_KEYS 5u
#define OPEN_BASE_TIME 1700000000u
/* Key 4's windows: encrypt [0, 1000), decrypt-only [1000, 2000). */
#define OPEN_SHORT_WINDOW 1000u
/* The second ring's maximum ticket length. */
#define OPEN_SMALL_MAX 256u

static const uint16_t open_versions[2] = { 0x0303u, 0x0301u };
static const uint16_t open_suites[3] = { 0xC02Fu, 0xC030u, 0x009Cu };

typedef struct open_env {
	tkt_key keys[OPEN_KEYS];
	tkt_ring_key slots[2][OPEN_KEYS];
	tkt_ring ring[2];
	tkt_drbg rng;
	int ready;
} open_env;

/* Test-only state, built once: the library itself has no globals. */
static open_env env;

static void open_make_key(tkt_key *k, unsigned i, tkt_suite s,
	size_t hmac_len, uint64_t enc, uint64_t dec)
{
	size_t j;

	memset(k, 0, sizeof *k);
	k->suite = s;
	for (j = 0; j < TKT_KEY_NAME_LEN; j++)
		k->name[j] = (uint8_t)(0x40u + i * 16u + j);
	k->aes_len = tkt_suite_aes_len(s);
	for (j = 0; j < k->aes_len; j++)
		k->aes[j] = (uint8_t)(i * 31u + j * 7u + 1u);
	k->hmac_len = hmac_len;
	for (j = 0; j < hmac_len; j++)
		k->hmac[j] = (uint8_t)(i * 17u + j * 13u + 5u);
	k->introduced = 0;
	k->encrypt_for = enc;
	k->decrypt_for = dec;
}

static void open_setup(void)
{
	size_t r, i;

	if (env.ready)
		return;
	open_make_key(&env.keys[0], 0, TKT_SUITE_RFC5077, 32, TKT_FOREVER,
		TKT_FOREVER);
	open_make_key(&env.keys[1], 1, TKT_SUITE_RFC5077_AES256, 16,
		TKT_FOREVER, TKT_FOREVER);
	open_make_key(&env.keys[2], 2, TKT_SUITE_AES256_GCM, 0, TKT_FOREVER,
		TKT_FOREVER);
	/* decrypt-only from the start: every ticket it opens is OK_RENEW */
	open_make_key(&env.keys[3], 3, TKT_SUITE_RFC5077, 16, 0, TKT_FOREVER);
	/* gone at OPEN_SHORT_WINDOW * 2: NOT_OURS afterwards */
	open_make_key(&env.keys[4], 4, TKT_SUITE_AES256_GCM, 0,
		OPEN_SHORT_WINDOW, OPEN_SHORT_WINDOW);
	for (r = 0; r < 2u; r++) {
		if (tkt_ring_init(&env.ring[r], env.slots[r], OPEN_KEYS) != TKT_OK)
			abort();
		for (i = 0; i < OPEN_KEYS; i++)
			if (tkt_ring_add(&env.ring[r], &env.keys[i]) != TKT_OK)
				abort();
	}
	if (tkt_ring_set_max_ticket(&env.ring[1], OPEN_SMALL_MAX) != TKT_OK)
		abort();
	if (tkt_drbg_init(&env.rng) != TKT_OK)
		abort();
	env.ready = 1;
}

/* ---- the harness's own crypto (other BearSSL implementations) ---- */

static void open_hmac(const tkt_key *k, const uint8_t *msg, size_t len,
	uint8_t out[32])
{
	br_hmac_key_context kc;
	br_hmac_context hc;

	br_hmac_key_init(&kc, &br_sha256_vtable, k->hmac, k->hmac_len);
	br_hmac_init(&hc, &kc, 0);
	br_hmac_update(&hc, msg, len);
	br_hmac_out(&hc, out);
}

/* GCM over buf[0..n) in place; `encrypt` chooses the direction; the tag
   of the ciphertext goes to tag[16]. */
static void open_gcm(const tkt_key *k, const uint8_t *aad, const uint8_t *nonce,
	uint8_t *buf, size_t n, int encrypt, uint8_t tag[16])
{
	br_aes_ct_ctr_keys bc;
	br_gcm_context gc;

	br_aes_ct_ctr_init(&bc, k->aes, k->aes_len);
	br_gcm_init(&gc, &bc.vtable, br_ghash_ctmul64);
	br_gcm_reset(&gc, nonce, 12);
	br_gcm_aad_inject(&gc, aad, 16u + 12u + 2u);
	br_gcm_flip(&gc);
	br_gcm_run(&gc, encrypt, buf, n);
	br_gcm_get_tag(&gc, tag);
}

static void open_cbc(const tkt_key *k, const uint8_t *iv_in, uint8_t *buf,
	size_t n, int encrypt)
{
	uint8_t iv[16];

	memcpy(iv, iv_in, 16);
	if (encrypt) {
		br_aes_ct_cbcenc_keys e;

		br_aes_ct_cbcenc_init(&e, k->aes, k->aes_len);
		br_aes_ct_cbcenc_run(&e, iv, buf, n);
	} else {
		br_aes_ct_cbcdec_keys d;

		br_aes_ct_cbcdec_init(&d, k->aes, k->aes_len);
		br_aes_ct_cbcdec_run(&d, iv, buf, n);
	}
}

/*
 * Bypass mode: a ticket under key k around the decrypted bytes p[0..n).
 * CBC: p is used as it is when n is a positive multiple of 16 (its last
 * block is the padding, right or wrong), else PKCS#7 padding is added.
 * The IV/nonce is fixed: the model does not depend on it. `bad_mac` flips
 * one bit of the tag. Returns NULL when no layout can hold the bytes.
 */
static uint8_t *open_make_ticket(const tkt_key *k, const uint8_t *name,
	const uint8_t *p, size_t n, int bad_mac, size_t *len)
{
	size_t iv_len = tkt_suite_iv_len(k->suite);
	size_t mac_len = tkt_suite_mac_len(k->suite);
	size_t body = n, t_len, off;
	uint8_t *t, mac[32];

	if (k->suite != TKT_SUITE_AES256_GCM && (n == 0u || n % 16u != 0u))
		body = n + 16u - n % 16u;
	if (body > 65535u)
		return NULL;
	t_len = TKT_KEY_NAME_LEN + iv_len + 2u + body + mac_len;
	t = fz_alloc(t_len);
	memcpy(t, name, TKT_KEY_NAME_LEN);
	memset(t + TKT_KEY_NAME_LEN, 0x3C, iv_len);
	off = TKT_KEY_NAME_LEN + iv_len;
	t[off] = (uint8_t)(body / 256u);
	t[off + 1u] = (uint8_t)(body % 256u);
	off += 2u;
	if (n > 0u)
		memcpy(t + off, p, n);
	memset(t + off + n, (int)(body - n), body - n);
	if (k->suite == TKT_SUITE_AES256_GCM) {
		open_gcm(k, t, t + TKT_KEY_NAME_LEN, t + off, body, 1, mac);
	} else {
		open_cbc(k, t + TKT_KEY_NAME_LEN, t + off, body, 1);
		open_hmac(k, t, off + body, mac);
	}
	memcpy(t + off + body, mac, mac_len);
	if (bad_mac)
		t[off + body] ^= 0x01u;
	*len = t_len;
	return t;
}

/* ---- the model of tkt_open ---- */

typedef struct open_expect {
	tkt_status st;
	int decrypted;           /* the caller's buffer was written */
	size_t n;                /* encrypted_state length */
	const tkt_key *key;
	uint8_t *plain;          /* decrypted bytes (heap), if decrypted */
	size_t state_len;        /* StatePlaintext length within plain */
	sm_state_view sv;        /* the mirror's view, if accepted */
	uint64_t remaining;
	int decrypt_only;
} open_expect;

static int open_key_live(const tkt_key *k, uint64_t now)
{
	uint64_t enc_end = k->encrypt_for == TKT_FOREVER ? TKT_FOREVER :
		k->introduced + k->encrypt_for;
	uint64_t dec_end = enc_end == TKT_FOREVER ||
		k->decrypt_for == TKT_FOREVER ? TKT_FOREVER :
		enc_end + k->decrypt_for;

	return now >= k->introduced && now < dec_end;
}

static uint64_t open_key_end(const tkt_key *k, int decrypt)
{
	uint64_t e = k->encrypt_for == TKT_FOREVER ? TKT_FOREVER :
		k->introduced + k->encrypt_for;

	if (!decrypt)
		return e;
	return e == TKT_FOREVER || k->decrypt_for == TKT_FOREVER ?
		TKT_FOREVER : e + k->decrypt_for;
}

/* Valid PKCS#7: the pad length (1..16), else 0. */
static size_t open_pkcs7(const uint8_t *b, size_t n)
{
	size_t p, i;

	if (n < 16u)
		return 0;
	p = b[n - 1u];
	if (p < 1u || p > 16u)
		return 0;
	for (i = 1; i <= p; i++)
		if (b[n - i] != p)
			return 0;
	return p;
}

static int open_in(const uint16_t *l, size_t n, unsigned v)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (l[i] == v)
			return 1;
	return 0;
}

static void open_model(size_t max_ticket,
	const tkt_policy *pol, uint64_t now, const uint8_t *t, size_t len,
	size_t cap, open_expect *e)
{
	size_t i, iv_len, mac_len, min_len = SIZE_MAX;
	sm_span iv, st, mac;
	uint8_t tag[32];
	uint64_t life, end;

	memset(e, 0, sizeof *e);
	if (len == 0u) {
		e->st = TKT_EMPTY;
		return;
	}
	for (i = 0; i < OPEN_KEYS; i++) {
		size_t m = tkt_suite_ticket_len(env.keys[i].suite, 58u);

		if (m < min_len)
			min_len = m;
	}
	e->st = TKT_ERR_MALFORMED;
	if (len < min_len || len > max_ticket)
		return;
	e->st = TKT_ERR_NOT_OURS;
	for (i = 0; i < OPEN_KEYS; i++)
		if (memcmp(env.keys[i].name, t, TKT_KEY_NAME_LEN) == 0 &&
		    open_key_live(&env.keys[i], now))
			e->key = &env.keys[i];
	if (e->key == NULL)
		return;
	iv_len = tkt_suite_iv_len(e->key->suite);
	mac_len = tkt_suite_mac_len(e->key->suite);
	e->st = TKT_ERR_MALFORMED;
	if (!sm_ticket(t, len, iv_len, mac_len, &iv, &st, &mac))
		return;
	e->n = st.len;
	if (e->key->suite != TKT_SUITE_AES256_GCM &&
	    (st.len == 0u || st.len % 16u != 0u))
		return;
	if (st.len < 58u)
		return;
	e->st = TKT_ERR_BUFFER_TOO_SMALL;
	if (cap < st.len)
		return;
	e->st = TKT_ERR_BAD_MAC;
	e->plain = fz_alloc(st.len);
	memcpy(e->plain, t + st.off, st.len);
	if (e->key->suite == TKT_SUITE_AES256_GCM) {
		open_gcm(e->key, t, t + iv.off, e->plain, st.len, 0, tag);
		if (memcmp(tag, t + mac.off, 16) != 0)
			return;
		e->state_len = st.len;
	} else {
		size_t pad;

		open_hmac(e->key, t, mac.off, tag);
		if (memcmp(tag, t + mac.off, 32) != 0)
			return;
		open_cbc(e->key, t + iv.off, e->plain, st.len, 0);
		e->decrypted = 1;
		e->st = TKT_ERR_MALFORMED;
		pad = open_pkcs7(e->plain, st.len);
		if (pad == 0u)
			return;
		e->state_len = st.len - pad;
	}
	e->decrypted = 1;
	e->st = TKT_ERR_MALFORMED;
	if (!sm_state(e->plain, e->state_len, &e->sv))
		return;
	life = pol != NULL && pol->lifetime != 0u ? pol->lifetime : TKT_MAX_HINT;
	end = (uint64_t)e->sv.timestamp + life;
	e->st = TKT_ERR_EXPIRED;
	if ((uint64_t)e->sv.timestamp > now + (pol != NULL ? pol->max_skew : 0u) ||
	    now >= end)
		return;
	e->st = TKT_ERR_POLICY;
	if (pol != NULL && ((pol->versions != NULL &&
	      !open_in(pol->versions, pol->n_versions, e->sv.version)) ||
	     (pol->suites != NULL &&
	      !open_in(pol->suites, pol->n_suites, e->sv.suite))))
		return;
	e->remaining = end - now;
	e->decrypt_only = now >= open_key_end(e->key, 0);
	e->st = TKT_OK;
	if (e->decrypt_only || (pol != NULL &&
	    (e->remaining < pol->renew_within ||
	     open_key_end(e->key, 1) - now < pol->renew_within)))
		e->st = TKT_OK_RENEW;
}

/* The opened state against the mirror's view of the plaintext in buf. */
static void open_check_state(const tkt_state *s, const uint8_t *buf,
	const sm_state_view *v)
{
	FZ_CHECK(s->version == v->version);
	FZ_CHECK(s->cipher_suite == v->suite);
	FZ_CHECK(s->compression == v->comp);
	FZ_CHECK(s->master_secret == buf + v->ms_off);
	FZ_CHECK(s->identity == v->identity);
	FZ_CHECK(s->timestamp == v->timestamp);
	FZ_CHECK((s->extended_ms != 0) == (v->ems != 0));
	FZ_CHECK(fz_points_at(s->cert_list, buf, v->certs.off,
		v->identity == 1u ? v->certs.len : 0u));
	FZ_CHECK(fz_points_at(s->psk_identity, buf, v->psk.off,
		v->identity == 2u ? v->psk.len : 0u));
	FZ_CHECK(fz_points_at(s->server_name, buf, v->server_name.off,
		v->server_name.len));
	FZ_CHECK(fz_points_at(s->alpn, buf, v->alpn.off, v->alpn.len));
}

/* Same value, wherever the bytes live. */
static int open_same_state(const tkt_state *a, const tkt_state *b)
{
	return a->version == b->version && a->cipher_suite == b->cipher_suite &&
		a->compression == b->compression &&
		memcmp(a->master_secret, b->master_secret,
			TKT_MASTER_SECRET_LEN) == 0 &&
		a->identity == b->identity && a->timestamp == b->timestamp &&
		(a->extended_ms != 0) == (b->extended_ms != 0) &&
		fz_same(a->cert_list, b->cert_list) &&
		fz_same(a->psk_identity, b->psk_identity) &&
		fz_same(a->server_name, b->server_name) &&
		fz_same(a->alpn, b->alpn);
}

/* Encode then decode: seal the opened state again and open that. */
static void open_reseal(const tkt_ring *ring, const tkt_state *s,
	uint64_t now)
{
	size_t cap = tkt_state_size(s) + TKT_SEAL_MAX_OVERHEAD;
	uint8_t *t = fz_alloc(cap), *buf;
	size_t written = 0, need;
	uint32_t hint = 0;
	tkt_state back;
	tkt_status st;

	st = tkt_seal(ring, &env.rng, s, now, 3600u, t, cap, &written, &hint);
	if (st == TKT_ERR_RANGE || st == TKT_ERR_KEY) {
		/* The small ring's maximum, or key 4 alone and decrypt-only. */
		FZ_CHECK(written == 0u && hint == 0u);
		free(t);
		return;
	}
	FZ_CHECK(st == TKT_OK);
	FZ_CHECK(hint >= 1u && hint <= 3600u);
	need = written;
	buf = fz_alloc(need);
	memset(&back, 0, sizeof back);
	st = tkt_open(ring, NULL, s->timestamp, t, written, buf, need, &back,
		NULL, NULL);
	FZ_CHECK(st == TKT_OK || st == TKT_OK_RENEW);
	if (st == TKT_OK || st == TKT_OK_RENEW)
		FZ_CHECK(open_same_state(&back, s));
	free(buf);
	free(t);
}

/* One input, decoded: the call to make and what the model expects. */
typedef struct open_case {
	uint8_t *ticket;         /* heap */
	size_t tlen;
	size_t cap;
	uint64_t now;
	const tkt_ring *ring;
	size_t max_ticket;
	int use_policy;
	tkt_policy pol;
	open_expect e;
} open_case;

/* Clock offset from one byte: fine steps near 0 (max_skew is 300 s),
   about +-7.5 days at the ends (the default lifetime is 7 days). */
static long open_delta(uint8_t b)
{
	long d = (long)b - 128L;

	return d * (d < 0 ? -d : d) * 40L;
}

/* Build the ticket and the expectation; 0 if the input makes no case. */
static int open_prepare(const uint8_t *data, size_t size, open_case *c)
{
	unsigned flags, key_idx;
	int bypass, bad_mac, short_cap, small_ring;
	long delta;
	const uint8_t *payload;
	size_t plen, i;
	uint64_t now = OPEN_BASE_TIME;

	memset(c, 0, sizeof *c);
	if (size < 2u)
		return 0;
	open_setup();
	flags = data[0];
	key_idx = flags % 8u;
	bypass = (flags & 0x08u) != 0u;
	bad_mac = (flags & 0x10u) != 0u;
	short_cap = (flags & 0x20u) != 0u;
	c->use_policy = (flags & 0x40u) != 0u;
	small_ring = (flags & 0x80u) != 0u;
	delta = open_delta(data[1]);
	payload = data + 2;
	plen = size - 2u;
	c->ring = &env.ring[small_ring ? 1 : 0];
	c->max_ticket = small_ring ? OPEN_SMALL_MAX : 65535u;

	if (bypass) {
		/* Keys 5..7: key 0's crypto under a name no key has. */
		const tkt_key *k = &env.keys[key_idx < OPEN_KEYS ? key_idx : 0u];
		uint8_t name[TKT_KEY_NAME_LEN];
		sm_state_view v;
		size_t pad = 0;

		memcpy(name, k->name, sizeof name);
		if (key_idx >= OPEN_KEYS)
			name[0] ^= 0x80u;
		/* Centre the clock on the ticket's own timestamp, so that the
		   time checks go both ways. */
		if (k->suite != TKT_SUITE_AES256_GCM && plen % 16u == 0u)
			pad = open_pkcs7(payload, plen);
		if (plen >= 58u + pad && sm_state(payload, plen - pad, &v))
			now = v.timestamp;
		else if (pad != 0u && sm_state(payload, plen, &v))
			now = v.timestamp;
		c->ticket = open_make_ticket(k, name, payload, plen, bad_mac,
			&c->tlen);
		if (c->ticket == NULL)
			return 0;
	} else {
		c->tlen = plen;
		c->ticket = fz_alloc(plen);
		if (plen > 0u)
			memcpy(c->ticket, payload, plen);
	}
	if (delta < 0 && (uint64_t)(-delta) > now)
		now = 0;
	else
		now = delta < 0 ? now - (uint64_t)(-delta) : now + (uint64_t)delta;
	/* Key 4 lives only in [0, 2000): reach it from small timestamps. */
	if (key_idx == 4u && now > 3u * OPEN_SHORT_WINDOW)
		now %= 3u * OPEN_SHORT_WINDOW;
	c->now = now;

	c->pol.lifetime = 86400u;
	c->pol.renew_within = 3600u;
	c->pol.max_skew = 300u;
	c->pol.versions = open_versions;
	c->pol.n_versions = 2;
	c->pol.suites = open_suites;
	c->pol.n_suites = 3;

	/* The caller's buffer: the exact size, or one byte short. */
	c->cap = c->tlen;
	for (i = 0; i < OPEN_KEYS && c->tlen >= TKT_KEY_NAME_LEN; i++) {
		const tkt_key *k = &env.keys[i];
		sm_span iv, s, mac;

		if (memcmp(k->name, c->ticket, TKT_KEY_NAME_LEN) == 0 &&
		    sm_ticket(c->ticket, c->tlen, tkt_suite_iv_len(k->suite),
			tkt_suite_mac_len(k->suite), &iv, &s, &mac))
			c->cap = s.len - (short_cap && s.len > 0u ? 1u : 0u);
	}
	open_model(c->max_ticket, c->use_policy ? &c->pol : NULL, c->now,
		c->ticket, c->tlen, c->cap, &c->e);
	return 1;
}

static void open_case_free(open_case *c)
{
	free(c->e.plain);
	free(c->ticket);
}

/* For fuzz/classify.c: 1 if the model expects the input to open. */
int fz_open_expected_ok(const uint8_t *data, size_t size);
int fz_open_expected_ok(const uint8_t *data, size_t size)
{
	open_case c;
	int ok = 0;

	if (open_prepare(data, size, &c))
		ok = c.e.st == TKT_OK || c.e.st == TKT_OK_RENEW;
	open_case_free(&c);
	return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	open_case c;
	const open_expect *e = &c.e;
	size_t i;
	uint8_t *buf;
	tkt_state out;
	tkt_open_info info;
	tkt_seal_stats stats;
	tkt_status st;

	if (!open_prepare(data, size, &c)) {
		open_case_free(&c);
		return 0;
	}
	buf = fz_alloc(c.cap);
	memset(&out, FZ_CANARY, sizeof out);
	memset(&info, FZ_CANARY, sizeof info);
	memset(&stats, 0, sizeof stats);
	st = tkt_open(c.ring, c.use_policy ? &c.pol : NULL, c.now, c.ticket,
		c.tlen, buf, c.cap, &out, &info, &stats);
	if (st != e->st)
		fprintf(stderr, "tkt_open: %s, model: %s\n",
			tkt_strerror((int)st), tkt_strerror((int)e->st));
	FZ_CHECK(st == e->st);
	fz_check_status_named(st);
	FZ_CHECK((unsigned)st < (unsigned)TKT_STATUS_COUNT &&
		stats.by_status[st] == 1u);
	if (st == TKT_OK || st == TKT_OK_RENEW) {
		FZ_CHECK(e->plain != NULL);
		if (st == e->st && e->plain != NULL) {
			/* The plaintext the library decrypted is the model's. */
			FZ_CHECK(memcmp(buf, e->plain, e->n) == 0);
			open_check_state(&out, buf, &e->sv);
			FZ_CHECK(info.suite == e->key->suite);
			FZ_CHECK(memcmp(info.key_name, e->key->name,
				TKT_KEY_NAME_LEN) == 0);
			FZ_CHECK((info.decrypt_only != 0) == e->decrypt_only);
			FZ_CHECK(info.remaining == (e->remaining > UINT32_MAX ?
				UINT32_MAX : (uint32_t)e->remaining));
			open_reseal(c.ring, &out, c.now);
		}
	} else {
		/* Nothing written to the outputs; the buffer untouched before
		   decryption, zeroed after it. */
		FZ_CHECK(fz_untouched(&out, sizeof out));
		FZ_CHECK(fz_untouched(&info, sizeof info));
		if (e->decrypted && e->n <= c.cap) {
			for (i = 0; i < e->n; i++)
				FZ_CHECK(buf[i] == 0u);
			FZ_CHECK(fz_untouched(buf + e->n, c.cap - e->n));
		} else {
			FZ_CHECK(fz_untouched(buf, c.cap));
		}
	}
	free(buf);
	open_case_free(&c);
	return 0;
}
