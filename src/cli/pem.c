/*
 * PEM loading for the TLS subcommands, on BearSSL's PEM, key and X.509
 * decoders (no hand-written ASN.1).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tkt/seal.h"
#include "cli.h"
#include "pem.h"

/* A growable byte buffer, the destination of the PEM decoder. */
typedef struct vbuf {
	unsigned char *p;
	size_t len, cap;
	int oom;
} vbuf;

static void vbuf_put(void *ctx, const void *data, size_t len)
{
	vbuf *b = ctx;

	if (b->oom) {
		return;
	}
	if (len > b->cap - b->len) {
		size_t ncap = (b->cap + len) * 2u;
		unsigned char *np = realloc(b->p, ncap);
		if (np == NULL) {
			b->oom = 1;
			return;
		}
		b->p = np;
		b->cap = ncap;
	}
	memcpy(b->p + b->len, data, len);
	b->len += len;
}

/* One decoded PEM object. */
typedef struct pem_obj {
	char name[128];
	unsigned char *der;
	size_t len;
} pem_obj;

static void free_objs(pem_obj *o, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (o[i].der != NULL) {
			/* May be a private key. */
			tkt_secure_zero(o[i].der, o[i].len);
		}
		free(o[i].der);
	}
	free(o);
}

/* Decode every object of a PEM file. */
static int read_pem(const char *path, pem_obj **out, size_t *count)
{
	cli_input in;
	br_pem_decoder_context pc;
	pem_obj *objs = NULL;
	size_t n = 0, avail, pushed;
	const unsigned char *src;
	vbuf cur;
	int inobj = 0, tail = 0;
	const unsigned char nl = '\n';

	if (cli_read_input(path, CLI_INPUT_RAW, &in) != CLI_EXIT_OK) {
		return -1;
	}
	memset(&cur, 0, sizeof cur);
	br_pem_decoder_init(&pc);
	src = in.data;
	avail = in.len;
	for (;;) {
		if (avail == 0) {
			/* A final newline lets the decoder see the last END
			   line of a file that lacks one. */
			if (tail) {
				break;
			}
			tail = 1;
			src = &nl;
			avail = 1;
		}
		pushed = br_pem_decoder_push(&pc, src, avail);
		src += pushed;
		avail -= pushed;
		switch (br_pem_decoder_event(&pc)) {
		case BR_PEM_BEGIN_OBJ: {
			pem_obj *no = realloc(objs, (n + 1u) * sizeof *objs);
			if (no == NULL) {
				goto fail;
			}
			objs = no;
			memset(&objs[n], 0, sizeof objs[n]);
			snprintf(objs[n].name, sizeof objs[n].name, "%s",
				br_pem_decoder_name(&pc));
			memset(&cur, 0, sizeof cur);
			br_pem_decoder_setdest(&pc, vbuf_put, &cur);
			inobj = 1;
			break;
		}
		case BR_PEM_END_OBJ:
			if (inobj) {
				if (cur.oom) {
					goto fail;
				}
				objs[n].der = cur.p;
				objs[n].len = cur.len;
				memset(&cur, 0, sizeof cur);
				n++;
				inobj = 0;
			}
			break;
		case BR_PEM_ERROR:
			cli_error("%s: malformed PEM", path);
			goto fail_quiet;
		default:
			break;
		}
	}
	if (inobj) {
		cli_error("%s: unterminated PEM object", path);
		goto fail_quiet;
	}
	tkt_secure_zero(in.data, in.len);
	cli_input_free(&in);
	*out = objs;
	*count = n;
	return 0;
fail:
	cli_error("%s: out of memory", path);
fail_quiet:
	free(cur.p);
	if (in.data != NULL) {
		tkt_secure_zero(in.data, in.len);
	}
	cli_input_free(&in);
	free_objs(objs, n);
	return -1;
}

int cli_pem_load_chain(const char *path, cli_pem_chain *chain)
{
	pem_obj *o;
	size_t n, i, k = 0;

	memset(chain, 0, sizeof *chain);
	if (read_pem(path, &o, &n) != 0) {
		return -1;
	}
	chain->certs = calloc(n + 1u, sizeof *chain->certs);
	if (chain->certs == NULL) {
		free_objs(o, n);
		cli_error("%s: out of memory", path);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (strcmp(o[i].name, "CERTIFICATE") == 0
			|| strcmp(o[i].name, "X509 CERTIFICATE") == 0)
		{
			chain->certs[k].data = o[i].der;
			chain->certs[k].data_len = o[i].len;
			o[i].der = NULL;
			k++;
		}
	}
	free_objs(o, n);
	chain->n = k;
	if (k == 0) {
		cli_pem_chain_free(chain);
		cli_error("%s: no certificate", path);
		return -1;
	}
	return 0;
}

int cli_pem_load_key(const char *path, cli_pem_key *key)
{
	pem_obj *o;
	size_t n, i;
	int found = 0, err = 0;

	memset(key, 0, sizeof *key);
	if (read_pem(path, &o, &n) != 0) {
		return -1;
	}
	for (i = 0; i < n && !found; i++) {
		if (strcmp(o[i].name, "RSA PRIVATE KEY") == 0
			|| strcmp(o[i].name, "EC PRIVATE KEY") == 0
			|| strcmp(o[i].name, "PRIVATE KEY") == 0)
		{
			br_skey_decoder_init(&key->dec);
			br_skey_decoder_push(&key->dec, o[i].der, o[i].len);
			err = br_skey_decoder_last_error(&key->dec);
			found = 1;
		}
	}
	free_objs(o, n);
	if (!found) {
		cli_error("%s: no private key", path);
		return -1;
	}
	if (err != 0) {
		cli_error("%s: private key not decoded (BearSSL error %d)", path, err);
		cli_pem_key_free(key);
		return -1;
	}
	key->type = br_skey_decoder_key_type(&key->dec);
	if (key->type != BR_KEYTYPE_RSA && key->type != BR_KEYTYPE_EC) {
		cli_error("%s: unsupported key type", path);
		cli_pem_key_free(key);
		return -1;
	}
	return 0;
}

/* Copy a DN or key component to the heap (the decoder's are transient). */
static unsigned char *dup_bytes(const void *p, size_t len)
{
	unsigned char *d = malloc(len > 0 ? len : 1u);

	if (d != NULL && len > 0) {
		memcpy(d, p, len);
	}
	return d;
}

int cli_pem_load_anchors(const char *path, cli_pem_anchors *anchors)
{
	cli_pem_chain chain;
	size_t i;

	memset(anchors, 0, sizeof *anchors);
	if (cli_pem_load_chain(path, &chain) != 0) {
		return -1;
	}
	anchors->ta = calloc(chain.n, sizeof *anchors->ta);
	if (anchors->ta == NULL) {
		cli_pem_chain_free(&chain);
		cli_error("%s: out of memory", path);
		return -1;
	}
	for (i = 0; i < chain.n; i++) {
		br_x509_decoder_context dc;
		vbuf dn;
		const br_x509_pkey *pk;
		br_x509_trust_anchor *ta = &anchors->ta[i];

		memset(&dn, 0, sizeof dn);
		br_x509_decoder_init(&dc, vbuf_put, &dn);
		br_x509_decoder_push(&dc, chain.certs[i].data,
			chain.certs[i].data_len);
		pk = br_x509_decoder_get_pkey(&dc);
		if (pk == NULL || dn.oom) {
			free(dn.p);
			cli_error("%s: certificate %zu not decoded (BearSSL error %d)",
				path, i, br_x509_decoder_last_error(&dc));
			anchors->n = i;
			cli_pem_anchors_free(anchors);
			cli_pem_chain_free(&chain);
			return -1;
		}
		ta->dn.data = dn.p;
		ta->dn.len = dn.len;
		ta->flags = br_x509_decoder_isCA(&dc) ? BR_X509_TA_CA : 0;
		ta->pkey.key_type = pk->key_type;
		if (pk->key_type == BR_KEYTYPE_RSA) {
			ta->pkey.key.rsa.n = dup_bytes(pk->key.rsa.n, pk->key.rsa.nlen);
			ta->pkey.key.rsa.nlen = pk->key.rsa.nlen;
			ta->pkey.key.rsa.e = dup_bytes(pk->key.rsa.e, pk->key.rsa.elen);
			ta->pkey.key.rsa.elen = pk->key.rsa.elen;
		} else {
			ta->pkey.key.ec.curve = pk->key.ec.curve;
			ta->pkey.key.ec.q = dup_bytes(pk->key.ec.q, pk->key.ec.qlen);
			ta->pkey.key.ec.qlen = pk->key.ec.qlen;
		}
		anchors->n = i + 1u;
		if ((pk->key_type == BR_KEYTYPE_RSA && (ta->pkey.key.rsa.n == NULL
			|| ta->pkey.key.rsa.e == NULL))
			|| (pk->key_type != BR_KEYTYPE_RSA && ta->pkey.key.ec.q == NULL))
		{
			cli_error("%s: out of memory", path);
			cli_pem_anchors_free(anchors);
			cli_pem_chain_free(&chain);
			return -1;
		}
	}
	cli_pem_chain_free(&chain);
	return 0;
}

void cli_pem_chain_free(cli_pem_chain *chain)
{
	size_t i;

	for (i = 0; i < chain->n; i++) {
		free(chain->certs[i].data);
	}
	free(chain->certs);
	memset(chain, 0, sizeof *chain);
}

void cli_pem_key_free(cli_pem_key *key)
{
	/* The decoder context holds the private key. */
	volatile unsigned char *p = (volatile unsigned char *)(void *)key;
	size_t i;

	for (i = 0; i < sizeof *key; i++) {
		p[i] = 0;
	}
}

void cli_pem_anchors_free(cli_pem_anchors *anchors)
{
	size_t i;

	for (i = 0; i < anchors->n; i++) {
		br_x509_trust_anchor *ta = &anchors->ta[i];
		free(ta->dn.data);
		if (ta->pkey.key_type == BR_KEYTYPE_RSA) {
			free(ta->pkey.key.rsa.n);
			free(ta->pkey.key.rsa.e);
		} else {
			free(ta->pkey.key.ec.q);
		}
	}
	free(anchors->ta);
	memset(anchors, 0, sizeof *anchors);
}
