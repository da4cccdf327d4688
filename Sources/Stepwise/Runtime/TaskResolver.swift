import JSON

/// A Task state as resolution sees it: its resource and where it is.
public struct TaskReference: Sendable, Hashable {
    public let resource: String
    public let stateName: String
    public let stateMachineName: String
    /// The execution that runs the task, when resolution is for one (at its start and when the task is
    /// dispatched): what runs a state may depend on the execution (a server's `stateMachineArn#TestCase` mocks).
    public let executionArn: String?

    package init(resource: String, stateName: String, stateMachineName: String, executionArn: String? = nil) {
        self.resource = resource
        self.stateName = stateName
        self.stateMachineName = stateMachineName
        self.executionArn = executionArn
    }

    /// The same Task, resolved for the execution `executionArn`.
    package func scoped(to executionArn: String) -> TaskReference {
        TaskReference(resource: resource, stateName: stateName, stateMachineName: stateMachineName, executionArn: executionArn)
    }
}

/// Finds what runs a Task: a mock for the state, a local command or endpoint, a registered handler, a local
/// service. The runtime asks its resolvers tier by tier (`ResolverTier`), first match wins, so a mock or an
/// explicit mapping always beats a local service.
public protocol TaskResolver: Sendable {
    /// The handler for this Task, or nil when this resolver has nothing for it.
    func handler(for task: TaskReference) -> TaskHandler?

    /// The handler for this Task given `next`, the handler the resolvers after this one would give (nil when none
    /// has one), for a resolver that hands some calls on — a mock's `PassThrough` invocations.
    func handler(for task: TaskReference, next: @escaping @Sendable () -> TaskHandler?) -> TaskHandler?
}

extension TaskResolver {
    public func handler(for task: TaskReference, next: @escaping @Sendable () -> TaskHandler?) -> TaskHandler? { handler(for: task) }
}

/// The order in which resolvers are asked (issue 7: "a mock, a resources-file entry or a registered handler
/// still wins over the local service").
public enum ResolverTier: Int, Sendable, Comparable {
    case mock = 0
    case resources = 1
    case handlers = 2
    case services = 3

    public static func < (lhs: ResolverTier, rhs: ResolverTier) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The runtime's resolvers in the order they are asked.
struct ResolverChain: Sendable {
    private var entries: [(tier: ResolverTier, resolver: any TaskResolver)] = []
    /// The ways to provide a resource that nothing runs, as the host offers them (``Runtime/setMissingResourceAdvice(_:)``).
    var advice: @Sendable (TaskReference) -> String = ResolverChain.libraryAdvice

    init() {}

    private init(entries: [(tier: ResolverTier, resolver: any TaskResolver)]) { self.entries = entries }

    mutating func add(_ resolver: any TaskResolver, tier: ResolverTier) {
        let position = entries.firstIndex { $0.tier > tier } ?? entries.endIndex
        entries.insert((tier, resolver), at: position)
    }

    func handler(for task: TaskReference) -> TaskHandler? {
        for (index, entry) in entries.enumerated() {
            let rest = ResolverChain(entries: Array(entries[(index + 1)...]))
            if let handler = entry.resolver.handler(for: task, next: { rest.handler(for: task) }) { return handler }
        }
        return nil
    }

    /// What AWS-minded users need to know when nothing can run a Task: which one, and the ways to provide it.
    func missingMessage(_ task: TaskReference) -> String {
        "Nothing can run the Task resource '\(task.resource)' of state '\(task.stateName)': \(advice(task))"
    }

    /// The three ways the library and `stepwise run` offer: a mock, a resources-file entry, a registered handler.
    static let libraryAdvice: @Sendable (TaskReference) -> String = { task in
        "add a mock for the state to a mock config file (--mock-config), map the resource in a resources file (--resources), "
            + "or register a handler (runtime.register(\"\(task.resource)\") { input, context in ... })."
    }
}

extension HandlerRegistry: TaskResolver {
    func handler(for task: TaskReference) -> TaskHandler? { resolve(task.resource) }
}
