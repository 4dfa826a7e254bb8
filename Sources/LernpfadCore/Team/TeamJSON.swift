import Foundation

extension TeamReport {
    /// The report as `team --format json` prints it: the same text `JSONCoding.encoder()` makes of it, with a
    /// final newline, written directly because a report of ten thousand learners is megabytes of JSON.
    public func jsonData() -> Data {
        var writer = JSONTextWriter()
        writer.object { json in
            json.member("asOf", asOf)
            json.key("itemAnalysis")
            json.array(itemAnalysis) { json, item in json.item(item) }
            json.key("learners")
            // The rows are most of the text: write them in chunks on all cores, then splice.
            let learners = learners
            let chunk = 500
            let runs = parallelMap((learners.count + chunk - 1) / chunk) { part in
                var run = JSONTextWriter(elementsAt: 2, afterOthers: part > 0)
                for row in learners[(part * chunk)..<min(learners.count, (part + 1) * chunk)] {
                    run.element { json in json.learner(row) }
                }
                return run.bytes
            }
            json.array(spliced: runs)
            json.key("missedQuestions")
            json.array(missedQuestions) { json, missed in
                json.object { json in
                    json.member("answers", missed.answers)
                    json.member("learners", missed.learners)
                    json.member("module", missed.module)
                    json.member("question", missed.question)
                    json.member("wrong", missed.wrong)
                }
            }
            json.key("roles")
            json.array(roles) { json, role in
                json.object { json in
                    json.member("learners", role.learners)
                    json.member("meanPercent", role.meanPercent)
                    json.member("role", role.role)
                    json.key("states")
                    json.object { json in
                        for (state, count) in role.states.sorted(by: { $0.key < $1.key }) {
                            json.member(state, count)
                        }
                    }
                }
            }
            json.key("skipped")
            json.array(skipped) { json, file in
                json.object { json in
                    json.member("file", file.file)
                    json.member("reason", file.reason)
                }
            }
            json.member("team", team)
        }
        var bytes = writer.bytes
        bytes.append(0x0A)
        return Data(bytes)
    }
}

extension JSONTextWriter {
    /// An integer member, left out when nil (as `JSONEncoder` leaves out absent optionals).
    fileprivate mutating func optional(_ name: String, _ value: Int?) {
        if let value { member(name, value) }
    }

    fileprivate mutating func learner(_ row: TeamReport.LearnerRow) {
        object { json in
            json.optional("daysOverdue", row.daysOverdue)
            json.member("id", row.id)
            json.member("lastActivity", row.lastActivity)
            json.member("name", row.name)
            json.key("paths")
            json.array(row.paths) { json, path in json.path(path) }
            json.member("team", row.team)
            json.member("worstState", row.worstState.rawValue)
        }
    }

    fileprivate mutating func item(_ item: TeamReport.ItemAnalysis) {
        object { json in
            json.member("answers", item.answers)
            json.key("choices")
            json.array(item.choices) { json, choice in
                json.object { json in
                    json.member("choice", choice.choice)
                    json.member("correct", choice.correct)
                    json.member("picks", choice.picks)
                }
            }
            json.member("difficulty", item.difficulty)
            json.member("discrimination", item.discrimination)
            json.key("flags")
            json.array(item.flags) { json, flag in json.string(flag.rawValue) }
            json.member("module", item.module)
            json.member("question", item.question)
            json.member("right", item.right)
            json.key("unpickedDistractors")
            json.array(item.unpickedDistractors) { json, choice in json.string(choice) }
        }
    }

    fileprivate mutating func path(_ path: TeamReport.PathRow) {
        object { json in
            json.member("completedAt", path.completedAt)
            json.optional("daysOverdue", path.daysOverdue)
            json.optional("daysUntilDue", path.daysUntilDue)
            json.member("due", path.due)
            json.member("dueSoon", path.dueSoon)
            json.key("milestones")
            json.array(path.milestones) { json, milestone in
                json.object { json in
                    json.member("attestedAt", milestone.attestedAt)
                    json.member("attestedBy", milestone.attestedBy)
                    json.member("milestone", milestone.milestone)
                    json.member("note", milestone.note)
                    json.member("state", milestone.state.rawValue)
                    json.member("validUntil", milestone.validUntil)
                }
            }
            json.key("modules")
            json.array(path.modules) { json, module in
                json.object { json in
                    json.member("completedAt", module.completedAt)
                    json.optional("daysOverdue", module.daysOverdue)
                    json.member("due", module.due)
                    json.member("module", module.module)
                    json.member("score", module.score)
                    json.member("state", module.state.rawValue)
                    json.member("validUntil", module.validUntil)
                    json.member("version", module.version?.description)
                    if let waiver = module.waiver { json.waiver(waiver) }
                }
            }
            json.member("modulesDone", path.modulesDone)
            json.member("modulesTotal", path.modulesTotal)
            json.member("overdue", path.overdue)
            json.member("percent", path.percent)
            json.member("role", path.role)
            json.member("state", path.state.rawValue)
            json.member("updateAvailable", path.updateAvailable)
            json.member("validUntil", path.validUntil)
            json.member("waived", path.waived)
        }
    }

    /// A module's waiver, as `status --format json` writes it (docs/json-output.md).
    fileprivate mutating func waiver(_ waiver: Waiver) {
        key("waiver")
        object { json in
            json.member("at", waiver.at)
            json.member("by", waiver.by)
            json.member("ended", waiver.ended)
            json.member("reason", waiver.reason)
            json.member("scope", waiver.scope.rawValue)
            json.member("until", waiver.until)
        }
    }
}
