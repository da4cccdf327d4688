import Foundation
import JSON
import StatesLanguage

/// A Distributed Map's run while the interpreter knows it: its record, its frame, and what its children need.
struct MapRunState {
    var record: MapRunRecord
    /// The Distributed Map's frame (a redrive moves the run to the frame that carries it on).
    var frame: Int
    /// STANDARD children are recorded executions; EXPRESS ones are only counted (as on AWS, no history is kept).
    let standard: Bool
    /// Seeds the run's and its children's ids, so a replay names them the same.
    let idSeed: UInt64
    /// What every child's name starts with (the run id's first four groups), and its ARN before the name.
    let namePrefix: String
    let childArnPrefix: String
    /// Items per child with an ItemBatcher (nil: one each).
    let batchSizes: [Int]?
    /// Each child's start and stop, epoch seconds (0 until it happens), for the ResultWriter's records.
    var starts: [Double]
    var stops: [Double]
    /// Each ended STANDARD child's last event id and redrive count: a redrive continues its history.
    var ended: [Int: (events: Int, redrives: Int)] = [:]
}

/// A running child execution of a STANDARD Distributed Map.
struct ChildExecutionState {
    var record: MapChildExecution
    var eventCount = 0
}

/// What the current step changed, gathered until the driver drains it.
struct PendingMapRunChanges {
    var runs = Set<Int>()
    var children: [MapChildExecution] = []
    /// Position in `children` by child id, so a child started and ended in one step is stored once.
    var childPositions: [Int: Int] = [:]
    var events: [MapChildEvent] = []
}

extension Interpreter {
    /// Starts the Map Run of a Distributed Map whose children are `fanOut`'s: MapRunStarted, the run's record.
    mutating func startMapRun(_ frameId: Int, _ map: MapState, _ fanOut: FanOut, itemCount: Int) {
        let idSeed = seedBase &+ UInt64(eventCount + 1) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(frameId)
        // Without a Label, AWS names the run's machine with a generated id, not the state's name (recorded
        // MapRunStarted events show a part apart from the state name).
        let label = map.label ?? Self.uuid(idSeed &+ 0x5EED)
        let account = info.stateMachineArn.split(separator: ":", omittingEmptySubsequences: false).dropFirst(4).first.map(String.init) ?? ""
        let runId = Self.uuid(idSeed)
        let arn = "arn:aws:states:\(info.region):\(account):mapRun:\(info.stateMachineName)/\(label):\(runId)"
        var executions = MapRunRecord.Counts()
        executions.total = fanOut.inputs.count
        executions.pending = fanOut.inputs.count
        var items = MapRunRecord.Counts()
        items.total = itemCount
        items.pending = itemCount
        let run = MapRunRecord(
            arn: arn, executionArn: info.arn, stateMachineArn: "\(info.stateMachineArn)/\(label)", startDate: now,
            maxConcurrency: fanOut.maxConcurrency, toleratedFailurePercentage: fanOut.toleratedPercentage ?? 0,
            toleratedFailureCount: fanOut.toleratedCount ?? 0, itemCounts: items, executionCounts: executions)
        let sizes = map.itemBatcher == nil ? nil : fanOut.inputs.map { $0["Items"]?.arrayValue?.count ?? 1 }
        let zeros = [Double](repeating: 0, count: fanOut.inputs.count)
        mapRuns.append(
            MapRunState(
                record: run, frame: frameId, standard: map.executionType != "EXPRESS", idSeed: idSeed, namePrefix: String(runId.prefix(24)),
                childArnPrefix: "arn:aws:states:\(info.region):\(account):\(map.executionType == "EXPRESS" ? "express" : "execution"):"
                    + "\(info.stateMachineName)/\(label):",
                batchSizes: sizes, starts: zeros, stops: zeros))
        mapRunOfFrame[frameId] = mapRuns.count - 1
        mapRunChanges.runs.insert(mapRuns.count - 1)
        record(frameId, .mapRunStarted, .mapRun(arn: arn))
    }

    /// The ARN of the Map Run a Distributed Map frame is running.
    func mapRunArn(of frameId: Int) -> String { mapRunOfFrame[frameId].map { mapRuns[$0].record.arn } ?? "" }

    /// A child of the Map Run of `mapFrame` starts in `child`: counted, and for STANDARD children recorded as an
    /// execution whose history opens with ExecutionStarted.
    mutating func beginChildExecution(_ mapFrame: Int, _ child: Int, slot: Int, input: JSON) {
        guard let run = mapRunOfFrame[mapFrame] else { return }
        frames[child].childRoot = true
        frames[child].childExecution = nil
        let size = mapRuns[run].batchSizes?[slot] ?? 1
        mapRuns[run].record.executionCounts.pending -= 1
        mapRuns[run].record.executionCounts.running += 1
        mapRuns[run].record.itemCounts.pending -= size
        mapRuns[run].record.itemCounts.running += size
        let previous = mapRuns[run].ended.removeValue(forKey: slot)
        if previous == nil { mapRuns[run].starts[slot] = now.timeIntervalSince1970 }
        mapRunChanges.runs.insert(run)
        guard mapRuns[run].standard else { return }
        let id = nextChildId
        nextChildId += 1
        let names = childNames(run, slot: slot)
        var execution = MapChildExecution(
            arn: names.arn, name: names.name, mapRunArn: mapRuns[run].record.arn, stateMachineArn: mapRuns[run].record.stateMachineArn,
            parentArn: info.arn, input: input, startDate: Date(timeIntervalSince1970: mapRuns[run].starts[slot]))
        frames[child].childExecution = id
        if let previous {
            // A redriven child continues its own history, as a redriven execution does.
            execution.redriveCount = previous.redrives + 1
            execution.redriveDate = now
            children[id] = ChildExecutionState(record: execution, eventCount: previous.events)
            noteChild(id, execution)
            frames[child].lastEventId = recordChild(
                id, .executionRedriven, .executionRedriven(redriveCount: execution.redriveCount), previous: previous.events)
            return
        }
        children[id] = ChildExecutionState(record: execution)
        noteChild(id, execution)
        frames[child].lastEventId = recordChild(id, .executionStarted, .executionStarted(input: input, roleArn: info.roleArn), previous: 0)
    }

    /// A child's root scope ended: counted, and a recorded child ends with ExecutionSucceeded, Failed or Aborted.
    mutating func childExecutionEnded(_ frameId: Int, _ status: ExecutionStatus, output: JSON? = nil, error: StatesError? = nil) {
        guard frames[frameId].childRoot, let mapFrame = frames[frameId].parent, let run = mapRunOfFrame[mapFrame] else { return }
        let slot = frames[frameId].slot
        let size = mapRuns[run].batchSizes?[slot] ?? 1
        mapRuns[run].record.executionCounts.running -= 1
        mapRuns[run].record.itemCounts.running -= size
        switch status {
        case .succeeded:
            mapRuns[run].record.executionCounts.succeeded += 1
            mapRuns[run].record.itemCounts.succeeded += size
        case .aborted:
            mapRuns[run].record.executionCounts.aborted += 1
            mapRuns[run].record.itemCounts.aborted += size
        default:
            mapRuns[run].record.executionCounts.failed += 1
            mapRuns[run].record.itemCounts.failed += size
        }
        mapRuns[run].stops[slot] = now.timeIntervalSince1970
        mapRunChanges.runs.insert(run)
        guard let id = frames[frameId].childExecution, children[id] != nil else { return }
        let (type, details): (EventType, HistoryEvent.Details) =
            switch status {
            case .succeeded: (.executionSucceeded, .executionSucceeded(output: output ?? .null))
            case .aborted: (.executionAborted, .none)
            default:
                (
                    .executionFailed,
                    .failure(
                        error: error.flatMap { $0.name.isEmpty ? nil : $0.name }, cause: error.flatMap { $0.cause.isEmpty ? nil : $0.cause })
                )
            }
        _ = recordChild(id, type, details, previous: frames[frameId].lastEventId)
        guard var child = children.removeValue(forKey: id) else { return }
        if status != .succeeded { mapRuns[run].ended[slot] = (child.eventCount, child.record.redriveCount) }
        child.record.status = status
        child.record.output = output
        child.record.error = error?.name
        child.record.cause = error?.cause
        child.record.stopDate = now
        noteChild(id, child.record)
    }

    /// The Map Run of `frameId` ended (MapRunSucceeded, MapRunFailed or MapRunAborted was recorded).
    mutating func mapRunEnded(_ frameId: Int, _ status: MapRunRecord.Status) {
        guard let run = mapRunOfFrame.removeValue(forKey: frameId) else { return }
        mapRuns[run].record.status = status
        mapRuns[run].record.stopDate = now
        mapRunChanges.runs.insert(run)
    }

    /// The execution ends while Map Runs are open: their running children and the runs are aborted.
    mutating func abortOpenMapRuns() {
        for frameId in mapRunOfFrame.keys.sorted() {
            guard case .fanOut(let fanOut) = frames[frameId].phase else {
                mapRunEnded(frameId, .aborted)
                continue
            }
            for childFrame in fanOut.running.sorted(by: { $0.key < $1.key }).map(\.value) { childExecutionEnded(childFrame, .aborted) }
            mapRunEnded(frameId, .aborted)
        }
    }

    /// UpdateMapRun: new settings for a running Map Run; a higher MaxConcurrency starts more children at once.
    mutating func updateMapRun(_ arn: String, maxConcurrency: Int?, toleratedFailureCount: Int?, toleratedFailurePercentage: Double?) {
        guard let run = mapRuns.lastIndex(where: { $0.record.arn == arn }), mapRuns[run].record.status == .running else { return }
        if let maxConcurrency { mapRuns[run].record.maxConcurrency = maxConcurrency }
        if let toleratedFailureCount { mapRuns[run].record.toleratedFailureCount = toleratedFailureCount }
        if let toleratedFailurePercentage { mapRuns[run].record.toleratedFailurePercentage = toleratedFailurePercentage }
        mapRunChanges.runs.insert(run)
        let frameId = mapRuns[run].frame
        let more = modifyFanOut(frameId) { fanOut -> Bool in
            if let maxConcurrency { fanOut.maxConcurrency = maxConcurrency }
            if let toleratedFailureCount { fanOut.toleratedCount = toleratedFailureCount }
            if let toleratedFailurePercentage { fanOut.toleratedPercentage = toleratedFailurePercentage }
            return fanOut.canStartMore
        }
        if more == true { proceed(frameId, startChildren(frameId)) }
    }

    /// `$$.Execution` and `$$.StateMachine` inside a Distributed Map child: the child's own, since it is an
    /// execution of its own (its ARN, name, input and start; the machine `<machine>/<label>`).
    func childContexts(_ frameId: Int) -> (execution: JSON, stateMachine: JSON)? {
        guard frames[frameId].detached else { return nil }
        var root = frameId
        while !frames[root].childRoot {
            guard let parent = frames[root].parent else { return nil }
            root = parent
        }
        guard let mapFrame = frames[root].parent, let run = mapRunOfFrame[mapFrame] else { return nil }
        let slot = frames[root].slot
        let names = childNames(run, slot: slot)
        var input = frames[root].childExecution.flatMap { children[$0]?.record.input }
        if input == nil, case .fanOut(let fanOut) = frames[mapFrame].phase { input = fanOut.inputs[slot] }
        let machine = mapRuns[run].record.stateMachineArn
        let execution: JSON = [
            "Id": .string(names.arn), "Input": input ?? .null, "Name": .string(names.name), "RoleArn": .string(info.roleArn),
            "StartTime": .string(ISOTimestamp.format(Date(timeIntervalSince1970: mapRuns[run].starts[slot]))),
            "RedriveCount": .int(frames[root].childExecution.flatMap { children[$0]?.record.redriveCount } ?? 0),
        ]
        return (execution, ["Id": .string(machine), "Name": .string(String(machine.split(separator: ":").last ?? ""))])
    }

    /// Records an event of a frame that is not in this execution's history: a recorded child's, or nothing.
    mutating func recordDetached(_ frameId: Int, _ type: EventType, _ details: HistoryEvent.Details) -> Int {
        guard let id = frames[frameId].childExecution else { return frames[frameId].lastEventId }
        let eventId = recordChild(id, type, details, previous: frames[frameId].lastEventId)
        frames[frameId].lastEventId = eventId
        return eventId
    }

    /// Appends an event to a child execution's history (its own ids, not counted in the parent's limit).
    mutating func recordChild(_ id: Int, _ type: EventType, _ details: HistoryEvent.Details, previous: Int) -> Int {
        guard var child = children[id] else { return previous }
        child.eventCount += 1
        let event = HistoryEvent(id: child.eventCount, previousEventId: previous, timestamp: now, type: type, details: details)
        mapRunChanges.events.append(MapChildEvent(executionArn: child.record.arn, event: event))
        children[id] = child
        return child.eventCount
    }

    mutating func noteChild(_ id: Int, _ record: MapChildExecution) {
        if let position = mapRunChanges.childPositions[id] {
            mapRunChanges.children[position] = record
        } else {
            mapRunChanges.childPositions[id] = mapRunChanges.children.count
            mapRunChanges.children.append(record)
        }
    }

    /// Hands over what the steps so far changed in Map Runs and child executions.
    package mutating func drainMapRunChanges() -> MapRunChanges {
        var changes = MapRunChanges()
        guard !mapRunChanges.runs.isEmpty || !mapRunChanges.events.isEmpty || !mapRunChanges.children.isEmpty else { return changes }
        changes.mapRuns = mapRunChanges.runs.sorted().map { mapRuns[$0].record }
        changes.children = mapRunChanges.children
        changes.childEvents = mapRunChanges.events
        mapRunChanges = PendingMapRunChanges()
        return changes
    }

    /// The Map Runs of the execution so far, oldest first.
    package var mapRunRecords: [MapRunRecord] { mapRuns.map(\.record) }

    /// A child's name and ARN: `…:execution:<machine>/<label>:<name>` for STANDARD children,
    /// `…:express:<machine>/<label>:<name>:<id>` for EXPRESS ones. The name is UUID-shaped: the Map Run's id with
    /// the child's index (from 1) as its last group, so a run's children sort by index and their rows and events
    /// are written near each other (random names scattered them over the store's B-trees: 5× the pages written).
    func childNames(_ run: Int, slot: Int) -> (name: String, arn: String) {
        let state = mapRuns[run]
        let index = String(slot + 1, radix: 16)
        let name = state.namePrefix + String(repeating: "0", count: max(0, 12 - index.count)) + index
        guard !state.standard else { return (name, state.childArnPrefix + name) }
        return (name, state.childArnPrefix + name + ":" + Self.uuid(state.idSeed &+ UInt64(slot + 1) &* 0xBF58_476D_1CE4_E5B9))
    }

    /// A version-4-shaped UUID from a seed (deterministic, so replays reproduce names and ARNs).
    static func uuid(_ seed: UInt64) -> String {
        var random = AnyRandom(seed: seed)
        var bits = (random.next(), random.next())
        bits.0 = (bits.0 & ~0xF000) | 0x4000  // version 4: the high nibble of byte 6
        bits.1 = (bits.1 & ~(0xC0 << 56)) | (0x80 << 56)  // RFC variant: the top bits of byte 8 are 10
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(36)
        for (word, offset) in [(bits.0, 0), (bits.1, 8)] {
            for byte in 0..<8 {
                if [4, 6, 8, 10].contains(offset + byte) { text.append(UInt8(ascii: "-")) }
                let value = UInt8(truncatingIfNeeded: word >> UInt64(56 - 8 * byte))
                text.append(digits[Int(value >> 4)])
                text.append(digits[Int(value & 0x0f)])
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
