/* Test harness only, never shipped: Go (since 1.22) takes its random numbers from
 * ProcessPrng in bcryptprimitives.dll, which every Windows 10 and 11 has but Debian's
 * Wine 8 lacks, so a Go program dies at start under it ("bcryptprimitives.dll not found").
 * scripts/check-windows.sh compiles this stand-in with MinGW into the Wine prefix's
 * system32; it forwards to RtlGenRandom (advapi32's SystemFunction036), which Wine has. */
#include <windows.h>

#define RtlGenRandom SystemFunction036
BOOLEAN NTAPI RtlGenRandom(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!RtlGenRandom(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
