/*
 * src/cli/cli.h -- helpers shared by the subcommands of the `tkt` command.
 *
 * The command is not part of the library: it may use the heap and stdio.
 * Every subcommand builds its whole standard output in a cli_text buffer
 * and prints it only once it has succeeded, so that a failure leaves
 * stdout empty and reports itself in exactly one line on stderr.
 *
 * Exit statuses of every subcommand: CLI_EXIT_OK, CLI_EXIT_IO (a file
 * could not be read or written, memory ran out), CLI_EXIT_BAD (malformed
 * input or a usage error).
 */
#ifndef TKT_CLI_H
#define TKT_CLI_H

#include <stddef.h>
#include <stdint.h>

#include "tkt/codec.h"

#define CLI_EXIT_OK  0
#define CLI_EXIT_IO  1
#define CLI_EXIT_BAD 2

/* ---- subcommands: int cmd_X(int argc, char **argv), argv[0] = "X" ---- */

int cmd_inspect(int argc, char **argv);
int cmd_server(int argc, char **argv);
int cmd_client(int argc, char **argv);

/* Print "tkt: " + the formatted message + newline on stderr. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/* ======================================================================
 * Input (input.c)
 * ====================================================================== */

/* Largest input accepted, before hex decoding (16 MiB). */
#define CLI_INPUT_MAX (16u * 1024u * 1024u)

/* How to interpret the bytes read. */
typedef enum cli_input_mode {
	CLI_INPUT_AUTO = 0, /* hex text if it looks like hex text, else raw */
	CLI_INPUT_RAW = 1,  /* always raw bytes */
	CLI_INPUT_HEX = 2   /* always hex text (malformed hex is an error) */
} cli_input_mode;

typedef struct cli_input {
	uint8_t *data;   /* heap; owned; may be NULL when len == 0 */
	size_t len;
	int was_hex;     /* 1 if the bytes were decoded from hex text */
} cli_input;

/*
 * Read `path` ("-" or NULL: standard input) entirely and interpret it per
 * `mode`. Hex text, as recognised by CLI_INPUT_AUTO and required by
 * CLI_INPUT_HEX, is: ASCII hex digits (either case) in pairs, separated
 * or not by ASCII whitespace; a byte pair may be followed by ':' before
 * the next pair ("16:03:01"); each whitespace-separated word may start
 * with "0x" or "0X". Anything else (including an odd number of digits in
 * a word) is not hex text: AUTO then takes the bytes as raw, HEX fails.
 * Empty input is zero raw bytes. Inputs longer than CLI_INPUT_MAX are
 * refused. On failure, prints one line on stderr and returns CLI_EXIT_IO
 * (cannot read, out of memory) or CLI_EXIT_BAD (too large, not hex); *in
 * is then empty. On success the caller frees *in with cli_input_free().
 */
int cli_read_input(const char *path, cli_input_mode mode, cli_input *in);
void cli_input_free(cli_input *in);

/*
 * Decode hex text as defined above; returns 1 and fills out[0..*out_len)
 * (out must hold at least len / 2 bytes) if `text` is hex text, else 0.
 */
int cli_hex_text_decode(const uint8_t *text, size_t len, uint8_t *out,
	size_t *out_len);

/* ======================================================================
 * Text and JSON output buffers (json.c)
 * ====================================================================== */

/*
 * A growable text buffer. After an allocation failure it stops growing
 * and remembers it in `oom`; cli_text_flush() then reports the failure.
 */
typedef struct cli_text {
	char *p;
	size_t len, cap;
	int oom;
} cli_text;

void cli_text_init(cli_text *t);
void cli_text_free(cli_text *t);
void cli_text_put(cli_text *t, const char *s, size_t n);
void cli_text_printf(cli_text *t, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/* Lower-case hex of n bytes, no separators. */
void cli_text_hex(cli_text *t, const uint8_t *b, size_t n);
/*
 * Write the buffer to stdout and free it; returns CLI_EXIT_OK, or
 * CLI_EXIT_IO (after one line on stderr) if memory ran out earlier or
 * the write failed.
 */
int cli_text_flush(cli_text *t);

/*
 * A JSON writer on top of a cli_text: objects and arrays nest up to
 * CLI_JSON_DEPTH levels; each value call takes the member name `key`
 * inside an object and NULL inside an array or at the top level. The
 * writer inserts the commas; strings are escaped per RFC 8259 (control
 * characters as \u00XX, bytes >= 0x80 also as \u00XX so that the output
 * is ASCII whatever the input). Misuse (too deep, unbalanced) sets `bad`.
 */
#define CLI_JSON_DEPTH 16

typedef struct cli_json {
	cli_text *out;
	int depth;
	int first[CLI_JSON_DEPTH + 1];   /* no member written yet at that level */
	int bad;
} cli_json;

void cli_json_init(cli_json *j, cli_text *out);
void cli_json_obj_begin(cli_json *j, const char *key);
void cli_json_obj_end(cli_json *j);
void cli_json_arr_begin(cli_json *j, const char *key);
/* Containers written on one line, for short members (cipher suites, ...). */
void cli_json_arr_begin_flat(cli_json *j, const char *key);
void cli_json_obj_begin_flat(cli_json *j, const char *key);
void cli_json_arr_end(cli_json *j);
void cli_json_str(cli_json *j, const char *key, const char *s);
void cli_json_strn(cli_json *j, const char *key, const uint8_t *s, size_t n);
void cli_json_hex(cli_json *j, const char *key, const uint8_t *b, size_t n);
void cli_json_uint(cli_json *j, const char *key, uint64_t v);
/* A uint16 as the string "0x%04x" (versions, cipher suites). */
void cli_json_hex16(cli_json *j, const char *key, unsigned v);
void cli_json_bool(cli_json *j, const char *key, int v);
void cli_json_null(cli_json *j, const char *key);
/* Ends the document with a newline; 0 if the nesting was used correctly. */
int cli_json_finish(cli_json *j);

/* ======================================================================
 * A decoded StatePlaintext (show_state.c), shared by `inspect --as state`
 * and `open`.
 * ====================================================================== */

/*
 * Human-readable, one field per line, each line starting with `indent`.
 * Prints the master secret: callers decide whether to call it.
 */
void cli_show_state_text(cli_text *t, const tkt_state *s, const char *indent);

/*
 * The state as one JSON object (member `key` of the current object, or
 * NULL in an array or at the top level) with the members: version,
 * cipher_suite ("0x...."), compression, master_secret (hex), identity
 * ("anonymous" | "certificate" | "psk" | number), certificates (array of
 * hex, certificate identity only), psk_identity (hex, psk only),
 * timestamp, extended_master_secret (bool), server_name and alpn (string
 * or null). `s` must come from a successful tkt_state_decode().
 */
void cli_show_state_json(cli_json *j, const char *key, const tkt_state *s);
/* The same members, written into the object the caller has open. */
void cli_show_state_json_members(cli_json *j, const tkt_state *s);

/* ======================================================================
 * Ticket protection subcommands (cmd_keys.c, cmd_seal.c, cmd_open.c,
 * json_parse.c). Their exit statuses follow the table: 0 OK,
 * 2 usage or I/O error, 3..7 per tkt_open() result (cmd_open.c).
 * ====================================================================== */

int cmd_keys(int argc, char **argv);
int cmd_seal(int argc, char **argv);
int cmd_open(int argc, char **argv);

struct tkt_ring;
struct tkt_ring_key;

/*
 * Load key files into a new ring: `files[0..nfiles)` in format `format`
 * (NULL: "tkt"); for nginx, every file after the first is decrypt-only.
 * `suite` (NULL: keep) re-labels every key (e.g. aes256-gcm on the AES
 * key of an 80-byte file). The slots are heap-allocated; release both
 * with cli_ring_free(). Returns 0, or 2 after one line on stderr.
 */
int cli_ring_load(char **files, size_t nfiles, const char *format,
	const char *suite, struct tkt_ring *ring, struct tkt_ring_key **slots);
void cli_ring_free(struct tkt_ring *ring, struct tkt_ring_key *slots);

/*
 * Parse the JSON object printed by cli_show_state_json (optionally with
 * "status") into *st; the state's views point into store[0..cap).
 * Returns 1 on success, 0 if the text is not exactly such an object.
 */
int cli_state_from_json(const uint8_t *text, size_t len, tkt_state *st,
	uint8_t *store, size_t cap);

#endif
