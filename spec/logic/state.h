/* Logic of the state structure: see spec/formats.md. */
#ifndef TKT_SPEC_STATE_H
#define TKT_SPEC_STATE_H

#endif
