import Foundation

extension XAPIStatement {
    /// `statements` as a JSON array: pretty, the same text `JSONCoding.encoder()` makes (for `export xapi`),
    /// or compact (a request body). Written directly: through `Encodable`, encoding took most of a large sync.
    public static func jsonData(_ statements: [XAPIStatement], compact: Bool = false) -> Data {
        var writer = JSONTextWriter(compact: compact)
        writer.array(statements) { json, statement in json.statement(statement) }
        return Data(writer.bytes)
    }
}

// Members are written in sorted key order, as `JSONCoding.encoder()` sorts them.
extension JSONTextWriter {
    fileprivate mutating func statement(_ statement: XAPIStatement) {
        object { json in
            json.key("actor")
            json.actor(statement.actor)
            if let context = statement.context {
                json.key("context")
                json.context(context)
            }
            json.member("id", statement.id)
            json.key("object")
            json.activity(statement.object)
            if let result = statement.result {
                json.key("result")
                json.result(result)
            }
            json.member("timestamp", statement.timestamp)
            json.key("verb")
            json.object { json in
                json.key("display")
                json.languageMap(statement.verb.display)
                json.member("id", statement.verb.id)
            }
        }
    }

    fileprivate mutating func actor(_ actor: XAPIStatement.Actor) {
        object { json in
            json.key("account")
            json.object { json in
                json.member("homePage", actor.account.homePage)
                json.member("name", actor.account.name)
            }
            json.member("objectType", actor.objectType)
        }
    }

    fileprivate mutating func activity(_ activity: XAPIStatement.Activity) {
        object { json in
            if let definition = activity.definition {
                json.key("definition")
                json.object { json in
                    json.key("name")
                    json.languageMap(definition.name)
                    json.member("type", definition.type)
                }
            }
            json.member("id", activity.id)
            json.member("objectType", activity.objectType)
        }
    }

    fileprivate mutating func languageMap(_ map: [String: String]) {
        object { json in
            for (language, text) in map.sorted(by: { $0.key < $1.key }) { json.member(language, text) }
        }
    }

    fileprivate mutating func context(_ context: XAPIStatement.Context) {
        object { json in
            if let activities = context.contextActivities {
                json.key("contextActivities")
                json.object { json in
                    if let grouping = activities.grouping {
                        json.key("grouping")
                        json.array(grouping) { json, activity in json.activity(activity) }
                    }
                    if let parent = activities.parent {
                        json.key("parent")
                        json.array(parent) { json, activity in json.activity(activity) }
                    }
                }
            }
            if let instructor = context.instructor {
                json.key("instructor")
                json.actor(instructor)
            }
            json.member("language", context.language)
            json.member("registration", context.registration)
            json.member("revision", context.revision)
        }
    }

    fileprivate mutating func result(_ result: XAPIStatement.Result) {
        object { json in
            json.member("completion", result.completion)
            json.member("duration", result.duration)
            if let extensions = result.extensions {
                json.key("extensions")
                json.object { json in
                    for (iri, answers) in extensions.sorted(by: { $0.key < $1.key }) {
                        json.key(iri)
                        json.array(answers) { json, answer in
                            json.object { json in
                                json.key("chosen")
                                json.array(answer.chosen) { json, choice in json.string(choice) }
                                json.member("correct", answer.correct)
                                json.member("question", answer.question)
                            }
                        }
                    }
                }
            }
            json.member("response", result.response)
            if let score = result.score {
                json.key("score")
                json.object { json in json.member("scaled", score.scaled) }
            }
            json.member("success", result.success)
        }
    }
}
