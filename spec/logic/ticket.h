/*
 * Protected ticket (RFC 5077 section 4), generalised to an IV of iv_len
 * bytes and a MAC of mac_len bytes:
 *   struct { opaque key_name[16]; opaque iv[iv_len];
 *            opaque encrypted_state<0..2^16-1>; opaque mac[mac_len]; }
 * Offsets: key_name 0, iv 16, state length 16 + iv_len, state 18 + iv_len,
 * mac 18 + iv_len + state length. The whole ticket travels in
 * ticket<0..2^16-1>, so it is at most 65535 bytes.
 */
#ifndef TKT_SPEC_TICKET_H
#define TKT_SPEC_TICKET_H

/*@
  predicate ticket_params(integer iv_len, integer mac_len) =
    1 <= iv_len <= 32 && 1 <= mac_len <= 64;

  logic integer ticket_state_len{L}(uint8_t *b, integer iv_len) =
    be16(b + 16 + iv_len);

  // Offset of the MAC, which is also the length of the MAC input.
  logic integer ticket_mac_off{L}(uint8_t *b, integer iv_len) =
    18 + iv_len + ticket_state_len(b, iv_len);

  predicate wf_ticket{L}(uint8_t *b, integer len, integer iv_len,
                         integer mac_len) =
    ticket_params(iv_len, mac_len) && len <= 65535 &&
    len >= 18 + iv_len &&
    len == ticket_mac_off(b, iv_len) + mac_len;

  // The ticket b at Lb holds the fields' bytes at Lv (lengths are the
  // value's): an encoder states its output at Post against its input at
  // Pre.
  predicate ticket_encodes{Lb, Lv}(uint8_t *b, uint8_t *kn, uint8_t *iv,
      integer iv_len, uint8_t *st, integer st_len, uint8_t *mac,
      integer mac_len) =
    bytes_at{Lb, Lv}(b, 0, kn, 16) &&
    bytes_at{Lb, Lv}(b, 16, iv, iv_len) &&
    ticket_state_len{Lb}(b, iv_len) == st_len &&
    bytes_at{Lb, Lv}(b, 18 + iv_len, st, st_len) &&
    bytes_at{Lb, Lv}(b, 18 + iv_len + st_len, mac, mac_len);
*/

#endif
