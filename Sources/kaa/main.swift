#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KaaRuntime
exitProcess(KaaCommand.run(CommandLine.arguments))
