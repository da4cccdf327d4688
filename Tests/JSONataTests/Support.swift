import JSON
import JSONata

/// Evaluates `expression` against `input` (JSON text, or no input).
func run(_ expression: String, _ input: String? = nil, bindings: [String: JSON] = [:]) throws -> JSON? {
    let document = try input.map { try JSON(parsing: $0) }
    return try JSONataExpression(expression).evaluate(document, bindings: bindings)
}

/// The error code an expression fails with, or nil when it succeeds.
func errorCode(_ expression: String, _ input: String? = nil) -> String? {
    errorCode { try run(expression, input) }
}

/// The JSONata error code `body` fails with, or nil when it succeeds.
func errorCode(_ body: () throws -> JSON?) -> String? {
    do {
        _ = try body()
        return nil
    } catch let error as JSONataError {
        return error.code
    } catch {
        return "\(error)"
    }
}

/// Parses JSON text written in a test.
func json(_ text: String) -> JSON { try! JSON(parsing: text) }
