using Cosmos.Emulation;

namespace Cosmos.Cli.Commands;

// `cosmos build`: the kernel's build outputs (kernel.elf, kernel.sym, cosmos.iso); prints the ISO's path.
public static class BuildCommand
{
    public static int Run()
    {
        BootPreparation.BuildKernel();
        Console.WriteLine(KernelBuild.DefaultIso);
        return 0;
    }
}
