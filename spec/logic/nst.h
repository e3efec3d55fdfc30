/*
 * NewSessionTicket (RFC 5077 section 3.3):
 *   struct { uint32 ticket_lifetime_hint; opaque ticket<0..2^16-1>; }
 * Offsets: lifetime hint at 0, ticket length at 4, ticket bytes at 6.
 * The body is well formed when it is exactly 6 + ticket length bytes long;
 * the message is a handshake of type 4 whose body is a well-formed NST.
 */
#ifndef TKT_SPEC_NST_H
#define TKT_SPEC_NST_H

/*@
  logic integer nst_lifetime{L}(uint8_t *b) = be32(b);
  logic integer nst_ticket_len{L}(uint8_t *b) = be16(b + 4);

  lemma nst_be32_injective{L}: \forall uint8_t *p, *q;
    be32(p) == be32(q) ==>
      p[0] == q[0] && p[1] == q[1] && p[2] == q[2] && p[3] == q[3];

  predicate wf_nst{L}(uint8_t *b, integer len) =
    len >= 6 && len == 6 + nst_ticket_len(b);

  predicate wf_nst_msg{L}(uint8_t *b, integer len) =
    wf_hs(b, len) && hs_type(b) == 4 && wf_nst(b + 4, len - 4);

  // The encoded body b: lifetime hint h and a copy of the n bytes at t.
  predicate nst_encodes{L}(uint8_t *b, integer h, uint8_t *t, integer n) =
    nst_lifetime(b) == h && nst_ticket_len(b) == n &&
    same_bytes{L, L}(b + 6, t, n);
*/

#endif
