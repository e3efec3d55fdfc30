/*
 * AES-256-GCM through OpenSSL's libcrypto: the independent second
 * implementation for tkt's aes256-gcm known-answer vectors (the openssl
 * command has no AEAD mode). Test tool only, never linked into tkt.
 *
 *   gen_gcm seal KEY NONCE AAD PLAINTEXT   -> prints CIPHERTEXT||TAG
 *   gen_gcm open KEY NONCE AAD CIPHERTEXT TAG -> prints PLAINTEXT, or
 *                                               exits 1 if the tag fails
 * All arguments and outputs are lower-case hex.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

static unsigned char *unhex(const char *s, int *n)
{
	size_t len = strlen(s), i;
	unsigned char *b = malloc(len / 2 + 1);

	if (b == NULL || len % 2 != 0)
		exit(2);
	for (i = 0; i < len / 2; i++) {
		unsigned v;
		if (sscanf(s + 2 * i, "%2x", &v) != 1)
			exit(2);
		b[i] = (unsigned char)v;
	}
	*n = (int)(len / 2);
	return b;
}

static void hex(const unsigned char *b, int n)
{
	int i;

	for (i = 0; i < n; i++)
		printf("%02x", b[i]);
}

int main(int argc, char **argv)
{
	int kl, nl, al, dl, tl = 0, outl = 0, fin = 0, seal;
	unsigned char *key, *nonce, *aad, *data, *tag = NULL, *out, tagbuf[16];
	EVP_CIPHER_CTX *c;

	if (argc < 6)
		return 2;
	seal = strcmp(argv[1], "seal") == 0;
	if (!seal && (strcmp(argv[1], "open") != 0 || argc < 7))
		return 2;
	key = unhex(argv[2], &kl);
	nonce = unhex(argv[3], &nl);
	aad = unhex(argv[4], &al);
	data = unhex(argv[5], &dl);
	if (!seal)
		tag = unhex(argv[6], &tl);
	if (kl != 32 || nl != 12 || (!seal && tl != 16))
		return 2;
	out = malloc((size_t)dl + 16);
	c = EVP_CIPHER_CTX_new();
	if (out == NULL || c == NULL)
		return 2;
	if (EVP_CipherInit_ex(c, EVP_aes_256_gcm(), NULL, NULL, NULL, seal) != 1 ||
	    EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_IVLEN, 12, NULL) != 1 ||
	    EVP_CipherInit_ex(c, NULL, NULL, key, nonce, seal) != 1 ||
	    (al > 0 && EVP_CipherUpdate(c, NULL, &outl, aad, al) != 1) ||
	    EVP_CipherUpdate(c, out, &outl, data, dl) != 1)
		return 2;
	if (!seal && EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_TAG, 16, tag) != 1)
		return 2;
	if (EVP_CipherFinal_ex(c, out + outl, &fin) != 1)
		return 1;            /* open: authentication failed */
	if (seal) {
		if (EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, 16, tagbuf) != 1)
			return 2;
		hex(out, outl + fin);
		hex(tagbuf, 16);
	} else {
		hex(out, outl + fin);
	}
	printf("\n");
	EVP_CIPHER_CTX_free(c);
	return 0;
}
