import Foundation
import JSON
import Stepwise

/// CSV as a Distributed Map's ItemReader reads it: RFC 4180 quoting, a header row (FIRST_ROW) or given
/// headers (GIVEN), one object per data row with string values.
struct CSVReader {
    let delimiter: Character
    let givenHeaders: [String]?

    init(config: JSON) {
        switch config["CSVDelimiter"]?.stringValue {
        case "PIPE": delimiter = "|"
        case "SEMICOLON": delimiter = ";"
        case "SPACE": delimiter = " "
        case "TAB": delimiter = "\t"
        default: delimiter = ","
        }
        givenHeaders = config["CSVHeaderLocation"]?.stringValue == "GIVEN" ? config["CSVHeaders"]?.arrayValue?.compactMap(\.stringValue) : nil
    }

    func items(_ text: String) throws -> [JSON] {
        var rows = Self.rows(text, delimiter: delimiter)
        let headers: [String]
        if let givenHeaders {
            headers = givenHeaders
        } else {
            guard !rows.isEmpty else { return [] }
            headers = rows.removeFirst()
        }
        guard Set(headers).count == headers.count else {
            throw StatesError(StatesError.Name.itemReaderFailed, "CSV headers cannot contain duplicates.")
        }
        return rows.map { row in
            .object(JSONObject(uniqueKeys: headers, values: headers.indices.map { $0 < row.count ? .string(row[$0]) : .string("") }))
        }
    }

    /// Splits CSV text into rows of fields: quotes, doubled quotes, delimiters and newlines inside quotes.
    static func rows(_ text: String, delimiter: Character) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = text.makeIterator()
        var pending: Character? = characters.next()
        while let character = pending {
            pending = characters.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = characters.next()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" && field.isEmpty {
                quoted = true
            } else if character == delimiter {
                row.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                row.append(field)
                field = ""
                if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                row = []
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
