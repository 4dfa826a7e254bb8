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

    /// Issue 13, item 6: the HTML in the language asked for, CSV per module for HR, and usage mistakes exit 2.
    @Test func languageAndPerModuleOnTheRealBinary() throws {
        let scratch = Scratch()
        let generate = try Binary.run([
            "dev", "generate-team", "--learners", "12", "--seed", "3", "--data", scratch.path,
        ])
        #expect(generate.status == 0, "\(generate.stderr)")
        let data = ["--data", scratch.path, "--as-of", "2026-11-20"]
        let german = try Binary.run(["team", "--format", "html"] + data)
        let english = try Binary.run(["team", "--format", "html", "--language", "en"] + data)
        #expect(german.status == 0 && english.status == 0, "\(english.stderr)")
        #expect(german.stdout.contains("<html lang=\"de\">") && german.stdout.contains("Stand: 20. November 2026"))
        #expect(english.stdout.contains("<html lang=\"en\">") && english.stdout.contains("As of 20 November 2026"))
        #expect(english.stdout.contains("<td>AI basics</td>") && german.stdout.contains("<td>KI-Grundlagen</td>"))
        let modules = try Binary.run(["team", "--format", "csv", "--per-module", "--language", "en"] + data)
        #expect(modules.status == 0, "\(modules.stderr)")
        let lines = modules.stdout.split(separator: "\r\n").map(String.init)
        #expect(
            lines.first
                == "learner,name,team,role,module,module_title,state,version,completed_at,score_percent,valid_until,"
                + "due,days_overdue,waiver")
        let perPath = try Binary.run(["team", "--format", "csv"] + data)
        #expect(lines.count > perPath.stdout.split(separator: "\r\n").count, "a row per module, not per path")
        let unknown = try Binary.run(["team", "--format", "html", "--language", "fr"] + data)
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown language 'fr'; the content has: de, en"))
        let misplaced = try Binary.run(["team", "--format", "json", "--per-module"] + data)
        #expect(misplaced.status == 2 && misplaced.stderr.contains("--per-module needs --format csv"))
        #expect(unknown.stdout.isEmpty && misplaced.stdout.isEmpty)
    }
}
