using System;

static unsafe class Program
{
    static int Main()
    {
        int* nowhere = null;
        Console.WriteLine("nullderef: reading address 0");
        return *nowhere;
    }
}
