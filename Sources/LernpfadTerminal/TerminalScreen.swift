import CNCurses
import Glibc
import LernpfadUI

/// The terminal, taken over by curses: draws a ``Canvas`` and reads keys as ``Key`` values.
///
/// Use it from the main thread only, one at a time. ``start(useColor:)`` sets up the locale,
/// curses and the signal handling (see ``TerminalSignals``); ``stop()`` gives the terminal back
/// and runs on `deinit` too.
public final class TerminalScreen {
    /// The curses screen, `nil` once stopped.
    var screen: OpaquePointer?
    /// The window everything is drawn in and read from, `nil` once stopped.
    var window: UnsafeMutablePointer<WINDOW>?
    /// How roles and attributes look on this terminal.
    let palette: TerminalPalette
    /// The canvas last drawn, to redraw only the cells that changed; `nil` forces a full redraw.
    var shown: Canvas?
    /// The screen size when ``shown`` was drawn.
    var shownSize: (width: Int, height: Int) = (0, 0)
    /// The glyphs the terminal can show: with ``GlyphSet/ascii`` every cell is drawn in its ASCII form and box
    /// glyphs with the terminal's line characters.
    public let glyphs: GlyphSet

    /// Makes the object for a started curses screen.
    private init(
        screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, palette: TerminalPalette, glyphs: GlyphSet
    ) {
        self.screen = screen
        self.window = window
        self.palette = palette
        self.glyphs = glyphs
    }

    deinit {
        stop()
    }

    /// Takes over the terminal on standard input and output.
    ///
    /// Adopts the user's locale and switches the character type to UTF-8 if it is not (so that
    /// umlauts and line drawing work when started in the `C` locale), installs
    /// ``TerminalSignals``, starts curses in raw mode (Ctrl-C arrives as `.control("c")`) without
    /// echo, with the keypad decoded, the cursor hidden (but moved to the focus, see ``draw(_:)``), a 25 ms
    /// escape delay and, unless switched off, mouse clicks and the wheel reported.
    ///
    /// - Parameters:
    ///   - useColor: Use colours if the terminal has them; `false` for `NO_COLOR` or
    ///     `--no-color`. Without colour, roles are shown with attributes only.
    ///   - mouse: Report clicks and the wheel; `false` (config.yaml `mouse: false`) leaves the mouse to the
    ///     terminal, so that selecting and copying text works as usual.
    ///   - glyphs: Unicode or ASCII glyphs, or decided from the locale and `TERM`. With ASCII glyphs the user's
    ///     locale is kept (the terminal expects its encoding), else the character type is switched to UTF-8.
    /// - Throws: ``TerminalError`` when standard input or output is not a terminal or `TERM`
    ///   names no known terminal.
    public static func start(
        useColor: Bool, mouse: Bool = true, glyphs preference: GlyphPreference = .auto
    ) throws -> TerminalScreen {
        guard isTerminal(0), isTerminal(1) else { throw TerminalError.notATerminal }
        let localeIsUTF8 = TerminalLocale.adoptUserLocale()
        let glyphs = GlyphSet.detect(preference: preference, localeIsUTF8: localeIsUTF8, terminal: terminalType)
        if glyphs == .unicode { TerminalLocale.switchToUTF8() }
        TerminalCrashGuard.install()
        TerminalSignals.install()
        guard let screen = newterm(nil, lernpfad_stdout(), lernpfad_stdin()), let window = lernpfad_stdscr() else {
            TerminalSignals.uninstall()
            throw TerminalError.unknownTerminalType(terminalType)
        }
        raw()
        noecho()
        nonl()
        keypad(window, true)
        // curses must put the (hidden) cursor where ``draw(_:)`` moved it: assistive technology reads there.
        leaveok(window, false)
        curs_set(0)
        set_escdelay(25)
        if mouse {
            mousemask(lernpfad_mouse_mask(), nil)
            mouseinterval(0)
        }
        let palette = TerminalPalette.start(useColor: useColor)
        return TerminalScreen(screen: screen, window: window, palette: palette, glyphs: glyphs)
    }

    /// The terminal's size in columns and rows; (0, 0) once stopped.
    public var size: (width: Int, height: Int) {
        guard let window else { return (0, 0) }
        return (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Whether curses still owns the terminal (``stop()`` has not run).
    public var isActive: Bool { screen != nil }

    /// Gives the terminal back: leaves curses (`endwin()`), frees the screen and restores the
    /// default signal handling. Does nothing the second time.
    ///
    /// If a terminating signal arrived and was not acted on yet, the process ends here, after
    /// the terminal is restored (see ``TerminalSignals``).
    public func stop() {
        guard let screen else { return }
        endwin()
        delscreen(screen)
        self.screen = nil
        window = nil
        shown = nil
        TerminalSignals.uninstall()
    }

    /// The terminal type from the environment, for error messages.
    private static var terminalType: String? {
        guard let value = getenv("TERM") else { return nil }
        let name = String(cString: value)
        return name.isEmpty ? nil : name
    }
}
