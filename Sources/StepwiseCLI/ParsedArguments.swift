/// A declared option: `--name VALUE` (takes a value) or `--name` (a flag); `repeatable` options collect values.
struct OptionSpec: Sendable {
    var name: String
    var takesValue: Bool
    var repeatable = false

    static func flag(_ name: String) -> OptionSpec { OptionSpec(name: name, takesValue: false) }
    static func value(_ name: String, repeatable: Bool = false) -> OptionSpec {
        OptionSpec(name: name, takesValue: true, repeatable: repeatable)
    }
}

/// A usage problem: unknown option, missing value, missing argument. Exit status 2.
struct UsageError: Error {
    var message: String
}

/// Arguments split into options and positionals against a command's option list.
struct ParsedArguments {
    var positionals: [String] = []
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []

    init(_ arguments: [String], spec: [OptionSpec]) throws(UsageError) {
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("--") || argument == "-" {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = spec.first(where: { $0.name == name }) else { throw UsageError(message: "unknown option '--\(name)'") }
            if option.takesValue {
                guard let value = inlineValue ?? (index < arguments.count ? arguments[index] : nil) else {
                    throw UsageError(message: "option '--\(name)' needs a value")
                }
                if inlineValue == nil { index += 1 }
                if values[name] != nil && !option.repeatable { throw UsageError(message: "option '--\(name)' given twice") }
                values[name, default: []].append(value)
            } else {
                guard inlineValue == nil else { throw UsageError(message: "option '--\(name)' takes no value") }
                flags.insert(name)
            }
        }
    }

    /// The options given (with a value or as flags), by name.
    var given: Set<String> { flags.union(values.keys) }

    func value(_ name: String) -> String? { values[name]?.last }
    func values(_ name: String) -> [String] { values[name] ?? [] }
    func flag(_ name: String) -> Bool { flags.contains(name) }
}
