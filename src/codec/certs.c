/*
 * Iteration over the certificate_list of a decoded StatePlaintext
 * (tkt_state_next_cert, tkt/codec.h).
 *
 * The list was checked when it was decoded or encoded, but the cursor is
 * the caller's: every step re-checks its bounds, so a stale or forged
 * cursor ends the iteration instead of reading outside the list.
 */
#include <stddef.h>
#include <stdint.h>

#include "tkt/codec.h"

#ifndef TKT_NO_CERT_IDENTITY

#ifdef __FRAMAC__
#include "tkt_spec.h"
#endif

/*@ requires \valid_read(s) && \valid(cursor) && \valid(cert);
    requires \valid_read(s->cert_list.ptr + (0 .. s->cert_list.len - 1));
    requires \separated(cursor, cert, s);
    requires \separated(cursor, cert, s->cert_list.ptr + (0 .. s->cert_list.len - 1));
    behavior next:
      assumes s->identity == TKT_IDENTITY_CERTIFICATE;
      assumes *cursor <= s->cert_list.len;
      assumes *cursor + 3 <= s->cert_list.len;
      assumes be24((uint8_t *)s->cert_list.ptr + *cursor) >= 1;
      assumes *cursor + 3 + be24((uint8_t *)s->cert_list.ptr + *cursor)
              <= s->cert_list.len;
      assigns *cursor, *cert;
      ensures \result == 1;
      ensures cert->ptr == s->cert_list.ptr + \old(*cursor) + 3;
      ensures cert->len == be24((uint8_t *)s->cert_list.ptr + \old(*cursor));
      ensures *cursor == \old(*cursor) + 3 + cert->len;
      ensures certs_wf((uint8_t *)s->cert_list.ptr, \old(*cursor),
                       s->cert_list.len) ==>
              certs_wf((uint8_t *)s->cert_list.ptr, *cursor, s->cert_list.len);
    behavior end:
      assumes !(s->identity == TKT_IDENTITY_CERTIFICATE &&
                *cursor <= s->cert_list.len &&
                *cursor + 3 <= s->cert_list.len &&
                be24((uint8_t *)s->cert_list.ptr + *cursor) >= 1 &&
                *cursor + 3 + be24((uint8_t *)s->cert_list.ptr + *cursor)
                  <= s->cert_list.len);
      assigns \nothing;
      ensures \result == 0;
    complete behaviors;
    disjoint behaviors;
*/
int tkt_state_next_cert(const tkt_state *s, size_t *cursor, tkt_bytes *cert)
{
	const uint8_t *p = s->cert_list.ptr;
	size_t n = s->cert_list.len;
	size_t i = *cursor;
	size_t c;

	if (s->identity != TKT_IDENTITY_CERTIFICATE || i > n || n - i < 3u)
		return 0;
	c = ((size_t)p[i] * 256u + p[i + 1u]) * 256u + p[i + 2u];
	if (c == 0u || c > n - i - 3u)
		return 0;
	/*@ for next: assert step: certs_wf(p, i, n) ==> certs_wf(p, i + 3 + c, n); */
	cert->ptr = p + i + 3u;
	cert->len = c;
	*cursor = i + 3u + c;
	return 1;
}

#else
/* ISO C wants at least one declaration in a translation unit. */
typedef int tkt_certs_left_out;
#endif
