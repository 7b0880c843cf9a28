using System;
using Cosmos.Kernel.Diagnostics;
using Cosmos.Kernel.FileSystem;
using Cosmos.Kernel.Memory;

namespace Cosmos.Kernel.Loader
{
    // Turns a program file into a user half ready to run: each PT_LOAD segment on pages of its own with the
    // permissions it asks for, its file bytes copied in and the rest left zero (BSS); a stack under StackTop with an
    // unmapped guard page below it; and argv, envp and auxv on the stack (docs/loader.md).
    public static class ProgramLoader
    {
        public const ulong StackTop = 0x0000_7FFF_FFFF_F000;
        public const ulong StackPages = 32;                     // 128 KiB
        const ulong PageSize = UserAddressSpace.PageSize;

        // The program's first instruction and stack pointer, in the address space it was loaded into.
        public readonly struct LoadedProgram
        {
            public LoadedProgram(UserAddressSpace addressSpace, ulong entry, ulong stackPointer)
            {
                AddressSpace = addressSpace;
                Entry = entry;
                StackPointer = stackPointer;
            }

            public UserAddressSpace AddressSpace { get; }
            public ulong Entry { get; }
            public ulong StackPointer { get; }
        }

        // ENOEXEC for a file that is not a program CosmosOS runs (the reason goes to the kernel log), E2BIG for
        // arguments that do not fit on the stack, ENOMEM when memory runs out; nothing stays allocated on failure.
        public static Errno Load(string path, ReadOnlySpan<byte> file, string[] arguments, string[] environment,
                                 out LoadedProgram program)
        {
            program = default;
            string problem = ElfImage.TryParse(file, UserAddressSpace.UserStart, StackTop - (StackPages + 1) * PageSize, out ElfImage image);
            if (problem != null)
            {
                KernelLog.WriteLine("loader: " + path + ": " + problem);
                return Errno.ENOEXEC;
            }
            byte[] stack = InitialStack.Build(StackTop, arguments, environment, out ulong stackPointer);
            if (stack == null) return Errno.E2BIG;
            UserAddressSpace space = UserAddressSpace.Create();
            if (space == null) return Errno.ENOMEM;
            if (!MapSegments(space, image, file) || !space.Map(StackTop - StackPages * PageSize, StackPages, PageAttributes.Writable))
            {
                space.Destroy();
                return Errno.ENOMEM;
            }
            space.Load(StackTop - (ulong)stack.Length, stack);
            program = new LoadedProgram(space, image.Entry, stackPointer);
            return Errno.None;
        }

        static bool MapSegments(UserAddressSpace space, ElfImage image, ReadOnlySpan<byte> file)
        {
            foreach (ElfSegment segment in image.Segments)
            {
                PageAttributes attributes = PageAttributes.ReadOnly;
                if (segment.Writable) attributes |= PageAttributes.Writable;
                if (segment.Executable) attributes |= PageAttributes.Executable;
                if (!space.Map(segment.PageStart, (segment.PageEnd - segment.PageStart) / PageSize, attributes)) return false;
                space.Load(segment.VirtualAddress, file.Slice((int)segment.FileOffset, (int)segment.FileSize));
            }
            return true;
        }
    }
}
