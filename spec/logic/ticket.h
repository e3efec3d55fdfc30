/* Logic of the ticket structure: see spec/formats.md. */
#ifndef TKT_SPEC_TICKET_H
#define TKT_SPEC_TICKET_H

#endif
