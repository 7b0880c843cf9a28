using System;
using Cosmos.Kernel.Diagnostics;
using Cosmos.Kernel.FileSystem;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Memory.Regions;

namespace Cosmos.Kernel.Loader
{
    // Turns a program file into a user half ready to run: each PT_LOAD segment a region of its own with the
    // permissions it asks for, its file bytes copied in and the rest reading zero (BSS); a stack region under StackTop
    // with a guard region below it; and argv, envp and auxv on the stack (docs/loader.md). Pages the file does not
    // fill are made only when touched.
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
            UserAddressSpace space = ProcessPageTable.CreateAddressSpace();
            if (space == null) return Errno.ENOMEM;
            if (!LoadSegments(space, path, image, file) || !AddStack(space) || !space.Load(StackTop - (ulong)stack.Length, stack))
            {
                space.Destroy();
                return Errno.ENOMEM;
            }
            program = new LoadedProgram(space, image.Entry, stackPointer);
            return Errno.None;
        }

        // ElfImage has checked that the segments are page-aligned, in the user half and apart.
        static bool LoadSegments(UserAddressSpace space, string path, ElfImage image, ReadOnlySpan<byte> file)
        {
            foreach (ElfSegment segment in image.Segments)
            {
                MemoryProtection protection = MemoryProtection.Read;
                if (segment.Writable) protection |= MemoryProtection.Write;
                if (segment.Executable) protection |= MemoryProtection.Execute;
                if (space.Add(new AnonymousRegion(segment.PageStart, segment.PageEnd, protection, "segment of " + path)) != Errno.None
                    || !space.Load(segment.VirtualAddress, file.Slice((int)segment.FileOffset, (int)segment.FileSize)))
                    return false;
            }
            return true;
        }

        static bool AddStack(UserAddressSpace space)
        {
            ulong bottom = StackTop - StackPages * PageSize;
            return space.Add(new AnonymousRegion(bottom, StackTop, MemoryProtection.Read | MemoryProtection.Write, "stack")) == Errno.None
                && space.Add(new AnonymousRegion(bottom - PageSize, bottom, MemoryProtection.None, UserAddressSpace.StackGuardDescription)) == Errno.None;
        }
    }
}
