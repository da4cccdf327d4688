import JSON

/// A Task state as resolution sees it: its resource and where it is.
public struct TaskReference: Sendable, Hashable {
    public let resource: String
    public let stateName: String
    public let stateMachineName: String

    public init(resource: String, stateName: String, stateMachineName: String) {
        self.resource = resource
        self.stateName = stateName
        self.stateMachineName = stateMachineName
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

    /// What AWS-minded users need to know when nothing can run a Task: the three ways to provide it.
    static func missingMessage(_ task: TaskReference) -> String {
        "Nothing can run the Task resource '\(task.resource)' of state '\(task.stateName)': add a mock for the state to a mock "
            + "config file (--mock-config), map the resource in a resources file (--resources), or register a handler "
            + "(runtime.register(\"\(task.resource)\") { input, context in ... })."
    }
}

extension HandlerRegistry: TaskResolver {
    func handler(for task: TaskReference) -> TaskHandler? { resolve(task.resource) }
}
