/*
 * Key files: every format's field order (the traps), HAProxy's
 * second-to-last rule, lighttpd's host-endian header, the native format's
 * strictness, write/parse round trips, and base64 canonicity.
 *
 * Built with TKT_NO_KEYFILES (tkt/config.h) only the suite names remain
 * here: tests/configs checks that the key-file functions are neither
 * declared nor in the library. Built with TKT_NO_GCM, a GCM key in a
 * native file is checked to be refused with TKT_ERR_UNSUPPORTED.
 */
#include <stdint.h>
#include <string.h>

#include "tkt/seal.h"
#include "seal/internal.h"
#include "check.h"

#ifndef TKT_NO_KEYFILES
/* 80 distinct bytes: byte i = i + 1, so every field is recognisable. */
static void pattern(uint8_t *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		b[i] = (uint8_t)(i + 1u);
}

static void test_binary_traps(void)
{
	uint8_t f[92];
	tkt_key k[3], a;
	size_t n = 9, w;
	uint8_t out[200];

	pattern(f, sizeof f);
	/* the same 48 bytes as nginx and as apache: AES and HMAC swap */
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_NGINX, f, 48, k, 3, &n), TKT_OK);
	CHECK_EQ(n, 1);
	CHECK_EQ(k[0].suite, TKT_SUITE_RFC5077);
	CHECK_MEM(k[0].name, 16, f, 16);
	CHECK_MEM(k[0].aes, k[0].aes_len, f + 16, 16);
	CHECK_MEM(k[0].hmac, k[0].hmac_len, f + 32, 16);
	a = k[0];
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_APACHE, f, 48, k, 3, &n), TKT_OK);
	CHECK_MEM(k[0].hmac, k[0].hmac_len, f + 16, 16);
	CHECK_MEM(k[0].aes, k[0].aes_len, f + 32, 16);
	CHECK(memcmp(a.aes, k[0].aes, 16) != 0);
	/* 80 bytes: nginx and openssl80 agree (name|hmac32|aes32) */
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_NGINX, f, 80, k, 3, &n), TKT_OK);
	CHECK_EQ(k[0].suite, TKT_SUITE_RFC5077_AES256);
	CHECK_MEM(k[0].hmac, k[0].hmac_len, f + 16, 32);
	CHECK_MEM(k[0].aes, k[0].aes_len, f + 48, 32);
	a = k[0];
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_OPENSSL80, f, 80, k, 3, &n), TKT_OK);
	CHECK_MEM(k[0].aes, 32, a.aes, 32);
	CHECK_MEM(k[0].hmac, 32, a.hmac, 32);
	/* sizes that a format does not have */
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_APACHE, f, 80, k, 3, &n), TKT_ERR_BAD_LENGTH);
	CHECK_EQ(n, 0);
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_OPENSSL80, f, 48, k, 3, &n), TKT_ERR_BAD_LENGTH);
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_NGINX, f, 47, k, 3, &n), TKT_ERR_BAD_LENGTH);
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_NGINX, f, 49, k, 3, &n), TKT_ERR_BAD_LENGTH);
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_NONE, f, 48, k, 3, &n), TKT_ERR_ARG);
	/* zero keys refused, and nothing left behind */
	memset(f + 16, 0, 16);
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_NGINX, f, 48, k, 3, &n), TKT_ERR_KEY);
	CHECK(tkt_ct_is_zero((const uint8_t *)k, sizeof k));
	pattern(f, sizeof f);
	memset(f + 32, 0, 16);
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_APACHE, f, 48, k, 3, &n), TKT_ERR_KEY);
	/* write round trips, byte for byte */
	pattern(f, sizeof f);
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_APACHE, f, 48, k, 3, &n), TKT_OK);
	CHECK_EQ(tkt_keyfile_write(TKT_KEYFILE_APACHE, k, 1, out, sizeof out, &w), TKT_OK);
	CHECK_MEM(out, w, f, 48);
	CHECK_EQ(tkt_keyfile_write(TKT_KEYFILE_NGINX, k, 1, out, sizeof out, &w), TKT_OK);
	CHECK_MEM(out, 16, f, 16);
	CHECK_MEM(out + 16, 16, f + 32, 16);     /* aes first in nginx */
	CHECK_MEM(out + 32, 16, f + 16, 16);
	CHECK_EQ(tkt_keyfile_write(TKT_KEYFILE_OPENSSL80, k, 1, out, sizeof out, &w), TKT_ERR_ARG);
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_OPENSSL80, f, 80, k, 3, &n), TKT_OK);
	CHECK_EQ(tkt_keyfile_write(TKT_KEYFILE_NGINX, k, 1, out, 79, &w), TKT_ERR_BUFFER_TOO_SMALL);
	CHECK_EQ(w, 80);
	CHECK_EQ(tkt_keyfile_write(TKT_KEYFILE_NGINX, k, 1, out, sizeof out, &w), TKT_OK);
	CHECK_MEM(out, w, f, 80);
}

static void test_lighttpd(void)
{
	uint8_t f[92];
	int32_t v = 0, act = 1700000000, exp = 1700086400;
	tkt_key k[1];
	size_t n, w;
	uint8_t out[92];

	pattern(f, sizeof f);
	memcpy(f, &v, 4);
	memcpy(f + 4, &act, 4);
	memcpy(f + 8, &exp, 4);
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_LIGHTTPD, f, 92, k, 1, &n), TKT_OK);
	CHECK_EQ(k[0].suite, TKT_SUITE_RFC5077_AES256);
	CHECK_MEM(k[0].name, 16, f + 12, 16);
	CHECK_MEM(k[0].hmac, 32, f + 28, 32);
	CHECK_MEM(k[0].aes, 32, f + 60, 32);
	CHECK_EQ(k[0].introduced, 1700000000u);
	CHECK_EQ(k[0].encrypt_for, 86400u);
	CHECK_EQ(k[0].decrypt_for, 0);
	CHECK_EQ(tkt_keyfile_write(TKT_KEYFILE_LIGHTTPD, k, 1, out, sizeof out, &w), TKT_OK);
	CHECK_MEM(out, w, f, 92);
	/* the header in the other byte order is a different (refused) file:
	   the trap of reading it as big-endian on x86 */
	{
		uint8_t g[92];
		size_t i;
		memcpy(g, f, 92);
		for (i = 0; i < 4; i++) {
			g[4 + i] = f[7 - i];
			g[8 + i] = f[11 - i];
		}
		CHECK(tkt_keyfile_parse(TKT_KEYFILE_LIGHTTPD, g, 92, k, 1, &n) != TKT_OK ||
		      k[0].introduced != 1700000000u);
	}
	v = 1;
	memcpy(f, &v, 4);
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_LIGHTTPD, f, 92, k, 1, &n), TKT_ERR_RANGE);
	v = 0;
	memcpy(f, &v, 4);
	memcpy(f + 8, &act, 4);                  /* expire == active */
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_LIGHTTPD, f, 92, k, 1, &n), TKT_ERR_RANGE);
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_LIGHTTPD, f, 91, k, 1, &n), TKT_ERR_BAD_LENGTH);
}

static void b64(const uint8_t *raw, size_t n, char *line)
{
	tkt_b64_encode(raw, n, line);
	line[tkt_b64_encoded_len(n)] = '\n';
	line[tkt_b64_encoded_len(n) + 1] = 0;
}

static void test_haproxy(void)
{
	uint8_t raw[5][80];
	char file[1000], line[120];
	tkt_key k[3];
	size_t n, i, w;
	uint8_t out[1000];

	file[0] = 0;
	for (i = 0; i < 5; i++) {
		pattern(raw[i], 80);
		raw[i][0] = (uint8_t)(0xA0 + i);      /* name marks the line */
		raw[i][20] = (uint8_t)(0xB0 + i);
		raw[i][40] = (uint8_t)(0xC0 + i);
		raw[i][60] = (uint8_t)(0xD0 + i);
		b64(raw[i], 48, line);
		strcat(file, line);
	}
	/* 5 lines: the last 3 are kept, the 4th (second-to-last) encrypts */
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_HAPROXY, (const uint8_t *)file, strlen(file), k, 3, &n), TKT_OK);
	CHECK_EQ(n, 3);
	CHECK_EQ(k[0].name[0], 0xA2);
	CHECK_EQ(k[1].name[0], 0xA3);
	CHECK_EQ(k[2].name[0], 0xA4);
	CHECK_EQ(k[0].encrypt_for, 0);
	CHECK_EQ(k[1].encrypt_for, TKT_FOREVER);
	CHECK_EQ(k[2].encrypt_for, 0);
	CHECK_EQ(k[2].decrypt_for, TKT_FOREVER);
	/* name|aes|hmac (not nginx's 80-byte order) */
	CHECK_EQ(k[1].suite, TKT_SUITE_RFC5077);
	CHECK_MEM(k[1].aes, 16, raw[3] + 16, 16);
	CHECK_MEM(k[1].hmac, 16, raw[3] + 32, 16);
	/* the ring picks the second-to-last to encrypt */
	{
		tkt_ring_key slots[3];
		tkt_ring ring;
		tkt_ring_init(&ring, slots, 3);
		for (i = 0; i < n; i++)
			CHECK_EQ(tkt_ring_add(&ring, &k[i]), TKT_OK);
		CHECK_EQ(tkt_ring_encrypting(&ring, 100), 1);
		tkt_ring_clear(&ring);
	}
	/* CR LF and blank lines are fine; a single line encrypts */
	strcpy(file, "\r\n");
	b64(raw[0], 80, line);
	line[strlen(line) - 1] = 0;
	strcat(file, line);
	strcat(file, "\r\n\n");
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_HAPROXY, (const uint8_t *)file, strlen(file), k, 3, &n), TKT_OK);
	CHECK_EQ(n, 1);
	CHECK_EQ(k[0].suite, TKT_SUITE_RFC5077_AES256);
	CHECK_MEM(k[0].aes, 32, raw[0] + 16, 32);
	CHECK_MEM(k[0].hmac, 32, raw[0] + 48, 32);
	CHECK_EQ(k[0].encrypt_for, TKT_FOREVER);
	/* two lines: the first encrypts */
	b64(raw[0], 48, line);
	strcpy(file, line);
	b64(raw[1], 48, line);
	strcat(file, line);
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_HAPROXY, (const uint8_t *)file, strlen(file), k, 3, &n), TKT_OK);
	CHECK_EQ(n, 2);
	CHECK_EQ(k[0].encrypt_for, TKT_FOREVER);
	CHECK_EQ(k[1].encrypt_for, 0);
	/* write: same bytes back */
	CHECK_EQ(tkt_keyfile_write(TKT_KEYFILE_HAPROXY, k, 2, out, sizeof out, &w), TKT_OK);
	CHECK_MEM(out, w, file, strlen(file));
	/* refusals */
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_HAPROXY, (const uint8_t *)"", 0, k, 3, &n), TKT_ERR_SYNTAX);
	b64(raw[0], 32, line);
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_HAPROXY, (const uint8_t *)line, strlen(line), k, 3, &n), TKT_ERR_BAD_LENGTH);
	b64(raw[0], 48, line);
	line[3] = '*';
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_HAPROXY, (const uint8_t *)line, strlen(line), k, 3, &n), TKT_ERR_SYNTAX);
	CHECK_EQ(n, 0);
	b64(raw[0], 48, line);
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_HAPROXY, (const uint8_t *)line, strlen(line), k, 0, &n), TKT_ERR_FULL);
}

static void test_b64(void)
{
	uint8_t all[48], back[48];
	char s[80];
	size_t i;

	for (i = 0; i < 48; i++)
		all[i] = (uint8_t)(i * 4u + (i % 3u == 0 ? 0u : 3u));
	/* every 6-bit value appears: 0..63 */
	for (i = 0; i < 48; i++)
		all[i] = (uint8_t)((i * 16u * 4u + i * 5u) % 256u);
	for (i = 0; i <= 48; i++) {
		size_t m = tkt_b64_encoded_len(i);
		tkt_b64_encode(all, i, s);
		CHECK_EQ(tkt_b64_decode(s, m, back, sizeof back), i);
		CHECK_MEM(back, i, all, i);
	}
	/* the full alphabet maps to the RFC 4648 values */
	{
		static const char alpha[] =
			"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
		uint8_t v[48];
		char e[65];
		CHECK_EQ(tkt_b64_decode(alpha, 64, v, sizeof v), 48);
		tkt_b64_encode(v, 48, e);
		CHECK_MEM(e, 64, alpha, 64);
	}
	/* every byte value in the first position: accepted exactly for the
	   64 alphabet characters, with the RFC 4648 value */
	{
		static const char alpha[] =
			"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
		unsigned c;
		int wrong = 0;
		for (c = 0; c < 256; c++) {
			const char *at = c != 0 ? strchr(alpha, (int)c) : NULL;
			char q[4] = { 0, 'A', 'A', 'A' };
			size_t r;
			q[0] = (char)c;
			r = tkt_b64_decode(q, 4, back, sizeof back);
			if (at == NULL ? r != (size_t)-1
			    : r != 3 || back[0] != (uint8_t)((at - alpha) * 4))
				wrong++;
		}
		CHECK_EQ(wrong, 0);
	}
	CHECK_EQ(tkt_b64_decode("QUI=", 4, back, sizeof back), 2);
	CHECK_EQ(tkt_b64_decode("QUJ=", 4, back, sizeof back), (size_t)-1);  /* noncanonical */
	CHECK_EQ(tkt_b64_decode("QQ==", 4, back, sizeof back), 1);
	CHECK_EQ(tkt_b64_decode("QR==", 4, back, sizeof back), (size_t)-1);
	CHECK_EQ(tkt_b64_decode("Q===", 4, back, sizeof back), (size_t)-1);
	CHECK_EQ(tkt_b64_decode("QQ==QUJD", 8, back, sizeof back), (size_t)-1);
	CHECK_EQ(tkt_b64_decode("QUJ", 3, back, sizeof back), (size_t)-1);
}

static void test_native(void)
{
	tkt_key k[4], g[4];
	uint8_t out[2000];
	size_t w, n, i;
	tkt_drbg rng;

	CHECK_EQ(tkt_drbg_init(&rng), TKT_OK);
	CHECK_EQ(tkt_key_generate(&k[0], TKT_SUITE_RFC5077, 1000, &rng), TKT_OK);
	CHECK_EQ(tkt_key_generate(&k[1], TKT_SUITE_RFC5077_AES256, 2000, &rng), TKT_OK);
#ifndef TKT_NO_GCM
	CHECK_EQ(tkt_key_generate(&k[2], TKT_SUITE_AES256_GCM, 3000, &rng), TKT_OK);
#else
	CHECK_EQ(tkt_key_generate(&k[2], TKT_SUITE_RFC5077_AES256, 3000, &rng), TKT_OK);
	{
		/* a well-formed GCM key line: refused for the suite alone */
		static const char gcm[] =
			"tkt-keys 1\nkey suite=aes256-gcm name=000102030405060708090a0b0c0d0e0f aes=0102030405060708090a0b0c0d0e0f100102030405060708090a0b0c0d0e0f10 hmac=- introduced=0 encrypt=forever decrypt=forever\n";

		n = 9;
		CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_TKT, (const uint8_t *)gcm,
			strlen(gcm), g, 4, &n), TKT_ERR_UNSUPPORTED);
		CHECK_EQ(n, 0);
	}
#endif
	k[1].hmac_len = 16;
	k[2].encrypt_for = 7200;
	k[2].decrypt_for = 0;
	CHECK_EQ(tkt_keyfile_write(TKT_KEYFILE_TKT, k, 3, out, sizeof out, &w), TKT_OK);
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_TKT, out, w, g, 4, &n), TKT_OK);
	CHECK_EQ(n, 3);
	for (i = 0; i < 3; i++) {
		CHECK_EQ(g[i].suite, k[i].suite);
		CHECK_MEM(g[i].name, 16, k[i].name, 16);
		CHECK_MEM(g[i].aes, g[i].aes_len, k[i].aes, k[i].aes_len);
		CHECK_MEM(g[i].hmac, g[i].hmac_len, k[i].hmac, k[i].hmac_len);
		CHECK_EQ(g[i].introduced, k[i].introduced);
		CHECK_EQ(g[i].encrypt_for, k[i].encrypt_for);
		CHECK_EQ(g[i].decrypt_for, k[i].decrypt_for);
	}
	CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_TKT, out, w, g, 2, &n), TKT_ERR_FULL);
	/* one byte short: nothing written */
	memset(out, 0xEE, sizeof out);
	{
		size_t need = w;
		CHECK_EQ(tkt_keyfile_write(TKT_KEYFILE_TKT, k, 3, out, need - 1, &w), TKT_ERR_BUFFER_TOO_SMALL);
		CHECK_EQ(w, need);
		CHECK_EQ(out[0], 0xEE);
	}
	/* strictness: each variant below must be refused */
	{
		static const char *const bad[] = {
			"tkt-keys 2\n",
			"tkt-keys 1\nkey suite=rfc5077 name=000102030405060708090a0b0c0d0e0f aes=0102030405060708090a0b0c0d0e0f10 hmac=0102030405060708090a0b0c0d0e0f11 introduced=0 encrypt=forever decrypt=forever",
			"tkt-keys 1\nkey suite=rfc5077 name=000102030405060708090A0B0C0D0E0F aes=0102030405060708090a0b0c0d0e0f10 hmac=0102030405060708090a0b0c0d0e0f11 introduced=0 encrypt=forever decrypt=forever\n",
			"tkt-keys 1\nkey suite=rfc5077 name=000102030405060708090a0b0c0d0e0f aes=0102030405060708090a0b0c0d0e0f10 hmac=0102030405060708090a0b0c0d0e0f11 introduced=00 encrypt=forever decrypt=forever\n",
			"tkt-keys 1\nkey suite=rfc5077  name=000102030405060708090a0b0c0d0e0f aes=0102030405060708090a0b0c0d0e0f10 hmac=0102030405060708090a0b0c0d0e0f11 introduced=0 encrypt=forever decrypt=forever\n",
			"tkt-keys 1\nkey suite=aes256-gcm name=000102030405060708090a0b0c0d0e0f aes=0102030405060708090a0b0c0d0e0f100102030405060708090a0b0c0d0e0f10 hmac=0102030405060708090a0b0c0d0e0f11 introduced=0 encrypt=forever decrypt=forever\n",
			"tkt-keys 1\nkey suite=rfc5077 name=000102030405060708090a0b0c0d0e0f aes=00000000000000000000000000000000 hmac=0102030405060708090a0b0c0d0e0f11 introduced=0 encrypt=forever decrypt=forever\n",
			"tkt-keys 1\nkey suite=rfc5077 name=000102030405060708090a0b0c0d0e0f aes=0102030405060708090a0b0c0d0e0f10 hmac=0102030405060708090a0b0c0d0e0f11 introduced=0 encrypt=18446744073709551615 decrypt=forever\n",
			"tkt-keys 1\nkey suite=rfc5077 name=000102030405060708090a0b0c0d0e0f aes=0102030405060708090a0b0c0d0e0f10 hmac=0102030405060708090a0b0c0d0e0f11 introduced=0 encrypt=forever decrypt=forever\nkey suite=rfc5077 name=000102030405060708090a0b0c0d0e0f aes=1102030405060708090a0b0c0d0e0f10 hmac=1102030405060708090a0b0c0d0e0f11 introduced=0 encrypt=forever decrypt=forever\n",
		};
		static const char good[] =
			"tkt-keys 1\n# comment\n\nkey suite=rfc5077 name=000102030405060708090a0b0c0d0e0f aes=0102030405060708090a0b0c0d0e0f10 hmac=0102030405060708090a0b0c0d0e0f11 introduced=0 encrypt=forever decrypt=forever\n";
		size_t b;
		CHECK_EQ(tkt_keyfile_parse(TKT_KEYFILE_TKT, (const uint8_t *)good, strlen(good), g, 4, &n), TKT_OK);
		CHECK_EQ(n, 1);
		CHECK_EQ(g[0].hmac_len, 16);
		for (b = 0; b < sizeof bad / sizeof bad[0]; b++) {
			tkt_status s = tkt_keyfile_parse(TKT_KEYFILE_TKT, (const uint8_t *)bad[b], strlen(bad[b]), g, 4, &n);
			if (s == TKT_OK)
				fprintf(stderr, "bad native file %u accepted\n", (unsigned)b);
			CHECK(s != TKT_OK);
			CHECK_EQ(n, 0);
		}
	}
	tkt_drbg_clear(&rng);
}

static void test_format_names(void)
{
	tkt_keyfile_format f;
	static const char *const fn[] = { "nginx", "apache", "openssl80", "haproxy", "lighttpd", "tkt" };
	size_t i;

	for (i = 0; i < 6; i++) {
		CHECK_EQ(tkt_keyfile_format_from_name(fn[i], &f), TKT_OK);
		CHECK(strcmp(tkt_keyfile_format_name(f), fn[i]) == 0);
	}
	CHECK_EQ(tkt_keyfile_format_from_name("NGINX", &f), TKT_ERR_ARG);
	CHECK_EQ(tkt_keyfile_format_from_name("openssl", &f), TKT_ERR_ARG);
}
#endif

static void test_names(void)
{
	tkt_suite s;

	CHECK_EQ(tkt_suite_from_name("rfc5077-aes256", &s), TKT_OK);
	CHECK_EQ(s, TKT_SUITE_RFC5077_AES256);
#ifndef TKT_NO_GCM
	CHECK_EQ(tkt_suite_from_name("aes256-gcm", &s), TKT_OK);
	CHECK_EQ(s, TKT_SUITE_AES256_GCM);
#else
	s = TKT_SUITE_NONE;
	CHECK_EQ(tkt_suite_from_name("aes256-gcm", &s), TKT_ERR_UNSUPPORTED);
	CHECK_EQ(s, TKT_SUITE_NONE);
#endif
	CHECK_EQ(tkt_suite_from_name("rfc5077-aes", &s), TKT_ERR_ARG);
	CHECK_EQ(tkt_suite_from_name(NULL, &s), TKT_ERR_ARG);
}

int main(void)
{
#ifndef TKT_NO_KEYFILES
	test_binary_traps();
	test_lighttpd();
	test_haproxy();
	test_b64();
	test_native();
	test_format_names();
#endif
	test_names();
	return check_summary("test_seal_keyfile");
}
