import Foundation
import JSON
import Stepwise

/// One notification a workflow sent: an SNS message, an email, an EventBridge event.
package struct OutboxMessage: Sendable, Hashable {
    /// Its order in the outbox, from 1.
    package var sequence: Int
    /// `sns`, `ses` or `events`.
    package var service: String
    /// The action as the Task named it: `publish`, `sendEmail`, `putEvents`.
    package var action: String
    /// The id the service answered (`MessageId`, or an entry's `EventId`).
    package var messageId: String
    /// When it was recorded (wall-clock time, ISO 8601).
    package var time: String
    /// The execution whose Task sent it; nil for a call outside an execution.
    package var executionArn: String?
    package var stateName: String?
    /// The request as the Task sent it (for putEvents, the one entry).
    package var request: JSON

    package var json: JSON {
        ServiceSupport.object([
            "sequence": .int(sequence), "service": .string(service), "action": .string(action), "messageId": .string(messageId),
            "time": .string(time), "executionArn": executionArn.map(JSON.string), "stateName": stateName.map(JSON.string),
            "request": request,
        ])
    }
}

/// The notification outbox: every message the notifying services (SNS, SES, EventBridge events) "send" is recorded
/// here instead, in one SQLite file `<data-dir>/outbox.sqlite` (table `messages`) that `sqlite3` opens, so tests
/// and people read what a workflow would have sent (`stepwise data outbox`). Nothing is delivered.
package final class Outbox: Sendable {
    static let fileName = "outbox.sqlite"
    let file: SQLFile
    let path: String

    static let schema = """
        CREATE TABLE IF NOT EXISTS messages (sequence INTEGER PRIMARY KEY AUTOINCREMENT, service TEXT NOT NULL,
            action TEXT NOT NULL, message_id TEXT NOT NULL, time TEXT NOT NULL, execution_arn TEXT, state_name TEXT,
            request TEXT NOT NULL);
        """

    package init(dataDirectory: DataDirectory) {
        path = dataDirectory.url.appendingPathComponent(Self.fileName).path
        file = SQLFile(path: path, setup: Self.schema)
    }

    /// Records one message and answers its id (a new UUID unless `messageId` is given).
    @discardableResult
    func record(_ service: String, _ action: String, request: JSON, context: TaskContext?, messageId: String = UUID().uuidString.lowercased())
        throws -> String
    {
        let arn = context.map(\.executionArn).flatMap { $0.contains(":execution:direct:") ? nil : $0 }
        let values: [SQLValue] = [
            .text(service), .text(action), .text(messageId), .text(ServiceSupport.timestamp(Date()).stringValue ?? ""),
            arn.map(SQLValue.text) ?? .null, context.map { SQLValue.text($0.stateName) } ?? .null, .text(request.serialized()),
        ]
        try file.with { sql in
            try sql.query(
                "INSERT INTO messages (service, action, message_id, time, execution_arn, state_name, request) VALUES (?, ?, ?, ?, ?, ?, ?)",
                values)
        }
        return messageId
    }

    /// The messages in the order they were recorded, of one service or all. Reads only: a missing file is an empty
    /// outbox, and nothing is created.
    package func messages(service: String? = nil) throws -> [OutboxMessage] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let sql = try EmbeddedSQL(path: path, readOnly: true)
        let rows = try sql.query(
            """
            SELECT sequence, service, action, message_id, time, execution_arn, state_name, request FROM messages
            WHERE ?1 IS NULL OR service = ?1 ORDER BY sequence
            """, [service.map(SQLValue.text) ?? .null])
        return rows.map { row in
            OutboxMessage(
                sequence: row[0].integerValue ?? 0, service: row[1].textValue ?? "", action: row[2].textValue ?? "",
                messageId: row[3].textValue ?? "", time: row[4].textValue ?? "", executionArn: row[5].textValue,
                stateName: row[6].textValue, request: (try? JSON(parsing: row[7].textValue ?? "null")) ?? .null)
        }
    }
}
