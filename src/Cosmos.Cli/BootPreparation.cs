using Cosmos.Emulation;

namespace Cosmos.Cli;

// What comes before every boot, with progress: building the kernel, then the ISO for the boot's command line.
public static class BootPreparation
{
    public static string BuildKernel() => Progress.Step("building the kernel", () => KernelBuild.OutputDirectory);

    public static string BootImageFor(BootOptions options)
    {
        BuildKernel();
        return Progress.Step("making the boot image", () => BootImage.For(options.CommandLine, options.Modules));
    }
}
