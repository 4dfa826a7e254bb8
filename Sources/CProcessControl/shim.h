#ifndef LERNPFAD_CPROCESSCONTROL_SHIM_H
#define LERNPFAD_CPROCESSCONTROL_SHIM_H

#include <signal.h>

#if defined(__linux__)
#include <sys/prctl.h>
#endif

// prctl(2) is variadic, which Swift cannot call: lernpfad-lrs asks for its parent-death signal through
// this. Returns 0 on success, -1 where the system has no such request (not Linux).
static inline int lernpfad_die_with_parent(int signal) {
#if defined(__linux__)
    return prctl(PR_SET_PDEATHSIG, (unsigned long)signal, 0UL, 0UL, 0UL);
#else
    (void)signal;
    return -1;
#endif
}

#endif
