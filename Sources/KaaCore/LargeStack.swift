#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body` on a thread with a large stack and waits for it.
///
/// Recursive stages (the parser, later the compiler and the VM) report deep nesting as a Python exception
/// (RecursionError, MemoryError, "too many nested parentheses") at depths CPython allows; the 8 MB main-thread
/// stack is too small for that in debug builds, so they run here.
///
/// A thread made here records the low end of its stack; a nested call on such a thread whose remaining stack still
/// holds three quarters of `bytes` runs `body` in place. Compiling many files in one process (or a running program
/// compiling) then reuses one thread instead of creating a thread per parse and per compile, which also keeps
/// malloc's per-thread cache warm.
public func withLargeStack<T>(bytes: Int = 1 << 30, _ body: @escaping () -> T) -> T {
    if let low = pthread_getspecific(largeStackKey) {
        var marker = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        let floor = UInt(bitPattern: low)
        if here > floor && Int(here - floor) >= bytes / 4 * 3 { return body() }
    }
    let box = StackBox()
    box.bytes = bytes
    var result: T? = nil
    box.body = { result = body() }
    var attr = pthread_attr_t()
    pthread_attr_init(&attr)
    pthread_attr_setstacksize(&attr, bytes)
    #if canImport(Glibc)
    var thread = pthread_t()
    #else
    var thread: pthread_t? = nil
    #endif
    let context = Unmanaged.passRetained(box).toOpaque()
    let rc = pthread_create(&thread, &attr, { raw in
        let box = Unmanaged<StackBox>.fromOpaque(raw!).takeRetainedValue()
        var marker = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        // The stack grows down from about here; keep a 1 MB margin for what the thread start-up already used.
        let floor = here &- UInt(box.bytes) &+ (1 << 20)
        pthread_setspecific(largeStackKey, UnsafeRawPointer(bitPattern: floor))
        box.body!()
        return nil
    }, context)
    pthread_attr_destroy(&attr)
    if rc != 0 {
        // No thread could be made: run here rather than fail.
        Unmanaged<StackBox>.fromOpaque(context).release()
        return body()
    }
    #if canImport(Glibc)
    pthread_join(thread, nil)
    #else
    pthread_join(thread!, nil)
    #endif
    return result!
}

private final class StackBox: @unchecked Sendable {
    var body: (() -> Void)?
    var bytes = 0
}

/// Per thread: the lowest usable stack address of a thread made by withLargeStack (unset on other threads).
private let largeStackKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
}()

