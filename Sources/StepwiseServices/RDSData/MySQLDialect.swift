import Foundation

/// Rewrites the MySQL-flavoured DDL common in scripts into what SQLite accepts.
///
/// Handled: `INT … AUTO_INCREMENT` (→ `INTEGER`, SQLite's auto-assigned rowid key when it is the primary key),
/// table options (`ENGINE=`, `DEFAULT CHARSET=`, `COLLATE=`, `AUTO_INCREMENT=`, `ROW_FORMAT=`), column
/// `CHARACTER SET` / `COLLATE` clauses, inline `INDEX`/`KEY` clauses (each becomes a `CREATE INDEX IF NOT EXISTS`
/// statement after the table's; `UNIQUE KEY` becomes `UNIQUE`),
/// `ON UPDATE CURRENT_TIMESTAMP` (dropped), `ENUM(…)`/`SET(…)` types (→ `TEXT`) and `INSERT IGNORE`.
/// Backticks, `VARCHAR(n)`, `UNSIGNED` and `IF NOT EXISTS` need nothing: SQLite accepts them as they are.
/// `NOW()` and `UUID()` are added as SQL functions (``EmbeddedSQL/addMySQLFunctions()``). Not handled:
/// `ON DUPLICATE KEY UPDATE`, other MySQL functions (`DATE_FORMAT`, `CONCAT`, …), stored procedures, `SHOW`, `USE`.
enum MySQLDialect {
    private static let tableRules: [(NSRegularExpression, String)] = [
        (#"\b(?:TINY|SMALL|MEDIUM|BIG)?INT(?:EGER)?\s*(?:\(\s*\d+\s*\))?(?:\s+UNSIGNED)?((?:\s+NOT\s+NULL)?)\s+AUTO_INCREMENT\b"#, "INTEGER$1"),
        (#"\)\s*(?:ENGINE|AUTO_INCREMENT|(?:DEFAULT\s+)?(?:CHARSET|CHARACTER\s+SET)|COLLATE|ROW_FORMAT)\s*=[^;]*"#, ")"),
        (#"\s+(?:CHARACTER\s+SET|CHARSET)\s+\w+"#, ""),
        (#"\s+COLLATE\s+(?!BINARY\b|NOCASE\b|RTRIM\b)\w+"#, ""),
        (#",\s*UNIQUE\s+(?:INDEX|KEY)\s+`?\w*`?\s*(\([^)]*\))"#, ", UNIQUE $1"),
        (#",\s*(?:FULLTEXT\s+)?(?:INDEX|KEY)\s+`?\w+`?\s*\([^)]*\)"#, ""),
        (#"\s+ON\s+UPDATE\s+CURRENT_TIMESTAMP(?:\s*\(\s*\d*\s*\))?"#, ""),
        (#"\b(?:ENUM|SET)\s*\([^)]*\)"#, "TEXT"),
    ].map { (try! NSRegularExpression(pattern: $0.0, options: [.caseInsensitive]), $0.1) }

    private static let insertIgnore = try! NSRegularExpression(pattern: #"\bINSERT\s+IGNORE\b"#, options: [.caseInsensitive])
    private static let createTable = try! NSRegularExpression(pattern: #"\bCREATE\s+(?:TEMPORARY\s+)?TABLE\b"#, options: [.caseInsensitive])
    private static let tableName = try! NSRegularExpression(
        pattern: #"\bCREATE\s+(?:TEMPORARY\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(`?\w+`?)"#, options: [.caseInsensitive])
    private static let inlineIndex = try! NSRegularExpression(
        pattern: #",\s*(?:INDEX|KEY)\s+`?(\w+)`?\s*(\([^)]*\))"#, options: [.caseInsensitive])

    /// `sql` with the MySQL forms above rewritten; other SQL is returned unchanged.
    static func rewrite(_ sql: String) -> String {
        var text = replace(insertIgnore, in: sql, with: "INSERT OR IGNORE")
        guard matches(createTable, text) else { return text }
        let indexes = indexStatements(text)
        for (rule, template) in tableRules { text = replace(rule, in: text, with: template) }
        guard !indexes.isEmpty else { return text }
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasSuffix(";") { text.removeLast() }
        return ([text] + indexes).joined(separator: ";\n")
    }

    /// `CREATE INDEX IF NOT EXISTS name ON table (columns)` for each inline `INDEX`/`KEY` of a single CREATE TABLE.
    private static func indexStatements(_ sql: String) -> [String] {
        let range = NSRange(sql.startIndex..., in: sql)
        guard tableName.numberOfMatches(in: sql, range: range) == 1, let table = tableName.firstMatch(in: sql, range: range),
            let tableRange = Range(table.range(at: 1), in: sql)
        else { return [] }
        return inlineIndex.matches(in: sql, range: range).compactMap { match in
            guard let name = Range(match.range(at: 1), in: sql), let columns = Range(match.range(at: 2), in: sql) else { return nil }
            return "CREATE INDEX IF NOT EXISTS `\(sql[name])` ON \(sql[tableRange]) \(sql[columns])"
        }
    }

    private static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static func replace(_ expression: NSRegularExpression, in text: String, with template: String) -> String {
        expression.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}
