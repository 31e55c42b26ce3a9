#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
exit(KaaCommand.run(CommandLine.arguments))
