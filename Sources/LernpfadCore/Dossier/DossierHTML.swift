import Foundation

/// `lernpfad dossier --format html`: one self-contained page in one language, printable on A4 with clean pages.
extension Dossier {
    /// The page: the sections in the order an auditor reads them, every data string escaped.
    public func html() -> String {
        let words = DossierWording.for(language)
        let dates = words.team
        typealias Cell = PrintableHTML.Cell
        let escape = PrintableHTML.escape
        func roleTitle(_ role: String) -> String { roles.first { $0.role == role }?.title ?? role }
        let pageTitle = "\(course) – \(words.title)"
        var body = "<header>\n<h1>\(escape(pageTitle))</h1>\n"
        body += "<p class=\"meta\">\(escape(words.intro(dates.format(asOf), learners)))</p>\n"
        body += "<p>\(escape(words.purpose))</p>\n</header>\n"

        body +=
            "<section aria-labelledby=\"organisation\">\n<h2 id=\"organisation\">\(escape(words.organisation))</h2>\n"
        if let organisation {
            body += "<dl>\n<dt>\(escape(words.name))</dt><dd>\(escape(organisation.name))</dd>\n"
            if let responsible = organisation.responsible {
                body += "<dt>\(escape(words.responsible))</dt><dd>\(escape(responsible))</dd>\n"
            }
            body += "</dl>\n"
            if organisation.systems.isEmpty {
                body += "<p class=\"notice\">\(escape(words.noSystems))</p>\n"
            } else {
                body += PrintableHTML.table(
                    words.systemColumns,
                    organisation.systems.map { system in
                        var risk = words.riskClass(system.riskClass)
                        if let assessed = system.assessed { risk += " (\(dates.format(assessed)))" }
                        return [
                            .text("\(system.name) (\(system.id))"), .text(system.provider), .text(system.purpose),
                            .text(risk), .text(system.owner), .text(system.teams.joined(separator: ", ")),
                            .text(system.roles.map(roleTitle).joined(separator: ", ")),
                        ]
                    }, caption: words.systems)
            }
        } else if organisationProblems.isEmpty {
            body += "<p class=\"notice\">\(escape(words.missingOrganisation(organisationFile)))</p>\n"
        } else {
            body += "<div class=\"problem\"><p>\(escape(words.brokenOrganisation(organisationFile)))</p><ul>\n"
            for problem in organisationProblems { body += "<li>\(escape(problem))</li>\n" }
            body += "</ul></div>\n"
        }
        body += "</section>\n"

        body += "<section aria-labelledby=\"roles\">\n<h2 id=\"roles\">\(escape(words.roleMatrix))</h2>\n"
        for (index, role) in roles.enumerated() {
            body += "<h3 id=\"role-\(index + 1)\">\(escape(role.title)) (\(escape(role.role)))</h3>\n"
            var facts = [words.validity(words.duration(role.validity)), dates.learners(role.learners)]
            if let within = role.dueWithin { facts.insert(words.dueWithin(words.duration(within)), at: 1) }
            if !role.systems.isEmpty {
                let names = role.systems.map { id in
                    organisation?.systems.first { $0.id == id }?.name ?? id
                }
                facts.append("\(words.usedSystems): \(names.joined(separator: ", "))")
            }
            body += "<p class=\"meta\">\(escape(facts.joined(separator: " · ")))</p>\n"
            body += PrintableHTML.table(
                words.roleColumns,
                role.modules.map { module in
                    let objectives = module.objectives.map { "<li>\(escape($0))</li>" }.joined()
                    return [
                        .text("\(module.title) (\(module.id))"), .text(module.version?.description ?? ""),
                        .markup(objectives.isEmpty ? "" : "<ul class=\"objectives\">\(objectives)</ul>"),
                    ]
                })
            if !role.milestones.isEmpty {
                body += "<p>\(escape(words.milestones)): "
                body += escape(role.milestones.map { "\($0.title) (\($0.id))" }.joined(separator: "; ")) + "</p>\n"
            }
        }
        body += "</section>\n"

        body += "<section aria-labelledby=\"measures\">\n<h2 id=\"measures\">\(escape(words.measures))</h2>\n"
        if measures.isEmpty {
            body += "<p class=\"notice\">\(escape(words.nothingYet))</p>\n"
        } else {
            body += PrintableHTML.table(
                words.measureColumns,
                measures.map { measure in
                    [
                        .text(words.kind(measure.kind)), .text("\(measure.title) (\(measure.id))"),
                        .text(measure.version?.description ?? ""), .number(measure.learners),
                        .day(dates.format(measure.first)), .day(dates.format(measure.last)),
                    ]
                })
            body += "<h3 id=\"register\">\(escape(words.register))</h3>\n"
            body += PrintableHTML.table(
                words.registerColumns,
                register.map { entry in
                    [
                        .text("\(entry.name) (\(entry.learner))"), .text(entry.team ?? ""), .text(entry.id),
                        .text(entry.version?.description ?? ""), .day(dates.format(entry.at)),
                        entry.score.map { Cell.text("\(Int(($0 * 100).rounded()))%", class: "n") } ?? .text(""),
                        .text(entry.by ?? ""), .day(dates.format(entry.validUntil)),
                    ]
                })
        }
        body += "</section>\n"

        body += "<section aria-labelledby=\"coverage\">\n<h2 id=\"coverage\">\(escape(words.coverage))</h2>\n"
        body += "<p class=\"meta\">\(escape(words.coverageNote))</p>\n"
        if coverage.isEmpty {
            body += "<p class=\"notice\">\(escape(words.nothingYet))</p>\n"
        } else {
            body += PrintableHTML.table(
                words.coverageColumns, coverage.map { Self.coverageCells($0, team: $0.team ?? words.noTeam, roleTitle) }
            )
            body += "<h3 id=\"coverage-roles\">\(escape(words.coverageByRole))</h3>\n"
            body += PrintableHTML.table(
                words.coverageColumns, coverageByRole.map { Self.coverageCells($0, team: words.allTeams, roleTitle) })
        }
        body += "</section>\n"

        body += "<section aria-labelledby=\"exceptions\">\n<h2 id=\"exceptions\">\(escape(words.exceptions))</h2>\n"
        if exceptions.isEmpty {
            body += "<p>\(escape(words.noExceptions))</p>\n"
        } else {
            body += PrintableHTML.table(
                words.exceptionColumns,
                exceptions.map { exception in
                    [
                        .text("\(exception.name) (\(exception.learner))"), .text(exception.team ?? ""),
                        .text(exceptionItem(exception, words)), .text(exception.reason), .text(exception.by ?? ""),
                        .day(dates.format(exception.at)), .day(dates.format(exception.until)),
                    ]
                })
        }
        body += "</section>\n"

        body += "<section aria-labelledby=\"review\">\n<h2 id=\"review\">\(escape(words.review))</h2>\n"
        body += PrintableHTML.table(
            words.cadenceColumns,
            review.paths.map { path in
                [
                    .text("\(path.title) (\(path.role))"), .text(words.duration(path.validity)),
                    .text(words.duration(path.dueSoon)),
                ]
            })
        body += PrintableHTML.table(
            words.moduleReviewColumns,
            review.modules.map { module in
                var reviewBy = module.reviewBy.map(dates.format) ?? ""
                if module.reviewOverdue { reviewBy += " (\(words.reviewOverdue))" }
                let sources = module.sources.map { "<li>\(PrintableHTML.source($0))</li>" }.joined()
                return [
                    .text("\(module.title) (\(module.id))"), .text(module.version.description),
                    .day(module.reviewed.map(dates.format) ?? ""),
                    module.reviewOverdue ? .text(reviewBy, class: "overdue") : .day(reviewBy),
                    .markup(sources.isEmpty ? "" : "<ul class=\"objectives\">\(sources)</ul>"),
                ]
            })
        body += "</section>\n"

        body += "<section aria-labelledby=\"integrity\">\n<h2 id=\"integrity\">\(escape(words.integrity))</h2>\n"
        if let seal = integrity.seal {
            body +=
                "<p>\(escape(words.seal(Self.shortID(seal.id), dates.format(seal.sealedAt), seal.sealedBy, seal.learners)))"
            if let key = seal.key { body += " <span class=\"url\">\(escape(key))</span>" }
            body += "</p>\n"
        } else {
            body += "<p class=\"notice\">\(escape(words.noSeal))</p>\n"
        }
        if let verification = integrity.verification {
            if verification.passed {
                body += "<p class=\"ok\">\(escape(words.verified(verification.learners, verification.seals)))</p>\n"
            } else {
                body += "<div class=\"problem\"><p>\(escape(words.verificationFailed))</p><ul>\n"
                for problem in verification.problems { body += "<li>\(escape(problem))</li>\n" }
                body += "</ul></div>\n"
            }
        } else {
            body += "<p class=\"notice\">\(escape(words.notVerified))</p>\n"
        }
        if let verification = integrity.verification,
            let uncovered = words.uncovered(verification.unsealed, verification.notChained)
        {
            body += "<p class=\"notice\">\(escape(uncovered))</p>\n"
        }
        if !skipped.isEmpty {
            body += "<h3 id=\"skipped\">\(escape(words.filesNotIncluded))</h3>\n<ul>\n"
            for file in skipped { body += "<li>\(escape(file.file)): \(escape(file.reason))</li>\n" }
            body += "</ul>\n"
        }
        body += "</section>\n"
        let style = """
            .overdue { color: #b00020; font-weight: bold; }
            dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; } dd { margin: 0; }
            @media print { section + section > h2 { break-before: page; } }

            """
        return PrintableHTML.page(language: language, title: pageTitle, style: style, body: body)
    }

    /// A seal id (64 hex digits) as people compare it: the first 16 and an ellipsis; the JSON has it whole.
    static func shortID(_ id: String) -> String { id.count > 16 ? id.prefix(16) + "…" : id }

    /// What an exception exempts from, in words: "Module: AI basics (ai-basics)".
    func exceptionItem(_ exception: DossierException, _ words: DossierWording) -> String {
        if let module = exception.module {
            let title = review.modules.first { $0.id == module }?.title ?? module
            return "\(words.moduleWord): \(title) (\(module))"
        }
        let role = exception.role ?? ""
        return "\(words.pathWord): \(roles.first { $0.role == role }?.title ?? role) (\(role))"
    }

    private static func coverageCells(_ entry: Coverage, team: String, _ roleTitle: (String) -> String)
        -> [PrintableHTML.Cell]
    {
        [
            .text(team), .text(roleTitle(entry.role)), .number(entry.learners), .number(entry.valid),
            .number(entry.dueSoon), .number(entry.overdue), .number(entry.updateAvailable), .number(entry.inProgress),
            .number(entry.neverStarted), .number(entry.waived),
        ]
    }
}
