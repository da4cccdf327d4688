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

    mutating func add(_ resolver: any TaskResolver, tier: ResolverTier) {
        let position = entries.firstIndex { $0.tier > tier } ?? entries.endIndex
        entries.insert((tier, resolver), at: position)
    }

    func handler(for task: TaskReference) -> TaskHandler? {
        for entry in entries {
            if let handler = entry.resolver.handler(for: task) { return handler }
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
