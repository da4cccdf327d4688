import FuzzDriver
import JSON

/// The JSON parser: any bytes parse or fail with JSONParseError; what parses writes back to text that parses
/// to an equal value (the writer and the parser agree).
FuzzDriver.run("fuzz-json") { bytes in
    guard let value = try? JSON(parsing: Array(bytes)) else { return }
    let text = value.serialized()
    guard let again = try? JSON(parsing: text) else { fatalError("written JSON does not parse: \(text.prefix(200))") }
    precondition(again == value, "round trip changed the value: \(text.prefix(200))")
}
