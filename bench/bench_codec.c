/*
 * Codec throughput: decode and encode of NewSessionTicket, the
 * SessionTicket extension and StatePlaintext, and finding extension 35 in
 * a 512-byte ClientHello, each against a memcpy of the same bytes (the
 * floor for anything that reads every byte once).
 *
 * The ClientHello is shaped like OpenSSL 3's TLS 1.2 ClientHello with a
 * ticket: 32-byte session ID, server_name, ec_point_formats,
 * supported_groups, session_ticket (a 242-byte ticket: rfc5077 suite,
 * 160-byte state), encrypt_then_mac, extended_master_secret,
 * signature_algorithms, and padding to 512 bytes in all.
 */
#include <stdio.h>
#include <string.h>

#include "tkt/codec.h"

#include "bench.h"

#define HELLO_LEN 512u
#define TICKET_LEN 242u

static uint8_t ticket[TICKET_LEN];
static uint8_t hello[HELLO_LEN];
static uint8_t nst_msg[4 + 4 + 2 + TICKET_LEN];
static size_t nst_len;
static const uint8_t *state_bytes[2];
static size_t state_lens[2];
static tkt_state state_values[2];
static tkt_nst nst_value;
static tkt_ext35 ext35_value;

/* memcpy through a pointer the compiler cannot see through: a real copy
   every time, as it would be for buffers of these sizes. */
static void *(*volatile copy_fn)(void *, const void *, size_t) = memcpy;

typedef struct codec_ctx {
	const uint8_t *src;
	size_t len;
	uint8_t dst[2048];
} codec_ctx;

/* ------------------------------------------------------------- fixtures */

typedef struct writer {
	uint8_t *p;
	size_t n, cap;
} writer;

static void put(writer *w, const uint8_t *b, size_t n)
{
	if (w->n + n <= w->cap)
		memcpy(w->p + w->n, b, n);
	w->n += n;
}

static void put8(writer *w, unsigned v)
{
	uint8_t b = (uint8_t)v;

	put(w, &b, 1);
}

static void put16(writer *w, size_t v)
{
	put8(w, (unsigned)(v / 256u));
	put8(w, (unsigned)(v % 256u));
}

static void put_ext(writer *w, unsigned type, const uint8_t *data, size_t n)
{
	put16(w, type);
	put16(w, n);
	put(w, data, n);
}

static int build_hello(void)
{
	static const uint8_t sni[] = { 0x00, 0x14, 0x00, 0x00, 0x11,
		'b', 'e', 'n', 'c', 'h', '.', 'e', 'x', 'a', 'm', 'p', 'l', 'e',
		'.', 'c', 'o', 'm' };
	static const uint8_t ecpf[] = { 0x03, 0x00, 0x01, 0x02 };
	static const uint8_t groups[] = { 0x00, 0x08, 0x00, 0x1d, 0x00, 0x17,
		0x00, 0x1e, 0x00, 0x18 };
	static const uint8_t sigalgs[] = { 0x00, 0x1c, 0x04, 0x03, 0x05, 0x03,
		0x06, 0x03, 0x08, 0x07, 0x08, 0x08, 0x08, 0x09, 0x08, 0x0a,
		0x08, 0x0b, 0x08, 0x04, 0x08, 0x05, 0x08, 0x06, 0x04, 0x01,
		0x05, 0x01, 0x06, 0x01 };
	static const uint8_t suites[] = { 0xc0, 0x2c, 0xc0, 0x30, 0x00, 0x9f,
		0xcc, 0xa9, 0xcc, 0xa8, 0xcc, 0xaa, 0xc0, 0x2b, 0xc0, 0x2f,
		0x00, 0x9e, 0xc0, 0x24, 0xc0, 0x28, 0x00, 0x6b, 0xc0, 0x23,
		0xc0, 0x27, 0x00, 0x67, 0x00, 0xff };
	uint8_t zeros[HELLO_LEN];
	uint8_t random[32 + 32];
	writer w;
	size_t i, ext_start, pad;
	tkt_hs hs;
	tkt_client_hello ch;
	tkt_ext35 e;
	size_t at = 0;

	memset(zeros, 0, sizeof zeros);
	for (i = 0; i < sizeof random; i++)
		random[i] = (uint8_t)(i * 29u + 3u);
	for (i = 0; i < TICKET_LEN; i++)
		ticket[i] = (uint8_t)(i * 13u + 0x41u);

	w.p = hello;
	w.cap = sizeof hello;
	w.n = 0;
	put8(&w, TKT_HS_CLIENT_HELLO);
	put8(&w, 0);
	put16(&w, HELLO_LEN - 4u);
	put16(&w, 0x0303);
	put(&w, random, 32);
	put8(&w, 32);              /* OpenSSL: SHA-256(ticket) */
	put(&w, random + 32, 32);
	put16(&w, sizeof suites);
	put(&w, suites, sizeof suites);
	put8(&w, 1);
	put8(&w, 0);
	ext_start = w.n;
	put16(&w, 0);              /* patched below */
	put_ext(&w, 0, sni, sizeof sni);
	put_ext(&w, 11, ecpf, sizeof ecpf);
	put_ext(&w, 10, groups, sizeof groups);
	put_ext(&w, TKT_EXT_SESSION_TICKET, ticket, TICKET_LEN);
	put_ext(&w, 22, NULL, 0);
	put_ext(&w, 23, NULL, 0);
	put_ext(&w, 13, sigalgs, sizeof sigalgs);
	pad = HELLO_LEN - w.n - 4u;
	put_ext(&w, 21, zeros, pad);
	if (w.n != HELLO_LEN)
		return -1;
	hello[ext_start] = (uint8_t)((w.n - ext_start - 2u) / 256u);
	hello[ext_start + 1] = (uint8_t)((w.n - ext_start - 2u) % 256u);

	if (tkt_hs_decode(hello, HELLO_LEN, &hs, &at) != TKT_OK
	    || tkt_client_hello_decode(hs.body.ptr, hs.body.len, &ch, &at)
		!= TKT_OK
	    || !ch.has_extensions || !ch.exts.has_ext35
	    || tkt_ext35_decode(ch.exts.ext35.ptr, ch.exts.ext35.len, 0, &e,
		&at) != TKT_OK
	    || e.form != TKT_EXT35_TICKET || e.ticket.len != TICKET_LEN
	    || memcmp(e.ticket.ptr, ticket, TICKET_LEN) != 0)
		return -1;
	return 0;
}

int bench_codec_setup(void)
{
	size_t at = 0, w = 0, k;

	if (build_hello() != 0) {
		fprintf(stderr, "bench: ClientHello fixture invalid\n");
		return -1;
	}
	nst_value.lifetime_hint = 86400;
	nst_value.ticket.ptr = ticket;
	nst_value.ticket.len = TICKET_LEN;
	if (tkt_nst_encode_msg(&nst_value, nst_msg, sizeof nst_msg, &nst_len)
		!= TKT_OK || nst_len != sizeof nst_msg)
		return -1;
	if (tkt_ext35_decode(ticket, TICKET_LEN, 0, &ext35_value, &at)
		!= TKT_OK)
		return -1;
	for (k = 0; k < 2; k++) {
		/* the 160- and 1200-byte states */
		state_bytes[k] = bench_state_bytes(k + 1, &state_lens[k]);
		if (tkt_state_decode(state_bytes[k], state_lens[k],
			&state_values[k], &at) != TKT_OK)
			return -1;
	}
	(void)w;
	return 0;
}

/* ------------------------------------------------------------ operations */

static void op_memcpy(void *ctx, size_t iters)
{
	codec_ctx *c = ctx;
	size_t i;

	for (i = 0; i < iters; i++)
		copy_fn(c->dst, c->src, c->len);
	bench_sink += c->dst[c->len - 1];
}

static void expect(const char *what, tkt_status s)
{
	if (s != TKT_OK)
		bench_fail(what, (int)s, TKT_OK);
}

/* Find the ticket in a ClientHello, as the server does: handshake header,
   hello body with its extensions walk (which locates ext 35 and rejects
   a duplicate), then the extension body. */
static void op_find_ext35(void *ctx, size_t iters)
{
	codec_ctx *c = ctx;
	size_t i, at;
	tkt_hs hs;
	tkt_client_hello ch;
	tkt_ext35 e;

	for (i = 0; i < iters; i++) {
		tkt_status s = tkt_hs_decode(c->src, c->len, &hs, &at);
		if (s == TKT_OK)
			s = tkt_client_hello_decode(hs.body.ptr, hs.body.len,
				&ch, &at);
		if (s == TKT_OK)
			s = ch.exts.has_ext35 ? tkt_ext35_decode(ch.exts.ext35.ptr,
				ch.exts.ext35.len, 0, &e, &at) : TKT_ERR_ARG;
		expect("find ext35", s);
	}
	bench_sink += (uint32_t)e.ticket.len;
}

static void op_nst_decode(void *ctx, size_t iters)
{
	codec_ctx *c = ctx;
	size_t i, at;
	tkt_nst v;

	for (i = 0; i < iters; i++)
		expect("tkt_nst_decode_msg",
			tkt_nst_decode_msg(c->src, c->len, &v, &at));
	bench_sink += v.lifetime_hint;
}

static void op_nst_encode(void *ctx, size_t iters)
{
	codec_ctx *c = ctx;
	size_t i, w = 0;

	for (i = 0; i < iters; i++)
		expect("tkt_nst_encode_msg", tkt_nst_encode_msg(&nst_value,
			c->dst, sizeof c->dst, &w));
	bench_sink += c->dst[w - 1];
}

static void op_ext35_decode(void *ctx, size_t iters)
{
	codec_ctx *c = ctx;
	size_t i, at;
	tkt_ext35 v;

	for (i = 0; i < iters; i++)
		expect("tkt_ext35_decode",
			tkt_ext35_decode(c->src, c->len, 0, &v, &at));
	bench_sink += (uint32_t)v.ticket.len;
}

static void op_ext35_encode(void *ctx, size_t iters)
{
	codec_ctx *c = ctx;
	size_t i, w = 0;

	for (i = 0; i < iters; i++)
		expect("tkt_ext35_encode", tkt_ext35_encode(&ext35_value,
			c->dst, sizeof c->dst, &w));
	bench_sink += c->dst[w - 1];
}

static void op_state_decode(void *ctx, size_t iters)
{
	codec_ctx *c = ctx;
	size_t i, at;
	tkt_state v;

	for (i = 0; i < iters; i++)
		expect("tkt_state_decode",
			tkt_state_decode(c->src, c->len, &v, &at));
	bench_sink += v.timestamp;
}

/* ctx->src selects which state value (by its bytes) is encoded. */
static void op_state_encode(void *ctx, size_t iters)
{
	codec_ctx *c = ctx;
	const tkt_state *v = c->src == state_bytes[0] ? &state_values[0]
		: &state_values[1];
	size_t i, w = 0;

	for (i = 0; i < iters; i++)
		expect("tkt_state_encode",
			tkt_state_encode(v, c->dst, sizeof c->dst, &w));
	bench_sink += c->dst[w - 1];
}

typedef struct codec_case {
	const char *name;
	void (*run)(void *, size_t);
	int which;   /* 0 hello, 1 nst, 2 ticket, 3 state 160, 4 state 1200 */
	int is_target;
} codec_case;

static const codec_case cases[] = {
	{ "codec find-ext35 clienthello=512", op_find_ext35, 0, 1 },
	{ "codec nst decode msg=252", op_nst_decode, 1, 0 },
	{ "codec nst encode msg=252", op_nst_encode, 1, 0 },
	{ "codec ext35 decode ticket=242", op_ext35_decode, 2, 0 },
	{ "codec ext35 encode ticket=242", op_ext35_encode, 2, 0 },
	{ "codec state decode state=160", op_state_decode, 3, 0 },
	{ "codec state encode state=160", op_state_encode, 3, 0 },
	{ "codec state decode state=1200", op_state_decode, 4, 0 },
	{ "codec state encode state=1200", op_state_encode, 4, 0 },
};
#define N_CASES (sizeof cases / sizeof cases[0])

static codec_ctx ctxs[N_CASES];
static codec_ctx copy_ctxs[N_CASES];

static void setup_ctx(size_t i)
{
	const uint8_t *src;
	size_t len;

	switch (cases[i].which) {
	case 0: src = hello; len = HELLO_LEN; break;
	case 1: src = nst_msg; len = nst_len; break;
	case 2: src = ticket; len = TICKET_LEN; break;
	case 3: src = state_bytes[0]; len = state_lens[0]; break;
	default: src = state_bytes[1]; len = state_lens[1]; break;
	}
	ctxs[i].src = copy_ctxs[i].src = src;
	ctxs[i].len = copy_ctxs[i].len = len;
}

void bench_codec_run(void)
{
	size_t i;

	for (i = 0; i < N_CASES; i++) {
		bench_op op, base;
		bench_target t;

		setup_ctx(i);
		op.who = "tkt";
		op.run = cases[i].run;
		op.ctx = &ctxs[i];
		base.who = "memcpy";
		base.run = op_memcpy;
		base.ctx = &copy_ctxs[i];
		t.kind = cases[i].is_target ? BENCH_GBPS_AT_LEAST
			: BENCH_NO_TARGET;
		t.value = cases[i].is_target ? 2.0 : 0;
		bench_pair(cases[i].name, &op, &base, ctxs[i].len, t);
	}
}

size_t bench_codec_cg_ops(bench_named_op *out, size_t cap)
{
	static char names[2 * N_CASES][64];
	size_t i, n = 0;

	for (i = 0; i < N_CASES && n + 2 <= cap; i++) {
		setup_ctx(i);
		snprintf(names[n], sizeof names[n], "%s", cases[i].name + 6);
		out[n].name = names[n];
		out[n].op.who = "tkt";
		out[n].op.run = cases[i].run;
		out[n].op.ctx = &ctxs[i];
		out[n].bytes = ctxs[i].len;
		n++;
		snprintf(names[n], sizeof names[n], "memcpy %zu", ctxs[i].len);
		out[n].name = names[n];
		out[n].op.who = "memcpy";
		out[n].op.run = op_memcpy;
		out[n].op.ctx = &copy_ctxs[i];
		out[n].bytes = ctxs[i].len;
		n++;
	}
	return n;
}
