/*
 * The thread-safety contract of tkt/seal.h under ThreadSanitizer: reader
 * threads seal and open under a read lock while a writer rotates keys
 * (add a new one, remove the oldest, expire) under the write lock. Any
 * write by tkt_open()/tkt_seal() to the shared ring would be a data race
 * between two readers, which TSan reports (and exits non-zero).
 * BearSSL itself is not instrumented: its reads of the key schedules are
 * not seen by TSan, tkt's own accesses are. Run as `tsan_rotate control`,
 * the readers also write a ring field: TSan must then report a race (one
 * binary for both runs: the test and its negative control).
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "tkt/seal.h"

#define READERS 3
#define ROUNDS 4000
#define ROTATIONS 300

static tkt_ring ring;
static tkt_ring_key slots[4];
static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
static uint8_t ms[48];
static int control;     /* set once before the threads start */

typedef struct reader_result {
	unsigned long sealed, opened, wrong, old_opened, old_gone;
} reader_result;

static void *reader(void *arg)
{
	reader_result *res = arg;
	tkt_drbg rng;
	tkt_seal_stats stats;
	tkt_state st, got;
	uint8_t t[256], buf[256], prev[256];
	size_t w, i, prev_len = 0;
	int sealed_now;
	uint32_t hint;

	memset(&stats, 0, sizeof stats);
	if (tkt_drbg_init(&rng) != TKT_OK)
		return NULL;
	memset(&st, 0, sizeof st);
	st.version = 0x0303;
	st.cipher_suite = 0xC02F;
	st.master_secret = ms;
	st.timestamp = 1000;
	for (i = 0; i < ROUNDS; i++) {
		tkt_status s;
		pthread_rwlock_rdlock(&lock);
		s = tkt_seal(&ring, &rng, &st, 1000, 3600, t, sizeof t, &w, &hint);
		sealed_now = s == TKT_OK;
		/* the negative control: a write under a read lock, the very
		   bug this test exists to catch */
		if (control)
			ring.refused.by_status[TKT_OK]++;
		if (s == TKT_OK) {
			res->sealed++;
			s = tkt_open(&ring, NULL, 1000, t, w, buf, sizeof buf, &got,
				NULL, &stats);
			if (s == TKT_OK || s == TKT_OK_RENEW)
				res->opened++;
			else
				res->wrong++;
		}
		/* the previous round's ticket, sealed before the writer may
		   have rotated its key out: it opens, or its key is gone */
		if (prev_len != 0) {
			s = tkt_open(&ring, NULL, 1000, prev, prev_len, buf,
				sizeof buf, &got, NULL, &stats);
			if (s == TKT_OK || s == TKT_OK_RENEW)
				res->old_opened++;
			else if (s == TKT_ERR_NOT_OURS)
				res->old_gone++;
			else
				res->wrong++;
		}
		pthread_rwlock_unlock(&lock);
		if (sealed_now) {
			memcpy(prev, t, w);
			prev_len = w;
		}
	}
	tkt_drbg_clear(&rng);
	return NULL;
}

static void *writer(void *arg)
{
	tkt_drbg rng;
	size_t i;
	unsigned long *rotations = arg;

	if (tkt_drbg_init(&rng) != TKT_OK)
		return NULL;
	for (i = 0; i < ROTATIONS; i++) {
		tkt_key k;
		tkt_key_info oldest;
		if (tkt_key_generate(&k, i % 2 ? TKT_SUITE_AES256_GCM
			: TKT_SUITE_RFC5077, 0, &rng) != TKT_OK)
			break;
		k.introduced = 0;
		pthread_rwlock_wrlock(&lock);
		if (tkt_ring_count(&ring) == 4 &&
		    tkt_ring_info(&ring, 0, &oldest) == TKT_OK)
			(void)tkt_ring_remove(&ring, oldest.name);
		if (tkt_ring_add(&ring, &k) == TKT_OK)
			(*rotations)++;
		(void)tkt_ring_expire(&ring, 1000);
		pthread_rwlock_unlock(&lock);
		tkt_key_clear(&k);
	}
	tkt_drbg_clear(&rng);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t r[READERS], wr;
	reader_result res[READERS];
	unsigned long rotations = 0, sealed = 0, opened = 0, wrong = 0;
	unsigned long old_opened = 0, old_gone = 0;
	size_t i;
	int pass = 0, fail = 0;

	control = argc > 1 && strcmp(argv[1], "control") == 0;
	memset(ms, 7, sizeof ms);
	memset(res, 0, sizeof res);
	tkt_ring_init(&ring, slots, 4);
	/*
	 * In the control run the writer starts only after the readers end:
	 * its write locks would otherwise order some readers' increments
	 * (read unlock -> write lock -> read lock is a happens-before chain
	 * for TSan), and whether the seeded race is seen would depend on the
	 * scheduling. Reader against reader, a read lock orders nothing.
	 */
	if (!control)
		pthread_create(&wr, NULL, writer, &rotations);
	for (i = 0; i < READERS; i++)
		pthread_create(&r[i], NULL, reader, &res[i]);
	for (i = 0; i < READERS; i++)
		pthread_join(r[i], NULL);
	if (control)
		pthread_create(&wr, NULL, writer, &rotations);
	pthread_join(wr, NULL);
	for (i = 0; i < READERS; i++) {
		sealed += res[i].sealed;
		opened += res[i].opened;
		wrong += res[i].wrong;
		old_opened += res[i].old_opened;
		old_gone += res[i].old_gone;
	}
	printf("rotations %lu, sealed %lu, opened %lu, refused %lu; "
		"previous tickets: opened %lu, key rotated out %lu\n",
		rotations, sealed, opened, wrong, old_opened, old_gone);
	/* every ticket sealed under a read lock opens under the same lock;
	   an older one opens or is NOT_OURS, never anything else */
	if (wrong == 0 && opened == sealed && sealed > 0 && old_opened > 0 &&
	    rotations == ROTATIONS)
		pass++;
	else
		fail++;
	tkt_ring_clear(&ring);
	printf("tsan-rotate: %d passed, %d failed\n", pass, fail);
	return fail != 0;
}
