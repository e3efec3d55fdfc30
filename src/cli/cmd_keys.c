/*
 * tkt keys gen|show|convert|rotate, and the key loading shared with
 * `tkt seal` and `tkt open`.
 *
 *   tkt keys gen --suite S [--format F] [--now UNIX] [--encrypt SECS]
 *                [--decrypt SECS] -o FILE
 *   tkt keys show [--format F] FILE...
 *   tkt keys convert --from F --to G [--suite S] -o OUT FILE...
 *   tkt keys rotate [--suite S] [--now UNIX] [--encrypt SECS]
 *                   [--decrypt SECS] -o OUT FILE
 *
 * Key files are written with mode 0600. `show` prints names, suites,
 * windows and fingerprints, never key bytes. `rotate` works on the
 * native format: it drops keys whose decrypt window has ended, ends the
 * encrypt window of the keys encrypting now, and adds a fresh key
 * introduced now. Exit status 0, or 2 (usage, I/O, refused key) with one
 * line on stderr.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tkt/seal.h"
#include "cli.h"

#define KEYS_EXIT_OK 0
#define KEYS_EXIT_ERR 2
/* Most keys one invocation handles (file count times keys per file). */
#define KEYS_MAX 64

static int parse_u64(const char *s, uint64_t *v)
{
	uint64_t x = 0;

	if (s == NULL || *s == 0)
		return 0;
	if (strcmp(s, "forever") == 0) {
		*v = TKT_FOREVER;
		return 1;
	}
	for (; *s != 0; s++) {
		uint64_t d;
		if (*s < '0' || *s > '9')
			return 0;
		d = (uint64_t)(*s - '0');
		if (x > (UINT64_MAX - d) / 10u)
			return 0;
		x = x * 10u + d;
	}
	*v = x;
	return 1;
}

static uint64_t now_default(void)
{
	time_t t = time(NULL);
	return t < 0 ? 0 : (uint64_t)t;
}

/* Write a whole file, mode 0600 ("-": standard output). */
static int write_file(const char *path, const uint8_t *p, size_t n)
{
	int fd;
	size_t off = 0;

	if (strcmp(path, "-") == 0) {
		if (fwrite(p, 1, n, stdout) != n || fflush(stdout) != 0) {
			cli_error("cannot write standard output");
			return KEYS_EXIT_ERR;
		}
		return KEYS_EXIT_OK;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0) {
		cli_error("%s: %s", path, strerror(errno));
		return KEYS_EXIT_ERR;
	}
	while (off < n) {
		ssize_t w = write(fd, p + off, n - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			cli_error("%s: %s", path, strerror(errno));
			close(fd);
			return KEYS_EXIT_ERR;
		}
		off += (size_t)w;
	}
	if (close(fd) != 0) {
		cli_error("%s: %s", path, strerror(errno));
		return KEYS_EXIT_ERR;
	}
	return KEYS_EXIT_OK;
}

/* Change a key's suite; the key lengths must fit the new suite. */
static int relabel(tkt_key *k, tkt_suite s)
{
	tkt_key c = *k;
	int ok;

	c.suite = s;
	if (s == TKT_SUITE_AES256_GCM) {
		tkt_secure_zero(c.hmac, sizeof c.hmac);
		c.hmac_len = 0;
	}
	ok = tkt_key_check(&c) == TKT_OK;
	if (ok)
		*k = c;
	tkt_key_clear(&c);
	return ok;
}

/* Read and parse key files into keys[0..*n). */
static int load_keys(char **files, size_t nfiles, const char *format,
	const char *suite, tkt_key *keys, size_t cap, size_t *n)
{
	tkt_keyfile_format f = TKT_KEYFILE_TKT;
	tkt_suite s = TKT_SUITE_NONE;
	size_t i, j;

	*n = 0;
	if (format != NULL && tkt_keyfile_format_from_name(format, &f) != TKT_OK) {
		cli_error("unknown key file format '%s' (nginx, apache, openssl80, haproxy, lighttpd, tkt)", format);
		return KEYS_EXIT_ERR;
	}
	if (suite != NULL && tkt_suite_from_name(suite, &s) != TKT_OK) {
		cli_error("unknown suite '%s' (rfc5077, rfc5077-aes256, aes256-gcm)", suite);
		return KEYS_EXIT_ERR;
	}
	if (nfiles == 0) {
		cli_error("no key file given");
		return KEYS_EXIT_ERR;
	}
	for (i = 0; i < nfiles; i++) {
		cli_input in;
		size_t got = 0;
		tkt_status st;
		if (cli_read_input(files[i], CLI_INPUT_RAW, &in) != 0)
			return KEYS_EXIT_ERR;
		st = tkt_keyfile_parse(f, in.data, in.len, keys + *n, cap - *n, &got);
		tkt_secure_zero(in.data, in.len);
		cli_input_free(&in);
		if (st != TKT_OK) {
			cli_error("%s: %s key file: %s", files[i],
				tkt_keyfile_format_name(f), tkt_strerror((int)st));
			return KEYS_EXIT_ERR;
		}
		for (j = *n; j < *n + got; j++) {
			/* nginx: the first file encrypts, the others decrypt */
			if (f == TKT_KEYFILE_NGINX && i > 0)
				tkt_key_make_decrypt_only(&keys[j]);
			if (s != TKT_SUITE_NONE && !relabel(&keys[j], s)) {
				cli_error("%s: key %u does not fit suite %s", files[i],
					(unsigned)(j - *n), suite);
				return KEYS_EXIT_ERR;
			}
		}
		*n += got;
	}
	return KEYS_EXIT_OK;
}

int cli_ring_load(char **files, size_t nfiles, const char *format,
	const char *suite, struct tkt_ring *ring, struct tkt_ring_key **slots)
{
	tkt_key keys[KEYS_MAX];
	size_t n = 0, i;
	int rc;

	*slots = NULL;
	rc = load_keys(files, nfiles, format, suite, keys, KEYS_MAX, &n);
	if (rc == KEYS_EXIT_OK) {
		*slots = calloc(n, sizeof **slots);
		if (*slots == NULL || tkt_ring_init(ring, *slots, n) != TKT_OK) {
			cli_error("out of memory");
			rc = KEYS_EXIT_ERR;
		}
	}
	for (i = 0; rc == KEYS_EXIT_OK && i < n; i++) {
		tkt_status st = tkt_ring_add(ring, &keys[i]);
		if (st != TKT_OK) {
			cli_error("key %u refused: %s", (unsigned)i, tkt_strerror((int)st));
			rc = KEYS_EXIT_ERR;
		}
	}
	tkt_secure_zero(keys, sizeof keys);
	if (rc != KEYS_EXIT_OK && *slots != NULL) {
		tkt_ring_clear(ring);
		free(*slots);
		*slots = NULL;
	}
	return rc;
}

void cli_ring_free(struct tkt_ring *ring, struct tkt_ring_key *slots)
{
	if (slots != NULL) {
		tkt_ring_clear(ring);
		free(slots);
	}
}

/* Serialise keys[0..n) in format f and write them to path. */
static int save_keys(const char *path, tkt_keyfile_format f,
	const tkt_key *keys, size_t n)
{
	uint8_t *buf;
	size_t need = 0;
	tkt_status st;
	int rc;

	st = tkt_keyfile_write(f, keys, n, NULL, 0, &need);
	if (st != TKT_ERR_BUFFER_TOO_SMALL) {
		cli_error("these keys cannot be written as a %s key file: %s",
			tkt_keyfile_format_name(f), tkt_strerror((int)st));
		return KEYS_EXIT_ERR;
	}
	buf = malloc(need);
	if (buf == NULL) {
		cli_error("out of memory");
		return KEYS_EXIT_ERR;
	}
	st = tkt_keyfile_write(f, keys, n, buf, need, &need);
	rc = st == TKT_OK ? write_file(path, buf, need) : KEYS_EXIT_ERR;
	if (st != TKT_OK)
		cli_error("%s", tkt_strerror((int)st));
	tkt_secure_zero(buf, need);
	free(buf);
	return rc;
}

static void put_time(cli_text *t, const char *label, uint64_t v)
{
	if (v == TKT_FOREVER)
		cli_text_printf(t, " %s=forever", label);
	else
		cli_text_printf(t, " %s=%llu", label, (unsigned long long)v);
}

static int keys_show(int argc, char **argv)
{
	const char *format = NULL;
	char *files[KEYS_MAX];
	size_t nf = 0, n = 0, i;
	tkt_key keys[KEYS_MAX];
	cli_text t;
	int rc, a;

	for (a = 1; a < argc; a++) {
		if (strcmp(argv[a], "--format") == 0 && a + 1 < argc)
			format = argv[++a];
		else if (argv[a][0] == '-' && argv[a][1] != 0) {
			cli_error("keys show: unknown option '%s'", argv[a]);
			return KEYS_EXIT_ERR;
		} else if (nf < KEYS_MAX)
			files[nf++] = argv[a];
	}
	rc = load_keys(files, nf, format, NULL, keys, KEYS_MAX, &n);
	if (rc != KEYS_EXIT_OK)
		return rc;
	cli_text_init(&t);
	for (i = 0; i < n; i++) {
		uint8_t fp[TKT_FINGERPRINT_LEN];
		const tkt_key *k = &keys[i];
		uint64_t enc_end = k->introduced > UINT64_MAX - k->encrypt_for
			? TKT_FOREVER : k->introduced + k->encrypt_for;
		uint64_t dec_end = enc_end > UINT64_MAX - k->decrypt_for
			? TKT_FOREVER : enc_end + k->decrypt_for;
		tkt_key_fingerprint(k, fp);
		cli_text_printf(&t, "key %u: name=", (unsigned)i);
		cli_text_hex(&t, k->name, TKT_KEY_NAME_LEN);
		cli_text_printf(&t, " suite=%s hmac=%u", tkt_suite_name(k->suite),
			(unsigned)(k->hmac_len * 8u));
		put_time(&t, "introduced", k->introduced);
		put_time(&t, "encrypt_until", enc_end);
		put_time(&t, "decrypt_until", dec_end);
		cli_text_printf(&t, " fingerprint=");
		cli_text_hex(&t, fp, sizeof fp);
		cli_text_put(&t, "\n", 1);
	}
	tkt_secure_zero(keys, sizeof keys);
	return cli_text_flush(&t) == CLI_EXIT_OK ? KEYS_EXIT_OK : KEYS_EXIT_ERR;
}

/* Options common to gen and rotate. */
typedef struct gen_opts {
	const char *suite, *format, *out;
	uint64_t now, enc, dec;
} gen_opts;

static int gen_key(const gen_opts *o, tkt_keyfile_format f, tkt_key *k)
{
	tkt_suite s;
	tkt_drbg rng;
	tkt_status st;

	if (o->suite == NULL || tkt_suite_from_name(o->suite, &s) != TKT_OK) {
		cli_error("keys: --suite rfc5077|rfc5077-aes256|aes256-gcm is required");
		return KEYS_EXIT_ERR;
	}
	if (tkt_drbg_init(&rng) != TKT_OK) {
		cli_error("keys: no randomness available");
		return KEYS_EXIT_ERR;
	}
	st = tkt_key_generate(k, s, o->now, &rng);
	tkt_drbg_clear(&rng);
	if (st != TKT_OK) {
		cli_error("keys: %s", tkt_strerror((int)st));
		return KEYS_EXIT_ERR;
	}
	/* the 48-byte layouts carry a 16-byte HMAC key */
	if (s == TKT_SUITE_RFC5077 && (f == TKT_KEYFILE_NGINX ||
		f == TKT_KEYFILE_APACHE || f == TKT_KEYFILE_HAPROXY)) {
		tkt_secure_zero(k->hmac + 16, 16);
		k->hmac_len = 16;
	}
	k->encrypt_for = o->enc;
	k->decrypt_for = o->dec;
	return KEYS_EXIT_OK;
}

static int gen_args(int argc, char **argv, gen_opts *o, char **files,
	size_t *nf)
{
	int a;

	memset(o, 0, sizeof *o);
	o->now = now_default();
	o->enc = TKT_FOREVER;
	o->dec = TKT_FOREVER;
	*nf = 0;
	for (a = 1; a < argc; a++) {
		const char *v = a + 1 < argc ? argv[a + 1] : NULL;
		if (strcmp(argv[a], "--suite") == 0 && v != NULL)
			o->suite = v;
		else if (strcmp(argv[a], "--format") == 0 && v != NULL)
			o->format = v;
		else if (strcmp(argv[a], "-o") == 0 && v != NULL)
			o->out = v;
		else if (strcmp(argv[a], "--now") == 0 && parse_u64(v, &o->now)
			&& o->now != TKT_FOREVER)
			;
		else if (strcmp(argv[a], "--encrypt") == 0 && parse_u64(v, &o->enc))
			;
		else if (strcmp(argv[a], "--decrypt") == 0 && parse_u64(v, &o->dec))
			;
		else if (argv[a][0] != '-' || argv[a][1] == 0) {
			if (*nf < KEYS_MAX)
				files[(*nf)++] = argv[a];
			continue;
		} else {
			cli_error("keys: bad option or value '%s'", argv[a]);
			return KEYS_EXIT_ERR;
		}
		a++;
	}
	if (o->out == NULL) {
		cli_error("keys: -o FILE is required");
		return KEYS_EXIT_ERR;
	}
	return KEYS_EXIT_OK;
}

static int keys_gen(int argc, char **argv)
{
	gen_opts o;
	char *files[KEYS_MAX];
	size_t nf;
	tkt_keyfile_format f = TKT_KEYFILE_TKT;
	tkt_key k;
	int rc;

	rc = gen_args(argc, argv, &o, files, &nf);
	if (rc != KEYS_EXIT_OK)
		return rc;
	if (nf != 0) {
		cli_error("keys gen: unexpected argument '%s'", files[0]);
		return KEYS_EXIT_ERR;
	}
	if (o.format != NULL && tkt_keyfile_format_from_name(o.format, &f) != TKT_OK) {
		cli_error("keys gen: unknown format '%s'", o.format);
		return KEYS_EXIT_ERR;
	}
	rc = gen_key(&o, f, &k);
	if (rc == KEYS_EXIT_OK)
		rc = save_keys(o.out, f, &k, 1);
	tkt_key_clear(&k);
	return rc;
}

static int keys_rotate(int argc, char **argv)
{
	gen_opts o;
	char *files[KEYS_MAX];
	size_t nf, n = 0, i, m = 0;
	tkt_key keys[KEYS_MAX + 1];
	int rc;

	rc = gen_args(argc, argv, &o, files, &nf);
	if (rc != KEYS_EXIT_OK)
		return rc;
	if (o.format != NULL && strcmp(o.format, "tkt") != 0) {
		cli_error("keys rotate: only the tkt format has key windows");
		return KEYS_EXIT_ERR;
	}
	rc = load_keys(files, nf, "tkt", NULL, keys, KEYS_MAX, &n);
	for (i = 0; rc == KEYS_EXIT_OK && i < n; i++) {
		tkt_key *k = &keys[i];
		uint64_t enc_end = k->introduced > UINT64_MAX - k->encrypt_for
			? TKT_FOREVER : k->introduced + k->encrypt_for;
		uint64_t dec_end = enc_end > UINT64_MAX - k->decrypt_for
			? TKT_FOREVER : enc_end + k->decrypt_for;
		if (dec_end <= o.now)
			continue;               /* expired: dropped */
		if (k->introduced <= o.now && o.now < enc_end) {
			/* encrypting now: stop at now, keep the decrypt end */
			k->encrypt_for = o.now - k->introduced;
			k->decrypt_for = dec_end == TKT_FOREVER ? TKT_FOREVER
				: dec_end - o.now;
		}
		keys[m++] = *k;
	}
	if (rc == KEYS_EXIT_OK)
		rc = gen_key(&o, TKT_KEYFILE_TKT, &keys[m]);
	if (rc == KEYS_EXIT_OK)
		rc = save_keys(o.out, TKT_KEYFILE_TKT, keys, m + 1);
	tkt_secure_zero(keys, sizeof keys);
	return rc;
}

static int keys_convert(int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *out = NULL, *suite = NULL;
	char *files[KEYS_MAX];
	size_t nf = 0, n = 0;
	tkt_key keys[KEYS_MAX];
	tkt_keyfile_format f;
	int a, rc;

	for (a = 1; a < argc; a++) {
		const char *v = a + 1 < argc ? argv[a + 1] : NULL;
		if (strcmp(argv[a], "--from") == 0 && v != NULL)
			from = argv[++a];
		else if (strcmp(argv[a], "--to") == 0 && v != NULL)
			to = argv[++a];
		else if (strcmp(argv[a], "-o") == 0 && v != NULL)
			out = argv[++a];
		else if (strcmp(argv[a], "--suite") == 0 && v != NULL)
			suite = argv[++a];
		else if (argv[a][0] == '-' && argv[a][1] != 0) {
			cli_error("keys convert: bad option '%s'", argv[a]);
			return KEYS_EXIT_ERR;
		} else if (nf < KEYS_MAX)
			files[nf++] = argv[a];
	}
	if (from == NULL || to == NULL || out == NULL) {
		cli_error("keys convert: --from F --to G -o OUT are required");
		return KEYS_EXIT_ERR;
	}
	if (tkt_keyfile_format_from_name(to, &f) != TKT_OK) {
		cli_error("keys convert: unknown format '%s'", to);
		return KEYS_EXIT_ERR;
	}
	rc = load_keys(files, nf, from, suite, keys, KEYS_MAX, &n);
	if (rc == KEYS_EXIT_OK)
		rc = save_keys(out, f, keys, n);
	tkt_secure_zero(keys, sizeof keys);
	return rc;
}

int cmd_keys(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "gen") == 0)
		return keys_gen(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "show") == 0)
		return keys_show(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "convert") == 0)
		return keys_convert(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "rotate") == 0)
		return keys_rotate(argc - 1, argv + 1);
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		printf("usage: tkt keys gen --suite S [--format F] [--now T] [--encrypt S] [--decrypt S] -o FILE\n"
			"       tkt keys show [--format F] FILE...\n"
			"       tkt keys convert --from F --to G [--suite S] -o OUT FILE...\n"
			"       tkt keys rotate --suite S [--now T] [--encrypt S] [--decrypt S] -o OUT FILE\n"
			"suites: rfc5077 rfc5077-aes256 aes256-gcm\n"
			"formats: nginx apache openssl80 haproxy lighttpd tkt (default)\n");
		return KEYS_EXIT_OK;
	}
	cli_error("keys: expected gen, show, convert or rotate (tkt keys --help)");
	return KEYS_EXIT_ERR;
}
