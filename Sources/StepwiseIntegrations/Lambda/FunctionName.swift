/// A Lambda function as `FunctionName` may give it: a name, a partial ARN (`123456789012:function:name`) or a
/// full ARN, each with an optional qualifier (version or alias).
struct FunctionName: Sendable, Equatable {
    let name: String
    let qualifier: String?
    var region: String?
    var account: String?

    init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count >= 7, parts[0] == "arn", parts[5] == "function" {
            (region, account, name) = (parts[3], parts[4], parts[6])
            qualifier = parts.count > 7 ? parts[7] : nil
        } else if parts.count >= 3, parts[1] == "function" {
            (region, account, name) = (nil, parts[0], parts[2])
            qualifier = parts.count > 3 ? parts[3] : nil
        } else if (1...2).contains(parts.count) {
            (region, account, name) = (nil, nil, parts[0])
            qualifier = parts.count > 1 ? parts[1] : nil
        } else {
            return nil
        }
        if name.isEmpty || qualifier?.isEmpty == true { return nil }
    }

    /// The unqualified ARN, with the execution's region and account where the name leaves them out.
    func arn(region defaultRegion: String, account defaultAccount: String) -> String {
        "arn:aws:lambda:\(region ?? defaultRegion):\(account ?? defaultAccount):function:\(name)"
    }

    /// The names a resources-file key may use for this function, most specific first: the qualified ARN, the
    /// ARN, `name:qualifier`, the name.
    func candidates(region: String, account: String) -> [String] {
        let arn = arn(region: region, account: account)
        guard let qualifier else { return [arn, name] }
        return ["\(arn):\(qualifier)", arn, "\(name):\(qualifier)", name]
    }
}
