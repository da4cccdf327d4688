import Stepwise

/// What TestState asks for, as the wire gives it: payloads as JSON text (botocore's `TestStateInput`).
package struct TestStateInput: Sendable {
    package var definition: String
    package var roleArn: String?
    /// JSON text (nil means `{}`).
    package var input: String?
    package var inspectionLevel: InspectionLevel
    package var revealSecrets: Bool
    /// A JSON object as text.
    package var variables: String?
    package var stateName: String?
    package var mock: MockInput?
    /// A context object as JSON text.
    package var context: String?
    package var configuration: TestStateConfiguration

    package init(
        definition: String, roleArn: String? = nil, input: String? = nil, inspectionLevel: InspectionLevel = .info, revealSecrets: Bool = false,
        variables: String? = nil, stateName: String? = nil, mock: MockInput? = nil, context: String? = nil,
        configuration: TestStateConfiguration = TestStateConfiguration()
    ) {
        self.definition = definition
        self.roleArn = roleArn
        self.input = input
        self.inspectionLevel = inspectionLevel
        self.revealSecrets = revealSecrets
        self.variables = variables
        self.stateName = stateName
        self.mock = mock
        self.context = context
        self.configuration = configuration
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
