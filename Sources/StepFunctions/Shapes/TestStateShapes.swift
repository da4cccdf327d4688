import Stepwise

/// What TestState asks for: the members that are JSON text on the wire (botocore's `TestStateInput`), and the
/// rest already as the library's request (its `input`, `mock`, `context` and `variables` are set from the text).
package struct TestStateInput: Sendable {
    package var request: TestStateRequest
    /// JSON text (nil means `{}`).
    package var input: String?
    /// A JSON object as text.
    package var variables: String?
    /// A context object as JSON text.
    package var context: String?
    package var mock: MockInput?

    package init(_ request: TestStateRequest, input: String? = nil, variables: String? = nil, context: String? = nil, mock: MockInput? = nil) {
        self.request = request
        self.input = input
        self.variables = variables
        self.context = context
        self.mock = mock
    }

    /// `mock`: a result as JSON text, or an error output (botocore's `MockInput`).
    package struct MockInput: Sendable {
        package var result: String?
        package var errorOutput: (error: String, cause: String?)?
        /// STRICT (the default), PRESENT or NONE; accepted, see docs/differences.md.
        package var fieldValidationMode: String?

        package init(result: String? = nil, errorOutput: (error: String, cause: String?)? = nil, fieldValidationMode: String? = nil) {
            self.result = result
            self.errorOutput = errorOutput
            self.fieldValidationMode = fieldValidationMode
        }
    }
}
