namespace Cosmos.Cli.Tests;

// The bochsrc for representative boots, read back line by line ("key: value").
public sealed class BochsConfigTests
{
    const string Iso = "/images/cosmos.iso", Log = "/tmp/run/bochs.log";

    [Test]
    public void TheMachineIsTheOneTheEmulatorFactsDescribe()
    {
        Dictionary<string, string> config = Read(BochsConfig.For(new BootOptions { SerialFile = "/s" }, Iso, Log));
        Assert.Multiple(() =>
        {
            Assert.That(config["megs"], Is.EqualTo("256"));
            Assert.That(config["cpu"], Is.EqualTo("count=1, reset_on_triple_fault=0"));
            Assert.That(config["ata0-master"], Is.EqualTo("type=cdrom, path=\"/images/cosmos.iso\", status=inserted"));
            Assert.That(config["boot"], Is.EqualTo("cdrom"));
            Assert.That(config["display_library"], Is.EqualTo("rfb, options=\"timeout=0\""));
            Assert.That(config["magic_break"], Is.EqualTo("enabled=0"));
            Assert.That(config["log"], Is.EqualTo("\"/tmp/run/bochs.log\""));
            Assert.That(config["panic"], Is.EqualTo("action=fatal"));
            Assert.That(File.Exists(ValueOf(config["romimage"], "file")), "the BIOS image " + config["romimage"]);
            Assert.That(File.Exists(ValueOf(config["vgaromimage"], "file")), "the VGA BIOS " + config["vgaromimage"]);
        });
    }

    [Test]
    public void ToAFileTheSerialConsoleIsWritten()
    {
        var options = new BootOptions { SerialFile = "/tmp/run/serial.txt" };
        Assert.That(Read(BochsConfig.For(options, Iso, Log))["com1"],
                    Is.EqualTo("enabled=1, mode=file, dev=\"/tmp/run/serial.txt\""));
    }

    [Test]
    public void ToASocketTheSerialConsoleConnectsAsAClient()
    {
        var options = new BootOptions { SerialPort = 40123 };
        Assert.That(Read(BochsConfig.For(options, Iso, Log))["com1"],
                    Is.EqualTo("enabled=1, mode=socket-client, dev=127.0.0.1:40123"));
    }

    [Test]
    public void OnTheTerminalTheSerialConsoleIsTheTerminalDevice()
    {
        Assert.That(Read(BochsConfig.For(new BootOptions(), Iso, Log, "/dev/pts/7"))["com1"],
                    Is.EqualTo("enabled=1, mode=term, dev=\"/dev/pts/7\""));
    }

    [Test]
    public void OnTheTerminalTheTerminalMustBeNamed()
    {
        Assert.Throws<ArgumentNullException>(() => BochsConfig.For(new BootOptions(), Iso, Log));
    }

    [Test]
    public void DebugTurnsMagicBreakpointsOn()
    {
        var options = new BootOptions { Debug = true, SerialFile = "/s" };
        Assert.That(Read(BochsConfig.For(options, Iso, Log))["magic_break"], Is.EqualTo("enabled=1"));
    }

    [Test]
    public void MemoryAndCpusAreTheMachines()
    {
        var options = new BootOptions { MemoryMiB = 512, Cpus = 2, SerialFile = "/s" };
        Dictionary<string, string> config = Read(BochsConfig.For(options, Iso, Log));
        Assert.That(config["megs"], Is.EqualTo("512"));
        Assert.That(config["cpu"], Is.EqualTo("count=2, reset_on_triple_fault=0"));
    }

    [Test]
    public void EveryLineIsAKeyAndAValueAndNoKeyRepeats()
    {
        string text = BochsConfig.For(new BootOptions { SerialFile = "/s" }, Iso, Log);
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.All.Match(@"^[a-z0-9_-]+: \S"));
        Assert.That(lines.Select(line => line[..line.IndexOf(':')]), Is.Unique);
    }

    static Dictionary<string, string> Read(string config) => config
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split(": ", 2))
        .ToDictionary(parts => parts[0], parts => parts[1]);

    static string ValueOf(string setting, string key) =>
        setting.Split(", ").Select(part => part.Split('=', 2)).Single(pair => pair[0] == key)[1];
}
