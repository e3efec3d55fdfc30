/*
 * tkt/codec.h -- the RFC 5077 wire structures: decoders and encoders.
 *
 * Layer: codec. Pure C99, no heap, no global state, no dependency beyond
 * <stdint.h>, <stddef.h> and <string.h>. Every function here carries an
 * ACSL contract in its source file, proven with Frama-C WP (see README).
 * The formats and their canonical-encoding rules are in spec/formats.md.
 *
 * Conventions, common to every function in this header:
 *
 * Decoders
 *   tkt_status tkt_X_decode(const uint8_t *buf, size_t len, ..., tkt_X *out,
 *                           size_t *at);
 *   - `buf` holds `len` readable bytes (buf may be NULL only if len == 0).
 *   - The structure must fill `buf` exactly: trailing bytes are
 *     TKT_ERR_TRAILING (or TKT_ERR_BAD_LENGTH when an outer length field
 *     disagrees). Every length-prefixed level is consumed exactly.
 *   - Only canonical encodings are accepted: each value has exactly one
 *     accepted encoding (spec/formats.md lists the rules).
 *   - On TKT_OK, `*out` is a zero-copy view: its pointers point into `buf`,
 *     which the caller must keep alive and unchanged while the view is used.
 *     On failure `*out` is not written.
 *   - `*at` is always written: `len` on success; on failure, the offset in
 *     `buf` of the first byte of the field that could not be accepted (for
 *     TKT_ERR_TRUNCATED this may equal `len`).
 *
 * Encoders
 *   size_t     tkt_X_size(const tkt_X *v);
 *   tkt_status tkt_X_encode(const tkt_X *v, uint8_t *out, size_t cap,
 *                           size_t *written);
 *   - A size function gives the exact encoded length of a valid value
 *     (0 if the value cannot be encoded).
 *   - The encoder validates the value first (TKT_ERR_ARG if a field is out
 *     of its encodable range, for example a ticket longer than 65535 bytes).
 *   - If `cap` is smaller than the encoding, nothing is written to `out`,
 *     `*written` receives the needed size and TKT_ERR_BUFFER_TOO_SMALL is
 *     returned. Nothing is ever written past `out + cap`.
 *   - On TKT_OK, `*written` is the exact number of bytes written. On any
 *     other failure, `*written` is 0 and `out` is untouched.
 *   - `out` must not overlap the bytes referenced by the value.
 *   Encoding then decoding gives back the same value; decoding then
 *   encoding gives back the same bytes (both proven, see proofs/).
 */
#ifndef TKT_CODEC_H
#define TKT_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "tkt/config.h"
#include "tkt/status.h"

/* A zero-copy byte range. `ptr` may be NULL only when `len` is 0. */
typedef struct tkt_bytes {
	const uint8_t *ptr;
	size_t len;
} tkt_bytes;

/* ======================================================================
 * Handshake message header: HandshakeType msg_type; uint24 length.
 * ====================================================================== */

#define TKT_HS_CLIENT_HELLO        1
#define TKT_HS_SERVER_HELLO        2
#define TKT_HS_NEW_SESSION_TICKET  4
#define TKT_HS_HEADER_LEN          4
#define TKT_HS_MAX_BODY            0xFFFFFFu

typedef struct tkt_hs {
	uint8_t type;     /* msg_type, any value 0..255 */
	tkt_bytes body;   /* the `length` bytes that follow the header */
} tkt_hs;

/*
 * Decode exactly one handshake message filling buf: 4-byte header and a
 * body of exactly the announced length (TKT_ERR_TRUNCATED if fewer bytes,
 * TKT_ERR_TRAILING if more).
 */
tkt_status tkt_hs_decode(const uint8_t *buf, size_t len, tkt_hs *out,
	size_t *at);

/*
 * Write the 4-byte header for a body of `body_len` bytes (at most
 * TKT_HS_MAX_BODY, else TKT_ERR_ARG). The body itself is the caller's.
 */
tkt_status tkt_hs_encode_header(uint8_t type, size_t body_len, uint8_t *out,
	size_t cap, size_t *written);

/* ======================================================================
 * SessionTicket extension (type 35) body, RFC 5077 section 3.2.
 * In a ClientHello the extension_data is the ticket itself (empty when
 * the client has none); in a ServerHello it is empty.
 * ====================================================================== */

#define TKT_EXT_SESSION_TICKET 35

/* How the extension body was encoded. */
typedef enum tkt_ext35_form {
	TKT_EXT35_EMPTY = 0,          /* zero-length extension_data (00 23 00 00) */
	TKT_EXT35_TICKET = 1,         /* RFC 5077: extension_data is the ticket */
	TKT_EXT35_RFC4507_EMPTY = 2   /* RFC 4507 empty ticket: body 00 00
	                                 (00 23 00 02 00 00 on the wire) */
} tkt_ext35_form;

/* Flags for tkt_ext35_decode. */
#define TKT_EXT35_ALLOW_RFC4507_EMPTY 1u

typedef struct tkt_ext35 {
	tkt_ext35_form form;
	tkt_bytes ticket;   /* empty for both EMPTY forms */
} tkt_ext35;

/*
 * Decode the extension_data of a SessionTicket extension (`len` bytes,
 * without the 4-byte extension header).
 *   - len == 0: TKT_OK, form TKT_EXT35_EMPTY.
 *   - a body whose first two bytes, read as uint16, equal len - 2 has the
 *     RFC 4507 double-length shape of RFC 5077 Appendix A: TKT_ERR_LEGACY,
 *     except that the body 00 00 is accepted as TKT_EXT35_RFC4507_EMPTY
 *     when `flags` has TKT_EXT35_ALLOW_RFC4507_EMPTY. An RFC 5077 ticket
 *     that happens to start with its own length minus 2 is
 *     indistinguishable from that shape; a lenient server may decode it
 *     with tkt_ext35_decode_rfc4507() and try both.
 *   - otherwise: TKT_OK, form TKT_EXT35_TICKET, ticket = the whole body.
 * Unknown flag bits: TKT_ERR_ARG.
 */
tkt_status tkt_ext35_decode(const uint8_t *buf, size_t len, uint32_t flags,
	tkt_ext35 *out, size_t *at);

/*
 * Decode an extension body explicitly as RFC 4507 did: opaque
 * ticket<0..2^16-1> with its own length prefix, consumed exactly.
 * form is TKT_EXT35_RFC4507_EMPTY for an empty ticket, else TKT_EXT35_TICKET.
 */
tkt_status tkt_ext35_decode_rfc4507(const uint8_t *buf, size_t len,
	tkt_ext35 *out, size_t *at);

/*
 * Size and encoding of an extension body in the form v->form: the empty
 * forms need an empty ticket; TKT_EXT35_TICKET needs a ticket of 1..65535
 * bytes (an empty ticket is written as TKT_EXT35_EMPTY). The bytes written
 * are the extension_data only, without the 4-byte extension header.
 */
size_t tkt_ext35_size(const tkt_ext35 *v);
tkt_status tkt_ext35_encode(const tkt_ext35 *v, uint8_t *out, size_t cap,
	size_t *written);

/* ======================================================================
 * Extensions block: Extension extensions<0..2^16-1>, as it ends a
 * ClientHello or ServerHello. Decoded including its 2-byte length.
 * ====================================================================== */

typedef struct tkt_exts {
	tkt_bytes list;     /* the extensions, after the 2-byte length */
	size_t count;       /* number of extensions */
	int has_ext35;      /* 1 if a SessionTicket extension is present */
	size_t ext35_index; /* its position among the extensions (0-based) */
	size_t ext35_off;   /* offset of its 4-byte header within `list` */
	tkt_bytes ext35;    /* its extension_data (not yet decoded) */
} tkt_exts;

/* One extension, as produced by tkt_exts_next(). */
typedef struct tkt_ext {
	uint16_t type;
	tkt_bytes data;
} tkt_ext;

/*
 * Decode `2 + n` bytes: the uint16 length n and n bytes of extensions,
 * each `uint16 type; opaque data<0..2^16-1>` and each entirely inside the
 * block. A second SessionTicket extension is TKT_ERR_DUPLICATE (other
 * duplicate types are not checked here). Linear time in len.
 */
tkt_status tkt_exts_decode(const uint8_t *buf, size_t len, tkt_exts *out,
	size_t *at);

/*
 * Iterate over a decoded block: start with *cursor = 0; each call that
 * returns 1 fills *ext and advances *cursor; 0 means the end.
 * `x` must come from a successful tkt_exts_decode().
 */
int tkt_exts_next(const tkt_exts *x, size_t *cursor, tkt_ext *ext);

/*
 * Write a copy of the decoded block `x` (with its 2-byte length) in which
 * the SessionTicket extension's data is replaced by `data` (`data_len`
 * bytes), keeping its position, or appended last if the block had none.
 * TKT_ERR_ARG if the result would exceed 65535 bytes of extensions.
 * `out` must not overlap the block, `data` or `*written`; `data` may lie
 * inside the block (the extension's own data, for instance).
 */
size_t tkt_exts_set_ext35_size(const tkt_exts *x, size_t data_len);
tkt_status tkt_exts_set_ext35(const tkt_exts *x, const uint8_t *data,
	size_t data_len, uint8_t *out, size_t cap, size_t *written);

/*
 * Write a copy of the decoded block `x` (with its 2-byte length) without
 * its SessionTicket extension (an unchanged copy if it had none).
 */
size_t tkt_exts_remove_ext35_size(const tkt_exts *x);
tkt_status tkt_exts_remove_ext35(const tkt_exts *x, uint8_t *out, size_t cap,
	size_t *written);

/* ======================================================================
 * ClientHello and ServerHello bodies, TLS 1.0 to 1.2 (RFC 5246 7.4.1).
 * ====================================================================== */

#define TKT_RANDOM_LEN      32
#define TKT_SESSION_ID_MAX  32

typedef struct tkt_client_hello {
	uint16_t version;          /* client_version, as sent */
	const uint8_t *random;     /* TKT_RANDOM_LEN bytes */
	tkt_bytes session_id;      /* 0..32 bytes */
	tkt_bytes cipher_suites;   /* the list, 2..65534 bytes, even length */
	tkt_bytes compression;     /* the methods, 1..255 bytes */
	int has_extensions;        /* 0 when the body ends after compression */
	tkt_exts exts;             /* valid only if has_extensions */
} tkt_client_hello;

typedef struct tkt_server_hello {
	uint16_t version;
	const uint8_t *random;     /* TKT_RANDOM_LEN bytes */
	tkt_bytes session_id;      /* 0..32 bytes */
	uint16_t cipher_suite;
	uint8_t compression;
	int has_extensions;
	tkt_exts exts;             /* valid only if has_extensions */
} tkt_server_hello;

/*
 * Decode a ClientHello / ServerHello body (after the handshake header).
 * A session_id longer than 32 bytes is TKT_ERR_RANGE; an odd or empty
 * cipher suite list and an empty compression list are TKT_ERR_BAD_LENGTH.
 * The version is reported, not judged (TKT_ERR_RANGE only for major != 3).
 */
tkt_status tkt_client_hello_decode(const uint8_t *buf, size_t len,
	tkt_client_hello *out, size_t *at);
tkt_status tkt_server_hello_decode(const uint8_t *buf, size_t len,
	tkt_server_hello *out, size_t *at);

/*
 * Encoders for the same bodies (without the handshake header), under the
 * conventions above. TKT_ERR_ARG unless: major version 3, `random` not
 * NULL, session_id at most 32 bytes, cipher_suites 2..65534 bytes and of
 * even length, compression 1..255 bytes, every non-empty range with a
 * non-NULL pointer, and has_extensions 0 or 1; with 1, exts.list must be
 * a well-formed list of at most 65535 bytes (exact framing, at most one
 * SessionTicket extension), which the encoder re-walks. Only the list's
 * bytes are written: the other fields of `exts` (count, ext35_*) are not
 * read, so a view from tkt_exts_decode or any hand-made list works.
 */
size_t tkt_client_hello_size(const tkt_client_hello *v);
tkt_status tkt_client_hello_encode(const tkt_client_hello *v, uint8_t *out,
	size_t cap, size_t *written);
size_t tkt_server_hello_size(const tkt_server_hello *v);
tkt_status tkt_server_hello_encode(const tkt_server_hello *v, uint8_t *out,
	size_t cap, size_t *written);

/*
 * Rewrite a whole hello handshake message (4-byte header and body, type 1
 * or 2) so that its SessionTicket extension carries `data` (set) or is
 * gone (remove), adding an extensions block if the hello had none (set)
 * and keeping every other byte. The header length is updated. Used by the
 * BearSSL integration to add or strip extension 35 on the fly.
 *   - `msg` holds `len` readable bytes: exactly one message, decoded as
 *     tkt_hs_decode() and then tkt_client_hello_decode() or
 *     tkt_server_hello_decode() do. Their refusals are returned as they
 *     are (TKT_ERR_TRUNCATED, TKT_ERR_TRAILING, TKT_ERR_RANGE,
 *     TKT_ERR_BAD_LENGTH, TKT_ERR_DUPLICATE); another type is
 *     TKT_ERR_BAD_TYPE.
 *   - set: `data` holds `data_len` bytes (NULL only if data_len is 0,
 *     else TKT_ERR_ARG, checked before the message). Extension 35, if
 *     present, keeps its position among the extensions, else it is
 *     appended last. TKT_ERR_ARG if data_len exceeds 65535 or the
 *     extensions would exceed 65535 bytes.
 *   - remove: the extensions block stays, even emptied; without extension
 *     35 the output is the message itself.
 *   - As the encoders: if `cap` is too small, TKT_ERR_BUFFER_TOO_SMALL,
 *     `*written` = the size needed and nothing written to `out`; on
 *     TKT_OK `*written` is the new message's size; on any other failure
 *     `*written` is 0 and `out` is untouched.
 *   - `out` must not overlap `msg`, `data` or `*written` (no rewriting in
 *     place); `data` may lie inside `msg`. Nothing of `msg` or `data` is
 *     kept after the call.
 */
tkt_status tkt_hello_set_ext35(const uint8_t *msg, size_t len,
	const uint8_t *data, size_t data_len, uint8_t *out, size_t cap,
	size_t *written);
tkt_status tkt_hello_remove_ext35(const uint8_t *msg, size_t len,
	uint8_t *out, size_t cap, size_t *written);

/* ======================================================================
 * NewSessionTicket (RFC 5077 section 3.3):
 *   struct { uint32 ticket_lifetime_hint; opaque ticket<0..2^16-1>; }
 * ====================================================================== */

typedef struct tkt_nst {
	uint32_t lifetime_hint;   /* seconds; 0 = unspecified */
	tkt_bytes ticket;         /* 0..65535 bytes; empty is valid */
} tkt_nst;

#define TKT_NST_MAX_BODY (4u + 2u + 65535u)

/* The body (after the handshake header). */
tkt_status tkt_nst_decode(const uint8_t *buf, size_t len, tkt_nst *out,
	size_t *at);
size_t tkt_nst_size(const tkt_nst *v);
tkt_status tkt_nst_encode(const tkt_nst *v, uint8_t *out, size_t cap,
	size_t *written);

/* The whole handshake message: header of type 4 with a uint24 length. */
tkt_status tkt_nst_decode_msg(const uint8_t *buf, size_t len, tkt_nst *out,
	size_t *at);
size_t tkt_nst_msg_size(const tkt_nst *v);
tkt_status tkt_nst_encode_msg(const tkt_nst *v, uint8_t *out, size_t cap,
	size_t *written);

/* ======================================================================
 * Protected ticket (RFC 5077 section 4):
 *   struct { opaque key_name[16]; opaque iv[16];
 *            opaque encrypted_state<0..2^16-1>; opaque mac[32]; } ticket;
 * generalised to the IV/nonce and MAC/tag lengths of tkt's suites
 * (rfc5077: 16 and 32; aes256-gcm: 12 and 16). The whole ticket is
 * exactly 16 + iv_len + 2 + length(encrypted_state) + mac_len bytes.
 * ====================================================================== */

#define TKT_KEY_NAME_LEN   16
#define TKT_IV_MAX         32
#define TKT_MAC_MAX        64
#define TKT_RFC5077_IV_LEN  16
#define TKT_RFC5077_MAC_LEN 32
/* Largest encrypted_state that fits a ticket<0..2^16-1> in the RFC layout. */
#define TKT_RFC5077_STATE_MAX (65535u - 16u - 16u - 2u - 32u)

typedef struct tkt_ticket {
	const uint8_t *key_name;     /* TKT_KEY_NAME_LEN bytes */
	tkt_bytes iv;                /* iv_len bytes */
	tkt_bytes encrypted_state;
	tkt_bytes mac;               /* mac_len bytes */
	tkt_bytes mac_input;         /* key_name .. end of encrypted_state:
	                                what the RFC's HMAC covers */
} tkt_ticket;

/*
 * Decode a ticket with the given IV and MAC lengths (iv_len 1..TKT_IV_MAX,
 * mac_len 1..TKT_MAC_MAX, else TKT_ERR_ARG). The whole ticket must be at
 * most 65535 bytes (it travels in ticket<0..2^16-1>).
 */
tkt_status tkt_ticket_decode(const uint8_t *buf, size_t len, size_t iv_len,
	size_t mac_len, tkt_ticket *out, size_t *at);

/* The value's iv.len and mac.len select the layout; mac_input is ignored. */
size_t tkt_ticket_size(const tkt_ticket *v);
tkt_status tkt_ticket_encode(const tkt_ticket *v, uint8_t *out, size_t cap,
	size_t *written);

/* ======================================================================
 * StatePlaintext (RFC 5077 section 4), followed by tkt's optional block
 * of state extensions (spec/formats.md, "State extensions"):
 *
 *   struct {
 *     ProtocolVersion protocol_version; CipherSuite cipher_suite;
 *     CompressionMethod compression_method; opaque master_secret[48];
 *     ClientIdentity client_identity; uint32 timestamp;
 *     [ StateExtension state_extensions<4..2^16-1>; ]   -- tkt, optional
 *   } StatePlaintext;
 *   struct { uint16 type; opaque data<0..2^16-1>; } StateExtension;
 *
 * The block is absent when there is nothing in it (an empty block present
 * is TKT_ERR_NONCANONICAL); types strictly increase (TKT_ERR_ORDER, or
 * TKT_ERR_DUPLICATE for an equal type); known types and their exact bodies:
 *   TKT_STATE_EXT_SERVER_NAME (0)        host name, 1..255 bytes
 *   TKT_STATE_EXT_ALPN (16)              protocol name, 1..255 bytes
 *   TKT_STATE_EXT_EXTENDED_MS (23)       empty: the session used RFC 7627
 * Any other type is TKT_ERR_UNKNOWN_EXT: a ticket whose state tkt does not
 * fully understand is never accepted.
 * ====================================================================== */

#define TKT_MASTER_SECRET_LEN 48

#define TKT_IDENTITY_ANONYMOUS   0
#define TKT_IDENTITY_CERTIFICATE 1
#define TKT_IDENTITY_PSK         2

#define TKT_STATE_EXT_SERVER_NAME  0
#define TKT_STATE_EXT_ALPN         16
#define TKT_STATE_EXT_EXTENDED_MS  23
#define TKT_STATE_NAME_MAX         255

typedef struct tkt_state {
	uint16_t version;              /* protocol_version */
	uint16_t cipher_suite;
	uint8_t compression;           /* compression_method */
	const uint8_t *master_secret;  /* TKT_MASTER_SECRET_LEN bytes (secret!) */
	uint8_t identity;              /* TKT_IDENTITY_* */
	/* TKT_IDENTITY_CERTIFICATE: the certificate_list contents (after its
	   3-byte length): ASN.1Cert<1..2^24-1> entries back to back, checked
	   on decode and encode; iterate with tkt_state_next_cert(). */
	tkt_bytes cert_list;
	/* TKT_IDENTITY_PSK: psk_identity, 0..65535 bytes. */
	tkt_bytes psk_identity;
	uint32_t timestamp;
	/* state extensions; all absent means no block is present */
	int extended_ms;               /* 1 if TKT_STATE_EXT_EXTENDED_MS */
	tkt_bytes server_name;         /* len 0 = absent */
	tkt_bytes alpn;                /* len 0 = absent */
} tkt_state;

/* Largest StatePlaintext, as an upper bound for buffers. */
#define TKT_STATE_MAX_LEN (2u + 2u + 1u + 48u + 1u + 3u + 0xFFFFFFu + 4u + 2u + 0xFFFFu)

/*
 * Decode a StatePlaintext filling `buf` exactly (the decrypted contents of
 * a ticket). Refusals, each with the offset of the offending field:
 * TKT_ERR_TRUNCATED, TKT_ERR_BAD_LENGTH (an inner length disagrees with its
 * container, an empty ASN.1Cert, a name of 0 or more than 255 bytes, a
 * non-empty extended_master_secret), TKT_ERR_TRAILING, TKT_ERR_RANGE (an
 * unknown ClientIdentity type), TKT_ERR_NONCANONICAL (an empty
 * state-extension block present), TKT_ERR_DUPLICATE (a state extension
 * type twice), TKT_ERR_ORDER (types not increasing), TKT_ERR_UNKNOWN_EXT.
 * Built with TKT_NO_CERT_IDENTITY or TKT_NO_STATE_EXTENSIONS
 * (tkt/config.h), also TKT_ERR_UNSUPPORTED: a certificate_based identity
 * (at offset 53), or a correctly framed block of state extensions (at its
 * length field). `out->master_secret` points into `buf`: the caller
 * erases `buf` when the session no longer needs it.
 */
tkt_status tkt_state_decode(const uint8_t *buf, size_t len, tkt_state *out,
	size_t *at);

/*
 * Validate-and-encode. For identity kinds other than the one selected,
 * the unused tkt_bytes must be empty (TKT_ERR_ARG otherwise), so that
 * every value has one encoding. A value that needs a part left out by
 * TKT_NO_CERT_IDENTITY or TKT_NO_STATE_EXTENSIONS (tkt/config.h) is
 * TKT_ERR_UNSUPPORTED (size 0).
 */
size_t tkt_state_size(const tkt_state *v);
tkt_status tkt_state_encode(const tkt_state *v, uint8_t *out, size_t cap,
	size_t *written);

#ifndef TKT_NO_CERT_IDENTITY
/*
 * Iterate over the certificates of a decoded state (identity
 * TKT_IDENTITY_CERTIFICATE): start with *cursor = 0; each call returning 1
 * fills *cert with one DER certificate (no copy); 0 at the end. Not
 * declared when built with TKT_NO_CERT_IDENTITY.
 */
int tkt_state_next_cert(const tkt_state *s, size_t *cursor, tkt_bytes *cert);
#endif

#endif
