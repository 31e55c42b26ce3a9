/// The tracebacks `python3 -m ast` prints when `parse` or `dump` raises: fixed frames of CPython 3.11.7's runpy and
/// Lib/ast.py (line numbers and source lines of those files), then the exception. (CPython: Python/traceback.c
/// tb_print_internal, tb_displayline; Python/pythonrun.c print_exception)
extension ASTModule {
    enum Traceback {
        /// Where python3's ast.py lives: the traceback names it. (It is this machine's CPython 3.11.7 install.)
        static let astPath = "/root/.pyenv/versions/3.11.7/lib/python3.11/ast.py"

        /// One traceback entry: `  File "F", line N, in NAME`, then the stripped source line and carets under
        /// columns `caret` of the stripped line (when there is a source line).
        struct Entry: Equatable {
            var file: String
            var line: Int
            var name: String
            var source: String?
            /// The line under the source line (after its 4-space margin): carets, or `~~~^~~` for an operator.
            var marker: String?

            init(file: String, line: Int, name: String, source: String?, caret: (start: Int, count: Int)?) {
                self.file = file; self.line = line; self.name = name; self.source = source
                marker = caret.map { String(repeating: " ", count: $0.start) + String(repeating: "^", count: $0.count) }
            }

            init(file: String, line: Int, name: String, source: String, marker: String) {
                self.file = file; self.line = line; self.name = name; self.source = source; self.marker = marker
            }

            static func == (a: Entry, b: Entry) -> Bool { a.file == b.file && a.line == b.line && a.name == b.name }

            var text: String {
                var out = "  File \"\(file)\", line \(line), in \(name)\n"
                if let source {
                    out += "    " + source + "\n"
                    if let marker { out += "    " + marker + "\n" }
                }
                return out
            }
        }

        static func ast(_ line: Int, _ name: String, _ source: String, _ caret: (Int, Int)?) -> Entry {
            Entry(file: astPath, line: line, name: name, source: source, caret: caret)
        }

        static let runpy: [Entry] = [
            Entry(file: "<frozen runpy>", line: 198, name: "_run_module_as_main", source: nil, caret: nil),
            Entry(file: "<frozen runpy>", line: 88, name: "_run_code", source: nil, caret: nil),
            ast(1752, "<module>", "main()", nil),
        ]

        static let header = "Traceback (most recent call last):\n"

        static let parseEntries = runpy + [
            ast(1748, "main",
                "tree = parse(source, args.infile.name, args.mode, type_comments=args.no_type_comments)", (7, 79)),
            ast(50, "parse", "return compile(source, filename, mode, flags,", (7, 38)),
        ]

        static let dumpEntries = runpy + [
            ast(1749, "main", "print(dump(tree, include_attributes=args.include_attributes, indent=args.indent))",
                (6, 74)),
            ast(177, "dump", "return _format(node)[0]", (7, 13)),
        ]

        static let fieldSource = "value, simple = _format(value, level)"
        static let listSource = "return '[%s%s]' % (prefix, sep.join(_format(x, level)[0] for x in node)), False"

        static func entry(_ frame: ASTDumpFailure.Frame) -> Entry {
            switch frame {
            case .field: return ast(147, "_format", fieldSource, (16, 21))
            case .attribute: return ast(161, "_format", fieldSource, (16, 21))
            case .listJoin: return ast(170, "_format", listSource, (27, 44))
            case .listCreate: return ast(170, "_format", listSource, (35, 36))
            case .listGenexpr: return ast(170, "<genexpr>", listSource, (36, 17))
            case .leafRepr: return ast(171, "_format", "return repr(node), True", (7, 10))
            case .joinSimple:
                return ast(165, "_format",
                           "return '%s(%s)' % (node.__class__.__name__, ', '.join(args)), not args", (44, 15))
            case .joinIndented:
                return ast(166, "_format", "return '%s(%s%s)' % (node.__class__.__name__, prefix, sep.join(args)), False",
                           (54, 14))
            }
        }

        /// CPython: tb_print_internal — runs of more than 3 identical (file, line, name) entries are cut to 3 and a
        /// "[Previous line repeated N more times]" line.
        static func render(_ entries: [Entry]) -> String {
            let cutoff = 3
            var out = header
            var last: Entry? = nil
            var count = 0
            for e in entries {
                if last == nil || last! != e {
                    if count > cutoff { out += "  [Previous line repeated \(count - cutoff) more times]\n" }
                    last = e
                    count = 0
                }
                count += 1
                if count <= cutoff { out += e.text }
            }
            if count > cutoff { out += "  [Previous line repeated \(count - cutoff) more times]\n" }
            return out
        }

        /// `indent = ' ' * indent` in dump (line 176) failing for a huge indent: `exception` is OverflowError or
        /// MemoryError.
        static func indentFailure(_ exception: String) -> String {
            let repeatLine = Entry(file: astPath, line: 176, name: "dump", source: "indent = ' ' * indent",
                                   marker: "         ~~~~^~~~~~~~")
            return render(Array(dumpEntries.dropLast()) + [repeatLine]) + exception + "\n"
        }

        static func parseFailure(_ err: SyntaxErrorInfo) -> String {
            render(parseEntries) + err.formattedForTraceback()
        }

        static func dumpFailure(_ failure: ASTDumpFailure) -> String {
            render(dumpEntries + failure.frames.map(entry)) + failure.exception + "\n"
        }
    }
}
