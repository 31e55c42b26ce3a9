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
        switch op {
        case Op.JUMP, Op.JUMP_NO_INTERRUPT, Op.POP_JUMP_IF_NONE, Op.POP_JUMP_IF_NOT_NONE, Op.POP_JUMP_IF_FALSE,
             Op.POP_JUMP_IF_TRUE:
            return true
        case 0...255:
            return Opcode.kinds[op].contains(.jrel) || Opcode.kinds[op].contains(.jabs)
        default:
            return false
        }
    }

    // CPython: is_block_push
    var isBlockPush: Bool { opcode == Op.SETUP_FINALLY || opcode == Op.SETUP_WITH || opcode == Op.SETUP_CLEANUP }

    // CPython: is_relative_jump
    var isRelativeJump: Bool { opcode >= 0 && opcode < 256 && Opcode.kinds[opcode].contains(.jrel) }

    // CPython: instr_size
    var size: Int {
        let arg = opcode >= Int(Opcode.HAVE_ARGUMENT) ? oparg : 0
        let ext = (arg > 0xFFFFFF ? 1 : 0) + (arg > 0xFFFF ? 1 : 0) + (arg > 0xFF ? 1 : 0)
        return ext + 1 + Opcode.caches(UInt8(truncatingIfNeeded: opcode))
    }

    // CPython: is_end_of_basic_block
    var endsBlock: Bool {
        isJump || opcode == Op.RETURN_VALUE || opcode == Op.RAISE_VARARGS || opcode == Op.RERAISE
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
