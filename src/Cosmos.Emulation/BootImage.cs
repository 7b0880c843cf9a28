using System.Security.Cryptography;
using System.Text;

namespace Cosmos.Emulation;

// A GRUB ISO of the built kernel (with its symbols and initrd) for one command line and set of extra boot modules,
// cached by content under the kernel's obj/. Images are made in a per-process staging folder and renamed into place, so processes may share them.
public static class BootImage
{
    static readonly object s_lock = new();

    public static string For(string commandLine, IReadOnlyList<BootModule>? extraModules = null)
    {
        if (commandLine.Contains('\n') || commandLine.Contains('\r'))
            throw new ArgumentException("the kernel command line must be a single line", nameof(commandLine));
        extraModules ??= [];
        string elf = KernelBuild.Elf;
        string key = Hash(File.ReadAllBytes(elf), File.ReadAllBytes(KernelBuild.Initrd), Encoding.UTF8.GetBytes(commandLine),
                          extraModules.SelectMany(m => Encoding.UTF8.GetBytes(m.Name).Concat(m.Content)).ToArray());
        string cache = Path.Combine(KernelBuild.ScratchDirectory, "boot-images");
        string iso = Path.Combine(cache, key + ".iso");
        lock (s_lock)
        {
            if (File.Exists(iso)) return iso;
            string staging = Path.Combine(cache, $"{key}.{Environment.ProcessId}");
            string boot = Path.Combine(staging, "boot");
            Directory.CreateDirectory(Path.Combine(boot, "grub"));
            File.Copy(elf, Path.Combine(boot, "kernel.elf"), true);
            File.Copy(KernelBuild.Symbols, Path.Combine(boot, "kernel.sym"), true);
            File.Copy(KernelBuild.Initrd, Path.Combine(boot, "initrd"), true);
            foreach (BootModule module in extraModules)
                File.WriteAllBytes(Path.Combine(boot, module.Name), module.Content);
            File.WriteAllText(Path.Combine(boot, "grub", "grub.cfg"), GrubConfig(commandLine, extraModules));
            HostTool.Run(HostTool.Command("grub-mkrescue", ["-o", staging + ".iso", staging]), "grub-mkrescue failed");
            File.Move(staging + ".iso", iso, overwrite: true);
            Directory.Delete(staging, recursive: true);
            return iso;
        }
    }

    static string GrubConfig(string commandLine, IReadOnlyList<BootModule> extraModules)
    {
        var config = new StringBuilder("set timeout=0\nset default=0\nmenuentry \"CosmosOS\" {\n");
        config.Append("  multiboot2 /boot/kernel.elf ").Append(commandLine).Append('\n');
        config.Append("  module2 /boot/kernel.sym symbols\n");
        config.Append("  module2 /boot/initrd initrd\n");
        foreach (BootModule module in extraModules)
            config.Append("  module2 /boot/").Append(module.Name).Append(' ').Append(module.Name).Append('\n');
        return config.Append("  boot\n}\n").ToString();
    }

    static string Hash(params byte[][] parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (byte[] part in parts) { hash.AppendData(part); hash.AppendData(new byte[] { 0 }); }
        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }
}
