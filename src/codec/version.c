/* The linked library's version (tkt/version.h). */
#include "tkt/version.h"

#ifdef __FRAMAC__
#include "tkt_spec.h"
#endif

/*@ assigns \nothing;
    ensures \valid_read(\result);
*/
const char *tkt_version(void)
{
	return TKT_VERSION_STRING;
}
