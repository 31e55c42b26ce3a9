import KaaCore
import KaaBytecode

/// The assembler: flow graph of the current unit → code object. CPython: assemble() and its helpers.
extension CodeGen {
    /// CPython: compute_code_flags
    func computeCodeFlags() -> Int32 {
        let ste = u.ste
        var f: Int32 = 0
        if ste.type == .function {
            f |= CodeObject.Flag.newLocals | CodeObject.Flag.optimized
            if ste.isNested { f |= CodeObject.Flag.nested }
            if ste.isGenerator && !ste.isCoroutine { f |= CodeObject.Flag.generator }
            if !ste.isGenerator && ste.isCoroutine { f |= CodeObject.Flag.coroutine }
            if ste.isGenerator && ste.isCoroutine { f |= CodeObject.Flag.asyncGenerator }
            if ste.hasVarargs { f |= CodeObject.Flag.varArgs }
            if ste.hasVarkeywords { f |= CodeObject.Flag.varKeywords }
        }
        f |= flags
        return f
    }

    /// CPython: assemble
    func assemble(addNone: Bool) throws -> CodeObject {
        if !u.curblock.isReturn {
            unsetLoc()
            if addNone { loadConst(.none) }
            addop(Op.RETURN_VALUE)
        }
        for b in u.blocks.reversed() { normalizeBasicBlock(b) }
        for b in u.blocks.reversed() { extendBlock(b) }
        let entry = u.blocks[0]
        let nlocals = u.varnames.count
        let ncells = u.cellvars.count
        let nfrees = u.freevars.count
        var nlocalsplus = nlocals + ncells + nfrees

        // CPython: build_cellfixedoffsets
        var fixed = Array(0..<(ncells + nfrees)).map { nlocals + $0 }
        for name in u.cellvars.list {
            if let vi = u.varnames[name], let ci = u.cellvars[name] { fixed[ci] = vi }
        }

        if u.firstlineno == 0 {
            if let f = entry.instrs.first, f.loc.line != 0 {
                u.firstlineno = f.loc.line
            } else {
                u.firstlineno = 1
            }
        }

        insertPrefixInstructions(entry, fixed, nfrees)

        // CPython: fix_cell_offsets
        var numdropped = 0
        for i in 0..<(ncells + nfrees) {
            if fixed[i] == i + nlocals {
                fixed[i] -= numdropped
            } else {
                numdropped += 1
            }
        }
        var b: BasicBlock? = entry
        while let bb = b {
            for i in bb.instrs.indices {
                switch bb.instrs[i].opcode {
                case Op.MAKE_CELL, Op.LOAD_CLOSURE, Op.LOAD_DEREF, Op.STORE_DEREF, Op.DELETE_DEREF,
                     Op.LOAD_CLASSDEREF:
                    let old = bb.instrs[i].oparg
                    if old >= 0 && old < fixed.count { bb.instrs[i].oparg = fixed[old] }
                default: break
                }
            }
            b = bb.next
        }
        nlocalsplus -= numdropped

        var consts = u.consts
        optimizeCFG(entry, &consts)
        duplicateExitsWithoutLineno()
        // CPython: trim_unused_consts
        var maxConst = 0
        b = entry
        while let bb = b {
            for ins in bb.instrs where (ins.opcode == Op.LOAD_CONST || ins.opcode == Op.KW_NAMES) && ins.oparg > maxConst {
                maxConst = ins.oparg
            }
            b = bb.next
        }
        if maxConst + 1 < consts.count { consts.removeSubrange((maxConst + 1)...) }
        // CPython: _PyCode_New's intern_strings(names), intern_string_constants(consts), intern_strings(localsplusnames)
        if u.priv != nil { interned.noteCodeNames(u.names.list) }
        interned.internConstants(&consts)
        if u.priv != nil { interned.noteCodeNames(u.varnames.list, u.cellvars.list, u.freevars.list) }
        propagateLineNumbers(entry)
        guaranteeLinenoForExits(entry, u.firstlineno)
        let maxdepth = try stackDepth(entry)
        labelExceptionTargets(entry)
        convertExceptionHandlersToNops(entry)
        b = entry
        while let bb = b { cleanBasicBlock(bb); b = bb.next }
        normalizeJumps(entry)
        assembleJumpOffsets(entry)

        // Emit code.
        var locations: [LocationTable.Entry] = []
        var ninstrs = 0
        var units = 0
        b = entry
        while let bb = b {
            ninstrs += bb.instrs.count
            for ins in bb.instrs { units += ins.size }
            b = bb.next
        }
        locations.reserveCapacity(ninstrs)
        // Zero-filled: the CACHE entries (opcode 0, arg 0) are already in place.
        var code = [UInt8](repeating: 0, count: 2 * units)
        var excEntries: [ExceptionTable.Entry] = []
        var handler: BasicBlock? = nil
        var start = -1
        var ioffset = 0
        b = entry
        code.withUnsafeMutableBufferPointer { out in
            while let bb = b {
                ioffset = bb.offset
                for ins in bb.instrs {
                    // CPython: write_instr
                    let size = ins.size
                    let arg = ins.opcode >= 90 ? ins.oparg : 0
                    let ext = size - OpTable.caches(ins.opcode) - 1
                    guard 2 * (ioffset + size) <= out.count else { break }
                    var pc = 2 * ioffset
                    if ext >= 3 { out[pc] = Opcode.EXTENDED_ARG; out[pc + 1] = UInt8((arg >> 24) & 0xFF); pc += 2 }
                    if ext >= 2 { out[pc] = Opcode.EXTENDED_ARG; out[pc + 1] = UInt8((arg >> 16) & 0xFF); pc += 2 }
                    if ext >= 1 { out[pc] = Opcode.EXTENDED_ARG; out[pc + 1] = UInt8((arg >> 8) & 0xFF); pc += 2 }
                    out[pc] = UInt8(truncatingIfNeeded: ins.opcode)
                    out[pc + 1] = UInt8(arg & 0xFF)
                    let l = ins.loc
                    let pos: SourcePosition = l.line < 0 ? .none
                        : SourcePosition(line: l.line, endLine: l.endLine, column: l.col, endColumn: l.endCol)
                    locations.append(.init(codeUnits: size, position: pos))
                    // CPython: assemble_exception_table
                    if ins.except !== handler {
                        if let h = handler { excEntries.append(exceptionEntry(start, ioffset, h)) }
                        start = ioffset
                        handler = ins.except
                    }
                    ioffset += size
                }
                b = bb.next
            }
        }
        if let h = handler { excEntries.append(exceptionEntry(start, ioffset, h)) }

        let lineTable = encodeLocations(locations, firstLineNumber: u.firstlineno)

        // CPython: compute_localsplus_info
        var lpNames = [PyString](repeating: PyString(""), count: max(nlocalsplus, 0))
        var lpKinds = [UInt8](repeating: 0, count: max(nlocalsplus, 0))
        for name in u.varnames.list {
            guard let off = u.varnames[name], off < lpNames.count else { continue }
            var kind = CodeObject.LocalKind.local
            if u.cellvars[name] != nil { kind |= CodeObject.LocalKind.cell }
            lpNames[off] = pyName(name)
            lpKinds[off] = kind
        }
        var dropped = 0
        for name in u.cellvars.inOrder {
            if u.varnames[name] != nil { dropped += 1; continue }
            guard let ci = u.cellvars[name] else { continue }
            let off = ci + nlocals - dropped
            if off < lpNames.count {
                lpNames[off] = pyName(name)
                lpKinds[off] = CodeObject.LocalKind.cell
            }
        }
        for name in u.freevars.inOrder {
            guard let fi = u.freevars[name] else { continue }
            let off = fi + nlocals - dropped
            if off < lpNames.count {
                lpNames[off] = pyName(name)
                lpKinds[off] = CodeObject.LocalKind.free
            }
        }

        let co = CodeObject(
            argCount: Int32(u.posonlyargcount + u.argcount), posOnlyArgCount: Int32(u.posonlyargcount),
            kwOnlyArgCount: Int32(u.kwonlyargcount), stackSize: Int32(maxdepth), flags: computeCodeFlags(),
            code: code, consts: consts, names: u.names.inOrder.map(pyName),
            localsPlusNames: lpNames, localsPlusKinds: lpKinds, filename: filenameString,
            name: pyName(u.name), qualname: PyString(u.qualname ?? u.name),
            firstLineNumber: Int32(u.firstlineno), lineTable: lineTable,
            exceptionTable: ExceptionTable.encode(excEntries))
        return co
    }

    /// A name of co_names or co_localsplusnames (or co_name) as a PyString, converted once per module: the code
    /// objects of a module share their names' storage, as CPython's share interned strings.
    func pyName(_ s: String) -> PyString {
        let (i, isNew) = pyNames.insert(s)
        if isNew { pyNameStrings.append(PyString(s)) }
        return pyNameStrings[i]
    }

    /// CPython: assemble_emit_exception_table_entry
    private func exceptionEntry(_ start: Int, _ end: Int, _ handler: BasicBlock) -> ExceptionTable.Entry {
        // A handler stackdepth() never reached keeps Int.min: never subtract from that.
        var depth = max(handler.startDepth, 0) - 1
        if handler.preserveLasti { depth -= 1 }
        return ExceptionTable.Entry(start: start * 2, end: end * 2, target: handler.offset * 2, depth: max(depth, 0),
                                    lasti: handler.preserveLasti)
    }

    /// CPython: assemble_emit_location (one entry per instruction, split in runs of 8 code units).
    private func encodeLocations(_ entries: [LocationTable.Entry], firstLineNumber: Int) -> [UInt8] {
        LocationTable.encode(entries, firstLineNumber: firstLineNumber)
    }

    /// CPython: insert_prefix_instructions
    func insertPrefixInstructions(_ entry: BasicBlock, _ fixed: [Int], _ nfrees: Int) {
        let f = computeCodeFlags()
        if f & (CodeObject.Flag.generator | CodeObject.Flag.coroutine | CodeObject.Flag.asyncGenerator) != 0 {
            let l = Loc(line: u.firstlineno, endLine: u.firstlineno, col: -1, endCol: -1)
            entry.instrs.insert(Instr(Op.RETURN_GENERATOR, 0, loc: l), at: 0)
            entry.instrs.insert(Instr(Op.POP_TOP, 0, loc: .unset), at: 1)
        }
        let ncells = u.cellvars.count
        if ncells > 0 {
            let nvars = ncells + u.varnames.count
            var sorted = [Int](repeating: 0, count: nvars)
            for i in 0..<ncells where fixed[i] < nvars { sorted[fixed[i]] = i + 1 }
            var used = 0
            var i = 0
            while used < ncells && i < nvars {
                let old = sorted[i] - 1
                i += 1
                if old == -1 { continue }
                entry.instrs.insert(Instr(Op.MAKE_CELL, old, loc: .unset), at: used)
                used += 1
            }
        }
        if nfrees > 0 {
            entry.instrs.insert(Instr(Op.COPY_FREE_VARS, nfrees, loc: .unset), at: 0)
        }
    }

    /// CPython: assemble_jump_offsets
    func assembleJumpOffsets(_ entry: BasicBlock) {
        var again = true
        while again {
            var total = 0
            var b: BasicBlock? = entry
            while let bb = b {
                bb.offset = total
                for ins in bb.instrs { total += ins.size }
                b = bb.next
            }
            again = false
            for bb in u.blocks.reversed() {
                var bsize = bb.offset
                for i in bb.instrs.indices {
                    let isize = bb.instrs[i].size
                    bsize += isize
                    if bb.instrs[i].isJump, let t = bb.instrs[i].target {
                        var arg = t.offset
                        if bb.instrs[i].isRelativeJump {
                            arg = arg < bsize ? bsize - arg : arg - bsize
                        }
                        bb.instrs[i].oparg = arg
                        if bb.instrs[i].size != isize { again = true }
                    }
                }
            }
        }
    }
}
