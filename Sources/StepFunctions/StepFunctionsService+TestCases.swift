import Foundation
import StepwiseIntegrations

extension StepFunctionsService {
    /// `stateMachineArn#TestCaseName` (Step Functions Local's form of StartExecution with mocks): the ARN and
    /// the test case.
    static func splitTestCase(_ arn: String) -> (arn: String, testCase: String?) {
        guard let mark = arn.lastIndex(of: "#") else { return (arn, nil) }
        return (String(arn[..<mark]), String(arn[arn.index(after: mark)...]))
    }

    /// Runs the execution `execution` of `machine` under `testCase`; returns the execution's ARN.
    /// - Throws: ValidationException without a mock config file, or when it has no such test case.
    func bindTestCase(_ testCase: String, machine: String, execution: String) throws(StepFunctionsError) -> String {
        guard let testCases else {
            throw StepFunctionsError.validation("Test case '\(testCase)' needs a mock config file: start the server with SFN_MOCK_CONFIG=FILE")
        }
        let arn = "arn:aws:states:\(region):\(account):execution:\(machine):\(execution)"
        do {
            try testCases.bind(executionArn: arn, machine: machine, testCase: testCase)
        } catch {
            throw StepFunctionsError.validation(error.message)
        }
        return arn
    }
}
