import Foundation

/// `lernpfad dossier --format md`: the same sections as the HTML page, as GitHub-flavoured Markdown for a wiki or a
/// repository. Every data string is escaped, so that a name cannot become a link, a heading or a broken table.
extension Dossier {
    /// The document in the dossier's language.
    public func markdown() -> String {
        let words = DossierWording.for(language)
        let dates = words.team
        let md = Self.markdownEscape
        func roleTitle(_ role: String) -> String { roles.first { $0.role == role }?.title ?? role }
        var text = "# \(md("\(course) – \(words.title)"))\n\n"
        text += "\(md(words.intro(dates.format(asOf), learners)))\n\n\(md(words.purpose))\n\n"

        text += "## \(md(words.organisation))\n\n"
        if let organisation {
            text += "- \(md(words.name)): \(md(organisation.name))\n"
            if let responsible = organisation.responsible { text += "- \(md(words.responsible)): \(md(responsible))\n" }
            text += "\n"
            if organisation.systems.isEmpty {
                text += "\(md(words.noSystems))\n\n"
            } else {
                text += "### \(md(words.systems))\n\n"
                text += Self.markdownTable(
                    words.systemColumns,
                    organisation.systems.map { system in
                        var risk = words.riskClass(system.riskClass)
                        if let assessed = system.assessed { risk += " (\(dates.format(assessed)))" }
                        return [
                            "\(system.name) (\(system.id))", system.provider, system.purpose, risk, system.owner,
                            system.teams.joined(separator: ", "), system.roles.map(roleTitle).joined(separator: ", "),
                        ]
                    })
            }
        } else if organisationProblems.isEmpty {
            text += "> \(md(words.missingOrganisation(organisationFile)))\n\n"
        } else {
            text += "\(md(words.brokenOrganisation(organisationFile)))\n\n"
            for problem in organisationProblems { text += "- \(md(problem))\n" }
            text += "\n"
        }

        text += "## \(md(words.roleMatrix))\n\n"
        for role in roles {
            text += "### \(md("\(role.title) (\(role.role))"))\n\n"
            var facts = [words.validity(words.duration(role.validity)), dates.learners(role.learners)]
            if let within = role.dueWithin { facts.insert(words.dueWithin(words.duration(within)), at: 1) }
            if !role.systems.isEmpty {
                let names = role.systems.map { id in organisation?.systems.first { $0.id == id }?.name ?? id }
                facts.append("\(words.usedSystems): \(names.joined(separator: ", "))")
            }
            text += "\(md(facts.joined(separator: " · ")))\n\n"
            text += Self.markdownTable(
                words.roleColumns,
                role.modules.map {
                    ["\($0.title) (\($0.id))", $0.version?.description ?? "", $0.objectives.joined(separator: " · ")]
                })
            if !role.milestones.isEmpty {
                text += "\(md(words.milestones)): "
                text += md(role.milestones.map { "\($0.title) (\($0.id))" }.joined(separator: "; ")) + "\n\n"
            }
        }

        text += "## \(md(words.measures))\n\n"
        if measures.isEmpty {
            text += "\(md(words.nothingYet))\n\n"
        } else {
            text += Self.markdownTable(
                words.measureColumns,
                measures.map {
                    [
                        words.kind($0.kind), "\($0.title) (\($0.id))", $0.version?.description ?? "",
                        "\($0.learners)", dates.format($0.first), dates.format($0.last),
                    ]
                })
            text += "### \(md(words.register))\n\n"
            text += Self.markdownTable(
                words.registerColumns,
                register.map {
                    [
                        "\($0.name) (\($0.learner))", $0.team ?? "", $0.id, $0.version?.description ?? "",
                        dates.format($0.at), $0.score.map { "\(Int(($0 * 100).rounded()))%" } ?? "", $0.by ?? "",
                        dates.format($0.validUntil),
                    ]
                })
        }

        text += "## \(md(words.coverage))\n\n\(md(words.coverageNote))\n\n"
        func cells(_ entry: Coverage, _ team: String) -> [String] {
            [
                team, roleTitle(entry.role), "\(entry.learners)", "\(entry.valid)", "\(entry.dueSoon)",
                "\(entry.overdue)", "\(entry.updateAvailable)", "\(entry.inProgress)", "\(entry.neverStarted)",
                "\(entry.waived)",
            ]
        }
        if coverage.isEmpty {
            text += "\(md(words.nothingYet))\n\n"
        } else {
            text += Self.markdownTable(words.coverageColumns, coverage.map { cells($0, $0.team ?? words.noTeam) })
            text += "### \(md(words.coverageByRole))\n\n"
            text += Self.markdownTable(words.coverageColumns, coverageByRole.map { cells($0, words.allTeams) })
        }

        text += "## \(md(words.exceptions))\n\n"
        if exceptions.isEmpty {
            text += "\(md(words.noExceptions))\n\n"
        } else {
            text += Self.markdownTable(
                words.exceptionColumns,
                exceptions.map {
                    [
                        "\($0.name) (\($0.learner))", $0.team ?? "", exceptionItem($0, words), $0.reason, $0.by ?? "",
                        dates.format($0.at), dates.format($0.until),
                    ]
                })
        }

        text += "## \(md(words.review))\n\n"
        text += Self.markdownTable(
            words.cadenceColumns,
            review.paths.map {
                ["\($0.title) (\($0.role))", words.duration($0.validity), words.duration($0.dueSoon)]
            })
        text += Self.markdownTable(
            words.moduleReviewColumns,
            review.modules.map { module in
                var reviewBy = module.reviewBy.map(dates.format) ?? ""
                if module.reviewOverdue { reviewBy += " (\(words.reviewOverdue))" }
                let sources = module.sources.map { source in
                    source.url.map { "\(source.title) <\($0)>" } ?? source.title
                }
                return [
                    "\(module.title) (\(module.id))", module.version.description,
                    module.reviewed.map(dates.format) ?? "", reviewBy, sources.joined(separator: " · "),
                ]
            })

        text += "## \(md(words.integrity))\n\n"
        if let seal = integrity.seal {
            text +=
                "\(md(words.seal(Self.shortID(seal.id), dates.format(seal.sealedAt), seal.sealedBy, seal.learners)))\n\n"
        } else {
            text += "\(md(words.noSeal))\n\n"
        }
        if let verification = integrity.verification {
            if verification.passed {
                text += "\(md(words.verified(verification.learners, verification.seals)))\n\n"
            } else {
                text += "\(md(words.verificationFailed))\n\n"
                for problem in verification.problems { text += "- \(md(problem))\n" }
                text += "\n"
            }
        } else {
            text += "\(md(words.notVerified))\n\n"
        }
        if let verification = integrity.verification,
            let uncovered = words.uncovered(verification.unsealed, verification.notChained)
        {
            text += "\(md(uncovered))\n\n"
        }
        if !skipped.isEmpty {
            text += "### \(md(words.filesNotIncluded))\n\n"
            for file in skipped { text += "- \(md(file.file)): \(md(file.reason))\n" }
            text += "\n"
        }
        return text
    }

    /// A GitHub table; every cell escaped.
    static func markdownTable(_ columns: [String], _ rows: [[String]]) -> String {
        var text = "| " + columns.map(markdownEscape).joined(separator: " | ") + " |\n"
        text += "|" + String(repeating: " --- |", count: columns.count) + "\n"
        for row in rows { text += "| " + row.map(markdownEscape).joined(separator: " | ") + " |\n" }
        return text + "\n"
    }

    /// Text that Markdown shows as written: punctuation that could start markup gets a backslash, line breaks
    /// become spaces (a table row is one line), and invisible or reordering scalars become visible escapes.
    static func markdownEscape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!", "~", "&":
                result.unicodeScalars.append("\\")
                result.unicodeScalars.append(scalar)
            case "\n", "\r", "\t": result += " "
            default:
                if String.needsEscape(scalar) {
                    result += "\\\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// The JSON form (docs/json-output.md): sorted keys, ISO 8601 dates.
    public func jsonData() throws -> Data {
        var data = try JSONCoding.encoder().encode(self)
        data.append(0x0A)
        return data
    }
}
