import Foundation
import JSON
import StatesLanguage
import StepwiseGraph
import StepwiseTesting

/// The definitions the graph tests draw: every workflow and example in the repository, and generated ones.
enum Definitions {
    /// Every `.asl.json` file of `workflows/` and of the test fixtures, relative to the package root, sorted.
    static let files: [String] = {
        let root = TestSupport.packageRoot
        var files: [String] = []
        for folder in ["workflows", "Tests/StepwiseCLITests/CrashWorkflows"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            files += names.filter { $0.hasSuffix(".asl.json") }.map { "\(folder)/\($0)" }
        }
        return files.sorted()
    }()

    static func text(_ file: String) throws -> String {
        try String(contentsOf: TestSupport.packageRoot.appendingPathComponent(file), encoding: .utf8)
    }

    static func graph(_ text: String) throws -> Graph {
        Graph(try StateMachineDefinition(text: text))
    }

    /// Seeds of the generated definitions.
    static let seeds: [UInt64] = Array(1...24)

    /// A random but valid definition: a chain of `count` states (so all are reachable) with Choice rules, Catch
    /// rules and Retry to random states (loops and self-loops included), and nested Parallel and Map states.
    static func generated(seed: UInt64, count: Int = 18, depth: Int = 2) -> String {
        var random = SplitMix(seed: seed)
        return JSON.object(scope("G", count: count, depth: depth, &random)).serialized()
    }

    /// A chain of `count` Tasks, each catching back to the first: `count` long loops.
    static func catchLoops(count: Int) -> String {
        var states = JSONObject()
        for index in 0..<count {
            var state: JSONObject = [
                "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Catch": [["ErrorEquals": ["States.ALL"], "Next": "S0"]],
            ]
            if index + 1 < count { state["Next"] = .string("S\(index + 1)") } else { state["End"] = true }
            states["S\(index)"] = .object(state)
        }
        return JSON.object(["StartAt": "S0", "States": .object(states)]).serialized()
    }

    /// A Choice with `count` rules, each to its own state.
    static func wideChoice(count: Int) -> String {
        var states: JSONObject = [:]
        let rules = (0..<count).map { index -> JSON in ["Variable": "$.x", "NumericEquals": .int(index), "Next": .string("T\(index)")] }
        states["C"] = ["Type": "Choice", "Choices": .array(rules), "Default": "T0"]
        for index in 0..<count { states["T\(index)"] = ["Type": "Pass", "End": true] }
        return JSON.object(["StartAt": "C", "States": .object(states)]).serialized()
    }

    /// Maps nested `depth` deep around one Pass state.
    static func nestedMaps(depth: Int) -> String {
        var machine: JSON = ["StartAt": "Leaf", "States": ["Leaf": ["Type": "Pass", "End": true]]]
        for level in 1...depth {
            machine = ["StartAt": .string("M\(level)"), "States": .object(["M\(level)": ["Type": "Map", "End": true, "ItemProcessor": machine]])]
        }
        return machine.serialized()
    }

    private static func scope(_ prefix: String, count: Int, depth: Int, _ random: inout SplitMix) -> JSONObject {
        var states = JSONObject()
        for index in 0..<count {
            let name = "\(prefix)\(index)"
            let next: JSON = index + 1 < count ? .string("\(prefix)\(index + 1)") : .null
            let target = { (random: inout SplitMix) -> JSON in .string("\(prefix)\(random.next(below: count))") }
            var state = JSONObject()
            switch index + 1 == count ? 9 : random.next(below: 9) {
            case 0, 1:
                var rules: [JSON] = []
                for rule in 0..<(1 + random.next(below: 3)) {
                    rules.append(["Variable": .string("$.v\(rule)"), "NumericGreaterThan": .int(rule), "Next": target(&random)])
                }
                state = ["Type": "Choice", "Choices": .array(rules), "Default": next]
            case 2, 3:
                state = ["Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": next]
                if random.next(below: 2) == 0 { state["Retry"] = [["ErrorEquals": ["States.Timeout"], "MaxAttempts": 2]] }
                if random.next(below: 2) == 0 { state["Catch"] = [["ErrorEquals": ["Oops", "States.TaskFailed"], "Next": target(&random)]] }
            case 4 where depth > 0:
                var branches: [JSON] = []
                for branch in 0..<(1 + random.next(below: 3)) {
                    branches.append(.object(scope("\(name)b\(branch)_", count: 1 + random.next(below: 4), depth: depth - 1, &random)))
                }
                state = ["Type": "Parallel", "Branches": .array(branches), "Next": next]
            case 5 where depth > 0:
                let processor = scope("\(name)m_", count: 1 + random.next(below: 5), depth: depth - 1, &random)
                state = ["Type": "Map", "ItemProcessor": .object(processor), "Next": next]
                if random.next(below: 2) == 0 { state["Catch"] = [["ErrorEquals": ["States.ALL"], "Next": target(&random)]] }
            case 6: state = ["Type": "Wait", "Seconds": 1, "Next": next]
            case 9: state = random.next(below: 2) == 0 ? ["Type": "Succeed"] : ["Type": "Fail", "Error": "Generated"]
            default: state = ["Type": "Pass", "Next": next]
            }
            states[name] = .object(state)
        }
        return ["StartAt": .string("\(prefix)0"), "States": .object(states)]
    }
}

/// A small seeded generator (SplitMix64), so generated definitions are the same on every run.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

/// Transitions as comparable keys (`kind from → to`), terminals named after their scope (`Fan/1/End`).
enum Transitions {
    /// What the definition's JSON declares, read without the graph code.
    static func declared(_ text: String) throws -> [String] {
        var keys: [String] = []
        walk(try JSON(parsing: text), scope: "", into: &keys)
        return keys.sorted()
    }

    private static func walk(_ machine: JSON, scope: String, into keys: inout [String]) {
        keys.append("start \(scope)Start → \(machine["StartAt"]?.stringValue ?? "")")
        for (name, state) in machine["States"]?.objectValue ?? JSONObject() {
            let type = state["Type"]?.stringValue ?? ""
            for rule in state["Choices"]?.arrayValue ?? [] { keys.append("choice \(name) → \(rule["Next"]?.stringValue ?? "")") }
            if let target = state["Default"]?.stringValue { keys.append("default \(name) → \(target)") }
            if let target = state["Next"]?.stringValue { keys.append("next \(name) → \(target)") }
            for rule in state["Catch"]?.arrayValue ?? [] { keys.append("catch \(name) → \(rule["Next"]?.stringValue ?? "")") }
            if state["End"] == .bool(true) || type == "Succeed" || type == "Fail" { keys.append("end \(name) → \(scope)End") }
            for (index, branch) in (state["Branches"]?.arrayValue ?? []).enumerated() {
                walk(branch, scope: "\(name)/\(index)/", into: &keys)
            }
            if let processor = state["ItemProcessor"] ?? state["Iterator"] { walk(processor, scope: "\(name)/", into: &keys) }
        }
    }

    /// What the graph draws.
    static func drawn(_ graph: Graph) -> [String] {
        graph.edges.map { edge in "\(edge.kind.rawValue) \(name(graph, edge.from)) → \(name(graph, edge.to))" }.sorted()
    }

    static func name(_ graph: Graph, _ id: Int) -> String {
        let node = graph.nodes[id]
        guard node.isTerminal else { return node.name }
        return scopeKey(graph, node.scope) + node.name
    }

    static func scopeKey(_ graph: Graph, _ scope: Int) -> String {
        guard let container = graph.scopes[scope].container else { return "" }
        let node = graph.nodes[container]
        if node.stateType == .map { return "\(node.name)/" }
        return "\(node.name)/\(node.children.firstIndex(of: scope) ?? -1)/"
    }
}
