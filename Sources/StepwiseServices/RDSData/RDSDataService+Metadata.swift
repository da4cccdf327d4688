import JSON

extension RDSDataService {
    /// `ColumnMetadata`: one entry per result column, with the JDBC type the Data API reports.
    static func columnMetadata(_ result: SQLResultSet) -> JSON {
        .array(
            result.columns.enumerated().map { index, column in
                let typeName = typeName(column, sample: result.rows.first?[index])
                let numeric = ["BIGINT", "INTEGER", "INT", "SMALLINT", "TINYINT", "DOUBLE", "FLOAT", "REAL", "DECIMAL", "NUMERIC"].contains(typeName)
                return [
                    "Name": .string(column.name), "Label": .string(column.name), "TypeName": .string(typeName),
                    "Type": .int(jdbcTypes[typeName] ?? 12), "TableName": .string(column.table ?? ""), "SchemaName": "",
                    "IsAutoIncrement": false, "IsSigned": .bool(numeric), "IsCurrency": false, "IsCaseSensitive": .bool(!numeric),
                    "Nullable": 2, "Precision": 0, "Scale": 0, "ArrayBaseColumnType": 0,
                ]
            })
    }

    /// The declared type's name, or (for an expression column) one from the first row's storage class.
    private static func typeName(_ column: SQLResultSet.Column, sample: SQLValue?) -> String {
        let declared = baseType(column.declaredType)
        if !declared.isEmpty { return declared }
        switch sample {
        case .integer: return "BIGINT"
        case .real: return "DOUBLE"
        case .blob: return "BLOB"
        case .null, .none: return "NULL"
        case .text: return "VARCHAR"
        }
    }

    /// `java.sql.Types` codes by type name, as the Data API's `type` member reports them.
    private static let jdbcTypes: [String: Int] = [
        "VARCHAR": 12, "CHAR": 1, "TEXT": -1, "INTEGER": 4, "INT": 4, "BIGINT": -5, "SMALLINT": 5, "TINYINT": -6,
        "DOUBLE": 8, "FLOAT": 6, "REAL": 7, "DECIMAL": 3, "NUMERIC": 2, "BOOLEAN": 16, "BOOL": 16, "BIT": -7,
        "BLOB": 2004, "DATE": 91, "TIME": 92, "TIMESTAMP": 93, "DATETIME": 93, "NULL": 0, "JSON": 12,
    ]
}
