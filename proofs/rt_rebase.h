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

#endif
