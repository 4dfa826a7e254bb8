import LernpfadCore

/// The sanitizer for untrusted text, shared with the command line: see ``LernpfadCore/TerminalSafeText``.
///
/// It lives in LernpfadCore so that every text lernpfad prints, in the TUI and on the command line, passes
/// through one definition; this alias keeps the name the UI has always used.
public typealias TerminalSafeText = LernpfadCore.TerminalSafeText

/// Terminal columns of text, shared with the command line: see ``LernpfadCore/DisplayWidth``.
public typealias DisplayWidth = LernpfadCore.DisplayWidth
