import Foundation
import Testing

/// Issue 13, item 2 on the real binary: `--team` ignores case; an unknown team lists the teams there are.
@Suite("team --team")
struct TeamFilterCommandTests {
    @Test func teamIgnoresCaseAndAnUnknownTeamListsTheTeams() throws {
        let scratch = Scratch()
        let generate = try Binary.run([
            "dev", "generate-team", "--learners", "30", "--seed", "7", "--data", scratch.path,
        ])
        #expect(generate.status == 0, "\(generate.stderr)")
        let lower = try Binary.run(["team", "--format", "csv", "--data", scratch.path, "--team", "hr"])
        let upper = try Binary.run(["team", "--format", "csv", "--data", scratch.path, "--team", "HR"])
        #expect(lower.status == 0 && upper.status == 0, "\(upper.stderr)")
        #expect(lower.stdout.split(separator: "\r\n").count > 1)
        #expect(upper.stdout == lower.stdout)
        let unknown = try Binary.run(["team", "--data", scratch.path, "--team", "nobody"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no learner in team nobody; teams: "), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("hr") && unknown.stderr.contains("sales"))
        #expect(unknown.stdout.isEmpty)
    }
}
