import JSON

/// The eight state types.
public enum StateType: String, Sendable, Hashable {
    case task = "Task"
    case pass = "Pass"
    case choice = "Choice"
    case wait = "Wait"
    case succeed = "Succeed"
    case fail = "Fail"
    case parallel = "Parallel"
    case map = "Map"
}

/// One state, compiled: common fields plus the type's own in `kind`.
///
/// A class, not a struct: the interpreter reads the current state on every step, and a reference costs one
/// retain where a struct of this size costs one per field.
public final class State: Sendable {
    public let name: String
    public let type: StateType
    public let queryLanguage: QueryLanguage
    /// The index of the `Next` state in the same scope; nil for `End: true` and for terminal types.
    public let next: Int?
    public let io: InputOutput
    public let assign: Assignment?
    public let retriers: [Retrier]
    public let catchers: [Catcher]
    public let kind: Kind
    /// Whether any field reads the context object (`$$` or `$states`), so the interpreter builds it only then.
    public let usesContext: Bool

    public enum Kind: Sendable {
        case pass(result: JSON?)
        case task(TaskState)
        case choice(ChoiceState)
        case wait(WaitState)
        case succeed
        case fail(FailState)
        case parallel(branches: [Machine])
        case map(MapState)
    }

    public var isJSONata: Bool { queryLanguage == .jsonata }

    init(
        name: String, type: StateType, queryLanguage: QueryLanguage, next: Int?, io: InputOutput, assign: Assignment?,
        retriers: [Retrier], catchers: [Catcher], kind: Kind, usesContext: Bool
    ) {
        self.name = name
        self.type = type
        self.queryLanguage = queryLanguage
        self.next = next
        self.io = io
        self.assign = assign
        self.retriers = retriers
        self.catchers = catchers
        self.kind = kind
        self.usesContext = usesContext
    }
}

/// The data-flow fields of a state (asl-reference §2): the JSONPath ones, or JSONata's Arguments/Output.
public struct InputOutput: Sendable {
    public var inputPath: DataPath = .whole
    public var parameters: PayloadTemplate?
    public var resultSelector: PayloadTemplate?
    public var resultPath: DataPath = .whole
    public var outputPath: DataPath = .whole
    /// JSONata `Arguments` (Task, Parallel).
    public var arguments: JSONataTemplate?
    /// JSONata `Output`.
    public var output: JSONataTemplate?
}

/// `Assign`: a JSONPath template (`.$` keys evaluated) or a JSONata template.
public enum Assignment: Sendable {
    case jsonPath(PayloadTemplate)
    case jsonata(JSONataTemplate)
}

/// A number field given literally, by a reference path (`…Path`), or by a JSONata expression.
public enum DynamicInt: Sendable {
    case literal(Int)
    case path(JSONPath)
    case jsonata(JSONataTemplate)
}

/// A string field given literally, by a path or intrinsic (`ErrorPath`/`CausePath`), or by JSONata.
public enum DynamicString: Sendable {
    case literal(String)
    case path(JSONPath)
    case intrinsic(IntrinsicFunction)
    case jsonata(JSONataTemplate)
}

public struct Retrier: Sendable {
    public let errorEquals: [String]
    public let intervalSeconds: Double
    public let maxAttempts: Int
    public let backoffRate: Double
    public let maxDelaySeconds: Double?
    public let fullJitter: Bool
}

public struct Catcher: Sendable {
    public let errorEquals: [String]
    public let next: Int
    public let resultPath: DataPath
    public let assign: Assignment?
    public let output: JSONataTemplate?
}

public struct TaskState: Sendable {
    public let resource: String
    public let timeoutSeconds: DynamicInt?
    public let heartbeatSeconds: DynamicInt?
    public let credentials: JSON?
}

public struct ChoiceState: Sendable {
    public struct Branch: Sendable {
        public enum Condition: Sendable {
            case rule(ChoiceRule)
            case jsonata(JSONataTemplate)
        }
        public let condition: Condition
        public let next: Int
        public let assign: Assignment?
        public let output: JSONataTemplate?
    }
    public let choices: [Branch]
    public let defaultNext: Int?
}

public enum WaitState: Sendable {
    case seconds(DynamicInt)
    case timestamp(literal: String)
    case timestampPath(JSONPath)
    case timestampExpression(JSONataTemplate)
}

public struct FailState: Sendable {
    public let error: DynamicString?
    public let cause: DynamicString?
}

public struct MapState: Sendable {
    public enum Mode: String, Sendable {
        case inline = "INLINE"
        case distributed = "DISTRIBUTED"
    }
    public let processor: Machine
    public let mode: Mode
    public let executionType: String?
    public let itemsPath: JSONPath?
    public let items: JSONataTemplate?
    public let itemSelector: Assignment?
    public let maxConcurrency: DynamicInt?
    public let toleratedFailureCount: DynamicInt?
    /// ToleratedFailurePercentage (a number or JSONata) or ToleratedFailurePercentagePath.
    public let toleratedFailurePercentage: JSON?
    public let toleratedFailurePercentagePath: JSONPath?
    public let itemReader: ItemReaderConfig?
    public let itemBatcher: ItemBatcherConfig?
    public let resultWriter: ResultWriterConfig?
    public let label: String?
}
