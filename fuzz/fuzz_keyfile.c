/*
 * fuzz/fuzz_keyfile.c -- key-file parsers of the seal layer:
 * tkt_keyfile_parse for every format, then tkt_keyfile_write and a second
 * parse. Input: one byte choosing the format (and the key capacity), then
 * the file's bytes.
 *
 * Oracles:
 *   - the parser's contract: a documented status; on failure every key
 *     slot zeroed and count 0; on success count <= cap and every key passes
 *     tkt_key_check (no all-zero or AES == HMAC secret gets in);
 *   - decode then encode: the binary formats (nginx, apache, openssl80,
 *     lighttpd) write back exactly the bytes they parsed;
 *   - encode then decode: whatever the writer accepts parses back to the
 *     same keys (the text formats haproxy and tkt have several spellings of
 *     one key set, so only the keys are compared for them);
 *   - the writer's buffer contract: the size it reports, nothing written
 *     when the buffer is one byte short.
 */
#include "fuzz_common.h"

#include "tkt/seal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* More slots than any format fills (haproxy keeps 3), plus one so that a
   parser writing past `cap` lands in a slot the harness checks. */
#define KF_SLOTS 9u

static int key_is_zero(const tkt_key *k)
{
	static const tkt_key zero;

	return k->suite == zero.suite &&
		memcmp(k->name, zero.name, sizeof k->name) == 0 &&
		memcmp(k->aes, zero.aes, sizeof k->aes) == 0 &&
		k->aes_len == 0u &&
		memcmp(k->hmac, zero.hmac, sizeof k->hmac) == 0 &&
		k->hmac_len == 0u && k->introduced == 0u &&
		k->encrypt_for == 0u && k->decrypt_for == 0u;
}

/* Field-by-field equality (struct padding is not part of a key). */
static int key_same(const tkt_key *a, const tkt_key *b)
{
	return a->suite == b->suite &&
		memcmp(a->name, b->name, sizeof a->name) == 0 &&
		a->aes_len == b->aes_len &&
		memcmp(a->aes, b->aes, a->aes_len) == 0 &&
		a->hmac_len == b->hmac_len &&
		memcmp(a->hmac, b->hmac, a->hmac_len) == 0 &&
		a->introduced == b->introduced &&
		a->encrypt_for == b->encrypt_for &&
		a->decrypt_for == b->decrypt_for;
}

static int parse_status_ok(tkt_status st)
{
	return st == TKT_OK || st == TKT_ERR_BAD_LENGTH ||
		st == TKT_ERR_SYNTAX || st == TKT_ERR_KEY ||
		st == TKT_ERR_FULL || st == TKT_ERR_RANGE || st == TKT_ERR_ARG;
}

static int is_binary(tkt_keyfile_format f)
{
	return f == TKT_KEYFILE_NGINX || f == TKT_KEYFILE_APACHE ||
		f == TKT_KEYFILE_OPENSSL80 || f == TKT_KEYFILE_LIGHTTPD;
}

/* Write keys[0..n) and parse the result back. */
static void write_and_reparse(tkt_keyfile_format f, const tkt_key *keys,
	size_t n, const uint8_t *file, size_t file_len)
{
	tkt_key again[KF_SLOTS];
	size_t need = (size_t)-1, written = (size_t)-1, count = 0, i;
	uint8_t probe = FZ_CANARY, *out;
	tkt_status st;

	/* Capacity 0: the writer reports the size it needs. */
	st = tkt_keyfile_write(f, keys, n, &probe, 0, &need);
	if (st == TKT_ERR_ARG) {
		/* Only haproxy parses key sets it cannot write: lines of
		   48 and 80 bytes mixed in one file. Every other format
		   writes back whatever it parsed. */
		FZ_CHECK(need == 0u);
		FZ_CHECK(f == TKT_KEYFILE_HAPROXY);
		return;
	}
	FZ_CHECK(probe == FZ_CANARY);
	FZ_CHECK(st == TKT_ERR_BUFFER_TOO_SMALL);
	if (st != TKT_ERR_BUFFER_TOO_SMALL)
		return;
	FZ_CHECK(need > 0u);
	out = fz_alloc(need);
	st = tkt_keyfile_write(f, keys, n, out, need - 1u, &written);
	FZ_CHECK(st == TKT_ERR_BUFFER_TOO_SMALL && written == need);
	FZ_CHECK(fz_untouched(out, need - 1u));
	st = tkt_keyfile_write(f, keys, n, out, need, &written);
	FZ_CHECK(st == TKT_OK && written == need);
	if (is_binary(f))
		FZ_CHECK(written == file_len && memcmp(out, file, file_len) == 0);
	memset(again, FZ_CANARY, sizeof again);
	st = tkt_keyfile_parse(f, out, written, again, KF_SLOTS, &count);
	FZ_CHECK(st == TKT_OK && count == n);
	for (i = 0; st == TKT_OK && i < n && i < count; i++)
		FZ_CHECK(key_same(&keys[i], &again[i]));
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tkt_key keys[KF_SLOTS];
	tkt_keyfile_format f;
	size_t cap, count = (size_t)-1, i;
	const uint8_t *file;
	size_t file_len;
	uint8_t *copy;
	tkt_status st;

	if (size < 1u)
		return 0;
	/* Low 3 bits: the format, 0 and 7 being invalid values; high bits:
	   the capacity handed to the parser (4 means all but the spare). */
	f = (tkt_keyfile_format)(data[0] % 8u);
	cap = (size_t)(data[0] / 8u) % 5u;
	if (cap == 4u)
		cap = KF_SLOTS - 1u;
	/* An exact-size heap copy: a read past the file hits ASan's redzone
	   (the fuzzing engine's buffer may be larger). */
	file_len = size - 1u;
	copy = fz_alloc(file_len);
	if (file_len > 0u)
		memcpy(copy, data + 1, file_len);
	file = copy;

	memset(keys, FZ_CANARY, sizeof keys);
	st = tkt_keyfile_parse(f, file, file_len, keys, cap, &count);
	fz_check_status_named(st);
	FZ_CHECK(parse_status_ok(st));
	/* The spare slot past `cap` is never written. */
	FZ_CHECK(fz_untouched(&keys[cap], (KF_SLOTS - cap) * sizeof keys[0]));
	if (f == TKT_KEYFILE_NONE || (unsigned)f > 6u)
		FZ_CHECK(st == TKT_ERR_ARG);
	if (st != TKT_OK) {
		FZ_CHECK(count == 0u);
		for (i = 0; i < cap; i++)
			FZ_CHECK(key_is_zero(&keys[i]));
		free(copy);
		return 0;
	}
	FZ_CHECK(count <= cap);
	if (is_binary(f))
		FZ_CHECK(count == 1u);
	if (f == TKT_KEYFILE_HAPROXY)
		FZ_CHECK(count >= 1u && count <= 3u);
	for (i = 0; i < count && i < cap; i++)
		FZ_CHECK(tkt_key_check(&keys[i]) == TKT_OK);
	if (count <= cap)
		write_and_reparse(f, keys, count, file, file_len);
	free(copy);
	return 0;
}
