import Foundation
import JSON
import Stepwise

/// One resource in the catalogue: its type (`glue:database`, `eventbridge:rule`, …), name and JSON description.
package struct CatalogResource: Sendable, Hashable {
    package var type: String
    package var name: String
    package var description: JSON
}

/// The resource catalogue: control-plane resources that have nothing to compute locally but must be remembered
/// (Glue databases and crawlers, EventBridge rules, DMS replication tasks), by type and name, in one SQLite file
/// `<data-dir>/catalog.sqlite` (table `resources`) that `sqlite3` opens.
package final class ResourceCatalog: Sendable {
    let file: SQLFile

    static let schema = """
        CREATE TABLE IF NOT EXISTS resources (type TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,
            created_date TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), PRIMARY KEY (type, name));
        """

    package init(dataDirectory: DataDirectory) {
        file = SQLFile(path: dataDirectory.url.appendingPathComponent("catalog.sqlite").path, setup: Self.schema)
    }

    /// Adds a resource; false (and no change) when one of that type and name exists.
    func insert(_ type: String, _ name: String, _ description: JSON) throws -> Bool {
        try file.with { sql in
            let rows = try sql.run("INSERT OR IGNORE INTO resources (type, name, description) VALUES (:type, :name, :description)") { _, key in
                key == ":type" ? .text(type) : key == ":name" ? .text(name) : .text(description.serialized())
            }
            return rows.first?.changes == 1
        }
    }

    /// Adds or replaces a resource.
    func put(_ type: String, _ name: String, _ description: JSON) throws {
        try file.with { try CatalogTransaction(sql: $0).put(type, name, description) }
    }

    /// Runs `body` in one transaction on the catalogue: what it reads and writes there cannot interleave with
    /// another's change (executing a change set twice, two updates of one stack).
    func transaction<T: Sendable>(_ body: (CatalogTransaction) throws -> T) throws -> T {
        try file.transaction { sql in try body(CatalogTransaction(sql: sql)) }
    }

    /// Reads, changes and writes one resource in one transaction (so concurrent changes are not lost): `body`
    /// gets the description (nil when there is none) and answers the new one (nil: no change) and a result.
    func update<T: Sendable>(_ type: String, _ name: String, _ body: (JSON?) throws -> (JSON?, T)) throws -> T {
        try file.transaction { sql in
            let text = try sql.query("SELECT description FROM resources WHERE type = ? AND name = ?", [.text(type), .text(name)]).first?[0]
                .textValue
            let (description, result) = try body(try text.map { try JSON(parsing: $0) })
            if let description {
                try sql.query(
                    """
                    INSERT INTO resources (type, name, description) VALUES (?, ?, ?)
                    ON CONFLICT (type, name) DO UPDATE SET description = excluded.description
                    """, [.text(type), .text(name), .text(description.serialized())])
            }
            return result
        }
    }

    /// The description of a resource, nil when there is none.
    func get(_ type: String, _ name: String) throws -> JSON? {
        try file.with { try CatalogTransaction(sql: $0).get(type, name) }
    }

    /// Removes a resource; false when there was none.
    @discardableResult
    func delete(_ type: String, _ name: String) throws -> Bool {
        try file.with { sql in
            try sql.run("DELETE FROM resources WHERE type = :type AND name = :name") { _, key in key == ":type" ? .text(type) : .text(name) }
                .first?.changes == 1
        }
    }

    /// The resources of one type, or of every type, by type and name.
    package func list(type: String? = nil) throws -> [CatalogResource] {
        let rows = try file.with { sql in
            try sql.query(
                "SELECT type, name, description FROM resources WHERE ?1 IS NULL OR type = ?1 ORDER BY type, name",
                [type.map(SQLValue.text) ?? .null])
        }
        return try rows.map { row in
            CatalogResource(type: row[0].textValue ?? "", name: row[1].textValue ?? "", description: try JSON(parsing: row[2].textValue ?? "null"))
        }
    }
}

/// Reads and writes of the catalogue inside one of its transactions.
struct CatalogTransaction {
    let sql: EmbeddedSQL

    func get(_ type: String, _ name: String) throws -> JSON? {
        let text = try sql.query("SELECT description FROM resources WHERE type = ? AND name = ?", [.text(type), .text(name)]).first?[0].textValue
        return try text.map { try JSON(parsing: $0) }
    }

    func put(_ type: String, _ name: String, _ description: JSON) throws {
        try sql.query(
            """
            INSERT INTO resources (type, name, description) VALUES (?, ?, ?)
            ON CONFLICT (type, name) DO UPDATE SET description = excluded.description
            """, [.text(type), .text(name), .text(description.serialized())])
    }

    func delete(_ type: String, _ name: String) throws {
        try sql.query("DELETE FROM resources WHERE type = ? AND name = ?", [.text(type), .text(name)])
    }

    /// The resources of `type` whose name starts with `prefix`.
    func list(_ type: String, prefix: String = "") throws -> [(name: String, description: JSON)] {
        try sql.query("SELECT name, description FROM resources WHERE type = ? ORDER BY name", [.text(type)]).compactMap { row in
            guard let name = row[0].textValue, name.hasPrefix(prefix) else { return nil }
            return (name, try JSON(parsing: row[1].textValue ?? "null"))
        }
    }
}
