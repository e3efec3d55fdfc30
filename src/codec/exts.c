/*
 * Extensions block: Extension extensions<0..2^16-1> (RFC 5246 7.4.1.4),
 * decoded with its 2-byte length, and the two rewriters that add, replace
 * or drop the SessionTicket extension (type 35). Contracts refer to the
 * logic of spec/logic/exts.h.
 */
#include "tkt/codec.h"

#ifdef __FRAMAC__
#include "tkt_spec.h"
#endif

/*
 * Library-internal, shared with hello.c (whose encoders must validate a
 * caller-built view): walk the `n` bytes of an extension list (without its
 * 2-byte length) and fill a view of it. `*at` is relative to `list`.
 */
tkt_status tkt_exts_scan_(const uint8_t *list, size_t n, tkt_exts *out,
	size_t *at);

/*
 * The two writers of the block rewriters, on the whole output buffer
 * out[0 .. cap - 1] and an offset pos in it: their contracts state what
 * they leave unchanged (every other byte of out, the source) so that the
 * callers carry earlier writes across later ones by index arithmetic.
 */
/*@ requires pos + n <= cap;
    requires \valid(out + (0 .. cap - 1));
    requires \valid_read(src + (0 .. n - 1));
    requires \separated(out + (0 .. cap - 1), src + (0 .. n - 1));
    assigns out[pos .. pos + n - 1];
    ensures copied: \forall integer k; pos <= k < pos + n ==>
              out[k] == \old(src[k - pos]);
    ensures frame: \forall integer k; 0 <= k < cap && !(pos <= k < pos + n) ==>
              out[k] == \old(out[k]);
*/
static void copy_bytes(uint8_t *out, size_t cap, size_t pos,
	const uint8_t *src, size_t n)
{
	size_t i;

	(void)cap;
	/*@ loop invariant 0 <= i <= n;
	    loop invariant \forall integer k; pos <= k < pos + i ==>
	      out[k] == \at(src[k - pos], Pre);
	    loop invariant \forall integer k; 0 <= k < cap && !(pos <= k < pos + n) ==>
	      out[k] == \at(out[k], Pre);
	    loop assigns i, out[pos .. pos + n - 1];
	    loop variant n - i;
	*/
	for (i = 0; i < n; i++)
		out[pos + i] = src[i];
}

/*@ requires v <= 65535;
    requires pos + 2 <= cap;
    requires \valid(out + (0 .. cap - 1));
    assigns out[pos .. pos + 1];
    ensures be16(out + pos) == v;
    ensures frame: \forall integer k; 0 <= k < cap && !(pos <= k < pos + 2) ==>
              out[k] == \old(out[k]);
*/
static void put16(uint8_t *out, size_t cap, size_t pos, size_t v)
{
	(void)cap;
	out[pos] = (uint8_t)(v / 256u);
	out[pos + 1] = (uint8_t)(v % 256u);
}

/*
 * The fields of the extension header at offset o of a list of n bytes,
 * each read by a function of its own: the walker's proof then sees
 * ext_type(l, o), ext_dlen(l, o) and ext_next(l, o) as the values read,
 * so that the recursive definitions of spec/logic/exts.h unfold on
 * exactly the terms they are stated with (no byte arithmetic, no casts).
 */
/*@ requires o + 4 <= n;
    requires \valid_read(l + (0 .. n - 1));
    assigns \nothing;
    ensures \result == ext_type(l, o);
*/
static size_t ext_type_at(const uint8_t *l, size_t n, size_t o)
{
	const uint8_t *p = l + o;

	(void)n;
	return p[0] * 256u + p[1];
}

/*@ requires o + 4 <= n;
    requires \valid_read(l + (0 .. n - 1));
    assigns \nothing;
    ensures \result == ext_dlen(l, o);
*/
static size_t ext_dlen_at(const uint8_t *l, size_t n, size_t o)
{
	const uint8_t *p = l + o;

	(void)n;
	return p[2] * 256u + p[3];
}

/* The offset just past the extension at o (it may exceed n). */
/*@ requires n <= 65535 && o + 4 <= n;
    requires \valid_read(l + (0 .. n - 1));
    assigns \nothing;
    ensures \result == ext_next(l, o);
*/
static size_t ext_end(const uint8_t *l, size_t n, size_t o)
{
	return o + 4u + ext_dlen_at(l, n, o);
}

/*
 * What one pass over an extension list found: the status and error offset
 * of tkt_exts_scan_, and on success the facts a view is built from.
 * Returned by value, so that the callers' proofs see plain values (no
 * local object in memory, no pointer to it in any contract).
 */
struct exts_walk_res {
	tkt_status st;
	size_t at;
	size_t count;
	int found;
	size_t off35;
	size_t idx35;
};

/*
 * One pass over the chain of extensions: each step reads one 4-byte
 * header and jumps over its data, so the time is linear in n whatever the
 * number of extensions. The loop invariants relate the whole list to the
 * part not yet read, one unfolding of the spec's recursion per step.
 * Writes nothing: tkt_exts_scan_ and tkt_exts_decode fill a view from its
 * result only on success.
 */
/*@ requires n <= 65535;
    requires \valid_read(list + (0 .. n - 1));
    assigns \nothing;
    ensures \result.st == TKT_OK <==> wf_ext_body(list, n);
    behavior ok:
      assumes wf_ext_body(list, n);
      ensures \result.st == TKT_OK;
      ensures \result.at == n;
      ensures \result.count == ext_count(list, 0, n);
      ensures \result.found == 0 || \result.found == 1;
      ensures \result.found == 0 <==> no_ext35(list, 0, n);
      ensures \result.found == 1 ==>
        \result.off35 == ext35_off(list, 0, n) &&
        \result.idx35 == ext35_index(list, 0, n) &&
        \result.off35 + 4 + ext_dlen(list, \result.off35) <= n &&
        ext_type(list, \result.off35) == 35;
    behavior bad:
      assumes !wf_ext_body(list, n);
      ensures \result.st == TKT_ERR_BAD_LENGTH ||
              \result.st == TKT_ERR_DUPLICATE;
      ensures \result.at < n;
    complete behaviors;
    disjoint behaviors;
*/
static struct exts_walk_res exts_walk(const uint8_t *list, size_t n)
{
	struct exts_walk_res r;
	size_t pos = 0, count = 0, off35 = 0, idx35 = 0;
	int found = 0;

	r.st = TKT_OK;
	r.at = 0;
	r.count = 0;
	r.found = 0;
	r.off35 = 0;
	r.idx35 = 0;
	/*@ loop invariant 0 <= pos <= n;
	    loop invariant cnt4: 4 * count <= pos;
	    loop invariant found == 0 || found == 1;
	    loop invariant wf_ext_list(list, 0, n) <==> wf_ext_list(list, pos, n);
	    loop invariant ext_count(list, 0, n) == count + ext_count(list, pos, n);
	    loop invariant found == 0 ==>
	      (no_ext35(list, 0, n) <==> no_ext35(list, pos, n));
	    loop invariant found == 0 ==>
	      (single_ext35(list, 0, n) <==> single_ext35(list, pos, n));
	    loop invariant found == 0 ==>
	      ext35_off(list, 0, n) == ext35_off(list, pos, n);
	    loop invariant found == 0 ==>
	      ext35_index(list, 0, n) == count + ext35_index(list, pos, n);
	    loop invariant found == 1 ==> !no_ext35(list, 0, n);
	    loop invariant found == 1 ==>
	      (single_ext35(list, 0, n) <==> no_ext35(list, pos, n));
	    loop invariant found == 1 ==>
	      off35 == ext35_off(list, 0, n) &&
	      idx35 == ext35_index(list, 0, n);
	    loop invariant found == 1 ==>
	      off35 + 4 + ext_dlen(list, off35) <= pos &&
	      ext_type(list, off35) == 35;
	    loop assigns pos, count, found, off35, idx35;
	    loop variant n - pos;
	*/
	while (pos < n) {
		size_t next, type;

		if (n - pos < 4) {
			/*@ assert !wf_ext_list(list, pos, n); */
			r.st = TKT_ERR_BAD_LENGTH;
			r.at = pos;
			return r;
		}
		/* pos + 4 + the data length: checked against n before use */
		next = ext_end(list, n, pos);
		if (next > n) {
			/*@ assert !wf_ext_list(list, pos, n); */
			r.st = TKT_ERR_BAD_LENGTH;
			r.at = pos + 2;
			return r;
		}
		type = ext_type_at(list, n, pos);
		/* One unfolding of each recursive definition at pos. */
		/*@ assert step_wf:
		      wf_ext_list(list, pos, n) <==> wf_ext_list(list, next, n); */
		/*@ assert step_count:
		      ext_count(list, pos, n) == 1 + ext_count(list, next, n); */
		if (type == TKT_EXT_SESSION_TICKET) {
			/*@ assert step35_none: !no_ext35(list, pos, n); */
			/*@ assert step35_single:
			      single_ext35(list, pos, n) <==> no_ext35(list, next, n); */
			/*@ assert step35_off: ext35_off(list, pos, n) == pos; */
			/*@ assert step35_index: ext35_index(list, pos, n) == 0; */
			if (found) {
				/*@ assert dup: !single_ext35(list, 0, n); */
				r.st = TKT_ERR_DUPLICATE;
				r.at = pos;
				return r;
			}
			found = 1;
			off35 = pos;
			idx35 = count;
		} else {
			/*@ assert step_none:
			      no_ext35(list, pos, n) <==> no_ext35(list, next, n); */
			/*@ assert step_single:
			      single_ext35(list, pos, n) <==>
			      single_ext35(list, next, n); */
			/*@ assert step_off:
			      ext35_off(list, pos, n) == ext35_off(list, next, n); */
			/*@ assert step_index:
			      ext35_index(list, pos, n) ==
			      1 + ext35_index(list, next, n); */
		}
		pos = next;
		count++;
	}
	/* The end of the chain: pos == n. */
	/*@ assert end_wf: wf_ext_list(list, n, n); */
	/*@ assert end_count: ext_count(list, n, n) == 0; */
	/*@ assert end_none: no_ext35(list, n, n); */
	/*@ assert end_single: single_ext35(list, n, n); */
	/*@ assert body: wf_ext_body(list, n); */
	r.at = n;
	r.count = count;
	r.found = found;
	r.off35 = off35;
	r.idx35 = idx35;
	return r;
}

/* The view of a well-formed list, from what exts_walk found. */
/*@ requires n <= 65535;
    requires \valid_read(list + (0 .. n - 1));
    requires \valid(out) && \separated(out, list + (0 .. n - 1));
    requires wf_ext_body(list, n);
    requires count == ext_count(list, 0, n);
    requires found == 0 || found == 1;
    requires found == 0 <==> no_ext35(list, 0, n);
    requires found == 1 ==>
      off35 == ext35_off(list, 0, n) && idx35 == ext35_index(list, 0, n) &&
      off35 + 4 + ext_dlen(list, off35) <= n && ext_type(list, off35) == 35;
    assigns *out;
    ensures out->list.ptr == list && out->list.len == n;
    ensures exts_view(out);
*/
static void exts_fill(tkt_exts *out, const uint8_t *list, size_t n,
	size_t count, int found, size_t off35, size_t idx35)
{
	out->list.ptr = list;
	out->list.len = n;
	out->count = count;
	out->has_ext35 = found;
	if (found) {
		out->ext35_index = idx35;
		out->ext35_off = off35;
		out->ext35.ptr = list + (off35 + 4);
		out->ext35.len = ext_dlen_at(list, n, off35);
	} else {
		out->ext35_index = 0;
		out->ext35_off = 0;
		out->ext35.ptr = NULL;
		out->ext35.len = 0;
	}
}

/*@ requires n <= 65535;
    requires \valid_read(list + (0 .. n - 1));
    requires \valid(out) && \valid(at);
    requires \separated(out, at);
    requires \separated(out, list + (0 .. n - 1));
    requires \separated(at, list + (0 .. n - 1));
    assigns *out, *at;
    ensures \result == TKT_OK <==> wf_ext_body(list, n);
    behavior ok:
      assumes wf_ext_body(list, n);
      ensures \result == TKT_OK;
      ensures *at == n;
      ensures out->list.ptr == list && out->list.len == n;
      ensures exts_view(out);
    behavior bad:
      assumes !wf_ext_body(list, n);
      assigns *at;
      ensures \result == TKT_ERR_BAD_LENGTH || \result == TKT_ERR_DUPLICATE;
      ensures *at < n;
    complete behaviors;
    disjoint behaviors;
*/
tkt_status tkt_exts_scan_(const uint8_t *list, size_t n, tkt_exts *out,
	size_t *at)
{
	struct exts_walk_res w = exts_walk(list, n);

	*at = w.at;
	if (w.st == TKT_OK)
		exts_fill(out, list, n, w.count, w.found, w.off35, w.idx35);
	return w.st;
}

/*@ requires len == 0 || \valid_read(buf + (0 .. len - 1));
    requires \valid(out) && \valid(at);
    requires \separated(out, at);
    requires \separated(out, buf + (0 .. len - 1));
    requires \separated(at, buf + (0 .. len - 1));
    assigns *out, *at;
    ensures \result == TKT_OK <==> wf_exts(buf, len);
    behavior ok:
      assumes wf_exts(buf, len);
      ensures \result == TKT_OK;
      ensures *at == len;
      ensures out->list.ptr == buf + 2 && out->list.len == len - 2;
      ensures exts_view(out);
    behavior bad:
      assumes !wf_exts(buf, len);
      assigns *at;
      ensures \result == TKT_ERR_TRUNCATED || \result == TKT_ERR_TRAILING ||
              \result == TKT_ERR_BAD_LENGTH || \result == TKT_ERR_DUPLICATE;
      ensures *at <= len;
    complete behaviors;
    disjoint behaviors;
*/
tkt_status tkt_exts_decode(const uint8_t *buf, size_t len, tkt_exts *out,
	size_t *at)
{
	size_t n;
	struct exts_walk_res w;

	if (len < 2) {
		*at = 0;
		return TKT_ERR_TRUNCATED;
	}
	n = buf[0] * 256u + buf[1];
	if (n > len - 2) {
		*at = 0;
		return TKT_ERR_TRUNCATED;
	}
	if (n < len - 2) {
		*at = 2 + n;
		return TKT_ERR_TRAILING;
	}
	/* tkt_exts_scan_ in two steps: WP models a call as writing all that
	   its contract may assign, whatever the behavior, so only a view
	   filled after the walk succeeded shows that a failed decode writes
	   nothing but *at. */
	/*@ assert whole: wf_exts(buf, len) <==> wf_ext_body(buf + 2, n); */
	w = exts_walk(buf + 2, n);
	*at = 2 + w.at;
	if (w.st == TKT_OK) {
		/*@ assert wf_exts(buf, len); */
		exts_fill(out, buf + 2, n, w.count, w.found, w.off35, w.idx35);
	}
	return w.st;
}

/*@ requires \valid_read(x) && \valid(cursor) && \valid(ext);
    requires \valid_read(x->list.ptr + (0 .. x->list.len - 1));
    requires \separated(cursor, ext, x);
    assigns *cursor, *ext;
    behavior more:
      assumes *cursor + 4 <= x->list.len &&
              ext_next(x->list.ptr, *cursor) <= x->list.len;
      ensures \result == 1;
      ensures ext->type == ext_type(x->list.ptr, \old(*cursor));
      ensures ext->data.ptr == x->list.ptr + (\old(*cursor) + 4);
      ensures ext->data.len == ext_dlen(x->list.ptr, \old(*cursor));
      ensures *cursor == ext_next(x->list.ptr, \old(*cursor));
    behavior end:
      assumes !(*cursor + 4 <= x->list.len &&
                ext_next(x->list.ptr, *cursor) <= x->list.len);
      assigns \nothing;
      ensures \result == 0;
    complete behaviors;
    disjoint behaviors;
*/
int tkt_exts_next(const tkt_exts *x, size_t *cursor, tkt_ext *ext)
{
	const uint8_t *l = x->list.ptr;
	size_t n = x->list.len, c = *cursor, dlen;

	/* Any cursor is checked, so a stale or forged one cannot overrun. */
	if (c > n || n - c < 4)
		return 0;
	dlen = l[c + 2] * 256u + l[c + 3];
	if (dlen > n - c - 4)
		return 0;
	ext->type = (uint16_t)(l[c] * 256u + l[c + 1]);
	ext->data.ptr = l + (c + 4);
	ext->data.len = dlen;
	*cursor = c + 4 + dlen;
	return 1;
}

/*
 * The two ways tkt_exts_set_ext35 writes a list of n bytes at l with a
 * SessionTicket extension carrying the m bytes at data, at out + 2 (the
 * block length out[0 .. 1] is the caller's). Each write is followed by
 * the facts the postcondition needs about out so far (sources at Pre)
 * and by the sources being unchanged: the proof carries them across the
 * later writes by the writers' frames.
 */

/* The extension at off (old bytes of data) gets the new data. */
/*@ requires n <= 65535 && m <= 65535;
    requires off + 4 + old <= n;
    requires 2 + n - old + m <= cap;
    requires \valid(out + (0 .. cap - 1));
    requires \valid_read(l + (0 .. n - 1));
    requires \valid_read(data + (0 .. m - 1));
    requires \separated(out + (0 .. cap - 1), l + (0 .. n - 1));
    requires \separated(out + (0 .. cap - 1), data + (0 .. m - 1));
    assigns out[2 .. 2 + n - old + m - 1];
    ensures len: be16(out + (2 + off + 2)) == m;
    ensures new: \forall integer k; 2 + off + 4 <= k < 2 + off + 4 + m ==>
              out[k] == \old(data[k - (2 + off + 4)]);
    ensures tail: \forall integer k; 2 + off + 4 + m <= k < 2 + n - old + m ==>
              out[k] == \old(l[k - (2 - old + m)]);
    ensures head: \forall integer i; 0 <= i < off + 2 ==>
              out[2 + i] == \old(l[i]);
    ensures list_kept: \forall integer i; 0 <= i < n ==> l[i] == \old(l[i]);
    ensures data_kept: \forall integer i; 0 <= i < m ==>
              data[i] == \old(data[i]);
*/
static void replace_ext35(uint8_t *out, size_t cap, const uint8_t *l,
	size_t n, size_t off, size_t old, const uint8_t *data, size_t m)
{
	size_t tail = off + 4 + old;

	/* The header's type bytes are copied; only its length changes. */
	copy_bytes(out, cap, 2, l, off + 2);
	/*@ assert r1_head: \forall integer i; 0 <= i < off + 2 ==>
	      out[2 + i] == \at(l[i], Pre); */
	/*@ assert r1_list: \forall integer i; 0 <= i < n ==>
	      l[i] == \at(l[i], Pre); */
	/*@ assert r1_data: \forall integer i; 0 <= i < m ==>
	      data[i] == \at(data[i], Pre); */
	put16(out, cap, 2 + off + 2, m);
	/*@ assert r2_head: \forall integer i; 0 <= i < off + 2 ==>
	      out[2 + i] == \at(l[i], Pre); */
	/*@ assert r2_m: be16(out + (2 + off + 2)) == m; */
	/*@ assert r2_list: \forall integer i; 0 <= i < n ==>
	      l[i] == \at(l[i], Pre); */
	/*@ assert r2_data: \forall integer i; 0 <= i < m ==>
	      data[i] == \at(data[i], Pre); */
	copy_bytes(out, cap, 2 + off + 4, data, m);
	/*@ assert r3_head: \forall integer i; 0 <= i < off + 2 ==>
	      out[2 + i] == \at(l[i], Pre); */
	/*@ assert r3_m: be16(out + (2 + off + 2)) == m; */
	/*@ assert r3_new: \forall integer k;
	      2 + off + 4 <= k < 2 + off + 4 + m ==>
	      (\let j = k - (2 + off + 4); out[k] == \at(data[j], Pre)); */
	/*@ assert r3_list: \forall integer i; 0 <= i < n ==>
	      l[i] == \at(l[i], Pre); */
	/*@ assert r3_data: \forall integer i; 0 <= i < m ==>
	      data[i] == \at(data[i], Pre); */
	copy_bytes(out, cap, 2 + off + 4 + m, l + tail, n - tail);
	/*@ assert r4_head: \forall integer i; 0 <= i < off + 2 ==>
	      out[2 + i] == \at(l[i], Pre); */
	/*@ assert r4_m: be16(out + (2 + off + 2)) == m; */
	/*@ assert r4_new: \forall integer k;
	      2 + off + 4 <= k < 2 + off + 4 + m ==>
	      (\let j = k - (2 + off + 4); out[k] == \at(data[j], Pre)); */
	/*@ assert r4_tail: \forall integer k;
	      2 + off + 4 + m <= k < 2 + n - old + m ==>
	      (\let j = k - (2 - old + m); out[k] == \at(l[j], Pre)); */
	/*@ assert r4_list: \forall integer i; 0 <= i < n ==>
	      l[i] == \at(l[i], Pre); */
	/*@ assert r4_data: \forall integer i; 0 <= i < m ==>
	      data[i] == \at(data[i], Pre); */
}

/* A new extension 35 after the n bytes of the list. */
/*@ requires n <= 65535 && m <= 65535;
    requires 2 + n + 4 + m <= cap;
    requires \valid(out + (0 .. cap - 1));
    requires \valid_read(l + (0 .. n - 1));
    requires \valid_read(data + (0 .. m - 1));
    requires \separated(out + (0 .. cap - 1), l + (0 .. n - 1));
    requires \separated(out + (0 .. cap - 1), data + (0 .. m - 1));
    assigns out[2 .. 2 + n + 4 + m - 1];
    ensures list: \forall integer i; 0 <= i < n ==> out[2 + i] == l[i];
    ensures type: be16(out + (2 + n)) == 35;
    ensures len: be16(out + (2 + n + 2)) == m;
    ensures new: \forall integer k; 2 + n + 4 <= k < 2 + n + 4 + m ==>
              out[k] == data[k - (2 + n + 4)];
*/
static void append_ext35(uint8_t *out, size_t cap, const uint8_t *l,
	size_t n, const uint8_t *data, size_t m)
{
	copy_bytes(out, cap, 2, l, n);
	/*@ assert a1_list_copy: \forall integer i; 0 <= i < n ==>
	      out[2 + i] == \at(l[i], Pre); */
	/*@ assert a1_list: \forall integer i; 0 <= i < n ==>
	      l[i] == \at(l[i], Pre); */
	/*@ assert a1_data: \forall integer i; 0 <= i < m ==>
	      data[i] == \at(data[i], Pre); */
	put16(out, cap, 2 + n, TKT_EXT_SESSION_TICKET);
	/*@ assert a2_list_copy: \forall integer i; 0 <= i < n ==>
	      out[2 + i] == \at(l[i], Pre); */
	/*@ assert a2_type: be16(out + (2 + n)) == 35; */
	/*@ assert a2_list: \forall integer i; 0 <= i < n ==>
	      l[i] == \at(l[i], Pre); */
	/*@ assert a2_data: \forall integer i; 0 <= i < m ==>
	      data[i] == \at(data[i], Pre); */
	put16(out, cap, 2 + n + 2, m);
	/*@ assert a3_list_copy: \forall integer i; 0 <= i < n ==>
	      out[2 + i] == \at(l[i], Pre); */
	/*@ assert a3_type: be16(out + (2 + n)) == 35; */
	/*@ assert a3_m: be16(out + (2 + n + 2)) == m; */
	/*@ assert a3_list: \forall integer i; 0 <= i < n ==>
	      l[i] == \at(l[i], Pre); */
	/*@ assert a3_data: \forall integer i; 0 <= i < m ==>
	      data[i] == \at(data[i], Pre); */
	copy_bytes(out, cap, 2 + n + 4, data, m);
	/*@ assert a4_list_copy: \forall integer i; 0 <= i < n ==>
	      out[2 + i] == \at(l[i], Pre); */
	/*@ assert a4_type: be16(out + (2 + n)) == 35; */
	/*@ assert a4_m: be16(out + (2 + n + 2)) == m; */
	/*@ assert a4_new: \forall integer k;
	      2 + n + 4 <= k < 2 + n + 4 + m ==>
	      (\let j = k - (2 + n + 4); out[k] == \at(data[j], Pre)); */
	/*@ assert a4_list: \forall integer i; 0 <= i < n ==>
	      l[i] == \at(l[i], Pre); */
	/*@ assert a4_data: \forall integer i; 0 <= i < m ==>
	      data[i] == \at(data[i], Pre); */
}

/*@ requires \valid_read(x) && exts_view(x);
    assigns \nothing;
    ensures m <= 65535 && set_list_len(x, m) <= 65535 ==>
            \result == 2 + set_list_len(x, m);
    ensures !(m <= 65535 && set_list_len(x, m) <= 65535) ==> \result == 0;
*/
size_t tkt_exts_set_ext35_size(const tkt_exts *x, size_t m)
{
	size_t base;

	if (m > 65535u)
		return 0;
	base = x->has_ext35 ? x->list.len - x->ext35.len : x->list.len + 4u;
	/* base first: 65535u - base must not wrap */
	if (base > 65535u || m > 65535u - base)
		return 0;
	return 2 + base + m;
}

/*@ requires \valid_read(x) && exts_view(x);
    requires \valid_read(data + (0 .. m - 1));
    requires \valid(out + (0 .. cap - 1)) && \valid(written);
    // Only what is written is kept apart: data may lie in the list (the
    // extension's own data, say).
    requires \separated(out + (0 .. cap - 1), x, written);
    requires \separated(out + (0 .. cap - 1),
                        x->list.ptr + (0 .. x->list.len - 1));
    requires \separated(out + (0 .. cap - 1), data + (0 .. m - 1));
    requires \separated(written, x, x->list.ptr + (0 .. x->list.len - 1));
    requires \separated(written, data + (0 .. m - 1));
    assigns out[0 .. cap - 1], *written;
    behavior arg:
      assumes !(m <= 65535 && set_list_len(x, m) <= 65535);
      assigns *written;
      ensures \result == TKT_ERR_ARG && *written == 0;
    behavior small:
      assumes m <= 65535 && set_list_len(x, m) <= 65535;
      assumes cap < 2 + set_list_len(x, m);
      assigns *written;
      ensures \result == TKT_ERR_BUFFER_TOO_SMALL;
      ensures *written == 2 + set_list_len(x, m);
    behavior replace:
      assumes m <= 65535 && set_list_len(x, m) <= 65535;
      assumes cap >= 2 + set_list_len(x, m);
      assumes x->has_ext35 == 1;
      ensures \result == TKT_OK;
      ensures *written == 2 + set_list_len(x, m);
      ensures be16(out) == set_list_len(x, m);
      ensures \forall integer i; 0 <= i < x->ext35_off + 2 ==>
                out[2 + i] == x->list.ptr[i];
      ensures be16(out + (2 + x->ext35_off + 2)) == m;
      ensures \forall integer i; 0 <= i < m ==>
                out[2 + x->ext35_off + 4 + i] == data[i];
      ensures \forall integer i;
                x->ext35_off + 4 + x->ext35.len <= i < x->list.len ==>
                out[2 + i - x->ext35.len + m] == x->list.ptr[i];
      // The head, the new data and the tail again, by the index in out,
      // the form in which callers join them (proofs/rt_exts.c).
      ensures head_at: \forall integer k; 2 <= k < 2 + x->ext35_off + 2 ==>
                out[k] == x->list.ptr[k - 2];
      ensures new_at: \forall integer k;
                2 + x->ext35_off + 4 <= k < 2 + x->ext35_off + 4 + m ==>
                out[k] == data[k - (2 + x->ext35_off + 4)];
      ensures tail_at: \forall integer k;
                2 + x->ext35_off + 4 + m <= k < 2 + set_list_len(x, m) ==>
                out[k] == x->list.ptr[k - 2 + x->ext35.len - m];
    behavior append:
      assumes m <= 65535 && set_list_len(x, m) <= 65535;
      assumes cap >= 2 + set_list_len(x, m);
      assumes x->has_ext35 == 0;
      ensures \result == TKT_OK;
      ensures *written == 2 + set_list_len(x, m);
      ensures be16(out) == set_list_len(x, m);
      ensures \forall integer i; 0 <= i < x->list.len ==>
                out[2 + i] == x->list.ptr[i];
      ensures be16(out + (2 + x->list.len)) == 35;
      ensures be16(out + (2 + x->list.len + 2)) == m;
      ensures \forall integer i; 0 <= i < m ==>
                out[2 + x->list.len + 4 + i] == data[i];
    complete behaviors;
    disjoint behaviors;
*/
tkt_status tkt_exts_set_ext35(const tkt_exts *x, const uint8_t *data,
	size_t m, uint8_t *out, size_t cap, size_t *written)
{
	size_t need = tkt_exts_set_ext35_size(x, m);
	size_t n = x->list.len;

	if (need == 0) {
		*written = 0;
		return TKT_ERR_ARG;
	}
	if (cap < need) {
		*written = need;
		return TKT_ERR_BUFFER_TOO_SMALL;
	}
	/*
	 * The size is stored first, so that the fields of the view read
	 * below are those of the final state (written is not in the view).
	 */
	*written = need;
	/*@ assert view_kept: x->list.len == n &&
	      x->ext35_off == \at(x->ext35_off, Pre) &&
	      x->ext35.len == \at(x->ext35.len, Pre); */
	put16(out, cap, 0, need - 2);
	/*@ assert s_len: be16(out) == need - 2; */
	if (x->has_ext35)
		replace_ext35(out, cap, x->list.ptr, n, x->ext35_off,
			x->ext35.len, data, m);
	else
		append_ext35(out, cap, x->list.ptr, n, data, m);
	return TKT_OK;
}

/*@ requires \valid_read(x) && exts_view(x);
    assigns \nothing;
    ensures x->has_ext35 == 1 ==>
            \result == 2 + x->list.len - 4 - x->ext35.len;
    ensures x->has_ext35 == 0 ==> \result == 2 + x->list.len;
*/
size_t tkt_exts_remove_ext35_size(const tkt_exts *x)
{
	if (x->has_ext35)
		return 2 + x->list.len - 4 - x->ext35.len;
	return 2 + x->list.len;
}

/*@ requires \valid_read(x) && exts_view(x);
    requires \valid(out + (0 .. cap - 1)) && \valid(written);
    requires \separated(out + (0 .. cap - 1), x, written,
                        x->list.ptr + (0 .. x->list.len - 1));
    requires \separated(written, x, x->list.ptr + (0 .. x->list.len - 1));
    assigns out[0 .. cap - 1], *written;
    behavior small:
      assumes x->has_ext35 == 1 ? cap < 2 + x->list.len - 4 - x->ext35.len
                                : cap < 2 + x->list.len;
      assigns *written;
      ensures \result == TKT_ERR_BUFFER_TOO_SMALL;
      ensures x->has_ext35 == 1 ==>
              *written == 2 + x->list.len - 4 - x->ext35.len;
      ensures x->has_ext35 == 0 ==> *written == 2 + x->list.len;
    behavior drop:
      assumes x->has_ext35 == 1;
      assumes cap >= 2 + x->list.len - 4 - x->ext35.len;
      ensures \result == TKT_OK;
      ensures *written == 2 + x->list.len - 4 - x->ext35.len;
      ensures be16(out) == x->list.len - 4 - x->ext35.len;
      ensures \forall integer i; 0 <= i < x->ext35_off ==>
                out[2 + i] == x->list.ptr[i];
      ensures \forall integer i;
                x->ext35_off + 4 + x->ext35.len <= i < x->list.len ==>
                out[2 + i - 4 - x->ext35.len] == x->list.ptr[i];
    behavior keep:
      assumes x->has_ext35 == 0;
      assumes cap >= 2 + x->list.len;
      ensures \result == TKT_OK;
      ensures *written == 2 + x->list.len;
      ensures be16(out) == x->list.len;
      ensures \forall integer i; 0 <= i < x->list.len ==>
                out[2 + i] == x->list.ptr[i];
    complete behaviors;
    disjoint behaviors;
*/
tkt_status tkt_exts_remove_ext35(const tkt_exts *x, uint8_t *out, size_t cap,
	size_t *written)
{
	size_t need = tkt_exts_remove_ext35_size(x);
	size_t n = x->list.len;

	if (cap < need) {
		*written = need;
		return TKT_ERR_BUFFER_TOO_SMALL;
	}
	put16(out, cap, 0, need - 2);
	/*@ assert s_len: be16(out) == need - 2; */
	/*@ assert s_list: \forall integer i; 0 <= i < n ==>
	      x->list.ptr[i] == \at(x->list.ptr[i], Pre); */
	if (x->has_ext35) {
		size_t off = x->ext35_off, old = x->ext35.len;
		size_t tail = off + 4 + old;

		copy_bytes(out, cap, 2, x->list.ptr, off);
		/*@ assert d1_len: be16(out) == need - 2; */
		/*@ assert d1_head: \forall integer i; 0 <= i < off ==>
		      out[2 + i] == \at(x->list.ptr[i], Pre); */
		/*@ assert d1_list: \forall integer i; 0 <= i < n ==>
		      x->list.ptr[i] == \at(x->list.ptr[i], Pre); */
		copy_bytes(out, cap, 2 + off, x->list.ptr + tail, n - tail);
		/*@ assert d2_len: be16(out) == need - 2; */
		/*@ assert d2_head: \forall integer i; 0 <= i < off ==>
		      out[2 + i] == \at(x->list.ptr[i], Pre); */
		/*@ assert d2_tail: \forall integer k;
		      2 + off <= k < 2 + n - 4 - old ==>
		      (\let j = k - (2 - 4 - old);
		       out[k] == \at(x->list.ptr[j], Pre)); */
		/*@ assert d2_list: \forall integer i; 0 <= i < n ==>
		      x->list.ptr[i] == \at(x->list.ptr[i], Pre); */
	} else {
		copy_bytes(out, cap, 2, x->list.ptr, n);
		/*@ assert k1_len: be16(out) == need - 2; */
		/*@ assert k1_copy: \forall integer i; 0 <= i < n ==>
		      out[2 + i] == \at(x->list.ptr[i], Pre); */
		/*@ assert k1_list: \forall integer i; 0 <= i < n ==>
		      x->list.ptr[i] == \at(x->list.ptr[i], Pre); */
	}
	*written = need;
	return TKT_OK;
}
