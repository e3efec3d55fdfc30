/*
 * SessionTicket extension body (RFC 5077 section 3.2 and Appendix A).
 * extension_data is the ticket itself, 0..65535 bytes. A body whose first
 * two bytes, read as uint16, equal its length minus 2 has the RFC 4507
 * double-length shape; of those only the empty RFC 4507 ticket (00 00) is
 * accepted, and only when the caller allows it (flag bit 0, the one
 * defined flag).
 *
 * Forms (tkt_ext35_form): 0 = empty, 1 = ticket, 2 = RFC 4507 empty.
 */
#ifndef TKT_SPEC_EXT35_H
#define TKT_SPEC_EXT35_H

/*@
  predicate ext35_legacy_shape{L}(uint8_t *b, integer len) =
    len >= 2 && be16(b) == len - 2;

  predicate wf_ext35{L}(uint8_t *b, integer len, integer flags) =
    0 <= flags <= 1 && len <= 65535 &&
    (len == 0 || !ext35_legacy_shape(b, len) || (len == 2 && flags == 1));

  // The form a well-formed body decodes to.
  logic integer ext35_form{L}(uint8_t *b, integer len) =
    len == 0 ? 0 : ((len >= 2 && be16(b) == len - 2) ? 2 : 1);

  // RFC 4507's own encoding: opaque ticket<0..2^16-1>, consumed exactly.
  predicate wf_ext35_rfc4507{L}(uint8_t *b, integer len) =
    len >= 2 && be16(b) == len - 2;

  // A value (form f, ticket of n bytes) tkt_ext35_encode accepts, and the
  // length of its encoding.
  predicate ext35_encodable(integer f, integer n) =
    (f == 0 && n == 0) || (f == 2 && n == 0) || (f == 1 && 1 <= n <= 65535);
  logic integer ext35_size(integer f, integer n) = f == 2 ? 2 : n;
*/

#endif
