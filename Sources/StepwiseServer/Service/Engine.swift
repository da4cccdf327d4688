import Foundation
import Stepwise
import StepwiseIntegrations
import StepwiseStore
import Synchronization

/// The Step Functions service behind both HTTP APIs: state machines, executions and their history, kept in
/// one store and run by one durable engine.
///
/// Reads (describe, list, history) go to the store, which commits queued log appends before reading; the live
/// `Execution` objects of `DurableRuntime` are only used to stop executions. Every method throws ``APIError``
/// for the client's mistakes; anything else is an internal failure.
public final class Engine: Sendable {
    public let durable: DurableRuntime
    public var store: Store { durable.store }
    public var runtime: Runtime { durable.runtime }
    /// Parsed definitions by state machine ARN and revision, so a start does not parse the definition again.
    private let machines = Mutex<[String: StateMachine]>([:])
    /// The mock config test cases of `stateMachineArn#TestCaseName` starts (nil without SFN_MOCK_CONFIG).
    public let testCases: TestCaseRegistry?

    /// Task tokens, activities and nested executions (issue 8), installed on the runtime.
    public let integrations: CallbackIntegrations

    public init(
        durable: DurableRuntime, testCases: TestCaseRegistry? = nil, activityPollTimeout: Duration = CallbackIntegrations.defaultPollTimeout
    ) {
        self.durable = durable
        self.testCases = testCases
        integrations = CallbackIntegrations(durable: durable, activityPollTimeout: activityPollTimeout)
        integrations.install()
    }

    public var region: String { runtime.region }
    public var account: String { runtime.account }

    /// The ARN of the state machine named `name`.
    public func stateMachineArn(_ name: String) -> String { runtime.stateMachineArn(name) }

    /// The state machine ready to run for a stored record (parsed once per revision).
    func machine(for record: StateMachineRecord) throws(APIError) -> StateMachine {
        let key = "\(record.arn)|\(record.revisionId)"
        if let machine = machines.withLock({ $0[key] }) { return machine }
        do {
            let type = Validator.MachineType(rawValue: record.type.rawValue) ?? .standard
            let machine = StateMachine(definition: try StateMachineDefinition(text: record.definition, type: type), name: record.name)
            machines.withLock { $0[key] = machine }
            return machine
        } catch {
            throw APIError.service("InvalidDefinition", error.description)
        }
    }

    /// Turns a store failure into the API error it stands for; other failures stay internal.
    static func translate(_ error: any Error, notFound: APIError? = nil) -> any Error {
        guard let error = error as? StoreError else { return error }
        switch error.kind {
        case .invalidToken: return APIError.invalidToken
        case .notFound: return notFound ?? error
        case .invalidArgument: return APIError.validation(error.message)
        default: return error
        }
    }

    /// Runs `body`, translating store failures (see ``translate(_:notFound:)``).
    func storeCall<T>(notFound: APIError? = nil, _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw Self.translate(error, notFound: notFound) }
    }
}
