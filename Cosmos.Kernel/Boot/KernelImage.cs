using System.Runtime;
using System.Runtime.CompilerServices;

namespace Cosmos.Kernel.Boot
{
    // Where the kernel image, its sections and its boot-time stacks are: virtual addresses fixed by the linker, and the
    // physical load base the boot code learned from GRUB. See docs/memory-layout.md.
    public static class KernelImage
    {
        // Virtual address of the image's first byte minus its link-time physical address (Boot/layout.inc).
        public const ulong VirtualBase = 0xFFFFFFFF80000000;
        public const ulong LinkPhysicalBase = 0x200000;

        public const ulong PageSize = 4096;

        static ulong s_loadBase;

        public static void Initialize(ulong physicalLoadBase) { s_loadBase = physicalLoadBase; }

        public static ulong PhysicalLoadBase => s_loadBase;

        public static ulong VirtualStart => VirtualBase + LinkPhysicalBase;

        public static ulong VirtualEnd => ImageEnd();

        public static ulong PhysicalEnd => s_loadBase + (VirtualEnd - VirtualStart);

        // The physical address of an address in the image.
        public static ulong VirtualToPhysical(ulong virtualAddress) => virtualAddress - VirtualStart + s_loadBase;

        // Where the sections start (page aligned): text is read+execute, rodata read-only, data and bss read+write.
        [RuntimeImport("cosmos_text_start")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong TextStart();

        [RuntimeImport("cosmos_rodata_start")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong RodataStart();

        [RuntimeImport("cosmos_data_start")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong DataStart();

        [RuntimeImport("cosmos_image_end")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern ulong ImageEnd();

        // Each stack's guard is the unmapped page just below its bottom.
        [RuntimeImport("cosmos_boot_stack_guard")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong BootStackGuard();

        [RuntimeImport("cosmos_boot_stack_top")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong BootStackTop();

        [RuntimeImport("cosmos_fault_stack_guard")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong FaultStackGuard();

        [RuntimeImport("cosmos_fault_stack_top")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong FaultStackTop();

        // The .eh_frame section [start, end): call-frame information for stack traces.
        [RuntimeImport("cosmos_eh_frame_start")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong EhFrameStart();

        [RuntimeImport("cosmos_eh_frame_end")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong EhFrameEnd();
    }
}
