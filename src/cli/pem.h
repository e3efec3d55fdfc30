/*
 * src/cli/pem.h -- PEM certificate chains, private keys and trust anchors
 * for `tkt server` and `tkt client`, decoded with BearSSL's decoders.
 * Command code: uses the heap; every loaded object has its free function.
 */
#ifndef TKT_CLI_PEM_H
#define TKT_CLI_PEM_H

#include <stddef.h>

#include <bearssl.h>

/* The DER objects of a PEM file, in file order. */
typedef struct cli_pem_chain {
	br_x509_certificate *certs;
	size_t n;
} cli_pem_chain;

/* A private key (RSA or EC); the decoder owns the key bytes. */
typedef struct cli_pem_key {
	br_skey_decoder_context dec;
	int type;                        /* BR_KEYTYPE_RSA or BR_KEYTYPE_EC */
} cli_pem_key;

/* Trust anchors made from the certificates of a PEM file. */
typedef struct cli_pem_anchors {
	br_x509_trust_anchor *ta;
	size_t n;
} cli_pem_anchors;

/* Each returns 0 on success, or prints one line on stderr and returns -1
   (then nothing needs freeing). */
int cli_pem_load_chain(const char *path, cli_pem_chain *chain);
int cli_pem_load_key(const char *path, cli_pem_key *key);
int cli_pem_load_anchors(const char *path, cli_pem_anchors *anchors);

void cli_pem_chain_free(cli_pem_chain *chain);
void cli_pem_key_free(cli_pem_key *key);
void cli_pem_anchors_free(cli_pem_anchors *anchors);

#endif
