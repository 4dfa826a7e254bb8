#ifndef LERNPFAD_CNCURSES_SHIM_H
#define LERNPFAD_CNCURSES_SHIM_H

// SwiftPM drops -D_XOPEN_SOURCE=600 from ncursesw.pc, which hides the
// wide-character API; ask for it here instead.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift 6 refuses shared mutable C globals and does not import the
// attribute macros, so the Terminal layer reaches them through these.
static inline WINDOW *lernpfad_stdscr(void) { return stdscr; }
static inline int lernpfad_lines(void) { return LINES; }
static inline int lernpfad_cols(void) { return COLS; }
static inline attr_t lernpfad_a_bold(void) { return A_BOLD; }
static inline attr_t lernpfad_a_reverse(void) { return A_REVERSE; }
static inline attr_t lernpfad_a_underline(void) { return A_UNDERLINE; }
static inline attr_t lernpfad_a_dim(void) { return A_DIM; }
static inline attr_t lernpfad_a_italic(void) { return A_ITALIC; }
static inline attr_t lernpfad_a_normal(void) { return A_NORMAL; }
static inline attr_t lernpfad_color_pair(short pair) { return COLOR_PAIR(pair); }
static inline mmask_t lernpfad_mouse_mask(void) {
    return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline mmask_t lernpfad_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED; }
static inline mmask_t lernpfad_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t lernpfad_button5_pressed(void) { return BUTTON5_PRESSED; }

// A line-drawing character of the terminal's alternate character set (ACS), by its VT100 code ('q' is the
// horizontal line): acs_map is a global array that Swift 6 refuses, and the ACS_ macros index it.
static inline chtype lernpfad_acs(char code) { return NCURSES_ACS(code); }

// The C library's standard streams and the colour limits known after start_color(): globals
// Swift 6 refuses to touch directly.
static inline FILE *lernpfad_stdin(void) { return stdin; }
static inline FILE *lernpfad_stdout(void) { return stdout; }
static inline int lernpfad_colors(void) { return COLORS; }
static inline int lernpfad_color_pairs(void) { return COLOR_PAIRS; }

// The width the C library gives a wide character (what curses advances by). glibc declares
// wcwidth only for _XOPEN_SOURCE, which the Swift Glibc module is not built with.
extern int wcwidth(wchar_t);
static inline int lernpfad_wcwidth(wchar_t character) { return wcwidth(character); }

#endif
