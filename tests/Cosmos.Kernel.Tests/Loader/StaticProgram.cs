using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace Cosmos.Kernel.Tests.Loader
{
    // A real static x86-64 executable, assembled by nasm and linked by ld, with binutils' reading of its program
    // headers (`readelf -lW`) as the reference the loader is held to.
    public sealed class StaticProgram
    {
        public sealed record LoadSegment(ulong Offset, ulong Address, ulong FileSize, ulong MemorySize, bool Writable, bool Executable);

        // Text, read-only data, data and a bss larger than a page: every kind of segment a program has.
        const string Source = """
            global _start
            section .text
            _start:
                mov rax, 60
                mov rdi, [rel answer]
                syscall
            section .rodata
            message: db "hello", 10
            section .data
            answer: dq 42
            section .bss
            buffer: resb 8192
            """;

        // Each segment on pages of its own, as CosmosOS user programs are linked (program headers 0: text, 1:
        // rodata, 2: data+bss, 3: GNU_STACK).
        public const string SeparatePagesScript = """
            ENTRY(_start)
            PHDRS { text PT_LOAD FLAGS(5); rodata PT_LOAD FLAGS(4); data PT_LOAD FLAGS(6); stack PT_GNU_STACK FLAGS(6); }
            SECTIONS
            {
                . = 0x400000;
                .text : { *(.text) } :text
                . = ALIGN(4096);
                .rodata : { *(.rodata) } :rodata
                . = ALIGN(4096);
                .data : { *(.data) } :data
                .bss : { *(.bss) } :data
                /DISCARD/ : { *(.note .note.*) *(.comment) }
            }
            """;

        StaticProgram(byte[] bytes, ulong entry, IReadOnlyList<LoadSegment> segments)
        {
            Bytes = bytes;
            Entry = entry;
            Segments = segments;
        }

        public byte[] Bytes { get; }
        public ulong Entry { get; }

        // readelf's PT_LOAD lines, in program header order.
        public IReadOnlyList<LoadSegment> Segments { get; }

        // linkerScript null: ld's default layout.
        public static StaticProgram Build(string linkerScript)
        {
            using var directory = new TemporaryDirectory();
            string source = directory.Combine("program.asm"), obj = directory.Combine("program.o"), elf = directory.Combine("program.elf");
            File.WriteAllText(source, Source);
            HostTool.Run("nasm", "-f", "elf64", "-o", obj, source);
            var link = new List<string> { "-static", "-z", "noexecstack", "-z", "max-page-size=4096", "-o", elf, obj };
            if (linkerScript != null)
            {
                string script = directory.Combine("program.ld");
                File.WriteAllText(script, linkerScript);
                link.AddRange(new[] { "-T", script });
            }
            HostTool.Run("ld", link.ToArray());
            string headers = HostTool.Run("readelf", "-lW", elf);
            ulong entry = Hex(Regex.Match(headers, @"Entry point 0x([0-9a-f]+)").Groups[1].Value);
            var segments = new List<LoadSegment>();
            foreach (Match load in Regex.Matches(headers, @"^\s+LOAD\s+0x(\w+) 0x(\w+) 0x\w+ 0x(\w+) 0x(\w+) (.{3})", RegexOptions.Multiline))
                segments.Add(new LoadSegment(Hex(load.Groups[1].Value), Hex(load.Groups[2].Value), Hex(load.Groups[3].Value),
                                             Hex(load.Groups[4].Value), load.Groups[5].Value.Contains('W'), load.Groups[5].Value.Contains('E')));
            return new StaticProgram(File.ReadAllBytes(elf), entry, segments);
        }

        static ulong Hex(string text) => ulong.Parse(text, NumberStyles.HexNumber);
    }
}
