/*
 * Logic of the ClientHello and ServerHello bodies, TLS 1.0 to 1.2
 * (RFC 5246 7.4.1.2 and 7.4.1.3; spec/formats.md, "Hello messages").
 *
 *   struct {
 *     ProtocolVersion client_version;           -- 2 bytes, major 3
 *     Random random;                            -- 32 bytes
 *     SessionID session_id;                     -- opaque <0..32>
 *     CipherSuite cipher_suites<2..2^16-2>;     -- even length
 *     CompressionMethod compression_methods<1..2^8-1>;
 *     [ Extension extensions<0..2^16-1>; ]      -- optional
 *   } ClientHello;
 *
 *   struct {
 *     ProtocolVersion server_version; Random random; SessionID session_id;
 *     CipherSuite cipher_suite; CompressionMethod compression_method;
 *     [ Extension extensions<0..2^16-1>; ]
 *   } ServerHello;
 *
 * Offsets are absolute in the body `b`; the extensions block, when
 * present, is whatever follows the compression field and must be exactly
 * a well-formed block (wf_exts of spec/logic/exts.h).
 */
#ifndef TKT_SPEC_HELLO_H
#define TKT_SPEC_HELLO_H

#include "tkt/codec.h"

/*@
  logic integer hello_sid_len{L}(uint8_t *b) = b[34];
  logic integer hello_after_sid{L}(uint8_t *b) = 35 + b[34];

  // ClientHello
  logic integer ch_cs_off{L}(uint8_t *b) = hello_after_sid(b);
  logic integer ch_cs_len{L}(uint8_t *b) = be16(b + ch_cs_off(b));
  logic integer ch_cm_off{L}(uint8_t *b) = ch_cs_off(b) + 2 + ch_cs_len(b);
  logic integer ch_cm_len{L}(uint8_t *b) = b[ch_cm_off(b)];
  logic integer ch_ext_off{L}(uint8_t *b) = ch_cm_off(b) + 1 + ch_cm_len(b);

  // An optional extensions block at e fills [e, len) exactly.
  predicate opt_exts{L}(uint8_t *b, integer e, integer len) =
    e == len || wf_exts(b + e, len - e);

  // The well-formedness of a hello, field by field: each predicate is the
  // previous one plus the next field (the decoders' rejection classes are
  // "this one holds, the next fails").

  // version, random and session_id, common to both hellos.
  predicate hello_prefix_ok{L}(uint8_t *b, integer len) =
    35 <= len && b[0] == 3 && hello_sid_len(b) <= 32 &&
    hello_after_sid(b) <= len;

  // ClientHello: ... then cipher_suites<2..2^16-2> ...
  predicate ch_cs_ok{L}(uint8_t *b, integer len) =
    hello_prefix_ok(b, len) &&
    ch_cs_off(b) + 2 <= len &&
    ch_cs_len(b) != 0 && ch_cs_len(b) % 2 == 0 &&
    ch_cm_off(b) <= len;

  // ... then compression_methods<1..2^8-1>.
  predicate ch_cm_ok{L}(uint8_t *b, integer len) =
    ch_cs_ok(b, len) &&
    ch_cm_off(b) + 1 <= len &&
    1 <= ch_cm_len(b) &&
    ch_ext_off(b) <= len;

  predicate wf_client_hello{L}(uint8_t *b, integer len) =
    ch_cm_ok(b, len) && opt_exts(b, ch_ext_off(b), len);

  // ServerHello
  logic integer sh_cs_off{L}(uint8_t *b) = hello_after_sid(b);
  logic integer sh_ext_off{L}(uint8_t *b) = sh_cs_off(b) + 3;

  // ... then cipher_suite and compression_method.
  predicate sh_fixed_ok{L}(uint8_t *b, integer len) =
    hello_prefix_ok(b, len) && sh_ext_off(b) <= len;

  predicate wf_server_hello{L}(uint8_t *b, integer len) =
    sh_fixed_ok(b, len) && opt_exts(b, sh_ext_off(b), len);

  // What a decoder reports for the optional block that starts at e in b
  // and ends at len: absent (an empty list at \null) or the list behind
  // the block's 2-byte length. The list lies inside b's len bytes, so a
  // caller that may read those may read the list too: with that, x is a
  // valid view (exts_view). Readability is left to the caller's buffer
  // because the decoders state this in their final memory, where their
  // local copy of the view is freed; WP's provers do not carry a
  // \valid_read of the list across that.
  predicate hello_exts_view{L}(int has, tkt_exts *x, uint8_t *b, integer e,
                               integer len) =
    exts_shape(x) &&
    (e == len ==> has == 0 && x->list.ptr == \null && x->list.len == 0) &&
    (e < len ==> has == 1 && x->list.ptr == b + (e + 2) &&
                 x->list.len == len - e - 2);

  // The values below take a pointer, not a struct: a predicate over a
  // struct value makes WP load the whole record (tkt_exts included),
  // and the provers then fail to match its fields with the facts a
  // caller holds about them.

  // What the encoders accept for the optional block: absent, or a list
  // of at most 65535 bytes that is well-formed. The encoders write the
  // list's bytes only (the view's other fields are derived from them and
  // not read), so this is all they check.
  predicate opt_list_ok{L}(integer has, tkt_exts *x) =
    has == 0 ||
    (has == 1 && x->list.len <= 65535 &&
     (x->list.len > 0 ==> x->list.ptr != \null) &&
     wf_ext_body((uint8_t *)x->list.ptr, x->list.len));

  // The list of a block the encoders must read to judge it.
  predicate opt_list_readable{L}(integer has, tkt_exts *x) =
    has == 1 && x->list.len <= 65535 && x->list.ptr != \null ==>
      \valid_read(x->list.ptr + (0 .. x->list.len - 1));

  // version, random and session_id: what both encoders accept.
  predicate hello_common_ok(integer version, uint8_t *random, uint8_t *sid,
                            integer sid_len) =
    version / 256 == 3 && random != \null && sid_len <= 32 &&
    (sid_len > 0 ==> sid != \null);

  // A value the encoders accept (and so exactly the decoders' images).
  predicate client_hello_ok{L}(tkt_client_hello *v) =
    hello_common_ok(v->version, (uint8_t *)v->random,
                    (uint8_t *)v->session_id.ptr, v->session_id.len) &&
    2 <= v->cipher_suites.len <= 65534 && v->cipher_suites.len % 2 == 0 &&
    v->cipher_suites.ptr != \null &&
    1 <= v->compression.len <= 255 && v->compression.ptr != \null &&
    opt_list_ok(v->has_extensions, &v->exts);

  predicate server_hello_ok{L}(tkt_server_hello *v) =
    hello_common_ok(v->version, (uint8_t *)v->random,
                    (uint8_t *)v->session_id.ptr, v->session_id.len) &&
    opt_list_ok(v->has_extensions, &v->exts);

  // Readable memory behind an accepted value (what an encoder reads).
  predicate client_hello_readable{L}(tkt_client_hello *v) =
    \valid_read(v->random + (0 .. 31)) &&
    \valid_read(v->session_id.ptr + (0 .. v->session_id.len - 1)) &&
    \valid_read(v->cipher_suites.ptr + (0 .. v->cipher_suites.len - 1)) &&
    \valid_read(v->compression.ptr + (0 .. v->compression.len - 1)) &&
    (v->has_extensions == 1 ==>
       \valid_read(v->exts.list.ptr + (0 .. v->exts.list.len - 1)));

  predicate server_hello_readable{L}(tkt_server_hello *v) =
    \valid_read(v->random + (0 .. 31)) &&
    \valid_read(v->session_id.ptr + (0 .. v->session_id.len - 1)) &&
    (v->has_extensions == 1 ==>
       \valid_read(v->exts.list.ptr + (0 .. v->exts.list.len - 1)));

  // Offsets of the fields in the encoding of a value.
  logic integer chv_cs_off{L}(tkt_client_hello *v) = 35 + v->session_id.len;
  logic integer chv_cm_off{L}(tkt_client_hello *v) =
    chv_cs_off(v) + 2 + v->cipher_suites.len;
  logic integer chv_ext_off{L}(tkt_client_hello *v) =
    chv_cm_off(v) + 1 + v->compression.len;
  logic integer shv_ext_off{L}(tkt_server_hello *v) =
    38 + v->session_id.len;

  logic integer opt_list_len{L}(integer has, tkt_exts *x) =
    has == 1 ? 2 + x->list.len : 0;

  logic integer client_hello_len{L}(tkt_client_hello *v) =
    chv_ext_off(v) + opt_list_len(v->has_extensions, &v->exts);
  logic integer server_hello_len{L}(tkt_server_hello *v) =
    shv_ext_off(v) + opt_list_len(v->has_extensions, &v->exts);

  // The bytes b at Lb encode a value whose pointed-to bytes are read at
  // Lv (an encoder states its output at Post against its input at Pre).
  // Fields by their index in b (bytes_at, spec/logic/bytes.h). The value
  // is passed field by field, not as a struct: the provers then match the
  // encoder's facts directly, with no record to unfold.
  predicate hello_prefix_encodes{Lb, Lv}(uint8_t *b, integer version,
      uint8_t *random, uint8_t *sid, integer sid_len) =
    be16{Lb}(b) == version &&
    bytes_at{Lb, Lv}(b, 2, random, 32) &&
    u8_at{Lb}(b, 34, sid_len) &&
    bytes_at{Lb, Lv}(b, 35, sid, sid_len);

  // The optional block at e: its length and list when has == 1.
  predicate opt_list_encodes{Lb, Lv}(uint8_t *b, integer e, integer has,
      uint8_t *list, integer list_len) =
    has == 1 ==>
      u16_at{Lb}(b, e, list_len) &&
      bytes_at{Lb, Lv}(b, e + 2, list, list_len);

  // ClientHello: cipher_suites at 35 + sid_len, compression_methods after
  // them, then the optional block.
  predicate ch_encodes{Lb, Lv}(uint8_t *b, integer version,
      uint8_t *random, uint8_t *sid, integer sid_len, uint8_t *cs,
      integer cs_len, uint8_t *cm, integer cm_len, integer has,
      uint8_t *list, integer list_len) =
    hello_prefix_encodes{Lb, Lv}(b, version, random, sid, sid_len) &&
    u16_at{Lb}(b, 35 + sid_len, cs_len) &&
    bytes_at{Lb, Lv}(b, 37 + sid_len, cs, cs_len) &&
    u8_at{Lb}(b, 37 + sid_len + cs_len, cm_len) &&
    bytes_at{Lb, Lv}(b, 38 + sid_len + cs_len, cm, cm_len) &&
    opt_list_encodes{Lb, Lv}(b, 38 + sid_len + cs_len + cm_len, has, list,
                             list_len);

  // ServerHello: cipher_suite and compression_method at 35 + sid_len.
  predicate sh_encodes{Lb, Lv}(uint8_t *b, integer version,
      uint8_t *random, uint8_t *sid, integer sid_len, integer suite,
      integer comp, integer has, uint8_t *list, integer list_len) =
    hello_prefix_encodes{Lb, Lv}(b, version, random, sid, sid_len) &&
    u16_at{Lb}(b, 35 + sid_len, suite) &&
    u8_at{Lb}(b, 37 + sid_len, comp) &&
    opt_list_encodes{Lb, Lv}(b, 38 + sid_len, has, list, list_len);
*/

#endif
