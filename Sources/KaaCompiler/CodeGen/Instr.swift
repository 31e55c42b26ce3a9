import KaaBytecode

/// A source span of an instruction: CPython's i_lineno, i_end_lineno, i_col_offset, i_end_col_offset.
/// A negative line means "no location" (artificial instruction).
struct Loc: Equatable {
    var line: Int
    var endLine: Int
    var col: Int
    var endCol: Int

    /// CPython: UNSET_LOC
    static let unset = Loc(line: -1, endLine: -1, col: -1, endCol: -1)
    /// CPython: the `_noline` addop variants (`-1, 0, 0, 0`)
    static let noLine = Loc(line: -1, endLine: 0, col: 0, endCol: 0)
}

/// One instruction of the flow graph. CPython: struct instr
///
/// The block references are unowned(unsafe): every block of a unit is kept alive by the unit's `blocks` array for
/// as long as its instructions exist, and a plain-data Instr copies without retain/release (the flow-graph passes
/// copy instructions all the time). Debug builds keep strong references: with -Onone (Swift 6.3.1) the unowned(unsafe)
/// optionals made markReachable loop forever on every program (`kaa -c pass`), while release builds pass all of
/// conformance-compiler; not yet reduced to a compiler bug report.
struct Instr {
    var opcode: Int
    var oparg: Int
    var loc: Loc
#if DEBUG
    /// Jump or SETUP_* target.
    var target: BasicBlock?
    /// Handler in force at this instruction, set by label_exception_targets.
    var except: BasicBlock?
#else
    /// Jump or SETUP_* target.
    unowned(unsafe) var target: BasicBlock?
    /// Handler in force at this instruction, set by label_exception_targets.
    unowned(unsafe) var except: BasicBlock?
#endif

    init(_ opcode: Int, _ oparg: Int = 0, loc: Loc, target: BasicBlock? = nil) {
        self.opcode = opcode
        self.oparg = oparg
        self.loc = loc
        self.target = target
    }

    // CPython: is_jump
    var isJump: Bool { Instr.isJumpOpcode(opcode) }

    static func isJumpOpcode(_ op: Int) -> Bool {
        // The jump pseudo-instructions (-10...-5) and the real ones (OpTable.isRelativeJump: 3.11 has no absolute
        // jumps).
        (op >= -10 && op <= -5) || OpTable.isRelativeJump(op)
    }

    // CPython: is_block_push
    var isBlockPush: Bool { opcode == Op.SETUP_FINALLY || opcode == Op.SETUP_WITH || opcode == Op.SETUP_CLEANUP }

    // CPython: is_relative_jump
    var isRelativeJump: Bool { OpTable.isRelativeJump(opcode) }

    // CPython: instr_size
    var size: Int {
        let arg = opcode >= 90 ? oparg : 0  // HAVE_ARGUMENT
        let ext = (arg > 0xFFFFFF ? 1 : 0) + (arg > 0xFFFF ? 1 : 0) + (arg > 0xFF ? 1 : 0)
        return ext + 1 + OpTable.caches(opcode)
    }

    // CPython: is_end_of_basic_block
    var endsBlock: Bool {
        isJump || opcode == Op.RETURN_VALUE || opcode == Op.RAISE_VARARGS || opcode == Op.RERAISE
    }
}

/// What the flow-graph passes ask of an opcode for every instruction, as switches over the opcode numbers: the
/// tables of KaaBytecode's `Opcode` are lazily initialized globals, and the passes asked them several times per
/// instruction. OpcodeTableTests checks these against `Opcode.kinds` and `Opcode.caches`.
/// (CPython 3.11: Lib/opcode.py hasjrel, _inline_cache_entries)
enum OpTable {
    /// hasjrel: FOR_ITER, JUMP_FORWARD, JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP, POP_JUMP_FORWARD_IF_FALSE/TRUE,
    /// SEND, POP_JUMP_FORWARD_IF_NOT_NONE/NONE, JUMP_BACKWARD_NO_INTERRUPT, JUMP_BACKWARD,
    /// POP_JUMP_BACKWARD_IF_NOT_NONE/NONE/FALSE/TRUE.
    @inline(__always)
    static func isRelativeJump(_ op: Int) -> Bool {
        // Bit k of the mask pair is opcode 93 + k: 93, 110, 111, 112, 114, 115, 123, 128, 129, 134, 140 in the low
        // word, 173...176 (bits 80...83) in the high word.
        let k = op &- 93
        if k < 0 || k >= 84 { return false }
        let low: UInt64 = 1 | 1 << 17 | 1 << 18 | 1 << 19 | 1 << 21 | 1 << 22 | 1 << 30 | 1 << 35 | 1 << 36 | 1 << 41
            | 1 << 47
        let high: UInt64 = 0xF << 16
        return ((k < 64 ? low >> UInt64(k) : high >> UInt64(k - 64)) & 1) != 0
    }

    /// The inline cache entries of a base opcode (the compiler emits no specialized ones); pseudo-instructions have
    /// none.
    @inline(__always)
    static func caches(_ op: Int) -> Int {
        switch op {
        case 25: return 4   // BINARY_SUBSCR
        case 60: return 1   // STORE_SUBSCR
        case 92: return 1   // UNPACK_SEQUENCE
        case 95: return 4   // STORE_ATTR
        case 106: return 4  // LOAD_ATTR
        case 107: return 2  // COMPARE_OP
        case 116: return 5  // LOAD_GLOBAL
        case 122: return 1  // BINARY_OP
        case 160: return 10 // LOAD_METHOD
        case 166: return 1  // PRECALL
        case 171: return 4  // CALL
        default: return 0
        }
    }
}

/// A basic block. CPython: basicblock_. Blocks live in their unit's `blocks` array (allocation order; CPython's
/// `b_list` walks it backwards) and are chained in code order through `next`.
final class BasicBlock {
    var instrs: [Instr] = []
    /// The next block in code order (unowned(unsafe) like Instr's references: the unit's `blocks` owns blocks).
#if DEBUG
    var next: BasicBlock?
#else
    unowned(unsafe) var next: BasicBlock?
#endif
    var predecessors = 0
    var startDepth = Int.min
    var offset = 0
    var nofallthrough = false
    var preserveLasti = false
    var visited = false
    var exit = false
    var isReturn = false
    var exceptStack: ExceptStack?

    var last: Instr? { instrs.last }
}

/// CPython: ExceptStack
final class ExceptStack {
    var handlers: [BasicBlock?] = [nil]
    var depth: Int { handlers.count - 1 }

    func copy() -> ExceptStack {
        let c = ExceptStack()
        c.handlers = handlers
        return c
    }
    var top: BasicBlock? { handlers[handlers.count - 1] }
}
