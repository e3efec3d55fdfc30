/*
 * ClientHello and ServerHello bodies, TLS 1.0 to 1.2 (tkt/codec.h,
 * spec/logic/hello.h). The extensions block is framed by exts.c; this file
 * only walks the fixed fields in front of it.
 */
#include "tkt/codec.h"

#ifdef __FRAMAC__
#include "tkt_spec.h"
#endif

/* Shared with exts.c: the list walker (see there). */
tkt_status tkt_exts_scan_(const uint8_t *list, size_t n, tkt_exts *out,
	size_t *at);
/* Shared with hello_rewrite.c: a view copied field by field (below). */
void tkt_exts_put_(tkt_exts *dst, const tkt_exts *src);

/* version (2), random (32), session_id length (1). */
#define HELLO_FIXED 35u

/*
 * The part both hellos share: version, random and session_id. On success
 * *pos is the offset just after the session_id.
 */
/*@
  requires \valid_read(buf + (0 .. len - 1));
  requires \valid(version) && \valid(random) && \valid(sid) && \valid(pos);
  requires \separated(version, random, sid, pos, buf + (0 .. len - 1));
  assigns *version, *random, *sid, *pos;
  ensures result: \result == TKT_OK <==> hello_prefix_ok(buf, len);

  behavior ok:
    assumes hello_prefix_ok(buf, len);
    assigns *version, *random, *sid, *pos;
    ensures \result == TKT_OK;
    ensures *version == be16(buf);
    ensures *random == buf + 2;
    ensures sid->len == hello_sid_len(buf);
    ensures hello_sid_len(buf) > 0 ==> sid->ptr == buf + 35;
    ensures hello_sid_len(buf) == 0 ==> sid->ptr == \null;
    ensures *pos == hello_after_sid(buf);

  behavior truncated_version:
    assumes len < 2;
    assigns *pos;
    ensures \result == TKT_ERR_TRUNCATED && *pos == 0;

  behavior bad_major:
    assumes 2 <= len && buf[0] != 3;
    assigns *pos;
    ensures \result == TKT_ERR_RANGE && *pos == 0;

  behavior truncated_fixed:
    assumes 2 <= len < 35 && buf[0] == 3;
    assigns *pos;
    ensures \result == TKT_ERR_TRUNCATED;
    ensures len < 34 ==> *pos == 2;
    ensures len == 34 ==> *pos == 34;

  behavior sid_range:
    assumes 35 <= len && buf[0] == 3 && hello_sid_len(buf) > 32;
    assigns *pos;
    ensures \result == TKT_ERR_RANGE && *pos == 34;

  behavior truncated_sid:
    assumes 35 <= len && buf[0] == 3 && hello_sid_len(buf) <= 32;
    assumes hello_after_sid(buf) > len;
    assigns *pos;
    ensures \result == TKT_ERR_TRUNCATED && *pos == 34;

  complete behaviors;
  disjoint behaviors;
*/
static tkt_status hello_prefix(const uint8_t *buf, size_t len,
	uint16_t *version, const uint8_t **random, tkt_bytes *sid, size_t *pos)
{
	size_t sid_len;

	if (len < 2u) {
		*pos = 0;
		return TKT_ERR_TRUNCATED;
	}
	/* Only SSL 3.0 / TLS 1.x share this layout; the value is not judged. */
	if (buf[0] != 3u) {
		*pos = 0;
		return TKT_ERR_RANGE;
	}
	if (len < HELLO_FIXED) {
		*pos = len < 34u ? 2u : 34u;
		return TKT_ERR_TRUNCATED;
	}
	sid_len = buf[34];
	/* Ticketbleed (CVE-2016-9244) lived in a session ID taken at face value. */
	if (sid_len > TKT_SESSION_ID_MAX) {
		*pos = 34;
		return TKT_ERR_RANGE;
	}
	if (sid_len > len - HELLO_FIXED) {
		*pos = 34;
		return TKT_ERR_TRUNCATED;
	}
	*version = (uint16_t)(buf[0] * 256u + buf[1]);
	*random = buf + 2;
	sid->ptr = sid_len > 0u ? buf + HELLO_FIXED : NULL;
	sid->len = sid_len;
	*pos = HELLO_FIXED + sid_len;
	return TKT_OK;
}

/*
 * Whatever follows the fixed fields: nothing, or exactly one extensions
 * block. `*at` is absolute and written on failure only: on success the
 * decoder consumed the whole buffer and says so last.
 */
/*@
  requires pos <= len;
  requires \valid_read(buf + (0 .. len - 1));
  requires \valid(has) && \valid(exts) && \valid(at);
  requires \separated(has, exts, at, buf + (0 .. len - 1));
  assigns *has, *exts, *at;
  ensures result: \result == TKT_OK <==> opt_exts(buf, pos, len);

  behavior none:
    assumes pos == len;
    assigns *has, *exts;
    ensures \result == TKT_OK;
    ensures hello_exts_view(*has, exts, buf, pos, len);

  behavior block:
    assumes pos < len && wf_exts(buf + pos, len - pos);
    assigns *has, *exts;
    ensures \result == TKT_OK;
    ensures hello_exts_view(*has, exts, buf, pos, len);

  // *has is not written; *exts is the callee's to leave as it likes.
  behavior bad:
    assumes pos < len && !wf_exts(buf + pos, len - pos);
    assigns *exts, *at;
    ensures \result == TKT_ERR_TRUNCATED || \result == TKT_ERR_TRAILING ||
            \result == TKT_ERR_BAD_LENGTH || \result == TKT_ERR_DUPLICATE;
    ensures pos <= *at <= len;

  complete behaviors;
  disjoint behaviors;
*/
static tkt_status hello_exts(const uint8_t *buf, size_t len, size_t pos,
	int *has, tkt_exts *exts, size_t *at)
{
	size_t rel = 0;
	tkt_status st;

	if (pos == len) {
		*has = 0;
		exts->list.ptr = NULL;
		exts->list.len = 0;
		exts->count = 0;
		exts->has_ext35 = 0;
		exts->ext35_index = 0;
		exts->ext35_off = 0;
		exts->ext35.ptr = NULL;
		exts->ext35.len = 0;
		/*@ assert empty_list: wf_ext_list(exts->list.ptr, 0, 0) &&
		      single_ext35(exts->list.ptr, 0, 0) &&
		      no_ext35(exts->list.ptr, 0, 0) &&
		      ext_count(exts->list.ptr, 0, 0) == 0;
		*/
		return TKT_OK;
	}
	st = tkt_exts_decode(buf + pos, len - pos, exts, &rel);
	if (st != TKT_OK) {
		*at = pos + rel;
		return st;
	}
	//@ assert view_at: exts_view(exts);
	*has = 1;
	//@ assert view_has: exts_view(exts);
	return TKT_OK;
}

/*
 * *dst = *src for a decoder's output, field by field (every field of
 * tkt_exts): WP's provers do not use the record equality of a struct
 * copy. The asserts spell exts_view out for them.
 */
/*@ requires \valid(dst) && \valid_read(src);
    requires \separated(dst, src);
    requires \separated(dst, src->list.ptr + (0 .. src->list.len - 1));
    requires exts_view(src);
    assigns *dst;
    ensures dst->list.ptr == \old(src->list.ptr);
    ensures dst->list.len == \old(src->list.len);
    ensures exts_view(dst);
*/
void tkt_exts_put_(tkt_exts *dst, const tkt_exts *src)
{
	/*@ assert src_view: src->list.len <= 65535 &&
	    \valid_read(src->list.ptr + (0 .. src->list.len - 1)) &&
	    wf_ext_body(src->list.ptr, src->list.len) &&
	    src->count == ext_count(src->list.ptr, 0, src->list.len) &&
	    (src->has_ext35 == 0 || src->has_ext35 == 1) &&
	    (src->has_ext35 == 0 <==> no_ext35(src->list.ptr, 0, src->list.len)) &&
	    (src->has_ext35 == 1 ==>
	       src->ext35_off == ext35_off(src->list.ptr, 0, src->list.len) &&
	       src->ext35_index == ext35_index(src->list.ptr, 0, src->list.len) &&
	       src->ext35_off + 4 + src->ext35.len <= src->list.len &&
	       ext_type(src->list.ptr, src->ext35_off) == 35 &&
	       src->ext35.len == ext_dlen(src->list.ptr, src->ext35_off) &&
	       src->ext35.ptr == src->list.ptr + (src->ext35_off + 4)) &&
	    (src->has_ext35 == 0 ==>
	       src->ext35_off == 0 && src->ext35_index == 0 &&
	       src->ext35.ptr == \null && src->ext35.len == 0); */
	dst->list.ptr = src->list.ptr;
	dst->list.len = src->list.len;
	dst->count = src->count;
	dst->has_ext35 = src->has_ext35;
	dst->ext35_index = src->ext35_index;
	dst->ext35_off = src->ext35_off;
	dst->ext35.ptr = src->ext35.ptr;
	dst->ext35.len = src->ext35.len;
	/*@ assert dst_view: dst->list.len <= 65535 &&
	    \valid_read(dst->list.ptr + (0 .. dst->list.len - 1)) &&
	    wf_ext_body(dst->list.ptr, dst->list.len) &&
	    dst->count == ext_count(dst->list.ptr, 0, dst->list.len) &&
	    (dst->has_ext35 == 0 || dst->has_ext35 == 1) &&
	    (dst->has_ext35 == 0 <==> no_ext35(dst->list.ptr, 0, dst->list.len)) &&
	    (dst->has_ext35 == 1 ==>
	       dst->ext35_off == ext35_off(dst->list.ptr, 0, dst->list.len) &&
	       dst->ext35_index == ext35_index(dst->list.ptr, 0, dst->list.len) &&
	       dst->ext35_off + 4 + dst->ext35.len <= dst->list.len &&
	       ext_type(dst->list.ptr, dst->ext35_off) == 35 &&
	       dst->ext35.len == ext_dlen(dst->list.ptr, dst->ext35_off) &&
	       dst->ext35.ptr == dst->list.ptr + (dst->ext35_off + 4)) &&
	    (dst->has_ext35 == 0 ==>
	       dst->ext35_off == 0 && dst->ext35_index == 0 &&
	       dst->ext35.ptr == \null && dst->ext35.len == 0); */
}
/*
 * *dst = c, where dst is a byte of a decoder's output and x the view of
 * the extensions it has just walked (their bytes separated from dst). For
 * WP a byte store changes the memory that the recursive list functions of
 * spec/logic/exts.h read; the ghost walk proves, one unfolding per step,
 * that on x's list they keep their values, so that x stays a valid view.
 */
/*@
  requires \valid(dst) && \valid_read(x);
  requires \separated(dst, x);
  requires \separated(dst, x->list.ptr + (0 .. x->list.len - 1));
  requires exts_view(x);
  assigns *dst;
  ensures *dst == c;
  ensures exts_view(x);
*/
static void hello_put_byte(uint8_t *dst, uint8_t c)
	/*@ ghost (const tkt_exts *x) */
{
	/*@ assert x_pre:
	       x->list.len <= 65535 &&
	       \valid_read(x->list.ptr + (0 .. x->list.len - 1)) &&
	       wf_ext_body(x->list.ptr, x->list.len) &&
	       x->count == ext_count(x->list.ptr, 0, x->list.len) &&
	       (x->has_ext35 == 0 || x->has_ext35 == 1) &&
	       (x->has_ext35 == 0 <==> no_ext35(x->list.ptr, 0, x->list.len)) &&
	       (x->has_ext35 == 1 ==>
	          x->ext35_off == ext35_off(x->list.ptr, 0, x->list.len) &&
	          x->ext35_index == ext35_index(x->list.ptr, 0, x->list.len) &&
	          x->ext35_off + 4 + x->ext35.len <= x->list.len &&
	          ext_type(x->list.ptr, x->ext35_off) == 35 &&
	          x->ext35.len == ext_dlen(x->list.ptr, x->ext35_off) &&
	          x->ext35.ptr == x->list.ptr + (x->ext35_off + 4)) &&
	       (x->has_ext35 == 0 ==>
	          x->ext35_off == 0 && x->ext35_index == 0 &&
	          x->ext35.ptr == \null && x->ext35.len == 0); */
	*dst = c;
	/*@ ghost
	  const uint8_t *l = x->list.ptr;
	  size_t n = x->list.len;
	  size_t o = 0, p;
	  /@ loop invariant 0 <= o <= n;
	     loop invariant wf_ext_list{Pre}(l, o, n);
	     loop invariant same_wf:
	       wf_ext_list(l, o, n) ==> wf_ext_list(l, 0, n);
	     loop invariant same_count:
	       ext_count{Pre}(l, 0, n) - ext_count{Pre}(l, o, n) ==
	       ext_count(l, 0, n) - ext_count(l, o, n);
	     loop invariant same_no35:
	       (no_ext35{Pre}(l, o, n) <==> no_ext35(l, o, n)) ==>
	       (no_ext35{Pre}(l, 0, n) <==> no_ext35(l, 0, n));
	     loop invariant same_single:
	       (no_ext35{Pre}(l, o, n) <==> no_ext35(l, o, n)) ==>
	       (single_ext35{Pre}(l, o, n) <==> single_ext35(l, o, n)) ==>
	       (single_ext35{Pre}(l, 0, n) <==> single_ext35(l, 0, n));
	     loop invariant same_off:
	       ext35_off{Pre}(l, o, n) == ext35_off(l, o, n) ==>
	       ext35_off{Pre}(l, 0, n) == ext35_off(l, 0, n);
	     loop invariant same_index:
	       ext35_index{Pre}(l, o, n) == ext35_index(l, o, n) ==>
	       ext35_index{Pre}(l, 0, n) == ext35_index(l, 0, n);
	     loop assigns o, p;
	     loop variant n - o;
	  @/
	  while (o + 4u <= n) {
	    /@ assert step_frame: ext_type{Pre}(l, o) == ext_type(l, o) &&
	         ext_next{Pre}(l, o) == ext_next(l, o); @/
	    /@ assert u_wf:
	         (wf_ext_list{Pre}(l, o, n) <==> ext_next{Pre}(l, o) <= n &&
	            wf_ext_list{Pre}(l, ext_next{Pre}(l, o), n)) &&
	         (wf_ext_list(l, o, n) <==> ext_next(l, o) <= n &&
	            wf_ext_list(l, ext_next(l, o), n)); @/
	    /@ assert u_count:
	         ext_count{Pre}(l, o, n) ==
	           1 + ext_count{Pre}(l, ext_next{Pre}(l, o), n) &&
	         ext_count(l, o, n) == 1 + ext_count(l, ext_next(l, o), n); @/
	    /@ assert u_no35:
	         (no_ext35{Pre}(l, o, n) <==> ext_type{Pre}(l, o) != 35 &&
	            no_ext35{Pre}(l, ext_next{Pre}(l, o), n)) &&
	         (no_ext35(l, o, n) <==> ext_type(l, o) != 35 &&
	            no_ext35(l, ext_next(l, o), n)); @/
	    /@ assert u_single:
	         (single_ext35{Pre}(l, o, n) <==>
	            (ext_type{Pre}(l, o) == 35 ?
	               no_ext35{Pre}(l, ext_next{Pre}(l, o), n) :
	               single_ext35{Pre}(l, ext_next{Pre}(l, o), n))) &&
	         (single_ext35(l, o, n) <==>
	            (ext_type(l, o) == 35 ? no_ext35(l, ext_next(l, o), n) :
	               single_ext35(l, ext_next(l, o), n))); @/
	    /@ assert u_off:
	         ext35_off{Pre}(l, o, n) == (ext_type{Pre}(l, o) == 35 ? o :
	            ext35_off{Pre}(l, ext_next{Pre}(l, o), n)) &&
	         ext35_off(l, o, n) == (ext_type(l, o) == 35 ? o :
	            ext35_off(l, ext_next(l, o), n)); @/
	    /@ assert u_index:
	         ext35_index{Pre}(l, o, n) == (ext_type{Pre}(l, o) == 35 ? 0 :
	            1 + ext35_index{Pre}(l, ext_next{Pre}(l, o), n)) &&
	         ext35_index(l, o, n) == (ext_type(l, o) == 35 ? 0 :
	            1 + ext35_index(l, ext_next(l, o), n)); @/
	    p = o;
	    o = o + 4u + (size_t)(l[o + 2u] * 256u + l[o + 3u]);
	    /@ assert step: o == ext_next(l, p); @/
	  }
	  /@ assert base_wf: o == n && wf_ext_list(l, o, n); @/
	  /@ assert base_count:
	       ext_count{Pre}(l, o, n) == 0 && ext_count(l, o, n) == 0; @/
	  /@ assert base_no35: no_ext35{Pre}(l, o, n) && no_ext35(l, o, n); @/
	  /@ assert base_single:
	       single_ext35{Pre}(l, o, n) && single_ext35(l, o, n); @/
	  /@ assert base_off:
	       ext35_off{Pre}(l, o, n) == n && ext35_off(l, o, n) == n; @/
	  /@ assert base_index:
	       ext35_index{Pre}(l, o, n) == 0 && ext35_index(l, o, n) == 0; @/
	  /@ assert walked_wf: wf_ext_list(l, 0, n); @/
	  /@ assert walked_count: ext_count(l, 0, n) == ext_count{Pre}(l, 0, n); @/
	  /@ assert walked_no35: no_ext35(l, 0, n) <==> no_ext35{Pre}(l, 0, n); @/
	  /@ assert walked_single:
	       single_ext35(l, 0, n) <==> single_ext35{Pre}(l, 0, n); @/
	  /@ assert walked_off: ext35_off(l, 0, n) == ext35_off{Pre}(l, 0, n); @/
	  /@ assert walked_index:
	       ext35_index(l, 0, n) == ext35_index{Pre}(l, 0, n); @/
	*/
	/*@ assert x_post:
	       x->list.len <= 65535 &&
	       \valid_read(x->list.ptr + (0 .. x->list.len - 1)) &&
	       wf_ext_body(x->list.ptr, x->list.len) &&
	       x->count == ext_count(x->list.ptr, 0, x->list.len) &&
	       (x->has_ext35 == 0 || x->has_ext35 == 1) &&
	       (x->has_ext35 == 0 <==> no_ext35(x->list.ptr, 0, x->list.len)) &&
	       (x->has_ext35 == 1 ==>
	          x->ext35_off == ext35_off(x->list.ptr, 0, x->list.len) &&
	          x->ext35_index == ext35_index(x->list.ptr, 0, x->list.len) &&
	          x->ext35_off + 4 + x->ext35.len <= x->list.len &&
	          ext_type(x->list.ptr, x->ext35_off) == 35 &&
	          x->ext35.len == ext_dlen(x->list.ptr, x->ext35_off) &&
	          x->ext35.ptr == x->list.ptr + (x->ext35_off + 4)) &&
	       (x->has_ext35 == 0 ==>
	          x->ext35_off == 0 && x->ext35_index == 0 &&
	          x->ext35.ptr == \null && x->ext35.len == 0); */
}

/*
 * The last stores of a successful ClientHello decode: the fields other
 * than the extensions view, stored after that view, and the consumed
 * length n. In a function of its own so that the provers see, in a small
 * context, that these stores leave the view as it was (b and e are the
 * decoder's buffer and block offset).
 */
/*@
  requires \valid(out) && \valid(at) && \separated(out, at);
  requires hello_exts_view(has, &out->exts, b, e, n);
  assigns out->version, out->random, out->session_id, out->cipher_suites,
          out->compression, out->has_extensions, *at;
  ensures out->version == version && out->random == random;
  ensures out->session_id.ptr == sid_ptr && out->session_id.len == sid_len;
  ensures out->cipher_suites.ptr == cs && out->cipher_suites.len == cs_len;
  ensures out->compression.ptr == cm && out->compression.len == cm_len;
  ensures out->has_extensions == has && *at == n;
  ensures hello_exts_view(has, &out->exts, b, e, n);
*/
static void client_hello_finish(tkt_client_hello *out, uint16_t version,
	const uint8_t *random, const uint8_t *sid_ptr, size_t sid_len,
	const uint8_t *cs, size_t cs_len, const uint8_t *cm, size_t cm_len,
	int has, size_t *at, size_t n)
	/*@ ghost (const uint8_t *b, size_t e) */
{
	out->version = version;
	out->random = random;
	out->session_id.ptr = sid_ptr;
	out->session_id.len = sid_len;
	out->cipher_suites.ptr = cs;
	out->cipher_suites.len = cs_len;
	out->compression.ptr = cm;
	out->compression.len = cm_len;
	out->has_extensions = has;
	*at = n;
}

/*@
  requires \valid_read(buf + (0 .. len - 1));
  requires \valid(out) && \valid(at);
  requires \separated(buf + (0 .. len - 1), out, at);
  assigns *out, *at;
  ensures result: \result == TKT_OK <==> wf_client_hello(buf, len);

  behavior ok:
    assumes wf_client_hello(buf, len);
    assigns *out, *at;
    ensures \result == TKT_OK && *at == len;
    ensures out->version == be16(buf);
    ensures out->random == buf + 2;
    ensures out->session_id.len == hello_sid_len(buf);
    ensures hello_sid_len(buf) > 0 ==> out->session_id.ptr == buf + 35;
    ensures hello_sid_len(buf) == 0 ==> out->session_id.ptr == \null;
    ensures out->cipher_suites.ptr == buf + (ch_cs_off(buf) + 2);
    ensures out->cipher_suites.len == ch_cs_len(buf);
    ensures out->compression.ptr == buf + (ch_cm_off(buf) + 1);
    ensures out->compression.len == ch_cm_len(buf);
    ensures hello_exts_view(out->has_extensions, &out->exts, buf,
                            ch_ext_off(buf), len);

  behavior truncated_version:
    assumes len < 2;
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED && *at == 0;

  behavior bad_major:
    assumes 2 <= len && buf[0] != 3;
    assigns *at;
    ensures \result == TKT_ERR_RANGE && *at == 0;

  behavior truncated_fixed:
    assumes 2 <= len < 35 && buf[0] == 3;
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED;
    ensures len < 34 ==> *at == 2;
    ensures len == 34 ==> *at == 34;

  behavior sid_range:
    assumes 35 <= len && buf[0] == 3 && hello_sid_len(buf) > 32;
    assigns *at;
    ensures \result == TKT_ERR_RANGE && *at == 34;

  behavior truncated_sid:
    assumes 35 <= len && buf[0] == 3 && hello_sid_len(buf) <= 32;
    assumes hello_after_sid(buf) > len;
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED && *at == 34;

  behavior truncated_cs_len:
    assumes hello_prefix_ok(buf, len) && ch_cs_off(buf) + 2 > len;
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED && *at == ch_cs_off(buf);

  behavior bad_cs_len:
    assumes hello_prefix_ok(buf, len) && ch_cs_off(buf) + 2 <= len;
    assumes ch_cs_len(buf) == 0 || ch_cs_len(buf) % 2 != 0;
    assigns *at;
    ensures \result == TKT_ERR_BAD_LENGTH && *at == ch_cs_off(buf);

  behavior truncated_cs:
    assumes hello_prefix_ok(buf, len) && ch_cs_off(buf) + 2 <= len;
    assumes ch_cs_len(buf) != 0 && ch_cs_len(buf) % 2 == 0;
    assumes ch_cm_off(buf) > len;
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED && *at == ch_cs_off(buf);

  behavior truncated_cm_len:
    assumes ch_cs_ok(buf, len) && ch_cm_off(buf) + 1 > len;
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED && *at == ch_cm_off(buf);

  behavior bad_cm_len:
    assumes ch_cs_ok(buf, len) && ch_cm_off(buf) + 1 <= len;
    assumes ch_cm_len(buf) == 0;
    assigns *at;
    ensures \result == TKT_ERR_BAD_LENGTH && *at == ch_cm_off(buf);

  behavior truncated_cm:
    assumes ch_cs_ok(buf, len) && ch_cm_off(buf) + 1 <= len;
    assumes ch_cm_len(buf) != 0 && ch_ext_off(buf) > len;
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED && *at == ch_cm_off(buf);

  behavior bad_exts:
    assumes ch_cm_ok(buf, len) && !opt_exts(buf, ch_ext_off(buf), len);
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED || \result == TKT_ERR_TRAILING ||
            \result == TKT_ERR_BAD_LENGTH || \result == TKT_ERR_DUPLICATE;
    ensures ch_ext_off(buf) <= *at <= len;

  complete behaviors;
  disjoint behaviors;
*/
tkt_status tkt_client_hello_decode(const uint8_t *buf, size_t len,
	tkt_client_hello *out, size_t *at)
{
	/* Separate locals, not a whole tkt_client_hello, and *out written
	 * field by field on success only: WP's provers do not use the record
	 * equality of a struct copy `*out = v`. */
	uint16_t version;
	const uint8_t *random;
	tkt_bytes sid;
	int has;
	tkt_exts exts;
	const uint8_t *cs, *cm;
	size_t pos = 0, cs_len, cm_len;
	tkt_status st;

	st = hello_prefix(buf, len, &version, &random, &sid, &pos);
	if (st != TKT_OK) {
		*at = pos;
		return st;
	}
	//@ assert pos == ch_cs_off(buf) && pos <= len;
	if (len - pos < 2u) {
		*at = pos;
		return TKT_ERR_TRUNCATED;
	}
	cs_len = buf[pos] * 256u + buf[pos + 1];
	//@ assert cs_len == ch_cs_len(buf);
	if (cs_len == 0u || cs_len % 2u != 0u) {
		*at = pos;
		return TKT_ERR_BAD_LENGTH;
	}
	if (cs_len > len - pos - 2u) {
		*at = pos;
		return TKT_ERR_TRUNCATED;
	}
	cs = buf + pos + 2;
	pos += 2u + cs_len;
	//@ assert pos == ch_cm_off(buf) && pos <= len;
	if (len - pos < 1u) {
		*at = pos;
		return TKT_ERR_TRUNCATED;
	}
	cm_len = buf[pos];
	//@ assert cm_len == ch_cm_len(buf);
	if (cm_len == 0u) {
		*at = pos;
		return TKT_ERR_BAD_LENGTH;
	}
	if (cm_len > len - pos - 1u) {
		*at = pos;
		return TKT_ERR_TRUNCATED;
	}
	cm = buf + pos + 1;
	pos += 1u + cm_len;
	//@ assert pos == ch_ext_off(buf) && pos <= len;
	//@ assert ch_ok: ch_cm_ok(buf, len);
	//@ assert ch_wf: wf_client_hello(buf, len) <==> opt_exts(buf, pos, len);
	st = hello_exts(buf, len, pos, &has, &exts, at);
	if (st != TKT_OK)
		return st;
	//@ assert ch_view: hello_exts_view(has, &exts, buf, pos, len);
	//@ assert ch_list: \valid_read(exts.list.ptr + (0 .. exts.list.len - 1));
	tkt_exts_put_(&out->exts, &exts);
	//@ assert ch_out: hello_exts_view(has, &out->exts, buf, pos, len);
	client_hello_finish(out, version, random, sid.ptr, sid.len, cs, cs_len,
		cm, cm_len, has, at, len) /*@ ghost (buf, pos) */;
	return TKT_OK;
}

/*
 * The big-endian 16-bit field at p, in a function of its own: the provers
 * relate (p + o)[i] to be16(p + o) in this small context, and time out
 * on it among the decoder's hypotheses.
 */
/*@ requires \valid_read(p + (0 .. 1));
    assigns \nothing;
    ensures \result == be16((uint8_t *)p);
*/
static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] * 256u + p[1]);
}

/*
 * As client_hello_finish, for a ServerHello; its one byte field,
 * compression, is stored before the view (see tkt_server_hello_decode).
 */
/*@
  requires \valid(out) && \valid(at) && \separated(out, at);
  requires hello_exts_view(has, &out->exts, b, e, n);
  assigns out->version, out->random, out->session_id, out->cipher_suite,
          out->has_extensions, *at;
  ensures out->version == version && out->random == random;
  ensures out->session_id.ptr == sid_ptr && out->session_id.len == sid_len;
  ensures out->cipher_suite == cipher_suite;
  ensures out->has_extensions == has && *at == n;
  ensures hello_exts_view(has, &out->exts, b, e, n);
*/
static void server_hello_finish(tkt_server_hello *out, uint16_t version,
	const uint8_t *random, const uint8_t *sid_ptr, size_t sid_len,
	uint16_t cipher_suite, int has, size_t *at, size_t n)
	/*@ ghost (const uint8_t *b, size_t e) */
{
	out->version = version;
	out->random = random;
	out->session_id.ptr = sid_ptr;
	out->session_id.len = sid_len;
	out->cipher_suite = cipher_suite;
	out->has_extensions = has;
	*at = n;
}

/*@
  requires \valid_read(buf + (0 .. len - 1));
  requires \valid(out) && \valid(at);
  requires \separated(buf + (0 .. len - 1), out, at);
  assigns *out, *at;
  // In the pre-state (the same, buf is not written): for WP the byte store
  // of out->compression would otherwise hide the walk of the extensions.
  ensures result: \result == TKT_OK <==> \old(wf_server_hello(buf, len));

  behavior ok:
    assumes wf_server_hello(buf, len);
    assigns *out, *at;
    ensures \result == TKT_OK && *at == len;
    ensures out->version == be16(buf);
    ensures out->random == buf + 2;
    ensures out->session_id.len == hello_sid_len(buf);
    ensures hello_sid_len(buf) > 0 ==> out->session_id.ptr == buf + 35;
    ensures hello_sid_len(buf) == 0 ==> out->session_id.ptr == \null;
    // The offsets and bytes of buf on the pre-state, like result above.
    ensures out->cipher_suite == \old(be16(buf + sh_cs_off(buf)));
    ensures out->compression == \old(buf[sh_cs_off(buf) + 2]);
    ensures hello_exts_view(out->has_extensions, &out->exts, buf,
                            \old(sh_ext_off(buf)), len);

  behavior truncated_version:
    assumes len < 2;
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED && *at == 0;

  behavior bad_major:
    assumes 2 <= len && buf[0] != 3;
    assigns *at;
    ensures \result == TKT_ERR_RANGE && *at == 0;

  behavior truncated_fixed:
    assumes 2 <= len < 35 && buf[0] == 3;
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED;
    ensures len < 34 ==> *at == 2;
    ensures len == 34 ==> *at == 34;

  behavior sid_range:
    assumes 35 <= len && buf[0] == 3 && hello_sid_len(buf) > 32;
    assigns *at;
    ensures \result == TKT_ERR_RANGE && *at == 34;

  behavior truncated_sid:
    assumes 35 <= len && buf[0] == 3 && hello_sid_len(buf) <= 32;
    assumes hello_after_sid(buf) > len;
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED && *at == 34;

  behavior truncated_suite:
    assumes hello_prefix_ok(buf, len) && sh_ext_off(buf) > len;
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED;
    ensures sh_cs_off(buf) + 2 > len ==> *at == sh_cs_off(buf);
    ensures sh_cs_off(buf) + 2 <= len ==> *at == sh_cs_off(buf) + 2;

  behavior bad_exts:
    assumes sh_fixed_ok(buf, len) && !opt_exts(buf, sh_ext_off(buf), len);
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED || \result == TKT_ERR_TRAILING ||
            \result == TKT_ERR_BAD_LENGTH || \result == TKT_ERR_DUPLICATE;
    ensures sh_ext_off(buf) <= *at <= len;

  complete behaviors;
  disjoint behaviors;
*/
tkt_status tkt_server_hello_decode(const uint8_t *buf, size_t len,
	tkt_server_hello *out, size_t *at)
{
	/* As in tkt_client_hello_decode: separate locals, *out written field
	 * by field on success only. */
	uint16_t version;
	const uint8_t *random;
	tkt_bytes sid;
	int has;
	tkt_exts exts;
	size_t pos = 0;
	uint16_t cipher_suite;
	uint8_t compression;
	tkt_status st;

	st = hello_prefix(buf, len, &version, &random, &sid, &pos);
	if (st != TKT_OK) {
		*at = pos;
		return st;
	}
	//@ assert pos == sh_cs_off(buf) && pos <= len;
	if (len - pos < 3u) {
		*at = pos + (len - pos < 2u ? 0u : 2u);
		return TKT_ERR_TRUNCATED;
	}
	cipher_suite = get16(buf + pos);
	compression = buf[pos + 2];
	pos += 3u;
	//@ assert pos == sh_ext_off(buf) && pos <= len;
	//@ assert sh_ok: sh_fixed_ok(buf, len);
	//@ assert sh_wf: wf_server_hello(buf, len) <==> opt_exts(buf, pos, len);
	st = hello_exts(buf, len, pos, &has, &exts, at);
	if (st != TKT_OK)
		return st;
	/* The only byte store, first and through hello_put_byte (see there). */
	//@ assert sh_view: hello_exts_view(has, &exts, buf, pos, len);
	//@ assert sh_list: \valid_read(exts.list.ptr + (0 .. exts.list.len - 1));
	hello_put_byte(&out->compression, compression) /*@ ghost (&exts) */;
	/*@ assert sh_hdr: \let k = pos - 3;
	      buf[0] == \at(buf[0], Pre) && buf[1] == \at(buf[1], Pre) &&
	      buf[34] == \at(buf[34], Pre) && buf[k] == \at(buf[k], Pre) &&
	      buf[k + 1] == \at(buf[k + 1], Pre) &&
	      buf[k + 2] == \at(buf[k + 2], Pre); */
	tkt_exts_put_(&out->exts, &exts);
	//@ assert sh_out: hello_exts_view(has, &out->exts, buf, pos, len);
	server_hello_finish(out, version, random, sid.ptr, sid.len,
		cipher_suite, has, at, len) /*@ ghost (buf, pos) */;
	return TKT_OK;
}

/*
 * Encoders take caller-built views, so every length is checked and the
 * extension list is re-walked: what they write must decode back to the
 * same value, or nothing is written.
 */
/*@
  requires \valid_read(x);
  requires opt_list_readable(has, x);
  assigns \nothing;
  ensures \result != 0 <==> opt_list_ok(has, x);
*/
static int exts_ok(int has, const tkt_exts *x)
{
	tkt_exts chk;
	size_t at = 0;

	if (has == 0)
		return 1;
	if (has != 1 || x->list.len > 65535u
		|| (x->list.len > 0u && x->list.ptr == NULL))
		return 0;
	return tkt_exts_scan_(x->list.ptr, x->list.len, &chk, &at) == TKT_OK;
}

/*@
  requires \valid_read(sid);
  assigns \nothing;
  ensures \result != 0 <==> hello_common_ok(version, (uint8_t *)random, (uint8_t *)sid->ptr,
                          sid->len);
*/
static int common_ok(uint16_t version, const uint8_t *random,
	const tkt_bytes *sid)
{
	return version / 256u == 3u && random != NULL
		&& sid->len <= TKT_SESSION_ID_MAX
		&& (sid->len == 0u || sid->ptr != NULL);
}

/*@
  requires has == 1 ==> x->list.len <= 65535;
  requires \valid_read(x);
  assigns \nothing;
  ensures \result == opt_list_len(has, x);
*/
static size_t exts_wire_len(int has, const tkt_exts *x)
{
	return has == 1 ? 2u + x->list.len : 0u;
}

/*@
  requires \valid_read(v);
  requires opt_list_readable(v->has_extensions, &v->exts);
  assigns \nothing;
  ensures client_hello_ok(v) ==> \result == client_hello_len(v);
  ensures !client_hello_ok(v) ==> \result == 0;
*/
size_t tkt_client_hello_size(const tkt_client_hello *v)
{
	if (!common_ok(v->version, v->random, &v->session_id)
		|| v->cipher_suites.len < 2u || v->cipher_suites.len > 65534u
		|| v->cipher_suites.len % 2u != 0u || v->cipher_suites.ptr == NULL
		|| v->compression.len < 1u || v->compression.len > 255u
		|| v->compression.ptr == NULL
		|| !exts_ok(v->has_extensions, &v->exts))
		return 0;
	return HELLO_FIXED + v->session_id.len + 2u + v->cipher_suites.len
		+ 1u + v->compression.len
		+ exts_wire_len(v->has_extensions, &v->exts);
}

/*@
  requires \valid_read(v);
  requires opt_list_readable(v->has_extensions, &v->exts);
  assigns \nothing;
  ensures server_hello_ok(v) ==> \result == server_hello_len(v);
  ensures !server_hello_ok(v) ==> \result == 0;
*/
size_t tkt_server_hello_size(const tkt_server_hello *v)
{
	if (!common_ok(v->version, v->random, &v->session_id)
		|| !exts_ok(v->has_extensions, &v->exts))
		return 0;
	return HELLO_FIXED + v->session_id.len + 3u
		+ exts_wire_len(v->has_extensions, &v->exts);
}

/* out[pos .. pos + n) = src[0 .. n). */
/*@
  requires pos + n <= 200000;
  requires \valid(out + (pos .. pos + n - 1));
  requires \valid_read(src + (0 .. n - 1));
  requires \separated(out + (pos .. pos + n - 1), src + (0 .. n - 1));
  assigns out[pos .. pos + n - 1];
  ensures \result == pos + n;
  ensures bytes_at{Post, Pre}(out, pos, (uint8_t *)src, n);
*/
static size_t put_bytes(uint8_t *out, size_t pos, const uint8_t *src,
	size_t n)
{
	size_t i;

	/*@ loop invariant 0 <= i <= n;
	    loop invariant bytes_at{Here, Pre}(out, pos, (uint8_t *)src, i);
	    loop assigns i, out[pos .. pos + n - 1];
	    loop variant n - i;
	*/
	for (i = 0; i < n; i++)
		out[pos + i] = src[i];
	return pos + n;
}

/*
 * The writers return the offset after what they wrote: the encoders then
 * never compute an offset in C (a sum the provers would see wrapped).
 */
/*@
  requires pos + 2 <= 200000;
  requires x <= 65535;
  requires \valid(out + (pos .. pos + 1));
  assigns out[pos .. pos + 1];
  ensures \result == pos + 2;
  ensures be16(out + pos) == x;
*/
static size_t put16(uint8_t *out, size_t pos, size_t x)
{
	out[pos] = (uint8_t)(x / 256u);
	out[pos + 1u] = (uint8_t)(x % 256u);
	return pos + 2u;
}

/*@
  requires pos + 1 <= 200000;
  requires \valid(out + pos);
  assigns out[pos];
  ensures \result == pos + 1;
  ensures out[pos] == c;
*/
static size_t put8(uint8_t *out, size_t pos, uint8_t c)
{
	out[pos] = c;
	return pos + 1u;
}

/* opaque <0..2^8-1> at pos: the length byte, then the bytes. */
/*@
  requires pos + 1 + n <= 200000;
  requires n <= 255;
  requires \valid(out + (pos .. pos + n));
  requires \valid_read(src + (0 .. n - 1));
  requires \separated(out + (pos .. pos + n), src + (0 .. n - 1));
  assigns out[pos .. pos + n];
  ensures \result == pos + 1 + n;
  ensures u8_at(out, pos, n);
  ensures bytes_at{Post, Pre}(out, pos + 1, (uint8_t *)src, n);
*/
static size_t put_vec8(uint8_t *out, size_t pos, const uint8_t *src,
	size_t n)
{
	return put_bytes(out, put8(out, pos, (uint8_t)n), src, n);
}

/* opaque <0..2^16-1> at pos: the length, then the bytes. */
/*@
  requires pos + 2 + n <= 200000;
  requires n <= 65535;
  requires \valid(out + (pos .. pos + 1 + n));
  requires \valid_read(src + (0 .. n - 1));
  requires \separated(out + (pos .. pos + 1 + n), src + (0 .. n - 1));
  assigns out[pos .. pos + 1 + n];
  ensures \result == pos + 2 + n;
  ensures u16_at(out, pos, n);
  ensures bytes_at{Post, Pre}(out, pos + 2, (uint8_t *)src, n);
*/
static size_t put_vec16(uint8_t *out, size_t pos, const uint8_t *src,
	size_t n)
{
	return put_bytes(out, put16(out, pos, n), src, n);
}

/*@
  requires \valid_read(v);
  requires opt_list_readable(v->has_extensions, &v->exts);
  requires client_hello_ok(v) ==> client_hello_readable(v);
  requires \valid(written);
  requires \valid(out + (0 .. cap - 1));
  requires \separated(written, v, out + (0 .. cap - 1));
  requires client_hello_ok(v) ==>
    \separated(out + (0 .. cap - 1), v->random + (0 .. 31),
      v->session_id.ptr + (0 .. v->session_id.len - 1),
      v->cipher_suites.ptr + (0 .. v->cipher_suites.len - 1),
      v->compression.ptr + (0 .. v->compression.len - 1));
  requires client_hello_ok(v) && v->has_extensions == 1 ==>
    \separated(out + (0 .. cap - 1),
      v->exts.list.ptr + (0 .. v->exts.list.len - 1));
  assigns *written, out[0 .. cap - 1];

  behavior ok:
    assumes client_hello_ok(v) && client_hello_len(v) <= cap;
    assigns *written, out[0 .. client_hello_len(v) - 1];
    ensures \result == TKT_OK;
    ensures *written == \old(client_hello_len(v));
    ensures ch_encodes{Post, Pre}(out, \old(v->version),
              (uint8_t *)\old(v->random),
              (uint8_t *)\old(v->session_id.ptr), \old(v->session_id.len),
              (uint8_t *)\old(v->cipher_suites.ptr),
              \old(v->cipher_suites.len),
              (uint8_t *)\old(v->compression.ptr), \old(v->compression.len),
              \old(v->has_extensions), (uint8_t *)\old(v->exts.list.ptr),
              \old(v->exts.list.len));

  behavior bad_value:
    assumes !client_hello_ok(v);
    assigns *written;
    ensures \result == TKT_ERR_ARG && *written == 0;

  behavior too_small:
    assumes client_hello_ok(v) && cap < client_hello_len(v);
    assigns *written;
    ensures \result == TKT_ERR_BUFFER_TOO_SMALL;
    ensures *written == \old(client_hello_len(v));

  complete behaviors;
  disjoint behaviors;
*/
tkt_status tkt_client_hello_encode(const tkt_client_hello *v, uint8_t *out,
	size_t cap, size_t *written)
{
	size_t need = tkt_client_hello_size(v), pos, sl, csl, cml, ll;
	const uint8_t *rnd, *sid, *cs, *cm, *lst;
	uint16_t ver;
	int has;

	if (need == 0u) {
		*written = 0;
		return TKT_ERR_ARG;
	}
	if (cap < need) {
		*written = need;
		return TKT_ERR_BUFFER_TOO_SMALL;
	}
	ver = v->version;
	rnd = v->random;
	sid = v->session_id.ptr;
	sl = v->session_id.len;
	cs = v->cipher_suites.ptr;
	csl = v->cipher_suites.len;
	cm = v->compression.ptr;
	cml = v->compression.len;
	has = v->has_extensions;
	lst = v->exts.list.ptr;
	ll = v->exts.list.len;
	/*
	 * After each write, the asserts carry every field written so far and
	 * every source still to copy across it: without them the provers lose
	 * bytes in the chain of memory states (see proofs/README.md).
	 */
	(void)put16(out, 0, ver);
	/*@ assert v1: be16(out) == ver; */
	/*@ assert r1: same_bytes{Here, Pre}(rnd, rnd, 32); */
	/*@ assert s1: same_bytes{Here, Pre}(sid, sid, sl); */
	/*@ assert c1: same_bytes{Here, Pre}(cs, cs, csl); */
	/*@ assert m1: same_bytes{Here, Pre}(cm, cm, cml); */
	/*@ assert l1: has == 1 ==> same_bytes{Here, Pre}(lst, lst, ll); */
	(void)put_bytes(out, 2, rnd, TKT_RANDOM_LEN);
	/*@ assert v2: be16(out) == ver; */
	/*@ assert r2: bytes_at{Here, Pre}(out, 2, rnd, 32); */
	/*@ assert s2: same_bytes{Here, Pre}(sid, sid, sl); */
	/*@ assert c2: same_bytes{Here, Pre}(cs, cs, csl); */
	/*@ assert m2: same_bytes{Here, Pre}(cm, cm, cml); */
	/*@ assert l2: has == 1 ==> same_bytes{Here, Pre}(lst, lst, ll); */
	pos = put_vec8(out, 34, sid, sl);
	/*@ assert v3: be16(out) == ver; */
	/*@ assert r3: bytes_at{Here, Pre}(out, 2, rnd, 32); */
	/*@ assert sl3: u8_at(out, 34, sl); */
	/*@ assert s3: bytes_at{Here, Pre}(out, 35, sid, sl); */
	/*@ assert c3: same_bytes{Here, Pre}(cs, cs, csl); */
	/*@ assert m3: same_bytes{Here, Pre}(cm, cm, cml); */
	/*@ assert l3: has == 1 ==> same_bytes{Here, Pre}(lst, lst, ll); */
	pos = put_vec16(out, pos, cs, csl);
	/*@ assert v4: be16(out) == ver; */
	/*@ assert r4: bytes_at{Here, Pre}(out, 2, rnd, 32); */
	/*@ assert sl4: u8_at(out, 34, sl); */
	/*@ assert s4: bytes_at{Here, Pre}(out, 35, sid, sl); */
	/*@ assert cl4: u16_at(out, 35 + sl, csl); */
	/*@ assert c4: bytes_at{Here, Pre}(out, 37 + sl, cs, csl); */
	/*@ assert m4: same_bytes{Here, Pre}(cm, cm, cml); */
	/*@ assert l4: has == 1 ==> same_bytes{Here, Pre}(lst, lst, ll); */
	pos = put_vec8(out, pos, cm, cml);
	/*@ assert v5: be16(out) == ver; */
	/*@ assert r5: bytes_at{Here, Pre}(out, 2, rnd, 32); */
	/*@ assert sl5: u8_at(out, 34, sl); */
	/*@ assert s5: bytes_at{Here, Pre}(out, 35, sid, sl); */
	/*@ assert cl5: u16_at(out, 35 + sl, csl); */
	/*@ assert c5: bytes_at{Here, Pre}(out, 37 + sl, cs, csl); */
	/*@ assert ml5: u8_at(out, 37 + sl + csl, cml); */
	/*@ assert m5: bytes_at{Here, Pre}(out, 38 + sl + csl, cm, cml); */
	/*@ assert l5: has == 1 ==> same_bytes{Here, Pre}(lst, lst, ll); */
	if (has == 1)
		(void)put_vec16(out, pos, lst, ll);
	/*@ assert v6: be16(out) == ver; */
	/*@ assert r6: bytes_at{Here, Pre}(out, 2, rnd, 32); */
	/*@ assert sl6: u8_at(out, 34, sl); */
	/*@ assert s6: bytes_at{Here, Pre}(out, 35, sid, sl); */
	/*@ assert cl6: u16_at(out, 35 + sl, csl); */
	/*@ assert c6: bytes_at{Here, Pre}(out, 37 + sl, cs, csl); */
	/*@ assert ml6: u8_at(out, 37 + sl + csl, cml); */
	/*@ assert m6: bytes_at{Here, Pre}(out, 38 + sl + csl, cm, cml); */
	/*@ assert ll6: has == 1 ==> u16_at(out, pos, ll); */
	/*@ assert l6: has == 1 ==> bytes_at{Here, Pre}(out, pos + 2, lst, ll); */
	/* The whole encoding over the locals, which the ensures then only
	 * has to match with v's fields at Pre (directly, it times out). */
	/*@ assert fin: ch_encodes{Here, Pre}(out, ver, (uint8_t *)rnd,
	      (uint8_t *)sid, sl, (uint8_t *)cs, csl, (uint8_t *)cm, cml, has,
	      (uint8_t *)lst, ll); */
	*written = need;
	return TKT_OK;
}

/*@
  requires \valid_read(v);
  requires opt_list_readable(v->has_extensions, &v->exts);
  requires server_hello_ok(v) ==> server_hello_readable(v);
  requires \valid(written);
  requires \valid(out + (0 .. cap - 1));
  requires \separated(written, v, out + (0 .. cap - 1));
  requires server_hello_ok(v) ==>
    \separated(out + (0 .. cap - 1), v->random + (0 .. 31),
      v->session_id.ptr + (0 .. v->session_id.len - 1));
  requires server_hello_ok(v) && v->has_extensions == 1 ==>
    \separated(out + (0 .. cap - 1),
      v->exts.list.ptr + (0 .. v->exts.list.len - 1));
  assigns *written, out[0 .. cap - 1];

  behavior ok:
    assumes server_hello_ok(v) && server_hello_len(v) <= cap;
    assigns *written, out[0 .. server_hello_len(v) - 1];
    ensures \result == TKT_OK;
    ensures *written == \old(server_hello_len(v));
    ensures sh_encodes{Post, Pre}(out, \old(v->version),
              (uint8_t *)\old(v->random),
              (uint8_t *)\old(v->session_id.ptr), \old(v->session_id.len),
              \old(v->cipher_suite), \old(v->compression),
              \old(v->has_extensions), (uint8_t *)\old(v->exts.list.ptr),
              \old(v->exts.list.len));

  behavior bad_value:
    assumes !server_hello_ok(v);
    assigns *written;
    ensures \result == TKT_ERR_ARG && *written == 0;

  behavior too_small:
    assumes server_hello_ok(v) && cap < server_hello_len(v);
    assigns *written;
    ensures \result == TKT_ERR_BUFFER_TOO_SMALL;
    ensures *written == \old(server_hello_len(v));

  complete behaviors;
  disjoint behaviors;
*/
tkt_status tkt_server_hello_encode(const tkt_server_hello *v, uint8_t *out,
	size_t cap, size_t *written)
{
	size_t need = tkt_server_hello_size(v), pos, comp_off, ext_off, sl, ll;
	const uint8_t *rnd, *sid, *lst;
	uint16_t ver, suite;
	uint8_t comp;
	int has;

	if (need == 0u) {
		*written = 0;
		return TKT_ERR_ARG;
	}
	if (cap < need) {
		*written = need;
		return TKT_ERR_BUFFER_TOO_SMALL;
	}
	ver = v->version;
	rnd = v->random;
	sid = v->session_id.ptr;
	sl = v->session_id.len;
	suite = v->cipher_suite;
	comp = v->compression;
	has = v->has_extensions;
	lst = v->exts.list.ptr;
	ll = v->exts.list.len;
	/* As in tkt_client_hello_encode. */
	(void)put16(out, 0, ver);
	/*@ assert v1: be16(out) == ver; */
	/*@ assert r1: same_bytes{Here, Pre}(rnd, rnd, 32); */
	/*@ assert s1: same_bytes{Here, Pre}(sid, sid, sl); */
	/*@ assert l1: has == 1 ==> same_bytes{Here, Pre}(lst, lst, ll); */
	(void)put_bytes(out, 2, rnd, TKT_RANDOM_LEN);
	/*@ assert v2: be16(out) == ver; */
	/*@ assert r2: bytes_at{Here, Pre}(out, 2, rnd, 32); */
	/*@ assert s2: same_bytes{Here, Pre}(sid, sid, sl); */
	/*@ assert l2: has == 1 ==> same_bytes{Here, Pre}(lst, lst, ll); */
	pos = put_vec8(out, 34, sid, sl);
	/*@ assert v3: be16(out) == ver; */
	/*@ assert r3: bytes_at{Here, Pre}(out, 2, rnd, 32); */
	/*@ assert sl3: u8_at(out, 34, sl); */
	/*@ assert s3: bytes_at{Here, Pre}(out, 35, sid, sl); */
	/*@ assert l3: has == 1 ==> same_bytes{Here, Pre}(lst, lst, ll); */
	comp_off = put16(out, pos, suite);
	/*@ assert v4a: be16(out) == ver; */
	/*@ assert r4a: bytes_at{Here, Pre}(out, 2, rnd, 32); */
	/*@ assert sl4a: u8_at(out, 34, sl); */
	/*@ assert s4a: bytes_at{Here, Pre}(out, 35, sid, sl); */
	/*@ assert l4a: has == 1 ==> same_bytes{Here, Pre}(lst, lst, ll); */
	ext_off = put8(out, comp_off, comp);
	/*@ assert v4: be16(out) == ver; */
	/*@ assert r4: bytes_at{Here, Pre}(out, 2, rnd, 32); */
	/*@ assert sl4: u8_at(out, 34, sl); */
	/*@ assert s4: bytes_at{Here, Pre}(out, 35, sid, sl); */
	/*@ assert cs4: u16_at(out, pos, suite); */
	/*@ assert l4: has == 1 ==> same_bytes{Here, Pre}(lst, lst, ll); */
	if (has == 1)
		(void)put_vec16(out, ext_off, lst, ll);
	/*@ assert v5: be16(out) == ver; */
	/*@ assert r5: bytes_at{Here, Pre}(out, 2, rnd, 32); */
	/*@ assert sl5: u8_at(out, 34, sl); */
	/*@ assert s5: bytes_at{Here, Pre}(out, 35, sid, sl); */
	/*@ assert cs5: u16_at(out, pos, suite); */
	/*@ assert cm5: u8_at(out, pos + 2, comp); */
	/*@ assert ll5: has == 1 ==> u16_at(out, pos + 3, ll); */
	/*@ assert l5: has == 1 ==> bytes_at{Here, Pre}(out, pos + 5, lst, ll); */
	/*@ assert fin: sh_encodes{Here, Pre}(out, ver, (uint8_t *)rnd,
	      (uint8_t *)sid, sl, suite, comp, has, (uint8_t *)lst, ll); */
	*written = need;
	return TKT_OK;
}
