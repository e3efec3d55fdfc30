/*
 * Lemma functions on one extension header (Frama-C only, never compiled),
 * for the lemma loops that walk a list in two memory states at once and
 * carry its well-formedness to a copy (proofs/rt_hello.c, proofs/rt_exts.c):
 * each step reads the header at i with rt_ext_next and rt_ext_is35, so
 * that the loop's goals see ext_next and ext_type, not C arithmetic, and
 * rt_hdr_all states both indexed in the list, in the memory state of its
 * call (a caller that needs them in two states calls it in both).
 */
#ifndef TKT_PROOFS_RT_EXT_LEMMAS_H
#define TKT_PROOFS_RT_EXT_LEMMAS_H

#include "tkt/codec.h"
#include "tkt_spec.h"

/*@
  // a[i] at L1 is b[i] at L2 (for C locals, which \at cannot name at Pre).
  predicate rt_byte_at{L1, L2}(uint8_t *a, uint8_t *b, integer i) =
    \at(a[i], L1) == \at(b[i], L2);

  // The big-endian 16 bits at a[i], indexed in a (be16(a + i) unfolds to
  // (a + i)[0], which the provers relate to a[i] slowly).
  logic integer rt_b16{L}(uint8_t *a, integer i) = a[i] * 256 + a[i + 1];

  // a[i] at L1 is b[j] at L2: a byte of a copy shifted against its source.
  predicate rt_byte_sh{L1, L2}(uint8_t *a, integer i, uint8_t *b, integer j) =
    \at(a[i], L1) == \at(b[j], L2);
*/

/* The extension header at i of the list at p: the offset after it, and
   whether its type is 35. */
/*@
  requires i <= 200000;
  requires \valid_read(p + (i .. i + 3));
  assigns \nothing;
  ensures \result == ext_next((uint8_t *)p, i);
*/
static size_t rt_ext_next(const uint8_t *p, size_t i)
{
	return i + 4u + ((size_t)p[i + 2u] * 256u + p[i + 3u]);
}

/*@
  requires i <= 200000;
  requires \valid_read(p + (i .. i + 1));
  assigns \nothing;
  ensures \result == 0 || \result == 1;
  ensures \result == 1 <==> ext_type((uint8_t *)p, i) == 35;
*/
static int rt_ext_is35(const uint8_t *p, size_t i)
{
	return p[i] == 0u && p[i + 1u] == 35u;
}

/* ext_type and ext_next indexed in the list, in the memory state of the
   call: a caller that needs them in two states calls it in both. */
/*@
  assigns \nothing;
  ensures \forall uint8_t *a, integer j;
    ext_type(a, j) == rt_b16(a, j) &&
    ext_next(a, j) == j + 4 + rt_b16(a, j + 2);
*/
static void rt_hdr_all(void)
{
}

#endif
