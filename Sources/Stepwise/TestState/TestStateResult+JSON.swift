import JSON

extension TestStateResult {
    /// The result as AWS's TestState answers it: `output`, the inspected payloads and `variables` as JSON text,
    /// absent members left out.
    public func json() -> JSON {
        var object: JSONObject = ["status": .string(status.rawValue)]
        if let output { object["output"] = .string(output.serialized()) }
        if let error { object["error"] = .string(error) }
        if let cause { object["cause"] = .string(cause) }
        if let nextState { object["nextState"] = .string(nextState) }
        if let inspectionData { object["inspectionData"] = inspectionData.json() }
        return .object(object)
    }
}

extension InspectionData {
    /// AWS's `InspectionData` shape: payloads as JSON text, `request`/`response` and `errorDetails` as objects.
    public func json() -> JSON {
        var object = JSONObject()
        let payloads: [(String, JSON?)] = [
            ("input", input), ("afterArguments", afterArguments), ("afterInputPath", afterInputPath), ("afterParameters", afterParameters),
            ("result", result), ("afterResultSelector", afterResultSelector), ("afterResultPath", afterResultPath),
        ]
        for case (let name, let value?) in payloads { object[name] = .string(value.serialized()) }
        if let request { object["request"] = request }
        if let response { object["response"] = response }
        if let variables { object["variables"] = .string(variables.serialized()) }
        if let errorDetails {
            var details = JSONObject()
            if let index = errorDetails.catchIndex { details["catchIndex"] = .int(index) }
            if let index = errorDetails.retryIndex { details["retryIndex"] = .int(index) }
            if let seconds = errorDetails.retryBackoffIntervalSeconds { details["retryBackoffIntervalSeconds"] = .int(seconds) }
            object["errorDetails"] = .object(details)
        }
        let items: [(String, JSON?)] = [
            ("afterItemsPath", afterItemsPath), ("afterItemSelector", afterItemSelector), ("afterItemBatcher", afterItemBatcher),
            ("afterItemsPointer", afterItemsPointer),
        ]
        for case (let name, let value?) in items { object[name] = .string(value.serialized()) }
        if let toleratedFailureCount { object["toleratedFailureCount"] = .int(toleratedFailureCount) }
        if let toleratedFailurePercentage { object["toleratedFailurePercentage"] = .double(toleratedFailurePercentage) }
        if let maxConcurrency { object["maxConcurrency"] = .int(maxConcurrency) }
        return .object(object)
    }
}
