import Foundation
import Testing

/// `lernpfad config`, `config check`, and the options issue 17 added to `preview` and `snapshot --help`.
@Suite struct ConfigCommandTests {
    /// A config folder of its own, so that the developer's config.yaml never takes part.
    struct Setup {
        let scratch = Scratch()
        var configFile: String { scratch.path + "/config/lernpfad/config.yaml" }
        var environment: [String: String] {
            ["XDG_CONFIG_HOME": scratch.path + "/config", "XDG_DATA_HOME": scratch.path + "/data"]
        }

        func write(_ text: String, mode: Int = 0o600) throws {
            scratch.write("config/lernpfad/config.yaml", text)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: configFile)
        }

        func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Binary.Run {
            var environment = environment
            for (key, value) in extra { environment[key] = value }
            return try Binary.run(arguments, environment: environment)
        }
    }

    /// The row of `key` in the text output, with its runs of spaces made single.
    static func row(_ key: String, in output: String) -> String? {
        output.split(separator: "\n").map(String.init).first { $0.hasPrefix(key + " ") }.map {
            $0.split(separator: " ").joined(separator: " ")
        }
    }

    @Test func withoutAFileEverySettingIsItsDefault() throws {
        let setup = Setup()
        let run = try setup.run(["config"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("config file: \(setup.configFile) (not there; the defaults apply)\n"))
        #expect(Self.row("home_page", in: run.stdout) == "home_page https://lernpfad.invalid default")
        #expect(Self.row("lrs_url", in: run.stdout) == "lrs_url - default")
        #expect(
            Self.row("data", in: run.stdout) == "data \(setup.scratch.path)/data/lernpfad environment $XDG_DATA_HOME")
    }

    @Test func eachSettingSaysWhereItCameFrom() throws {
        let setup = Setup()
        try setup.write(
            "home_page: https://lernpfad.example.org\nteam: marketing\nlrs_password: hunter2\nidentity: ben\n")
        let run = try setup.run(
            ["config", "--by", "carla", "--data", setup.scratch.path + "/elsewhere"],
            environment: ["LERNPFAD_LRS_USER": "sync-user"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("config file: \(setup.configFile) (read)\n"))
        #expect(Self.row("home_page", in: run.stdout) == "home_page https://lernpfad.example.org file config.yaml:1")
        #expect(Self.row("team", in: run.stdout) == "team marketing file config.yaml:2")
        #expect(Self.row("lrs_password", in: run.stdout) == "lrs_password (hidden) file config.yaml:3")
        #expect(Self.row("identity", in: run.stdout) == "identity carla flag --by")
        #expect(Self.row("lrs_user", in: run.stdout) == "lrs_user sync-user environment $LERNPFAD_LRS_USER")
        #expect(Self.row("data", in: run.stdout) == "data \(setup.scratch.path)/elsewhere flag --data")
        #expect(!run.stdout.contains("hunter2"))

        let json = try setup.run(["config", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let settings = try #require(object["settings"] as? [[String: String]])
        #expect(
            settings.first { $0["key"] == "team" } == [
                "key": "team", "value": "marketing", "source": "file", "detail": "config.yaml:2",
            ])
        #expect(settings.first { $0["key"] == "lrs_url" } == ["key": "lrs_url", "source": "default"])
    }

    @Test func checkPassesAGoodFileAndAnAbsentOne() throws {
        let setup = Setup()
        let absent = try setup.run(["config", "check"])
        #expect(absent.status == 0)
        #expect(absent.stdout == "\(setup.configFile): no config file; the defaults apply\n")
        try setup.write("lrs_url: https://lrs.example.org/xAPI/\nteam: marketing\n")
        let good = try setup.run(["config", "check"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.hasPrefix("\(setup.configFile): ok (2 keys set, "), "\(good.stdout)")
    }

    @Test func checkNamesTheLineOfEachMistake() throws {
        let setup = Setup()
        let cases: [(text: String, mode: Int, error: String)] = [
            (
                "team: a\nlrs_ulr: https://x.example\n", 0o600,
                ":2:1: error: unknown field 'lrs_ulr' in config.yaml (did you mean 'lrs_url'?)"
            ),
            ("home_page: ftp://x.example\n", 0o600, ":1:12: error: home_page must be an http(s) URL"),
            (
                "team: a\nteam: b\n", 0o600,
                ":1:1: error: YAML syntax error: key 'team' appears more than once in one mapping"
            ),
            (
                "lrs_url: http://mallory:hunter2@lrs.example/xAPI/\n", 0o600,
                ":1:1: error: lrs_url: the URL holds a user name or password"
            ),
            ("team: a\nlrs_password: hunter2\n", 0o644, ":2:1: error: holds an LRS password but others can read it"),
        ]
        for (text, mode, error) in cases {
            try setup.write(text, mode: mode)
            let run = try setup.run(["config", "check"])
            #expect(run.status == 1, "\(text)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.hasPrefix("lernpfad: \(setup.configFile)\(error)"), "\(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
            #expect(!run.stderr.contains("hunter2"), "\(run.stderr)")
        }
    }

    @Test func teamShowsTheConfiguredTeamUnlessTeamIsGiven() throws {
        let setup = Setup()
        let data = setup.scratch.path + "/team-data"
        for (id, team) in [("anna", "marketing"), ("ben", "sales")] {
            let add = try setup.run(
                ["learner", "add", id, "--name", id, "--team", team, "--roles", "staff", "--data", data])
            #expect(add.status == 0, "\(add.stderr)")
        }
        try setup.write("team: marketing\n")
        let configured = try setup.run(["team", "--format", "csv", "--data", data])
        #expect(configured.status == 0, "\(configured.stderr)")
        #expect(configured.stdout.contains("anna") && !configured.stdout.contains("ben"), "\(configured.stdout)")
        let flag = try setup.run(["team", "--team", "sales", "--format", "csv", "--data", data])
        #expect(flag.status == 0, "\(flag.stderr)")
        #expect(flag.stdout.contains("ben") && !flag.stdout.contains("anna"), "\(flag.stdout)")
    }

    @Test func previewFindsALessonInsideTheContentFolder() throws {
        let scratch = Scratch()
        let content = scratch.copyOfShippedContent()
        let relative = "modules/ai-basics/01-what-is-ai.en.md"
        try #require(FileManager.default.fileExists(atPath: content + "/" + relative))
        let inContent = try Binary.run([
            "preview", relative, "--content", content, "--data", scratch.path + "/data", "--width", "40",
        ])
        #expect(inContent.status == 0, "\(inContent.stderr)")
        let direct = try Binary.run(["preview", content + "/" + relative, "--width", "40"])
        #expect(inContent.stdout == direct.stdout)
        #expect(!inContent.stdout.isEmpty)
        let missing = try Binary.run(["preview", "modules/none.md", "--content", content])
        #expect(missing.status == 1)
        #expect(missing.stderr == "lernpfad: modules/none.md: cannot read file\n")
    }

    @Test func snapshotHelpSpellsOutTheKeyNotation() throws {
        let run = try Binary.run(["snapshot", "--help"])
        #expect(run.status == 0)
        for key in ["<enter>", "<esc>", "<pgdn>", "<c-x>", "<click:ROW,COLUMN>", "<resize:WxH>", "'<<'"] {
            #expect(run.stdout.contains(key), "\(key)")
        }
        #expect(!run.stdout.contains("notation below"))
    }
}
