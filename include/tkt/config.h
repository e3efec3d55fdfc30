/*
 * tkt/config.h -- compile-time options that leave parts of tkt out.
 *
 * For embedded users who want less code. Each option is a macro that is
 * either defined or not (its value does not matter). Define it in one of
 * two ways, the same for the library and for every file that includes
 * tkt's headers:
 *   - on the command line: cc -DTKT_NO_STATE_EXTENSIONS ...
 *   - or here: uncomment its line below (a vendored copy is yours to edit).
 * With none defined (the default) tkt is the whole library, and its
 * sources are, after preprocessing, exactly those that `make prove`
 * proves: each option only removes code, under #ifdef, and the options
 * themselves are not proved (docs/size.md says what each saves).
 *
 * The rule for what remains: a function whose whole job was left out is
 * not declared (a call to it fails at compile time); a function that
 * remains refuses an input or value that needs a left-out part with
 * TKT_ERR_UNSUPPORTED (tkt/status.h), before writing anything.
 *
 * TKT_NO_CERT_IDENTITY
 *   Leaves out ClientIdentity certificate_based in StatePlaintext
 *   (src/codec/state.c) and tkt_state_next_cert() (src/codec/certs.c).
 *   tkt_state_decode() answers a state of that kind with
 *   TKT_ERR_UNSUPPORTED at offset 53, the identity type (its body is not
 *   judged);
 *   tkt_state_encode() answers such a value with TKT_ERR_UNSUPPORTED and
 *   tkt_state_size() with 0; tkt_open() and tkt_seal() pass the status on.
 *   For servers whose clients never authenticate with certificates.
 *
 * TKT_NO_STATE_EXTENSIONS
 *   Leaves out tkt's block of state extensions after the timestamp
 *   (server_name, ALPN, extended master secret; src/codec/state.c).
 *   tkt_state_decode() answers a state that carries a block with
 *   TKT_ERR_UNSUPPORTED at the block's length field (only the block's
 *   framing is still checked: truncation, an empty block and trailing
 *   bytes keep their own status; its contents are not judged); tkt_state_encode() answers a
 *   value with extended_ms, server_name or alpn set with
 *   TKT_ERR_UNSUPPORTED, tkt_state_size() with 0; tkt_open() and
 *   tkt_seal() pass the status on. The BearSSL server (tkt/bearssl.h)
 *   records the client's server name and the ALPN protocol in the state
 *   and checks them on resumption: built this way it sends an empty
 *   NewSessionTicket (seal_status TKT_ERR_UNSUPPORTED) to a client that
 *   sent a server name or agreed a protocol, rather than issue a ticket
 *   that could be resumed under another name.
 *
 * TKT_NO_GCM
 *   Leaves out the "aes256-gcm" suite (src/seal/gcm.c and its branches in
 *   the seal layer). tkt_suite_from_name("aes256-gcm") answers
 *   TKT_ERR_UNSUPPORTED; its layout sizes are 0 as for an unknown suite;
 *   tkt_key_check() and tkt_key_generate() answer TKT_ERR_UNSUPPORTED
 *   for it, so no such key enters a ring (tkt_ring_add).
 *
 * TKT_NO_KEYFILES
 *   Leaves out the key-file parsers and writers (src/seal/keyfile*.c,
 *   base64.c): tkt_keyfile_format_name(), tkt_keyfile_format_from_name(),
 *   tkt_keyfile_parse() and tkt_keyfile_write() are not declared. Keys
 *   are then made with tkt_key_generate() or filled in by the caller.
 *   The `tkt` command needs them: it is built in the default
 *   configuration only.
 */
#ifndef TKT_CONFIG_H
#define TKT_CONFIG_H

/* #define TKT_NO_CERT_IDENTITY */
/* #define TKT_NO_STATE_EXTENSIONS */
/* #define TKT_NO_GCM */
/* #define TKT_NO_KEYFILES */

#endif
