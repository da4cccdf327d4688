import Foundation
import JSON
import StatesLanguage
import StepwiseGraph

/// `graph`: the console's and `stepwise graph`'s picture: graph model, layered layout and SVG of the largest
/// workflow in `workflows/` and of a generated 500-state machine, next to parsing the same definition.
enum GraphBenchmark {
    static func run(harness: Harness) throws {
        print("graph: \(harness.repetitions) repetitions after \(harness.warmup) warm-up, median ms\n")
        var table = Table("definition", "states", "parse", "graph + layout", "SVG", "SVG bytes", "(layout + SVG) / parse")
        for (name, text) in [try largestWorkflow(), ("generated", synthetic(states: 500))] {
            let definition = try StateMachineDefinition(text: text)
            let states = Graph(definition).nodes.filter { !$0.isTerminal }.count
            let parse = try harness.median { try StateMachineDefinition(text: text) }
            let layout = harness.median { GraphLayout(Graph(definition)) }
            let laidOut = GraphLayout(Graph(definition))
            let svg = harness.median { SVGRenderer.render(laidOut) }
            let bytes = SVGRenderer.render(laidOut).utf8.count
            table.add(
                name, "\(states)", format(parse, decimals: 2), format(layout, decimals: 2), format(svg, decimals: 2), formatCount(Double(bytes)),
                format((layout + svg) / parse) + "×")
        }
        print(table.render())
    }

    /// The workflow of `workflows/` with the most states, nested ones included.
    static func largestWorkflow() throws -> (String, String) {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("workflows")
        var best: (name: String, text: String, states: Int)?
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".asl.json") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let states = Graph(try StateMachineDefinition(text: text)).nodes.filter { !$0.isTerminal }.count
            if states > best?.states ?? -1 { best = (name, text, states) }
        }
        guard let best else { throw BenchError("no workflow in \(folder.path)") }
        return (best.name, best.text)
    }

    /// A machine of `states` states in blocks of ten: a Task with Retry and a Catch forward, a Choice with a
    /// loop back and a skip forward, Passes, and every fifth block a Parallel (two branches) or a Map.
    static func synthetic(states total: Int) -> String {
        let blocks = total / 10
        var states = JSONObject()
        func name(_ block: Int, _ index: Int) -> String { block >= blocks ? "Done" : "B\(block)S\(index)" }
        for block in 0..<blocks {
            let nested = block % 5 == 4
            for index in 0..<(nested ? 4 : 10) {
                let next = JSON.string(index == (nested ? 3 : 9) ? name(block + 1, 0) : name(block, index + 1))
                states[name(block, index)] = .object(state(block: block, index: index, next: next, nested: nested, name: name))
            }
        }
        states["Done"] = ["Type": "Succeed"]
        return JSON.object(["StartAt": .string(name(0, 0)), "States": .object(states)]).serialized()
    }

    private static func state(block: Int, index: Int, next: JSON, nested: Bool, name: (Int, Int) -> String) -> JSONObject {
        switch (nested, index) {
        case (false, 0):
            return [
                "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": next, "Retry": [["ErrorEquals": ["States.Timeout"]]],
                "Catch": [["ErrorEquals": ["States.ALL"], "Next": .string(name(block, 8))]],
            ]
        case (false, 4):
            let back: JSON = ["Variable": "$.again", "BooleanEquals": true, "Next": .string(name(block, 1))]
            let skip: JSON = ["Variable": "$.n", "NumericGreaterThan": .int(block), "Next": .string(name(block + 1, 0))]
            return ["Type": "Choice", "Choices": [back, skip], "Default": next]
        case (true, 1) where block % 10 == 4:
            let branch = { (prefix: String) -> JSON in
                ["StartAt": .string("\(prefix)0"), "States": .object(chain(prefix, count: 3))]
            }
            return ["Type": "Parallel", "Next": next, "Branches": [branch("B\(block)L"), branch("B\(block)R")]]
        case (true, 1):
            return [
                "Type": "Map", "Next": next, "ItemProcessor": ["StartAt": .string("B\(block)M0"), "States": .object(chain("B\(block)M", count: 6))],
            ]
        default:
            return ["Type": "Pass", "Next": next]
        }
    }

    private static func chain(_ prefix: String, count: Int) -> JSONObject {
        var states = JSONObject()
        for index in 0..<count {
            states["\(prefix)\(index)"] =
                index + 1 < count ? ["Type": "Pass", "Next": .string("\(prefix)\(index + 1)")] : ["Type": "Pass", "End": true]
        }
        return states
    }
}
