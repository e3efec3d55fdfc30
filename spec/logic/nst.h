/* Logic of the nst structure: see spec/formats.md. */
#ifndef TKT_SPEC_NST_H
#define TKT_SPEC_NST_H

#endif
