/*
 * fuzz/make_bearssl_seeds.c -- the seeds of corpus/bearssl/ (the
 * fuzz_bearssl target), which fuzz/make_seeds.py cannot make: their
 * ClientHellos come from a real tkt client on BearSSL and their tickets
 * are sealed with the harness's key ring, so they must be built with the
 * library itself.
 *
 *   bash fuzz/run.sh bearssl-seeds    (builds and runs this program)
 *
 * Each seed's intended label (valid: the server accepts the ticket, or the
 * client receives a NewSessionTicket; see fuzz/classify.c) is checked
 * against what the harness computes; a disagreement stops the program.
 * Files named fuzz-* and their README lines are kept. Ticket IVs come
 * from the OS generator, so regenerating changes the ticket bytes (not
 * what the seeds exercise).
 */
#define FB_NO_ENTRY
#include "fuzz_bearssl.c"

#include <dirent.h>
#include <sys/stat.h>

int main(int argc, char **argv);

#define G_MAX 65600u

typedef struct gbuf {
	uint8_t b[G_MAX];
	size_t n;
} gbuf;

static const char *g_root;
static FILE *g_readme[2];
static unsigned g_count[2];
static char *g_keep[2];

static void put(gbuf *g, const void *p, size_t n)
{
	if (n > G_MAX - g->n)
		abort();
	memcpy(g->b + g->n, p, n);
	g->n += n;
}

static void put8(gbuf *g, unsigned v)
{
	uint8_t b = (uint8_t)v;
	put(g, &b, 1);
}

static void put16(gbuf *g, unsigned v)
{
	put8(g, v >> 8);
	put8(g, v & 0xFFu);
}

static void put24(gbuf *g, size_t v)
{
	put8(g, (unsigned)(v >> 16) & 0xFFu);
	put16(g, (unsigned)(v & 0xFFFFu));
}

/* A record of `type` around payload p[0..n). */
static void record(gbuf *g, unsigned type, const uint8_t *p, size_t n)
{
	put8(g, type);
	put16(g, 0x0303);
	put16(g, (unsigned)n);
	put(g, p, n);
}

/* Handshake bytes as records of at most `frag` bytes each. */
static void hs_records(gbuf *g, const uint8_t *p, size_t n, size_t frag)
{
	while (n > 0) {
		size_t k = n < frag ? n : frag;
		record(g, 22, p, k);
		p += k;
		n -= k;
	}
}

static void ccs_finished(gbuf *g)
{
	static const uint8_t ccs = 1;
	uint8_t fin[40];
	size_t i;

	record(g, 20, &ccs, 1);
	for (i = 0; i < sizeof fin; i++)
		fin[i] = (uint8_t)(0xF0u ^ i);
	record(g, 22, fin, sizeof fin);
}

/* ---- ClientHellos from a real tkt client ---- */

/*
 * What a tkt client on BearSSL sends first: ticket[0..tlen) (none if 0)
 * offered with an ID of sid_len bytes (0: 32), with ALPN "h2" if alpn.
 * Returns the handshake message (header + body) in msg.
 */
static void client_hello(const uint8_t *ticket, size_t tlen, unsigned sid_len,
	int alpn, gbuf *msg)
{
	tkt_br_io io;
	size_t n, at = 0, mlen = 0;
	const uint8_t *m = NULL;
	static const uint8_t seed[] = "make_bearssl_seeds";

	br_ssl_client_init_full(&fs.cc, &fs.xc, NULL, 0);
	br_ssl_engine_set_buffer(&fs.cc.eng, fs.iobuf, sizeof fs.iobuf, 1);
	if (alpn)
		br_ssl_engine_set_protocol_names(&fs.cc.eng, fb_alpn_client, 1);
	fb_seed_engine(&fs.cc.eng, seed, sizeof seed);
	memset(&fs.sess, 0, sizeof fs.sess);
	if (tlen > 0) {
		fs.sess.params.version = BR_TLS12;
		fs.sess.params.cipher_suite =
			BR_TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256;
		memset(fs.sess.params.master_secret, 0x42, 48);
		memcpy(fs.sess.ticket, ticket, tlen);
		fs.sess.ticket_len = tlen;
		fs.sess.sid_len = (uint8_t)sid_len;
	}
	io.read = fb_read;
	io.write = fb_write;
	io.ctx = NULL;
	fs.in_len = 0;
	fs.out_len = 0;
	if (tkt_br_client_start(&fs.conn, &fs.cc, &fs.sess, "fuzz.example",
		&io) != TKT_OK)
		abort();
	(void)tkt_br_handshake(&fs.conn);
	tkt_br_conn_wipe(&fs.conn);
	n = fb_hs_stream(fs.out, fs.out_len, 1, fb_ostream, sizeof fb_ostream);
	if (!fb_find_msg(fb_ostream, n, &at, TKT_HS_CLIENT_HELLO, &m, &mlen))
		abort();
	msg->n = 0;
	put(msg, m, mlen);
}

/* A ticket sealed with the harness's ring at FB_BASE + dt; key 1 (the
   decrypt-only one) seals through a ring of its own. */
static size_t seal_ticket(uint8_t *out, size_t cap, uint16_t suite,
	const char *alpn, int key1, uint32_t dt)
{
	tkt_state st;
	uint8_t ms[48];
	size_t len = 0;
	uint32_t hint;
	const tkt_ring *r = &fb.ring;
	tkt_ring r1;
	tkt_ring_key s1[1];
	tkt_key k1;

	memset(&st, 0, sizeof st);
	memset(ms, 0x42, sizeof ms);
	st.version = BR_TLS12;
	st.cipher_suite = suite;
	st.master_secret = ms;
	st.identity = TKT_IDENTITY_ANONYMOUS;
	st.timestamp = FB_BASE + dt;
	st.server_name.ptr = (const uint8_t *)"fuzz.example";
	st.server_name.len = 12;
	if (alpn != NULL) {
		st.alpn.ptr = (const uint8_t *)alpn;
		st.alpn.len = strlen(alpn);
	}
	if (key1) {
		fb_make_key(&k1, 1, TKT_FOREVER);
		if (tkt_ring_init(&r1, s1, 1) != TKT_OK
			|| tkt_ring_add(&r1, &k1) != TKT_OK)
			abort();
		r = &r1;
	}
	if (tkt_seal(r, &fb.rng, &st, FB_BASE + dt, FB_LIFETIME, out, cap,
		&len, &hint) != TKT_OK)
		abort();
	if (key1)
		tkt_ring_clear(&r1);
	return len;
}

/* ---- output ---- */

static int label_of(const uint8_t *b, size_t n);

static void emit(const char *name, int valid, const gbuf *g, const char *why)
{
	char path[512];
	FILE *f;
	int got = label_of(g->b, g->n);

	if (got != valid) {
		fprintf(stderr, "make_bearssl_seeds: %s: meant %s, harness says "
			"%s\n", name, valid ? "valid" : "invalid",
			got ? "valid" : "invalid");
		exit(1);
	}
	snprintf(path, sizeof path, "%s/%s/%s", g_root,
		valid ? "valid" : "invalid", name);
	f = fopen(path, "wb");
	if (f == NULL || fwrite(g->b, 1, g->n, f) != g->n || fclose(f) != 0) {
		perror(path);
		exit(1);
	}
	fprintf(g_readme[valid], "- `%s` (%zu B): %s\n", name, g->n, why);
	g_count[valid]++;
}

static int label_of(const uint8_t *b, size_t n)
{
	fb_run run;

	fb_one(b, n, &run);
	return fb_label(b, n, &run);
}

/* ---- server-side seeds: the input is the client ---- */

static void head(gbuf *g, unsigned flags, unsigned t)
{
	g->n = 0;
	put8(g, flags);
	put8(g, t);
}

/* time byte for now = FB_BASE + s */
#define T_AT(s) ((unsigned)(((s) + 120) / 60))

static gbuf g, m, m2;

static void server_seeds(void)
{
	uint8_t tk[TKT_BR_TICKET_MAX], tk1[TKT_BR_TICKET_MAX];
	uint8_t tke[TKT_BR_TICKET_MAX], tka[TKT_BR_TICKET_MAX];
	size_t tl, tl1, tle, tla, i;
	static const char *caps[] = { "openssl", "gnutls" };

	tl = seal_ticket(tk, sizeof tk, BR_TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256,
		NULL, 0, 0);
	tl1 = seal_ticket(tk1, sizeof tk1,
		BR_TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256, NULL, 1, 0);
	tle = seal_ticket(tke, sizeof tke,
		BR_TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, NULL, 0, 0);
	tla = seal_ticket(tka, sizeof tka,
		BR_TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256, "h2", 0, 0);

	client_hello(NULL, 0, 0, 0, &m);
	head(&g, 0x00, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	emit("s-full-ask", 0, &g, "server: a tkt/BearSSL client's ClientHello asking for a ticket (empty extension 35): full handshake, a ticket promised");

	client_hello(tk, tl, 0, 0, &m);
	head(&g, 0x00, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	ccs_finished(&g);
	emit("s-resume", 1, &g, "server: ClientHello with a ticket of the harness ring and ID SHA-256(ticket), then ChangeCipherSpec and a forged Finished: resumption");
	head(&g, 0x02, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	ccs_finished(&g);
	emit("s-resume-renew-always", 1, &g, "server: resumption with renew = always: NewSessionTicket before the server's ChangeCipherSpec");
	head(&g, 0x04, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	emit("s-resume-renew-never", 1, &g, "server: resumption with renew = never");
	head(&g, 0x00, T_AT(6000));
	hs_records(&g, m.b, m.n, 16384);
	emit("s-resume-renew-time", 1, &g, "server: 6000 s after issue, less than renew_within (1800 s) left: OK_RENEW, renewed");
	head(&g, 0x00, T_AT(7200));
	hs_records(&g, m.b, m.n, 16384);
	emit("s-resume-expired", 0, &g, "server: exactly the lifetime (7200 s) after issue: expired, full handshake");
	head(&g, 0x00, 0);
	hs_records(&g, m.b, m.n, 16384);
	emit("s-resume-future", 0, &g, "server: ticket 120 s in the future (tkt_open's skew 300 s allows it, the integration's 60 s does not)");
	head(&g, 0x00, 1);
	hs_records(&g, m.b, m.n, 16384);
	emit("s-resume-future-60", 1, &g, "server: ticket exactly 60 s in the future: the largest skew allowed");
	head(&g, 0x20, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	emit("s-resume-tls12only", 1, &g, "server: TLS 1.2 only: the session's version is allowed");
	head(&g, 0x40, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	emit("s-resume-no-ticketer", 0, &g, "server: tickets disabled: the ticket is ignored");
	head(&g, 0x10, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	emit("s-resume-suite-refused", 0, &g, "server: default (ECDHE) suites: the ticket's static-ECDH suite is not allowed");
	head(&g, 0x08, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	emit("s-resume-alpn-server-only", 1, &g, "server: ALPN configured, the client offers none, the session has none: accepted");
	/* the same ClientHello over several records, and split headers */
	head(&g, 0x00, T_AT(0));
	hs_records(&g, m.b, m.n, 100);
	emit("s-resume-split100", 1, &g, "server: the ClientHello over records of 100 bytes (assembly)");
	head(&g, 0x00, T_AT(0));
	hs_records(&g, m.b, 2, 16384);
	hs_records(&g, m.b + 2, m.n - 2u, 16384);
	emit("s-resume-split-header", 1, &g, "server: first record holds 2 bytes of the handshake header");
	head(&g, 0x00, T_AT(0));
	m2.n = 0;
	put(&m2, m.b, m.n);
	put(&m2, m.b, m.n);
	hs_records(&g, m2.b, m2.n, 16384);
	emit("s-resume-two-hellos", 1, &g, "server: two ClientHellos in one record (the second goes to the engine, which refuses it)");
	head(&g, 0x00, T_AT(0));
	hs_records(&g, m.b, m.n - 1u, 16384);
	emit("s-resume-truncated", 0, &g, "server: ClientHello missing its last byte, then end of stream");
	head(&g, 0x00, T_AT(0));
	record(&g, 23, m.b, m.n);
	emit("s-appdata-first", 0, &g, "server: the ClientHello bytes in an application_data record: passed through untouched");

	client_hello(tk, tl, 16, 0, &m);
	head(&g, 0x00, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	ccs_finished(&g);
	emit("s-resume-sid16", 1, &g, "server: 16-byte session ID (older Go): synthetic ID for the engine, the ServerHello echoes the 16 bytes (Ticketbleed)");
	client_hello(tk, tl, 1, 0, &m);
	head(&g, 0x00, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	emit("s-resume-sid1", 1, &g, "server: 1-byte session ID: echoed exactly, never padded to 32 (CVE-2016-9244)");
	client_hello(tk, tl, 31, 0, &m);
	head(&g, 0x02, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	emit("s-resume-sid31-renew", 1, &g, "server: 31-byte session ID and renew = always");

	client_hello(tk1, tl1, 0, 0, &m);
	head(&g, 0x00, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	emit("s-resume-decrypt-only-key", 1, &g, "server: ticket of the decrypt-only key: OK_RENEW, a new ticket with the encrypting key");
	client_hello(tke, tle, 0, 0, &m);
	head(&g, 0x10, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	emit("s-resume-ecdhe", 1, &g, "server: default suites, ECDHE-ECDSA session: accepted");
	client_hello(tka, tla, 0, 1, &m);
	head(&g, 0x08, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	emit("s-resume-alpn", 1, &g, "server: ALPN h2 offered, configured and in the session: accepted");
	head(&g, 0x00, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	emit("s-resume-alpn-unconfigured", 0, &g, "server: session made with ALPN h2, server without ALPN now: refused");
	client_hello(tk, tl, 0, 1, &m);
	head(&g, 0x08, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	emit("s-resume-alpn-differs", 0, &g, "server: the client offers h2, the server would select it, the session has none: refused");

	/* a bad MAC: the last byte of the ticket flipped */
	tk[tl - 1u] ^= 1u;
	client_hello(tk, tl, 0, 0, &m);
	head(&g, 0x00, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	emit("s-bad-mac", 0, &g, "server: ticket with its last byte flipped: refused (bad MAC), full handshake");
	tk[tl - 1u] ^= 1u;
	client_hello(tk, 33, 0, 0, &m);
	head(&g, 0x00, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	emit("s-short-ticket", 0, &g, "server: the first 33 bytes of a ticket: too short for any key");

	/* the real captures, one record each */
	for (i = 0; i < 2; i++) {
		char p[256], name[64], why[160];
		FILE *f;
		uint8_t buf[4096];
		size_t n;
		const char *which[2] = { "full_client_hello", "resume_client_hello" };
		size_t j;

		for (j = 0; j < 2; j++) {
			snprintf(p, sizeof p, "%s/../captures/%s/%s.bin", g_root,
				caps[i], which[j]);
			f = fopen(p, "rb");
			if (f == NULL) {
				perror(p);
				exit(1);
			}
			n = fread(buf, 1, sizeof buf, f);
			fclose(f);
			head(&g, 0x00, T_AT(0));
			hs_records(&g, buf, n, 16384);
			snprintf(name, sizeof name, "s-%s-%s", caps[i],
				j ? "resume" : "full");
			snprintf(why, sizeof why, "server: corpus/captures/%s/%s.bin in one record (%s: a foreign ticket, not ours)",
				caps[i], which[j], j ? "resumption" : "asks for a ticket");
			emit(name, 0, &g, why);
		}
	}

	/* an oversized ClientHello: padding extension to 9000 bytes */
	client_hello(NULL, 0, 0, 0, &m);
	{
		tkt_client_hello ch;
		size_t at, w, hw;
		static uint8_t body[12000], exts[10000];
		size_t el = 0;

		if (tkt_client_hello_decode(m.b + 4, m.n - 4u, &ch, &at) != TKT_OK)
			abort();
		memcpy(exts + 2, ch.exts.list.ptr, ch.exts.list.len);
		el = 2u + ch.exts.list.len;
		exts[el++] = 0x00;
		exts[el++] = 0x15;
		exts[el++] = (uint8_t)(9000u >> 8);
		exts[el++] = (uint8_t)(9000u & 0xFFu);
		memset(exts + el, 0, 9000);
		el += 9000;
		exts[0] = (uint8_t)((el - 2u) >> 8);
		exts[1] = (uint8_t)((el - 2u) & 0xFFu);
		if (tkt_exts_decode(exts, el, &ch.exts, &at) != TKT_OK)
			abort();
		if (tkt_client_hello_encode(&ch, body + 4, sizeof body - 4u, &w)
			!= TKT_OK || tkt_hs_encode_header(TKT_HS_CLIENT_HELLO, w,
			body, 4, &hw) != TKT_OK)
			abort();
		head(&g, 0x00, T_AT(0));
		hs_records(&g, body, 4u + w, 16384);
		emit("s-oversized-hello", 0, &g, "server: a ClientHello of 9 kB (padding extension) above TKT_BR_HELLO_MAX: handed to the engine untouched");
	}

	head(&g, 0x00, T_AT(0));
	{
		static const uint8_t v2[] = { 0x80, 0x2e, 0x01, 0x03, 0x01,
			0x00, 0x15, 0x00, 0x00, 0x00, 0x10 };
		put(&g, v2, sizeof v2);
		for (i = 0; i < 21u + 16u; i++)
			put8(&g, i);
	}
	emit("s-sslv2-hello", 0, &g, "server: an SSLv2-format ClientHello header (not a TLS record)");
	head(&g, 0x00, T_AT(0));
	put8(&g, 22);
	put16(&g, 0x0301);
	emit("s-truncated-record-header", 0, &g, "server: 3 bytes of a record header, then end of stream");
	head(&g, 0x00, T_AT(0));
	put8(&g, 22);
	put16(&g, 0x0303);
	put16(&g, 0xFFFF);
	emit("s-record-too-long", 0, &g, "server: a record header announcing 65535 bytes (more than any TLS record)");
}

/* ---- client-side seeds: the input is the server ---- */

static void server_hello(gbuf *o, const uint8_t *sid, size_t sid_len,
	unsigned suite, int ext35, int ext35_nonempty)
{
	gbuf *b = &m2;
	size_t i, el;

	b->n = 0;
	put16(b, 0x0303);
	for (i = 0; i < 32; i++)
		put8(b, 0x20u + i);
	put8(b, (unsigned)sid_len);
	put(b, sid, sid_len);
	put16(b, suite);
	put8(b, 0);
	el = 5u + (ext35 ? 4u + (ext35_nonempty ? 1u : 0u) : 0u);
	put16(b, (unsigned)el);
	put16(b, 0xFF01);
	put16(b, 1);
	put8(b, 0);
	if (ext35) {
		put16(b, 35);
		put16(b, ext35_nonempty ? 1u : 0u);
		if (ext35_nonempty)
			put8(b, 0);
	}
	put8(o, TKT_HS_SERVER_HELLO);
	put24(o, b->n);
	put(o, b->b, b->n);
}

static void nst(gbuf *o, uint32_t hint, size_t tlen)
{
	size_t i;

	put8(o, TKT_HS_NEW_SESSION_TICKET);
	put24(o, 6u + tlen);
	put16(o, (unsigned)(hint >> 16));
	put16(o, (unsigned)(hint & 0xFFFFu));
	put16(o, (unsigned)tlen);
	for (i = 0; i < tlen; i++)
		put8(o, (unsigned)(i * 13u + 5u));
}

static void client_seeds(void)
{
	uint8_t sid[32];
	br_sha256_context h;
	unsigned suite = BR_TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256;
	static const uint8_t newsid[32] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
	size_t i;

	fb_client_session(&fs.sess, 0x02);
	br_sha256_init(&h);
	br_sha256_update(&h, fs.sess.ticket, fs.sess.ticket_len);
	br_sha256_out(&h, sid);

	/* resumption: ServerHello (echo, ext 35), NewSessionTicket, CCS */
	m.n = 0;
	server_hello(&m, sid, 32, suite, 1, 0);
	nst(&m, 3600, 80);
	head(&g, 0x03, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	ccs_finished(&g);
	emit("c-resume-nst", 1, &g, "client: resumption accepted, a new ticket (80 B) before ChangeCipherSpec, forged Finished");
	head(&g, 0x03, T_AT(0));
	hs_records(&g, m.b, m.n, 50);
	ccs_finished(&g);
	emit("c-resume-nst-split50", 1, &g, "client: the same over 50-byte records (messages and headers split)");
	head(&g, 0x03, T_AT(0));
	hs_records(&g, m.b, 3, 16384);
	hs_records(&g, m.b + 3, m.n - 3u, 16384);
	ccs_finished(&g);
	emit("c-resume-nst-split-header", 1, &g, "client: the first record holds 3 bytes of the ServerHello header");

	m.n = 0;
	server_hello(&m, sid, 16, suite, 1, 0);
	nst(&m, 7200, 200);
	head(&g, 0x07, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	ccs_finished(&g);
	emit("c-resume-sid16", 1, &g, "client: ticket offered with a 16-byte ID, echoed: resumption and a 200-byte ticket");

	m.n = 0;
	server_hello(&m, sid, 32, suite, 1, 0);
	nst(&m, 0, 0);
	head(&g, 0x03, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	ccs_finished(&g);
	emit("c-resume-empty-nst", 1, &g, "client: an empty NewSessionTicket (the server keeps the old ticket, RFC 5077 3.3)");

	m.n = 0;
	server_hello(&m, sid, 32, suite, 1, 0);
	nst(&m, 3600, TKT_BR_TICKET_MAX);
	head(&g, 0x03, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	emit("c-resume-nst-max", 1, &g, "client: a ticket of TKT_BR_TICKET_MAX (2048) bytes, the largest kept");
	m.n = 0;
	server_hello(&m, sid, 32, suite, 1, 0);
	nst(&m, 3600, TKT_BR_TICKET_MAX + 1u);
	head(&g, 0x03, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	emit("c-resume-nst-too-big", 0, &g, "client: a 2049-byte ticket: not kept, the handshake goes on");
	m.n = 0;
	server_hello(&m, sid, 32, suite, 1, 0);
	nst(&m, 3600, 65000);
	head(&g, 0x03, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	emit("c-resume-nst-65000", 0, &g, "client: a 65000-byte ticket over four records (near the CVE-2015-5291 size; the whole input stays under -max_len)");

	m.n = 0;
	server_hello(&m, sid, 32, suite, 0, 0);
	head(&g, 0x03, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	ccs_finished(&g);
	emit("c-resume-no-ext35", 0, &g, "client: resumption without extension 35: no NewSessionTicket expected");
	m.n = 0;
	server_hello(&m, sid, 32, suite, 0, 0);
	nst(&m, 3600, 80);
	head(&g, 0x03, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	emit("c-nst-unannounced", 0, &g, "client: a NewSessionTicket the ServerHello did not announce: refused");
	m.n = 0;
	server_hello(&m, sid, 32, suite, 1, 1);
	nst(&m, 3600, 80);
	head(&g, 0x03, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	emit("c-ext35-not-empty", 0, &g, "client: a ServerHello whose extension 35 is not empty: refused");
	m.n = 0;
	server_hello(&m, sid, 32, suite, 1, 0);
	nst(&m, 3600, 80);
	nst(&m, 3600, 80);
	head(&g, 0x03, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	emit("c-two-nst", 1, &g, "client: two NewSessionTickets: the second is refused (the first was kept)");
	m.n = 0;
	server_hello(&m, sid, 32, suite, 1, 0);
	head(&g, 0x03, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	ccs_finished(&g);
	emit("c-nst-missing", 0, &g, "client: announced NewSessionTicket missing before ChangeCipherSpec: refused");

	/* full handshake: ServerHello, Certificate, ServerHelloDone; then
	   (after the client's flight) NewSessionTicket, CCS, Finished */
	m.n = 0;
	server_hello(&m, newsid, 32, suite, 1, 0);
	put8(&m, 11);
	put24(&m, 3u + 3u + sizeof fb_cert_der);
	put24(&m, 3u + sizeof fb_cert_der);
	put24(&m, sizeof fb_cert_der);
	put(&m, fb_cert_der, sizeof fb_cert_der);
	put8(&m, 14);
	put24(&m, 0);
	head(&g, 0x01, T_AT(0));
	hs_records(&g, m.b, m.n, 16384);
	m.n = 0;
	nst(&m, 3600, 120);
	hs_records(&g, m.b, m.n, 16384);
	ccs_finished(&g);
	emit("c-full-nst", 1, &g, "client: full handshake (static ECDH, known server key), then a 120-byte ticket");
	head(&g, 0x09, T_AT(0));
	m.n = 0;
	server_hello(&m, newsid, 32, suite, 1, 0);
	hs_records(&g, m.b, m.n, 16384);
	emit("c-full-alpn-sh-only", 0, &g, "client: offers ALPN h2; only a ServerHello arrives");

	/* the captures: a foreign ServerHello and NewSessionTicket */
	for (i = 0; i < 2; i++) {
		static const char *caps[] = { "openssl", "gnutls" };
		char p[256], name[64], why[200];
		FILE *f;
		static uint8_t buf[8192];
		size_t n;

		m.n = 0;
		snprintf(p, sizeof p, "%s/../captures/%s/full_server_hello.bin",
			g_root, caps[i]);
		f = fopen(p, "rb");
		if (f == NULL) {
			perror(p);
			exit(1);
		}
		n = fread(buf, 1, sizeof buf, f);
		fclose(f);
		put(&m, buf, n);
		snprintf(p, sizeof p, "%s/../captures/%s/full_new_session_ticket.bin",
			g_root, caps[i]);
		f = fopen(p, "rb");
		if (f == NULL) {
			perror(p);
			exit(1);
		}
		n = fread(buf, 1, sizeof buf, f);
		fclose(f);
		put(&m, buf, n);
		head(&g, 0x01, T_AT(0));
		hs_records(&g, m.b, m.n, 16384);
		snprintf(name, sizeof name, "c-%s-sh-nst", caps[i]);
		snprintf(why, sizeof why, "client: corpus/captures/%s full_server_hello.bin then full_new_session_ticket.bin (the certificate left out)",
			caps[i]);
		emit(name, label_of(g.b, g.n), &g, why);
	}
}

/* Open the README of a directory, keeping the fuzz-* lines. */
static void open_readme(int valid)
{
	char path[512], *keep = NULL, line[1024];
	size_t kl = 0;
	FILE *f;
	DIR *d;
	struct dirent *e;
	char dir[512];

	snprintf(dir, sizeof dir, "%s/%s", g_root, valid ? "valid" : "invalid");
	mkdir(g_root, 0777);
	mkdir(dir, 0777);
	snprintf(path, sizeof path, "%s/README.md", dir);
	f = fopen(path, "r");
	if (f != NULL) {
		while (fgets(line, sizeof line, f) != NULL) {
			if (strncmp(line, "- `fuzz-", 8) == 0) {
				size_t l = strlen(line);
				char *k = realloc(keep, kl + l + 1);
				if (k == NULL)
					abort();
				keep = k;
				memcpy(keep + kl, line, l + 1);
				kl += l;
			}
		}
		fclose(f);
	}
	/* the generated files are rewritten; fuzz-* are campaign finds */
	d = opendir(dir);
	while (d != NULL && (e = readdir(d)) != NULL) {
		char fp[1024];
		if (e->d_name[0] == '.' || strcmp(e->d_name, "README.md") == 0
			|| strncmp(e->d_name, "fuzz-", 5) == 0)
			continue;
		snprintf(fp, sizeof fp, "%s/%s", dir, e->d_name);
		remove(fp);
	}
	if (d != NULL)
		closedir(d);
	f = fopen(path, "w");
	if (f == NULL) {
		perror(path);
		exit(1);
	}
	fprintf(f, "# corpus/bearssl/%s\n\n", valid ? "valid" : "invalid");
	fprintf(f, "Inputs of fuzz/fuzz_bearssl.c (flags byte, time byte, then "
		"the peer's records; layout at the top of the harness). %s "
		"Generated by `bash fuzz/run.sh bearssl-seeds` "
		"(fuzz/make_bearssl_seeds.c: ClientHellos of a real tkt client "
		"on BearSSL, tickets sealed with the harness's key ring); "
		"do not edit by hand. `fuzz-*` files were added by `make "
		"corpus-min` from campaigns.\n\n",
		valid ? "Valid: the tkt server accepts the ticket, or the tkt "
		"client receives a NewSessionTicket (a non-empty or empty one)."
		: "Invalid: no ticket accepted / received: refused tickets, "
		"malformed or unannounced messages, broken record streams.");
	/* campaign finds go last, as corpus-min appends them */
	g_keep[valid] = keep;
	g_readme[valid] = f;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: make_bearssl_seeds corpus/bearssl\n");
		return 2;
	}
	g_root = argv[1];
	fb_setup();
	open_readme(0);
	open_readme(1);
	server_seeds();
	client_seeds();
	for (int v = 0; v < 2; v++) {
		if (g_keep[v] != NULL)
			fputs(g_keep[v], g_readme[v]);
		free(g_keep[v]);
		fclose(g_readme[v]);
	}
	printf("make_bearssl_seeds: %u valid, %u invalid seeds in %s\n",
		g_count[1], g_count[0], g_root);
	return 0;
}
