/*
 * tkt/bearssl.h -- RFC 5077 session tickets for unmodified BearSSL 0.6.
 *
 * Layer: handshake integration. BearSSL 0.6 has no session tickets and no
 * extension hook; this layer adds both sides of RFC 5077 around an
 * unmodified engine by owning the record I/O loop:
 *
 *   server  The whole ClientHello is assembled before the engine sees it;
 *           its SessionTicket extension (35) is opened and, if every
 *           check passes, the session is served to the engine through a
 *           per-connection br_ssl_session_cache_class whose load()
 *           answers for the client's 32-byte session ID. On a full
 *           handshake (or a renewing resumption) the outgoing ServerHello
 *           gets an empty extension 35 and a NewSessionTicket is sent
 *           just before the server's ChangeCipherSpec.
 *   client  Extension 35 is added to the outgoing ClientHello (empty, or
 *           carrying a stored ticket), stripped from the incoming
 *           ServerHello, and the NewSessionTicket is taken out of the
 *           stream before the engine would reject it.
 *
 * Each rewrite changes the handshake transcript; the engine's running
 * transcript hash is then set to the hash of the bytes actually on the
 * wire. That hash is the only non-public engine field this layer
 * touches, in one source file (src/bearssl/engine_mhash.c) that checks
 * BearSSL 0.6's layout at compile time and at run time
 * (tkt_br_selftest()). Renegotiation is always disabled
 * (BR_OPT_NO_RENEGOTIATION): one handshake per connection.
 *
 * Supported: BearSSL 0.6 (Debian 12 libbearssl-dev), TLS 1.0 to 1.2.
 *
 * Memory: no heap. A tkt_br_conn holds every buffer it needs (about
 * 66 kB on x86-64); the BearSSL context and its I/O buffer are the
 * caller's.
 * Not thread-safe per connection; distinct connections are independent.
 */
#ifndef TKT_BEARSSL_H
#define TKT_BEARSSL_H

#include <stddef.h>
#include <stdint.h>

#include <bearssl.h>

#include "tkt/codec.h"
#include "tkt/seal.h"
#include "tkt/status.h"

/* ======================================================================
 * Ticket protection, as seen by the integration.
 *
 * The integration does not care how tickets are protected: it hands a
 * session state (tkt/codec.h's tkt_state) to seal() and gets one back from
 * open(). tkt_br_ring_ticketer (below) adapts tkt's seal layer; any other
 * scheme can implement the class. `ctx` points to the vtable pointer that
 * starts the implementation's context (BearSSL's object convention).
 * ====================================================================== */

typedef struct tkt_br_ticketer_class_ tkt_br_ticketer_class;
struct tkt_br_ticketer_class_ {
	/*
	 * Protect `st` into a ticket of at most `cap` bytes at `ticket`;
	 * *ticket_len gets its length and *hint the lifetime hint to
	 * announce. TKT_OK, or a failure status (the server then sends an
	 * empty NewSessionTicket).
	 */
	tkt_status (*seal)(const tkt_br_ticketer_class **ctx,
		const tkt_state *st, uint32_t now,
		uint8_t *ticket, size_t cap, size_t *ticket_len, uint32_t *hint);

	/*
	 * Authenticate, decrypt and decode `ticket` using buf[0..cap) as
	 * working space; on TKT_OK or TKT_OK_RENEW (opened, but should be
	 * replaced) `*st` is a view into `buf`. Any other status
	 * (TKT_ERR_NOT_OURS, TKT_ERR_BAD_MAC, TKT_ERR_EXPIRED, ...) is a
	 * refusal and `*st` is not written.
	 */
	tkt_status (*open)(const tkt_br_ticketer_class **ctx,
		const uint8_t *ticket, size_t ticket_len, uint32_t now,
		uint8_t *buf, size_t cap, tkt_state *st);
};

/*
 * The ticketer over tkt's seal layer: tkt_seal() / tkt_open() with a key
 * ring, a random generator and a policy. The ring, generator and policy
 * are the caller's and must outlive the ticketer; the ring may be shared
 * by connections under seal.h's locking rules, the generator may not be
 * used by two threads at once. `stats` counts open() results.
 */
typedef struct tkt_br_ring_ticketer {
	const tkt_br_ticketer_class *vtable;
	const tkt_ring *ring;
	tkt_drbg *rng;
	const tkt_policy *policy;
	uint32_t session_lifetime;
	tkt_seal_stats stats;
} tkt_br_ring_ticketer;

/* Set up `t`; `policy` may be NULL (seal.h's defaults). */
void tkt_br_ring_ticketer_init(tkt_br_ring_ticketer *t, const tkt_ring *ring,
	tkt_drbg *rng, const tkt_policy *policy, uint32_t session_lifetime);

/* ======================================================================
 * Transport: the integration owns the record loop and reads and writes
 * the peer through these callbacks (blocking, like br_sslio).
 * ====================================================================== */

typedef struct tkt_br_io {
	/* Read 1..len bytes into buf; return the count, 0 at end of
	   stream, or a negative value on error. */
	int (*read)(void *ctx, uint8_t *buf, size_t len);
	/* Write 1..len bytes from buf; return the count (> 0) or a negative
	   value on error. */
	int (*write)(void *ctx, const uint8_t *buf, size_t len);
	void *ctx;
} tkt_br_io;

/* ======================================================================
 * Limits.
 * ====================================================================== */

/* Largest ClientHello (whole message) the server examines for a ticket.
   A larger one is passed to the engine untouched: full handshake, no
   ticket issued (never an error). */
#define TKT_BR_HELLO_MAX   8192
/* Largest ticket the client stores and the server issues. */
#define TKT_BR_TICKET_MAX  2048
/* Working space for opening a ticket (sessions carry no certificates). */
#define TKT_BR_STATE_MAX   (TKT_BR_TICKET_MAX + 64)

/* Seconds a ticket's timestamp may lie in the future (fleet clock skew). */
#define TKT_BR_MAX_SKEW    60u

/* Renewal policy on resumption (tkt_br_server_config.renew). */
#define TKT_BR_RENEW_AUTO   0  /* renew when open() says TKT_OK_RENEW */
#define TKT_BR_RENEW_ALWAYS 1  /* a new ticket on every resumption */
#define TKT_BR_RENEW_NEVER  2  /* never on resumption */

/* ======================================================================
 * Server configuration. The integration applies versions, suites and
 * ALPN names to the engine itself, so that the checks it makes on a
 * ticket's session are made against exactly what the engine uses.
 * ====================================================================== */

typedef struct tkt_br_server_config {
	/* Ticket protection; NULL disables tickets entirely (no ticket is
	   ever issued and none is ever accepted). */
	const tkt_br_ticketer_class **ticketer;
	/* Maximum age of a session, in seconds (also the lifetime hint). A
	   renewed ticket keeps the session's original timestamp, so renewal
	   never extends a session beyond this. Must not be 0 when tickets
	   are enabled (TKT_ERR_ARG). */
	uint32_t lifetime;
	int renew;                      /* TKT_BR_RENEW_* */
	unsigned version_min, version_max;   /* BR_TLS10 .. BR_TLS12 */
	/* Cipher suites in preference order; NULL selects
	   tkt_br_default_suites. At most BR_MAX_CIPHER_SUITES. */
	const uint16_t *suites;
	size_t suites_num;
	/* ALPN protocol names (may be NULL / 0). */
	const char **alpn;
	size_t alpn_num;
	/* Optional session-ID cache (e.g. a br_ssl_session_cache_lru) that
	   keeps plain session-ID resumption working beside tickets. */
	const br_ssl_session_cache_class **cache;
} tkt_br_server_config;

/* The ECDHE suites (RSA and ECDSA; AES-GCM, ChaCha20-Poly1305, AES-CBC)
   used when tkt_br_server_config.suites is NULL. */
extern const uint16_t tkt_br_default_suites[];
extern const size_t tkt_br_default_suites_num;

/* What happened to the ticket on a connection (for logs). */
typedef struct tkt_br_result {
	int resumed;             /* abbreviated handshake */
	int ticket_offered;      /* the client sent extension 35 */
	int ticket_presented;    /* ... and it carried a ticket */
	int ticket_accepted;     /* the session came from the ticket */
	tkt_status ticket_status;  /* why a presented ticket was refused:
	                           open() status, TKT_ERR_POLICY (suite,
	                           version, SNI, ALPN or session-ID binding),
	                           TKT_ERR_EXPIRED, a codec status; TKT_OK
	                           or TKT_OK_RENEW when accepted */
	const char *reason;      /* short constant text for a refusal, or NULL */
	int ticket_issued;       /* a non-empty NewSessionTicket was sent /
	                            received */
	tkt_status seal_status;  /* server: seal() result when issuing */
	int renewed;             /* issued on a resumption */
	size_t ticket_len;       /* length of the ticket issued / received */
	uint32_t lifetime_hint;
	int br_err;              /* br_ssl_engine_last_error() at the end */
} tkt_br_result;

/* ======================================================================
 * Client session: what a client keeps to resume later.
 * ====================================================================== */

typedef struct tkt_br_client_session {
	br_ssl_session_parameters params;  /* version, suite, master secret */
	/* Length of the session ID offered with a ticket: 1..32 bytes of
	   SHA-256(ticket); 0 means 32. Shorter IDs emulate clients such as
	   older Go (16 bytes), for testing servers. */
	uint8_t sid_len;
	uint32_t lifetime_hint;
	size_t ticket_len;                 /* 0: no ticket */
	uint8_t ticket[TKT_BR_TICKET_MAX];
} tkt_br_client_session;

/* ======================================================================
 * Connection.
 * ====================================================================== */

/* Per-connection session cache handed to the engine (server side). */
typedef struct tkt_br_cache {
	const br_ssl_session_cache_class *vtable;
	struct tkt_br_conn *conn;
} tkt_br_cache;

/* Opaque to callers: fields may change between versions. */
typedef struct tkt_br_conn {
	br_ssl_engine_context *eng;
	br_ssl_server_context *sc;      /* server side, else NULL */
	br_ssl_client_context *cc;      /* client side, else NULL */
	tkt_br_io io;
	const tkt_br_server_config *cfg;
	uint32_t now;
	tkt_br_result res;
	tkt_br_cache cache;

	/* record read from the peer */
	uint8_t rec[5 + 16384 + 2048];
	size_t rec_len;

	/* server: ClientHello assembly; client: the ClientHello sent */
	uint8_t hello[TKT_BR_HELLO_MAX + 8];
	size_t hello_len;
	int hello_state;      /* 0 gathering / sending, 1 done, 2 passthrough */
	uint8_t rec_version[2];

	/* server: the ClientHello was read whole and may resume (from a
	   ticket or the session cache); see src/bearssl/server.c */
	int resume_ok;
	/* server: session recovered from a ticket */
	int have_ticket_session;
	br_ssl_session_parameters tsess;
	uint32_t tsess_timestamp;
	int renew_wanted;
	uint8_t client_sid[32];
	size_t client_sid_len;
	/* the 32-byte ID the engine sees: the client's, or a synthetic one
	   for a client whose ID is not 32 bytes (docs/bearssl.md) */
	uint8_t engine_sid[32];
	int engine_sid_set;
	int synth_sid;
	uint8_t sni[TKT_STATE_NAME_MAX];   /* host name the client sent */
	size_t sni_len;
	int sni_too_long;
	int sh_done, ccs_done, issue;
	size_t max_frag;             /* negotiated record payload limit */

	/* client: incoming handshake stream */
	tkt_br_client_session *sess;   /* in/out, may be NULL */
	int offered_sid;
	uint8_t hs_hdr[4];
	size_t hs_hdr_have;
	uint8_t hs_type;
	size_t hs_left;
	int sh_seen, nst_announced, nst_seen, ccs_seen, resumed;
	uint8_t msg[TKT_BR_TICKET_MAX + 16];
	size_t msg_len;
	int msg_overflow;
	uint8_t new_ticket[TKT_BR_TICKET_MAX];
	size_t new_ticket_len;
	int got_ticket;           /* a non-empty NST was stored */
	int got_empty_nst;

	/* one outgoing record of our own framing */
	uint8_t wbuf[5 + 16384];

	/* scratch for rewrites */
	uint8_t tmp[16384 + 1024];
	uint8_t state_buf[TKT_BR_STATE_MAX];
} tkt_br_conn;

/*
 * Run-time check that the one non-public engine field this layer uses
 * (the transcript hash) is where BearSSL 0.6 keeps it, by running a
 * real ClientHello through the linked library and comparing hashes.
 * Returns 1 if the layout matches, 0 otherwise. Call it once at start-up
 * (it costs a client engine set-up) and do not use this layer if it
 * fails; `tkt server` and `tkt client` refuse to run. No side effect;
 * uses about 25 kB of stack.
 */
int tkt_br_selftest(void);

/*
 * Start a server connection on `sc`, which the caller has initialised
 * (br_ssl_server_init_full_rsa / _ec or equivalent, keys, and an I/O
 * buffer with br_ssl_engine_set_buffer(..., bidi = 1)). This function
 * applies cfg's versions, suites and ALPN names, disables renegotiation,
 * installs the per-connection cache and resets the engine. `now` is the
 * current time in seconds (ticket timestamps and expiry). `c`, `sc` and
 * `cfg` must outlive the connection. Errors: TKT_ERR_ARG, TKT_ERR_TLS.
 */
tkt_status tkt_br_server_start(tkt_br_conn *c, br_ssl_server_context *sc,
	const tkt_br_server_config *cfg, const tkt_br_io *io, uint32_t now);

/*
 * Start a client connection on `cc`, initialised by the caller
 * (br_ssl_client_init_full or equivalent, with an I/O buffer set with
 * bidi = 1). If `sess` holds a ticket (ticket_len > 0) the client offers
 * it with the session ID SHA-256(ticket), as OpenSSL does, otherwise it
 * asks for a ticket with an empty extension 35. `sess` may be NULL (no
 * ticket kept); when given, it is updated when the handshake completes
 * (new parameters and ticket; an empty NewSessionTicket keeps the old
 * ticket; a full handshake without a ticket clears it). `server_name`
 * as for br_ssl_client_reset. Errors: TKT_ERR_ARG, TKT_ERR_TLS.
 */
tkt_status tkt_br_client_start(tkt_br_conn *c, br_ssl_client_context *cc,
	tkt_br_client_session *sess, const char *server_name,
	const tkt_br_io *io);

/*
 * Run the record loop until the handshake has completed. TKT_OK, or
 * TKT_ERR_TLS (engine error in c->res.br_err or peer closed),
 * TKT_ERR_IO (transport), TKT_ERR_BAD_TYPE (client: NewSessionTicket
 * not announced by the ServerHello, or announced and missing), a codec
 * status for a malformed ServerHello / NewSessionTicket.
 */
tkt_status tkt_br_handshake(tkt_br_conn *c);

/*
 * Erase a connection context: it holds the session's master secret (a
 * server's recovered session, a client's new ticket and scratch copies).
 * Call it when the connection is over; `c` may then be started again.
 */
void tkt_br_conn_wipe(tkt_br_conn *c);

/* What happened to tickets on this connection; valid after the handshake. */
const tkt_br_result *tkt_br_result_get(const tkt_br_conn *c);

/*
 * Application data, after tkt_br_handshake(). write_all sends all `len`
 * bytes and flushes; read returns 1..len bytes, 0 on close_notify or end
 * of stream, or -1 on error. close sends close_notify and drains.
 */
tkt_status tkt_br_write_all(tkt_br_conn *c, const uint8_t *data, size_t len);
long tkt_br_read(tkt_br_conn *c, uint8_t *buf, size_t len);
void tkt_br_close(tkt_br_conn *c);

#endif
