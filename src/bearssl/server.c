/*
 * Server side: accept tickets (ClientHello assembly, ticket opening and
 * the per-connection session cache) and issue them (ServerHello
 * extension 35 and NewSessionTicket before ChangeCipherSpec).
 */
#include <string.h>

#include "internal.h"

/* ECDHE only (forward secrecy), AEAD first, then CBC for TLS 1.0/1.1. */
const uint16_t tkt_br_default_suites[] = {
	BR_TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
	BR_TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
	BR_TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
	BR_TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
	BR_TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
	BR_TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
	BR_TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
	BR_TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
	BR_TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384,
	BR_TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,
	BR_TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
	BR_TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
	BR_TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
	BR_TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA
};
const size_t tkt_br_default_suites_num =
	sizeof tkt_br_default_suites / sizeof tkt_br_default_suites[0];

#define EXT_SERVER_NAME  0u
#define EXT_MAX_FRAG     1u
#define EXT_ALPN         16u

static const uint16_t *cfg_suites(const tkt_br_server_config *cfg, size_t *num)
{
	if (cfg->suites == NULL) {
		*num = tkt_br_default_suites_num;
		return tkt_br_default_suites;
	}
	*num = cfg->suites_num;
	return cfg->suites;
}

/* ---------------------------------------------------------------- cache */

static void cache_save(const br_ssl_session_cache_class **ctx,
	br_ssl_server_context *server_ctx, const br_ssl_session_parameters *params)
{
	const tkt_br_cache *tc = (const tkt_br_cache *)(const void *)ctx;
	const br_ssl_session_cache_class **lru = tc->conn->cfg->cache;

	if (lru != NULL) {
		(*lru)->save(lru, server_ctx, params);
	}
}

/*
 * Called by the engine for a 32-byte session ID, before it has read the
 * rest of the ClientHello; every check on the ticket's session was made
 * when the whole ClientHello was examined, so only the ID is matched.
 */
static int cache_load(const br_ssl_session_cache_class **ctx,
	br_ssl_server_context *server_ctx, br_ssl_session_parameters *params)
{
	const tkt_br_cache *tc = (const tkt_br_cache *)(const void *)ctx;
	tkt_br_conn *c = tc->conn;
	const br_ssl_session_cache_class **lru = c->cfg->cache;

	/* BearSSL 0.6 resuming with no ALPN name in common crashes (see
	   inspect_hello): only a ClientHello that tkt has read whole and
	   found free of that case may resume, from a ticket or the LRU. */
	if (!c->resume_ok) {
		return 0;
	}
	if (c->have_ticket_session && c->engine_sid_set
		&& params->session_id_len == 32
		&& memcmp(params->session_id, c->engine_sid, 32) == 0)
	{
		/* session_id stays: the engine echoes the client's. */
		params->version = c->tsess.version;
		params->cipher_suite = c->tsess.cipher_suite;
		memcpy(params->master_secret, c->tsess.master_secret,
			sizeof params->master_secret);
		return 1;
	}
	if (lru != NULL) {
		return (*lru)->load(lru, server_ctx, params);
	}
	return 0;
}

static const br_ssl_session_cache_class cache_vtable = {
	sizeof(tkt_br_cache), cache_save, cache_load
};

/* ---------------------------------------------------------------- start */

tkt_status tkt_br_server_start(tkt_br_conn *c, br_ssl_server_context *sc,
	const tkt_br_server_config *cfg, const tkt_br_io *io, uint32_t now)
{
	size_t nsuites;
	const uint16_t *suites;

	if (c == NULL || sc == NULL || cfg == NULL || io == NULL
		|| io->read == NULL || io->write == NULL
		|| cfg->version_min < BR_TLS10 || cfg->version_max > BR_TLS12
		|| cfg->version_min > cfg->version_max
		|| (cfg->ticketer != NULL && cfg->lifetime == 0)
		|| cfg->renew < TKT_BR_RENEW_AUTO || cfg->renew > TKT_BR_RENEW_NEVER
		|| (cfg->alpn == NULL && cfg->alpn_num != 0)
		|| cfg->alpn_num > 0xFFFFu)
	{
		return TKT_ERR_ARG;
	}
	suites = cfg_suites(cfg, &nsuites);
	if (nsuites == 0 || nsuites > BR_MAX_CIPHER_SUITES) {
		return TKT_ERR_ARG;
	}
	tkt_br_conn_common_init(c, io);
	c->eng = &sc->eng;
	c->sc = sc;
	c->cfg = cfg;
	c->now = now;
	c->cache.vtable = &cache_vtable;
	c->cache.conn = c;

	br_ssl_engine_set_versions(&sc->eng, cfg->version_min, cfg->version_max);
	br_ssl_engine_set_suites(&sc->eng, suites, nsuites);
	/* cfg->suites is a preference order (tkt/bearssl.h); and one
	   handshake per connection, which the transcript handling needs. */
	br_ssl_engine_add_flags(&sc->eng,
		BR_OPT_ENFORCE_SERVER_PREFERENCES | BR_OPT_NO_RENEGOTIATION);
	if (cfg->alpn_num > 0) {
		br_ssl_engine_set_protocol_names(&sc->eng, cfg->alpn, cfg->alpn_num);
	}
	br_ssl_server_set_cache(sc, &c->cache.vtable);
	if (!br_ssl_server_reset(sc)) {
		c->res.br_err = br_ssl_engine_last_error(&sc->eng);
		return TKT_ERR_TLS;
	}
	return TKT_OK;
}

/* ------------------------------------------------------- ticket checks */

/* The first host_name of a server_name extension (RFC 6066 section 3). */
static int sni_of(const tkt_ext *e, tkt_bytes *name)
{
	const uint8_t *p = e->data.ptr;
	size_t n = e->data.len, list, off;

	if (n < 2) {
		return 0;
	}
	list = (size_t)p[0] * 256u + p[1];
	if (list != n - 2u) {
		return 0;
	}
	off = 2;
	while (off + 3u <= n) {
		size_t l = (size_t)p[off + 1u] * 256u + p[off + 2u];
		if (l > n - off - 3u) {
			return 0;
		}
		if (p[off] == 0) {
			name->ptr = p + off + 3u;
			name->len = l;
			return 1;
		}
		off += 3u + l;
	}
	return 0;
}

/* Whether the ALPN extension offers `name`. */
static int alpn_offers(const tkt_ext *e, const uint8_t *name, size_t len)
{
	const uint8_t *p = e->data.ptr;
	size_t n = e->data.len, off;

	if (n < 2 || (size_t)p[0] * 256u + p[1] != n - 2u) {
		return 0;
	}
	off = 2;
	while (off < n) {
		size_t l = p[off];
		if (l > n - off - 1u) {
			return 0;
		}
		if (l == len && memcmp(p + off + 1u, name, len) == 0) {
			return 1;
		}
		off += 1u + l;
	}
	return 0;
}

static int suite_in(const uint8_t *list, size_t len, uint16_t suite)
{
	size_t i;

	for (i = 0; i + 1u < len; i += 2u) {
		if ((uint16_t)(list[i] * 256u + list[i + 1u]) == suite) {
			return 1;
		}
	}
	return 0;
}

static void reject(tkt_br_conn *c, tkt_status st, const char *why)
{
	c->res.ticket_status = st;
	c->res.reason = why;
}

/*
 * Decide on the ticket of a complete ClientHello (msg: header + body).
 * On acceptance the session is kept for cache_load(); any refusal
 * leaves a full handshake, which issues a fresh ticket.
 */
static void inspect_hello(tkt_br_conn *c, const uint8_t *msg, size_t len)
{
	const tkt_br_server_config *cfg = c->cfg;
	tkt_client_hello ch;
	tkt_ext35 e35;
	tkt_state st;
	tkt_ext ext;
	tkt_bytes sni = { NULL, 0 };
	int has_alpn = 0;
	tkt_ext alpn_ext;
	const char *want = NULL;
	size_t wl = 0;
	size_t at, cur, nsuites, i;
	const uint16_t *suites;
	tkt_status s;

	memset(&alpn_ext, 0, sizeof alpn_ext);
	s = tkt_client_hello_decode(msg + 4, len - 4u, &ch, &at);
	if (s != TKT_OK) {
		/* The engine will judge it; we stay out of the way. */
		c->hello_state = 2;
		return;
	}
	/* An empty ID may come with a NULL pointer: memcpy must not see it.
	   The codec caps the length at 32 (TKT_ERR_RANGE above). */
	if (ch.session_id.len > 0) {
		memcpy(c->client_sid, ch.session_id.ptr, ch.session_id.len);
	}
	c->client_sid_len = ch.session_id.len;
	if (ch.session_id.len == 32) {
		memcpy(c->engine_sid, ch.session_id.ptr, 32);
		c->engine_sid_set = 1;
	}
	cur = 0;
	while (ch.has_extensions && tkt_exts_next(&ch.exts, &cur, &ext)) {
		if (ext.type == EXT_SERVER_NAME && !sni_of(&ext, &sni)) {
			sni.ptr = NULL;
			sni.len = 0;
		} else if (ext.type == EXT_ALPN) {
			has_alpn = 1;
			alpn_ext = ext;
		}
	}
	/* The protocol the engine will select (server preference): the
	   first of ours the client offers. */
	for (i = 0; has_alpn && i < cfg->alpn_num; i++) {
		size_t l = strlen(cfg->alpn[i]);
		if (alpn_offers(&alpn_ext, (const uint8_t *)cfg->alpn[i], l)) {
			want = cfg->alpn[i];
			wl = l;
			break;
		}
	}
	/* BearSSL 0.6, resuming while none of the client's ALPN names is
	   ours, writes protocol index 0xFFFF into its ServerHello: an
	   out-of-bounds read of cfg->alpn (a crash), whether the session
	   comes from a ticket (found by fuzz_bearssl) or from the LRU
	   cache. Such a client gets a full handshake. */
	c->resume_ok = !(has_alpn && want == NULL && cfg->alpn_num > 0);
	if (!ch.has_extensions || !ch.exts.has_ext35) {
		return;
	}
	c->res.ticket_offered = 1;
	/* Kept for the ticket this connection may issue: the binding is
	   checked against this same parse on resumption. */
	if (sni.len > sizeof c->sni) {
		c->sni_too_long = 1;
	} else if (sni.len > 0) {
		memcpy(c->sni, sni.ptr, sni.len);
		c->sni_len = sni.len;
	}
	if (cfg->ticketer == NULL) {
		return;
	}
	s = tkt_ext35_decode(ch.exts.ext35.ptr, ch.exts.ext35.len,
		TKT_EXT35_ALLOW_RFC4507_EMPTY, &e35, &at);
	if (s != TKT_OK) {
		c->res.ticket_presented = 1;
		reject(c, s, "malformed SessionTicket extension");
		return;
	}
	if (e35.form != TKT_EXT35_TICKET) {
		c->res.ticket_status = TKT_EMPTY;
		return;
	}
	c->res.ticket_presented = 1;
	s = (*cfg->ticketer)->open(cfg->ticketer, e35.ticket.ptr, e35.ticket.len,
		c->now, c->state_buf, sizeof c->state_buf, &st);
	if (s != TKT_OK && s != TKT_OK_RENEW) {
		reject(c, s, "ticket not opened");
		return;
	}
	c->renew_wanted = cfg->renew == TKT_BR_RENEW_ALWAYS
		|| (cfg->renew == TKT_BR_RENEW_AUTO && s == TKT_OK_RENEW);
	c->res.ticket_status = s;
	/* Independent of the ticketer's own policy: no session outlives
	   cfg->lifetime here, whoever sealed it. A small skew between the
	   servers of a fleet is allowed. */
	if (st.timestamp > c->now && st.timestamp - c->now > TKT_BR_MAX_SKEW) {
		reject(c, TKT_ERR_EXPIRED, "timestamp in the future");
		return;
	}
	if (st.timestamp < c->now && c->now - st.timestamp >= cfg->lifetime) {
		reject(c, TKT_ERR_EXPIRED, "session too old");
		return;
	}
	if (st.version < cfg->version_min || st.version > cfg->version_max
		|| st.version > ch.version)
	{
		reject(c, TKT_ERR_POLICY, "version not allowed");
		return;
	}
	suites = cfg_suites(cfg, &nsuites);
	for (i = 0; i < nsuites; i++) {
		if (suites[i] == st.cipher_suite) {
			break;
		}
	}
	if (i == nsuites || !suite_in(ch.cipher_suites.ptr, ch.cipher_suites.len,
		st.cipher_suite))
	{
		reject(c, TKT_ERR_POLICY, "cipher suite not allowed");
		return;
	}
	if (st.compression != 0 || st.identity != TKT_IDENTITY_ANONYMOUS) {
		reject(c, TKT_ERR_POLICY, "compression or identity");
		return;
	}
	/* BearSSL 0.6 never negotiates RFC 7627, so no tkt ticket claims it. */
	if (st.extended_ms) {
		reject(c, TKT_ERR_POLICY, "extended master secret binding");
		return;
	}
	if (st.server_name.len != sni.len || (sni.len > 0
		&& memcmp(st.server_name.ptr, sni.ptr, sni.len) != 0))
	{
		reject(c, TKT_ERR_POLICY, "server name differs");
		return;
	}
	if (!c->resume_ok) {
		reject(c, TKT_ERR_POLICY, "no ALPN name in common");
		return;
	}
	/* The protocol the engine will select must be the one the session
	   was made with. */
	if (st.alpn.len != wl || (wl > 0 && memcmp(st.alpn.ptr, want, wl) != 0)) {
		reject(c, TKT_ERR_POLICY, "ALPN differs");
		return;
	}
	if (ch.session_id.len != 32) {
		/*
		 * The engine looks sessions up only for 32-byte IDs. It is
		 * shown a ClientHello whose ID is replaced by a synthetic
		 * one, unique to this ClientHello; the ServerHello then
		 * echoes the client's own ID, byte for byte (never more:
		 * Ticketbleed), and the transcript is set to the messages
		 * actually exchanged.
		 */
		br_sha256_context h;

		br_sha256_init(&h);
		br_sha256_update(&h, "tkt synthetic session id", 24);
		br_sha256_update(&h, msg, len);
		br_sha256_out(&h, c->engine_sid);
		c->engine_sid_set = 1;
		c->synth_sid = 1;
	}
	c->have_ticket_session = 1;
	c->tsess.version = st.version;
	c->tsess.cipher_suite = st.cipher_suite;
	memcpy(c->tsess.master_secret, st.master_secret, TKT_MASTER_SECRET_LEN);
	c->tsess_timestamp = st.timestamp;
	c->res.ticket_accepted = 1;
}

/* The opened state holds the master secret: erase it on every path. */
static void inspect_hello_erase(tkt_br_conn *c, const uint8_t *msg, size_t len)
{
	inspect_hello(c, msg, len);
	memset(c->state_buf, 0, sizeof c->state_buf);
}

/* ------------------------------------------------------------- incoming */

static tkt_status hello_passthrough(tkt_br_conn *c, const uint8_t *rec, size_t len)
{
	tkt_status st = TKT_OK;

	c->hello_state = 2;
	if (c->hello_len > 0) {
		st = tkt_br_conn_feed_record(c, 22, c->rec_version, c->hello,
			c->hello_len);
	}
	if (st == TKT_OK && rec != NULL) {
		st = tkt_br_conn_feed(c, rec, len);
	}
	return st;
}

/* The ClientHello c->hello[0..len) with the synthetic ID, into c->tmp. */
static tkt_status synth_hello(tkt_br_conn *c, size_t len, size_t *w)
{
	tkt_client_hello ch;
	size_t at, body, hw;
	tkt_status st;

	st = tkt_client_hello_decode(c->hello + 4, len - 4u, &ch, &at);
	if (st != TKT_OK) {
		return st;
	}
	ch.session_id.ptr = c->engine_sid;
	ch.session_id.len = 32;
	st = tkt_client_hello_encode(&ch, c->tmp + 4, sizeof c->tmp - 4u, &body);
	if (st == TKT_OK) {
		st = tkt_hs_encode_header(TKT_HS_CLIENT_HELLO, body, c->tmp, 4, &hw);
	}
	*w = 4u + body;
	return st;
}

tkt_status tkt_br_server_on_in(tkt_br_conn *c, const uint8_t *rec, size_t len)
{
	size_t plen = len - 5u, need;

	if (c->hello_state != 0) {
		return tkt_br_conn_feed(c, rec, len);
	}
	if (rec[0] != 22) {
		return hello_passthrough(c, rec, len);
	}
	if (c->hello_len == 0) {
		c->rec_version[0] = rec[1];
		c->rec_version[1] = rec[2];
	}
	if (plen > TKT_BR_HELLO_MAX - c->hello_len) {
		return hello_passthrough(c, rec, len);
	}
	memcpy(c->hello + c->hello_len, rec + 5, plen);
	c->hello_len += plen;
	if (c->hello_len < 4) {
		return TKT_OK;
	}
	if (c->hello[0] != TKT_HS_CLIENT_HELLO) {
		return hello_passthrough(c, NULL, 0);
	}
	need = 4u + tkt_br_hs_len(c->hello);
	if (need > TKT_BR_HELLO_MAX) {
		return hello_passthrough(c, NULL, 0);
	}
	if (c->hello_len < need) {
		return TKT_OK;
	}
	inspect_hello_erase(c, c->hello, need);
	if (c->hello_state == 0) {
		c->hello_state = 1;
	}
	/* Keep the first ClientHello for the transcript; anything after it
	   goes to the engine too (which rejects it). */
	{
		size_t all = c->hello_len;
		tkt_status st;

		c->hello_len = need;
		if (c->synth_sid) {
			size_t w;

			st = synth_hello(c, need, &w);
			if (st == TKT_OK) {
				st = tkt_br_conn_feed_record(c, 22, c->rec_version,
					c->tmp, w);
			}
			if (st == TKT_OK && all > need) {
				st = tkt_br_conn_feed_record(c, 22, c->rec_version,
					c->hello + need, all - need);
			}
			return st;
		}
		return tkt_br_conn_feed_record(c, 22, c->rec_version, c->hello,
			all);
	}
}

/* ------------------------------------------------------------- outgoing */

/* Negotiated record size: the ServerHello's max_fragment_length answer. */
static size_t max_frag_of(const uint8_t *sh, size_t len)
{
	tkt_server_hello h;
	tkt_ext ext;
	size_t at, cur = 0;

	if (tkt_server_hello_decode(sh + 4, len - 4u, &h, &at) != TKT_OK
		|| !h.has_extensions)
	{
		return 16384;
	}
	while (tkt_exts_next(&h.exts, &cur, &ext)) {
		if (ext.type == EXT_MAX_FRAG && ext.data.len == 1
			&& ext.data.ptr[0] >= 1 && ext.data.ptr[0] <= 4)
		{
			return (size_t)256u << ext.data.ptr[0];
		}
	}
	return 16384;
}

/* The ServerHello p[0..len) echoing the client's own session ID, into
   c->state_buf (free at this point). */
static tkt_status echo_client_sid(tkt_br_conn *c, const uint8_t *p, size_t len,
	size_t *w)
{
	tkt_server_hello sh;
	size_t at, body, hw;
	tkt_status st;

	st = tkt_server_hello_decode(p + 4, len - 4u, &sh, &at);
	if (st != TKT_OK) {
		return st;
	}
	sh.session_id.ptr = c->client_sid;
	sh.session_id.len = c->client_sid_len;
	st = tkt_server_hello_encode(&sh, c->state_buf + 4,
		sizeof c->state_buf - 4u, &body);
	if (st == TKT_OK) {
		st = tkt_hs_encode_header(TKT_HS_SERVER_HELLO, body, c->state_buf,
			4, &hw);
	}
	*w = 4u + body;
	return st;
}

static tkt_status on_server_hello(tkt_br_conn *c, const uint8_t *rec, size_t len)
{
	const uint8_t *p = rec + 5;
	const uint8_t *sh_msg;
	size_t plen = len - 5u, shlen, w, at, sh_len;
	tkt_server_hello sh;
	int resumed;
	tkt_bytes parts[3];

	c->sh_done = 1;
	if (plen < 4 || p[0] != TKT_HS_SERVER_HELLO) {
		return c->synth_sid ? TKT_ERR_TLS : tkt_br_conn_write_raw(c, rec, len);
	}
	shlen = 4u + tkt_br_hs_len(p);
	if (shlen > plen || tkt_server_hello_decode(p + 4, shlen - 4u, &sh, &at)
		!= TKT_OK)
	{
		return c->synth_sid ? TKT_ERR_TLS : tkt_br_conn_write_raw(c, rec, len);
	}
	resumed = c->engine_sid_set && sh.session_id.len == 32
		&& memcmp(sh.session_id.ptr, c->engine_sid, 32) == 0;
	c->res.resumed = resumed;
	if (c->res.ticket_accepted && !resumed) {
		/* The engine declined the session after all. */
		c->res.ticket_accepted = 0;
		reject(c, TKT_ERR_POLICY, "engine did not resume");
	}
	c->max_frag = max_frag_of(p, shlen);
	c->issue = c->hello_state == 1 && c->cfg->ticketer != NULL
		&& c->res.ticket_offered
		&& (!resumed || !c->res.ticket_accepted || c->renew_wanted);
	if (!c->issue && !c->synth_sid) {
		return tkt_br_conn_write_raw(c, rec, len);
	}
	/* From here the engine's transcript must be replaced: it hashed a
	   ClientHello with the synthetic ID, or will see extension 35
	   nowhere. Failures are fatal rather than silently wrong. */
	sh_msg = p;
	sh_len = shlen;
	if (c->synth_sid && resumed) {
		if (echo_client_sid(c, p, shlen, &sh_len) != TKT_OK) {
			return TKT_ERR_TLS;
		}
		sh_msg = c->state_buf;
	}
	if (c->issue) {
		if (tkt_hello_set_ext35(sh_msg, sh_len, NULL, 0, c->tmp,
			sizeof c->tmp, &w) != TKT_OK)
		{
			return TKT_ERR_TLS;
		}
	} else {
		if (sh_len > sizeof c->tmp) {
			return TKT_ERR_TLS;
		}
		memcpy(c->tmp, sh_msg, sh_len);
		w = sh_len;
	}
	if (w + (plen - shlen) > sizeof c->tmp) {
		return TKT_ERR_TLS;
	}
	memcpy(c->tmp + w, p + shlen, plen - shlen);
	w += plen - shlen;
	parts[0].ptr = c->hello;
	parts[0].len = c->hello_len;
	parts[1].ptr = c->tmp;
	parts[1].len = w;
	tkt_br_transcript_set(c->eng, parts, 2);
	return tkt_br_conn_write_records(c, 22, rec + 1, c->tmp, w,
		c->max_frag);
}

/* Seal the session into a NewSessionTicket message in c->tmp. */
static size_t build_nst(tkt_br_conn *c)
{
	br_ssl_session_parameters sp;
	tkt_state st;
	tkt_nst nst;
	const char *proto;
	uint8_t *ticket = c->tmp;
	uint8_t *msg = c->tmp + TKT_BR_TICKET_MAX;
	size_t ticket_len = 0, w = 0;
	uint32_t hint = 0;

	br_ssl_engine_get_session_parameters(c->eng, &sp);
	memset(&st, 0, sizeof st);
	st.version = sp.version;
	st.cipher_suite = sp.cipher_suite;
	st.compression = 0;
	st.master_secret = sp.master_secret;
	st.identity = TKT_IDENTITY_ANONYMOUS;
	/* A renewed ticket keeps the session's age: renewal re-protects a
	   session (key rotation), it never extends its life. */
	st.timestamp = (c->res.resumed && c->res.ticket_accepted)
		? c->tsess_timestamp : c->now;
	if (c->sni_len > 0) {
		st.server_name.ptr = c->sni;
		st.server_name.len = c->sni_len;
	}
	proto = br_ssl_engine_get_selected_protocol(c->eng);
	if (proto != NULL) {
		st.alpn.ptr = (const uint8_t *)proto;
		st.alpn.len = strlen(proto);
	}
	nst.lifetime_hint = 0;
	nst.ticket.ptr = NULL;
	nst.ticket.len = 0;
	if (c->sni_too_long) {
		/* Not representable in the state: no ticket. */
		c->res.seal_status = TKT_ERR_RANGE;
	} else {
		c->res.seal_status = (*c->cfg->ticketer)->seal(c->cfg->ticketer,
			&st, c->now, ticket, TKT_BR_TICKET_MAX, &ticket_len, &hint);
	}
	if (c->res.seal_status == TKT_OK && ticket_len > 0
		&& ticket_len <= TKT_BR_TICKET_MAX)
	{
		uint32_t age = st.timestamp < c->now ? c->now - st.timestamp : 0;
		uint32_t left = age < c->cfg->lifetime ? c->cfg->lifetime - age : 0;

		nst.lifetime_hint = hint < left ? hint : left;
		nst.ticket.ptr = ticket;
		nst.ticket.len = ticket_len;
	}
	/* Extension 35 is already promised: a failed seal still sends a
	   NewSessionTicket, empty (RFC 5077 section 3.3). */
	memset(&sp, 0, sizeof sp);
	if (tkt_nst_encode_msg(&nst, msg, sizeof c->tmp - TKT_BR_TICKET_MAX, &w)
		!= TKT_OK)
	{
		return 0;
	}
	c->res.ticket_issued = nst.ticket.len > 0;
	c->res.renewed = c->res.ticket_issued && c->res.resumed;
	c->res.ticket_len = nst.ticket.len;
	c->res.lifetime_hint = nst.lifetime_hint;
	return w;
}

tkt_status tkt_br_server_on_out(tkt_br_conn *c, const uint8_t *rec, size_t len)
{
	if (!c->sh_done && rec[0] == 22) {
		return on_server_hello(c, rec, len);
	}
	if (!c->ccs_done && rec[0] == 20) {
		c->ccs_done = 1;
		if (c->issue) {
			/* The engine is paused on its ChangeCipherSpec and
			   computes its Finished only once that record is
			   acknowledged: the ticket goes into the transcript
			   now. */
			size_t w = build_nst(c);
			const uint8_t *msg = c->tmp + TKT_BR_TICKET_MAX;
			tkt_status st;

			if (w == 0) {
				return TKT_ERR_TLS;
			}
			tkt_br_transcript_append(c->eng, msg, w);
			st = tkt_br_conn_write_records(c, 22, rec + 1, msg, w,
				c->max_frag);
			if (st != TKT_OK) {
				return st;
			}
		}
	}
	return tkt_br_conn_write_raw(c, rec, len);
}
