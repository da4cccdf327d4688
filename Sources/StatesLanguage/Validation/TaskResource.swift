/// What a Task state's `Resource` ARN names (asl-reference §1.3, "Resource forms").
enum TaskResource: Equatable, Sendable {
    /// `arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`
    case lambdaFunction
    /// `arn:aws:states:<region>:<account>:activity:<name>`
    case activity
    /// `arn:aws:states:::<service>:<action>[.sync|.sync:2|.waitForTaskToken]`, including `aws-sdk:<service>:<action>`.
    case integration(Pattern)

    enum Pattern: Equatable, Sendable { case requestResponse, sync, waitForTaskToken }

    static let partitions: Set<Substring> = ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f"]

    /// Recognizes an ARN; nil when it is none of the forms Step Functions accepts.
    init?(arn: String) {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 6, parts[0] == "arn", Self.partitions.contains(parts[1]) else { return nil }
        switch parts[2] {
        case "lambda":
            guard parts[5] == "function", (7...8).contains(parts.count), parts[6...].allSatisfy({ !$0.isEmpty }),
                !parts[3].isEmpty, !parts[4].isEmpty
            else { return nil }
            self = .lambdaFunction
        case "states" where parts[5] == "activity":
            guard parts.count == 7, !parts[3].isEmpty, !parts[4].isEmpty, !parts[6].isEmpty else { return nil }
            self = .activity
        case "states":
            guard let pattern = Self.integrationPattern(parts[5...].joined(separator: ":")) else { return nil }
            self = .integration(pattern)
        default:
            return nil
        }
    }

    /// `service:action[suffix]` or `aws-sdk:service:action[suffix]`, with its integration pattern.
    private static func integrationPattern(_ rest: String) -> Pattern? {
        var body = Substring(rest)
        var pattern = Pattern.requestResponse
        for (suffix, kind) in [(".sync:2", Pattern.sync), (".sync", .sync), (".waitForTaskToken", .waitForTaskToken)]
        where body.hasSuffix(suffix) {
            body = body.dropLast(suffix.count)
            pattern = kind
            break
        }
        let names = body.split(separator: ":", omittingEmptySubsequences: false)
        let expected = names.first == "aws-sdk" ? 3 : 2
        guard names.count == expected, names.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isNameCharacter) }) else {
            return nil
        }
        return pattern
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "-_.".contains(character))
    }
}
