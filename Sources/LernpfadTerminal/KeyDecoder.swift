import CNCurses
import LernpfadUI

/// Turns what curses reads into ``Key`` values. Pure apart from reading curses' constants.
enum KeyDecoder {
    /// What a curses function-key code stands for.
    enum FunctionKey: Equatable {
        /// A key the UI knows.
        case key(Key)
        /// `KEY_RESIZE`: the terminal changed size.
        case resize
        /// `KEY_MOUSE`: a mouse event waits to be fetched with `getmouse`.
        case mouse
        /// A key the UI has no use for.
        case ignored
    }

    /// The key for a character code from `wget_wch`: Enter (10, 13), Tab (9), Backspace (127,
    /// 8), Escape (27), Ctrl plus a letter (1–26) and printable characters. `nil` for any other
    /// control character and for values that are no Unicode scalar.
    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return Unicode.Scalar(0x60 + value).map { .control(Character($0)) }
        default: break
        }
        guard let scalar = Unicode.Scalar(value), !CellGlyph.isControl(scalar) else { return nil }
        return .character(Character(scalar))
    }

    /// What a function-key code from `wget_wch` (`KEY_UP` and so on) stands for.
    static func decode(functionKey code: Int32) -> FunctionKey {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE, KEY_A3: return .key(.pageUp)
        case KEY_NPAGE, KEY_C3: return .key(.pageDown)
        case KEY_HOME, KEY_A1, KEY_FIND: return .key(.home)
        case KEY_END, KEY_C1, KEY_SELECT: return .key(.end)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_ENTER: return .key(.enter)
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return .mouse
        default: return .ignored
        }
    }

    /// The key for a mouse event's button state at a cell: the wheel up or down, or a click for
    /// a press (or click) of the first button. `nil` for anything else.
    static func key(forMouseButtons buttons: mmask_t, row: Int, column: Int) -> Key? {
        if buttons & lernpfad_button4_pressed() != 0 { return .wheelUp }
        if buttons & lernpfad_button5_pressed() != 0 { return .wheelDown }
        if buttons & lernpfad_button1_clicked() != 0 { return .click(row: row, column: column) }
        return nil
    }
}
