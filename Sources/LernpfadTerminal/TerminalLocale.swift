import Glibc

/// Sets the C locale up so that curses reads and writes UTF-8, even when the process starts in
/// the `C` locale (CI machines, containers, many servers), where umlauts would come out broken
/// and line drawing as `qqqq`.
enum TerminalLocale {
    /// The locales tried, in order, for the character type when the user's is not UTF-8.
    private static let utf8Fallbacks = ["C.UTF-8", "C.utf8", "en_US.UTF-8"]

    /// Adopts the user's locale from the environment, then switches the character type to a
    /// UTF-8 locale if the user's is not one. Numbers stay in the `C` locale so that no C
    /// formatting or parsing in the process starts writing decimal commas.
    ///
    /// - Returns: Whether the character type is UTF-8 afterwards.
    @discardableResult
    static func adoptUTF8() -> Bool {
        adoptUserLocale()
        return switchToUTF8()
    }

    /// Adopts the user's locale from the environment, numbers in the `C` locale.
    ///
    /// - Returns: Whether the user's character type is UTF-8 (else their terminal expects another encoding).
    @discardableResult
    static func adoptUserLocale() -> Bool {
        // setlocale(LC_ALL, "") fails as a whole when one category names a locale this machine lacks (say
        // LC_MESSAGES=de_DE.UTF-8 with only C.UTF-8 installed), and leaves everything in "C". The character
        // type is what the terminal's encoding depends on, so it is adopted on its own as well.
        if setlocale(LC_ALL, "") == nil { setlocale(LC_CTYPE, "") }
        setlocale(LC_NUMERIC, "C")
        if characterTypeIsUTF8 { return true }
        // A UTF-8 locale that is named but not installed still says the terminal speaks UTF-8.
        guard namesUTF8(requestedCharacterType()) else { return false }
        return switchToUTF8()
    }

    /// The locale name the environment asks for the character type: `LC_ALL`, else `LC_CTYPE`, else `LANG`.
    static func requestedCharacterType(_ environment: [String: String] = currentEnvironment()) -> String {
        for key in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = environment[key], !value.isEmpty { return value }
        }
        return ""
    }

    /// Whether a locale name such as `de_DE.UTF-8` or `en_GB.utf8@euro` names the UTF-8 codeset.
    static func namesUTF8(_ locale: String) -> Bool {
        guard let dot = locale.firstIndex(of: ".") else { return false }
        let codeset = locale[locale.index(after: dot)...].prefix { $0 != "@" }.uppercased()
        return codeset == "UTF-8" || codeset == "UTF8"
    }

    private static func currentEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        for key in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = getenv(key) { result[key] = String(cString: value) }
        }
        return result
    }

    /// Switches the character type to a UTF-8 locale if it is not one; returns whether it is UTF-8 afterwards.
    @discardableResult
    static func switchToUTF8() -> Bool {
        if characterTypeIsUTF8 { return true }
        for name in utf8Fallbacks where setlocale(LC_CTYPE, name) != nil {
            if characterTypeIsUTF8 { return true }
        }
        return false
    }

    /// Whether the current `LC_CTYPE` codeset is UTF-8.
    static var characterTypeIsUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
