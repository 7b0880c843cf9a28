using System;
using Cosmos.Userland.Runtime;

// The kernel checks every pointer a call hands it: a bad one fails the call with EFAULT and does not hurt the caller.
static unsafe class Program
{
    static int Main()
    {
        Check.Equal(-Errno.EFAULT, SystemCalls.Write(1, (byte*)0x10, 5), "write from address 0x10");
        Check.Equal(-Errno.EFAULT, SystemCalls.Read(0, (byte*)0xFFFF800000000000, 16), "read into a kernel address");
        Check.Equal(-Errno.EFAULT, SystemCalls.Open((byte*)0x10, SystemCalls.OpenReadOnly, 0), "open of a path at 0x10");
        Console.WriteLine("efault: still alive after three bad pointers");
        return Check.Result;
    }
}
