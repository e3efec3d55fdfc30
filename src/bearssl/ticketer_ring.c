/*
 * The tkt_br_ticketer_class over tkt's seal layer (tkt/seal.h).
 */
#include <string.h>

#include "internal.h"

static tkt_status ring_seal(const tkt_br_ticketer_class **ctx,
	const tkt_state *st, uint32_t now, uint8_t *ticket, size_t cap,
	size_t *ticket_len, uint32_t *hint)
{
	const tkt_br_ring_ticketer *t =
		(const tkt_br_ring_ticketer *)(const void *)ctx;

	return tkt_seal(t->ring, t->rng, st, now, t->session_lifetime, ticket,
		cap, ticket_len, hint);
}

static tkt_status ring_open(const tkt_br_ticketer_class **ctx,
	const uint8_t *ticket, size_t ticket_len, uint32_t now, uint8_t *buf,
	size_t cap, tkt_state *st)
{
	tkt_br_ring_ticketer *t = (tkt_br_ring_ticketer *)(void *)ctx;

	return tkt_open(t->ring, t->policy, now, ticket, ticket_len, buf, cap,
		st, NULL, &t->stats);
}

static const tkt_br_ticketer_class ring_vtable = { ring_seal, ring_open };

void tkt_br_ring_ticketer_init(tkt_br_ring_ticketer *t, const tkt_ring *ring,
	tkt_drbg *rng, const tkt_policy *policy, uint32_t session_lifetime)
{
	memset(t, 0, sizeof *t);
	t->vtable = &ring_vtable;
	t->ring = ring;
	t->rng = rng;
	t->policy = policy;
	t->session_lifetime = session_lifetime;
}
