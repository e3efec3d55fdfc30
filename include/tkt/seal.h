/*
 * tkt/seal.h -- ticket protection (RFC 5077 section 4) on BearSSL 0.6:
 * suites, a random generator, keys, a fixed-capacity key ring, key files,
 * and seal()/open().
 *
 * Layer: seal. Uses tkt/codec.h for every byte layout and BearSSL for
 * every primitive. No heap and no global mutable state: every context is
 * allocated by the caller (BearSSL style) and may live anywhere.
 *
 * Suites (names used by the API, the command and the key files):
 *   "rfc5077"         key_name[16] iv[16] len[2] encrypted_state mac[32];
 *                     AES-128-CBC with PKCS#7 padding, HMAC-SHA-256 over
 *                     key_name..encrypted_state; HMAC key 32 (RFC) or 16
 *                     bytes (operational key files).
 *   "rfc5077-aes256"  the same layout with AES-256-CBC (80-byte key files);
 *                     HMAC key 32 or 16 bytes.
 *   "aes256-gcm"      key_name[16] nonce[12] len[2] ciphertext tag[16];
 *                     AES-256-GCM, associated data key_name||nonce||len.
 * spec/formats.md gives the exact rules. The AES implementation (AES-NI
 * or BearSSL's constant-time ct64) and GHASH (PCLMUL or ctmul64) are
 * chosen at run time, once per key. A build with TKT_NO_GCM
 * (tkt/config.h) has the two CBC suites only.
 *
 * Thread safety (the whole contract):
 *   - tkt_open() and tkt_seal() only read the ring; any number of threads
 *     may call them on one ring at the same time.
 *   - tkt_ring_add/remove/expire/clear/set_max_ticket write the ring; the
 *     caller must give them exclusive access (for example a
 *     pthread_rwlock_t: read lock around open/seal, write lock around
 *     rotation). tests/seal/ checks this pattern under ThreadSanitizer.
 *   - A tkt_drbg and a tkt_seal_stats are used by one thread at a time
 *     (keep one per thread; add the stats up when reporting).
 *   - A tkt_key is plain data.
 *
 * Secrets: tkt_key holds raw key bytes; tkt_ring_key holds key schedules.
 * Erase them with tkt_key_clear() / tkt_ring_remove() / tkt_ring_clear();
 * tkt_secure_zero() erases any buffer in a way the compiler cannot drop.
 */
#ifndef TKT_SEAL_H
#define TKT_SEAL_H

#include <stddef.h>
#include <stdint.h>

#include <bearssl.h>

#include "tkt/codec.h"
#include "tkt/status.h"

/* ======================================================================
 * Suites
 * ====================================================================== */

typedef enum tkt_suite {
	TKT_SUITE_NONE = 0,
	TKT_SUITE_RFC5077 = 1,         /* "rfc5077" */
	TKT_SUITE_RFC5077_AES256 = 2,  /* "rfc5077-aes256" */
	TKT_SUITE_AES256_GCM = 3       /* "aes256-gcm" */
} tkt_suite;

/* Name of a suite ("rfc5077", ...); "none" for anything else. Static. */
const char *tkt_suite_name(tkt_suite s);

/*
 * Suite from its exact name. TKT_ERR_ARG (and *s untouched) for an
 * unknown name or NULL; TKT_ERR_UNSUPPORTED for "aes256-gcm" in a build
 * with TKT_NO_GCM.
 */
tkt_status tkt_suite_from_name(const char *name, tkt_suite *s);

/* IV or nonce length (16, 16, 12) and MAC or tag length (32, 32, 16) of a
   suite; 0 for TKT_SUITE_NONE, an unknown value, or a suite left out of
   the build (TKT_NO_GCM). */
size_t tkt_suite_iv_len(tkt_suite s);
size_t tkt_suite_mac_len(tkt_suite s);

/* AES key length of a suite (16, 32, 32); 0 if unknown. */
size_t tkt_suite_aes_len(tkt_suite s);

/*
 * Exact ticket length for a StatePlaintext of `state_len` bytes under
 * suite `s` (CBC suites pad to the next multiple of 16, always adding 1..16
 * bytes); 0 if the suite is unknown or the ticket would exceed 65535 bytes.
 */
size_t tkt_suite_ticket_len(tkt_suite s, size_t state_len);

/* The largest overhead of any suite: tkt_suite_ticket_len(s, n) <= n + 82. */
#define TKT_SEAL_MAX_OVERHEAD 82u

/* ======================================================================
 * Random generator: HMAC_DRBG (SHA-256) seeded from getrandom(2).
 * ====================================================================== */

/* HMAC_DRBG output is drawn TKT_DRBG_POOL bytes at a time (one
   br_hmac_drbg_generate costs about as much for 1 KiB as for 16 bytes
   and several HMAC key setups), then handed out and erased piecewise. */
#define TKT_DRBG_POOL 1024u

typedef struct tkt_drbg {
	/* private */
	br_hmac_drbg_context drbg;
	uint32_t calls;     /* pool refills since the last (re)seed */
	long pid;           /* process that seeded it: reseed after fork() */
	int seeded;
	size_t left;        /* unused bytes at the end of pool */
	uint8_t pool[TKT_DRBG_POOL];
} tkt_drbg;

/*
 * Seed `d` with 48 bytes from getrandom(2) (blocking until the kernel
 * pool is initialised; BearSSL's system seeder, which trusts RDRAND
 * unchecked in 0.6, is not used). TKT_ERR_RNG if getrandom fails: `d` is
 * then unusable and every tkt_drbg_generate() on it fails.
 */
tkt_status tkt_drbg_init(tkt_drbg *d);

/*
 * Fill `out` with `len` random bytes (len at most 65536). Reseeds from
 * getrandom() every 2^16 pool refills and whenever the process id changed
 * since seeding, discarding the pool (a forked child never repeats its
 * parent's nonces). Bytes handed out are erased from the pool. On failure
 * (TKT_ERR_RNG, TKT_ERR_ARG) `out` is zero-filled.
 */
tkt_status tkt_drbg_generate(tkt_drbg *d, void *out, size_t len);

/* Erase the generator state. */
void tkt_drbg_clear(tkt_drbg *d);

/* ======================================================================
 * Keys
 * ====================================================================== */

/* A window that never ends. */
#define TKT_FOREVER UINT64_MAX

/*
 * One ticket key with its lifecycle (all times in Unix seconds):
 *   [introduced, introduced + encrypt_for)            seals and opens
 *   [.. + encrypt_for, .. + encrypt_for + decrypt_for) opens only; tickets
 *                                                     it opens get OK_RENEW
 * A sum that overflows means TKT_FOREVER. Before `introduced` the key is
 * not used at all.
 */
typedef struct tkt_key {
	tkt_suite suite;
	uint8_t name[TKT_KEY_NAME_LEN];
	uint8_t aes[32];
	size_t aes_len;       /* tkt_suite_aes_len(suite) */
	uint8_t hmac[32];
	size_t hmac_len;      /* 32 or 16 for the CBC suites, 0 for GCM */
	uint64_t introduced;
	uint64_t encrypt_for;
	uint64_t decrypt_for;
} tkt_key;

/*
 * Validate a key: known suite, matching key lengths, AES and HMAC keys not
 * all zero (CVE-2020-13777) and not equal to each other. TKT_ERR_ARG for
 * lengths, TKT_ERR_KEY for a refused secret, TKT_ERR_UNSUPPORTED for a
 * suite left out of the build (TKT_NO_GCM).
 */
tkt_status tkt_key_check(const tkt_key *k);

/*
 * Make a fresh key of suite `s` from `rng`: random name and secrets
 * (HMAC key 32 bytes for CBC suites), introduced at `now`, encrypting and
 * decrypting forever until the caller sets the windows. On failure `*k`
 * is zeroed (TKT_ERR_UNSUPPORTED: a suite left out, TKT_NO_GCM).
 */
tkt_status tkt_key_generate(tkt_key *k, tkt_suite s, uint64_t now,
	tkt_drbg *rng);

/*
 * Fingerprint of a key: the first 8 bytes of SHA-256("tkt key fingerprint
 * v1" || 0x00 || suite name || 0x00 || name || aes || hmac). Identifies a
 * key in logs and `tkt keys show` without revealing key bytes.
 */
#define TKT_FINGERPRINT_LEN 8
void tkt_key_fingerprint(const tkt_key *k, uint8_t out[TKT_FINGERPRINT_LEN]);

/* Turn a key decrypt-only from its introduction on (for every key file
   after the first, nginx style): encrypt_for = 0, decrypt_for forever. */
void tkt_key_make_decrypt_only(tkt_key *k);

/* Erase a key (through a volatile pointer: not optimised away). */
void tkt_key_clear(tkt_key *k);

/* Erase `len` bytes at `p` in a way the compiler cannot remove. */
void tkt_secure_zero(void *p, size_t len);

/* ======================================================================
 * Counters, one per status (indexed by tkt_status).
 * ====================================================================== */

typedef struct tkt_seal_stats {
	uint64_t by_status[TKT_STATUS_COUNT];
} tkt_seal_stats;

/* ======================================================================
 * Key ring: caller-allocated slots, fixed capacity, no heap.
 * ====================================================================== */

/* One slot: a key, its precomputed schedules and contexts. Private. */
typedef struct tkt_ring_key {
	tkt_key key;
	int used;
	uint64_t encrypt_end;   /* introduced + encrypt_for, saturated */
	uint64_t decrypt_end;   /* encrypt_end + decrypt_for, saturated */
	br_aes_gen_cbcenc_keys cbcenc;
	br_aes_gen_cbcdec_keys cbcdec;
	br_aes_gen_ctr_keys ctr;
	br_hmac_key_context hmac;
	br_ghash ghash;
	uint8_t gcm_h[16];
} tkt_ring_key;

typedef struct tkt_ring {
	/* private */
	tkt_ring_key *slots;
	size_t cap;
	size_t max_ticket;
	/* public, read-only: refusals by tkt_ring_add, per status */
	tkt_seal_stats refused;
} tkt_ring;

/*
 * Start an empty ring over `slots[0..cap)` (cap >= 1, else TKT_ERR_ARG).
 * The slots are zeroed; the caller keeps them alive as long as the ring.
 * The longest ticket the ring will seal or open starts at 65535 bytes.
 */
tkt_status tkt_ring_init(tkt_ring *r, tkt_ring_key *slots, size_t cap);

/*
 * Limit the tickets this ring seals and opens to `max_ticket` bytes
 * (1..65535, else TKT_ERR_ARG): tkt_open() rejects longer tickets before
 * any other work, tkt_seal() refuses states whose ticket would be longer.
 */
tkt_status tkt_ring_set_max_ticket(tkt_ring *r, size_t max_ticket);

/*
 * Add a copy of `k`, computing its AES schedules, HMAC key context and
 * GHASH key once, here. Refused, with r->refused.by_status[status]
 * incremented and the ring unchanged:
 *   TKT_ERR_ARG   bad suite or key lengths
 *   TKT_ERR_KEY   all-zero secret, AES key equal to the HMAC key, or a
 *                 key name or secret already in the ring
 *   TKT_ERR_FULL  no free slot
 */
tkt_status tkt_ring_add(tkt_ring *r, const tkt_key *k);

/* Remove and erase the key named `name`: TKT_OK or TKT_ERR_NOT_OURS. */
tkt_status tkt_ring_remove(tkt_ring *r, const uint8_t name[TKT_KEY_NAME_LEN]);

/* Remove and erase every key whose decrypt window ended at or before
   `now`. Returns how many were removed. */
size_t tkt_ring_expire(tkt_ring *r, uint64_t now);

/* Erase every key. The ring stays usable (empty). */
void tkt_ring_clear(tkt_ring *r);

/* Number of keys in the ring. */
size_t tkt_ring_count(const tkt_ring *r);

/*
 * The i-th key in slot order (i < tkt_ring_count(r)), for listing:
 * fills `*out` with name, suite, windows and fingerprint. No secret leaves
 * the ring this way. TKT_ERR_ARG if i is out of range.
 */
typedef struct tkt_key_info {
	tkt_suite suite;
	uint8_t name[TKT_KEY_NAME_LEN];
	size_t hmac_len;
	uint64_t introduced;
	uint64_t encrypt_end;   /* TKT_FOREVER if it never ends */
	uint64_t decrypt_end;
	uint8_t fingerprint[TKT_FINGERPRINT_LEN];
} tkt_key_info;
tkt_status tkt_ring_info(const tkt_ring *r, size_t i, tkt_key_info *out);

/*
 * The key tkt_seal() uses at `now`: among the keys whose encrypt window
 * contains `now`, the most recently introduced (the first in slot order on
 * a tie). Returns its slot index, or -1 if none.
 */
long tkt_ring_encrypting(const tkt_ring *r, uint64_t now);

/* ======================================================================
 * Seal
 * ====================================================================== */

/* The lifetime hint never exceeds 7 days (RFC 5077 section 3.3). */
#define TKT_MAX_HINT 604800u

/*
 * Encode `st` (tkt_state_encode) and protect it with the encrypting key at
 * `now` (tkt_ring_encrypting), with a fresh IV or nonce from `rng`.
 *
 * `*written` and `*hint` are always written. On TKT_OK: the ticket is
 * out[0..*written) and *hint is the smallest of the key's remaining
 * decrypt time, `session_lifetime` and TKT_MAX_HINT. On any failure:
 * *hint = 0, *written = 0 (or the needed size for
 * TKT_ERR_BUFFER_TOO_SMALL, where `out` is untouched), and every byte of
 * `out` this call wrote is zeroed again: a server sends no ticket (or an
 * empty one with hint 0), never a half-made one. Errors:
 *   TKT_ERR_KEY               no key can encrypt at `now`
 *   TKT_ERR_RANGE             the ticket would exceed the ring's maximum
 *   TKT_ERR_BUFFER_TOO_SMALL  cap is below the ticket length
 *   TKT_ERR_RNG               no IV/nonce could be drawn
 *   codec statuses            `st` cannot be encoded
 *   TKT_ERR_UNSUPPORTED       `st` needs a part of the state format left
 *                             out of this build (tkt/config.h)
 * `out` must not overlap the bytes `st` references. Re-entrant.
 */
tkt_status tkt_seal(const tkt_ring *r, tkt_drbg *rng, const tkt_state *st,
	uint64_t now, uint32_t session_lifetime, uint8_t *out, size_t cap,
	size_t *written, uint32_t *hint);

/* ======================================================================
 * Open
 * ====================================================================== */

/*
 * What tkt_open() accepts beyond authenticity and well-formedness.
 *   lifetime      a ticket is valid while now < timestamp + lifetime
 *                 (0 means TKT_MAX_HINT)
 *   renew_within  OK_RENEW when fewer than this many seconds remain to
 *                 the ticket or to its key (0: only decrypt-only keys
 *                 cause OK_RENEW)
 *   max_skew      a timestamp up to this far after `now` is accepted
 *                 (clock skew between servers); later is TKT_ERR_EXPIRED
 *   versions      allowed protocol_version values (NULL: any)
 *   suites        allowed cipher_suite values (NULL: any)
 */
typedef struct tkt_policy {
	uint32_t lifetime;
	uint32_t renew_within;
	uint32_t max_skew;
	const uint16_t *versions;
	size_t n_versions;
	const uint16_t *suites;
	size_t n_suites;
} tkt_policy;

/* Optional details of a successful open. */
typedef struct tkt_open_info {
	tkt_suite suite;
	uint8_t key_name[TKT_KEY_NAME_LEN];
	int decrypt_only;      /* the key was past its encrypt window */
	uint32_t remaining;    /* seconds the ticket stays valid */
} tkt_open_info;

/*
 * Authenticate, decrypt and decode the ticket `ticket[0..len)`. Checks, in
 * this order, each cheaper than the next, stopping at the first failure:
 *   1. len == 0: TKT_EMPTY; len outside what any key of the ring can have
 *      issued (below the shortest, above the ring's maximum):
 *      TKT_ERR_MALFORMED
 *   2. key_name (the first 16 bytes, common to every suite) compared with
 *      every key of the ring in constant time, no early exit; keys outside
 *      their windows at `now` do not match: TKT_ERR_NOT_OURS
 *   3. layout of the key's suite (tkt_ticket_decode), CBC block multiple:
 *      TKT_ERR_MALFORMED; cap too small: TKT_ERR_BUFFER_TOO_SMALL
 *   4. HMAC or GCM tag, compared in constant time: TKT_ERR_BAD_MAC
 *   5. decrypt into buf[0..n) (n = length of encrypted_state)
 *   6. PKCS#7 padding, checked in constant time: TKT_ERR_MALFORMED
 *   7. strict StatePlaintext decode (tkt_state_decode): TKT_ERR_MALFORMED,
 *      or TKT_ERR_UNSUPPORTED for a state that uses a part left out of
 *      this build (tkt/config.h)
 *   8. timestamp against now and policy->lifetime: TKT_ERR_EXPIRED;
 *      version / cipher suite against the policy: TKT_ERR_POLICY
 * then TKT_OK, or TKT_OK_RENEW if the key is decrypt-only at `now`, or if
 * the ticket or its key's decrypt window has fewer than
 * policy->renew_within seconds left.
 *
 * Outputs (`*out`, and `*info` if not NULL) are written only on TKT_OK and
 * TKT_OK_RENEW; `*out` then points into `buf` (the master secret too), so
 * the caller erases buf after use. On every failure the bytes of `buf`
 * written by this call are zeroed. `stats` (may be NULL) counts the
 * result. `policy` may be NULL (lifetime TKT_MAX_HINT, nothing else).
 * `buf` must not overlap `ticket`. Re-entrant; reads the ring only.
 */
tkt_status tkt_open(const tkt_ring *r, const tkt_policy *policy,
	uint64_t now, const uint8_t *ticket, size_t len, uint8_t *buf,
	size_t cap, tkt_state *out, tkt_open_info *info, tkt_seal_stats *stats);

/* ======================================================================
 * Key files. Every format is named explicitly: 48-byte layouts are
 * ambiguous (nginx vs apache), so tkt never guesses. Not declared in a
 * build with TKT_NO_KEYFILES (tkt/config.h).
 * ====================================================================== */
#ifndef TKT_NO_KEYFILES

typedef enum tkt_keyfile_format {
	TKT_KEYFILE_NONE = 0,
	TKT_KEYFILE_NGINX = 1,     /* "nginx": 48 B name|aes16|hmac16 (rfc5077),
	                              80 B name|hmac32|aes32 (rfc5077-aes256) */
	TKT_KEYFILE_APACHE = 2,    /* "apache": 48 B name|hmac16|aes16 */
	TKT_KEYFILE_OPENSSL80 = 3, /* "openssl80": 80 B name|hmac32|aes32 */
	TKT_KEYFILE_HAPROXY = 4,   /* "haproxy": base64 lines, 48 or 80 B each,
	                              name|aes|hmac; last 3 kept */
	TKT_KEYFILE_LIGHTTPD = 5,  /* "lighttpd": 92 B stek-file */
	TKT_KEYFILE_TKT = 6        /* "tkt": native text format with suites and
	                              windows (spec/formats.md) */
} tkt_keyfile_format;

/* Name of a format; "none" if unknown. Static. */
const char *tkt_keyfile_format_name(tkt_keyfile_format f);

/* Format from its exact name; TKT_ERR_ARG if unknown. */
tkt_status tkt_keyfile_format_from_name(const char *name,
	tkt_keyfile_format *f);

/*
 * Parse one key file held in buf[0..len) into keys[0..*count).
 *   nginx, apache, openssl80: exactly one key, encrypting forever; for
 *     several nginx files, call tkt_key_make_decrypt_only() on the keys of
 *     every file after the first.
 *   haproxy: non-empty lines of base64 (CR LF or LF; no comments); only
 *     the last 3 keys are kept, in file order; the second-to-last (the
 *     only one when a single line) encrypts, the others are decrypt-only.
 *   lighttpd: version 0, active_ts, expire_ts (host-endian int32) and an
 *     80-byte name|hmac32|aes32; encrypts from active_ts to expire_ts,
 *     never decrypt-only (lighttpd keeps the previous key itself).
 *   tkt: see spec/formats.md; a file with no key line is valid (count 0).
 * Every key is checked with tkt_key_check(). Errors: TKT_ERR_BAD_LENGTH
 * (wrong size), TKT_ERR_SYNTAX (text), TKT_ERR_KEY (refused secret),
 * TKT_ERR_UNSUPPORTED (a key of a suite left out of the build, TKT_NO_GCM),
 * TKT_ERR_FULL (more keys than cap), TKT_ERR_RANGE (lighttpd version,
 * times). On failure `keys[0..cap)` is zeroed and *count is 0.
 */
tkt_status tkt_keyfile_parse(tkt_keyfile_format f, const uint8_t *buf,
	size_t len, tkt_key *keys, size_t cap, size_t *count);

/*
 * Write keys[0..n) in format `f`. The binary formats hold exactly one key
 * of the matching suite and key lengths (TKT_ERR_ARG otherwise); haproxy
 * 1..3 keys of one CBC suite with 16-byte (rfc5077) or 32-byte
 * (rfc5077-aes256) HMAC keys; tkt any number. Buffer rules as the codec's
 * encoders (TKT_ERR_BUFFER_TOO_SMALL with the needed size in *written).
 */
tkt_status tkt_keyfile_write(tkt_keyfile_format f, const tkt_key *keys,
	size_t n, uint8_t *out, size_t cap, size_t *written);
#endif /* TKT_NO_KEYFILES */

#endif
