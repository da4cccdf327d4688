import Foundation
import JSON
import StatesLanguage

/// A named, validated state machine, ready to start executions of.
public struct StateMachine: Sendable {
    public let name: String
    public let definition: StateMachineDefinition
    /// Every Task resource in the machine, nested scopes included, in order of first appearance.
    public let resources: [String]

    public init(definition: StateMachineDefinition, name: String = "StateMachine") {
        self.name = name
        self.definition = definition
        var seen: [String] = []
        Self.collectResources(definition.root, into: &seen)
        resources = seen
    }

    /// Parses and validates definition text.
    public init(text: String, name: String = "StateMachine") throws(DefinitionError) {
        self.init(definition: try StateMachineDefinition(text: text), name: name)
    }

    /// Parses and validates a definition given as JSON.
    public init(json: JSON, name: String = "StateMachine") throws(DefinitionError) {
        self.init(definition: try StateMachineDefinition(json: json), name: name)
    }

    static func collectResources(_ machine: Machine, into seen: inout [String]) {
        for state in machine.states {
            switch state.kind {
            case .task(let task) where !seen.contains(task.resource): seen.append(task.resource)
            case .parallel(let branches): for branch in branches { collectResources(branch, into: &seen) }
            case .map(let map): collectResources(map.processor, into: &seen)
            default: break
            }
        }
    }
}
