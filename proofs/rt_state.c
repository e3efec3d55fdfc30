/*
 * Round-trip theorems of the StatePlaintext codec (src/codec/state.c),
 * stated as C functions whose contracts WP proves (Frama-C only; never
 * compiled into the library).
 *
 *   rt_state_bytes: for every accepted buffer b, encode(decode(b)) == b,
 *     byte for byte and with the same length (every identity kind, with
 *     or without state extensions: the theorem quantifies over all of b).
 *   rt_state_value: for every encodable value v, decode(encode(v)) == v
 *     (same scalars, lengths and bytes behind the pointers, v read at
 *     Pre).
 *
 * Together with the decoder's contract (accept <==> state_wf) these say
 * that the encoding is a bijection between state_val_ok values and
 * state_wf buffers: one canonical encoding per value. The lemma
 * functions they call are in rt_state_lemmas.h. Two goals of
 * rt_state_value's helpers are not proved yet (proofs/unproved.txt).
 */
#include <stddef.h>
#include <stdint.h>

#include "tkt/codec.h"
#include "tkt_spec.h"
#include "rt_state_lemmas.h"

/*
 * encode(decode(b)) == b: the decoder says that b is the encoding of the
 * value it returns (enc_front, enc_tail over b), the encoder that out is;
 * the lemma functions of rt_state_lemmas.h make two encodings of one value
 * equal byte for byte. They are stated in one memory state, so the
 * asserts first carry b's encoding across the encoder's writes, which
 * stay inside out.
 */
/*@ requires \valid_read(buf + (0 .. len - 1));
    requires \valid(out + (0 .. cap - 1));
    requires len <= cap;
    requires \separated(out + (0 .. cap - 1), buf + (0 .. len - 1));
    assigns out[0 .. cap - 1];
    ensures state_wf{Pre}((uint8_t *)buf, len) ==>
      \result == 1 && same_bytes{Post, Pre}(out, (uint8_t *)buf, len);
    ensures !state_wf{Pre}((uint8_t *)buf, len) ==> \result == 0;
*/
int rt_state_bytes(const uint8_t *buf, size_t len, uint8_t *out, size_t cap)
{
	tkt_state v;
	size_t at, w = 0;

	if (tkt_state_decode(buf, len, &v, &at) != TKT_OK)
		return 0;
	if (tkt_state_encode(&v, out, cap, &w) != TKT_OK) {
		/*@ assert \false; */
		return 0;
	}
	/* The encoder wrote only out: buf, with the fields of b's encoding
	   inside it, reads as before. */
	/*@ assert keep: \forall integer k; 0 <= k < len ==>
	      buf[k] == \at(buf[k], Pre); */
	/* Each field lies inside buf, so it reads as before too. */
	/*@ assert in_ts: sv_ts_off(v) + 4 <= len; */
	/*@ assert in_len: sx_sz(v.server_name.len, v.alpn.len, v.extended_ms)
	      != 0 ==> sv_ts_off(v) + 6 <= len; */
	/*@ assert in_alpn: v.alpn.len != 0 ==>
	      sv_alpn_off(v) + 4 + v.alpn.len <= len; */
	/*@ assert in_ems: v.extended_ms != 0 ==> sv_ems_off(v) + 4 <= len; */
	/* b's encoding now, part by part. b_len and b_ems place their field
	   as the contracts do (54 + id_body_sz(...)): with sv_ts_off they
	   timed out. */
	/*@ assert b_fixed: enc_fixed((uint8_t *)buf, v.version,
	      v.cipher_suite, v.compression, (uint8_t *)v.master_secret,
	      v.identity); */
	/*@ assert b_id: enc_id((uint8_t *)buf, v.identity,
	      (uint8_t *)v.cert_list.ptr, v.cert_list.len,
	      (uint8_t *)v.psk_identity.ptr, v.psk_identity.len); */
	/*@ assert b_ts: enc_ts((uint8_t *)buf, sv_ts_off(v), v.timestamp); */
	/*@ assert b_front: enc_front((uint8_t *)buf, v.version, v.cipher_suite,
	      v.compression, (uint8_t *)v.master_secret, v.identity,
	      (uint8_t *)v.cert_list.ptr, v.cert_list.len,
	      (uint8_t *)v.psk_identity.ptr, v.psk_identity.len, v.timestamp); */
	/*@ assert b_len: enc_len((uint8_t *)buf,
	      54 + id_body_sz(v.identity, v.cert_list.len, v.psk_identity.len),
	      sx_sz(v.server_name.len, v.alpn.len, v.extended_ms)); */
	/*@ assert b_sn: enc_name((uint8_t *)buf, sv_ts_off(v) + 6,
	      TKT_STATE_EXT_SERVER_NAME, (uint8_t *)v.server_name.ptr,
	      v.server_name.len); */
	/*@ assert b_alpn: enc_name((uint8_t *)buf, sv_alpn_off(v),
	      TKT_STATE_EXT_ALPN, (uint8_t *)v.alpn.ptr, v.alpn.len); */
	/*@ assert b_ems: enc_ems((uint8_t *)buf,
	      54 + id_body_sz(v.identity, v.cert_list.len, v.psk_identity.len) +
	      6 + sext_name_sz(v.server_name.len) + sext_name_sz(v.alpn.len),
	      v.extended_ms); */
	/*@ assert b_tail: enc_tail((uint8_t *)buf, sv_ts_off(v),
	      (uint8_t *)v.server_name.ptr, v.server_name.len,
	      (uint8_t *)v.alpn.ptr, v.alpn.len, v.extended_ms); */
	/* One encoding per value (rt_state_lemmas.h). */
	rt_state_canon_front(out, buf, v.version, v.cipher_suite,
		v.compression, v.master_secret, v.identity, v.cert_list.ptr,
		v.cert_list.len, v.psk_identity.ptr, v.psk_identity.len,
		v.timestamp);
	rt_state_canon_tail(out, buf, v.identity, v.cert_list.len,
		v.psk_identity.len, v.server_name.ptr, v.server_name.len,
		v.alpn.ptr, v.alpn.len, v.extended_ms);
	/*@ assert same_front: \forall integer k; 0 <= k < sv_ts_off(v) + 4 ==>
	      out[k] == buf[k]; */
	/*@ assert same_tail: \forall integer k; sv_ts_off(v) + 4 <= k < len ==>
	      out[k] == buf[k]; */
	return 1;
}

/*
 * The decoder, with what rt_state_decode_back needs from it: back's
 * encoding in out at Pre (the decoder's own form), where back's byte
 * fields point, the bytes of its name fields as out's at Pre, and that
 * out reads as before. Only back is written, but the provers carry a
 * byte across that write slowly (3 s in a function of its own,
 * time-outs among rt_state_decode_back's hypotheses): here the context
 * holds the decoder's contract and nothing else; so does each byte
 * field read as out's at Pre (12-17 s each in the caller, 4-5 s here). id, cl, pl and snl are the caller's identity kind and lengths:
 * the name fields' bytes are stated at the offset they give, once they
 * are back's, so that the caller finds them at its own offset without
 * an arithmetic rewrite (stated at back's offset, the caller's alpn
 * step took cvc4 20 s).
 */
/*@ requires \valid(back) && \valid_read(out + (0 .. w - 1));
    requires \separated(back, out + (0 .. w - 1));
    requires state_wf((uint8_t *)out, w);
    assigns *back;
    ensures \result == 1;
    ensures keep_out: \forall integer k; 0 <= k < w ==>
      out[k] == \at(out[k], Pre);
    ensures d_front: enc_front{Pre}((uint8_t *)out, back->version,
      back->cipher_suite, back->compression, (uint8_t *)back->master_secret,
      back->identity, (uint8_t *)back->cert_list.ptr, back->cert_list.len,
      (uint8_t *)back->psk_identity.ptr, back->psk_identity.len,
      back->timestamp);
    ensures d_tail: enc_tail{Pre}((uint8_t *)out,
      54 + id_body_sz(back->identity, back->cert_list.len,
      back->psk_identity.len), (uint8_t *)back->server_name.ptr,
      back->server_name.len, (uint8_t *)back->alpn.ptr, back->alpn.len,
      back->extended_ms);
    ensures d_size: w == 54 + id_body_sz(back->identity, back->cert_list.len,
      back->psk_identity.len) + 4 +
      sx_block(back->server_name.len, back->alpn.len, back->extended_ms);
    ensures d_ms: back->master_secret == out + 5;
    ensures d_cert: back->identity == TKT_IDENTITY_CERTIFICATE ==>
      back->cert_list.ptr == out + 57;
    ensures d_psk: back->identity == TKT_IDENTITY_PSK ==>
      back->psk_identity.ptr == out + 56;
    ensures d_ms_bytes: \forall integer i; 0 <= i < 48 ==>
      back->master_secret[i] == \at(out[5 + i], Pre);
    ensures d_cert_bytes: \forall integer i; 0 <= i < back->cert_list.len ==>
      back->cert_list.ptr[i] == \at(out[57 + i], Pre);
    ensures d_psk_bytes: \forall integer i;
      0 <= i < back->psk_identity.len ==>
      back->psk_identity.ptr[i] == \at(out[56 + i], Pre);
    ensures d_sn_bytes: back->identity == id &&
      back->cert_list.len == cl && back->psk_identity.len == pl ==>
      \let o = 54 + id_body_sz(id, cl, pl) + 10;
      \forall integer i; 0 <= i < back->server_name.len ==>
      back->server_name.ptr[i] == \at(out[o + i], Pre);
    ensures d_alpn_bytes: back->identity == id &&
      back->cert_list.len == cl && back->psk_identity.len == pl &&
      back->server_name.len == snl ==>
      \let o = 54 + id_body_sz(id, cl, pl) + 10 + sext_name_sz(snl);
      \forall integer i; 0 <= i < back->alpn.len ==>
      back->alpn.ptr[i] == \at(out[o + i], Pre);
    ensures back->identity != TKT_IDENTITY_CERTIFICATE ==>
      back->cert_list.len == 0;
    ensures back->identity != TKT_IDENTITY_PSK ==>
      back->psk_identity.len == 0;
    ensures back->server_name.len <= TKT_STATE_NAME_MAX;
    ensures back->alpn.len <= TKT_STATE_NAME_MAX;
    ensures back->extended_ms == 0 || back->extended_ms == 1;
*/
static int rt_state_decode_keep(const uint8_t *out, size_t w,
	tkt_state *back, uint8_t id, size_t cl, size_t pl, size_t snl)
{
	size_t at;

	if (tkt_state_decode(out, w, back, &at) != TKT_OK) {
		/*@ assert \false; */
		return 0;
	}
	rt_state_shape(back);
	rt_state_size(back);
	/*@ assert sep_out: \forall integer k; 0 <= k < w ==>
	      \separated(out + k, back); */
	/*@ assert keep_out: \forall integer k; 0 <= k < w ==>
	      out[k] == \at(out[k], Pre); */
	/*@ assert ms_bytes: \forall integer i; 0 <= i < 48 ==>
	      back->master_secret[i] == \at(out[5 + i], Pre); */
	/* In a branch where the field is present, its pointer is out plus
	   the offset unconditionally, and Qed rebases the reads on out. */
	if (back->identity == TKT_IDENTITY_CERTIFICATE) {
		/*@ assert cert_bytes: \forall integer i;
		      0 <= i < back->cert_list.len ==>
		      back->cert_list.ptr[i] == \at(out[57 + i], Pre); */
	}
	if (back->identity == TKT_IDENTITY_PSK) {
		/*@ assert psk_bytes: \forall integer i;
		      0 <= i < back->psk_identity.len ==>
		      back->psk_identity.ptr[i] == \at(out[56 + i], Pre); */
	}
	if (back->server_name.len != 0) {
		/*@ assert sn_at: \let o = 54 + id_body_sz(back->identity,
		      back->cert_list.len, back->psk_identity.len) + 10;
		      \forall integer i; 0 <= i < back->server_name.len ==>
		      back->server_name.ptr[i] == out[o + i]; */
		/*@ assert sn_in: \let o = 54 + id_body_sz(back->identity,
		      back->cert_list.len, back->psk_identity.len) + 10;
		      o + back->server_name.len <= w; */
		/*@ assert sn_bytes: \let o = 54 + id_body_sz(back->identity,
		      back->cert_list.len, back->psk_identity.len) + 10;
		      \forall integer i; 0 <= i < back->server_name.len ==>
		      back->server_name.ptr[i] == \at(out[o + i], Pre); */
	}
	if (back->alpn.len != 0) {
		/*@ assert alpn_lo: 0 <= id_body_sz(back->identity,
		      back->cert_list.len, back->psk_identity.len) &&
		      0 <= sext_name_sz(back->server_name.len); */
		/*@ assert alpn_at: \let o = 54 + id_body_sz(back->identity,
		      back->cert_list.len, back->psk_identity.len) + 10 +
		      sext_name_sz(back->server_name.len);
		      \forall integer i; 0 <= i < back->alpn.len ==>
		      back->alpn.ptr[i] == out[o + i]; */
		/*@ assert alpn_in: \let o = 54 + id_body_sz(back->identity,
		      back->cert_list.len, back->psk_identity.len) + 10 +
		      sext_name_sz(back->server_name.len);
		      o + back->alpn.len <= w; */
		/*@ assert alpn_bytes: \let o = 54 + id_body_sz(back->identity,
		      back->cert_list.len, back->psk_identity.len) + 10 +
		      sext_name_sz(back->server_name.len);
		      \forall integer i; 0 <= i < back->alpn.len ==>
		      back->alpn.ptr[i] == \at(out[o + i], Pre); */
	}
	return 1;
}

/*
 * The second half of decode(encode(v)) == v: out holds v's encoding
 * (enc_front, enc_tail over v's fields) and is well-formed, so the
 * decoder accepts it and returns v. The comparison is made in the
 * memory state before the decoder's writes (Pre), where both encodings
 * are stated: the decoder's of back, the caller's of v. A function of
 * its own so that its goals do not see the first half's certificate
 * walk.
 */
/*@ requires \valid_read(v) && \valid(back);
    requires \valid_read(out + (0 .. w - 1));
    requires \separated(back, v, out + (0 .. w - 1));
    requires \separated(back,
      v->master_secret + (0 .. TKT_MASTER_SECRET_LEN - 1),
      v->cert_list.ptr + (0 .. v->cert_list.len - 1),
      v->psk_identity.ptr + (0 .. v->psk_identity.len - 1),
      v->server_name.ptr + (0 .. v->server_name.len - 1),
      v->alpn.ptr + (0 .. v->alpn.len - 1));
    requires state_wf((uint8_t *)out, w);
    requires enc_front((uint8_t *)out, v->version, v->cipher_suite,
      v->compression, (uint8_t *)v->master_secret, v->identity,
      (uint8_t *)v->cert_list.ptr, v->cert_list.len,
      (uint8_t *)v->psk_identity.ptr, v->psk_identity.len, v->timestamp);
    requires enc_tail((uint8_t *)out, 54 + id_body_sz(v->identity,
      v->cert_list.len, v->psk_identity.len),
      (uint8_t *)v->server_name.ptr, v->server_name.len,
      (uint8_t *)v->alpn.ptr, v->alpn.len, v->extended_ms);
    requires w == 54 + id_body_sz(v->identity, v->cert_list.len,
      v->psk_identity.len) + 4 +
      sx_block(v->server_name.len, v->alpn.len, v->extended_ms);
    requires v->identity != TKT_IDENTITY_CERTIFICATE ==>
      v->cert_list.len == 0;
    requires v->identity != TKT_IDENTITY_PSK ==> v->psk_identity.len == 0;
    requires v->server_name.len <= TKT_STATE_NAME_MAX;
    requires v->alpn.len <= TKT_STATE_NAME_MAX;
    requires v->extended_ms == 0 || v->extended_ms == 1;
    assigns *back;
    ensures \result == 1;
    // The same scalars and lengths, the same bytes behind the pointers
    // (a decoded value points into out, so pointer equality is not the
    // notion of equality here), v read at Pre. Field by field: as one
    // predicate over two records, the provers time out projecting the
    // fields (as for state_enc, spec/logic/state.h).
    ensures back->version == \at(v->version, Pre) &&
            back->cipher_suite == \at(v->cipher_suite, Pre) &&
            back->compression == \at(v->compression, Pre) &&
            back->identity == \at(v->identity, Pre) &&
            back->cert_list.len == \at(v->cert_list.len, Pre) &&
            back->psk_identity.len == \at(v->psk_identity.len, Pre) &&
            back->timestamp == \at(v->timestamp, Pre) &&
            back->extended_ms == \at(v->extended_ms, Pre) &&
            back->server_name.len == \at(v->server_name.len, Pre) &&
            back->alpn.len == \at(v->alpn.len, Pre);
    ensures back_ms: same_bytes{Post, Pre}((uint8_t *)back->master_secret,
              (uint8_t *)\at(v->master_secret, Pre), 48);
    ensures back_cert: same_bytes{Post, Pre}((uint8_t *)back->cert_list.ptr,
              (uint8_t *)\at(v->cert_list.ptr, Pre),
              \at(v->cert_list.len, Pre));
    ensures back_psk: same_bytes{Post, Pre}((uint8_t *)back->psk_identity.ptr,
              (uint8_t *)\at(v->psk_identity.ptr, Pre),
              \at(v->psk_identity.len, Pre));
    ensures back_sn: same_bytes{Post, Pre}((uint8_t *)back->server_name.ptr,
              (uint8_t *)\at(v->server_name.ptr, Pre),
              \at(v->server_name.len, Pre));
    ensures back_alpn: same_bytes{Post, Pre}((uint8_t *)back->alpn.ptr,
              (uint8_t *)\at(v->alpn.ptr, Pre), \at(v->alpn.len, Pre));
*/
static int rt_state_decode_back(const tkt_state *v, const uint8_t *out,
	size_t w, tkt_state *back)
{
	rt_state_tail_unique(out, v->identity, v->cert_list.len,
		v->psk_identity.len, v->server_name.ptr, v->server_name.len,
		v->alpn.ptr, v->alpn.len, v->extended_ms);
	if (!rt_state_decode_keep(out, w, back, v->identity, v->cert_list.len,
		v->psk_identity.len, v->server_name.len))
		return 0;
	/* The fields: the identity and its lengths (out[53], be24 / be16 at
	   54), the block's size from w, its entries (rt_state_tail_unique),
	   the rest from the same bytes. */
	/*@ assert f_ident: back->identity == \at(v->identity, Pre); */
	/*@ assert f_cl: back->cert_list.len == \at(v->cert_list.len, Pre); */
	/*@ assert f_pl: back->psk_identity.len ==
	      \at(v->psk_identity.len, Pre); */
	/*@ assert t_off: 54 + id_body_sz(back->identity, back->cert_list.len,
	      back->psk_identity.len) == \at(54 + id_body_sz(v->identity,
	      v->cert_list.len, v->psk_identity.len), Pre); */
	/* back's block as the decoder states it, placed as v's is. */
	/*@ assert t_tail: enc_tail{Pre}((uint8_t *)out,
	      \at(54 + id_body_sz(v->identity, v->cert_list.len,
	      v->psk_identity.len), Pre),
	      (uint8_t *)back->server_name.ptr, back->server_name.len,
	      (uint8_t *)back->alpn.ptr, back->alpn.len, back->extended_ms); */
	/*@ assert f_blk: sx_block(back->server_name.len, back->alpn.len,
	      back->extended_ms) ==
	      \at(sx_block(v->server_name.len, v->alpn.len, v->extended_ms),
	      Pre); */
	/*@ assert f_sx: sx_sz(back->server_name.len, back->alpn.len,
	      back->extended_ms) ==
	      \at(sx_sz(v->server_name.len, v->alpn.len, v->extended_ms), Pre); */
	/*@ assert f_tail: back->server_name.len == \at(v->server_name.len, Pre) &&
	      back->alpn.len == \at(v->alpn.len, Pre) &&
	      back->extended_ms == \at(v->extended_ms, Pre); */
	/*@ assert f_scalars: back->version == \at(v->version, Pre) &&
	      back->cipher_suite == \at(v->cipher_suite, Pre) &&
	      back->compression == \at(v->compression, Pre) &&
	      back->timestamp == \at(v->timestamp, Pre); */
	/* The bytes: back's read as out's at Pre (rt_state_decode_keep;
	   the name fields at v's offsets), where they are v's (v's
	   encoding). */
	/*@ assert q_ms: \forall integer i; 0 <= i < 48 ==>
	      \at(out[5 + i], Pre) == \at(v->master_secret[i], Pre); */
	/*@ assert q_cert: \forall integer i;
	      0 <= i < \at(v->cert_list.len, Pre) ==>
	      \at(out[57 + i], Pre) == \at(v->cert_list.ptr[i], Pre); */
	/*@ assert q_psk: \forall integer i;
	      0 <= i < \at(v->psk_identity.len, Pre) ==>
	      \at(out[56 + i], Pre) == \at(v->psk_identity.ptr[i], Pre); */
	/* Each field's bytes, back's against v's, by index: the ensures
	   then only fold them into same_bytes. */
	/*@ assert b_ms: \forall integer i; 0 <= i < 48 ==>
	      back->master_secret[i] == \at(v->master_secret[i], Pre); */
	/*@ assert b_cert: \forall integer i; 0 <= i < back->cert_list.len ==>
	      back->cert_list.ptr[i] == \at(v->cert_list.ptr[i], Pre); */
	/*@ assert b_psk: \forall integer i;
	      0 <= i < back->psk_identity.len ==>
	      back->psk_identity.ptr[i] == \at(v->psk_identity.ptr[i], Pre); */
	/*@ assert q_sn_back: \let o = \at(54 + id_body_sz(v->identity,
	      v->cert_list.len, v->psk_identity.len), Pre) + 10;
	      \forall integer i; 0 <= i < back->server_name.len ==>
	      back->server_name.ptr[i] == \at(out[o + i], Pre); */
	/*@ assert q_sn: \let o = \at(54 + id_body_sz(v->identity,
	      v->cert_list.len, v->psk_identity.len), Pre) + 10;
	      \forall integer i; 0 <= i < \at(v->server_name.len, Pre) ==>
	      \at(out[o + i], Pre) == \at(v->server_name.ptr[i], Pre); */
	/*@ assert q_alpn_back: \let o = \at(54 + id_body_sz(v->identity,
	      v->cert_list.len, v->psk_identity.len) + 10 +
	      sext_name_sz(v->server_name.len), Pre);
	      \forall integer i; 0 <= i < back->alpn.len ==>
	      back->alpn.ptr[i] == \at(out[o + i], Pre); */
	/*@ assert q_alpn: \let o = \at(54 + id_body_sz(v->identity,
	      v->cert_list.len, v->psk_identity.len) + 10 +
	      sext_name_sz(v->server_name.len), Pre);
	      \forall integer i; 0 <= i < \at(v->alpn.len, Pre) ==>
	      \at(out[o + i], Pre) == \at(v->alpn.ptr[i], Pre); */
	return 1;
}

/*
 * decode(encode(v)) == v. First out is shown well-formed (state_wf), so
 * the decoder accepts it; then rt_state_decode_back shows that the
 * fields it returns are v's.
 *
 * certs_wf is recursive over the bytes, so carrying it from v's list to
 * the encoder's copy in out takes induction over the list, which the
 * provers do not do: the loop spells it out, walking the list in step in
 * v's memory at Pre and in out (a lemma loop: proven like code, executed
 * by nobody). The block's well-formedness is rt_state_block_wf's
 * (rt_state_lemmas.h).
 */
/*@ requires \valid_read(v);
    requires \valid_read(v->master_secret + (0 .. TKT_MASTER_SECRET_LEN - 1));
    requires \valid_read(v->cert_list.ptr + (0 .. v->cert_list.len - 1));
    requires \valid_read(v->psk_identity.ptr + (0 .. v->psk_identity.len - 1));
    requires \valid_read(v->server_name.ptr + (0 .. v->server_name.len - 1));
    requires \valid_read(v->alpn.ptr + (0 .. v->alpn.len - 1));
    requires \valid(out + (0 .. cap - 1)) && \valid(back);
    requires \separated(back, v, out + (0 .. cap - 1));
    requires \separated(back,
      v->master_secret + (0 .. TKT_MASTER_SECRET_LEN - 1),
      v->cert_list.ptr + (0 .. v->cert_list.len - 1),
      v->psk_identity.ptr + (0 .. v->psk_identity.len - 1),
      v->server_name.ptr + (0 .. v->server_name.len - 1),
      v->alpn.ptr + (0 .. v->alpn.len - 1));
    requires \separated(out + (0 .. cap - 1),
      v->master_secret + (0 .. TKT_MASTER_SECRET_LEN - 1),
      v->cert_list.ptr + (0 .. v->cert_list.len - 1),
      v->psk_identity.ptr + (0 .. v->psk_identity.len - 1),
      v->server_name.ptr + (0 .. v->server_name.len - 1),
      v->alpn.ptr + (0 .. v->alpn.len - 1));
    requires state_val_ok(*v);
    requires sv_size(*v) <= cap;
    assigns out[0 .. cap - 1], *back;
    ensures \result == 1;
    // The same scalars and lengths, the same bytes behind the pointers
    // (a decoded value points into out, so pointer equality is not the
    // notion of equality here), v read at Pre. Field by field: as one
    // predicate over two records, the provers time out projecting the
    // fields (as for state_enc, spec/logic/state.h).
    ensures back->version == \at(v->version, Pre) &&
            back->cipher_suite == \at(v->cipher_suite, Pre) &&
            back->compression == \at(v->compression, Pre) &&
            back->identity == \at(v->identity, Pre) &&
            back->cert_list.len == \at(v->cert_list.len, Pre) &&
            back->psk_identity.len == \at(v->psk_identity.len, Pre) &&
            back->timestamp == \at(v->timestamp, Pre) &&
            back->extended_ms == \at(v->extended_ms, Pre) &&
            back->server_name.len == \at(v->server_name.len, Pre) &&
            back->alpn.len == \at(v->alpn.len, Pre);
    ensures same_bytes{Post, Pre}((uint8_t *)back->master_secret,
              (uint8_t *)\at(v->master_secret, Pre), 48);
    ensures same_bytes{Post, Pre}((uint8_t *)back->cert_list.ptr,
              (uint8_t *)\at(v->cert_list.ptr, Pre),
              \at(v->cert_list.len, Pre));
    ensures same_bytes{Post, Pre}((uint8_t *)back->psk_identity.ptr,
              (uint8_t *)\at(v->psk_identity.ptr, Pre),
              \at(v->psk_identity.len, Pre));
    ensures same_bytes{Post, Pre}((uint8_t *)back->server_name.ptr,
              (uint8_t *)\at(v->server_name.ptr, Pre),
              \at(v->server_name.len, Pre));
    ensures same_bytes{Post, Pre}((uint8_t *)back->alpn.ptr,
              (uint8_t *)\at(v->alpn.ptr, Pre), \at(v->alpn.len, Pre));
*/
int rt_state_value(const tkt_state *v, uint8_t *out, size_t cap,
	tkt_state *back)
{
	size_t w = 0, i;

	rt_state_shape(v);
	if (tkt_state_encode(v, out, cap, &w) != TKT_OK) {
		/*@ assert \false; */
		return 0;
	}
	/*@ assert w_size: w == 54 + id_body_sz(v->identity, v->cert_list.len,
	      v->psk_identity.len) + 4 +
	      sx_block(v->server_name.len, v->alpn.len, v->extended_ms); */
	if (v->identity == TKT_IDENTITY_CERTIFICATE) {
		/* The encoder's copy, and v's list as it was at Pre (out and
		   the list are separated). */
		/*@ assert o_bytes: \forall integer k; 0 <= k < v->cert_list.len ==>
		      out[57 + k] == v->cert_list.ptr[k]; */
		/*@ assert o_frame: \forall integer k; 0 <= k < v->cert_list.len ==>
		      v->cert_list.ptr[k] == \at(v->cert_list.ptr[k], Pre); */
		/*@ assert o_copy: \forall integer k; 0 <= k < v->cert_list.len ==>
		      out[57 + k] == \at(v->cert_list.ptr[k], Pre); */
		i = 0;
		/*@ loop invariant 0 <= i <= v->cert_list.len;
		    loop invariant certs_wf{Pre}((uint8_t *)v->cert_list.ptr, i,
		                                 v->cert_list.len);
		    loop invariant certs_wf(out + 57, i, v->cert_list.len) ==>
		                   certs_wf(out + 57, 0, v->cert_list.len);
		    loop assigns i;
		    loop variant v->cert_list.len - i;
		*/
		while (i != v->cert_list.len) {
			const uint8_t *p = out + 57;
			size_t c;

			/*@ assert s_in: i + 3 <= v->cert_list.len; */
			c = ((size_t)p[i] * 256u + p[i + 1u]) * 256u + p[i + 2u];
			/*@ assert s_c0: c == be24((uint8_t *)p + i); */
			/* The entry's length, from the same three bytes at Pre. */
			/*@ assert s_b: \let j = i;
			      out[57 + j] == \at(v->cert_list.ptr[j], Pre) &&
			      out[57 + j + 1] == \at(v->cert_list.ptr[j + 1], Pre) &&
			      out[57 + j + 2] == \at(v->cert_list.ptr[j + 2], Pre); */
			/*@ assert s_c: c == be24{Pre}((uint8_t *)v->cert_list.ptr + i); */
			/*@ assert s_pos: 1 <= c && i + 3 + c <= v->cert_list.len; */
			/*@ assert s_step: certs_wf{Pre}((uint8_t *)v->cert_list.ptr,
			      i + 3 + c, v->cert_list.len); */
			rt_state_certs_step(p, i, v->cert_list.len);
			/*@ assert s_back: certs_wf(out + 57, i + 3 + c,
			      v->cert_list.len) ==>
			      certs_wf(out + 57, i, v->cert_list.len); */
			i += 3u + c;
		}
	}
	/*@ assert o_certs: v->identity == TKT_IDENTITY_CERTIFICATE ==>
	      certs_wf(out + 57, 0, v->cert_list.len); */
	/*@ assert o_id: identity_wf(out, w); */
	/*@ assert o_ts: state_ts_off(out) ==
	      54 + id_body_sz(v->identity, v->cert_list.len,
	      v->psk_identity.len); */
	rt_state_block_wf(out, w, v->identity, v->cert_list.len,
		v->psk_identity.len, v->server_name.ptr, v->server_name.len,
		v->alpn.ptr, v->alpn.len, v->extended_ms);
	/*@ assert o_tail: state_tail_wf(out,
	      54 + id_body_sz(v->identity, v->cert_list.len,
	      v->psk_identity.len), w); */
	/*@ assert o_wf: state_wf(out, w); */
	/* v as it was at Pre (the encoder wrote out only), for the
	   theorem's ensures, which read v at Pre. */
	/*@ assert v_pre: v->version == \at(v->version, Pre) &&
	      v->cipher_suite == \at(v->cipher_suite, Pre) &&
	      v->compression == \at(v->compression, Pre) &&
	      v->master_secret == \at(v->master_secret, Pre) &&
	      v->identity == \at(v->identity, Pre) &&
	      v->cert_list.ptr == \at(v->cert_list.ptr, Pre) &&
	      v->cert_list.len == \at(v->cert_list.len, Pre) &&
	      v->psk_identity.ptr == \at(v->psk_identity.ptr, Pre) &&
	      v->psk_identity.len == \at(v->psk_identity.len, Pre) &&
	      v->timestamp == \at(v->timestamp, Pre) &&
	      v->extended_ms == \at(v->extended_ms, Pre) &&
	      v->server_name.ptr == \at(v->server_name.ptr, Pre) &&
	      v->server_name.len == \at(v->server_name.len, Pre) &&
	      v->alpn.ptr == \at(v->alpn.ptr, Pre) &&
	      v->alpn.len == \at(v->alpn.len, Pre); */
	/*@ assert v_pre_ms: \forall integer k; 0 <= k < 48 ==>
	      v->master_secret[k] == \at(v->master_secret[k], Pre); */
	/*@ assert v_pre_cert: \forall integer k; 0 <= k < v->cert_list.len ==>
	      v->cert_list.ptr[k] == \at(v->cert_list.ptr[k], Pre); */
	/*@ assert v_pre_psk: \forall integer k; 0 <= k < v->psk_identity.len ==>
	      v->psk_identity.ptr[k] == \at(v->psk_identity.ptr[k], Pre); */
	/*@ assert v_pre_sn: \forall integer k; 0 <= k < v->server_name.len ==>
	      v->server_name.ptr[k] == \at(v->server_name.ptr[k], Pre); */
	/*@ assert v_pre_alpn: \forall integer k; 0 <= k < v->alpn.len ==>
	      v->alpn.ptr[k] == \at(v->alpn.ptr[k], Pre); */
	return rt_state_decode_back(v, out, w, back);
}
