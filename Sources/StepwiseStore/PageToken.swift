import Foundation
import JSON

/// Opaque page tokens: base64url of `{"v":1,"k":<listing>,"s":<scope>,"p":[<last key>]}`.
///
/// The token carries the last key returned (keyset pagination), so a page costs an index seek whatever its
/// depth, and rows added meanwhile never shift pages. A token is only valid for the listing and scope
/// (state machine, execution, status, direction) it was issued for; anything else is `.invalidToken`.
package struct PageToken {
    package let listing: String
    package let scope: String
    package let key: [JSON]

    package func encoded() -> String {
        let object: JSON = ["v": 1, "k": .string(listing), "s": .string(scope), "p": .array(key)]
        return Data(object.serializedBytes()).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes `token`, checking it was issued for `listing` and `scope` and holds `keyCount` keys.
    package init(decoding token: String, listing: String, scope: String, keyCount: Int) throws {
        let invalid = StoreError(.invalidToken, "Invalid Token: 'Invalid token'")
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard token.count <= 3096, let data = Data(base64Encoded: base64), let json = try? JSON(parsing: data),
            json["v"]?.intValue == 1, json["k"]?.stringValue == listing, json["s"]?.stringValue == scope,
            let key = json["p"]?.arrayValue, key.count == keyCount
        else { throw invalid }
        self.init(listing: listing, scope: scope, key: key)
    }

    package init(listing: String, scope: String, key: [JSON]) {
        self.listing = listing
        self.scope = scope
        self.key = key
    }
}

extension Store {
    /// The page size for a `maxResults` argument: 0 means 100; beyond 0–1000 is `.invalidArgument`.
    static func pageSize(_ maxResults: Int) throws -> Int {
        guard (0...1000).contains(maxResults) else {
            throw StoreError(.invalidArgument, "maxResults must be between 0 and 1000, not \(maxResults)")
        }
        return maxResults == 0 ? 100 : maxResults
    }
}
