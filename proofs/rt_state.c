/*
 * Round-trip theorems of the StatePlaintext codec (src/codec/state.c),
 * stated as C functions whose contracts WP proves (Frama-C only; never
 * compiled into the library).
 *
 *   rt_state_bytes: for every accepted buffer b, encode(decode(b)) == b,
 *     byte for byte and with the same length (every identity kind, with
 *     or without state extensions: the theorem quantifies over all of b).
 *   rt_state_value: for every encodable value v, decode(encode(v)) == v
 *     (state_val_eq: same scalars, lengths and bytes).
 *
 * Together with the decoder's contract (accept <==> state_wf) these say
 * that the encoding is a bijection between state_val_ok values and
 * state_wf buffers: one canonical encoding per value.
 */
#include <stddef.h>
#include <stdint.h>

#include "tkt/codec.h"
#include "tkt_spec.h"
#include "rt_state_canon.h"

/*
 * encode(decode(b)) == b: the decoder says that b is the encoding of the
 * value it returns (enc_front, enc_tail over b), the encoder that out is;
 * the lemma functions of rt_state_canon.h make two encodings of one value
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
	/* One encoding per value (rt_state_canon.h). */
	rt_state_canon_front(out, buf, v.version, v.cipher_suite,
		v.compression, v.master_secret, v.identity, v.cert_list.ptr,
		v.cert_list.len, v.psk_identity.ptr, v.psk_identity.len,
		v.timestamp);
	rt_state_canon_tail(out, buf, 54u + (v.identity ==
		TKT_IDENTITY_CERTIFICATE ? 3u + v.cert_list.len : v.identity ==
		TKT_IDENTITY_PSK ? 2u + v.psk_identity.len : 0u),
		v.server_name.ptr, v.server_name.len, v.alpn.ptr, v.alpn.len,
		v.extended_ms);
	/*@ assert same_front: \forall integer k; 0 <= k < sv_ts_off(v) + 4 ==>
	      out[k] == buf[k]; */
	/*@ assert same_tail: \forall integer k; sv_ts_off(v) + 4 <= k < len ==>
	      out[k] == buf[k]; */
	return 1;
}

/*
 * decode(encode(v)) == v. certs_wf is recursive over the bytes, so when
 * the list is copied (the encoder writing out) the provers cannot carry
 * it over on their own: that takes induction over the list. The loop
 * below spells the induction out, walking the list in step in v's memory
 * and in out (a lemma loop: proven like code, executed by nobody).
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
    ensures state_val_eq(*v, *back);
*/
int rt_state_value(const tkt_state *v, uint8_t *out, size_t cap,
	tkt_state *back)
{
	size_t at, w = 0, i;
	tkt_status st;

	if (tkt_state_encode(v, out, cap, &w) != TKT_OK) {
		/*@ assert \false; */
		return 0;
	}
	/*@ assert state_enc(out, w, *v); */
	if (v->identity == TKT_IDENTITY_CERTIFICATE) {
		/* The list is well-formed in the caller's memory at Pre and
		   was copied to out + 57. */
		/*@ assert \forall integer k; 0 <= k < v->cert_list.len ==>
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

			i += 3u + ((size_t)p[i] * 256u + p[i + 1u]) * 256u +
				p[i + 2u];
		}
	}
	/*@ assert identity_wf(out, w); */
	/*@ assert state_ts_off(out) == sv_ts_off(*v); */
	/*@ assert sv_exts_sz(*v) != 0 ==> sexts_wf(out, sv_ems_off(*v), w, 17); */
	/*@ assert sv_exts_sz(*v) != 0 ==> sexts_wf(out, sv_alpn_off(*v), w, 1); */
	/*@ assert sv_exts_sz(*v) != 0 ==>
	           sexts_wf(out, sv_ts_off(*v) + 6, w, 0); */
	/*@ assert state_tail_wf(out, sv_ts_off(*v), w); */
	/*@ assert state_wf(out, w); */
	st = tkt_state_decode(out, w, back, &at);
	if (st != TKT_OK) {
		/*@ assert \false; */
		return 0;
	}
	/*@ assert back->identity == v->identity; */
	/*@ assert back->cert_list.len == v->cert_list.len; */
	/*@ assert back->psk_identity.len == v->psk_identity.len; */
	/*@ assert sv_ts_off(*back) == sv_ts_off(*v); */
	/*@ assert sv_exts_sz(*back) == sv_exts_sz(*v); */
	/*@ assert back->server_name.len == v->server_name.len; */
	/*@ assert back->alpn.len == v->alpn.len; */
	/*@ assert back->extended_ms == v->extended_ms; */
	return 1;
}
