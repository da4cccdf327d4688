import JSON
import StepFunctions
import Stepwise

extension StepFunctionsAPI {
    /// TestState: botocore's `TestStateInput` members with their constraints → `status`, `output`, `error`,
    /// `cause`, `nextState`, `inspectionData` (``TestStateResult/json()``).
    static func testState(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let level = try request.choice("inspectionLevel", InspectionLevel.allCases.map(\.rawValue)).flatMap(InspectionLevel.init) ?? .info
        let input = TestStateInput(
            definition: try request.required("definition", max: definitionLength), roleArn: try request.string("roleArn", min: 1, max: 256),
            input: try request.string("input", max: payloadLength), inspectionLevel: level, revealSecrets: try request.bool("revealSecrets") ?? false,
            variables: try request.string("variables", max: payloadLength), stateName: try request.string("stateName", min: 1, max: 80),
            mock: try mock(request.structure("mock")), context: try request.string("context", max: payloadLength),
            configuration: try configuration(request.structure("stateConfiguration")))
        return try await service.testState(input).json()
    }

    /// The longest `SensitiveData` member (256 KiB).
    static let payloadLength = 262_144

    static func mock(_ members: Members?) throws(StepFunctionsError) -> TestStateInput.MockInput? {
        guard let members else { return nil }
        var errorOutput: (error: String, cause: String?)?
        if let output = try members.structure("errorOutput") {
            errorOutput = (try output.required("error", min: 0, max: 256), try output.string("cause", max: 32_768))
        }
        return TestStateInput.MockInput(
            result: try members.string("result", max: payloadLength), errorOutput: errorOutput,
            fieldValidationMode: try members.choice("fieldValidationMode", ["STRICT", "PRESENT", "NONE"]))
    }

    static func configuration(_ members: Members?) throws(StepFunctionsError) -> TestStateConfiguration {
        guard let members else { return TestStateConfiguration() }
        return TestStateConfiguration(
            retrierRetryCount: try members.int("retrierRetryCount", 0...Int.max),
            errorCausedByState: try members.string("errorCausedByState", min: 1, max: 80),
            mapIterationFailureCount: try members.int("mapIterationFailureCount", 0...Int.max),
            mapItemReaderData: try members.string("mapItemReaderData", max: payloadLength))
    }
}
