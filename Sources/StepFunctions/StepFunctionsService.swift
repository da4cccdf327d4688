import Foundation
import StatesLanguage
import Stepwise
import StepwiseHost
import StepwiseIntegrations
import StepwiseStore
import Synchronization

/// The AWS Step Functions service, without a transport: each API action is a function that takes the action's
/// typed input, answers its typed output and throws ``StepFunctionsError`` (AWS's error name and message) for
/// the caller's mistakes; anything else it throws is an internal failure. The HTTP server decodes requests into
/// these calls and encodes their answers; the CLI calls them directly.
///
/// What runs executions has three names only: `Runtime` (the library's in-memory runtime), `DurableRuntime` (a
/// runtime that records every step in SQLite and resumes after a crash) and `ExecutionDriver` (what drives one
/// execution). This service holds a `DurableRuntime` and adds the service's rules on top: state machines and
/// their revisions, idempotent starts, Express executions run in memory, mock test cases, ARNs.
///
/// Reads (describe, list, history) go to the store, which commits queued log appends before reading; the live
/// `Execution` objects of `DurableRuntime` are only used to stop executions and update Map Runs.
package final class StepFunctionsService: Sendable {
    package let durable: DurableRuntime
    package var store: Store { durable.store }
    package var runtime: Runtime { durable.runtime }
    /// Parsed definitions by state machine ARN and revision, so a start does not parse the definition again.
    private let machines = Mutex<[String: StateMachine]>([:])
    /// The mock config test cases of `stateMachineArn#TestCaseName` starts (nil without a mock config file).
    package let testCases: TestCaseRegistry?

    /// Task tokens, activities and nested executions (issue 8), installed on the runtime.
    package let integrations: CallbackIntegrations
    /// Picks the version each start by an alias runs.
    let router: VersionRouter

    /// - Parameter routingSeed: makes the versions aliases pick repeatable (tests); nil picks at random, as AWS.
    package init(
        durable: DurableRuntime, testCases: TestCaseRegistry? = nil, activityPollTimeout: Duration = CallbackIntegrations.defaultPollTimeout,
        routingSeed: UInt64? = nil
    ) {
        self.durable = durable
        self.testCases = testCases
        router = VersionRouter(seed: routingSeed)
        integrations = CallbackIntegrations(durable: durable, activityPollTimeout: activityPollTimeout)
        integrations.install()
    }

    package var region: String { runtime.region }
    package var account: String { runtime.account }

    /// The ARN of the state machine named `name`.
    package func stateMachineArn(_ name: String) -> String { runtime.stateMachineArn(name) }

    /// The state machine ready to run for a stored record (parsed once per revision).
    func machine(for record: StateMachineRecord) throws(StepFunctionsError) -> StateMachine {
        let key = "\(record.arn)|\(record.revisionId)"
        if let machine = machines.withLock({ $0[key] }) { return machine }
        do {
            let type = Validator.MachineType(rawValue: record.type.rawValue) ?? .standard
            let machine = StateMachine(definition: try StateMachineDefinition(text: record.definition, type: type), name: record.name)
            machines.withLock { $0[key] = machine }
            return machine
        } catch {
            throw StepFunctionsError.service("InvalidDefinition", error.description)
        }
    }

    /// Turns a store failure into the API error it stands for; other failures stay internal.
    static func translate(_ error: any Error, notFound: StepFunctionsError? = nil) -> any Error {
        guard let error = error as? StoreError else { return error }
        switch error.kind {
        case .invalidToken: return StepFunctionsError.invalidToken
        case .notFound: return notFound ?? error
        case .invalidArgument: return StepFunctionsError.validation(error.message)
        default: return error
        }
    }

    /// Runs `body`, translating store failures (see ``translate(_:notFound:)``).
    func storeCall<T>(notFound: StepFunctionsError? = nil, _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw Self.translate(error, notFound: notFound) }
    }
}
