/*
 * Protected ticket layout (tkt/codec.h, spec/logic/ticket.h): RFC 5077
 * section 4 with the IV and MAC lengths as parameters. This layer only
 * frames the bytes; the seal layer checks the MAC over mac_input and
 * decrypts encrypted_state.
 */
#include <string.h>

#include "tkt/codec.h"

#ifdef __FRAMAC__
#include "tkt_spec.h"
#endif

#define TICKET_MAX 65535u /* the ticket travels in ticket<0..2^16-1> */

/* out[pos .. pos + n) = src[0 .. n); a plain loop rather than memcpy: WP
 * proves it from its invariant. */
/*@
  requires pos + n <= 65535;
  requires \valid(out + (pos .. pos + n - 1));
  requires \valid_read(src + (0 .. n - 1));
  requires \separated(out + (pos .. pos + n - 1), src + (0 .. n - 1));
  assigns out[pos .. pos + n - 1];
  ensures bytes_at{Post, Pre}(out, pos, src, n);
*/
static void ticket_put(uint8_t *out, size_t pos, const uint8_t *src,
	size_t n)
{
	size_t i;

	/*@ loop invariant 0 <= i <= n;
	    loop invariant bytes_at{Here, Pre}(out, pos, src, i);
	    loop assigns i, out[pos .. pos + n - 1];
	    loop variant n - i;
	*/
	for (i = 0; i < n; i++)
		out[pos + i] = src[i];
}

/*@
  requires v <= 65535;
  requires \valid(p + (0 .. 1));
  assigns p[0 .. 1];
  ensures be16(p) == v;
*/
static void ticket_put16(uint8_t *p, size_t v)
{
	p[0] = (uint8_t)(v / 256u);
	p[1] = (uint8_t)(v % 256u);
}

/*@
  requires \valid_read(buf + (0 .. len - 1));
  requires \valid(out) && \valid(at);
  requires \separated(buf + (0 .. len - 1), out, at);
  assigns *out, *at;
  ensures result: \result == TKT_OK <==> wf_ticket(buf, len, iv_len, mac_len);

  behavior ok:
    assumes wf_ticket(buf, len, iv_len, mac_len);
    assigns *out, *at;
    ensures \result == TKT_OK && *at == len;
    ensures out->key_name == buf;
    ensures out->iv.ptr == buf + 16 && out->iv.len == iv_len;
    ensures out->encrypted_state.ptr == buf + 18 + iv_len;
    ensures out->encrypted_state.len == ticket_state_len(buf, iv_len);
    ensures out->mac.ptr == buf + ticket_mac_off(buf, iv_len);
    ensures out->mac.len == mac_len;
    ensures out->mac_input.ptr == buf;
    ensures out->mac_input.len == ticket_mac_off(buf, iv_len);

  behavior bad_args:
    assumes !ticket_params(iv_len, mac_len);
    assigns *at;
    ensures \result == TKT_ERR_ARG && *at == 0;

  behavior too_long:
    assumes ticket_params(iv_len, mac_len) && len > 65535;
    assigns *at;
    ensures \result == TKT_ERR_BAD_LENGTH && *at == 0;

  behavior truncated_key_name:
    assumes ticket_params(iv_len, mac_len) && len < 16;
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED && *at == 0;

  behavior truncated_iv:
    assumes ticket_params(iv_len, mac_len) && 16 <= len < 16 + iv_len;
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED && *at == 16;

  behavior truncated_state:
    assumes ticket_params(iv_len, mac_len) && 16 + iv_len <= len <= 65535 &&
            (len < 18 + iv_len || ticket_mac_off(buf, iv_len) > len);
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED && *at == 16 + iv_len;

  behavior truncated_mac:
    assumes ticket_params(iv_len, mac_len) && 18 + iv_len <= len <= 65535 &&
            ticket_mac_off(buf, iv_len) <= len <
            ticket_mac_off(buf, iv_len) + mac_len;
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED;
    ensures *at == ticket_mac_off(buf, iv_len);

  behavior trailing:
    assumes ticket_params(iv_len, mac_len) && 18 + iv_len <= len <= 65535 &&
            ticket_mac_off(buf, iv_len) + mac_len < len;
    assigns *at;
    ensures \result == TKT_ERR_TRAILING;
    ensures *at == ticket_mac_off(buf, iv_len) + mac_len;

  complete behaviors;
  disjoint behaviors;
*/
tkt_status tkt_ticket_decode(const uint8_t *buf, size_t len, size_t iv_len,
	size_t mac_len, tkt_ticket *out, size_t *at)
{
	size_t len_off, state_len, mac_off;

	if (iv_len < 1u || iv_len > TKT_IV_MAX || mac_len < 1u ||
	    mac_len > TKT_MAC_MAX) {
		*at = 0;
		return TKT_ERR_ARG;
	}
	if (len > TICKET_MAX) {
		*at = 0;
		return TKT_ERR_BAD_LENGTH;
	}
	if (len < TKT_KEY_NAME_LEN) {
		*at = 0;
		return TKT_ERR_TRUNCATED;
	}
	len_off = TKT_KEY_NAME_LEN + iv_len;
	if (len < len_off) {
		*at = TKT_KEY_NAME_LEN;
		return TKT_ERR_TRUNCATED;
	}
	if (len - len_off < 2u) {
		*at = len_off;
		return TKT_ERR_TRUNCATED;
	}
	state_len = (size_t)buf[len_off] * 256u + buf[len_off + 1u];
	if (state_len > len - len_off - 2u) {
		*at = len_off;
		return TKT_ERR_TRUNCATED;
	}
	mac_off = len_off + 2u + state_len;
	if (len - mac_off < mac_len) {
		*at = mac_off;
		return TKT_ERR_TRUNCATED;
	}
	if (len - mac_off > mac_len) {
		*at = mac_off + mac_len;
		return TKT_ERR_TRAILING;
	}
	out->key_name = buf;
	out->iv.ptr = buf + TKT_KEY_NAME_LEN;
	out->iv.len = iv_len;
	out->encrypted_state.ptr = buf + len_off + 2u;
	out->encrypted_state.len = state_len;
	out->mac.ptr = buf + mac_off;
	out->mac.len = mac_len;
	out->mac_input.ptr = buf;
	out->mac_input.len = mac_off;
	*at = len;
	return TKT_OK;
}

/*@
  requires \valid_read(v);
  assigns \nothing;
  ensures ticket_params(v->iv.len, v->mac.len) &&
          18 + v->iv.len + v->encrypted_state.len + v->mac.len <= 65535 ==>
          \result == 18 + v->iv.len + v->encrypted_state.len + v->mac.len;
  ensures !(ticket_params(v->iv.len, v->mac.len) &&
          18 + v->iv.len + v->encrypted_state.len + v->mac.len <= 65535) ==>
          \result == 0;
*/
size_t tkt_ticket_size(const tkt_ticket *v)
{
	size_t fixed;

	if (v->iv.len < 1u || v->iv.len > TKT_IV_MAX || v->mac.len < 1u ||
	    v->mac.len > TKT_MAC_MAX)
		return 0;
	/* Bounded by 2 + 16 + 32 + 64: the subtraction below cannot wrap. */
	fixed = TKT_KEY_NAME_LEN + v->iv.len + 2u + v->mac.len;
	if (v->encrypted_state.len > TICKET_MAX - fixed)
		return 0;
	return fixed + v->encrypted_state.len;
}

/*@
  requires \valid_read(v);
  requires \valid_read(v->key_name + (0 .. 15));
  requires \valid_read(v->iv.ptr + (0 .. v->iv.len - 1));
  requires \valid_read(v->encrypted_state.ptr +
                       (0 .. v->encrypted_state.len - 1));
  requires \valid_read(v->mac.ptr + (0 .. v->mac.len - 1));
  requires \valid(written);
  requires \valid(out + (0 .. cap - 1));
  requires \separated(out + (0 .. cap - 1), written, v,
                      v->key_name + (0 .. 15),
                      v->iv.ptr + (0 .. v->iv.len - 1),
                      v->encrypted_state.ptr +
                        (0 .. v->encrypted_state.len - 1),
                      v->mac.ptr + (0 .. v->mac.len - 1));
  requires \separated(written, v);
  assigns *written,
          out[0 .. 18 + v->iv.len + v->encrypted_state.len + v->mac.len - 1];

  behavior ok:
    assumes ticket_params(v->iv.len, v->mac.len);
    assumes 18 + v->iv.len + v->encrypted_state.len + v->mac.len <= 65535;
    assumes cap >= 18 + v->iv.len + v->encrypted_state.len + v->mac.len;
    assigns *written,
            out[0 .. 18 + v->iv.len + v->encrypted_state.len + v->mac.len - 1];
    ensures \result == TKT_OK;
    ensures *written == 18 + \old(v->iv.len + v->encrypted_state.len +
                                  v->mac.len);
    ensures wf_ticket(out, *written, \old(v->iv.len), \old(v->mac.len));
    ensures ticket_encodes{Post, Pre}(out, \old(v->key_name),
                           \old(v->iv.ptr), \old(v->iv.len),
                           \old(v->encrypted_state.ptr),
                           \old(v->encrypted_state.len),
                           \old(v->mac.ptr), \old(v->mac.len));

  behavior bad_value:
    assumes !(ticket_params(v->iv.len, v->mac.len) &&
              18 + v->iv.len + v->encrypted_state.len + v->mac.len <= 65535);
    assigns *written;
    ensures \result == TKT_ERR_ARG && *written == 0;

  behavior too_small:
    assumes ticket_params(v->iv.len, v->mac.len);
    assumes 18 + v->iv.len + v->encrypted_state.len + v->mac.len <= 65535;
    assumes cap < 18 + v->iv.len + v->encrypted_state.len + v->mac.len;
    assigns *written;
    ensures \result == TKT_ERR_BUFFER_TOO_SMALL;
    ensures *written == 18 + \old(v->iv.len + v->encrypted_state.len +
                                  v->mac.len);

  complete behaviors;
  disjoint behaviors;
*/
tkt_status tkt_ticket_encode(const tkt_ticket *v, uint8_t *out, size_t cap,
	size_t *written)
{
	size_t n = tkt_ticket_size(v);
	size_t iv_len, state_len, mac_len, state_off;
	const uint8_t *kn, *iv, *st, *mac;

	if (n == 0u) {
		*written = 0;
		return TKT_ERR_ARG;
	}
	if (cap < n) {
		*written = n;
		return TKT_ERR_BUFFER_TOO_SMALL;
	}
	iv_len = v->iv.len;
	state_len = v->encrypted_state.len;
	mac_len = v->mac.len;
	kn = v->key_name;
	iv = v->iv.ptr;
	st = v->encrypted_state.ptr;
	mac = v->mac.ptr;
	state_off = TKT_KEY_NAME_LEN + iv_len + 2u;
	/*
	 * After each write, the asserts carry every field written so far and
	 * every source still to copy across it: without them the provers lose
	 * bytes in the chain of memory states (see proofs/README.md).
	 */
	ticket_put(out, 0, kn, TKT_KEY_NAME_LEN);
	/*@ assert kn1: bytes_at{Here, Pre}(out, 0, kn, 16); */
	/*@ assert i1: same_bytes{Here, Pre}(iv, iv, iv_len); */
	/*@ assert s1: same_bytes{Here, Pre}(st, st, state_len); */
	/*@ assert m1: same_bytes{Here, Pre}(mac, mac, mac_len); */
	ticket_put(out, TKT_KEY_NAME_LEN, iv, iv_len);
	/*@ assert kn2: bytes_at{Here, Pre}(out, 0, kn, 16); */
	/*@ assert iv2: bytes_at{Here, Pre}(out, 16, iv, iv_len); */
	/*@ assert s2: same_bytes{Here, Pre}(st, st, state_len); */
	/*@ assert m2: same_bytes{Here, Pre}(mac, mac, mac_len); */
	ticket_put16(out + TKT_KEY_NAME_LEN + iv_len, state_len);
	/*@ assert kn3: bytes_at{Here, Pre}(out, 0, kn, 16); */
	/*@ assert iv3: bytes_at{Here, Pre}(out, 16, iv, iv_len); */
	/*@ assert len3: be16(out + 16 + iv_len) == state_len; */
	/*@ assert s3: same_bytes{Here, Pre}(st, st, state_len); */
	/*@ assert m3: same_bytes{Here, Pre}(mac, mac, mac_len); */
	ticket_put(out, state_off, st, state_len);
	/*@ assert kn4: bytes_at{Here, Pre}(out, 0, kn, 16); */
	/*@ assert iv4: bytes_at{Here, Pre}(out, 16, iv, iv_len); */
	/*@ assert len4: be16(out + 16 + iv_len) == state_len; */
	/*@ assert st4: bytes_at{Here, Pre}(out, state_off, st, state_len); */
	/*@ assert m4: same_bytes{Here, Pre}(mac, mac, mac_len); */
	ticket_put(out, state_off + state_len, mac, mac_len);
	/*@ assert kn5: bytes_at{Here, Pre}(out, 0, kn, 16); */
	/*@ assert iv5: bytes_at{Here, Pre}(out, 16, iv, iv_len); */
	/*@ assert len5: be16(out + 16 + iv_len) == state_len; */
	/*@ assert st5: bytes_at{Here, Pre}(out, state_off, st, state_len); */
	/*@ assert mac5: bytes_at{Here, Pre}(out, state_off + state_len, mac,
	    mac_len); */
	*written = n;
	return TKT_OK;
}
