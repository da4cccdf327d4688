import Foundation
import JSON
import StepwiseSQLite

/// The SQL of `dynamodb.sqlite`: tables and their items, readable with `sqlite3`.
///
/// `tables` holds one row per table with its key schema and attribute definitions as the API writes them;
/// `items` holds every item as JSON in AttributeValue form, keyed by (table, partition key text, sort key text);
/// `transaction_tokens` the ClientRequestTokens of TransactWriteItems of the last 10 minutes.
/// Used only inside ``SQLiteDatabase`` calls, on its connection.
struct ItemStore {
    let connection: SQLiteConnection

    static let schema = """
        CREATE TABLE IF NOT EXISTS tables (
            name TEXT PRIMARY KEY,
            key_schema TEXT NOT NULL,
            attribute_definitions TEXT NOT NULL,
            billing_mode TEXT NOT NULL,
            read_capacity INTEGER NOT NULL DEFAULT 0,
            write_capacity INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS items (
            table_name TEXT NOT NULL,
            pk TEXT NOT NULL,
            sk TEXT NOT NULL DEFAULT '',
            item TEXT NOT NULL,
            PRIMARY KEY (table_name, pk, sk)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS transaction_tokens (
            token TEXT PRIMARY KEY,
            request TEXT NOT NULL,
            created_at REAL NOT NULL
        );
        """

    /// The item with `key`, or nil.
    func item(in table: String, _ key: ItemKey) throws -> AttributeMap? {
        try connection.rows(
            "SELECT item FROM items WHERE table_name = ? AND pk = ? AND sk = ?",
            table, key.partition, key.sort
        ) { $0.text(0) }.first.map(Self.decode)
    }

    /// Writes (inserts or replaces) an item.
    func put(in table: String, _ key: ItemKey, _ item: AttributeMap) throws {
        try connection.run(
            "INSERT OR REPLACE INTO items (table_name, pk, sk, item) VALUES (?, ?, ?, ?)",
            table, key.partition, key.sort, item.json.serialized())
    }

    func delete(in table: String, _ key: ItemKey) throws {
        try connection.run(
            "DELETE FROM items WHERE table_name = ? AND pk = ? AND sk = ?",
            table, key.partition, key.sort)
    }

    /// Every item of one partition (Query sorts them by sort key itself: numbers and binaries need typed order).
    func partition(in table: String, _ partition: String) throws -> [AttributeMap] {
        try connection.rows("SELECT item FROM items WHERE table_name = ? AND pk = ?", table, partition) {
            $0.text(0)
        }.map(Self.decode)
    }

    /// Up to `limit` items after `start` (exclusive) in (pk, sk) order: Scan's order.
    func scan(in table: String, after start: ItemKey?, limit: Int?, segment: ScanSegment? = nil) throws -> [AttributeMap] {
        var cursor = start.map { (partition: $0.partition, sort: $0.sort) }
        guard let segment else { return try rows(in: table, after: cursor, limit: limit).map { try Self.decode($0.item) } }
        // A segment's items are spread over the key order: read on in chunks until the page is full.
        var items: [AttributeMap] = []
        let wanted = limit ?? .max
        while items.count < wanted {
            let chunk = try rows(in: table, after: cursor, limit: max(256, min(wanted, 10_000) * min(segment.total, 16)))
            for row in chunk where segment.contains(partition: row.partition) {
                items.append(try Self.decode(row.item))
                if items.count == wanted { break }
            }
            guard let last = chunk.last else { break }
            cursor = (last.partition, last.sort)
        }
        return items
    }

    /// Rows in key order after `start`: each item's JSON text and key text.
    private func rows(
        in table: String, after start: (partition: String, sort: String)?, limit: Int?
    ) throws -> [(item: String, partition: String, sort: String)] {
        try connection.rows(
            """
            SELECT item, pk, sk FROM items WHERE table_name = ?1 AND (?2 IS NULL OR (pk, sk) > (?2, ?3)) ORDER BY pk, sk LIMIT ?4
            """, table, start?.partition, start?.sort ?? "", limit ?? -1
        ) {
            ($0.text(0), $0.text(1), $0.text(2))
        }
    }

    /// How many items a table holds and their stored size in bytes.
    func statistics(of table: String) throws -> (count: Int, bytes: Int) {
        try connection.rows("SELECT count(*), coalesce(sum(length(item)), 0) FROM items WHERE table_name = ?", table) {
            ($0.int(0), $0.int(1))
        }.first ?? (0, 0)
    }

    private static func decode(_ text: String) throws -> AttributeMap {
        try AttributeMap(json: try JSON(parsing: text))
    }
}
