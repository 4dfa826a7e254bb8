import Foundation
import Testing

/// Issue 16, points 4 and 5 on the real binary: `dossier` in every format, with and without organisation.yaml,
/// `validate` of that file, `certificate` and `verify-certificate` against an unchanged and an edited record.
@Suite("dossier and certificates on the real binary")
struct DossierCommandTests {
    /// The shipped content's modules: id, version and lessons, from `catalog --format json`.
    private static func modules() throws -> [String: (version: String, lessons: [String])] {
        let run = try Binary.run(["catalog", "--format", "json", "--content", Binary.shippedContent])
        let catalog = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        var modules: [String: (String, [String])] = [:]
        for module in catalog["modules"] as? [[String: Any]] ?? [] {
            modules[module["id"] as? String ?? ""] = (
                module["version"] as? String ?? "", module["lessons"] as? [String] ?? []
            )
        }
        let paths = catalog["paths"] as? [[String: Any]] ?? []
        #expect(paths.contains { $0["role"] as? String == "staff" })
        return modules
    }

    /// The modules of the shipped staff path.
    private static func staffModules() throws -> [String] {
        let run = try Binary.run(["catalog", "--format", "json", "--content", Binary.shippedContent])
        let catalog = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let paths = catalog?["paths"] as? [[String: Any]] ?? []
        return paths.first { $0["role"] as? String == "staff" }?["modules"] as? [String] ?? []
    }

    /// A schema 1 learner file: every module of `completed` done ten days ago with `score`.
    private static func writeLearner(
        _ id: String, name: String, team: String, completed: [String], score: Double = 0.9, in scratch: Scratch
    ) throws {
        let modules = try modules()
        let at = Date().addingTimeInterval(-10 * 86_400)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let stamp = formatter.string(from: at)
        var events: [[String: Any]] = [
            ["id": UUID().uuidString, "at": stamp, "type": "roleAdded", "role": "staff"]
        ]
        for module in completed {
            let (version, lessons) = try #require(modules[module])
            for lesson in lessons {
                events.append([
                    "id": UUID().uuidString, "at": stamp, "type": "lessonCompleted", "module": module,
                    "moduleVersion": version, "lesson": lesson,
                ])
            }
            events.append([
                "id": UUID().uuidString, "at": stamp, "type": "quizAttempted", "module": module,
                "moduleVersion": version, "score": score, "passed": true, "answers": [],
            ])
        }
        let record: [String: Any] = [
            "schema": 1, "learner": ["id": id, "name": name, "team": team, "roles": ["staff"], "language": "en"],
            "events": events, "review": [:],
        ]
        let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
        scratch.write("learners/\(id).json", String(decoding: data, as: UTF8.self))
    }

    private static let organisation = """
        name: Beispiel GmbH
        responsible: Dana Example
        systems:
          - id: chat
            name: Chat assistant
            provider: Example AI
            purpose: Drafting texts
            risk_class: limited
            owner: IT
            teams: [sales]
            roles: [staff]

        """

    private static func base(_ scratch: Scratch) -> [String] {
        ["--content", Binary.shippedContent, "--data", scratch.path]
    }

    // MARK: dossier

    @Test func withoutOrganisationFileTheDossierSaysWhichFileToCreate() throws {
        let scratch = Scratch()
        try Self.writeLearner("anna", name: "Anna", team: "sales", completed: try Self.staffModules(), in: scratch)
        let run = try Binary.run(["dossier", "--language", "en"] + Self.base(scratch))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "a missing organisation.yaml is no error: \(run.stderr)")
        #expect(run.stdout.contains("No description of the organisation yet. Create \(scratch.path)/organisation.yaml"))
        #expect(run.stdout.contains("docs/examples/organisation.yaml"))
        #expect(run.stdout.hasPrefix("<!DOCTYPE html>") && run.stdout.contains("No seal"))
    }

    @Test func everyFormatCarriesTheOrganisationAndTheCoverage() throws {
        let scratch = Scratch()
        scratch.write("organisation.yaml", Self.organisation)
        try Self.writeLearner("anna", name: "Anna", team: "sales", completed: try Self.staffModules(), in: scratch)
        try Self.writeLearner("ben", name: "Ben", team: "sales", completed: [], in: scratch)
        let json = try Binary.run(
            ["dossier", "--format", "json", "--output", scratch.path + "/d.json"] + Self.base(scratch))
        #expect(json.status == 0 && json.stdout.isEmpty, "\(json.stderr)")
        let bytes = try #require(scratch.read("d.json"))
        let dossier = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        #expect((dossier["organisation"] as? [String: Any])?["name"] as? String == "Beispiel GmbH")
        let coverage = try #require(dossier["coverage"] as? [[String: Any]])
        let staff = try #require(coverage.first { $0["role"] as? String == "staff" })
        #expect(staff["team"] as? String == "sales" && staff["learners"] as? Int == 2)
        #expect(staff["valid"] as? Int == 1 && staff["neverStarted"] as? Int == 1, "\(staff)")
        let measures = try #require(dossier["measures"] as? [[String: Any]])
        #expect(
            measures.count == (try Self.staffModules().count) && measures.allSatisfy { $0["learners"] as? Int == 1 })

        let markdown = try Binary.run(["dossier", "--format", "md", "--language", "de"] + Self.base(scratch))
        #expect(markdown.status == 0)
        #expect(
            markdown.stdout.contains("## 1\\. Organisation und KI\\-Systeme")
                || markdown.stdout.contains("## 1. Organisation und KI-Systeme"))
        #expect(markdown.stdout.contains("| Chat assistant (chat) | Example AI |"), "\(markdown.stdout.prefix(1500))")

        let html = try Binary.run(["dossier", "--language", "de"] + Self.base(scratch))
        #expect(html.stdout.contains("<html lang=\"de\">") && html.stdout.contains("Transparenzpflichten"))
    }

    @Test func aBrokenOrganisationFileIsReportedWhereItIsWrong() throws {
        let scratch = Scratch()
        scratch.write("organisation.yaml", "name: Beispiel GmbH\nsytems: []\n")
        scratch.write("learners/.keep", "")
        let file = scratch.path + "/organisation.yaml"
        let line = "\(file):2:1: error: unknown field 'sytems' in organisation.yaml (did you mean 'systems'?)"
        let dossier = try Binary.run(["dossier"] + Self.base(scratch))
        #expect(dossier.status == 0, "the dossier still comes, and says what is wrong")
        #expect(dossier.stderr.trimmingCharacters(in: .newlines) == line)
        #expect(dossier.stdout.contains("sytems"))
        let validate = try Binary.run(["validate"] + Self.base(scratch))
        #expect(validate.status == 1)
        #expect(validate.stdout.contains(line), "\(validate.stdout.suffix(400))")
        scratch.write("organisation.yaml", Self.organisation)
        let fixed = try Binary.run(["validate"] + Self.base(scratch))
        #expect(fixed.status == 0 && !fixed.stdout.contains("organisation.yaml"), "\(fixed.stdout.suffix(400))")
    }

    @Test func theShippedTemplateValidates() throws {
        let scratch = Scratch()
        let template = Binary.repository.appendingPathComponent("docs/examples/organisation.yaml").path
        try FileManager.default.copyItem(atPath: template, toPath: scratch.path + "/organisation.yaml")
        let validate = try Binary.run(["validate"] + Self.base(scratch))
        #expect(validate.status == 0, "\(validate.stdout.suffix(600))")
    }

    @Test func usageErrorsAreOneLineWithExitTwo() throws {
        let scratch = Scratch()
        scratch.write("learners/.keep", "")
        for arguments in [["dossier", "--language", "fr"], ["dossier", "--format", "pdf"]] {
            let run = try Binary.run(arguments + Self.base(scratch))
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            // The first line says what is wrong; ArgumentParser adds its usage lines, as for every command.
            #expect(run.stderr.hasPrefix("Error: ") || run.stderr.hasPrefix("lernpfad: "), "\(run.stderr)")
        }
        let language = try Binary.run(["dossier", "--language", "fr"] + Self.base(scratch))
        #expect(language.stderr == "lernpfad: unknown language 'fr'; the content has: de, en\n")
        let missing = try Binary.run(["dossier", "--content", Binary.shippedContent, "--data", scratch.path + "/none"])
        #expect(missing.status == 1 && missing.stderr.split(separator: "\n").count == 1, "\(missing.stderr)")
    }

    // MARK: certificate

    @Test func aCertificateVerifiesUntilItsRecordIsEdited() throws {
        let scratch = Scratch()
        try Self.writeLearner(
            "anna", name: "Anna <Beispiel>", team: "sales", completed: try Self.staffModules(), in: scratch)
        let page = scratch.path + "/anna.html"
        let made = try Binary.run(["certificate", "--learner", "anna", "--output", page] + Self.base(scratch))
        #expect(made.status == 0, "\(made.stderr)")
        let html = String(decoding: try #require(scratch.read("anna.html")), as: UTF8.self)
        #expect(html.contains("Anna &lt;Beispiel&gt;") && !html.contains("Anna <Beispiel>"))
        #expect(html.contains("Certificate of AI literacy") && html.contains("90%"))
        let code = try #require(html.firstMatch(of: /id="verification-code">([0-9A-F-]{19})</)?.1)
        #expect(made.stderr.contains(String(code)))

        let verified = try Binary.run(["verify-certificate", page] + Self.base(scratch))
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stdout.contains("matches the data folder (anna, path staff"))

        // The learner goes on learning: the certificate still matches.
        let later = try Binary.run(
            ["attest", "--learner", "anna", "--milestone", "team-kickoff", "--by", "ida"] + Self.base(scratch))
        _ = later
        #expect(try Binary.run(["verify-certificate", page] + Self.base(scratch)).status == 0)

        // Someone raises a score in the learner file: named, exit 1.
        let file = String(decoding: try #require(scratch.read("learners/anna.json")), as: UTF8.self)
        let edited = file.replacingOccurrences(of: "\"score\" : 0.9,", with: "\"score\" : 1,", options: [], range: nil)
            .replacingOccurrences(of: "\"score\":0.9,", with: "\"score\":1,")
        #expect(edited != file, "the fixture has a score to edit")
        scratch.write("learners/anna.json", edited)
        let mismatch = try Binary.run(["verify-certificate", page] + Self.base(scratch))
        #expect(mismatch.status == 1)
        #expect(mismatch.stdout.contains("does not match the data folder"))
        #expect(
            mismatch.stdout.contains("score: 90% on the certificate, 100% in the data folder"), "\(mismatch.stdout)")
    }

    @Test func anEditedPageIsRefused() throws {
        let scratch = Scratch()
        try Self.writeLearner("anna", name: "Anna", team: "sales", completed: try Self.staffModules(), in: scratch)
        let page = scratch.path + "/anna.html"
        #expect(
            try Binary.run(["certificate", "--learner", "anna", "--output", page] + Self.base(scratch)).status == 0)
        let html = String(decoding: try #require(scratch.read("anna.html")), as: UTF8.self)
        let shown = html.replacing(
            /id="verification-code">[0-9A-F-]{19}</, with: "id=\"verification-code\">0000-0000-0000-0000<")
        scratch.write("shown.html", shown)
        let run = try Binary.run(["verify-certificate", scratch.path + "/shown.html"] + Self.base(scratch))
        #expect(run.status == 1 && run.stdout.contains("the page shows code 0000-0000-0000-0000"), "\(run.stdout)")
        let data = html.replacing(/"score" : 0.9/, with: "\"score\" : 0.95")
        scratch.write("data.html", data)
        let edited = try Binary.run(["verify-certificate", scratch.path + "/data.html"] + Self.base(scratch))
        #expect(
            edited.status == 1 && edited.stdout.contains("95% on the certificate, 90% in the data folder"),
            "\(edited.stdout)")
        scratch.write("plain.html", "<html><body>a certificate, honestly</body></html>")
        let plain = try Binary.run(["verify-certificate", scratch.path + "/plain.html"] + Self.base(scratch))
        #expect(plain.status == 1 && plain.stderr.contains("no embedded certificate data"), "\(plain.stderr)")
    }

    @Test func noCertificateForAPathNotCompleted() throws {
        let scratch = Scratch()
        try Self.writeLearner("ben", name: "Ben", team: "sales", completed: [], in: scratch)
        let run = try Binary.run(["certificate", "--learner", "ben"] + Self.base(scratch))
        #expect(run.status == 1 && run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("lernpfad: ben has not completed the path staff ("), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
        let nobody = try Binary.run(["certificate", "--learner", "zoe"] + Self.base(scratch))
        #expect(nobody.status == 1 && nobody.stderr.split(separator: "\n").count == 1, "\(nobody.stderr)")
        let path = try Binary.run(["certificate", "--learner", "ben", "--path", "leader"] + Self.base(scratch))
        #expect(path.status == 1 && path.stderr.contains("ben does not have the role leader; roles: staff"))
    }
}
