import Foundation
import StepwiseGraph
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Graph renderers")
struct RendererTests {
    /// State names, a Choice rule and an error name that try to break out of every format.
    static let hostile = [
        "<script>alert(1)</script>", "\"quoted\" & 'single'", "]]> and -->", "a|b]}{[%%{init}%%", "back\\slash\nnew line",
    ]
    static let hostileDefinition = """
        {"StartAt": "\(escaped(hostile[0]))", "States": {
          "\(escaped(hostile[0]))": {"Type": "Pass", "Next": "\(escaped(hostile[1]))"},
          "\(escaped(hostile[1]))": {"Type": "Choice", "Default": "\(escaped(hostile[2]))",
            "Choices": [{"Variable": "$.x", "StringEquals": "</text><script>1</script>", "Next": "\(escaped(hostile[3]))"}]},
          "\(escaped(hostile[2]))": {"Type": "Parallel", "Next": "\(escaped(hostile[3]))",
            "Catch": [{"ErrorEquals": ["<img src=x onerror=alert(3)>"], "Next": "\(escaped(hostile[4]))"}],
            "Branches": [{"StartAt": "<b>inner</b>", "States": {"<b>inner</b>": {"Type": "Pass", "End": true}}}]},
          "\(escaped(hostile[3]))": {"Type": "Succeed"},
          "\(escaped(hostile[4]))": {"Type": "Fail"}}}
        """

    static func escaped(_ name: String) -> String {
        name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Parses an SVG document; answers its element names, attribute names and all its text (attribute values
    /// and character data) as the XML parser decodes them, or nil when it is not well-formed.
    static func parse(_ svg: String) -> (elements: Set<String>, attributes: Set<String>, text: String)? {
        final class Collector: NSObject, XMLParserDelegate {
            var elements: Set<String> = []
            var attributes: Set<String> = []
            var text = ""
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
            ) {
                elements.insert(name)
                for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
                    self.attributes.insert(key)
                    text += value + "\n"
                }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        }
        let collector = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        return parser.parse() ? (collector.elements, collector.attributes, collector.text) : nil
    }

    @Test("SVG is well-formed XML for every workflow, plain and coloured", arguments: Definitions.files)
    func wellFormed(_ file: String) throws {
        let graph = try Definitions.graph(try Definitions.text(file))
        let plain = try #require(Self.parse(graph.rendered(as: .svg)))
        #expect(plain.elements.isSubset(of: ["svg", "defs", "marker", "path", "rect", "g", "title", "text", "polygon", "circle"]))
        let coloured = graph.rendered(as: .svg, colouring: ExecutionColouring(graph: graph, events: []))
        #expect(Self.parse(coloured) != nil)
        #expect(coloured.components(separatedBy: "<g class=\"sw-edge ").count - 1 == graph.edges.count)
    }

    @Test("Hostile names are text in SVG: no element or attribute comes from user data, and the parser reads them back")
    func svgEscaping() throws {
        let graph = try Definitions.graph(Self.hostileDefinition)
        let svg = graph.rendered(as: .svg)
        for raw in ["<script", "<img", "<b>", "]]>", "-->", "\"quoted\""] { #expect(!svg.contains(raw), "\(raw) appears unescaped") }
        let parsed = try #require(Self.parse(svg))
        #expect(parsed.elements.isSubset(of: ["svg", "defs", "marker", "path", "rect", "g", "title", "text", "polygon", "circle"]))
        #expect(!parsed.attributes.contains { $0.lowercased().hasPrefix("on") })
        for name in Self.hostile + ["<b>inner</b>", "$.x == \"</text><script>1</script>\"", "<img src=x onerror=alert(3)>"] {
            #expect(parsed.text.contains(name), "\(name) is shown as text")
        }
    }

    /// The strings between double quotes of a Mermaid document, with `#NNN;` entities decoded.
    static func mermaidLabels(_ text: String) -> [String] {
        let pieces = text.components(separatedBy: "\"")
        return stride(from: 1, to: pieces.count, by: 2).map { index in
            var result = ""
            var rest = Substring(pieces[index])
            while let hash = rest.firstIndex(of: "#") {
                result += rest[..<hash]
                let tail = rest[rest.index(after: hash)...]
                guard let semicolon = tail.firstIndex(of: ";"), let code = UInt32(tail[..<semicolon]), let scalar = Unicode.Scalar(code) else {
                    result += "#"
                    rest = tail
                    continue
                }
                result.unicodeScalars.append(scalar)
                rest = tail[tail.index(after: semicolon)...]
            }
            return result + rest
        }
    }

    @Test("Hostile names are entities inside quoted Mermaid labels; every line keeps the flowchart grammar")
    func mermaidEscaping() throws {
        let graph = try Definitions.graph(Self.hostileDefinition)
        let mermaid = graph.rendered(as: .mermaid)
        let label = #""[^"<>\[\]{}|%&\n]*""#
        let grammar = [
            "flowchart TD", #"subgraph [ns]\d+ \["# + label + #"\]"#, "direction TB", "end",
            #"n\d+(\(\[|\{|\[|\(\()"# + label + #"(\]\)|\}|\]|\)\))"#,
            #"n\d+ (-->|-\.->)(\|"# + label + #"\|)? n\d+"#, #"classDef [a-z]+ [a-z:#0-9,]+"#, #"class [n0-9,]+ [a-z]+"#,
        ]
        let lineRule = try Regex("^ *(" + grammar.joined(separator: "|") + ")$")
        for line in mermaid.split(separator: "\n") {
            #expect(
                String(line).wholeMatch(of: lineRule) != nil
                    || String(line).replacingOccurrences(of: "<br/>", with: "").wholeMatch(of: lineRule) != nil, "\(line)")
        }
        let labels = Self.mermaidLabels(mermaid).flatMap { $0.components(separatedBy: "<br/>") }
        for name in Self.hostile { #expect(labels.contains { $0 == name || $0 == "\(name) (Parallel)" }, "\(name) is a label") }
        #expect(labels.contains("$.x == \"</text><script>1</script>\""))
        #expect(mermaid.components(separatedBy: "\n").filter { $0.contains(" -->") || $0.contains(" -.->") }.count == graph.edges.count)
    }

    /// The decoded double-quoted strings of a DOT document; nil when a string is unterminated or braces do not balance.
    static func dotStrings(_ text: String) -> [String]? {
        var strings: [String] = []
        var depth = 0
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            switch character {
            case "{": depth += 1
            case "}": depth -= 1
            case "\"":
                var string = ""
                while true {
                    guard let next = iterator.next(), next != "\n" else { return nil }
                    if next == "\"" { break }
                    if next == "\\" {
                        guard let escaped = iterator.next() else { return nil }
                        string.append(escaped == "n" ? "\n" : escaped)
                    } else {
                        string.append(next)
                    }
                }
                strings.append(string)
            default: break
            }
            if depth < 0 { return nil }
        }
        return depth == 0 ? strings : nil
    }

    @Test("Hostile names are escaped DOT strings that decode back to the names; ids are generated")
    func dotEscaping() throws {
        let graph = try Definitions.graph(Self.hostileDefinition)
        let dot = graph.rendered(as: .dot)
        let strings = try #require(Self.dotStrings(dot))
        for name in Self.hostile { #expect(strings.contains { $0.hasPrefix(name + "\n") }, "\(name) is a label") }
        #expect(strings.contains("$.x == \"</text><script>1</script>\""))
        let edges = dot.components(separatedBy: "\n").filter { $0.contains(" -> ") && !$0.contains("style=invis") }
        #expect(edges.count == graph.edges.count)
        for edge in edges { #expect(edge.wholeMatch(of: #/ *"n\d+" -> "n\d+".*;/#) != nil) }
    }

    @Test("Long names are shortened on the picture and kept whole in the SVG tooltip")
    func longNames() throws {
        let name = String(repeating: "Quite a long state name ", count: 3).trimmingCharacters(in: .whitespaces)
        let graph = try Definitions.graph(#"{"StartAt": "\#(name)", "States": {"\#(name)": {"Type": "Pass", "End": true}}}"#)
        let svg = graph.rendered(as: .svg)
        #expect(svg.contains("<title>\(name)\nPass</title>"))
        #expect(svg.contains(">\(name.prefix(39))…</text>"))
    }
}
