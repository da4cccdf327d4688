import Foundation
import JSON
import Stepwise
import StepwiseSQLite

extension Store {
    /// Stores an activity, or answers the one with that name (CreateActivity is idempotent by name).
    package func createActivity(_ activity: ActivityRecord) throws -> ActivityRecord {
        if let existing = try self.activity(arn: activity.arn) { return existing }
        try database().run(
            "INSERT INTO activities (arn, name, created_date, tags, encryption) VALUES (?, ?, ?, ?, ?)", activity.arn, activity.name,
            activity.creationDate.timeIntervalSince1970, Self.tagsJSON(activity.tags), activity.encryption.map { JSON.object($0).serialized() })
        return activity
    }

    /// The activity with this ARN, or nil.
    package func activity(arn: String) throws -> ActivityRecord? {
        try database().rows("SELECT arn, name, created_date, tags, encryption FROM activities WHERE arn = ?", arn, row: Self.activity).first
    }

    /// Every activity, by name.
    package func activities() throws -> [ActivityRecord] {
        try database().rows("SELECT arn, name, created_date, tags, encryption FROM activities ORDER BY name", row: Self.activity)
    }

    /// Deletes an activity; false when there was none.
    @discardableResult
    package func deleteActivity(arn: String) throws -> Bool {
        try database().run("DELETE FROM activities WHERE arn = ?", arn) > 0
    }

    static func activity(_ row: SQLiteStatement) -> ActivityRecord {
        var activity = ActivityRecord(
            arn: row.text(0), name: row.text(1), creationDate: Date(timeIntervalSince1970: row.double(2)), tags: tags(fromJSON: row.text(3)))
        activity.encryption = row.optionalText(4).map(configuration(fromJSON:))
        return activity
    }
}
