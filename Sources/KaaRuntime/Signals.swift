#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (CPython 3.11: Modules/signalmodule.c, the eval breaker of Python/ceval.c). A SIGINT handler installed
/// with sigaction only sets a flag; the eval loop looks at it where CPython checks its eval breaker — backward
/// jumps and RESUME (function entry, generator resumption) — and raises KeyboardInterrupt there. Blocking calls
/// (time.sleep, reading stdin) return on EINTR and check it too. An uncaught KeyboardInterrupt of the main
/// program ends the process as python3 ends: traceback, then death by SIGINT with the default handler (exit
/// status 130 in a shell).

/// Set by the signal handler, cleared when the VM raises KeyboardInterrupt (CPython: is_tripped + eval_breaker).
/// Exclusivity is not checked: the handler may run on the VM's thread in the middle of the loop's read of it
/// (a debug build would trap with "Simultaneous accesses"); one aligned Int32 store and load need no more.
@exclusivity(unchecked) nonisolated(unsafe) package var sigintPending: Int32 = 0

/// Set when the main program ended with an uncaught KeyboardInterrupt (CPython: unhandled_keyboard_interrupt).
nonisolated(unsafe) package var unhandledKeyboardInterrupt = false

nonisolated(unsafe) var keyboardInterruptType: TypePtr! = nil

/// Installs the SIGINT handler (CPython: signal_module_exec → PyOS_setsig(SIGINT, signal_handler)), only over
/// the default action: a SIGINT the parent set to be ignored (a background job of a script) stays ignored. No
/// SA_RESTART: a blocking read or sleep returns with EINTR so the interrupt is seen at once.
package func installSignalHandlers() {
    var current = sigaction()
    sigaction(SIGINT, nil, &current)
    #if canImport(Glibc)
    if current.__sigaction_handler.sa_handler != nil { return }  // SIG_DFL is a NULL handler
    #else
    if current.__sigaction_u.__sa_handler != nil { return }
    #endif
    vmThread = pthread_self()
    var action = sigaction()
    #if canImport(Glibc)
    action.__sigaction_handler.sa_handler = sigintHandler
    #else
    action.__sigaction_u.__sa_handler = sigintHandler
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
}

/// The thread running the VM (a large-stack thread, not the process's main thread).
nonisolated(unsafe) private var vmThread: pthread_t? = nil

/// The process may get the signal on another thread (the main thread waits for the VM's): it is only passed on
/// to the VM's thread, whose handler then sets the flag, so a blocking call there returns with EINTR. Setting the
/// flag on both threads counted one Ctrl-C twice: the VM could raise and clear it before the forwarded signal
/// arrived and set it again (a second KeyboardInterrupt inside the first one's handler).
private let sigintHandler: @convention(c) (Int32) -> Void = { _ in
    if let t = vmThread, pthread_equal(pthread_self(), t) == 0 {
        pthread_kill(t, SIGINT)
        return
    }
    sigintPending = 1
}

/// Raises KeyboardInterrupt for a pending SIGINT: false with the exception set, true when nothing was pending.
/// (CPython: PyErr_CheckSignals → signal.default_int_handler)
@inline(never)
package func checkSignals() -> Bool {
    if sigintPending == 0 { return true }
    sigintPending = 0
    setException(newException(keyboardInterruptType, args: allocTuple(0)))
    return false
}

/// Ends the process with `code`, or, after an unhandled KeyboardInterrupt, by SIGINT with the default action
/// (CPython: Py_RunMain → exit_sigint).
package func exitProcess(_ code: Int32) -> Never {
    if unhandledKeyboardInterrupt {
        signal(SIGINT, SIG_DFL)
        kill(getpid(), SIGINT)
        exit(130)
    }
    exit(code)
}
