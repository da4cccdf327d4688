import JSON

extension JSONPathDataFlow {
    /// Reads InputPath, Parameters, ResultSelector, ResultPath and OutputPath from a state's JSON object
    /// (asl-reference §1.3, §2.1); absent fields take their defaults, other members are ignored.
    package init(fields state: JSONObject) throws(DataFlowFieldError) {
        self.init(
            inputPath: try Self.path(state, "InputPath"),
            parameters: try Self.template(state, "Parameters"),
            resultSelector: try Self.template(state, "ResultSelector"),
            resultPath: try Self.path(state, "ResultPath"),
            outputPath: try Self.path(state, "OutputPath"))
        if case .path(let path) = resultPath, !path.isReferencePath || path.root != .input {
            throw DataFlowFieldError(field: "ResultPath", message: "'\(path.text)' is not a Reference Path on '$'")
        }
    }

    private static func path(_ state: JSONObject, _ field: String) throws(DataFlowFieldError) -> DataPath {
        do { return try DataPath(state[field]) } catch {
            throw DataFlowFieldError(field: field, message: error.description)
        }
    }

    private static func template(_ state: JSONObject, _ field: String) throws(DataFlowFieldError) -> PayloadTemplate? {
        guard let value = state[field] else { return nil }
        do { return try PayloadTemplate(value) } catch {
            throw DataFlowFieldError(field: field, message: error.description)
        }
    }
}

/// A data-flow field of a state that cannot be compiled: which field, and why.
package struct DataFlowFieldError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `InputPath`, `Parameters`, `ResultSelector`, `ResultPath` or `OutputPath`.
    package var field: String
    package var message: String

    package init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    package var description: String { "\(field): \(message)" }
}
