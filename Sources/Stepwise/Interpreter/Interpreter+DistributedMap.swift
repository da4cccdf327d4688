import Foundation
import JSON
import StatesLanguage

/// Distributed Map (asl-reference §1.3 Map): items from an ItemReader, batches, tolerated failures and a
/// ResultWriter. Reading and writing S3 are effects: the interpreter asks for them (`Action.mapIO`) and goes on
/// when the answer comes back as a step input, so replays need no S3 access.
extension Interpreter {
    mutating func requestItems(_ frameId: Int, _ state: State, _ reader: ItemReaderConfig, _ effective: JSON) throws(StatesError) -> Outcome {
        let arguments = try evaluateTemplate(reader.parameters, frameId, effective) ?? .object(JSONObject())
        let maxItems = try resolveCount(reader.maxItems, frameId, effective, field: "MaxItems")
        if let maxItems, maxItems <= 0 { throw StatesError(StatesError.Name.itemReaderFailed, "field MaxItems must be positive") }
        issue(
            frameId, .readItems(resource: reader.resource, arguments: arguments, readerConfig: reader.readerConfig, maxItems: maxItems), fanOut: nil)
        return .blocked
    }

    /// Asks the driver for a read or a write and waits.
    mutating func issue(_ frameId: Int, _ kind: MapIORequest.Kind, fanOut: FanOut?) {
        let id = nextTaskId
        nextTaskId += 1
        let request = MapIORequest(id: id, kind: kind)
        pendingMapIO[id] = (frameId, request)
        frames[frameId].phase = .mapIO(request: id, fanOut: fanOut)
        actions.append(.mapIO(request))
    }

    mutating func mapIOFinished(_ requestId: Int, _ result: Result<JSON, StatesError>) {
        guard let (frameId, request) = pendingMapIO.removeValue(forKey: requestId), frames[frameId].alive,
            case .mapIO(_, let fanOut) = frames[frameId].phase, case .map(let map) = frames[frameId].state.kind
        else { return }
        frames[frameId].phase = .idle
        if let fanOut { frames[frameId].lastFanOut = fanOut }  // a failed write redrives without running the children again
        let state = frames[frameId].state
        switch (request.kind, result) {
        case (.readItems, .success(let items)): proceed(frameId, itemsRead(frameId, state, map, items))
        case (.writeResults, .success(let output)):
            resultsWritten(frameId)
            record(frameId, .mapRunSucceeded, .none)
            mapRunEnded(frameId, .succeeded)
            record(frameId, .mapStateSucceeded, .none)
            proceed(frameId, completeWork(frameId, state, result: output))
        case (.readItems, .failure(let error)):
            frames[frameId].failedEvent = .mapStateFailed
            proceed(frameId, .failed(error))
        case (.writeResults, .failure(let error)):
            record(frameId, .mapRunFailed, .failure(error: error.name, cause: error.cause))
            mapRunEnded(frameId, .failed)
            frames[frameId].failedEvent = .mapStateFailed
            proceed(frameId, .failed(error))
        }
    }

    mutating func itemsRead(_ frameId: Int, _ state: State, _ map: MapState, _ output: JSON) -> Outcome {
        do throws(StatesError) {
            let raw = frames[frameId].rawInput
            let effective = state.isJSONata ? raw : try applyInputPath(state.io.inputPath, roots(frameId, input: raw))
            return try launchMap(frameId, state, map, effective, items: try readerItems(frameId, map, output))
        } catch {
            frames[frameId].failedEvent = .mapStateFailed
            return .failed(error)
        }
    }

    /// The items of what the ItemReader read: ItemsPath applies to the reader's output, which must be an array.
    func readerItems(_ frameId: Int, _ map: MapState, _ output: JSON) throws(StatesError) -> [JSON] {
        var value = output
        if let path = map.itemsPath, !path.isWholeInput, let selected = path.value(in: roots(frameId, input: output)) { value = selected }
        guard case .array(let items) = value else {
            throw StatesError(StatesError.Name.itemReaderFailed, "Attempting to map over non-iterable node.")
        }
        return items
    }

    /// ItemBatcher: `{"Items": [...], "BatchInput": {...}}` per child, cut by MaxItemsPerBatch and MaxInputBytesPerBatch.
    mutating func batch(_ frameId: Int, _ batcher: ItemBatcherConfig, _ items: [JSON], _ effective: JSON) throws(StatesError) -> [JSON] {
        let maxItems = try resolveCount(batcher.maxItemsPerBatch, frameId, effective, field: "MaxItemsPerBatch") ?? Int.max
        let maxBytes = try resolveCount(batcher.maxInputBytesPerBatch, frameId, effective, field: "MaxInputBytesPerBatch") ?? Self.maxPayloadBytes
        let batchInput = try evaluateTemplate(batcher.batchInput, frameId, effective)
        var batches: [JSON] = []
        var current: [JSON] = []
        var bytes = 0
        func close() {
            guard !current.isEmpty else { return }
            var object: JSONObject = ["Items": .array(current)]
            if let batchInput { object["BatchInput"] = batchInput }
            batches.append(.object(object))
            current = []
            bytes = 0
        }
        for item in items {
            let size = item.serializedSize + 1
            if !current.isEmpty, current.count >= maxItems || bytes + size > maxBytes { close() }
            current.append(item)
            bytes += size
        }
        close()
        return batches
    }

    /// Evaluates a Parameters/Arguments/BatchInput template of the Distributed Map against its effective input.
    mutating func evaluateTemplate(_ template: Assignment?, _ frameId: Int, _ effective: JSON) throws(StatesError) -> JSON? {
        switch template {
        case nil: return nil
        case .jsonPath(let payload): return try payload.evaluate(roots(frameId, input: effective))
        case .jsonata(let expression): return try evaluate(expression, frameId, bindings(frameId, input: effective))
        }
    }

    /// A count field given literally, by path or by JSONata (MaxItems, MaxItemsPerBatch, …).
    mutating func resolveCount(_ field: DynamicInt?, _ frameId: Int, _ effective: JSON, field name: String) throws(StatesError) -> Int? {
        switch field {
        case nil: return nil
        case .literal(let value): return value
        case .path(let path):
            let value = path.value(in: roots(frameId, input: effective))
            guard let count = value?.intValue ?? value?.stringValue.flatMap({ Int($0) }) else {
                throw .runtime(
                    "The \(name)Path field refers to value \"\(value.map(Self.shown) ?? "null")\" which is not a valid integer: \(path.text)")
            }
            return count
        case .jsonata(let template):
            let value = try evaluate(template, frameId, bindings(frameId, input: effective))
            guard let count = value.intValue else { throw unexpectedType(frameId, template, field: name) }
            return count
        }
    }

    mutating func toleratedCount(_ frameId: Int, _ map: MapState, _ effective: JSON) throws(StatesError) -> Int? {
        guard let count = try resolveCount(map.toleratedFailureCount, frameId, effective, field: "ToleratedFailureCount") else { return nil }
        guard count >= 0 else { throw .runtime("ToleratedFailureCount cannot be negative.") }
        return count
    }

    mutating func toleratedPercentage(_ frameId: Int, _ map: MapState, _ effective: JSON) throws(StatesError) -> Double? {
        var value: JSON?
        if let path = map.toleratedFailurePercentagePath {
            value = path.value(in: roots(frameId, input: effective))
            guard let number = value?.doubleValue ?? value?.stringValue.flatMap({ Double($0) }) else {
                throw .runtime(
                    "The ToleratedFailurePercentagePath field refers to value \"\(value.map(Self.shown) ?? "null")\" which is not a valid float: \(path.text)"
                )
            }
            value = .double(number)
        } else if case .string(let text)? = map.toleratedFailurePercentage, JSONataTemplate.isExpression(text) {
            if let template = try? JSONataTemplate(.string(text), field: "ToleratedFailurePercentage") {
                value = try evaluate(template, frameId, bindings(frameId, input: effective))
            }
        } else {
            value = map.toleratedFailurePercentage
        }
        guard let percentage = value?.doubleValue else { return nil }
        guard (0...100).contains(percentage) else { throw .runtime("ToleratedFailurePercentage must be between 0 and 100.") }
        return percentage
    }

    /// Whether a Distributed Map can absorb one more failed child (asl-reference §1.3: exceeding either
    /// tolerance fails the Map; with neither set, any failure does).
    func withinTolerance(_ fanOut: FanOut, failures: Int) -> Bool {
        if fanOut.toleratedCount == nil && fanOut.toleratedPercentage == nil { return failures == 0 }
        if let count = fanOut.toleratedCount, failures > count { return false }
        if let percentage = fanOut.toleratedPercentage, Double(failures) * 100 > percentage * Double(max(fanOut.inputs.count, 1)) { return false }
        return true
    }

    /// The ResultWriter's request once every child ended; with only a WriterConfig, the transformed results are
    /// the Map's result at once (nothing is written).
    mutating func writeResults(_ frameId: Int, _ fanOut: FanOut, _ writer: ResultWriterConfig, _ map: MapState) -> Outcome {
        do throws(StatesError) {
            let raw = frames[frameId].rawInput
            let state = frames[frameId].state
            let effective = state.isJSONata ? raw : try applyInputPath(state.io.inputPath, roots(frameId, input: raw))
            let results = childResults(frameId, fanOut)
            guard writer.resource != nil || writer.parameters != nil else {
                record(frameId, .mapRunSucceeded, .none)
                mapRunEnded(frameId, .succeeded)
                record(frameId, .mapStateSucceeded, .none)
                return completeWork(frameId, state, result: .array(ResultTransformation(writerConfig: writer.writerConfig).records(results)))
            }
            let arguments = try evaluateTemplate(writer.parameters, frameId, effective) ?? .object(JSONObject())
            issue(
                frameId,
                .writeResults(
                    resource: writer.resource ?? "arn:aws:states:::s3:putObject", arguments: arguments, writerConfig: writer.writerConfig,
                    mapRunArn: mapRunArn(of: frameId), results: results), fanOut: fanOut)
            return .blocked
        } catch {
            return .failed(error)
        }
    }

    /// Every child of the Map Run as the ResultWriter reports it.
    func childResults(_ frameId: Int, _ fanOut: FanOut) -> [MapChildResult] {
        guard let run = mapRunOfFrame[frameId] else { return [] }
        return fanOut.inputs.indices.map { index in
            let error = fanOut.childErrors[index]
            let names = childNames(run, slot: index)
            return MapChildResult(
                index: index, input: fanOut.inputs[index], output: error == nil ? fanOut.results[index] : nil, error: error?.name,
                cause: error?.cause, name: names.name, executionArn: names.arn, stateMachineArn: mapRuns[run].record.stateMachineArn,
                startDate: Date(timeIntervalSince1970: mapRuns[run].starts[index]),
                stopDate: Date(timeIntervalSince1970: mapRuns[run].stops[index]))
        }
    }

    /// The ResultWriter wrote every child's result.
    mutating func resultsWritten(_ frameId: Int) {
        guard let run = mapRunOfFrame[frameId] else { return }
        mapRuns[run].record.executionCounts.resultsWritten = mapRuns[run].record.executionCounts.total
        mapRuns[run].record.itemCounts.resultsWritten = mapRuns[run].record.itemCounts.total
        mapRunChanges.runs.insert(run)
    }
}
