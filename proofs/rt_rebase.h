/*
 * A lemma function shared by the round-trip theorems (Frama-C only):
 * bytes_at(b, off, src, n), a field stated by its index in b, read from
 * b + off, one index at a time, where the provers need no re-indexing
 * (they do not find b + off + i as b + k on their own).
 */
#ifndef TKT_PROOFS_RT_REBASE_H
#define TKT_PROOFS_RT_REBASE_H

#include "tkt/codec.h"
#include "tkt_spec.h"

/*@
  requires off + n <= 200000;
  requires bytes_at{Here, Here}((uint8_t *)b, off, (uint8_t *)src, n);
  assigns \nothing;
  ensures same_bytes{Here, Here}((uint8_t *)b + off, (uint8_t *)src, n);
*/
static void rt_rebase(const uint8_t *b, size_t off, const uint8_t *src,
	size_t n)
{
	size_t i;

	/*@ loop invariant 0 <= i <= n;
	    loop invariant same_bytes{Here, Here}((uint8_t *)b + off,
	                                          (uint8_t *)src, i);
	    loop assigns i;
	    loop variant n - i;
	*/
	for (i = 0; i < n; i++) {
		//@ assert b[off + i] == src[i];
	}
}

/*@
  // p is b + off, as a predicate: Qed leaves it folded, so that p stays a
  // name of its own in the goals of rt_unshift (see there).
  predicate rt_at(uint8_t *p, uint8_t *b, integer off) = p == b + off;
*/

/* The converse, for a copy at one offset in two buffers: same_bytes at
   p = b + off and q = src + off, read back by the index in b. The ranges
   are named by p and q, not b + off: Qed would write (b + off)[i] as
   b[off + i], and a quantified fact over b[off + j] has no trigger that
   matches b[k]; p[i] is a plain instance. */
/*@
  requires off + n <= 200000;
  requires rt_at((uint8_t *)p, (uint8_t *)b, off);
  requires rt_at((uint8_t *)q, (uint8_t *)src, off);
  requires same_bytes{Here, Here}((uint8_t *)p, (uint8_t *)q, n);
  assigns \nothing;
  ensures \forall integer k; off <= k < off + n ==> b[k] == src[k];
*/
static void rt_unshift(const uint8_t *b, const uint8_t *src, size_t off,
	size_t n, const uint8_t *p, const uint8_t *q)
{
	size_t i;

	/*@ loop invariant 0 <= i <= n;
	    loop invariant \forall integer k; off <= k < off + i ==>
	      b[k] == src[k];
	    loop assigns i;
	    loop variant n - i;
	*/
	for (i = 0; i < n; i++) {
		//@ assert p[i] == q[i];
		//@ assert b[off + i] == src[off + i];
	}
}

#endif
