using System.IO;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NUnit.Framework;

namespace Cosmos.Patcher.Tests
{
    // ILC turns the PDBs next to the assemblies into DWARF line information, so patched assemblies must keep PDBs that
    // match them and still map the plug code to its source lines.
    [TestFixture]
    public class SymbolTests
    {
        const string Target = """
            namespace Demo
            {
                public static class Clock
                {
                    public static int Ticks() => 1;
                    public static int Untouched() => 3; // untouched
                    static int s_count;
                }
            }
            """;

        const string Plug = """
            using Cosmos.Plugs;
            [Plug(typeof(Demo.Clock))]
            static class ClockPlug
            {
                [PlugField("s_count")] static extern ref int Count();
                public static int Ticks() => ++Count(); // ticks
            }
            """;

        static SequencePoint[] Lines(MethodDefinition method)
            => method.DebugInformation.SequencePoints.Where(point => !point.IsHidden).ToArray();

        [Test]
        public void ThePatchedPlugAssemblysPdbStillMapsThePlugsLines()
        {
            using var scenario = new PlugScenario(Target, Plug);
            scenario.PatchSuccessfully();
            Assert.That(File.Exists(Path.Combine(scenario.OutputDirectory, "Plugs.pdb")));
            using AssemblyDefinition plugs = scenario.ReadPatched("Plugs");
            SequencePoint[] ticks = Lines(plugs.MainModule.GetType("ClockPlug").Methods.Single(m => m.Name == "Ticks"));
            Assert.That(ticks, Is.Not.Empty);
            Assert.That(ticks[0].Document.Url, Is.EqualTo(scenario.PlugSourcePath));
            Assert.That(ticks[0].StartLine, Is.EqualTo(scenario.PlugLine("// ticks")));
        }

        [Test]
        public void AReplacedTargetMethodHasNoLinesAndTheOthersKeepTheirs()
        {
            using var scenario = new PlugScenario(Target, Plug);
            scenario.PatchSuccessfully();
            using AssemblyDefinition target = scenario.ReadPatched("Target");
            TypeDefinition clock = target.MainModule.GetType("Demo.Clock");
            Assert.That(Lines(clock.Methods.Single(m => m.Name == "Ticks")), Is.Empty);
            SequencePoint[] untouched = Lines(clock.Methods.Single(m => m.Name == "Untouched"));
            Assert.That(untouched.Select(p => (p.Document.Url, p.StartLine)),
                Is.EqualTo(new[] { (scenario.TargetSourcePath, 6) }));
        }

        [Test]
        public void AnAssemblyWithoutPlugsIsCopiedUnchangedWithItsPdb()
        {
            using var scenario = new PlugScenario(Target, Plug);
            string other = TestCompiler.Compile(scenario.InputDirectory, "Other", new[] { scenario.TargetSourcePath });
            PatchResult result = Patcher.Run(new[] { scenario.TargetPath, scenario.PlugsPath, other },
                scenario.OutputDirectory);
            Assert.That(result.Succeeded, string.Join("\n", result.Errors));
            foreach (string file in new[] { "Other.dll", "Other.pdb" })
                Assert.That(File.ReadAllBytes(Path.Combine(scenario.OutputDirectory, file)),
                    Is.EqualTo(File.ReadAllBytes(Path.Combine(scenario.Root, "in", file))), file);
        }

        [Test]
        public void AnAssemblyWithoutAPdbIsPatchedWithoutOne()
        {
            using var scenario = new PlugScenario(Target, Plug);
            File.Delete(Path.ChangeExtension(scenario.TargetPath, ".pdb"));
            scenario.PatchSuccessfully();
            Assert.That(File.Exists(Path.Combine(scenario.OutputDirectory, "Target.dll")));
            Assert.That(File.Exists(Path.Combine(scenario.OutputDirectory, "Target.pdb")), Is.False);
            using PatchedAssemblies patched = scenario.Load();
            Assert.That(patched.Call("Demo.Clock", "Ticks"), Is.EqualTo(1));
            Assert.That(patched.Call("Demo.Clock", "Ticks"), Is.EqualTo(2));
        }
    }
}
