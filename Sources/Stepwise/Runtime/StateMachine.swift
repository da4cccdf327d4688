import Foundation
import JSON
import StatesLanguage

/// A named, validated state machine, ready to start executions of.
public struct StateMachine: Sendable {
    public let name: String
    package let definition: StateMachineDefinition
    /// Every Task resource in the machine, nested scopes included, in order of first appearance.
    package var resources: [String] {
        tasks.reduce(into: [String]()) { seen, task in if !seen.contains(task.resource) { seen.append(task.resource) } }
    }
    /// Every Task state, nested scopes included, in document order.
    package let tasks: [TaskReference]

    package init(definition: StateMachineDefinition, name: String = "StateMachine") {
        self.name = name
        self.definition = definition
        var tasks: [TaskReference] = []
        Self.collectTasks(definition.root, machine: name, into: &tasks)
        self.tasks = tasks
    }

    /// Parses and validates definition text.
    public init(text: String, name: String = "StateMachine") throws(DefinitionError) {
        self.init(definition: try StateMachineDefinition(text: text), name: name)
    }

    /// Parses and validates a definition given as JSON.
    public init(json: JSON, name: String = "StateMachine") throws(DefinitionError) {
        self.init(definition: try StateMachineDefinition(json: json), name: name)
    }

    /// Parses and validates definition bytes (a file's contents, a request body): UTF-8 JSON text.
    public init(json data: Data, name: String = "StateMachine") throws(DefinitionError) {
        try self.init(text: String(decoding: data, as: UTF8.self), name: name)
    }

    static func collectTasks(_ machine: Machine, machine name: String, into tasks: inout [TaskReference]) {
        for state in machine.states {
            switch state.kind {
            case .task(let task): tasks.append(TaskReference(resource: task.resource, stateName: state.name, stateMachineName: name))
            case .parallel(let branches): for branch in branches { collectTasks(branch, machine: name, into: &tasks) }
            case .map(let map): collectTasks(map.processor, machine: name, into: &tasks)
            default: break
            }
        }
    }
}
