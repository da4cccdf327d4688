import JSON
import StatesLanguage

/// The state TestState runs, compiled: the definition it belongs to, the `States` scope that holds it and its
/// index there.
///
/// A lone state's definition is tested as the only state of a machine, under the name AWS gives it in the
/// context object (`StateName`); each state its `Next`, `Default`, Choice rules and catchers name is added as
/// a `Succeed` placeholder, so transitions are reported without the states existing (as AWS allows).
struct TestStateTarget {
    /// What AWS calls a lone tested state (`$$.State.Name`, recorded).
    static let loneStateName = "StateName"

    let definition: StateMachineDefinition
    let machine: Machine
    let index: Int
    var state: State { machine.states[index] }

    init(definition text: String, stateName: String?) throws(TestStateError) {
        if let stateName {
            definition = try Self.compile { () throws(DefinitionError) in try StateMachineDefinition(text: text) }
            guard let (machine, index) = Self.find(stateName, in: definition.root, depth: 0) else {
                throw .validation("State not found in definition")
            }
            (self.machine, self.index) = (machine, index)
            return
        }
        guard let json = try? JSON(parsing: text) else {
            // The validator words the parse failure as CreateStateMachine does.
            _ = try Self.compile { () throws(DefinitionError) in try StateMachineDefinition(text: text) }
            throw .invalidDefinition("Invalid State Machine Definition: the definition is not JSON")
        }
        guard json["Type"] != nil else {
            throw .invalidDefinition("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [Type] at /'")
        }
        let wrapped = Self.machine(around: json)
        definition = try Self.compile { () throws(DefinitionError) in try StateMachineDefinition(json: wrapped) }
        machine = definition.root
        index = definition.root.startAt
    }

    /// `{"StartAt": "StateName", "States": {"StateName": state, target: {"Type": "Succeed"}, …}}`.
    static func machine(around state: JSON) -> JSON {
        var states: JSONObject = [loneStateName: state]
        for target in targets(of: state) where states[target] == nil { states[target] = ["Type": "Succeed"] }
        return ["StartAt": .string(loneStateName), "States": .object(states)]
    }

    /// The names a state can go to: `Next`, `Default`, each Choice rule's and each catcher's `Next`.
    static func targets(of state: JSON) -> [String] {
        var names = [state["Next"], state["Default"]].compactMap { $0?.stringValue }
        for list in ["Choices", "Catch"] {
            names += (state[list]?.arrayValue ?? []).compactMap { $0["Next"]?.stringValue }
        }
        return names
    }

    /// Runs a compilation, turning a DefinitionError into InvalidDefinition with AWS's message; locations inside
    /// a lone state's placeholder machine are given relative to the state.
    static func compile(_ body: () throws(DefinitionError) -> StateMachineDefinition) throws(TestStateError) -> StateMachineDefinition {
        do { return try body() } catch {
            let prefix = "/States/\(loneStateName)"
            var relative = error
            // A lone state is not a machine: whether one of its states ends it is not the state's concern.
            let own = relative.diagnostics.filter { $0.code != "MISSING_END_STATE" }
            if !own.isEmpty { relative.diagnostics = own }
            for position in relative.diagnostics.indices {
                guard let location = relative.diagnostics[position].location, location.hasPrefix(prefix) else { continue }
                let rest = String(location.dropFirst(prefix.count))
                relative.diagnostics[position].location = rest.isEmpty ? "/" : rest
            }
            throw .invalidDefinition(relative.description)
        }
    }

    /// The scope holding the state named `name` and its index there, searching Parallel branches and Map
    /// processors too (state names are unique across a machine). Bounded by the definition's nesting limit.
    static func find(_ name: String, in machine: Machine, depth: Int) -> (Machine, Int)? {
        if let index = machine.index(of: name) { return (machine, index) }
        guard depth < 64 else { return nil }
        for state in machine.states {
            switch state.kind {
            case .parallel(let branches):
                for branch in branches { if let found = find(name, in: branch, depth: depth + 1) { return found } }
            case .map(let map):
                if let found = find(name, in: map.processor, depth: depth + 1) { return found }
            default: continue
            }
        }
        return nil
    }
}
