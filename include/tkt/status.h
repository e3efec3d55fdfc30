/*
 * tkt/status.h -- the one status enum of the whole library.
 *
 * Every tkt function that can fail returns a tkt_status. TKT_OK is zero;
 * each failure cause has its own code so that a caller (or a fuzzer's
 * oracle) can tell exactly why an input was refused. Decoders also
 * report the byte offset where decoding stopped (see tkt/codec.h).
 *
 * The numeric values are part of the ABI: new codes are only ever
 * appended before TKT_STATUS_COUNT.
 */
#ifndef TKT_STATUS_H
#define TKT_STATUS_H

typedef enum tkt_status {
	TKT_OK = 0,

	/* ---- codec: malformed or non-canonical bytes ---- */
	TKT_ERR_TRUNCATED = 1,       /* input ends inside a field */
	TKT_ERR_BAD_LENGTH = 2,      /* a length field disagrees with its container
	                                or breaks the length rule of its vector */
	TKT_ERR_TRAILING = 3,        /* bytes left after a complete structure */
	TKT_ERR_RANGE = 4,           /* a value outside its allowed range
	                                (session_id of 33+ bytes, unknown enum, ...) */
	TKT_ERR_NONCANONICAL = 5,    /* a second encoding of a value that has a
	                                canonical one (empty block present, ...) */
	TKT_ERR_DUPLICATE = 6,       /* an extension type appears twice */
	TKT_ERR_ORDER = 7,           /* state extensions not in strictly
	                                increasing type order */
	TKT_ERR_LEGACY = 8,          /* RFC 4507 double-length encoding seen */
	TKT_ERR_BAD_TYPE = 9,        /* wrong handshake message type */
	TKT_ERR_UNKNOWN_EXT = 10,    /* state extension type tkt does not know */

	/* ---- caller errors ---- */
	TKT_ERR_BUFFER_TOO_SMALL = 11, /* output capacity too small; nothing was
	                                  written, the needed size is reported */
	TKT_ERR_ARG = 12,            /* an argument breaks the documented contract
	                                (value out of its encodable range, ...) */

	/* ---- ticket protection (tkt/seal.h) ---- */
	TKT_OK_RENEW = 13,           /* opened, but the ticket should be replaced */
	TKT_EMPTY = 14,              /* the ticket is empty: nothing to open */
	TKT_ERR_NOT_OURS = 15,       /* no key in the ring has this key_name */
	TKT_ERR_BAD_MAC = 16,        /* MAC or tag check failed */
	TKT_ERR_MALFORMED = 17,      /* authentic, but the plaintext is not a
	                                valid StatePlaintext or padding is bad */
	TKT_ERR_EXPIRED = 18,        /* authentic and valid, but too old */
	TKT_ERR_POLICY = 19,         /* authentic and valid, refused by policy */
	TKT_ERR_KEY = 20,            /* a key is unusable (all zero, duplicate) */
	TKT_ERR_RNG = 21,            /* no randomness could be obtained */
	TKT_ERR_FULL = 22,           /* a fixed-capacity container is full */
	TKT_ERR_IO = 23,             /* reading or writing a file failed */
	TKT_ERR_SYNTAX = 24,         /* a text file (key file, JSON) is malformed */

	/* ---- handshake integration (tkt/bearssl.h) ---- */
	TKT_ERR_TLS = 25,            /* the TLS engine failed; see its error */

	/* ---- build configuration (tkt/config.h) ---- */
	TKT_ERR_UNSUPPORTED = 26,    /* well-formed, but uses a part of the
	                                format or a suite that a compile-time
	                                option left out of this build */

	TKT_STATUS_COUNT = 27
} tkt_status;

/*
 * A short, constant, human-readable reason for a status ("truncated
 * input", ...). Never NULL; an out-of-range value gives "unknown status".
 * The returned string is static and must not be freed.
 */
const char *tkt_strerror(int status);

/*
 * The symbolic name of a status ("TKT_ERR_TRUNCATED", ...), for logs
 * and JSON. Never NULL.
 */
const char *tkt_status_name(int status);

#endif
