import Foundation
import JSON

extension RDSDataService {
    /// `Parameters` (`[{Name, Value: {StringValue|LongValue|DoubleValue|BooleanValue|IsNull|BlobValue}, TypeHint}]`)
    /// as SQLite values by name. TypeHint (DATE, TIME, TIMESTAMP, DECIMAL, JSON, UUID) keeps the string as text.
    static func parameters(_ list: [JSON], _ request: ServiceRequest) throws -> [String: SQLValue] {
        var values: [String: SQLValue] = [:]
        for item in list {
            let parameter = ServiceRequest(input: item, validationError: request.validationError)
            if parameter["Name"] == nil, parameter.hasCamelCase("Name") { throw request.invalid(Self.camelCaseMessage) }
            let name = try parameter.required("Name")
            guard let field = parameter["Value"], field.objectValue != nil else { throw request.invalid("Parameter \(name) has no Value") }
            values[name] = try value(of: ServiceRequest(input: field, validationError: request.validationError), name: name)
        }
        return values
    }

    /// Why a camelCase parameter (the Data API's own JSON spelling) is refused.
    static let camelCaseMessage =
        "Step Functions passes SDK members in PascalCase (Name, Value, StringValue, LongValue, IsNull, …); camelCase members are not members."

    /// One typed Field as an SQLite value.
    private static func value(of field: ServiceRequest, name: String) throws -> SQLValue {
        if try field.bool("IsNull") == true { return .null }
        if let text = try field.string("StringValue") { return .text(text) }
        if let long = try field.int("LongValue") { return .integer(long) }
        if let bool = try field.bool("BooleanValue") { return .integer(bool ? 1 : 0) }
        if let double = field["DoubleValue"]?.doubleValue { return .real(double) }
        if let blob = try field.string("BlobValue") {
            guard let data = Data(base64Encoded: blob) else { throw field.invalid("BlobValue of \(name) is not base64") }
            return .blob(Array(data))
        }
        if field["ArrayValue"] != nil { throw field.invalid("Array parameters are not supported (parameter \(name))") }
        if ["StringValue", "LongValue", "BooleanValue", "DoubleValue", "IsNull", "BlobValue"].contains(where: field.hasCamelCase) {
            throw field.invalid("Parameter \(name) has no supported value. \(camelCaseMessage)")
        }
        throw field.invalid("Parameter \(name) has no supported value")
    }

    /// A row as typed Field objects (`{"StringValue": …}`, `{"LongValue": …}`, `{"IsNull": true}`, …).
    static func fields(_ row: [SQLValue], _ columns: [SQLResultSet.Column]) -> [JSON] {
        zip(row, columns).map { value, column in
            switch value {
            case .null: ["IsNull": true]
            case .integer(let int) where isBoolean(column): ["BooleanValue": .bool(int != 0)]
            case .integer(let int): ["LongValue": .int(int)]
            case .real(let double): ["DoubleValue": .double(double)]
            case .text(let text): ["StringValue": .string(text)]
            case .blob(let bytes): ["BlobValue": .string(Data(bytes).base64EncodedString())]
            }
        }
    }

    /// `FormattedRecords`: the rows as a JSON array of objects keyed by column name, as text.
    static func formattedRecords(_ result: SQLResultSet) -> String {
        let rows = result.rows.map { row in
            JSON.object(JSONObject(zip(result.columns, row).map { column, value in (column.name, plain(value, column)) }))
        }
        return JSON.array(rows).serialized()
    }

    private static func plain(_ value: SQLValue, _ column: SQLResultSet.Column) -> JSON {
        switch value {
        case .null: .null
        case .integer(let int) where isBoolean(column): .bool(int != 0)
        case .integer(let int): .int(int)
        case .real(let double): .double(double)
        case .text(let text): .string(text)
        case .blob(let bytes): .string(Data(bytes).base64EncodedString())
        }
    }

    /// Whether the column was declared boolean (`BOOLEAN`, `BOOL`, `BIT`): its 0 and 1 read as booleans.
    private static func isBoolean(_ column: SQLResultSet.Column) -> Bool {
        ["BOOLEAN", "BOOL", "BIT"].contains(baseType(column.declaredType))
    }

    /// The declared type without its size: `VARCHAR(20)` → `VARCHAR`.
    static func baseType(_ declared: String?) -> String {
        String((declared ?? "").uppercased().prefix { $0 != "(" && $0 != " " })
    }
}
