using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NUnit.Framework;

namespace Cosmos.Patcher.Tests
{
    // Plug methods replacing target methods: the patched target calls the plug, on CoreCLR, with the right `this`.
    [TestFixture]
    public class ReplacementTests
    {
        const string Clock = """
            namespace Demo
            {
                public static class Clock
                {
                    public static int Ticks() => 1;
                    public static int Add(int a, int b) => a + b;
                    public static int Untouched() => 3;
                }
            }
            """;

        const string ClockPlug = """
            using Cosmos.Plugs;
            namespace Demo.Plugs
            {
                [Plug(typeof(Demo.Clock))]
                internal static class ClockPlug
                {
                    public static int Ticks() => 42;
                    internal static int Add(int a, int b) => a * b + Offset();
                    static int Offset() => 1000;
                }
            }
            """;

        [Test]
        public void AStaticMethodReturnsThePlugsValue()
        {
            using var scenario = new PlugScenario(Clock, ClockPlug);
            PatchResult result = scenario.PatchSuccessfully();
            Assert.That(result.Summary, Is.EqualTo("CosmosOS plugs: 2 methods of 1 types replaced"));
            using PatchedAssemblies patched = scenario.Load();
            Assert.That(patched.Call("Demo.Clock", "Ticks"), Is.EqualTo(42));
            Assert.That(patched.Call("Demo.Clock", "Add", 6, 7), Is.EqualTo(1042));
            Assert.That(patched.Call("Demo.Clock", "Untouched"), Is.EqualTo(3));
        }

        [Test]
        public void TheTargetBodyLoadsTheArgumentsCallsThePlugAndReturns()
        {
            using var scenario = new PlugScenario(Clock, ClockPlug);
            scenario.PatchSuccessfully();
            using AssemblyDefinition target = scenario.ReadPatched("Target");
            MethodDefinition add = target.MainModule.GetType("Demo.Clock").Methods.Single(m => m.Name == "Add");
            Assert.That(add.Body.Instructions.Select(i => i.OpCode),
                Is.EqualTo(new[] { OpCodes.Ldarg_0, OpCodes.Ldarg_1, OpCodes.Call, OpCodes.Ret }));
            var callee = (MethodReference)add.Body.Instructions[2].Operand;
            Assert.That(callee.FullName,
                Is.EqualTo("System.Int32 Demo.Plugs.ClockPlug::Add(System.Int32,System.Int32)"));
            Assert.That(callee.DeclaringType.Scope.Name, Is.EqualTo("Plugs"));
            Assert.That(add.Body.Variables, Is.Empty);
            Assert.That(add.Body.ExceptionHandlers, Is.Empty);
        }

        [Test]
        public void AnInstanceMethodOfAClassGetsThisAsTheFirstParameter()
        {
            const string target = """
                namespace Demo
                {
                    public class Greeter
                    {
                        public string Name = "Ada";
                        public string Greet(string greeting) => "unplugged";
                    }
                }
                """;
            const string plug = """
                using Cosmos.Plugs;
                [Plug(typeof(Demo.Greeter))]
                static class GreeterPlug
                {
                    public static string Greet(Demo.Greeter self, string greeting) => greeting + ", " + self.Name;
                }
                """;
            using var scenario = new PlugScenario(target, plug);
            scenario.PatchSuccessfully();
            using PatchedAssemblies patched = scenario.Load();
            object greeter = System.Activator.CreateInstance(patched.Type("Demo.Greeter"))!;
            Assert.That(PatchedAssemblies.CallOn(greeter, "Greet", "Hello"), Is.EqualTo("Hello, Ada"));
        }

        [Test]
        public void AnInstanceMethodOfAStructGetsThisByReference()
        {
            const string target = """
                namespace Demo
                {
                    public struct Counter
                    {
                        public int Value;
                        public void Increment(int step) { }
                        public static int TwoSteps()
                        {
                            var counter = new Counter();
                            counter.Increment(5);
                            counter.Increment(6);
                            return counter.Value;
                        }
                    }
                }
                """;
            const string plug = """
                using Cosmos.Plugs;
                [Plug(typeof(Demo.Counter))]
                static class CounterPlug
                {
                    public static void Increment(ref Demo.Counter self, int step) => self.Value += step;
                }
                """;
            using var scenario = new PlugScenario(target, plug);
            scenario.PatchSuccessfully();
            using PatchedAssemblies patched = scenario.Load();
            Assert.That(patched.Call("Demo.Counter", "TwoSteps"), Is.EqualTo(11));
        }

        [Test]
        public void ObjectStandsForThisOfAnInternalNestedTypeNamedByString()
        {
            const string target = """
                namespace Demo
                {
                    public static class Outer
                    {
                        internal sealed class Hidden
                        {
                            public int Reveal() => 0;
                        }
                        public static int Reveal() => new Hidden().Reveal();
                    }
                }
                """;
            const string plug = """
                using Cosmos.Plugs;
                [Plug("Demo.Outer+Hidden, Target")]
                static class HiddenPlug
                {
                    public static int Reveal(object self) => self.GetType().Name.Length;
                }
                """;
            using var scenario = new PlugScenario(target, plug);
            scenario.PatchSuccessfully();
            using PatchedAssemblies patched = scenario.Load();
            Assert.That(patched.Call("Demo.Outer", "Reveal"), Is.EqualTo("Hidden".Length));
        }

        [Test]
        public void OnlyTheOverloadWithTheSameSignatureIsReplaced()
        {
            const string target = """
                namespace Demo
                {
                    public static class Describer
                    {
                        public static string Describe(int value) => "int";
                        public static string Describe(long value) => "long";
                        public static string Describe(string value) => "string";
                        public static unsafe string Describe(int* value) => "int*";
                        public static string Describe(int[] value) => "int[]";
                    }
                }
                """;
            const string plug = """
                using Cosmos.Plugs;
                [Plug(typeof(Demo.Describer))]
                static class DescriberPlug
                {
                    public static string Describe(string value) => "plugged " + value;
                    public static string Describe(int[] value) => "plugged array of " + value.Length;
                }
                """;
            using var scenario = new PlugScenario(target, plug);
            Assert.That(scenario.PatchSuccessfully().ReplacedMethods, Is.EqualTo(2));
            using PatchedAssemblies patched = scenario.Load();
            Assert.That(patched.Call("Demo.Describer", "Describe", 1), Is.EqualTo("int"));
            Assert.That(patched.Call("Demo.Describer", "Describe", 1L), Is.EqualTo("long"));
            Assert.That(patched.Call("Demo.Describer", "Describe", "x"), Is.EqualTo("plugged x"));
            Assert.That(patched.Call("Demo.Describer", "Describe", new[] { 1, 2, 3 }),
                Is.EqualTo("plugged array of 3"));
        }

        [Test]
        public void ExternTargetsBecomeOrdinaryCallableMethods()
        {
            const string target = """
                using System.Runtime.CompilerServices;
                using System.Runtime.InteropServices;
                namespace System.Runtime
                {
                    // What ILC binds to a native symbol; the BCL keeps its own copy internal.
                    [AttributeUsage(AttributeTargets.Method)]
                    public sealed class RuntimeImportAttribute : Attribute
                    {
                        public RuntimeImportAttribute(string entry) { }
                    }
                }
                namespace Demo
                {
                    public static class Native
                    {
                        [MethodImpl(MethodImplOptions.InternalCall)]
                        public static extern int Internal(int x);
                        [System.Runtime.RuntimeImport("native_square")]
                        [MethodImpl(MethodImplOptions.InternalCall)]
                        public static extern int Imported(int x);
                        [DllImport("no-such-library")]
                        public static extern int Invoked(int x);
                    }
                }
                """;
            const string plug = """
                using Cosmos.Plugs;
                [Plug(typeof(Demo.Native))]
                static class NativePlug
                {
                    public static int Internal(int x) => x + 1;
                    public static int Imported(int x) => x * x;
                    public static int Invoked(int x) => -x;
                }
                """;
            using var scenario = new PlugScenario(target, plug);
            scenario.PatchSuccessfully();
            using (PatchedAssemblies patched = scenario.Load())
            {
                Assert.That(patched.Call("Demo.Native", "Internal", 4), Is.EqualTo(5));
                Assert.That(patched.Call("Demo.Native", "Imported", 4), Is.EqualTo(16));
                Assert.That(patched.Call("Demo.Native", "Invoked", 4), Is.EqualTo(-4));
            }
            using AssemblyDefinition patchedTarget = scenario.ReadPatched("Target");
            TypeDefinition native = patchedTarget.MainModule.GetType("Demo.Native");
            foreach (MethodDefinition method in native.Methods.Where(m => !m.IsConstructor))
            {
                Assert.That(method.ImplAttributes, Is.EqualTo(MethodImplAttributes.IL | MethodImplAttributes.Managed),
                    method.Name);
                Assert.That(method.IsPInvokeImpl, Is.False, method.Name);
                Assert.That(method.HasPInvokeInfo, Is.False, method.Name);
                Assert.That(method.CustomAttributes.Select(a => a.AttributeType.Name),
                    Has.No.Member("RuntimeImportAttribute"), method.Name);
                Assert.That(method.Body.Instructions.Last().OpCode, Is.EqualTo(OpCodes.Ret), method.Name);
            }
        }

        [Test]
        public void AVirtualOverrideIsReplacedForCallsThroughTheBaseType()
        {
            const string target = """
                namespace Demo
                {
                    public abstract class Shape { public abstract int Corners(); }
                    public sealed class Square : Shape { public override int Corners() => 0; }
                    public static class Shapes
                    {
                        public static int CornersOf(Shape shape) => shape.Corners();
                        public static int OfSquare() => CornersOf(new Square());
                    }
                }
                """;
            const string plug = """
                using Cosmos.Plugs;
                [Plug(typeof(Demo.Square))]
                static class SquarePlug { public static int Corners(Demo.Square self) => 4; }
                """;
            using var scenario = new PlugScenario(target, plug);
            scenario.PatchSuccessfully();
            using PatchedAssemblies patched = scenario.Load();
            Assert.That(patched.Call("Demo.Shapes", "OfSquare"), Is.EqualTo(4));
        }
    }
}
