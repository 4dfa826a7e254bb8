import Foundation
import LernpfadCore

/// Where content and data live, decided once from flags and the environment.
///
/// Only the executable reads the environment; everything below it gets these paths passed in.
struct Locations {
    var content: String
    var data: String

    /// `--content`, else `$LERNPFAD_CONTENT`, else the Content folder shipped with the build.
    /// `--data`, else `$LERNPFAD_DATA`, else `$XDG_DATA_HOME/lernpfad`, else `~/.local/share/lernpfad`.
    static func resolve(content flag: String?, data dataFlag: String?, environment: [String: String]) -> Locations {
        let content = flag ?? environment["LERNPFAD_CONTENT"].nonEmpty ?? shippedContent()
        let data: String
        if let dataFlag {
            data = dataFlag
        } else if let fromEnvironment = environment["LERNPFAD_DATA"].nonEmpty {
            data = fromEnvironment
        } else if let xdg = environment["XDG_DATA_HOME"].nonEmpty, xdg.hasPrefix("/") {
            data = xdg + "/lernpfad"
        } else {
            let home = environment["HOME"].nonEmpty ?? NSHomeDirectory()
            data = home + "/.local/share/lernpfad"
        }
        return Locations(content: absolute(content), data: absolute(data))
    }

    /// The shipped Content: next to an installed binary (`../share/lernpfad/Content`), else in the source tree
    /// this binary was built from, so `lernpfad` works from any working directory.
    static func shippedContent() -> String {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let installed = executable.deletingLastPathComponent().appendingPathComponent("../share/lernpfad/Content")
            .standardized.path
        if FileManager.default.fileExists(atPath: installed + "/course.yaml") { return installed }
        let sourceTree = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content").path
        return sourceTree
    }

    private static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~/") { return NSHomeDirectory() + String(path.dropFirst()) }
        return FileManager.default.currentDirectoryPath + "/" + path
    }
}

extension Optional where Wrapped == String {
    /// The string unless it is nil or empty.
    fileprivate var nonEmpty: String? {
        guard let self, !self.isEmpty else { return nil }
        return self
    }
}
