import StatesLanguage

/// A state machine as a picture's model: states and terminals as nodes, transitions as edges, and every `States`
/// scope (the top level, each Parallel branch, each Map item processor) as a scope with its own Start and End.
///
/// Built once from a parsed definition; layouts and renderers only read it. Everything is in arrays, in the
/// definition's order, so every output derived from it is deterministic.
package struct Graph: Sendable {
    package var nodes: [Node] = []
    package var edges: [Edge] = []
    /// Scope 0 is the top level; nested scopes follow in the order their containers appear.
    package var scopes: [Scope] = []

    package enum NodeKind: Sendable, Hashable {
        case start
        case end
        case state(StateType)
    }

    /// A box: a state, or a scope's Start or End terminal.
    package struct Node: Sendable {
        package let id: Int
        /// The state name (user data: escape it in every output), or `Start` / `End`.
        package let name: String
        package let kind: NodeKind
        package let scope: Int
        /// A short second line: the state type and what it runs (`Task · lambda:invoke`).
        package let detail: String
        /// The errors the state's Retry rules match (`Retry` field), one entry per retrier; empty without Retry.
        package let retries: [String]
        /// The scopes drawn inside the box: each Parallel branch, or the Map's item processor.
        package var children: [Int] = []

        package var isTerminal: Bool { kind == .start || kind == .end }
        package var stateType: StateType? {
            if case .state(let type) = kind { type } else { nil }
        }
    }

    package enum EdgeKind: String, Sendable, Hashable {
        /// From a scope's Start to its `StartAt` state.
        case start
        case next
        /// One Choice rule; the label summarises the rule.
        case choice
        /// A Choice state's `Default`.
        case `default`
        /// One Catch rule; the label lists its `ErrorEquals`.
        case `catch`
        /// From a state that ends its scope (`End`, Succeed, Fail) to the scope's End.
        case end
    }

    /// One declared transition.
    package struct Edge: Sendable {
        package let id: Int
        package let from: Int
        package let to: Int
        package let kind: EdgeKind
        package let label: String?
    }

    /// One `States` object with its terminals.
    package struct Scope: Sendable {
        package let id: Int
        /// The Parallel or Map node that holds this scope; nil for the top level.
        package let container: Int?
        /// `Branch 1`, `Item processor`; nil for the top level.
        package let title: String?
        package var nodes: [Int] = []
        /// The ids of the edges between this scope's nodes, in declaration order.
        package var edges: [Int] = []
        package var start = 0
        package var end = 0
    }

    /// The node of a state, by name (state names are unique in a whole definition, as AWS requires).
    package func node(named name: String) -> Node? {
        nodes.first { !$0.isTerminal && $0.name == name }
    }

    /// The edges whose ends are in `scope`, in declaration order.
    package func edges(in scope: Int) -> [Edge] {
        scopes[scope].edges.map { edges[$0] }
    }
}
