using System.Runtime;
using System.Runtime.CompilerServices;

namespace Cosmos.Kernel.Arch.X64
{
    // The interrupt descriptor table and the dispatcher every vector's stub calls. Higher layers register a handler
    // per vector (the kernel's exception reporter takes 0-31); a vector with no handler is ignored. Interrupts that
    // came through the local APIC are acknowledged to it before their handler runs, because a handler may switch to
    // another thread and not return for a long time (the scheduler's tick). Handlers run with interrupts off and must
    // not allocate: the heap is not interrupt-safe (docs/interrupts.md).
    public static unsafe class Idt
    {
        public const int VectorCount = 256;
        public const int ExceptionVectorCount = 32;
        public const int DoubleFaultVector = 8;

        const byte InterruptGate = 0x8E;    // present, DPL 0, 64-bit interrupt gate (interrupts stay off in handlers)

        struct Table
        {
            public fixed ulong Words[VectorCount * 2];
        }

        struct Handlers
        {
            public fixed ulong Entries[VectorCount];
        }

        static Table s_table;
        static Handlers s_handlers;

        // Builds the table every processor shares and loads it on the boot processor.
        public static void Initialize()
        {
            ulong* stubs = (ulong*)InterruptStubTable();
            fixed (Table* table = &s_table)
            {
                for (int vector = 0; vector < VectorCount; vector++)
                {
                    ulong stub = stubs[vector];
                    ulong ist = vector == DoubleFaultVector ? (ulong)Gdt.DoubleFaultStack : 0;
                    table->Words[vector * 2] = (stub & 0xFFFF) | ((ulong)Gdt.KernelCode << 16) | (ist << 32)
                                               | ((ulong)InterruptGate << 40) | ((stub >> 16 & 0xFFFF) << 48);
                    table->Words[vector * 2 + 1] = stub >> 32;
                }
            }
            LoadOnThisProcessor();
        }

        // Makes the calling processor use the shared table.
        public static void LoadOnThisProcessor()
        {
            fixed (Table* table = &s_table)
            {
                var pointer = new DescriptorTablePointer { Limit = (ushort)(sizeof(Table) - 1), Base = (ulong)table };
                LoadIdt(&pointer);
            }
        }

        public static void SetHandler(int vector, delegate*<InterruptFrame*, void> handler)
        {
            fixed (Handlers* handlers = &s_handlers) handlers->Entries[vector] = (ulong)handler;
        }

        [RuntimeExport("cosmos_interrupt_dispatch")]
        static void Dispatch(InterruptFrame* frame)
        {
            int vector = (int)(frame->Vector & (VectorCount - 1));
            ulong handler;
            fixed (Handlers* handlers = &s_handlers) handler = handlers->Entries[vector];
            if (InterruptVectors.IsAcknowledgedToLocalApic(vector)) LocalApic.EndOfInterrupt();
            if (handler != 0) ((delegate*<InterruptFrame*, void>)handler)(frame);
        }

        [RuntimeImport("cosmos_interrupt_stub_table")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern ulong InterruptStubTable();

        [RuntimeImport("cosmos_load_idt")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern void LoadIdt(DescriptorTablePointer* pointer);
    }
}
