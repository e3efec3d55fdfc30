/*
 * The one place where tkt touches a non-public field of BearSSL's engine:
 * br_ssl_engine_context.mhash, the running hash of the handshake
 * transcript. BearSSL offers no public way to change it, and tkt must,
 * because it rewrites handshake messages (extension 35 in the hellos)
 * and adds one (NewSessionTicket) that the engine never sees or sees in
 * another form. Every other file of src/bearssl uses the public API.
 *
 * Why this is safe with BearSSL 0.6: the field's type,
 * br_multihash_context, is public and driven only through public
 * functions (br_multihash_init/update); the engine resets it once at
 * the start of each handshake and otherwise only appends to it and
 * reads it for Finished and CertificateVerify. tkt changes it only at
 * the points where the engine is paused between two records and has not
 * yet read it for anything after the rewritten message.
 *
 * The layout of BearSSL 0.6 on x86-64 (Debian 12) is checked at compile
 * time below; other ABIs are checked at run time by tkt_br_selftest(),
 * which also proves the compiled library agrees with the header.
 */
#include <stddef.h>
#include <string.h>

#include "internal.h"

/* C99 has no _Static_assert: a negative array size fails the build. */
#define TKT_BR_ASSERT(name, cond) typedef char tkt_br_assert_##name[(cond) ? 1 : -1]

#if defined(__x86_64__) && defined(__LP64__)
/* BearSSL 0.6, x86-64: measured from /usr/include/bearssl/bearssl_ssl.h. */
TKT_BR_ASSERT(mhash_offset, offsetof(br_ssl_engine_context, mhash) == 2960);
TKT_BR_ASSERT(mhash_size, sizeof(br_multihash_context) == 416);
TKT_BR_ASSERT(engine_size, sizeof(br_ssl_engine_context) == 3616);
#endif
/* Whatever the ABI: the field is a multihash, whose impl[] table is what
   br_ssl_engine_set_hash() fills (checked again at run time). */
TKT_BR_ASSERT(mhash_type, sizeof(((br_ssl_engine_context *)0)->mhash)
	== sizeof(br_multihash_context));

void tkt_br_transcript_set(br_ssl_engine_context *eng, const tkt_bytes *parts,
	size_t n)
{
	size_t i;

	/* init keeps the configured hash implementations, like the engine's
	   own reset at the start of a handshake. */
	br_multihash_init(&eng->mhash);
	for (i = 0; i < n; i++) {
		if (parts[i].len > 0) {
			br_multihash_update(&eng->mhash, parts[i].ptr, parts[i].len);
		}
	}
}

void tkt_br_transcript_append(br_ssl_engine_context *eng, const uint8_t *data,
	size_t len)
{
	if (len > 0) {
		br_multihash_update(&eng->mhash, data, len);
	}
}

/*
 * Run a real client engine far enough to write its ClientHello, then
 * compare the SHA-256 the engine keeps (read through the field) with the
 * SHA-256 of the ClientHello bytes it emitted. A layout mismatch between
 * the header we compiled against and the library we run with shows up
 * as different hashes (or an unset implementation).
 */
int tkt_br_selftest(void)
{
	br_ssl_client_context cc;
	br_x509_minimal_context xc;
	unsigned char iobuf[BR_SSL_BUFSIZE_MONO];
	unsigned char want[32], got[32];
	const unsigned char *rec;
	size_t len, hlen;
	br_sha256_context sh;
	int ok;

	br_ssl_client_init_full(&cc, &xc, NULL, 0);
	br_ssl_engine_set_buffer(&cc.eng, iobuf, sizeof iobuf, 0);
	if (!br_ssl_client_reset(&cc, "selftest.invalid", 0)) {
		return 0;
	}
	rec = br_ssl_engine_sendrec_buf(&cc.eng, &len);
	if (rec == NULL || len < 9 || rec[0] != 22 || rec[5] != 1) {
		return 0;
	}
	hlen = 4u + (size_t)rec[6] * 65536u + (size_t)rec[7] * 256u + rec[8];
	if (hlen > len - 5u) {
		return 0;
	}
	if (br_multihash_getimpl(&cc.eng.mhash, br_sha256_ID)
		!= br_ssl_engine_get_hash(&cc.eng, br_sha256_ID)
		|| br_ssl_engine_get_hash(&cc.eng, br_sha256_ID) == NULL)
	{
		return 0;
	}
	br_sha256_init(&sh);
	br_sha256_update(&sh, rec + 5, hlen);
	br_sha256_out(&sh, want);
	if (br_multihash_out(&cc.eng.mhash, br_sha256_ID, got) != 32) {
		return 0;
	}
	ok = memcmp(want, got, 32) == 0;

	/* And the setter: replacing the transcript must change what the
	   engine would hash from. */
	{
		const tkt_bytes part = { rec + 5, hlen };
		tkt_br_transcript_set(&cc.eng, &part, 1);
		if (br_multihash_out(&cc.eng.mhash, br_sha256_ID, got) != 32
			|| memcmp(want, got, 32) != 0)
		{
			ok = 0;
		}
	}
	return ok;
}
