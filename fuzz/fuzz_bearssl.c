/*
 * fuzz/fuzz_bearssl.c -- the BearSSL integration's record handling
 * (src/bearssl): a tkt server or client on an unmodified BearSSL 0.6
 * engine, the peer being the fuzzer.
 *
 * Everything the integration parses from the peer goes through here:
 * server  ClientHello assembly from the record stream (split over records,
 *         followed by other data, oversized, not a handshake at all), its
 *         SessionTicket, server_name and ALPN extensions, ticket opening
 *         with a fixed key ring, the synthetic session ID for clients
 *         whose ID is not 32 bytes, then the engine's ServerHello that the
 *         integration rewrites;
 * client  the handshake stream: the ServerHello (extension 35 stripped)
 *         and the NewSessionTicket taken out before the engine sees it,
 *         messages split over records or several in one record.
 *
 * Input: flags (1 byte), time (1 byte), then the peer's bytes as they
 * would arrive on the socket (records). No socket: the transport reads
 * the input and collects what tkt writes.
 *   flags bit 0      0 server, 1 client
 *   server bits 1-2  renew policy (value % 3: auto, always, never)
 *          bit 3     ALPN names configured ("h2", "http/1.1")
 *          bit 4     default (ECDHE) suites instead of the static-ECDH
 *                    ones (ECDHE signs a key exchange: slower)
 *          bit 5     TLS 1.2 only (else 1.0 to 1.2)
 *          bit 6     no ticketer (tickets disabled)
 *   client bit 1     a stored session with a ticket to offer
 *          bit 2     ... offered with a 16-byte session ID
 *          bit 3     the client offers ALPN "h2"
 *   time             now = FB_BASE - 120 + 60 * byte: tickets of the seeds
 *                    are sealed at FB_BASE, so the fuzzer reaches the
 *                    future-timestamp, renew and expiry decisions.
 *
 * Determinism: the engine's random generator is seeded with SHA-256 of
 * the input and never from the OS, so a run is reproducible, yet the
 * fuzzer cannot predict the engine's randoms (its session ID, its
 * Finished) from inside one input. Only the IV of a ticket the server
 * issues comes from tkt_drbg (OS-seeded); it ends up in the output,
 * which steers nothing.
 *
 * Oracles (beyond no crash, no sanitizer report):
 *  - the handshake never completes: the fuzzer knows neither the
 *    server's private key nor the randoms, so a completed handshake
 *    means the integration let unauthenticated bytes through;
 *  - server: a ServerHello carrying extension 35 answers a ClientHello
 *    that offered it (RFC 5077 3.2); a resumption reported by the
 *    integration comes from an accepted ticket (no other cache is
 *    configured) and its ServerHello echoes exactly the client's
 *    session ID (length and bytes: Ticketbleed); an accepted ticket
 *    opens with the key ring independently, is within the lifetime,
 *    its version and suite are allowed and offered, and on resumption
 *    the engine holds its master secret;
 *  - client: the ClientHello carries the stored ticket (or an empty
 *    extension 35) and the matching session ID; a ticket is kept only
 *    if the first ServerHello announced it with an empty extension 35
 *    and the first NewSessionTicket after it carried exactly it (other
 *    messages may come first: the engine judges them).
 *    The harness finds these messages itself, from the input records.
 * The harness is white-box where it must be: it reads the client's kept
 * ticket from tkt_br_conn (opaque to applications), since the handshake
 * that would hand it to the session can never complete here.
 */
#include "fuzz_common.h"

#include <bearssl.h>

#include "tkt/bearssl.h"
#include "tkt/seal.h"

#define FB_BASE 1700000000u
#define FB_LIFETIME 7200u
#define FB_KEYS 2u
#define FB_OUT_CAP 65536u

/* The suites of the fast configuration: static ECDH, no signature. */
static const uint16_t fb_fast_suites[] = {
	BR_TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256,
	BR_TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384,
	BR_TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256,
	BR_TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA
};
static const char *fb_alpn_server[] = { "h2", "http/1.1" };
static const char *fb_alpn_client[] = { "h2" };

/* A P-256 private key, fixed; its certificate is opaque bytes (the
   server never parses its own chain, the client uses the known key). */
static const uint8_t fb_ec_x[32] = {
	0x3c, 0x1a, 0x52, 0x7e, 0x90, 0x11, 0x64, 0x2d, 0x8f, 0x05, 0xa7, 0x33,
	0x4b, 0xc2, 0x19, 0x6e, 0x7d, 0x28, 0x91, 0x4f, 0x0a, 0xb3, 0x56, 0xe1,
	0x2f, 0x48, 0x9c, 0x73, 0x15, 0x6a, 0xd0, 0x07
};
static uint8_t fb_cert_der[] = { 0x30, 0x03, 0x02, 0x01, 0x00 };

typedef struct fb_env {
	tkt_key keys[FB_KEYS];
	tkt_ring_key slots[FB_KEYS];
	tkt_ring ring;
	tkt_drbg rng;
	tkt_policy policy;
	tkt_br_ring_ticketer ticketer;
	br_ec_private_key sk;
	br_ec_public_key pk;
	uint8_t pub[BR_EC_KBUF_PUB_MAX_SIZE];
	br_x509_certificate chain;
	int ready;
} fb_env;

/* Test-only state, built once; the per-input state is below. */
static fb_env fb;

static struct {
	tkt_br_conn conn;
	br_ssl_server_context sc;
	br_ssl_client_context cc;
	br_x509_minimal_context xc;
	br_x509_knownkey_context kk;
	uint8_t iobuf[BR_SSL_BUFSIZE_BIDI];
	tkt_br_client_session sess;
	uint8_t out[FB_OUT_CAP];
	size_t out_len;
	const uint8_t *in;
	size_t in_len;
	uint8_t open_buf[TKT_BR_STATE_MAX];
} fs;

static void fb_make_key(tkt_key *k, unsigned i, uint64_t enc)
{
	size_t j;

	memset(k, 0, sizeof *k);
	k->suite = TKT_SUITE_RFC5077;
	for (j = 0; j < TKT_KEY_NAME_LEN; j++)
		k->name[j] = (uint8_t)(0x60u + i * 16u + j);
	k->aes_len = tkt_suite_aes_len(k->suite);
	for (j = 0; j < k->aes_len; j++)
		k->aes[j] = (uint8_t)(i * 29u + j * 11u + 3u);
	k->hmac_len = 32;
	for (j = 0; j < k->hmac_len; j++)
		k->hmac[j] = (uint8_t)(i * 23u + j * 5u + 9u);
	k->introduced = 0;
	k->encrypt_for = enc;
	k->decrypt_for = TKT_FOREVER;
}

static void fb_setup(void)
{
	size_t i;

	if (fb.ready)
		return;
	/* key 0 seals; key 1 only opens (its tickets are renewed) */
	fb_make_key(&fb.keys[0], 0, TKT_FOREVER);
	fb_make_key(&fb.keys[1], 1, 0);
	if (tkt_ring_init(&fb.ring, fb.slots, FB_KEYS) != TKT_OK)
		abort();
	for (i = 0; i < FB_KEYS; i++)
		if (tkt_ring_add(&fb.ring, &fb.keys[i]) != TKT_OK)
			abort();
	if (tkt_drbg_init(&fb.rng) != TKT_OK)
		abort();
	memset(&fb.policy, 0, sizeof fb.policy);
	fb.policy.lifetime = FB_LIFETIME;
	fb.policy.renew_within = 1800;
	fb.policy.max_skew = 300;
	tkt_br_ring_ticketer_init(&fb.ticketer, &fb.ring, &fb.rng, &fb.policy,
		FB_LIFETIME);
	fb.sk.curve = BR_EC_secp256r1;
	fb.sk.x = (unsigned char *)(uintptr_t)fb_ec_x;
	fb.sk.xlen = sizeof fb_ec_x;
	if (br_ec_compute_pub(br_ec_get_default(), &fb.pk, fb.pub, &fb.sk) == 0)
		abort();
	fb.chain.data = fb_cert_der;
	fb.chain.data_len = sizeof fb_cert_der;
	fb.ready = 1;
}

/* ---- transport: the input is the peer, the output is collected ---- */

static int fb_read(void *ctx, uint8_t *buf, size_t len)
{
	size_t n = len < fs.in_len ? len : fs.in_len;

	(void)ctx;
	if (n == 0)
		return 0;
	/* at most 1000 bytes per call: the loop must cope with short reads */
	if (n > 1000u)
		n = 1000u;
	memcpy(buf, fs.in, n);
	fs.in += n;
	fs.in_len -= n;
	return (int)n;
}

static int fb_write(void *ctx, const uint8_t *buf, size_t len)
{
	size_t n = len;

	(void)ctx;
	if (n > FB_OUT_CAP - fs.out_len)
		n = FB_OUT_CAP - fs.out_len;
	memcpy(fs.out + fs.out_len, buf, n);
	fs.out_len += n;
	if (len > INT32_MAX)
		return INT32_MAX;
	return (int)len;
}

/* Seed the engine's generator from the input, never from the OS. */
static void fb_seed_engine(br_ssl_engine_context *eng, const uint8_t *data,
	size_t size)
{
	br_sha256_context h;
	uint8_t seed[32];

	br_sha256_init(&h);
	br_sha256_update(&h, "tkt fuzz bearssl", 16);
	br_sha256_update(&h, data, size);
	br_sha256_out(&h, seed);
	/* The engine seeds itself from the OS unless told it has done so. */
	eng->rng_os_rand_done = 1;
	br_ssl_engine_inject_entropy(eng, seed, sizeof seed);
}

/*
 * The handshake stream of a record stream: the payloads of the
 * handshake records (type 22) concatenated, other records skipped, up to
 * the first ChangeCipherSpec (type 20) or, with `consecutive`, up to the
 * first record that is not a handshake record. Returns its length in out.
 */
static size_t fb_hs_stream(const uint8_t *p, size_t n, int consecutive,
	uint8_t *out, size_t cap)
{
	size_t off = 0, w = 0;

	while (n - off >= 5u) {
		size_t plen = (size_t)p[off + 3u] * 256u + p[off + 4u];
		size_t k;

		if (p[off] == 20 || (consecutive && p[off] != 22))
			break;
		k = plen < n - off - 5u ? plen : n - off - 5u;
		if (p[off] == 22) {
			if (k > cap - w)
				k = cap - w;
			memcpy(out + w, p + off + 5u, k);
			w += k;
		}
		if (plen > n - off - 5u)
			break;
		off += 5u + plen;
	}
	return w;
}

/* The first handshake message of type `type` in a stream, and whether
   it is complete; *at is where the search starts and is moved past it. */
static int fb_find_msg(const uint8_t *s, size_t n, size_t *at, unsigned type,
	const uint8_t **msg, size_t *len)
{
	while (n - *at >= 4u) {
		size_t off = *at;
		size_t l = (size_t)s[off + 1u] * 65536u + (size_t)s[off + 2u] * 256u
			+ s[off + 3u];

		if (l > n - off - 4u)
			return 0;
		*at = off + 4u + l;
		if (s[off] == type) {
			*msg = s + off;
			*len = 4u + l;
			return 1;
		}
	}
	return 0;
}

static int fb_suite_offered(const tkt_bytes *list, uint16_t suite)
{
	size_t i;

	for (i = 0; i + 1u < list->len; i += 2u)
		if ((uint16_t)(list->ptr[i] * 256u + list->ptr[i + 1u]) == suite)
			return 1;
	return 0;
}

/* The peer's and our own handshake streams (decoded views point in). */
static uint8_t fb_stream[FB_OUT_CAP];
static uint8_t fb_ostream[FB_OUT_CAP];

/* ------------------------------------------------------------ server */

typedef struct fb_run {
	tkt_status hs;
	tkt_br_result res;
	uint32_t now;
	int got_nst;    /* client: a NewSessionTicket was taken in */
} fb_run;

static void fb_server(uint8_t flags, uint32_t now, const uint8_t *data,
	size_t size, fb_run *run)
{
	tkt_br_server_config cfg;
	tkt_br_io io;
	tkt_status st;

	memset(&cfg, 0, sizeof cfg);
	cfg.ticketer = (flags & 0x40u) ? NULL : &fb.ticketer.vtable;
	cfg.lifetime = FB_LIFETIME;
	cfg.renew = (int)((flags >> 1) & 3u) % 3;
	cfg.version_min = (flags & 0x20u) ? BR_TLS12 : BR_TLS10;
	cfg.version_max = BR_TLS12;
	if (!(flags & 0x10u)) {
		cfg.suites = fb_fast_suites;
		cfg.suites_num = sizeof fb_fast_suites / sizeof fb_fast_suites[0];
	}
	if (flags & 0x08u) {
		cfg.alpn = fb_alpn_server;
		cfg.alpn_num = 2;
	}
	br_ssl_server_init_full_ec(&fs.sc, &fb.chain, 1, BR_KEYTYPE_EC, &fb.sk);
	br_ssl_engine_set_buffer(&fs.sc.eng, fs.iobuf, sizeof fs.iobuf, 1);
	fb_seed_engine(&fs.sc.eng, data, size);
	io.read = fb_read;
	io.write = fb_write;
	io.ctx = NULL;
	st = tkt_br_server_start(&fs.conn, &fs.sc, &cfg, &io, now);
	FZ_CHECK(st == TKT_OK);
	run->hs = tkt_br_handshake(&fs.conn);
	run->res = *tkt_br_result_get(&fs.conn);
	run->now = now;
}

static void fb_server_check(uint8_t flags, const fb_run *run,
	const uint8_t *peer, size_t peer_len)
{
	const tkt_br_result *r = &run->res;
	size_t n, at = 0, ol, olen, rat;
	const uint8_t *m = NULL, *om = NULL;
	size_t mlen = 0;
	tkt_client_hello ch;
	int have_ch = 0, ch_ext35 = 0;
	tkt_server_hello sh;
	int have_sh = 0;

	/* What the client sent: its first ClientHello, as the server
	   assembles it (consecutive handshake records; at most
	   TKT_BR_HELLO_MAX, above which the server stays out of it). */
	n = fb_hs_stream(peer, peer_len, 1, fb_stream, sizeof fb_stream);
	if (n >= 4u && fb_stream[0] == TKT_HS_CLIENT_HELLO
		&& fb_find_msg(fb_stream, n, &at, TKT_HS_CLIENT_HELLO, &m, &mlen)
		&& mlen <= TKT_BR_HELLO_MAX
		&& tkt_client_hello_decode(m + 4, mlen - 4u, &ch, &rat) == TKT_OK)
	{
		have_ch = 1;
		ch_ext35 = ch.has_extensions && ch.exts.has_ext35;
	}
	/* What the server answered: its first ServerHello. */
	ol = fb_hs_stream(fs.out, fs.out_len, 1, fb_ostream, sizeof fb_ostream);
	at = 0;
	if (fb_find_msg(fb_ostream, ol, &at, TKT_HS_SERVER_HELLO, &om, &olen)
		&& tkt_server_hello_decode(om + 4, olen - 4u, &sh, &rat) == TKT_OK)
		have_sh = 1;

	/* Nobody without the keys completes a handshake. */
	FZ_CHECK(run->hs != TKT_OK);
	/* Extension 35 only in answer to extension 35. */
	if (have_sh && sh.has_extensions && sh.exts.has_ext35) {
		FZ_CHECK(have_ch && ch_ext35);
		FZ_CHECK(!(flags & 0x40u));
		FZ_CHECK(sh.exts.ext35.len == 0);
	}
	if (r->ticket_accepted || r->resumed) {
		/* the only session source is the ticket */
		FZ_CHECK(r->ticket_accepted && r->ticket_presented && have_ch
			&& ch_ext35 && !(flags & 0x40u));
	}
	if (r->resumed) {
		/* The ServerHello echoes the client's ID, exactly. */
		FZ_CHECK(have_sh);
		FZ_CHECK(sh.session_id.len == ch.session_id.len);
		FZ_CHECK(sh.session_id.len > 0 && memcmp(sh.session_id.ptr,
			ch.session_id.ptr, sh.session_id.len) == 0);
	}
	if (r->ticket_accepted) {
		tkt_ext35 e;
		tkt_state st;
		tkt_status os;
		uint16_t vmin = (flags & 0x20u) ? BR_TLS12 : BR_TLS10;

		FZ_CHECK(tkt_ext35_decode(ch.exts.ext35.ptr, ch.exts.ext35.len,
			TKT_EXT35_ALLOW_RFC4507_EMPTY, &e, &rat) == TKT_OK);
		FZ_CHECK(e.form == TKT_EXT35_TICKET);
		os = tkt_open(&fb.ring, &fb.policy, run->now, e.ticket.ptr,
			e.ticket.len, fs.open_buf, sizeof fs.open_buf, &st, NULL,
			NULL);
		FZ_CHECK(os == TKT_OK || os == TKT_OK_RENEW);
		FZ_CHECK(st.timestamp <= run->now + TKT_BR_MAX_SKEW);
		FZ_CHECK(st.timestamp > run->now
			|| run->now - st.timestamp < FB_LIFETIME);
		FZ_CHECK(st.version >= vmin && st.version <= BR_TLS12
			&& st.version <= ch.version);
		FZ_CHECK(fb_suite_offered(&ch.cipher_suites, st.cipher_suite));
		FZ_CHECK(st.compression == 0 && !st.extended_ms);
		if (r->resumed) {
			br_ssl_session_parameters sp;

			br_ssl_engine_get_session_parameters(&fs.sc.eng, &sp);
			FZ_CHECK(sp.cipher_suite == st.cipher_suite);
			FZ_CHECK(sp.version == st.version);
			FZ_CHECK(memcmp(sp.master_secret, st.master_secret,
				TKT_MASTER_SECRET_LEN) == 0);
			FZ_CHECK(have_sh && sh.cipher_suite == st.cipher_suite);
		}
		memset(fs.open_buf, 0, sizeof fs.open_buf);
	}
}

/* ------------------------------------------------------------ client */

/* The session a client resumes: fixed ticket bytes (any server, to the
   client a ticket is opaque) and master secret. */
static void fb_client_session(tkt_br_client_session *s, uint8_t flags)
{
	size_t i;

	memset(s, 0, sizeof *s);
	s->params.version = BR_TLS12;
	s->params.cipher_suite = BR_TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256;
	for (i = 0; i < sizeof s->params.master_secret; i++)
		s->params.master_secret[i] = (uint8_t)(0x80u + i);
	s->ticket_len = 96;
	for (i = 0; i < s->ticket_len; i++)
		s->ticket[i] = (uint8_t)(i * 7u + 1u);
	s->sid_len = (flags & 0x04u) ? 16u : 0u;
	s->lifetime_hint = 3600;
}

static void fb_client(uint8_t flags, const uint8_t *data, size_t size,
	fb_run *run)
{
	tkt_br_io io;
	tkt_status st;

	br_ssl_client_init_full(&fs.cc, &fs.xc, NULL, 0);
	br_x509_knownkey_init_ec(&fs.kk, &fb.pk,
		BR_KEYTYPE_KEYX | BR_KEYTYPE_SIGN);
	br_ssl_engine_set_x509(&fs.cc.eng, &fs.kk.vtable);
	br_ssl_engine_set_buffer(&fs.cc.eng, fs.iobuf, sizeof fs.iobuf, 1);
	if (flags & 0x08u)
		br_ssl_engine_set_protocol_names(&fs.cc.eng, fb_alpn_client, 1);
	fb_seed_engine(&fs.cc.eng, data, size);
	io.read = fb_read;
	io.write = fb_write;
	io.ctx = NULL;
	if (flags & 0x02u)
		fb_client_session(&fs.sess, flags);
	else
		memset(&fs.sess, 0, sizeof fs.sess);
	st = tkt_br_client_start(&fs.conn, &fs.cc, &fs.sess, "fuzz.example",
		&io);
	FZ_CHECK(st == TKT_OK);
	run->hs = tkt_br_handshake(&fs.conn);
	run->res = *tkt_br_result_get(&fs.conn);
}

static void fb_client_check(uint8_t flags, const fb_run *run,
	const uint8_t *peer, size_t peer_len)
{
	size_t n, at = 0, rat, mlen = 0;
	const uint8_t *m = NULL;
	tkt_client_hello ch;
	tkt_ext35 e;
	tkt_server_hello sh;
	int announced = 0;

	FZ_CHECK(run->hs != TKT_OK);
	/* The ClientHello on the wire offers the stored ticket. */
	n = fb_hs_stream(fs.out, fs.out_len, 1, fb_ostream, sizeof fb_ostream);
	FZ_CHECK(fb_find_msg(fb_ostream, n, &at, TKT_HS_CLIENT_HELLO, &m, &mlen));
	FZ_CHECK(tkt_client_hello_decode(m + 4, mlen - 4u, &ch, &rat) == TKT_OK);
	FZ_CHECK(ch.has_extensions && ch.exts.has_ext35);
	FZ_CHECK(tkt_ext35_decode(ch.exts.ext35.ptr, ch.exts.ext35.len, 0, &e,
		&rat) == TKT_OK);
	if (flags & 0x02u) {
		uint8_t h[32];
		br_sha256_context hc;

		FZ_CHECK(e.form == TKT_EXT35_TICKET
			&& e.ticket.len == fs.sess.ticket_len
			&& memcmp(e.ticket.ptr, fs.sess.ticket, e.ticket.len) == 0);
		br_sha256_init(&hc);
		br_sha256_update(&hc, fs.sess.ticket, fs.sess.ticket_len);
		br_sha256_out(&hc, h);
		FZ_CHECK(ch.session_id.len == ((flags & 0x04u) ? 16u : 32u));
		FZ_CHECK(memcmp(ch.session_id.ptr, h, ch.session_id.len) == 0);
	} else {
		FZ_CHECK(e.form == TKT_EXT35_EMPTY);
	}

	/* A ticket is kept only as announced and sent. */
	if (fs.conn.got_ticket) {
		tkt_nst nst;

		n = fb_hs_stream(peer, peer_len, 0, fb_stream, sizeof fb_stream);
		at = 0;
		FZ_CHECK(fb_find_msg(fb_stream, n, &at, TKT_HS_SERVER_HELLO, &m,
			&mlen));
		FZ_CHECK(tkt_server_hello_decode(m + 4, mlen - 4u, &sh, &rat)
			== TKT_OK);
		announced = sh.has_extensions && sh.exts.has_ext35
			&& sh.exts.ext35.len == 0;
		FZ_CHECK(announced);
		FZ_CHECK(fb_find_msg(fb_stream, n, &at, TKT_HS_NEW_SESSION_TICKET,
			&m, &mlen));
		FZ_CHECK(tkt_nst_decode_msg(m, mlen, &nst, &rat) == TKT_OK);
		FZ_CHECK(nst.ticket.len > 0 && nst.ticket.len <= TKT_BR_TICKET_MAX);
		FZ_CHECK(fs.conn.new_ticket_len == nst.ticket.len);
		FZ_CHECK(memcmp(fs.conn.new_ticket, nst.ticket.ptr,
			nst.ticket.len) == 0);
		FZ_CHECK(run->res.lifetime_hint == nst.lifetime_hint);
	}
}

/* ------------------------------------------------------------- entry */

/* Runs one input; returns the run for callers that label inputs. */
static void fb_one(const uint8_t *data, size_t size, fb_run *run)
{
	uint8_t flags;
	uint32_t now;

	fb_setup();
	memset(run, 0, sizeof *run);
	run->hs = TKT_ERR_ARG;
	if (size < 2u)
		return;
	flags = data[0];
	now = FB_BASE - 120u + 60u * (uint32_t)data[1];
	fs.in = data + 2;
	fs.in_len = size - 2u;
	fs.out_len = 0;
	if (flags & 1u) {
		fb_client(flags, data, size, run);
		fb_client_check(flags, run, data + 2, size - 2u);
	} else {
		fb_server(flags, now, data, size, run);
		fb_server_check(flags, run, data + 2, size - 2u);
	}
	run->got_nst = fs.conn.got_ticket || fs.conn.got_empty_nst;
	tkt_br_conn_wipe(&fs.conn);
}

#ifdef FB_NO_ENTRY
/*
 * The corpus label of an input (fuzz/classify.c): valid when the
 * integration took the ticket exchange to its good end: the server
 * accepted the ticket, or the client took in a NewSessionTicket
 * (non-empty or empty).
 */
static int fb_label(const uint8_t *data, size_t size, const fb_run *run)
{
	if (size < 2u)
		return 0;
	if (data[0] & 1u)
		return run->got_nst;
	return run->res.ticket_accepted;
}
#endif

#ifndef FB_NO_ENTRY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fb_run run;

	fb_one(data, size, &run);
	return 0;
}
#endif
