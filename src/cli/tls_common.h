/*
 * src/cli/tls_common.h -- small helpers shared by `tkt server` and
 * `tkt client`: number parsing, TLS version and cipher suite names.
 */
#ifndef TKT_CLI_TLS_COMMON_H
#define TKT_CLI_TLS_COMMON_H

#include <stddef.h>
#include <stdint.h>

/* Parse a decimal number in 0..max; 0 on success, -1 otherwise. */
int cli_parse_ulong(const char *s, unsigned long max, unsigned long *out);

/* "TLSv1.2", ...; "0x...." text for an unknown value (static buffer of
   the caller is not needed: unknown values give "unknown"). */
const char *cli_tls_version_name(unsigned v);

/* OpenSSL-style name of a cipher suite BearSSL supports, or "unknown". */
const char *cli_tls_suite_name(unsigned id);

/* The suite named `name` (OpenSSL style); 0 on success, -1 if unknown. */
int cli_tls_suite_from_name(const char *name, uint16_t *id);

/*
 * Socket transport for tkt_br_io (tkt/bearssl.h): ctx points to an int
 * holding a connected descriptor. Reads and writes retry on EINTR; a
 * timeout set with cli_sock_timeouts() ends them with an error.
 */
int cli_sock_read(void *ctx, uint8_t *buf, size_t len);
int cli_sock_write(void *ctx, const uint8_t *buf, size_t len);

/* Bound every read and write on `fd` to `seconds`; 0 or -1. */
int cli_sock_timeouts(int fd, unsigned seconds);

/*
 * Connect over TCP to "HOST:PORT" (numeric IPv4 or a name resolved by
 * getaddrinfo). Returns the descriptor, or -1 after one line on stderr.
 * *host gets a heap copy of HOST (caller frees).
 */
int cli_sock_connect(const char *hostport, char **host);

/* Wall-clock seconds since the epoch, as ticket timestamps use. */
uint32_t cli_now(void);

#endif
