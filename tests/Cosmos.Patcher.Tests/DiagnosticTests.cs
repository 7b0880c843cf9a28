using System.IO;
using System.Linq;
using NUnit.Framework;

namespace Cosmos.Patcher.Tests
{
    // Every error code: its code, the plug member's file and line, and a message that says what is wrong and what to
    // do. A failed patch writes nothing.
    [TestFixture]
    public class DiagnosticTests
    {
        const string Target = """
            namespace Demo
            {
                public static class Clock
                {
                    public static int Ticks() => 1;
                    public static int Ticks(int scale) => scale;
                    static int s_count;
                    public static T Echo<T>(T value) => value;
                }
                public abstract class Shape
                {
                    int _corners;
                    public Shape() { }
                    public abstract int Corners();
                    public int Sides() => _corners;
                }
                public class Box<T> { public int Size() => 0; }
            }
            """;

        const string Marker = "// here";

        // A plug class named TestPlug for `target`, declaring `members`.
        static string PlugClass(string target, string members, string kind = "static class") => $$"""
            using Cosmos.Plugs;
            [Plug(typeof({{target}}))]
            {{kind}} TestPlug
            {
                {{members}}
            }
            """;

        // Patches the scenario, which must fail with exactly one error; returns it.
        static PlugDiagnostic SingleError(PlugScenario scenario)
        {
            PatchResult result = scenario.Patch();
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Errors, Has.Count.EqualTo(1), string.Join("\n", result.Errors));
            Assert.That(Directory.Exists(scenario.OutputDirectory), Is.False, "nothing is written");
            return result.Errors[0];
        }

        // Patches `plug` against Target: exactly one error, with `code`, in the plug's file at the line of `marker`.
        static PlugDiagnostic SingleErrorAt(string code, string plug, string marker = Marker)
        {
            using var scenario = new PlugScenario(Target, plug);
            PlugDiagnostic error = SingleError(scenario);
            Assert.That(error.Code, Is.EqualTo(code));
            Assert.That(error.Location.Path, Is.EqualTo(scenario.PlugSourcePath));
            Assert.That(error.Location.Line, Is.EqualTo(scenario.PlugLine(marker)));
            Assert.That(error.ToString(), Does.StartWith($"{scenario.PlugSourcePath}({error.Location.Line}")
                .And.Contains($"): error {code}: "));
            return error;
        }

        [Test]
        public void COSMOS101_TargetTypeNotFound()
        {
            PlugDiagnostic error = SingleErrorAt("COSMOS101", """
                using Cosmos.Plugs;
                [Plug("Demo.Clocks, Target")] // here
                static class ClockPlug { public static int Ticks() => 42; }
                """);
            Assert.That(error.Message, Does.Contain("'Demo.Clocks, Target'").And.Contains("has no type 'Demo.Clocks'")
                .And.Contains("with '+' before a nested type's name"));
        }

        [TestCase("Demo.Clock, Kernel", "the assembly 'Kernel' is not one of the assemblies given to the patcher")]
        [TestCase("Demo.Clock", "write the name as \"Namespace.Type, Assembly\"")]
        public void COSMOS101_TargetNameWithoutAGivenAssembly(string name, string reason)
        {
            PlugDiagnostic error = SingleErrorAt("COSMOS101", $$"""
                using Cosmos.Plugs;
                [Plug("{{name}}")] // here
                static class ClockPlug { public static int Ticks() => 42; }
                """);
            Assert.That(error.Message, Does.Contain(reason));
        }

        [Test]
        public void COSMOS102_NoTargetMethodListsTheOverloads()
        {
            PlugDiagnostic error = SingleErrorAt("COSMOS102",
                PlugClass("Demo.Clock", "public static int Ticks(long scale) => 42; // here"));
            Assert.That(error.Message, Is.EqualTo(
                "'TestPlug.Ticks(System.Int64)' replaces nothing: 'Demo.Clock' has no static method " +
                "System.Int32 Ticks(System.Int64); its methods named 'Ticks' are: static System.Int32 Ticks(); " +
                "static System.Int32 Ticks(System.Int32). Match one exactly (an instance method's 'this' is the " +
                "first parameter, typed Demo.Clock), or make the method private if it is a helper."));
        }

        [Test]
        public void COSMOS102_ATypoInTheName()
        {
            PlugDiagnostic error = SingleErrorAt("COSMOS102",
                PlugClass("Demo.Clock", "internal static int Tikcs() => 42; // here"));
            Assert.That(error.Message, Is.EqualTo("'TestPlug.Tikcs()' replaces nothing: 'Demo.Clock' has no method " +
                "named 'Tikcs'. Fix the name, or make the method private if it is a helper."));
        }

        [Test]
        public void COSMOS103_TwoPlugsForOneMethodNameBoth()
        {
            using var scenario = new PlugScenario(Target, """
                using Cosmos.Plugs;
                [Plug(typeof(Demo.Clock))]
                static class FirstPlug { public static int Ticks() => 42; } // first
                [Plug(typeof(Demo.Clock))]
                static class SecondPlug { public static int Ticks() => 43; } // second
                """);
            PlugDiagnostic error = SingleError(scenario);
            Assert.That(error.Code, Is.EqualTo("COSMOS103"));
            Assert.That(error.Location.Line, Is.EqualTo(scenario.PlugLine("// second")));
            Assert.That(error.Message, Does.Contain("'Demo.Clock.Ticks()' is plugged twice")
                .And.Contains($"by 'FirstPlug.Ticks()' ({scenario.PlugSourcePath}({scenario.PlugLine("// first")},")
                .And.Contains("and by 'SecondPlug.Ticks()'"));
        }

        [Test]
        public void COSMOS103_TwoExposedFieldsOfOneName()
        {
            PlugDiagnostic error = SingleErrorAt("COSMOS103", """
                using Cosmos.Plugs;
                [Plug(typeof(Demo.Shape))]
                class FirstPlug { [Expose] static int s_extra; }
                [Plug(typeof(Demo.Shape))]
                class SecondPlug { [Expose] static int s_extra; } // here
                """);
            Assert.That(error.Message, Does.Contain("'Demo.Shape.s_extra' is plugged twice")
                .And.Contains("'FirstPlug.s_extra'"));
        }

        [TestCase("Demo.Clock", "[PlugField(\"s_missing\")] static extern ref int Field(); // here",
                  "'Demo.Clock' has no field 's_missing' (its fields: s_count)")]
        [TestCase("Demo.Clock", "[PlugField(\"s_count\")] static extern ref long Field(); // here",
                  "'s_count' is of type System.Int32, so the accessor must return 'ref System.Int32', " +
                  "not 'ref System.Int64'")]
        [TestCase("Demo.Clock", "[PlugField(\"s_count\")] static extern ref int Field(object self); // here",
                  "'s_count' is a static field, so the accessor takes no parameters")]
        [TestCase("Demo.Clock", "[PlugField(\"s_count\")] static extern int Field(); // here",
                  "declare it 'static extern ref T Field()' for a static field")]
        [TestCase("Demo.Clock", "[PlugField(\"s_count\")] static ref int Field() => throw null; // here",
                  "declare it 'static extern ref T Field()' for a static field")]
        [TestCase("Demo.Shape", "[PlugField(\"_corners\")] static extern ref int Field(); // here",
                  "'_corners' is an instance field, so the accessor takes the instance as its only parameter " +
                  "(Demo.Shape)")]
        [TestCase("Demo.Shape", "[PlugField(\"_corners\")] static extern ref int Field(object self); // here",
                  "the instance parameter must be typed Demo.Shape, not System.Object")]
        public void COSMOS104_BadPlugField(string target, string accessor, string problem)
        {
            PlugDiagnostic error = SingleErrorAt("COSMOS104", PlugClass(target, accessor));
            Assert.That(error.Message, Does.StartWith("[PlugField] accessor 'TestPlug.Field(").And.Contains(problem));
        }

        [Test]
        public void COSMOS105_ExposingAFieldThatExists()
        {
            PlugDiagnostic error = SingleErrorAt("COSMOS105",
                PlugClass("Demo.Shape", "[Expose] int _corners; // here", kind: "class"));
            Assert.That(error.Message, Is.EqualTo("[Expose] 'TestPlug._corners': 'Demo.Shape' already has a field " +
                "'_corners': reach it through a [PlugField] accessor instead."));
        }

        [Test]
        public void COSMOS105_ExposingAMethodThatExists()
        {
            PlugDiagnostic error = SingleErrorAt("COSMOS105",
                PlugClass("Demo.Shape", "[Expose] static int Sides(Demo.Shape self) => 4; // here"));
            Assert.That(error.Message, Is.EqualTo("[Expose] 'TestPlug.Sides(Demo.Shape)': 'Demo.Shape' already has " +
                "the method 'System.Int32 Sides()': replace it with a non-private static plug method instead."));
        }

        [TestCase("Demo.Clock", "public static int Echo(int value) => value; // here",
                  "'Demo.Clock.Echo(T)', a generic method")]
        [TestCase("Demo.Shape", "public static int Corners(Demo.Shape self) => 4; // here",
                  "'Demo.Shape.Corners()', an abstract method")]
        [TestCase("Demo.Shape", "public static void Ctor(Demo.Shape self) { } // here",
                  "'Demo.Shape..ctor()', a constructor")]
        public void COSMOS106_UnsupportedTargetMethod(string target, string method, string what)
        {
            PlugDiagnostic error = SingleErrorAt("COSMOS106", PlugClass(target, method));
            Assert.That(error.Message, Does.Contain("targets " + what + ": generic methods, methods of generic " +
                                                    "types, abstract methods and constructors cannot be plugged"));
        }

        [Test]
        public void COSMOS106_AMethodOfAGenericType()
        {
            PlugDiagnostic error = SingleErrorAt("COSMOS106", """
                using Cosmos.Plugs;
                [Plug(typeof(Demo.Box<>))] // here
                static class BoxPlug { public static int Size(object self) => 1; }
                """);
            Assert.That(error.Message, Does.Contain("'BoxPlug' targets 'Demo.Box`1', a generic type"));
        }

        [Test]
        public void COSMOS107_APlugClassWithNoReplacements()
        {
            PlugDiagnostic error = SingleErrorAt("COSMOS107", """
                using Cosmos.Plugs;
                [Plug(typeof(Demo.Clock))] // here
                static class ClockPlug { static int Ticks() => 42; }
                """);
            Assert.That(error.Message, Does.Contain("[Plug] class 'ClockPlug' does nothing to 'Demo.Clock'")
                .And.Contains("non-private"));
        }

        [TestCase("class", "[Expose] int Area() => 12; // here", "an [Expose] method must be static and not generic")]
        [TestCase("static class", "[Expose] static int s_made = 3; // here", "cannot have an initializer")]
        public void COSMOS108_UnsupportedPlugMember(string kind, string member, string problem)
        {
            PlugDiagnostic error = SingleErrorAt("COSMOS108", PlugClass("Demo.Shape", member, kind));
            Assert.That(error.Message, Does.Contain(problem));
        }

        [Test]
        public void WithoutAPdbAMethodsErrorPointsAtItsAssembly()
        {
            using var scenario = new PlugScenario(Target, PlugClass("Demo.Clock", "public static int Tick() => 42;"));
            File.Delete(Path.ChangeExtension(scenario.PlugsPath, ".pdb"));
            PlugDiagnostic error = SingleError(scenario);
            Assert.That(error.ToString(),
                Does.StartWith($"{scenario.PlugsPath}: error COSMOS102: 'TestPlug.Tick()' replaces nothing"));
        }

        [Test]
        public void EveryErrorIsReportedInOneRun()
        {
            using var scenario = new PlugScenario(Target, """
                using Cosmos.Plugs;
                [Plug(typeof(Demo.Clock))]
                static class ClockPlug
                {
                    public static int Tick() => 1;
                    [PlugField("nope")] static extern ref int Nope();
                }
                [Plug("Demo.Nothing, Target")]
                static class NothingPlug { public static int Ticks() => 42; }
                """);
            Assert.That(scenario.Patch().Errors.Select(e => e.Code),
                Is.EquivalentTo(new[] { "COSMOS101", "COSMOS102", "COSMOS104" }));
        }
    }
}
