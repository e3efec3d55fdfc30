/*
 * Measured stack use of tkt_seal() and tkt_open(), BearSSL's frames
 * included (the -fstack-usage report in run.sh sees only tkt's own).
 * Each call runs alone in a thread whose stack is a caller-provided,
 * pattern-filled buffer (pthread_attr_setstack); afterwards the deepest
 * overwritten byte gives the bytes used. A thread that only calls an
 * empty function is measured the same way and subtracted (thread start-up
 * and the entry frame).
 *
 *   stack      prints one line per suite and operation, then
 *              "stack: N passed, M failed" (limit: 8 KiB each)
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tkt/seal.h"

#define STACK_SIZE (256u * 1024u)
#define PATTERN 0xA5
#define LIMIT 8192u

typedef struct job {
	int op;                 /* 0 nothing, 1 seal, 2 open */
	tkt_suite suite;
	tkt_status result;
} job;

static uint8_t ms[48];

/* A ring of one key of `suite`, a state, and a ticket sealed beforehand
   (outside the measured thread) for the open job. */
static tkt_ring_key slots[1];
static tkt_ring ring;
static tkt_drbg rng;
static tkt_state state;
static uint8_t ticket[512];
static size_t ticket_len;

/* BearSSL's portable constant-time code instead of AES-NI/PCLMUL (as on
   a CPU without them): ct64 keeps more on the stack. */
static void use_portable(tkt_ring_key *k)
{
	const tkt_key *key = &k->key;

	if (key->suite == TKT_SUITE_AES256_GCM) {
		br_aes_ct64_ctr_vtable.init(&k->ctr.vtable, key->aes, key->aes_len);
		k->ghash = &br_ghash_ctmul64;
	} else {
		br_aes_ct64_cbcenc_vtable.init(&k->cbcenc.vtable, key->aes,
			key->aes_len);
		br_aes_ct64_cbcdec_vtable.init(&k->cbcdec.vtable, key->aes,
			key->aes_len);
	}
}

static void setup(tkt_suite suite, int portable)
{
	tkt_key k;
	uint32_t hint;

	tkt_ring_init(&ring, slots, 1);
	(void)tkt_key_generate(&k, suite, 0, &rng);
	(void)tkt_ring_add(&ring, &k);
	tkt_key_clear(&k);
	if (portable)
		use_portable(&slots[0]);
	memset(&state, 0, sizeof state);
	state.version = 0x0303;
	state.cipher_suite = 0xC02F;
	state.master_secret = ms;
	state.timestamp = 1000;
	(void)tkt_seal(&ring, &rng, &state, 1000, 3600, ticket, sizeof ticket,
		&ticket_len, &hint);
}

static void *run(void *arg)
{
	/* static, so that only the callee's frames are measured */
	static uint8_t out[512], buf[512];
	static size_t w;
	static uint32_t hint;
	static tkt_state got;
	job *j = arg;

	if (j->op == 1)
		j->result = tkt_seal(&ring, &rng, &state, 1000, 3600, out,
			sizeof out, &w, &hint);
	else if (j->op == 2)
		j->result = tkt_open(&ring, NULL, 1000, ticket, ticket_len, buf,
			sizeof buf, &got, NULL, NULL);
	else
		j->result = TKT_OK;
	tkt_secure_zero(buf, sizeof buf);
	return NULL;
}

/* Bytes of the thread stack written while running `j`. */
static size_t measure(job *j)
{
	uint8_t *stack = malloc(STACK_SIZE);
	pthread_attr_t a;
	pthread_t t;
	size_t i;

	if (stack == NULL)
		return 0;
	memset(stack, PATTERN, STACK_SIZE);
	pthread_attr_init(&a);
	if (pthread_attr_setstack(&a, stack, STACK_SIZE) != 0 ||
	    pthread_create(&t, &a, run, j) != 0) {
		free(stack);
		return 0;
	}
	pthread_join(t, NULL);
	pthread_attr_destroy(&a);
	/* the stack grows down: the first changed byte from the bottom */
	for (i = 0; i < STACK_SIZE && stack[i] == PATTERN; i++)
		;
	free(stack);
	return STACK_SIZE - i;
}

int main(void)
{
	static const tkt_suite suites[3] = { TKT_SUITE_RFC5077,
		TKT_SUITE_RFC5077_AES256, TKT_SUITE_AES256_GCM };
	job j;
	size_t base, s, i, worst_seal = 0, worst_open = 0;
	int pass = 0, fail = 0;

	memset(ms, 7, sizeof ms);
	if (tkt_drbg_init(&rng) != TKT_OK)
		return 2;
	j.op = 0;
	base = measure(&j);
	for (i = 0; i < 6; i++) {
		const char *impl = i < 3 ? "run-time choice" : "portable ct64";
		setup(suites[i % 3], i >= 3);
		j.suite = suites[i % 3];
		j.op = 1;
		s = measure(&j) - base;
		printf("stack: seal %-15s %-16s %5zu bytes (%s)\n",
			tkt_suite_name(j.suite), impl, s,
			j.result == TKT_OK ? "ok" : "FAILED");
		if (j.result != TKT_OK || base == 0)
			fail++;
		if (s > worst_seal)
			worst_seal = s;
		j.op = 2;
		s = measure(&j) - base;
		printf("stack: open %-15s %-16s %5zu bytes (%s)\n",
			tkt_suite_name(j.suite), impl, s,
			j.result == TKT_OK ? "ok" : "FAILED");
		if (j.result != TKT_OK)
			fail++;
		if (s > worst_open)
			worst_open = s;
		tkt_ring_clear(&ring);
	}
	printf("stack: measured maximum, BearSSL included: seal() %zu bytes, open() %zu bytes\n",
		worst_seal, worst_open);
	if (worst_seal > 0 && worst_seal < LIMIT && worst_open > 0 &&
	    worst_open < LIMIT)
		pass++;
	else
		fail++;
	tkt_drbg_clear(&rng);
	printf("stack: %d passed, %d failed\n", pass, fail);
	return fail != 0;
}
