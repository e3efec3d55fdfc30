/*
 * StatePlaintext (RFC 5077 section 4) with tkt's optional block of state
 * extensions: the machine-readable form of spec/formats.md, "StatePlaintext".
 *
 * Two views of the same format, both used by the contracts:
 *   - state_wf(p, n): the n bytes at p are an accepted StatePlaintext
 *     (what the decoder must accept, and nothing else);
 *   - state_enc(p, n, s): the n bytes at p are the canonical encoding of the
 *     value s (what the encoder writes, and what the decoder returns).
 * Value validity (what the encoder accepts) is state_val_ok(s).
 *
 * Offsets are absolute within the StatePlaintext: 0 protocol_version,
 * 2 cipher_suite, 4 compression_method, 5 master_secret[48],
 * 53 client_authentication_type, 54 the identity body, then the timestamp
 * at state_ts_off(p) and the optional block right after it.
 *
 * tkt_state is a type of the public API, so the logic needs its definition.
 */
#ifndef TKT_SPEC_STATE_H
#define TKT_SPEC_STATE_H

#include "tkt/codec.h"

/*@
  // ---- certificate_list: ASN.1Cert<1..2^24-1> entries back to back ----

  // The bytes p[i .. n) are a sequence of non-empty uint24-prefixed
  // certificates, each entirely inside, ending exactly at n.
  predicate certs_wf{L}(uint8_t *p, integer i, integer n) =
    i == n ||
    (i + 3 <= n && be24(p + i) >= 1 && i + 3 + be24(p + i) <= n &&
     certs_wf(p, i + 3 + be24(p + i), n));

  // ---- ClientIdentity ----

  predicate identity_known(integer t) =
    t == TKT_IDENTITY_ANONYMOUS || t == TKT_IDENTITY_CERTIFICATE ||
    t == TKT_IDENTITY_PSK;

  // Size of the identity body after the type byte, from its fields.
  logic integer id_body_sz(integer t, integer cert_len, integer psk_len) =
    t == TKT_IDENTITY_CERTIFICATE ? 3 + cert_len :
    t == TKT_IDENTITY_PSK ? 2 + psk_len : 0;

  // Field functions of the wire form (valid when state_wf holds).
  logic integer state_version{L}(uint8_t *p) = be16(p);
  logic integer state_suite{L}(uint8_t *p) = be16(p + 2);
  logic integer state_comp{L}(uint8_t *p) = p[4];
  logic integer state_id{L}(uint8_t *p) = p[53];
  logic integer state_cert_len{L}(uint8_t *p) =
    p[53] == TKT_IDENTITY_CERTIFICATE ? be24(p + 54) : 0;
  logic integer state_psk_len{L}(uint8_t *p) =
    p[53] == TKT_IDENTITY_PSK ? be16(p + 54) : 0;
  // Offset of the timestamp: the end of the ClientIdentity.
  logic integer state_ts_off{L}(uint8_t *p) =
    54 + id_body_sz(p[53], state_cert_len(p), state_psk_len(p));
  logic integer state_timestamp{L}(uint8_t *p) = be32(p + state_ts_off(p));

  predicate identity_wf{L}(uint8_t *p, integer n) =
    54 <= n && identity_known(p[53]) &&
    (p[53] == TKT_IDENTITY_CERTIFICATE ==>
       57 <= n && 57 + be24(p + 54) <= n &&
       certs_wf(p + 57, 0, be24(p + 54))) &&
    (p[53] == TKT_IDENTITY_PSK ==>
       56 <= n && 56 + be16(p + 54) <= n);

  // ---- state extensions: StateExtension state_extensions<4..2^16-1> ----

  // A known type with a body of an allowed length.
  predicate sext_known(integer t, integer len) =
    (t == TKT_STATE_EXT_SERVER_NAME && 1 <= len <= TKT_STATE_NAME_MAX) ||
    (t == TKT_STATE_EXT_ALPN && 1 <= len <= TKT_STATE_NAME_MAX) ||
    (t == TKT_STATE_EXT_EXTENDED_MS && len == 0);

  // The bytes p[i .. n) are known extensions, each entirely inside, with
  // types strictly increasing and at least `min`, ending exactly at n.
  predicate sexts_wf{L}(uint8_t *p, integer i, integer n, integer min) =
    i == n ||
    (i + 4 <= n && be16(p + i) >= min &&
     sext_known(be16(p + i), be16(p + i + 2)) &&
     i + 4 + be16(p + i + 2) <= n &&
     sexts_wf(p, i + 4 + be16(p + i + 2), n, be16(p + i) + 1));

  // After the timestamp (at t): nothing, or a non-empty block filling the
  // rest exactly.
  predicate state_tail_wf{L}(uint8_t *p, integer t, integer n) =
    n == t + 4 ||
    (t + 6 <= n && be16(p + t + 4) >= 1 && n == t + 6 + be16(p + t + 4) &&
     sexts_wf(p, t + 6, n, 0));

  // ---- the whole StatePlaintext ----

  predicate state_wf{L}(uint8_t *p, integer n) =
    identity_wf(p, n) && state_ts_off(p) + 4 <= n &&
    state_tail_wf(p, state_ts_off(p), n);

  // ---- values (tkt_state) and their canonical encoding ----

  // Encoded size of an optional server_name/alpn entry, and of the
  // extended_master_secret entry.
  logic integer sext_name_sz(integer len) = len == 0 ? 0 : 4 + len;
  logic integer sext_ems_sz(integer ems) = ems == 0 ? 0 : 4;

  logic integer sv_id_sz(tkt_state s) =
    id_body_sz(s.identity, s.cert_list.len, s.psk_identity.len);
  logic integer sv_ts_off(tkt_state s) = 54 + sv_id_sz(s);
  // Contents of the block (without its 2-byte length); 0 = no block.
  logic integer sv_exts_sz(tkt_state s) =
    sext_name_sz(s.server_name.len) + sext_name_sz(s.alpn.len) +
    sext_ems_sz(s.extended_ms);
  logic integer sv_alpn_off(tkt_state s) =
    sv_ts_off(s) + 6 + sext_name_sz(s.server_name.len);
  logic integer sv_ems_off(tkt_state s) =
    sv_alpn_off(s) + sext_name_sz(s.alpn.len);
  // The same sizes from the fields' lengths (the encoder's helpers take
  // the fields, not the value): contents of the block, and the block with
  // its length (0 = no block).
  logic integer sx_sz(integer snl, integer al, integer ems) =
    sext_name_sz(snl) + sext_name_sz(al) + sext_ems_sz(ems);
  logic integer sx_block(integer snl, integer al, integer ems) =
    sx_sz(snl, al, ems) == 0 ? 0 : 2 + sx_sz(snl, al, ems);
  logic integer sv_size(tkt_state s) =
    sv_ts_off(s) + 4 + (sv_exts_sz(s) == 0 ? 0 : 2 + sv_exts_sz(s));

  // The scalar part of encodability: known identity with the other
  // identity fields empty, every length within its vector. Reads no
  // memory, so it survives any write.
  predicate state_val_shape(tkt_state s) =
    identity_known(s.identity) &&
    (s.identity != TKT_IDENTITY_CERTIFICATE ==> s.cert_list.len == 0) &&
    (s.identity != TKT_IDENTITY_PSK ==> s.psk_identity.len == 0) &&
    s.cert_list.len <= 16777215 &&
    s.psk_identity.len <= 65535 &&
    (s.extended_ms == 0 || s.extended_ms == 1) &&
    s.server_name.len <= TKT_STATE_NAME_MAX &&
    s.alpn.len <= TKT_STATE_NAME_MAX;

  // s is encodable: the shape, and a valid certificate list.
  predicate state_val_ok{L}(tkt_state s) =
    state_val_shape(s) &&
    certs_wf((uint8_t *)s.cert_list.ptr, 0, s.cert_list.len);

  // Parts of the encoding, over the fields' values and the offsets: the
  // encoder's writer proves each part from its arguments, and state_enc
  // is these parts applied to the value's fields. The provers match a
  // proved part as a whole, where they fail to rebuild the conjunction
  // from its conjuncts over a tkt_state read from memory (the encoder's
  // fits ensures timed out in that form). Byte fields are stated by index
  // in p (bytes_at, spec/logic/bytes.h).
  predicate enc_fixed{L}(uint8_t *p, integer ver, integer suite,
                         integer comp, uint8_t *ms, integer id) =
    be16(p) == ver && be16(p + 2) == suite && p[4] == comp &&
    bytes_at{L, L}(p, 5, ms, 48) && p[53] == id;
  predicate enc_id{L}(uint8_t *p, integer id, uint8_t *cert, integer cl,
                      uint8_t *psk, integer pl) =
    (id == TKT_IDENTITY_CERTIFICATE ==>
       be24(p + 54) == cl && bytes_at{L, L}(p, 57, cert, cl)) &&
    (id == TKT_IDENTITY_PSK ==>
       be16(p + 54) == pl && bytes_at{L, L}(p, 56, psk, pl));
  // The timestamp at t, and the block's length right after it.
  predicate enc_ts{L}(uint8_t *p, integer t, integer ts) =
    be32(p + t) == ts;
  predicate enc_len{L}(uint8_t *p, integer t, integer x) =
    x != 0 ==> be16(p + (t + 4)) == x;
  // A server_name or alpn entry at o (nothing when len is 0).
  predicate enc_name{L}(uint8_t *p, integer o, integer type, uint8_t *src,
                        integer len) =
    len != 0 ==>
      be16(p + o) == type && be16(p + (o + 2)) == len &&
      bytes_at{L, L}(p, o + 4, src, len);
  predicate enc_ems{L}(uint8_t *p, integer o, integer ems) =
    ems != 0 ==>
      be16(p + o) == TKT_STATE_EXT_EXTENDED_MS && be16(p + (o + 2)) == 0;

  // p[0 .. n) is the canonical encoding of s (byte contents compared with
  // the memory s points to): its size, the front (fixed part, identity,
  // timestamp) and the block after the timestamp. The front and the
  // block are predicates over the fields' values, and the codec's
  // contracts state them over the fields read through a pointer (s->x),
  // not over a tkt_state value: the provers fold the parts over scalars
  // at once, and time out projecting the fields of a record loaded from
  // memory (tkt_state_decode, tkt_state_encode).
  predicate enc_front{L}(uint8_t *p, integer ver, integer suite,
                         integer comp, uint8_t *ms, integer id,
                         uint8_t *cert, integer cl, uint8_t *psk,
                         integer pl, integer ts) =
    enc_fixed(p, ver, suite, comp, ms, id) &&
    enc_id(p, id, cert, cl, psk, pl) &&
    enc_ts(p, 54 + id_body_sz(id, cl, pl), ts);
  predicate enc_tail{L}(uint8_t *p, integer t, uint8_t *sn, integer snl,
                        uint8_t *ap, integer al, integer ems) =
    enc_len(p, t, sx_sz(snl, al, ems)) &&
    enc_name(p, t + 6, TKT_STATE_EXT_SERVER_NAME, sn, snl) &&
    enc_name(p, t + 6 + sext_name_sz(snl), TKT_STATE_EXT_ALPN, ap, al) &&
    enc_ems(p, t + 6 + sext_name_sz(snl) + sext_name_sz(al), ems);
  predicate state_enc{L}(uint8_t *p, integer n, tkt_state s) =
    n == sv_size(s) &&
    enc_front(p, s.version, s.cipher_suite, s.compression,
              (uint8_t *)s.master_secret, s.identity,
              (uint8_t *)s.cert_list.ptr, s.cert_list.len,
              (uint8_t *)s.psk_identity.ptr, s.psk_identity.len,
              s.timestamp) &&
    enc_tail(p, sv_ts_off(s), (uint8_t *)s.server_name.ptr,
             s.server_name.len, (uint8_t *)s.alpn.ptr, s.alpn.len,
             s.extended_ms);
*/

#endif
