import Foundation
import JSON

extension Store {
    /// A state machine's or an activity's tags. - Throws: `.notFound` for an unknown ARN.
    package func tags(arn: String) throws -> [String: String] {
        guard let text = try database().rows("SELECT tags FROM \(Self.taggedTable(arn)) WHERE arn = ?", arn, row: { $0.text(0) }).first
        else { throw Self.noStateMachine(arn) }
        return Self.tags(fromJSON: text)
    }

    /// The table holding the resource an ARN names: `activities` for an activity's, `state_machines` otherwise.
    static func taggedTable(_ arn: String) -> String {
        arn.split(separator: ":", omittingEmptySubsequences: false).dropFirst(5).first == "activity" ? "activities" : "state_machines"
    }

    /// Adds or overwrites tags on a state machine or an activity (TagResource).
    package func tagStateMachine(arn: String, tags: [String: String]) throws {
        try updateTags(arn: arn) { $0.merge(tags) { _, new in new } }
    }

    /// Removes tags from a state machine or an activity by key (UntagResource); unknown keys are ignored.
    package func untagStateMachine(arn: String, keys: [String]) throws {
        try updateTags(arn: arn) { tags in for key in keys { tags[key] = nil } }
    }

    private func updateTags(arn: String, _ change: (inout [String: String]) -> Void) throws {
        let database = try database()
        try database.transaction {
            var tags = try tags(arn: arn)
            change(&tags)
            try database.run("UPDATE \(Self.taggedTable(arn)) SET tags = ? WHERE arn = ?", Self.tagsJSON(tags), arn)
        }
    }

    /// Tags as a JSON object, keys sorted so equal tag sets store equal text.
    static func tagsJSON(_ tags: [String: String]) -> String {
        JSON.object(JSONObject(tags.sorted { $0.key < $1.key }.map { ($0.key, JSON.string($0.value)) })).serialized()
    }

    static func tags(fromJSON text: String) -> [String: String] {
        guard case .object(let object)? = try? JSON(parsing: text) else { return [:] }
        var tags: [String: String] = [:]
        for (key, value) in object { tags[key] = value.stringValue ?? value.serialized() }
        return tags
    }
}
