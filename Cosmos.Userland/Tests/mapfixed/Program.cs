using Cosmos.Userland.Runtime;

// mmap's placement and argument checks (docs/syscalls.md "Memory mappings"; memory-spec.md section 4).
static unsafe class Program
{
    const int PrivateAnonymous = SystemCalls.MapPrivate | SystemCalls.MapAnonymous;

    static int Main()
    {
        FixedOverTheMiddle();
        FixedNoReplaceNeverEvicts();
        Hints();
        Errors();
        return Check.Result;
    }

    static long MapAnonymous(byte* address, int pageCount, int flags, int protection = Pages.ReadWrite)
        => SystemCalls.Mmap(address, (ulong)pageCount * Pages.Size, protection, flags, -1, 0);

    static void FixedOverTheMiddle()
    {
        byte* region = Pages.Map(3, Pages.TestArea);
        if (region == null) return;
        for (int page = 0; page < 3; page++) Pages.Fill(region + page * Pages.Size, (byte)(page + 1));
        Check.Equal((long)(region + Pages.Size), MapAnonymous(region + Pages.Size, 1, PrivateAnonymous | SystemCalls.MapFixed),
                    "MAP_FIXED over the middle page");
        Check.True(Pages.Holds(region, 1), "the first page keeps its data");
        Check.True(Pages.Holds(region + Pages.Size, 0), "the new middle page reads zero");
        Check.True(Pages.Holds(region + 2 * Pages.Size, 3), "the last page keeps its data");
        Pages.Unmap(region, 3);
    }

    static void FixedNoReplaceNeverEvicts()
    {
        byte* region = Pages.Map(2, Pages.TestArea);
        if (region == null) return;
        Pages.Fill(region + Pages.Size, 4);
        Check.Equal(-Errno.EEXIST, MapAnonymous(region + Pages.Size, 2, PrivateAnonymous | SystemCalls.MapFixedNoReplace),
                    "MAP_FIXED_NOREPLACE over the second page and the one after it");
        Check.True(Pages.Holds(region + Pages.Size, 4), "the second page keeps its data");
        Check.Equal(-Errno.EFAULT, Probe.Read(region + 2 * Pages.Size), "the kernel reading the page after the region");
        Pages.Unmap(region, 2);
    }

    static void Hints()
    {
        byte* hint = Pages.TestArea + 100 * Pages.Size;
        long mapped = MapAnonymous(hint, 1, PrivateAnonymous);
        Check.Equal((long)hint, mapped, "mmap with a free hint");
        if (mapped != (long)hint) return;
        Pages.Fill(hint, 6);
        long elsewhere = MapAnonymous(hint, 1, PrivateAnonymous);
        Check.True(elsewhere >= 0 && elsewhere != (long)hint, "mmap with a taken hint maps elsewhere, gave " + elsewhere.ToString());
        Check.True(Pages.Holds(hint, 6), "the mapping at the hint keeps its data");
        if (elsewhere >= 0) Check.True(Pages.Holds((byte*)elsewhere, 0), "the mapping elsewhere reads zero");
        Pages.Unmap(hint, 1);
        if (elsewhere >= 0) Pages.Unmap((byte*)elsewhere, 1);
    }

    static void Errors()
    {
        Check.Equal(-Errno.EINVAL, MapAnonymous(Pages.TestArea + 100, 1, PrivateAnonymous | SystemCalls.MapFixed), "MAP_FIXED at an unaligned address");
        Check.Equal(-Errno.EINVAL, MapAnonymous(Pages.TestArea + 100, 1, PrivateAnonymous | SystemCalls.MapFixedNoReplace),
                    "MAP_FIXED_NOREPLACE at an unaligned address");
        Check.Equal(-Errno.EINVAL, MapAnonymous(null, 1, SystemCalls.MapAnonymous), "neither MAP_PRIVATE nor MAP_SHARED");
        Check.Equal(-Errno.EINVAL, MapAnonymous(null, 1, PrivateAnonymous | SystemCalls.MapShared), "both MAP_PRIVATE and MAP_SHARED");
        Check.Equal(-Errno.EINVAL, SystemCalls.Mmap(null, 0, Pages.ReadWrite, PrivateAnonymous, -1, 0), "mmap of length 0");
        Check.Equal(-Errno.ENOMEM, MapAnonymous((byte*)0x0000_8000_0000_0000, 1, PrivateAnonymous | SystemCalls.MapFixed),
                    "MAP_FIXED past the user half");
        Check.Equal(-Errno.ENOMEM, MapAnonymous((byte*)0x0000_7FFF_FFFF_F000, 2, PrivateAnonymous | SystemCalls.MapFixed),
                    "MAP_FIXED across the end of the user half");
        Check.Equal(-Errno.ENOMEM, MapAnonymous((byte*)0xFFFF_8000_0000_0000, 1, PrivateAnonymous | SystemCalls.MapFixed),
                    "MAP_FIXED at a kernel address");
        if (Platform.IsLinux) return;
        // Linux maps at 0 for a privileged process, ignores unknown protection bits, takes 0x40 as MAP_32BIT and allows
        // writable code.
        Check.Equal(-Errno.EINVAL, MapAnonymous(null, 1, PrivateAnonymous | SystemCalls.MapFixed), "MAP_FIXED at address 0");
        Check.Equal(-Errno.EINVAL, MapAnonymous(null, 1, PrivateAnonymous | 0x40), "an unknown flag bit");
        Check.Equal(-Errno.EINVAL, MapAnonymous(null, 1, PrivateAnonymous, Pages.ReadWrite | 0x40), "an unknown protection bit");
        Check.Equal(-Errno.EACCES, MapAnonymous(null, 1, PrivateAnonymous, Pages.ReadWrite | SystemCalls.ProtectionExecute), "writable and executable");
    }
}
