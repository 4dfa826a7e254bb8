import Foundation
import Testing

/// The installed program as a new user gets it: `scripts/install` into a prefix and the .deb from `scripts/package`.
///
/// `scripts/test` builds the release binaries once, installs them into a temporary prefix, packages them and passes
/// both here (`LERNPFAD_INSTALLED_PREFIX`, `LERNPFAD_DEB`), so these tests need no release build of their own.
@Suite struct InstallTests {
    static let environment = ProcessInfo.processInfo.environment
    static let prefix = environment["LERNPFAD_INSTALLED_PREFIX"].flatMap { $0.isEmpty ? nil : $0 }
    static let deb = environment["LERNPFAD_DEB"].flatMap { $0.isEmpty ? nil : $0 }

    /// A run of an installed program.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` in `folder` with exactly `environment`: nothing of the developer's shell (no Swift
    /// toolchain on PATH, no LERNPFAD_* variable, no LD_LIBRARY_PATH) reaches it.
    static func run(_ executable: String, _ arguments: [String], in folder: String, environment: [String: String])
        throws -> Run
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Output here is a few kilobytes, far below a pipe's buffer, so reading one pipe after the other is safe.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh user: an empty HOME, a working folder outside the source tree, a PATH of system folders only.
    struct FreshUser {
        let scratch = Scratch()
        var home: String { scratch.path + "/home" }
        var elsewhere: String { scratch.path + "/elsewhere" }

        init() throws {
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        }

        func environment(bin: String) -> [String: String] {
            ["HOME": home, "PATH": bin + ":/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "dumb", "USER": "anna"]
        }
    }

    /// The installed prefix, copied to a new place: the installation must not depend on where it was made.
    static func movedInstallation(for user: FreshUser) throws -> String {
        let prefix = try #require(Self.prefix)
        let moved = user.scratch.path + "/moved-prefix"
        try FileManager.default.copyItem(atPath: prefix, toPath: moved)
        return moved
    }

    /// The shared libraries a binary loads, from `ldd`.
    static func libraries(of binary: String, user: FreshUser) throws -> [String] {
        let run = try Self.run("/usr/bin/ldd", [binary], in: user.elsewhere, environment: ["PATH": "/usr/bin:/bin"])
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// `--version`, `validate` and a snapshot of the first screen, as a new user would try them.
    static func checkFirstRun(binary: String, user: FreshUser) throws {
        let environment = user.environment(bin: (binary as NSString).deletingLastPathComponent)
        let version = try run(binary, ["--version"], in: user.elsewhere, environment: environment)
        #expect(version.status == 0, "\(version.stderr)")
        #expect(
            version.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(version.stdout)")

        let validate = try run(binary, ["validate"], in: user.elsewhere, environment: environment)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        #expect(validate.stdout.contains("0 error(s)"), "\(validate.stdout)")

        let snapshot = try run(
            binary, ["snapshot", "--size", "80x24", "--no-save"], in: user.elsewhere, environment: environment)
        #expect(snapshot.status == 0, "\(snapshot.stderr)")
        let lines = snapshot.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 24, "\(snapshot.stdout)")
        #expect(lines.first?.contains("lernpfad") == true, "\(snapshot.stdout)")
    }

    @Test(
        .enabled(
            if: prefix != nil,
            "LERNPFAD_INSTALLED_PREFIX is not set: scripts/test installs the release build into a temporary prefix and sets it"
        ))
    func theInstalledProgramRunsFromAnywhereWithoutTheSourceTree() throws {
        let user = try FreshUser()
        let moved = try Self.movedInstallation(for: user)
        let binary = moved + "/bin/lernpfad"
        try Self.checkFirstRun(binary: binary, user: user)

        // The course it uses is the installed one, not the source tree's.
        let environment = user.environment(bin: moved + "/bin")
        let config = try Self.run(binary, ["config", "--format", "json"], in: user.elsewhere, environment: environment)
        #expect(config.status == 0, "\(config.stderr)")
        #expect(config.stdout.contains("\"value\" : \"\(moved)/share/lernpfad/Content\""), "\(config.stdout)")
        #expect(config.stdout.contains("\"path\" : \"\(user.home)/.config/lernpfad/config.yaml\""), "\(config.stdout)")

        // The LRS helper is found next to it: the request fails at the closed port, not at starting the helper.
        var lrsEnvironment = environment
        lrsEnvironment["LERNPFAD_LRS_USER"] = "u"
        lrsEnvironment["LERNPFAD_LRS_PASSWORD"] = "p"
        let team = try Self.run(
            binary, ["team", "--lrs", "http://127.0.0.1:9/xAPI/", "--timeout", "5"], in: user.elsewhere,
            environment: lrsEnvironment)
        #expect(team.status == 1, "\(team.stderr)")
        #expect(!team.stderr.contains("cannot start the LRS client"), "\(team.stderr)")
        #expect(team.stderr.contains("127.0.0.1:9"), "\(team.stderr)")

        // No Swift runtime from the toolchain: only system libraries.
        for program in ["lernpfad", "lernpfad-lrs"] {
            let libraries = try Self.libraries(of: moved + "/bin/" + program, user: user)
            #expect(!libraries.isEmpty)
            for library in libraries {
                #expect(!library.contains("swift") && !library.contains("not found"), "\(program): \(library)")
            }
        }
    }

    @Test(
        .enabled(
            if: prefix != nil,
            "LERNPFAD_INSTALLED_PREFIX is not set: scripts/test installs the release build into a temporary prefix and sets it"
        ))
    func theManPagesAndCompletionsAreInTheirStandardPlaces() throws {
        let user = try FreshUser()
        let moved = try Self.movedInstallation(for: user)
        let environment = user.environment(bin: moved + "/bin")
        let pages = try FileManager.default.contentsOfDirectory(atPath: moved + "/share/man/man1")
        #expect(pages.contains("lernpfad.1"))
        // One page per command.
        #expect(pages.contains("lernpfad.validate.1"), "\(pages.sorted())")
        #expect(pages.contains("lernpfad.config.check.1"), "\(pages.sorted())")

        var manEnvironment = environment
        manEnvironment["MANPAGER"] = "cat"
        manEnvironment["MANWIDTH"] = "80"
        let man = try Self.run(
            "/usr/bin/man", ["-l", moved + "/share/man/man1/lernpfad.1"], in: user.elsewhere,
            environment: manEnvironment)
        #expect(man.status == 0, "\(man.stderr)")
        #expect(man.stdout.contains("SYNOPSIS") && man.stdout.contains("validate"), "\(man.stdout)")
        let snapshotPage = try Self.run(
            "/usr/bin/man", ["-l", moved + "/share/man/man1/lernpfad.snapshot.1"], in: user.elsewhere,
            environment: manEnvironment)
        // The key notation is in the page itself, not only a pointer to --help.
        #expect(snapshotPage.stdout.contains("<pgdn>"), "\(snapshotPage.stdout)")

        let bash = try Self.run(
            "/bin/bash",
            [
                "--norc", "--noprofile", "-c",
                "source \(moved)/share/bash-completion/completions/lernpfad && complete -p lernpfad",
            ],
            in: user.elsewhere, environment: environment)
        #expect(bash.status == 0, "\(bash.stderr)")
        #expect(bash.stdout.hasPrefix("complete ") && bash.stdout.hasSuffix(" lernpfad\n"), "\(bash.stdout)")
        let zsh = try String(contentsOfFile: moved + "/share/zsh/site-functions/_lernpfad", encoding: .utf8)
        #expect(zsh.hasPrefix("#compdef lernpfad"), "\(zsh.prefix(80))")
        let fish = try String(contentsOfFile: moved + "/share/fish/vendor_completions.d/lernpfad.fish", encoding: .utf8)
        #expect(fish.contains("complete -c 'lernpfad'"), "\(fish.prefix(200))")
    }

    @Test(
        .enabled(
            if: prefix != nil,
            "LERNPFAD_INSTALLED_PREFIX is not set: scripts/test installs the release build into a temporary prefix and sets it"
        ))
    func uninstallRemovesExactlyWhatWasInstalled() throws {
        let user = try FreshUser()
        let moved = try Self.movedInstallation(for: user)
        // Another program's files in the same folders must stay.
        user.scratch.write("moved-prefix/share/man/man1/other.1", ".TH OTHER 1\n")
        user.scratch.write("moved-prefix/bin/other", "#!/bin/sh\n")
        let uninstall = try Self.run(
            Binary.repository.appendingPathComponent("scripts/install").path, ["--uninstall", "--prefix", moved],
            in: user.elsewhere, environment: ["HOME": user.home, "PATH": "/usr/bin:/bin"])
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        let left = try #require(FileManager.default.subpaths(atPath: moved)).sorted()
        #expect(left == ["bin", "bin/other", "share", "share/man", "share/man/man1", "share/man/man1/other.1"])
    }

    @Test(
        .enabled(
            if: deb != nil,
            "LERNPFAD_DEB is not set: scripts/test builds the .deb with scripts/package and sets it"))
    func theDebUnpacksIntoAThrowawayRootAndRuns() throws {
        let deb = try #require(Self.deb)
        let user = try FreshUser()
        let root = user.scratch.path + "/root"
        let unpack = try Self.run(
            "/usr/bin/dpkg-deb", ["-x", deb, root], in: user.elsewhere, environment: ["PATH": "/usr/bin:/bin"])
        #expect(unpack.status == 0, "\(unpack.stderr)")
        try Self.checkFirstRun(binary: root + "/usr/bin/lernpfad", user: user)

        let fields = try Self.run(
            "/usr/bin/dpkg-deb", ["-f", deb, "Package", "Version", "Architecture", "Depends"], in: user.elsewhere,
            environment: ["PATH": "/usr/bin:/bin"])
        #expect(fields.status == 0, "\(fields.stderr)")
        #expect(fields.stdout.contains("Package: lernpfad\n"), "\(fields.stdout)")
        for needed in ["libc6", "libncursesw6", "libcmark-gfm", "libcurl"] {
            #expect(fields.stdout.contains(needed), "Depends lacks \(needed): \(fields.stdout)")
        }
        #expect((deb as NSString).lastPathComponent.hasPrefix("lernpfad_"))
        for file in [
            "usr/bin/lernpfad-lrs", "usr/share/lernpfad/Content/course.yaml", "usr/share/man/man1/lernpfad.1",
            "usr/share/bash-completion/completions/lernpfad",
        ] {
            #expect(FileManager.default.fileExists(atPath: root + "/" + file), "\(file)")
        }
    }
}
