/*
 * Big-endian integers as TLS writes them, and byte-range equality.
 * Written as arithmetic (x*256 + y), which the provers handle directly.
 */
#ifndef TKT_SPEC_BYTES_H
#define TKT_SPEC_BYTES_H

/*@
  logic integer be16{L}(uint8_t *p) = p[0] * 256 + p[1];
  logic integer be24{L}(uint8_t *p) = (p[0] * 256 + p[1]) * 256 + p[2];
  logic integer be32{L}(uint8_t *p) =
    ((p[0] * 256 + p[1]) * 256 + p[2]) * 256 + p[3];

  predicate same_bytes{L1, L2}(uint8_t *a, uint8_t *b, integer n) =
    \forall integer i; 0 <= i < n ==> \at(a[i], L1) == \at(b[i], L2);

  // b[off .. off + n) at L1 holds src[0 .. n) at L2: same_bytes(b + off,
  // src, n), indexed by the position in b. Adjacent fields of b written
  // this way glue into one range with no re-indexing, which the provers
  // do not find on their own (they fail to instantiate b + off + j as
  // b + k).
  predicate bytes_at{L1, L2}(uint8_t *b, integer off, uint8_t *src,
                             integer n) =
    \forall integer k; off <= k < off + n ==>
      \at(b[k], L1) == \at(src[k - off], L2);

  // A length byte or field of b at index k, as a predicate: WP's
  // simplifier (Qed) leaves predicates folded, whereas from an equation
  // b[k] == x it may rewrite x as a byte of memory, and an encoder whose
  // later writes are placed by x then leaves the provers a cycle.
  predicate u8_at{L}(uint8_t *b, integer k, integer x) = b[k] == x;
  predicate u16_at{L}(uint8_t *b, integer k, integer x) = be16(b + k) == x;
  predicate u24_at{L}(uint8_t *b, integer k, integer x) = be24(b + k) == x;

  // A view that points into its buffer holds the buffer's bytes at its
  // offset: a decoder's output stated as an encoding of its input.
  lemma bytes_at_self{L}: \forall uint8_t *b, integer off, n;
    bytes_at{L, L}(b, off, b + off, n);

  lemma be16_range{L}: \forall uint8_t *p; 0 <= be16(p) <= 65535;
  lemma be24_range{L}: \forall uint8_t *p; 0 <= be24(p) <= 16777215;
  lemma be32_range{L}: \forall uint8_t *p; 0 <= be32(p) <= 4294967295;
*/

#endif
