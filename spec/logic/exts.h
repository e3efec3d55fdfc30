/* Logic of the exts structure: see spec/formats.md. */
#ifndef TKT_SPEC_EXTS_H
#define TKT_SPEC_EXTS_H

#endif
