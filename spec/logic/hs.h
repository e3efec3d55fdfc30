/* Logic of the hs structure: see spec/formats.md. */
#ifndef TKT_SPEC_HS_H
#define TKT_SPEC_HS_H

#endif
