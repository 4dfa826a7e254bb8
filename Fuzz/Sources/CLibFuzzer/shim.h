// libFuzzer's documented entry for programs that keep their own main(); it lives in the libclang_rt.fuzzer
// archive that -sanitize=fuzzer links, so no library is named here.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
