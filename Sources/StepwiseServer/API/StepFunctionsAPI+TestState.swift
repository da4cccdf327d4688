import JSON
import StepFunctions
import Stepwise

extension StepFunctionsAPI {
    /// TestState: botocore's `TestStateInput` members with their constraints → `status`, `output`, `error`,
    /// `cause`, `nextState`, `inspectionData` (``TestStateResult/json()``).
    static func testState(_ service: StepFunctionsService, _ members: Members) async throws -> JSON {
        let level = try members.choice("inspectionLevel", InspectionLevel.allCases.map(\.rawValue)).flatMap(InspectionLevel.init) ?? .info
        let request = TestStateRequest(
            definition: try members.required("definition", max: definitionLength), stateName: try members.string("stateName", min: 1, max: 80),
            inspectionLevel: level, roleArn: try members.string("roleArn", min: 1, max: 256),
            revealSecrets: try members.bool("revealSecrets") ?? false,
            configuration: try configuration(members.structure("stateConfiguration")))
        let input = TestStateInput(
            request, input: try members.string("input", max: payloadLength), variables: try members.string("variables", max: payloadLength),
            context: try members.string("context", max: payloadLength), mock: try mock(members.structure("mock")))
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
