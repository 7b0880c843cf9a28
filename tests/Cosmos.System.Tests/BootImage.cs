using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Cosmos.System.Tests;

// A GRUB ISO of the built kernel for one command line and set of extra boot modules, cached by content under obj/.
public static class BootImage
{
    public sealed record Module(string Name, byte[] Content);

    static readonly object s_lock = new();

    public static string For(string commandLine, IReadOnlyList<Module>? extraModules = null)
    {
        extraModules ??= Array.Empty<Module>();
        string kernelDirectory = KernelBuild.OutputDirectory;
        string elf = Path.Combine(kernelDirectory, "kernel.elf"), symbols = Path.Combine(kernelDirectory, "kernel.sym");
        string key = Hash(File.ReadAllBytes(elf), Encoding.UTF8.GetBytes(commandLine),
                          extraModules.SelectMany(m => Encoding.UTF8.GetBytes(m.Name).Concat(m.Content)).ToArray());
        string cache = Path.Combine(KernelBuild.RepositoryRoot, "tests", "Cosmos.System.Tests", "obj", "boot-images");
        string iso = Path.Combine(cache, key + ".iso");
        lock (s_lock)
        {
            if (File.Exists(iso)) return iso;
            string root = Path.Combine(cache, key);
            Directory.CreateDirectory(Path.Combine(root, "boot", "grub"));
            File.Copy(elf, Path.Combine(root, "boot", "kernel.elf"), true);
            File.Copy(symbols, Path.Combine(root, "boot", "kernel.sym"), true);
            var config = new StringBuilder("set timeout=0\nset default=0\nmenuentry \"CosmosOS\" {\n");
            config.Append("  multiboot2 /boot/kernel.elf ").Append(commandLine).Append('\n');
            config.Append("  module2 /boot/kernel.sym symbols\n");
            foreach (Module module in extraModules)
            {
                File.WriteAllBytes(Path.Combine(root, "boot", module.Name), module.Content);
                config.Append("  module2 /boot/").Append(module.Name).Append(' ').Append(module.Name).Append('\n');
            }
            config.Append("  boot\n}\n");
            File.WriteAllText(Path.Combine(root, "boot", "grub", "grub.cfg"), config.ToString());
            Run("grub-mkrescue", $"-o \"{iso}.tmp\" \"{root}\"");
            File.Move(iso + ".tmp", iso);
            return iso;
        }
    }

    static string Hash(params byte[][] parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (byte[] part in parts) { hash.AppendData(part); hash.AppendData(new byte[] { 0 }); }
        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }

    static void Run(string program, string arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed:\n{output}");
    }
}
