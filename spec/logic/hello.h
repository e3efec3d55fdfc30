/* Logic of the hello structure: see spec/formats.md. */
#ifndef TKT_SPEC_HELLO_H
#define TKT_SPEC_HELLO_H

#endif
