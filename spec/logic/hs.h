/*
 * Handshake message header (RFC 5246 7.4):
 *   struct { HandshakeType msg_type; uint24 length; opaque body[length]; }
 * A buffer is a well-formed message when it holds the 4-byte header and a
 * body of exactly the announced length, nothing more.
 */
#ifndef TKT_SPEC_HS_H
#define TKT_SPEC_HS_H

/*@
  logic integer hs_type{L}(uint8_t *b) = b[0];
  logic integer hs_body_len{L}(uint8_t *b) = be24(b + 1);

  predicate wf_hs{L}(uint8_t *b, integer len) =
    len >= 4 && hs_body_len(b) == len - 4;

  // Big-endian fields determine their bytes: what lets a decoded length
  // be re-encoded to the same bytes (used by every round trip).
  lemma hs_be16_injective{L}: \forall uint8_t *p, *q;
    be16(p) == be16(q) ==> p[0] == q[0] && p[1] == q[1];
  lemma hs_be24_injective{L}: \forall uint8_t *p, *q;
    be24(p) == be24(q) ==> p[0] == q[0] && p[1] == q[1] && p[2] == q[2];

  // The header of a message of type t whose body has n bytes.
  predicate hs_header{L}(uint8_t *b, integer t, integer n) =
    hs_type(b) == t && hs_body_len(b) == n;
*/

#endif
