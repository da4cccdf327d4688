import Foundation
import JSON
import StatesLanguage

extension Interpreter {
    /// Map (asl-reference §1.3): each item (after ItemSelector) runs the processor; results come back in item order.
    mutating func startMap(_ frameId: Int, _ state: State, _ map: MapState) throws(StatesError) -> Outcome {
        let raw = frames[frameId].rawInput
        let effective = state.isJSONata ? raw : try applyInputPath(state.io.inputPath, roots(frameId, input: raw))
        if map.mode == .distributed, let reader = map.itemReader {
            return try requestItems(frameId, state, reader, effective)
        }
        return try launchMap(frameId, state, map, effective, items: try mapItems(frameId, state, map, effective))
    }

    /// Selects each item, batches them (Distributed Map), records MapStateStarted and starts the children.
    mutating func launchMap(_ frameId: Int, _ state: State, _ map: MapState, _ effective: JSON, items: [JSON]) throws(StatesError) -> Outcome {
        let limit = try maxConcurrency(frameId, map, effective)
        let inputs = try mapInputs(frameId, map, effective, items: items)
        record(frameId, .mapStateStarted, .mapStarted(length: inputs.count))
        var fanOut = FanOut(kind: .map, inputs: inputs, maxConcurrency: limit)
        if map.mode == .distributed {
            fanOut.distributed = true
            fanOut.toleratedCount = try toleratedCount(frameId, map, effective)
            fanOut.toleratedPercentage = try toleratedPercentage(frameId, map, effective)
            startMapRun(frameId, map, fanOut, itemCount: items.count)
        }
        frames[frameId].phase = .fanOut(fanOut)
        return startChildren(frameId)
    }

    /// Each child's input: every item through ItemSelector, then (Distributed Map) cut into ItemBatcher's batches.
    mutating func mapInputs(_ frameId: Int, _ map: MapState, _ effective: JSON, items: [JSON]) throws(StatesError) -> [JSON] {
        var inputs: [JSON] = []
        inputs.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            inputs.append(try selectItem(frameId, map, effective, index: index, item: item))
        }
        if map.itemSelector != nil { inspector?.afterItemSelector = .array(inputs) }
        if map.mode == .distributed, let batcher = map.itemBatcher {
            inputs = try batch(frameId, batcher, inputs, effective)
            inspector?.afterItemBatcher = .array(inputs)
        }
        return inputs
    }

    /// ItemsPath (JSONPath) or Items (JSONata); the value must be an array.
    mutating func mapItems(_ frameId: Int, _ state: State, _ map: MapState, _ effective: JSON) throws(StatesError) -> [JSON] {
        if state.isJSONata {
            guard let template = map.items else {
                // Without Items the state input is the array; AWS fails otherwise as for a bad Items value, but names
                // no field (recorded: EvaluationFailed without a location, then MapStateFailed).
                guard case .array(let items) = effective else {
                    throw queryFailure(frameId, location: nil, cause: "Map state input must be an array but was: \(effective.serialized())")
                }
                return items
            }
            let value = try evaluate(template, frameId, bindings(frameId, input: effective))
            guard case .array(let items) = value else {
                throw queryFailure(
                    frameId, location: "Items",
                    cause:
                        "The JSONata expression '\(template.expressionSource ?? "")' specified for the field 'Items' returned an unexpected result type. "
                        + "Expected 'array', but was '\(value.typeName)' for value: \(value.serialized())")
            }
            return items
        }
        let path = map.itemsPath
        let value = path.map { $0.value(in: roots(frameId, input: effective)) } ?? effective
        guard case .array(let items)? = value else {
            throw .runtime("Reference path \"\(path?.text ?? "$")\" must point to array.")
        }
        return items
    }

    mutating func maxConcurrency(_ frameId: Int, _ map: MapState, _ effective: JSON) throws(StatesError) -> Int {
        switch map.maxConcurrency {
        case nil: return 0
        case .literal(let limit): return limit
        case .path(let path):
            let value = path.value(in: roots(frameId, input: effective))
            // AWS reads the value as Java does: a number, or a string holding an integer.
            guard let limit = value?.intValue ?? value?.stringValue.flatMap({ Int($0) }), limit >= 0 else {
                throw .runtime(
                    "The MaxConcurrencyPath field refers to value \"\(value?.stringValue ?? value?.serialized() ?? "null")\" which is not a valid integer: \(path.text)"
                )
            }
            return limit
        case .jsonata(let template):
            let value = try evaluate(template, frameId, bindings(frameId, input: effective))
            guard let limit = value.intValue, limit >= 0 else { throw unexpectedType(frameId, template, field: "MaxConcurrency") }
            return limit
        }
    }

    /// The input of one iteration: ItemSelector (or legacy Parameters) with `$$.Map.Item`, or the item itself.
    mutating func selectItem(_ frameId: Int, _ map: MapState, _ effective: JSON, index: Int, item: JSON) throws(StatesError) -> JSON {
        guard let selector = map.itemSelector else { return item }
        let context = contextObject(frameId, mapItem: (index, item))
        switch selector {
        case .jsonPath(let template): return try template.evaluate(roots(frameId, input: effective, context: context))
        case .jsonata(let template): return try evaluate(template, frameId, bindings(frameId, input: effective, context: context))
        }
    }
}
