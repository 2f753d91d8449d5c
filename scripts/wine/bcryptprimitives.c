/* Stub bcryptprimitives.dll for wine 8, which lacks it. Rust >= 1.78 imports ProcessPrng from it for
 * random bytes (HashMap seeds); Windows 10+ has it. We wrap advapi32's SystemFunction036 (RtlGenRandom),
 * which wine has. Test setup only: never shipped (scripts/wine-env builds it). */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
