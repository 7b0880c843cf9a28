using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using Cosmos.Kernel.Diagnostics.Testing;
using Cosmos.Kernel.FileSystem;
using Cosmos.Kernel.Loader;

namespace Cosmos.Kernel.Tests.FileSystem
{
    // The file system and loader compiled by ILC against Cosmos.CoreLib: their host tests (tests/Cosmos.Kernel.Tests)
    // cover the behaviour; these check that the same code runs in the kernel.
    static class FileSystemTests
    {
        [KernelTest]
        internal static void AFileIsCreatedWrittenReadAndListed()
        {
            var fileSystem = new MemoryFileSystem();
            Assert.Null(fileSystem.AddArchive(new byte[1024]), "an archive of just its end marker");
            Assert.True(fileSystem.Open("/notes", OpenFlags.ReadWrite | OpenFlags.Create, out OpenFile file) == Errno.None, "create /notes");
            Assert.Equal(5, file.Write(new byte[] { (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o' }), "write");
            Assert.Equal(1, file.Seek(-4, 1), "lseek back");
            var buffer = new byte[8];
            Assert.Equal(4, file.Read(buffer), "read the rest");
            Assert.Equal('o', (char)buffer[3], "the last byte");
            var names = new List<string>();
            Assert.True(fileSystem.ListDirectory("/", names) == Errno.None && names.Count == 1, "one name in /");
            Assert.Equal("notes", names[0], "its name");
            Assert.True(fileSystem.Stat("/notes", out FileStatus status) == Errno.None, "stat");
            var stat = new byte[FileStatus.LinuxStatSize];
            status.WriteLinuxStat(stat);
            Assert.Equal(0x81A4, BinaryPrimitives.ReadUInt32LittleEndian(stat.AsSpan().Slice(24)), "st_mode");
            Assert.Equal(5, (long)BinaryPrimitives.ReadUInt64LittleEndian(stat.AsSpan().Slice(48)), "st_size");
            var descriptors = new FileDescriptorTable();
            Assert.Equal(0, descriptors.Add(file), "the first descriptor");
            Assert.Same(file, descriptors.Get(0), "descriptor 0");
        }

        [KernelTest]
        internal static void BadArchivesAndProgramsAreRefused()
        {
            Assert.Equal("the archive ends at offset 0 without its end marker (two zero blocks)",
                         new MemoryFileSystem().AddArchive(new byte[100]), "a cut archive");
            Assert.Equal("not an ELF file", ElfImage.TryParse(new byte[64], 0x1000, 0x8000_0000_0000, out ElfImage image), "zeroes");
            Assert.Null(image, "no image");
        }

        [KernelTest]
        internal static void TheInitialStackIsLaidOut()
        {
            const ulong top = 0x7FFF_FFFF_F000;
            byte[] stack = InitialStack.Build(top, new[] { "/bin/sh" }, new[] { "A=b" }, out ulong stackPointer);
            Assert.Equal(0, (long)(stackPointer % 16), "aligned");
            Assert.Equal(top, stackPointer + (ulong)stack.Length, "up to the top");
            Assert.Equal(1, (long)BinaryPrimitives.ReadUInt64LittleEndian(stack), "argc");
            ulong argument = BinaryPrimitives.ReadUInt64LittleEndian(stack.AsSpan().Slice(8));
            Assert.Equal('/', (char)stack[argument - stackPointer], "argv[0] points at its string");
        }
    }
}
