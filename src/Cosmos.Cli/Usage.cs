namespace Cosmos.Cli;

// The help text: every command and option the parser accepts, with the defaults BootOptions uses.
public static class Usage
{
    public const string Text = """
        usage: cosmos <command> [options]

        commands:
          run      build the kernel and boot it; its serial console (COM1) is this terminal
          debug    boot it under a debugger: QEMU halted with a gdb stub and gdb attached with the kernel's
                   symbols, stopped at cosmos_kernel_main; or, with --emulator bochs, the Bochs debugger
          test     build everything and run every test suite; the last line is "N passed, N failed"
          bench    run the benchmarks: the kernel's in QEMU (guest instruction counts: heap, threads, locks, and the
                   user-mode region benchmark) beside the heap code on this host, and the page-frame allocator's on
                   this host (docs/benchmarks/)
          build    build kernel.elf, kernel.sym and cosmos.iso, and print the ISO's path
          help     show this text

        options of run and debug:
          --emulator qemu|bochs   the emulator (default qemu)
          --memory MiB            the machine's memory (default 256)
          --smp N                 the number of CPUs (default 1)
          --cmdline "..."         the kernel command line, e.g. "test" or "fault=pagefault" (default empty)
          --print                 debug only: print the QEMU and gdb commands instead of running them

        QEMU: Ctrl-A X quits. Bochs: Ctrl-C breaks into its debugger ('c' continues, 'q' quits).
        The kernel's `poweroff` ends either.
        More in docs/debugging.md and docs/testing.md.

        """;
}
