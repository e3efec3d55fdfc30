/*
 * Ticket seal and open, and rejections: tkt against openssl-libssl and
 * limit (bench/openssl_ticket.h), for the rfc5077 and aes256-gcm suites
 * and states of 64, 160 and 1200 bytes.
 *
 * Fixture choices (stated because they decide the numbers):
 *   - tkt's ring holds 3 keys (current, previous, next: the usual
 *     rotation), so open compares 3 key names; OpenSSL has one key.
 *   - The contenders use the AES key length of the tkt suite they are
 *     compared with (rfc5077: AES-128; aes256-gcm: AES-256-CBC for
 *     openssl-libssl, AES-256-GCM for limit). libssl itself always uses
 *     AES-256-CBC, which is slower: this only makes the baseline faster.
 *   - tkt's open includes the strict StatePlaintext decode and the policy
 *     checks, and its seal the StatePlaintext encode and IV generation;
 *     the contenders start from / stop at plaintext bytes.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tkt/seal.h"

#include "bench.h"
#include "openssl_ticket.h"

#define NOW 1790000000u
#define TICKET_CAP 2048u
#define N_KEYS 3u

typedef struct suite_env {
	tkt_suite suite;
	const char *name;
	tkt_ring ring;
	tkt_ring_key slots[N_KEYS];
	tkt_key keys[N_KEYS];
	tkt_drbg drbg;
	tkt_policy policy;
	ossl_ticket_keys okeys;
	ossl_limit limit;
} suite_env;

typedef struct state_fixture {
	size_t target_len;
	tkt_state st;
	uint8_t bytes[1400];
	size_t len;
	uint8_t ms[TKT_MASTER_SECRET_LEN];
	uint8_t sni[TKT_STATE_NAME_MAX];
	uint8_t alpn[8];
	uint8_t certs[1400];
} state_fixture;

/* One operation's context: which suite and state, and the input/expected
   result for open. */
typedef struct seal_case {
	suite_env *env;
	state_fixture *sf;
	const uint8_t *ticket;
	size_t ticket_len;
	int want;
	uint8_t out[TICKET_CAP];
	uint8_t buf[TICKET_CAP];
} seal_case;

static suite_env envs[2];
static state_fixture states[3];
static const size_t state_sizes[3] = { 64, 160, 1200 };

/* Valid tickets of each contender, per suite and state, and the
   rejection variants (state 160). */
static uint8_t tkt_tickets[2][3][TICKET_CAP];
static size_t tkt_ticket_lens[2][3];
static uint8_t libssl_tickets[2][3][TICKET_CAP];
static size_t libssl_ticket_lens[2][3];
static uint8_t limit_tickets[2][3][TICKET_CAP];
static size_t limit_ticket_lens[2][3];
/* [suite][kind][contender]: kind 0 unknown name, 1 bad MAC */
static uint8_t bad_tickets[2][2][3][TICKET_CAP];
static size_t bad_ticket_lens[2][2][3];

static const uint16_t policy_versions[] = { 0x0303 };
static const uint16_t policy_suites[] = { 0xC02F, 0xC030, 0xCCA8 };

/* ---------------------------------------------------------------- fixtures */

static void fill(uint8_t *p, size_t n, uint8_t seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (uint8_t)(seed + i * 7u);
}

/* A state of exactly target_len bytes: 64 = anonymous + extended master
   secret; 160 = + server name and ALPN "http/1.1"; 1200 = a client
   certificate of the right length (DER framing only). */
static int make_state(state_fixture *f, size_t target_len)
{
	tkt_state *s = &f->st;
	size_t w = 0;

	memset(s, 0, sizeof *s);
	f->target_len = target_len;
	fill(f->ms, sizeof f->ms, 0x11);
	s->version = 0x0303;
	s->cipher_suite = 0xC02F;
	s->master_secret = f->ms;
	s->identity = TKT_IDENTITY_ANONYMOUS;
	s->timestamp = NOW - 100u;
	s->extended_ms = 1;
	if (target_len == 160) {
		size_t base, i;
		memcpy(f->alpn, "http/1.1", 8);
		s->alpn.ptr = f->alpn;
		s->alpn.len = 8;
		s->server_name.ptr = f->sni;
		s->server_name.len = 1;
		base = tkt_state_size(s) - 1u;
		for (i = 0; i < target_len - base; i++)
			f->sni[i] = (uint8_t)("abcdefghijklmnopqrstuvwxyz"[i % 26]);
		s->server_name.len = target_len - base;
	} else if (target_len == 1200) {
		size_t base, cert_len;
		s->identity = TKT_IDENTITY_CERTIFICATE;
		s->cert_list.ptr = f->certs;
		s->cert_list.len = 3u + 1u;
		f->certs[0] = 0;
		f->certs[1] = 0;
		f->certs[2] = 1;
		base = tkt_state_size(s) - 1u;
		cert_len = target_len - base;
		f->certs[0] = (uint8_t)(cert_len >> 16);
		f->certs[1] = (uint8_t)(cert_len >> 8);
		f->certs[2] = (uint8_t)cert_len;
		fill(f->certs + 3, cert_len, 0x30);
		f->certs[3] = 0x30;   /* SEQUENCE, long form, like a real cert */
		f->certs[4] = 0x82;
		f->certs[5] = (uint8_t)((cert_len - 4u) >> 8);
		f->certs[6] = (uint8_t)(cert_len - 4u);
		s->cert_list.len = 3u + cert_len;
	}
	if (tkt_state_encode(s, f->bytes, sizeof f->bytes, &w) != TKT_OK
	    || w != target_len) {
		fprintf(stderr, "bench: state of %zu bytes: got %zu\n",
			target_len, w);
		return -1;
	}
	f->len = w;
	return 0;
}

static int make_env(suite_env *e, tkt_suite suite)
{
	size_t i;

	memset(e, 0, sizeof *e);
	e->suite = suite;
	e->name = tkt_suite_name(suite);
	if (tkt_drbg_init(&e->drbg) != TKT_OK
	    || tkt_ring_init(&e->ring, e->slots, N_KEYS) != TKT_OK)
		return -1;
	for (i = 0; i < N_KEYS; i++) {
		/* key 0 encrypts; 1 and 2 are the previous ones, decrypt-only */
		if (tkt_key_generate(&e->keys[i], suite,
			NOW - 1000u * (i + 1u), &e->drbg) != TKT_OK)
			return -1;
		if (i != 0)
			e->keys[i].encrypt_for = 1;
		if (tkt_ring_add(&e->ring, &e->keys[i]) != TKT_OK)
			return -1;
	}
	e->policy.lifetime = 86400;
	e->policy.max_skew = 60;
	e->policy.versions = policy_versions;
	e->policy.n_versions = 1;
	e->policy.suites = policy_suites;
	e->policy.n_suites = 3;

	memcpy(e->okeys.name, e->keys[0].name, 16);
	memcpy(e->okeys.aes, e->keys[0].aes, e->keys[0].aes_len);
	e->okeys.aes_len = e->keys[0].aes_len;
	if (e->keys[0].hmac_len == 32)
		memcpy(e->okeys.hmac, e->keys[0].hmac, 32);
	else   /* GCM key: the CBC contender needs an HMAC key of its own */
		fill(e->okeys.hmac, 32, 0x5a);
	return ossl_limit_init(&e->limit, &e->okeys,
		suite == TKT_SUITE_AES256_GCM);
}

static int check_tkt_open(suite_env *e, const uint8_t *t, size_t len,
	const state_fixture *f, tkt_status want)
{
	static uint8_t buf[TICKET_CAP];
	uint8_t re[1400];
	tkt_state st;
	size_t w = 0;
	tkt_status s = tkt_open(&e->ring, &e->policy, NOW, t, len, buf,
		sizeof buf, &st, NULL, NULL);

	if (s != want) {
		fprintf(stderr, "bench: tkt_open %s: %s, want %s\n", e->name,
			tkt_status_name((int)s), tkt_status_name((int)want));
		return -1;
	}
	if (want == TKT_OK && (tkt_state_encode(&st, re, sizeof re, &w)
		!= TKT_OK || w != f->len || memcmp(re, f->bytes, w) != 0)) {
		fprintf(stderr, "bench: tkt_open %s: wrong state\n", e->name);
		return -1;
	}
	return 0;
}

int bench_seal_setup(void)
{
	size_t si, k, c;
	uint32_t hint;

	for (k = 0; k < 3; k++)
		if (make_state(&states[k], state_sizes[k]) != 0)
			return -1;
	if (make_env(&envs[0], TKT_SUITE_RFC5077) != 0
	    || make_env(&envs[1], TKT_SUITE_AES256_GCM) != 0)
		return -1;
	for (si = 0; si < 2; si++) {
		suite_env *e = &envs[si];
		for (k = 0; k < 3; k++) {
			state_fixture *f = &states[k];
			uint8_t plain[TICKET_CAP];
			size_t n = 0;

			if (tkt_seal(&e->ring, &e->drbg, &f->st, NOW, 86400,
				tkt_tickets[si][k], TICKET_CAP,
				&tkt_ticket_lens[si][k], &hint) != TKT_OK
			    || ossl_libssl_seal(&e->okeys, f->bytes, f->len,
				libssl_tickets[si][k], TICKET_CAP,
				&libssl_ticket_lens[si][k]) != OSSL_TICKET_OK
			    || ossl_limit_seal(&e->limit, f->bytes, f->len,
				limit_tickets[si][k], TICKET_CAP,
				&limit_ticket_lens[si][k]) != OSSL_TICKET_OK) {
				fprintf(stderr, "bench: seal setup failed\n");
				return -1;
			}
			/* Same construction, same bytes: each side opens the
			   other's ticket and gets the state back. */
			if (check_tkt_open(e, tkt_tickets[si][k],
				tkt_ticket_lens[si][k], f, TKT_OK) != 0
			    || check_tkt_open(e, limit_tickets[si][k],
				limit_ticket_lens[si][k], f, TKT_OK) != 0
			    || ossl_limit_open(&e->limit, tkt_tickets[si][k],
				tkt_ticket_lens[si][k], plain, sizeof plain, &n)
				!= OSSL_TICKET_OK || n != f->len
			    || memcmp(plain, f->bytes, n) != 0
			    || ossl_libssl_open(&e->okeys, libssl_tickets[si][k],
				libssl_ticket_lens[si][k], plain, &n)
				!= OSSL_TICKET_OK || n != f->len
			    || memcmp(plain, f->bytes, n) != 0) {
				fprintf(stderr, "bench: open cross-check failed "
					"(%s, %zu)\n", e->name, f->len);
				return -1;
			}
		}
		/* Rejections, on the 160-byte state's tickets. */
		for (c = 0; c < 3; c++) {
			const uint8_t *src = c == 0 ? tkt_tickets[si][1]
				: c == 1 ? libssl_tickets[si][1]
				: limit_tickets[si][1];
			size_t len = c == 0 ? tkt_ticket_lens[si][1]
				: c == 1 ? libssl_ticket_lens[si][1]
				: limit_ticket_lens[si][1];
			memcpy(bad_tickets[si][0][c], src, len);
			memcpy(bad_tickets[si][1][c], src, len);
			bad_ticket_lens[si][0][c] = len;
			bad_ticket_lens[si][1][c] = len;
			/* a key name no key has */
			fill(bad_tickets[si][0][c], 16, 0xC3);
			/* one bit of the MAC / tag */
			bad_tickets[si][1][c][len - 1] ^= 1u;
		}
		if (check_tkt_open(e, bad_tickets[si][0][0],
			bad_ticket_lens[si][0][0], NULL, TKT_ERR_NOT_OURS) != 0
		    || check_tkt_open(e, bad_tickets[si][1][0],
			bad_ticket_lens[si][1][0], NULL, TKT_ERR_BAD_MAC) != 0)
			return -1;
	}
	return 0;
}

/* ------------------------------------------------------------- operations */

static void op_tkt_seal(void *ctx, size_t iters)
{
	seal_case *c = ctx;
	size_t i, w = 0;
	uint32_t hint = 0;

	for (i = 0; i < iters; i++) {
		tkt_status s = tkt_seal(&c->env->ring, &c->env->drbg,
			&c->sf->st, NOW, 86400, c->out, sizeof c->out, &w, &hint);
		if (s != TKT_OK)
			bench_fail("tkt_seal", (int)s, TKT_OK);
	}
	bench_sink += c->out[w - 1];
}

static void op_tkt_open(void *ctx, size_t iters)
{
	seal_case *c = ctx;
	size_t i;
	tkt_state st;

	for (i = 0; i < iters; i++) {
		tkt_status s = tkt_open(&c->env->ring, &c->env->policy, NOW,
			c->ticket, c->ticket_len, c->buf, sizeof c->buf, &st,
			NULL, NULL);
		if ((int)s != c->want)
			bench_fail("tkt_open", (int)s, c->want);
	}
	bench_sink += c->buf[0];
}

static void op_libssl_seal(void *ctx, size_t iters)
{
	seal_case *c = ctx;
	size_t i, w = 0;

	for (i = 0; i < iters; i++) {
		int r = ossl_libssl_seal(&c->env->okeys, c->sf->bytes,
			c->sf->len, c->out, sizeof c->out, &w);
		if (r != OSSL_TICKET_OK)
			bench_fail("ossl_libssl_seal", r, OSSL_TICKET_OK);
	}
	bench_sink += c->out[w - 1];
}

static void op_libssl_open(void *ctx, size_t iters)
{
	seal_case *c = ctx;
	size_t i;

	for (i = 0; i < iters; i++) {
		int r = ossl_libssl_open(&c->env->okeys, c->ticket,
			c->ticket_len, NULL, NULL);
		if (r != c->want)
			bench_fail("ossl_libssl_open", r, c->want);
	}
}

static void op_limit_seal(void *ctx, size_t iters)
{
	seal_case *c = ctx;
	size_t i, w = 0;

	for (i = 0; i < iters; i++) {
		int r = ossl_limit_seal(&c->env->limit, c->sf->bytes,
			c->sf->len, c->out, sizeof c->out, &w);
		if (r != OSSL_TICKET_OK)
			bench_fail("ossl_limit_seal", r, OSSL_TICKET_OK);
	}
	bench_sink += c->out[w - 1];
}

static void op_limit_open(void *ctx, size_t iters)
{
	seal_case *c = ctx;
	size_t i, n = 0;

	for (i = 0; i < iters; i++) {
		int r = ossl_limit_open(&c->env->limit, c->ticket,
			c->ticket_len, c->buf, sizeof c->buf, &n);
		if (r != c->want)
			bench_fail("ossl_limit_open", r, c->want);
	}
	bench_sink += c->buf[0];
}

/* Reference pair explaining tkt_seal's profile: one 16-byte IV from
   tkt's generator against a bare getpid() system call (the generator
   checks the process id on every call, for fork safety). */
static void op_drbg_iv(void *ctx, size_t iters)
{
	suite_env *e = ctx;
	uint8_t iv[16];
	size_t i;

	for (i = 0; i < iters; i++) {
		tkt_status s = tkt_drbg_generate(&e->drbg, iv, sizeof iv);
		if (s != TKT_OK)
			bench_fail("tkt_drbg_generate", (int)s, TKT_OK);
	}
	bench_sink += iv[0];
}

static void op_getpid(void *ctx, size_t iters)
{
	size_t i;

	(void)ctx;
	for (i = 0; i < iters; i++)
		bench_sink += (uint32_t)getpid();
}

/* Contexts: [suite][state][contender] for seal and open; rejections
   [suite][kind][contender]. */
static seal_case seal_cases[2][3][3];
static seal_case open_cases[2][3][3];
static seal_case reject_cases[2][2][3];

static void build_cases(void)
{
	size_t si, k, c;
	static const int want_ok[3] = { TKT_OK, OSSL_TICKET_OK, OSSL_TICKET_OK };
	static const int want_name[3] = { TKT_ERR_NOT_OURS,
		OSSL_TICKET_NOT_OURS, OSSL_TICKET_NOT_OURS };
	static const int want_mac[3] = { TKT_ERR_BAD_MAC, OSSL_TICKET_BAD_MAC,
		OSSL_TICKET_BAD_MAC };

	for (si = 0; si < 2; si++) {
		for (k = 0; k < 3; k++) {
			for (c = 0; c < 3; c++) {
				seal_case *s = &seal_cases[si][k][c];
				seal_case *o = &open_cases[si][k][c];
				s->env = o->env = &envs[si];
				s->sf = o->sf = &states[k];
				o->want = want_ok[c];
				o->ticket = c == 0 ? tkt_tickets[si][k]
					: c == 1 ? libssl_tickets[si][k]
					: limit_tickets[si][k];
				o->ticket_len = c == 0 ? tkt_ticket_lens[si][k]
					: c == 1 ? libssl_ticket_lens[si][k]
					: limit_ticket_lens[si][k];
			}
		}
		for (k = 0; k < 2; k++) {
			for (c = 0; c < 3; c++) {
				seal_case *r = &reject_cases[si][k][c];
				r->env = &envs[si];
				r->sf = &states[1];
				r->ticket = bad_tickets[si][k][c];
				r->ticket_len = bad_ticket_lens[si][k][c];
				r->want = k == 0 ? want_name[c] : want_mac[c];
			}
		}
	}
}

static bench_op mk(const char *who, void (*run)(void *, size_t), void *ctx)
{
	bench_op op;

	op.who = who;
	op.run = run;
	op.ctx = ctx;
	return op;
}

static const bench_target no_target = { BENCH_NO_TARGET, 0 };

static bench_target ratio_at_most(double v)
{
	bench_target t;

	t.kind = BENCH_RATIO_AT_MOST;
	t.value = v;
	return t;
}

void bench_seal_run(void)
{
	size_t si, k;
	char name[96];

	build_cases();
	for (si = 0; si < 2; si++) {
		int gcm = envs[si].suite == TKT_SUITE_AES256_GCM;
		for (k = 0; k < 3; k++) {
			seal_case *o = open_cases[si][k];
			seal_case *s = seal_cases[si][k];
			bench_op t_open = mk("tkt", op_tkt_open, &o[0]);
			bench_op l_open = mk("openssl-libssl", op_libssl_open, &o[1]);
			bench_op m_open = mk("limit", op_limit_open, &o[2]);
			bench_op t_seal = mk("tkt", op_tkt_seal, &s[0]);
			bench_op l_seal = mk("openssl-libssl", op_libssl_seal, &s[1]);
			bench_op m_seal = mk("limit", op_limit_seal, &s[2]);

			snprintf(name, sizeof name, "open %s state=%zu",
				envs[si].name, state_sizes[k]);
			bench_pair(name, &t_open, &l_open, 0,
				ratio_at_most(gcm ? 0.15 : 0.6));
			bench_pair(name, &t_open, &m_open, 0,
				gcm ? ratio_at_most(0.5) : no_target);
			snprintf(name, sizeof name, "seal %s state=%zu",
				envs[si].name, state_sizes[k]);
			bench_pair(name, &t_seal, &l_seal, 0, no_target);
			bench_pair(name, &t_seal, &m_seal, 0, no_target);
		}
	}
	{
		bench_op d = mk("tkt", op_drbg_iv, &envs[0]);
		bench_op g = mk("getpid-syscall", op_getpid, NULL);
		bench_pair("reference drbg iv=16", &d, &g, 0, no_target);
	}
	for (si = 0; si < 2; si++) {
		for (k = 0; k < 2; k++) {
			seal_case *r = reject_cases[si][k];
			bench_op t = mk("tkt", op_tkt_open, &r[0]);
			bench_op l = mk("openssl-libssl", op_libssl_open, &r[1]);
			bench_op m = mk("limit", op_limit_open, &r[2]);
			bench_target tg = no_target;

			if (k == 0) {
				tg.kind = BENCH_NS_AT_MOST;
				tg.value = 30;
			}
			snprintf(name, sizeof name, "reject %s %s",
				k == 0 ? "unknown-key-name" : "bad-mac",
				envs[si].name);
			bench_pair(name, &t, &l, 0, tg);
			bench_pair(name, &t, &m, 0, tg);
		}
	}
}

size_t bench_seal_cg_ops(bench_named_op *out, size_t cap)
{
	static char names[32][64];
	size_t si, k, n = 0;

	build_cases();
	for (si = 0; si < 2 && n + 4 <= cap; si++) {
		for (k = 0; k < 3 && n + 2 <= cap; k++) {
			snprintf(names[n], sizeof names[n], "tkt_open/%s/%zu",
				envs[si].name, state_sizes[k]);
			out[n].name = names[n];
			out[n].op = mk("tkt", op_tkt_open, &open_cases[si][k][0]);
			out[n].bytes = 0;
			n++;
			snprintf(names[n], sizeof names[n], "tkt_seal/%s/%zu",
				envs[si].name, state_sizes[k]);
			out[n].name = names[n];
			out[n].op = mk("tkt", op_tkt_seal, &seal_cases[si][k][0]);
			out[n].bytes = 0;
			n++;
		}
		snprintf(names[n], sizeof names[n], "tkt_reject_name/%s",
			envs[si].name);
		out[n].name = names[n];
		out[n].op = mk("tkt", op_tkt_open, &reject_cases[si][0][0]);
		out[n].bytes = 0;
		n++;
		snprintf(names[n], sizeof names[n], "tkt_reject_mac/%s",
			envs[si].name);
		out[n].name = names[n];
		out[n].op = mk("tkt", op_tkt_open, &reject_cases[si][1][0]);
		out[n].bytes = 0;
		n++;
	}
	if (n < cap) {
		out[n].name = "tkt_drbg_generate/16";
		out[n].op = mk("tkt", op_drbg_iv, &envs[0]);
		out[n].bytes = 0;
		n++;
	}
	return n;
}

const uint8_t *bench_state_bytes(size_t idx, size_t *len)
{
	*len = states[idx].len;
	return states[idx].bytes;
}
