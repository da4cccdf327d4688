import Foundation

extension DataInventory {
    /// DynamoDB tables and item counts from `dynamodb.sqlite` (a `tables` table and an `items` table), or a note
    /// saying why there are none: no file, or a layout this build does not recognise.
    static func readDynamoDB(_ file: URL) -> ([Table], String?) {
        guard FileManager.default.fileExists(atPath: file.path) else { return ([], "no DynamoDB data (no dynamodb.sqlite)") }
        let unrecognised = "no DynamoDB data (dynamodb.sqlite has a layout this build does not recognise)"
        guard let sql = try? EmbeddedSQL(path: file.path, readOnly: true),
            let tableColumns = try? columns(of: "tables", in: sql), let itemColumns = try? columns(of: "items", in: sql),
            let nameColumn = ["name", "table_name", "tableName", "TableName"].first(where: tableColumns.contains),
            let itemTable = ["table_name", "tableName", "TableName", "table"].first(where: itemColumns.contains),
            let names = try? sql.query("SELECT \"\(nameColumn)\" FROM tables ORDER BY 1").compactMap({ $0[0].textValue }),
            let counts = try? sql.query("SELECT \"\(itemTable)\", count(*) FROM items GROUP BY 1")
        else { return ([], unrecognised) }
        let byTable = Dictionary(counts.compactMap { row in row[0].textValue.map { ($0, row[1].integerValue ?? 0) } }, uniquingKeysWith: +)
        let tables = names.map { Table(name: $0, count: byTable[$0] ?? 0) }
        return (tables, tables.isEmpty ? "no DynamoDB tables" : nil)
    }

    /// The column names of `table`; empty when there is no such table.
    private static func columns(of table: String, in sql: EmbeddedSQL) throws -> [String] {
        try sql.query("SELECT name FROM pragma_table_info(?)", [.text(table)]).compactMap { $0[0].textValue }
    }
}
