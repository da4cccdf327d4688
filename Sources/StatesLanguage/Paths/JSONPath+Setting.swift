import JSON

extension JSONPath {
    /// Writes `value` at this Reference Path inside `target`, creating missing objects on the way
    /// (ResultPath, asl-reference §2.1 step 5). `$` replaces `target` outright.
    ///
    /// Throws States.ResultPathMatchFailure when the path is not a Reference Path on `$` (ResultPath takes no
    /// `$$` or variables), crosses a value that is not an object (for a name) or an array (for an index), or
    /// indexes past the end of an array.
    package func setting(_ value: JSON, in target: JSON) throws(StatesError) -> JSON {
        if segments.isEmpty && function == nil { return value }
        var document = target
        guard root == .input, isReferencePath, Self.write(value, segments[...], into: &document) else {
            throw StatesError(
                StatesError.Name.resultPathMatchFailure,
                "Unable to apply ResultPath \"\(text)\" to input \(target.serialized())")
        }
        return document
    }

    /// Writes in place. Each level is detached from `node` before it is changed, so only the objects and arrays
    /// along the path are copied (those still shared with the caller's input); everything else is shared.
    static func write(_ value: JSON, _ steps: ArraySlice<Segment>, into node: inout JSON) -> Bool {
        guard let step = steps.first else {
            node = value
            return true
        }
        switch (step, node) {
        case (.member(let name), .object(var object)):
            node = .null
            var child = object[name] ?? .object(JSONObject())
            if object[name] != nil { object[name] = .null }
            let written = write(value, steps.dropFirst(), into: &child)
            object[name] = child
            node = .object(object)
            return written
        case (.index(let index), .array(var array)):
            let position = index < 0 ? array.count + index : index
            guard array.indices.contains(position) else { return false }
            node = .null
            var child = array[position]
            array[position] = .null
            let written = write(value, steps.dropFirst(), into: &child)
            array[position] = child
            node = .array(array)
            return written
        default:
            return false
        }
    }
}
